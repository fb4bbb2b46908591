"""Carries the offline checks run in the worker process (check_runner) back to the GUI thread.

Kept apart from check_runner, which the worker process imports: it needs no Qt.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.ui.editor.check_runner import analyze_elsewhere, check_elsewhere
from desktop.writing.flags import CheckContext, EditorOffsets, Flag


class ChecksDone(QObject):
    """Carries a background check's result to the GUI thread.

    Signals:
        done(int, object): the request's generation, and (offsets, flags).
        analyzed(object): (text, flags) of the Korean analyzer's rules, or (text, None).
    """

    done = Signal(int, object)
    analyzed = Signal(object)


def check_in_background(
    carrier: ChecksDone, generation: int, text: str, context: CheckContext
) -> None:
    def deliver(flags: list[Flag] | None) -> None:
        if flags is None:
            return
        try:
            carrier.done.emit(generation, (EditorOffsets(text), flags))
        except RuntimeError:
            pass  # the editor was closed while its text was being checked

    check_elsewhere(text, context, deliver)


def analyze_in_background(carrier: ChecksDone, text: str, context: CheckContext) -> None:
    def deliver(flags: list[Flag] | None) -> None:
        try:
            carrier.analyzed.emit((text, flags))
        except RuntimeError:
            pass  # the editor was closed while its text was being analysed

    analyze_elsewhere(text, context, deliver)
