"""How a running task reports back: streamed text, finished parts, progress; and its cancel."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.engine.backend import Progress


def _ignore(_value: object) -> None:
    return None


def _allow_all(_task: str) -> bool:
    return True


@dataclass
class TaskIO:
    """``on_text`` gets text as it streams; ``on_event`` a finished part (a candidate);
    ``allowed(task)`` says whether the loaded model qualified for a task that judges text
    (``engine/qualification.py``: "critique_ko", "critique_en", "interview", "draft")."""

    cancel: threading.Event = field(default_factory=threading.Event)
    on_text: Callable[[str], None] = _ignore
    on_event: Callable[[object], None] = _ignore
    on_progress: Callable[[Progress], None] | None = None
    allowed: Callable[[str], bool] = _allow_all
