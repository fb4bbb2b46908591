"""The answer editor: ghost text, check underlines with tooltips, and input-method awareness."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QTextCharFormat,
    QTextCursor,
    QTextLayout,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from desktop.ui.editor.undo_steps import insert_as_step

SEVERITY_COLORS = {
    "critical": "#d32f2f",
    "major": "#ef6c00",
    "minor": "#1976d2",
    "hint": "#9e9e9e",
}
AI_BACKGROUND = "#fff3c4"
COMMENT_BACKGROUND = "#e3f0fb"
COMMENT_UNDERLINE = "#1f5f99"


@dataclass(frozen=True)
class Mark:
    """An underline: UTF-16 positions in the editor, a severity, a tooltip, and the text that
    would correct the span ("" when the finding offers none)."""

    start: int
    end: int
    severity: str
    tooltip: str
    fix: str = ""


def next_word(text: str) -> str:
    """The leading space run and the first word (어절) of ``text``, with one trailing space."""
    index = 0
    while index < len(text) and text[index].isspace():
        index += 1
    while index < len(text) and not text[index].isspace():
        index += 1
    if index < len(text) and text[index] == " ":
        index += 1
    return text[:index]


class AnswerEdit(QPlainTextEdit):
    """A plain-text editor with ghost text at the cursor.

    While ghost text shows: Tab accepts it, Ctrl+Right one word, Alt+] / Alt+[ ask for the next
    or previous candidate, Esc dismisses it. Ctrl+Space asks for suggestions. Nothing is taken
    while an input method is composing (Hangul): the keys go to the input method.

    Signals:
        focus_lost: the editor lost keyboard focus.
        focus_gained: the editor got keyboard focus.
        ghost_accepted(str, str): the text before, and the piece taken from the ghost (all of
            it or one word).
        ghost_dismissed: Esc dismissed the ghost text.
        cycle_requested(int): +1 / -1 for the next / previous candidate.
        suggest_requested: Ctrl+Space.
        composing_changed(bool): an input-method composition started or ended.
        fix_chosen(object): the user chose a finding's correction (its Mark) in the context
            menu.
    """

    focus_lost = Signal()
    focus_gained = Signal()
    ghost_accepted = Signal(str, str)
    ghost_dismissed = Signal()
    cycle_requested = Signal(int)
    suggest_requested = Signal()
    composing_changed = Signal(bool)
    fix_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ghost = ""
        self._ghost_position = -1
        self.composing = False
        self.accepting = False  # True while ghost text is being inserted
        self._new_typing_step = False  # the next typed text starts an undo step of its own
        self._marks: list[Mark] = []
        self._highlights: list[tuple[int, int]] = []
        self._comments: list[tuple[int, int]] = []

    # Ghost text --------------------------------------------------------------------------

    @property
    def ghost_text(self) -> str:
        return self._ghost

    def can_show_ghost(self) -> bool:
        """Only at the end of a paragraph, with no selection and no composition."""
        cursor = self.textCursor()
        return not self.composing and not cursor.hasSelection() and cursor.atBlockEnd()

    def set_ghost(self, text: str) -> None:
        if not text or not self.can_show_ghost():
            self.clear_ghost()
            return
        self._ghost = text
        self._ghost_position = self.textCursor().position()
        self.viewport().update()

    def clear_ghost(self) -> None:
        if self._ghost:
            self._ghost = ""
            self._ghost_position = -1
            self.viewport().update()

    def _accept(self, piece: str) -> None:
        if not piece:
            return
        rest = self._ghost[len(piece) :]
        before = self.toPlainText()
        self._ghost = ""  # before inserting: the text change must not see a stale ghost
        self.accepting = True
        try:
            insert_as_step(self, piece)
        finally:
            self.accepting = False
        if rest:
            self.set_ghost(rest)
        self.viewport().update()
        self.ghost_accepted.emit(before, piece)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if self.composing:
            super().keyPressEvent(event)
            return
        key, mods = event.key(), event.modifiers()
        ctrl = Qt.KeyboardModifier.ControlModifier
        alt = Qt.KeyboardModifier.AltModifier
        if key == Qt.Key.Key_Space and mods & ctrl:
            self.suggest_requested.emit()
            return
        if self._ghost and self.textCursor().position() == self._ghost_position:
            if key == Qt.Key.Key_Tab and not mods & (ctrl | alt):
                self._accept(self._ghost)
                return
            if key == Qt.Key.Key_Right and mods & ctrl:
                self._accept(next_word(self._ghost))
                return
            if key in (Qt.Key.Key_BracketRight, Qt.Key.Key_BracketLeft) and mods & alt:
                self.cycle_requested.emit(1 if key == Qt.Key.Key_BracketRight else -1)
                return
            if key == Qt.Key.Key_Escape:
                self.clear_ghost()
                self.ghost_dismissed.emit()
                return
        if event.matches(QKeySequence.StandardKey.Cancel):
            self.clear_ghost()
        if self._new_typing_step and event.text() and event.text().isprintable():
            # Typed characters merge into one undo command; an edit block starts a new one.
            self._new_typing_step = False
            cursor = self.textCursor()
            cursor.beginEditBlock()
            super().keyPressEvent(event)
            cursor.endEditBlock()
            return
        super().keyPressEvent(event)

    def start_typing_step(self) -> None:
        """Make the next typed text a new undo step (called at each save, so one Ctrl+Z takes
        back at most what was typed since the last save, never a whole answer)."""
        self._new_typing_step = True

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 (Qt override)
        composing = bool(event.preeditString())
        if composing:
            self.clear_ghost()
        if composing != self.composing:
            self.composing = composing
            self.composing_changed.emit(composing)
        super().inputMethodEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if not self._ghost or self._ghost_position < 0:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self._ghost_position, self.document().characterCount() - 1))
        rect = self.cursorRect(cursor)
        margin = self.document().documentMargin()
        left = self.contentOffset().x() + margin
        right = self.viewport().width() - margin
        last_block = not cursor.block().next().isValid()
        text = self._ghost if last_block else self._ghost.split("\n")[0]
        layout = QTextLayout(text.replace("\n", "\u2028"), self.font())
        layout.beginLayout()
        y = float(rect.top())
        first = True
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            x = rect.left() + 1 if first else left
            line.setLineWidth(max(10.0, right - x))
            line.setPosition(QPointF(x, y))
            y += line.height()
            first = False
            if not last_block:
                break
        layout.endLayout()
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().placeholderText().color())
        layout.draw(painter, QPointF(0, 0))
        painter.end()

    # Underlines and highlights ----------------------------------------------------------

    def set_marks(self, marks: list[Mark]) -> None:
        self._marks = marks
        self._update_selections()

    def marks(self) -> list[Mark]:
        return list(self._marks)

    def set_highlights(self, spans: list[tuple[int, int]]) -> None:
        """Background-highlighted spans (text taken from the model)."""
        self._highlights = spans
        self._update_selections()

    def set_comment_spans(self, spans: list[tuple[int, int]]) -> None:
        """Spans a counselor commented on: tinted, with a dotted underline."""
        self._comments = spans
        self._update_selections()

    def _update_selections(self) -> None:
        selections = []
        for start, end in self._comments:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._span_cursor(start, end)
            selection.format.setBackground(QColor(COMMENT_BACKGROUND))
            selection.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            selection.format.setUnderlineColor(QColor(COMMENT_UNDERLINE))
            selections.append(selection)
        for start, end in self._highlights:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._span_cursor(start, end)
            selection.format.setBackground(QColor(AI_BACKGROUND))
            selections.append(selection)
        for mark in self._marks:
            if mark.end <= mark.start:
                continue
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._span_cursor(mark.start, mark.end)
            # a hint is advice, not an error: a gray dotted line instead of a wave
            style = QTextCharFormat.UnderlineStyle
            wavy = style.DotLine if mark.severity == "hint" else style.WaveUnderline
            selection.format.setUnderlineStyle(wavy)
            selection.format.setUnderlineColor(QColor(SEVERITY_COLORS.get(mark.severity, "gray")))
            selections.append(selection)
        self.setExtraSelections(selections)

    def _span_cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        last = self.document().characterCount() - 1
        cursor.setPosition(min(start, last))
        cursor.setPosition(min(end, last), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def select_span(self, start: int, end: int) -> None:
        """Select ``start``..``end`` (UTF-16 positions) and scroll it into view."""
        self.setTextCursor(self._span_cursor(start, end))
        self.ensureCursorVisible()
        self.setFocus()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.ToolTip and self._marks:
            position = self.cursorForPosition(event.pos()).position()  # type: ignore[attr-defined]
            tips = [m.tooltip for m in self.marks_at(position)]
            if tips:
                QToolTip.showText(event.globalPos(), "\n".join(tips), self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def marks_at(self, position: int) -> list[Mark]:
        return [m for m in self._marks if m.start <= position < max(m.end, m.start + 1)]

    def context_menu(self, pos: QPoint) -> QMenu:
        """The app's menu at ``pos`` (viewport coordinates): the corrections of the findings
        there first, then Qt's standard editing actions."""
        menu = self.createStandardContextMenu(pos)
        position = self.cursorForPosition(pos).position()
        fixes = [m for m in self.marks_at(position) if m.fix]
        standard = menu.actions()
        if fixes and standard:
            separator = menu.insertSeparator(standard[0])
            for mark in fixes:
                label = self.tr("Replace with “%1”").replace("%1", mark.fix.replace("&", "&&"))
                action = QAction(label, menu)
                action.triggered.connect(lambda _checked=False, m=mark: self.fix_chosen.emit(m))
                menu.insertAction(separator, action)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt override)
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    # Focus -------------------------------------------------------------------------------

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        super().focusOutEvent(event)
        self.focus_lost.emit()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        super().focusInEvent(event)
        self.focus_gained.emit()
