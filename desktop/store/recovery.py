"""Recovery files: the text of answers the database could not take (full disk, read-only home).

Each unsaved answer is written to ``answer-<question id>.json`` in the first folder that accepts
it: the data folder's ``recovery/``, then a folder under the system's temporary directory (often
another filesystem). A successful save removes the file; at the next start ``restore_pending``
writes what is left back into the database, keeping the replaced text as a revision.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlmodel import Session

from desktop.atomic import write_bytes_atomically
from desktop.store.errors import NotFound
from desktop.store.questions import get_question, save_answer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PendingAnswer:
    question_id: int
    text: str
    written_at: datetime
    path: Path


def fallback_dir(data_dir: Path, user: int | None = None) -> Path:
    """A per-user, per-data-folder folder under the system's temporary directory."""
    tag = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:12]
    if user is None:
        user = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"jaso-recovery-{user}-{tag}"


class RecoveryFiles:
    """Where unsaved answers are kept until the database takes them."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = folders

    @classmethod
    def for_data_dir(cls, data_dir: Path, user: int | None = None) -> RecoveryFiles:
        return cls([data_dir / "recovery", fallback_dir(data_dir, user)])

    def keep(self, question_id: int, text: str) -> Path | None:
        """Write the text atomically to the first folder that accepts it; None when none does."""
        record = {
            "question_id": question_id,
            "text": text,
            "written_at": datetime.now(UTC).isoformat(),
        }
        data = json.dumps(record, ensure_ascii=False).encode("utf-8")
        for folder in self.folders:
            target = folder / f"answer-{question_id}.json"
            try:
                folder.mkdir(parents=True, exist_ok=True)
                write_bytes_atomically(target, data)
            except OSError as exc:
                log.warning("recovery file %s not written: %s", target, exc)
                continue
            for other in self.folders:
                if other != folder:
                    _unlink_quietly(other / target.name)
            return target
        return None

    def forget(self, question_id: int) -> None:
        for folder in self.folders:
            _unlink_quietly(folder / f"answer-{question_id}.json")

    def pending(self) -> list[PendingAnswer]:
        """Every readable recovery file, newest first per question."""
        found: dict[int, PendingAnswer] = {}
        for folder in self.folders:
            for path in sorted(folder.glob("answer-*.json")) if folder.is_dir() else []:
                try:
                    record = json.loads(path.read_text(encoding="utf-8"))
                    item = PendingAnswer(
                        int(record["question_id"]),
                        str(record["text"]),
                        datetime.fromisoformat(record["written_at"]),
                        path,
                    )
                except (OSError, ValueError, KeyError, TypeError) as exc:
                    log.warning("recovery file %s unreadable: %s", path, exc)
                    continue
                known = found.get(item.question_id)
                if known is None or item.written_at > known.written_at:
                    found[item.question_id] = item
        return list(found.values())


@dataclass(frozen=True)
class Restored:
    changed: list[int]  # answers whose text was replaced by the recovered text
    settled: list[int]  # every recovery file whose text is now in the database


def restore_pending(session: Session, *, files: RecoveryFiles) -> Restored:
    """Write recovered answers into the database (run it through ``Database.run``).

    The text being replaced stays in the history: the new text is saved with reason "restore".
    Remove the files with ``files.forget`` only after the session committed.
    """
    changed: list[int] = []
    settled: list[int] = []
    for item in files.pending():
        try:
            current = get_question(session=session, question_id=item.question_id)
        except NotFound:
            log.warning("recovery file %s is for a deleted question; kept", item.path)
            continue
        if current.answer != item.text:
            # the text being replaced goes into the history first (a no-op when it is there)
            save_answer(
                session=session, question_id=item.question_id, text=current.answer, reason="manual"
            )
            save_answer(
                session=session, question_id=item.question_id, text=item.text, reason="restore"
            )
            changed.append(item.question_id)
        settled.append(item.question_id)
    return Restored(changed, settled)


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("could not remove %s: %s", path, exc)


__all__ = ["PendingAnswer", "RecoveryFiles", "Restored", "fallback_dir", "restore_pending"]
