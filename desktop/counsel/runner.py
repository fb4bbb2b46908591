"""Working through a batch of critiques headless (``jaso review``), one model, from this thread
(several critiques in flight against a server, see ``critique_pool``).

The app runs the same queue through its worker thread (``desktop/ui/assist/critique_queue.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.counsel.requests import stored_request
from desktop.engine.backend import Backend
from desktop.engine.tasks.critique_pool import Done, Work, run_pool, slots_for
from desktop.engine.tasks.io import TaskIO
from desktop.messages import say
from desktop.store import Database, StorageError
from desktop.store.batches import (
    BatchProgress,
    batch_progress,
    claim_next,
    complete_item,
    fail_item,
    release_batch,
    take_batch,
)
from desktop.store.errors import NotRunning


def empty_answer() -> str:
    """Why an item failed without a critique, in the language of the moment (it is stored)."""
    return say("답변이 비어 있습니다.", "the answer is empty")


DEFAULT_PARALLEL = 4  # critiques in flight against a server (a setting in the app)


def duration_text(seconds: float) -> str:
    """``M:SS``, or ``H:MM:SS`` from an hour up (time left in a batch)."""
    whole = int(round(seconds))
    if whole >= 3600:
        return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
    return f"{whole // 60}:{whole % 60:02d}"


def _complete(db: Database, **fields: Any) -> None:
    try:
        db.run(complete_item, **fields)
    except NotRunning:
        pass  # the item is no longer running here (cancelled, or taken over by the app)
    except StorageError as exc:
        db.run(fail_item, item_id=fields["item_id"], error=str(exc))


def run_batch(
    db: Database,
    batch_id: int,
    backend: Backend,
    *,
    owner: str,
    model_name: str = "",
    seed: int | None = None,
    parallel: int = DEFAULT_PARALLEL,
    on_item: Callable[[BatchProgress], None] | None = None,
    allowed: Callable[[str], bool] | None = None,
) -> BatchProgress:
    """Critique every queued item of the batch as ``owner``, up to ``parallel`` at once against
    a server (one at a time on a local model); a failure is recorded and the batch goes on.
    ``allowed`` is the model's qualification (``engine/qualification``): where it did not
    qualify, the critique is the automatic analysis. Raises ``StorageError`` if another running
    process works through the batch."""
    if not db.run(take_batch, batch_id=batch_id, owner=owner):
        raise StorageError(
            say(
                "다른 Jaso 프로세스가 이 일괄 검토를 진행하고 있습니다.",
                "another Jaso process is working through this batch",
            )
        )
    try:
        io = TaskIO(allowed=allowed) if allowed is not None else TaskIO()
        _run_items(db, batch_id, backend, model_name, seed, parallel, on_item, io)
    finally:
        db.run(release_batch, batch_id=batch_id, owner=owner)
    return db.run(batch_progress, batch_id=batch_id)


def _run_items(
    db: Database,
    batch_id: int,
    backend: Backend,
    model_name: str,
    seed: int | None,
    parallel: int,
    on_item: Callable[[BatchProgress], None] | None,
    io: TaskIO,
) -> None:
    def feed(_timeout: float) -> Work | None | bool:
        while (item := db.run(claim_next, batch_id=batch_id)) is not None:
            _app, request = db.run(stored_request, question_id=item.question_id)
            if request.text.strip():
                return Work(item.id, request)
            db.run(fail_item, item_id=item.id, error=empty_answer())
            report()
        return None

    def report() -> None:
        if on_item is not None:
            on_item(db.run(batch_progress, batch_id=batch_id))

    def on_done(done: Done) -> None:
        if done.result is None:
            db.run(fail_item, item_id=done.key, error=done.error)
        else:
            _complete(
                db,
                item_id=done.key,
                text=done.request.text,
                data=done.result,
                seconds=done.seconds,
                model=model_name,
                lang=done.request.lang,
            )
        report()

    run_pool(backend, feed, on_done, io, slots=slots_for(backend, parallel), seed=seed)
