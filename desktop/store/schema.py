"""Numbered schema migrations keyed on ``PRAGMA user_version``.

Each step is a list of statements run in one transaction together with the version bump. Steps
are never edited once released: a new change is a new step, and a fixture database of every
earlier version lives in ``tests/store/fixtures``.
"""

from __future__ import annotations

from typing import Final

MIGRATIONS: Final[dict[int, list[str]]] = {
    1: [
        """CREATE TABLE application (
            id INTEGER PRIMARY KEY,
            company TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL DEFAULT '',
            career_level TEXT NOT NULL DEFAULT 'entry',
            deadline DATE,
            status TEXT NOT NULL DEFAULT 'draft',
            notes TEXT NOT NULL DEFAULT '',
            blind_hiring BOOLEAN NOT NULL DEFAULT 0,
            client_name TEXT NOT NULL DEFAULT '',
            created_at DATETIME NOT NULL,
            updated_at DATETIME NOT NULL
        )""",
        """CREATE TABLE question (
            id INTEGER PRIMARY KEY,
            application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            text TEXT NOT NULL DEFAULT '',
            char_limit INTEGER,
            profile TEXT NOT NULL DEFAULT 'chars_incl_spaces',
            answer TEXT NOT NULL DEFAULT '',
            updated_at DATETIME NOT NULL
        )""",
        """CREATE TABLE revision (
            id INTEGER PRIMARY KEY,
            question_id INTEGER NOT NULL REFERENCES question(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            reason TEXT NOT NULL,
            created_at DATETIME NOT NULL,
            updated_at DATETIME NOT NULL
        )""",
        "CREATE INDEX ix_question_application ON question(application_id, position)",
        "CREATE INDEX ix_revision_question ON revision(question_id, created_at)",
    ],
    2: [
        # The trash, and the essay language.
        "ALTER TABLE application ADD COLUMN deleted_at DATETIME",
        "ALTER TABLE question ADD COLUMN deleted_at DATETIME",
        "ALTER TABLE application ADD COLUMN lang TEXT NOT NULL DEFAULT 'ko'",
        "CREATE INDEX ix_application_deadline ON application(deleted_at, deadline)",
    ],
    3: [
        # Full-text search; trigram so Hangul substrings ("물류" in "한빛물류") match.
        """CREATE VIRTUAL TABLE question_fts USING fts5(
            text, answer, content='question', content_rowid='id', tokenize='trigram'
        )""",
        """CREATE TRIGGER question_fts_insert AFTER INSERT ON question BEGIN
            INSERT INTO question_fts(rowid, text, answer) VALUES (new.id, new.text, new.answer);
        END""",
        """CREATE TRIGGER question_fts_delete AFTER DELETE ON question BEGIN
            INSERT INTO question_fts(question_fts, rowid, text, answer)
            VALUES ('delete', old.id, old.text, old.answer);
        END""",
        """CREATE TRIGGER question_fts_update AFTER UPDATE OF text, answer ON question BEGIN
            INSERT INTO question_fts(question_fts, rowid, text, answer)
            VALUES ('delete', old.id, old.text, old.answer);
            INSERT INTO question_fts(rowid, text, answer) VALUES (new.id, new.text, new.answer);
        END""",
        "INSERT INTO question_fts(question_fts) VALUES ('rebuild')",
    ],
    4: [
        # Critiques, each against the revision (the exact text) it reviewed.
        """CREATE TABLE critique (
            id INTEGER PRIMARY KEY,
            question_id INTEGER NOT NULL REFERENCES question(id) ON DELETE CASCADE,
            revision_id INTEGER NOT NULL REFERENCES revision(id) ON DELETE CASCADE,
            model TEXT NOT NULL DEFAULT '',
            lang TEXT NOT NULL DEFAULT 'ko',
            data TEXT NOT NULL,
            created_at DATETIME NOT NULL
        )""",
        "CREATE INDEX ix_critique_question ON critique(question_id, created_at)",
        # Text the user took from a suggestion or draft, to show it highlighted later.
        """CREATE TABLE ai_insert (
            id INTEGER PRIMARY KEY,
            question_id INTEGER NOT NULL REFERENCES question(id) ON DELETE CASCADE,
            revision_id INTEGER NOT NULL REFERENCES revision(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            created_at DATETIME NOT NULL
        )""",
        "CREATE INDEX ix_ai_insert_question ON ai_insert(question_id)",
    ],
    5: [
        # Interview practice: a session of questions drawn from one application's answers.
        """CREATE TABLE interview_session (
            id INTEGER PRIMARY KEY,
            application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
            model TEXT NOT NULL DEFAULT '',
            lang TEXT NOT NULL DEFAULT 'ko',
            created_at DATETIME NOT NULL
        )""",
        "CREATE INDEX ix_interview_session_app ON interview_session(application_id, created_at)",
        # One question of a session, the user's answer and the feedback on it (JSON, or '').
        """CREATE TABLE interview_item (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES interview_session(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            question TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT 'model',
            answer TEXT NOT NULL DEFAULT '',
            feedback TEXT NOT NULL DEFAULT '',
            answered_at DATETIME
        )""",
        "CREATE INDEX ix_interview_item_session ON interview_item(session_id, position)",
    ],
    6: [
        # Counselor review: the counselor's edit of an AI critique, approved or still a draft.
        "ALTER TABLE critique ADD COLUMN review TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE critique ADD COLUMN approved_at DATETIME",
        # Comments pinned to a span of an answer (offsets into the NFC text plus the quote, found
        # again by the quote when the text moves); with a replacement, a proposed edit.
        """CREATE TABLE comment (
            id INTEGER PRIMARY KEY,
            question_id INTEGER NOT NULL REFERENCES question(id) ON DELETE CASCADE,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            quote TEXT NOT NULL,
            body TEXT NOT NULL DEFAULT '',
            replacement TEXT,
            state TEXT NOT NULL DEFAULT 'open',
            created_at DATETIME NOT NULL,
            updated_at DATETIME NOT NULL
        )""",
        "CREATE INDEX ix_comment_question ON comment(question_id)",
        # Clients by the name applications carry; consent covers training-data export.
        """CREATE TABLE client (
            name TEXT PRIMARY KEY,
            training_consent BOOLEAN NOT NULL DEFAULT 0,
            updated_at DATETIME NOT NULL
        )""",
        # Batch critiques: the queue survives a restart (running items go back to queued).
        """CREATE TABLE batch (
            id INTEGER PRIMARY KEY,
            state TEXT NOT NULL DEFAULT 'running',
            model TEXT NOT NULL DEFAULT '',
            created_at DATETIME NOT NULL,
            finished_at DATETIME
        )""",
        """CREATE TABLE batch_item (
            id INTEGER PRIMARY KEY,
            batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            question_id INTEGER NOT NULL REFERENCES question(id) ON DELETE CASCADE,
            state TEXT NOT NULL DEFAULT 'queued',
            error TEXT NOT NULL DEFAULT '',
            critique_id INTEGER REFERENCES critique(id) ON DELETE SET NULL,
            seconds REAL,
            started_at DATETIME,
            finished_at DATETIME
        )""",
        "CREATE INDEX ix_batch_item_batch ON batch_item(batch_id, state, position)",
    ],
    7: [
        # The process working through a batch (host:pid:token), so that a second app or
        # `jaso review` on the same file leaves it alone while that process runs.
        "ALTER TABLE batch ADD COLUMN owner TEXT NOT NULL DEFAULT ''",
    ],
}

LATEST_VERSION: Final = max(MIGRATIONS)
