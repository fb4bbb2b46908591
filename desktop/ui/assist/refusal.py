"""When the model's output fails the output gate (``OutputRejected``), or the model is known not
to be able to do a task: an honest "this model cannot …" with the automatic analysis instead.

The engine's error is caught inside the task, on the model thread, where its type is known (a
failed job only carries its message across threads), and comes back as a ``Refused`` result.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from desktop.engine.backend import Backend
from desktop.engine.errors import OutputRejected
from desktop.engine.tasks.io import TaskIO


@dataclass(frozen=True)
class Refused:
    """A task whose every output failed the gate: the engine's message, for the user."""

    message: str
    reasons: dict[str, int] = field(default_factory=dict)


def refusing(task: Callable[[Backend, TaskIO], object]) -> Callable[[Backend, TaskIO], object]:
    """``task`` with ``OutputRejected`` returned as ``Refused`` instead of failing the job."""

    def run(backend: Backend, io: TaskIO) -> object:
        try:
            return task(backend, io)
        except OutputRejected as exc:
            return Refused(str(exc), dict(getattr(exc, "reasons", {}) or {}))

    return run


def analysis_html(cannot: str, lines: list[str]) -> str:
    """``cannot`` (why the model's text is not shown) and the analysis's checklist, as HTML."""
    title = QCoreApplication.translate("Refusal", "Automatic analysis")
    colours = {"✓": "#2e7d32", "✗": "#b71c1c"}
    items = "".join(
        f"<p style='margin:2px 0 2px 12px; color:{colours.get(line[:1], '#333')}'>"
        f"{html.escape(line)}</p>"
        for line in lines
    )
    return (
        f"<p style='background:#fff8e1; padding:4px'>{html.escape(cannot)}</p>"
        f"<h4>{html.escape(title)}</h4>{items}"
    )


def cannot_draft(refused: Refused | None) -> str:
    """What the draft dialog says instead of a draft."""
    if refused is not None:
        return (
            refused.message
            + " "
            + QCoreApplication.translate(
                "Refusal",
                "Nothing it wrote is shown. Here is what your notes hold for this question "
                "instead.",
            )
        )
    return QCoreApplication.translate(
        "Refusal",
        "This model cannot write drafts (it only continues text). Here is what your notes hold "
        "for this question instead.",
    )


def cannot_give_feedback(refused: Refused | None, has_model: bool) -> str:
    """What the interview practice says instead of the model's feedback."""
    if refused is not None:
        return (
            refused.message
            + " "
            + QCoreApplication.translate(
                "Refusal",
                "Nothing it wrote is shown. Here is the automatic analysis of your answer instead.",
            )
        )
    if not has_model:
        return QCoreApplication.translate(
            "Refusal", "No model is loaded. Here is the automatic analysis of your answer."
        )
    return QCoreApplication.translate(
        "Refusal",
        "This model cannot give interview feedback (it only continues text). Here is the "
        "automatic analysis of your answer instead.",
    )
