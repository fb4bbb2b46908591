"""Full-text search over questions and answers (FTS5, trigram), plus company and role."""

from __future__ import annotations

import unicodedata

from sqlalchemy import text
from sqlmodel import Session

from desktop.store.records import SearchHit

# A snippet shows the match near its start, so a narrow list does not cut it away: a little
# before it (back to a word start when one is near), more after it.
_SNIPPET_BEFORE = 12
_SNIPPET_AFTER = 40


def _like_pattern(query: str) -> str:
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _snippet(source: str, query: str) -> str:
    index = source.lower().find(query.lower())
    if index < 0:
        return source[: _SNIPPET_BEFORE + _SNIPPET_AFTER].replace("\n", " ")
    start = max(0, index - _SNIPPET_BEFORE)
    space = source.rfind(" ", start - 6 if start > 6 else 0, index)
    if start and space >= 0 and index - space <= _SNIPPET_BEFORE + 6:
        start = space + 1
    end = min(len(source), index + len(query) + _SNIPPET_AFTER)
    prefix = "…" if start else ""
    suffix = "…" if end < len(source) else ""
    return prefix + source[start:end].replace("\n", " ") + suffix


def search(session: Session, *, query: str, limit: int = 200) -> list[SearchHit]:
    """Applications whose company, role, questions or answers contain ``query``.

    Queries of three characters or more use the trigram index (``MATCH`` on a quoted phrase);
    shorter ones (two-syllable Hangul words are common) fall back to ``LIKE``.
    """
    query = unicodedata.normalize("NFC", query.strip())
    if not query:
        return []
    hits: list[SearchHit] = []
    like = _like_pattern(query)
    app_rows = session.connection().execute(
        text(
            "SELECT id, company, role, client_name FROM application WHERE deleted_at IS NULL "
            "AND (company LIKE :q ESCAPE '\\' OR role LIKE :q ESCAPE '\\' "
            "OR client_name LIKE :q ESCAPE '\\') LIMIT :limit"
        ),
        {"q": like, "limit": limit},
    )
    for app_id, company, role, client in app_rows:
        hits.append(
            SearchHit(int(app_id), None, " · ".join(x for x in (company, role, client) if x))
        )
    if len(query) >= 3:
        source_table = "question_fts JOIN question q ON q.id = question_fts.rowid"
        condition = "question_fts MATCH :match"
        params: dict[str, object] = {"match": '"' + query.replace('"', '""') + '"'}
    else:
        # Trigrams cannot serve a shorter pattern; scanning the plain table is faster than
        # scanning the index (bench/store_bench.py).
        source_table = "question q"
        condition = "(q.text LIKE :q ESCAPE '\\' OR q.answer LIKE :q ESCAPE '\\')"
        params = {"q": like}
    rows = session.connection().execute(
        text(
            "SELECT q.application_id, q.id, q.text, q.answer "
            f"FROM {source_table} JOIN application a ON a.id = q.application_id "
            f"WHERE {condition} AND q.deleted_at IS NULL AND a.deleted_at IS NULL "
            "ORDER BY a.deadline IS NULL, a.deadline, q.position LIMIT :limit"
        ),
        {**params, "limit": limit},
    )
    for app_id, question_id, question_text, answer in rows:
        source = answer if query.lower() in answer.lower() else question_text
        hits.append(SearchHit(int(app_id), int(question_id), _snippet(source, query)))
    return hits
