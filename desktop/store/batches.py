"""The batch-critique queue, kept in SQLite so it resumes after a restart or a crash.

A batch holds one item per question, in order. The process working through it owns it (the app or
``jaso review``, see ``owners.py``); another process leaves it alone while the owner runs. The
owner claims the next queued item (it becomes "running"), then completes it together with its
critique in one transaction, or fails it with a message; one failure does not stop the batch.
Taking over the batch of a process that is gone (killed, crashed) queues its "running" items
again. Pausing keeps the queue; cancelling drops what is still queued.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, col, func, select, update

from desktop.critique_types import CritiqueData
from desktop.store.applications import now
from desktop.store.critiques import save_critique
from desktop.store.errors import NotRunning
from desktop.store.owners import is_running
from desktop.store.rows import live_row
from desktop.store.tables import Application, Batch, BatchItem, Question


@dataclass(frozen=True)
class BatchProgress:
    batch_id: int
    state: str
    total: int
    done: int
    failed: int
    queued: int
    running: int
    cancelled: int
    mean_seconds: float | None  # over the items done so far

    @property
    def finished(self) -> int:
        return self.done + self.failed + self.cancelled

    @property
    def eta_seconds(self) -> float | None:
        """Seconds until the queue is through at the pace so far; None before the first item."""
        if self.mean_seconds is None:
            return None
        return self.mean_seconds * (self.queued + self.running)


@dataclass(frozen=True)
class BatchFailure:
    question_id: int
    company: str
    question: str
    error: str


@dataclass(frozen=True)
class ClaimedItem:
    id: int
    batch_id: int
    question_id: int


def create_batch(
    session: Session, *, question_ids: Iterable[int], model: str = "", owner: str = ""
) -> int:
    """A running batch of critiques of ``question_ids`` in that order (duplicates dropped)."""
    ids = list(dict.fromkeys(question_ids))
    if not ids:
        raise ValueError("a batch needs at least one question")
    batch = Batch(model=model, created_at=now(), owner=owner)
    session.add(batch)
    session.flush()
    assert batch.id is not None
    for position, question_id in enumerate(ids):
        session.add(BatchItem(batch_id=batch.id, position=position, question_id=question_id))
    session.flush()
    return batch.id


def add_to_batch(
    session: Session, *, batch_id: int, question_ids: Iterable[int], first: bool = False
) -> int:
    """Queue critiques of ``question_ids`` in a batch that is still open; how many were added.

    ``first`` puts them ahead of what is still queued (a writer's Review waits for nothing
    else), otherwise they go to the end (a counselor's batch). A question already queued only
    moves ahead with ``first``; one already running is not queued twice.
    """
    ids = list(dict.fromkeys(question_ids))
    batch = _batch(session, batch_id)
    if batch.state not in ("running", "paused"):
        raise NotRunning(f"batch {batch_id} is {batch.state}")
    rows = session.exec(select(BatchItem).where(BatchItem.batch_id == batch_id)).all()
    open_rows = {r.question_id: r for r in rows if r.state in ("queued", "running")}
    fresh = [qid for qid in ids if qid not in open_rows]
    positions = [r.position for r in rows]
    if first:
        head = min(positions, default=0) - len(ids)
        for offset, qid in enumerate(ids):
            row = open_rows.get(qid)
            if row is None:
                session.add(BatchItem(batch_id=batch_id, position=head + offset, question_id=qid))
            elif row.state == "queued":
                row.position = head + offset
                session.add(row)
    else:
        tail = max(positions, default=-1) + 1
        for offset, qid in enumerate(fresh):
            session.add(BatchItem(batch_id=batch_id, position=tail + offset, question_id=qid))
    session.flush()
    return len(fresh)


def _batch(session: Session, batch_id: int) -> Batch:
    return live_row(session, Batch, batch_id)


def take_batch(session: Session, *, batch_id: int, owner: str) -> bool:
    """Make ``owner`` the batch's owner unless another process that still runs owns it.

    Items left "running" by an owner that is gone are queued again. The owner is changed only if
    it is still what was read, so two processes taking the same batch at once cannot both win.
    """
    batch = _batch(session, batch_id)
    if batch.owner == owner:
        return True
    if batch.owner and is_running(batch.owner):
        return False
    taken = session.exec(
        update(Batch)
        .where(col(Batch.id) == batch_id, col(Batch.owner) == batch.owner)
        .values(owner=owner)
    )
    if taken.rowcount != 1:
        return False
    rows = session.exec(
        select(BatchItem).where(BatchItem.batch_id == batch_id, BatchItem.state == "running")
    ).all()
    for row in rows:
        row.state = "queued"
        row.started_at = None
        session.add(row)
    session.flush()
    session.expire(batch)
    return True


def release_batch(session: Session, *, batch_id: int, owner: str) -> None:
    """Give the batch up (it ended, or the owner quits), if ``owner`` still holds it."""
    batch = _batch(session, batch_id)
    if batch.owner == owner:
        batch.owner = ""
        session.add(batch)
        session.flush()


def unfinished_batch(session: Session, *, owner: str) -> int | None:
    """The newest batch, running or paused, with items left, that ``owner`` may take: its own,
    nobody's, or one whose owner no longer runs."""
    statement = (
        select(Batch.id, Batch.owner)
        .join(BatchItem, col(BatchItem.batch_id) == col(Batch.id))
        .where(
            col(Batch.state).in_(("running", "paused")),
            col(BatchItem.state).in_(("queued", "running")),
        )
        .distinct()
        .order_by(col(Batch.id).desc())
    )
    for batch_id, batch_owner in session.exec(statement):
        if batch_owner in ("", owner) or not is_running(batch_owner):
            return batch_id
    return None


def claim_next(session: Session, *, batch_id: int) -> ClaimedItem | None:
    """Mark the next queued item running and return it; None when paused, cancelled or empty
    (the batch is done once nothing is queued or running).

    An item whose question went to the trash fails here instead of being claimed.
    """
    batch = _batch(session, batch_id)
    while batch.state == "running":
        row = session.exec(
            select(BatchItem)
            .where(BatchItem.batch_id == batch_id, BatchItem.state == "queued")
            .order_by(col(BatchItem.position))
            .limit(1)
        ).first()
        if row is None:
            running = session.exec(
                select(BatchItem.id)
                .where(BatchItem.batch_id == batch_id, BatchItem.state == "running")
                .limit(1)
            ).first()
            if running is None:  # with critiques still in flight it ends when they have
                batch.state = "done"
                batch.finished_at = now()
                session.add(batch)
                session.flush()
            return None
        assert row.id is not None
        question = session.get(Question, row.question_id)
        if question is None or question.deleted_at is not None:
            _end(session, row, "failed", error="the question was deleted")
            continue
        row.state = "running"
        row.started_at = now()
        session.add(row)
        session.flush()
        return ClaimedItem(row.id, batch_id, row.question_id)
    return None


def _item(session: Session, item_id: int) -> BatchItem:
    return live_row(session, BatchItem, item_id)


def _end(
    session: Session, row: BatchItem, state: str, *, error: str = "", seconds: float | None = None
) -> None:
    row.state = state
    row.error = error
    row.seconds = seconds
    row.finished_at = now()
    session.add(row)
    session.flush()


def complete_item(
    session: Session,
    *,
    item_id: int,
    text: str,
    data: CritiqueData,
    seconds: float,
    model: str = "",
    lang: str = "ko",
) -> int:
    """Store the item's critique of ``text`` and mark it done, in one transaction."""
    row = _item(session, item_id)
    if row.state != "running":
        raise NotRunning(f"batch item {item_id} is {row.state}, not running")
    record = save_critique(
        session=session, question_id=row.question_id, text=text, data=data, model=model, lang=lang
    )
    row.critique_id = record.id
    _end(session, row, "done", seconds=seconds)
    return record.id


def fail_item(session: Session, *, item_id: int, error: str) -> None:
    row = _item(session, item_id)
    _end(session, row, "failed", error=error[:500] or "failed")


def requeue_item(session: Session, *, item_id: int) -> None:
    """Put a running item back at the head of the queue (its job was stopped by a pause)."""
    row = _item(session, item_id)
    if row.state == "running":
        row.state = "queued"
        row.started_at = None
        session.add(row)
        session.flush()


def set_batch_state(session: Session, *, batch_id: int, state: str) -> None:
    """Pause, resume ("running") or cancel; cancelling marks the queued items cancelled."""
    if state not in ("running", "paused", "cancelled"):
        raise ValueError("a batch can be paused, resumed (running) or cancelled")
    batch = _batch(session, batch_id)
    if batch.state in ("cancelled", "done"):
        return
    batch.state = state
    if state == "cancelled":
        batch.finished_at = now()
        rows = session.exec(
            select(BatchItem).where(
                BatchItem.batch_id == batch_id, col(BatchItem.state).in_(("queued", "running"))
            )
        ).all()
        for row in rows:
            _end(session, row, "cancelled")
    session.add(batch)
    session.flush()


def batch_progress(session: Session, *, batch_id: int) -> BatchProgress:
    batch = _batch(session, batch_id)
    assert batch.id is not None
    counts = dict(
        session.exec(
            select(BatchItem.state, func.count())
            .where(BatchItem.batch_id == batch_id)
            .group_by(BatchItem.state)
        ).all()
    )
    mean = session.exec(
        select(func.avg(BatchItem.seconds)).where(
            BatchItem.batch_id == batch_id, BatchItem.state == "done"
        )
    ).one()
    return BatchProgress(
        batch_id=batch.id,
        state=batch.state,
        total=sum(counts.values()),
        done=counts.get("done", 0),
        failed=counts.get("failed", 0),
        queued=counts.get("queued", 0),
        running=counts.get("running", 0),
        cancelled=counts.get("cancelled", 0),
        mean_seconds=float(mean) if mean is not None else None,
    )


def batch_failures(session: Session, *, batch_id: int) -> list[BatchFailure]:
    statement = (
        select(BatchItem, Question, Application)
        .join(Question, col(Question.id) == col(BatchItem.question_id))
        .join(Application, col(Application.id) == col(Question.application_id))
        .where(BatchItem.batch_id == batch_id, BatchItem.state == "failed")
        .order_by(col(BatchItem.position))
    )
    return [
        BatchFailure(item.question_id, app.company, question.text, item.error)
        for item, question, app in session.exec(statement)
    ]


def answered_questions(session: Session) -> dict[int, list[int]]:
    """Question ids with a non-blank answer, by live application id, in question order."""
    statement = (
        select(Question.application_id, Question.id)
        .join(Application, col(Application.id) == col(Question.application_id))
        .where(
            col(Question.deleted_at).is_(None),
            col(Application.deleted_at).is_(None),
            func.trim(Question.answer) != "",
        )
        .order_by(col(Question.application_id), col(Question.position), col(Question.id))
    )
    result: dict[int, list[int]] = {}
    for application_id, question_id in session.exec(statement):
        assert question_id is not None
        result.setdefault(application_id, []).append(question_id)
    return result
