"""Working through a batch of critiques headless (``jaso review``), one model, in this thread.

The app runs the same queue through its worker thread (``desktop/ui/batch_controller.py``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from desktop.engine.backend import Backend
from desktop.engine.errors import EngineError
from desktop.engine.tasks.critique import critique
from desktop.engine.tasks.io import TaskIO
from desktop.review.requests import essay_request
from desktop.store import Database
from desktop.store.applications import get_application, other_companies
from desktop.store.batches import (
    BatchProgress,
    batch_progress,
    claim_next,
    complete_item,
    fail_item,
)
from desktop.store.questions import get_question

EMPTY_ANSWER = "the answer is empty"


def _complete(db: Database, **fields: Any) -> None:
    try:
        db.run(complete_item, **fields)
    except ValueError:
        pass  # the item is no longer running here (cancelled, or taken over by the app)


def run_batch(
    db: Database,
    batch_id: int,
    backend: Backend,
    *,
    model_name: str = "",
    seed: int | None = None,
    on_item: Callable[[BatchProgress], None] | None = None,
) -> BatchProgress:
    """Critique every queued item of the batch; a failure is recorded and the batch goes on."""
    while (item := db.run(claim_next, batch_id=batch_id)) is not None:
        question = db.run(get_question, question_id=item.question_id)
        app = db.run(get_application, application_id=question.application_id)
        others = tuple(db.run(other_companies, application_id=app.id))
        request = essay_request(app, question, others)
        if not request.text.strip():
            db.run(fail_item, item_id=item.id, error=EMPTY_ANSWER)
        else:
            started = time.perf_counter()
            try:
                data = critique(backend, request, TaskIO(), seed=seed)
            except EngineError as exc:
                db.run(fail_item, item_id=item.id, error=str(exc))
            else:
                _complete(
                    db,
                    item_id=item.id,
                    text=request.text,
                    data=data,
                    seconds=time.perf_counter() - started,
                    model=model_name,
                    lang=request.lang,
                )
        if on_item is not None:
            on_item(db.run(batch_progress, batch_id=batch_id))
    return db.run(batch_progress, batch_id=batch_id)
