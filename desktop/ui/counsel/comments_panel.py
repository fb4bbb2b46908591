"""Comments pinned to passages of the answer, and proposed replacements the writer settles.

The spans follow the text as it is edited: each refresh finds every comment's quote again in the
editor's text (nearest to where it was), and a comment whose passage is gone says so.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.store import Database, StorageError
from desktop.store.comments import (
    CommentRecord,
    add_comment,
    delete_comment,
    list_comments,
    set_comment_state,
)
from desktop.ui.counsel.review_items import CommentDialog
from desktop.ui.editor.question_editor import QuestionEditor
from desktop.writing.anchors import relocate

_ID_ROLE = Qt.ItemDataRole.UserRole


class CommentsPanel(QWidget):
    """Signals:
    message(str): a short note for the status bar.
    """

    message = Signal(str)

    def __init__(
        self, db: Database, flush: Callable[[], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.flush = flush  # saves the open answers; False when that failed
        self.editor: QuestionEditor | None = None
        self.comments: list[CommentRecord] = []
        self.spans: dict[int, tuple[int, int] | None] = {}
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemClicked.connect(self._on_list_item_clicked)
        self.list.currentItemChanged.connect(self._update_buttons)
        self.comment_button = QPushButton(self.tr("Comment on selection…"))
        self.propose_button = QPushButton(self.tr("Propose replacement…"))
        self.accept_button = QPushButton(self.tr("Accept"))
        self.reject_button = QPushButton(self.tr("Reject"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.comment_button.clicked.connect(self._on_comment_button_clicked)
        self.propose_button.clicked.connect(self._on_propose_button_clicked)
        self.accept_button.clicked.connect(self._on_accept_button_clicked)
        self.reject_button.clicked.connect(self._on_reject_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        top = QHBoxLayout()
        top.addWidget(self.comment_button)
        top.addWidget(self.propose_button)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.accept_button)
        bottom.addWidget(self.reject_button)
        bottom.addStretch(1)
        bottom.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addLayout(bottom)
        self.set_editor(None)

    def set_editor(self, editor: QuestionEditor | None) -> None:
        self.editor = editor
        self.reload()

    def reload(self) -> None:
        """Read the comments again (after a save, another answer, a new comment)."""
        self.comments = []
        if self.editor is not None:
            try:
                self.comments = self.db.run(list_comments, question_id=self.editor.question_id)
            except StorageError as exc:
                self.message.emit(str(exc))
        self.refresh()

    def refresh(self) -> None:
        """Find every comment's passage in the editor's current text and show the list."""
        text = self.editor.nfc_text() if self.editor is not None else ""
        self.spans = {
            c.id: relocate(text, c.start or 0, c.end or 0, c.quote) for c in self.comments
        }
        current = self._current()
        self.list.clear()
        for comment in self.comments:
            item = QListWidgetItem(self._describe(comment))
            item.setData(_ID_ROLE, comment.id)
            if comment.state != "open" or self.spans[comment.id] is None:
                item.setForeground(QColor("#888888"))
            self.list.addItem(item)
            if current is not None and comment.id == current.id:
                self.list.setCurrentItem(item)
        if self.editor is not None:
            self.editor.set_comment_spans(
                [
                    span
                    for c in self.comments
                    if c.state == "open" and (span := self.spans[c.id]) is not None
                ]
            )
        self._update_buttons()

    def _describe(self, comment: CommentRecord) -> str:
        quote = comment.quote if len(comment.quote) <= 60 else comment.quote[:57] + "…"
        lines = [f"«{quote}»"]
        if comment.body:
            lines.append(comment.body)
        if comment.replacement is not None:
            lines.append(self.tr("Replace with: «%1»").replace("%1", comment.replacement))
        state = {
            "accepted": self.tr("accepted"),
            "rejected": self.tr("rejected"),
            "resolved": self.tr("resolved"),
        }.get(comment.state)
        if self.spans.get(comment.id) is None:
            state = self.tr("passage no longer in the answer") + (f" · {state}" if state else "")
        if state:
            lines[0] += f"  [{state}]"
        return "\n".join(lines)

    def _current(self) -> CommentRecord | None:
        item = self.list.currentItem()
        if item is None:
            return None
        wanted = item.data(_ID_ROLE)
        return next((c for c in self.comments if c.id == wanted), None)

    def _update_buttons(self) -> None:
        comment = self._current()
        has_editor = self.editor is not None
        self.comment_button.setEnabled(has_editor)
        self.propose_button.setEnabled(has_editor)
        settable = comment is not None and comment.state == "open"
        anchored = comment is not None and self.spans.get(comment.id) is not None
        self.accept_button.setEnabled(
            settable and anchored and comment is not None and comment.is_proposal
        )
        self.reject_button.setEnabled(settable)
        self.delete_button.setEnabled(comment is not None)

    # Actions -------------------------------------------------------------------------------

    def _new(self, propose: bool) -> None:
        editor = self.editor
        if editor is None:
            return
        span = editor.selected_nfc_span()
        if span is None:
            self.message.emit(self.tr("Select the passage in the answer first."))
            return
        if not self.flush():  # the comment is pinned to the saved text
            self.message.emit(self.tr("The answer could not be saved, so no comment was added."))
            return
        quote = editor.nfc_text()[span[0] : span[1]]
        dialog = CommentDialog(quote, propose, self)
        if not dialog.exec():
            return
        body, replacement = dialog.values()
        try:
            self.db.run(
                add_comment,
                question_id=editor.question_id,
                start=span[0],
                end=span[1],
                body=body,
                replacement=replacement,
            )
        except (StorageError, ValueError) as exc:
            self.message.emit(self.tr("The comment could not be saved: %1").replace("%1", str(exc)))
            return
        self.reload()

    def _on_comment_button_clicked(self) -> None:
        self._new(propose=False)

    def _on_propose_button_clicked(self) -> None:
        self._new(propose=True)

    def _set_state(self, comment: CommentRecord, state: str) -> None:
        try:
            self.db.run(set_comment_state, comment_id=comment.id, state=state)
        except StorageError as exc:
            self.message.emit(str(exc))
        self.reload()

    def _on_accept_button_clicked(self) -> None:
        """Put the proposed text into the answer (one undoable edit), then settle the proposal."""
        comment = self._current()
        span = self.spans.get(comment.id) if comment is not None else None
        if comment is None or comment.replacement is None or span is None or self.editor is None:
            return
        self.editor.replace_nfc_span(span[0], span[1], comment.replacement)
        self.flush()
        self._set_state(comment, "accepted")
        self.message.emit(self.tr("Replacement accepted (Ctrl+Z in the answer undoes it)."))

    def _on_reject_button_clicked(self) -> None:
        comment = self._current()
        if comment is not None:
            self._set_state(comment, "rejected" if comment.is_proposal else "resolved")

    def _on_delete_button_clicked(self) -> None:
        comment = self._current()
        if comment is not None:
            try:
                self.db.run(delete_comment, comment_id=comment.id)
            except StorageError as exc:
                self.message.emit(str(exc))
            self.reload()

    def _on_list_item_clicked(self, item: QListWidgetItem) -> None:
        span = self.spans.get(item.data(_ID_ROLE))
        if span is not None and self.editor is not None:
            self.editor.select_nfc_span(*span)
