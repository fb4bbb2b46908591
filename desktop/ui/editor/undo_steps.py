"""Edits that are one undo step of their own, and a typing chunk boundary.

QTextDocument merges undo commands (``QTextDocumentPrivate::appendUndoItem``): two insertions
outside an edit block merge when they are adjacent, and an insertion outside an edit block also
merges into the edit block before it when that block ended with an insertion. So text put in with
``insertPlainText`` became part of the typing before it, and the typing after it became part of
that text: one Ctrl+Z could take a suggestion together with everything typed around it.

Here an insertion is an edit block of its own (nothing before it merges into it), closed by a
format change that changes nothing (nothing after it merges into it either: only an insertion
can absorb the next one). ``setUndoRedoEnabled`` is no answer: turning it off clears the stack.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit


def insert_as_step(edit: QPlainTextEdit, text: str, cursor: QTextCursor | None = None) -> None:
    """Put ``text`` in place of ``cursor``'s selection (the edit's cursor by default) as one
    undo step that neither the edits before nor those after are merged into; the edit's cursor
    ends after the text."""
    cursor = QTextCursor(edit.textCursor()) if cursor is None else QTextCursor(cursor)
    if not text and not cursor.hasSelection():
        return
    cursor.beginEditBlock()
    cursor.insertText(text)
    seal(cursor)
    cursor.endEditBlock()
    edit.setTextCursor(cursor)


def replace_all_as_step(edit: QPlainTextEdit, text: str) -> None:
    """Replace the whole text as one undo step (unlike ``setPlainText``, which forgets the
    undo history, so the text before could not be brought back with Ctrl+Z)."""
    cursor = QTextCursor(edit.document())
    cursor.select(QTextCursor.SelectionType.Document)
    insert_as_step(edit, text, cursor)


def seal(cursor: QTextCursor) -> None:
    """End the current edit block with a command no later insertion can merge into (call
    between ``beginEditBlock`` and ``endEditBlock``)."""
    cursor.mergeBlockFormat(QTextBlockFormat())
