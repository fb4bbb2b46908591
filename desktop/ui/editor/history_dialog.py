"""Revision history of one answer: the list, a side-by-side diff with the current text, restore."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.store.records import RevisionRecord
from desktop.ui.editor.counter import profile_label
from desktop.ui.editor.row_delegate import EvenRowsDelegate
from desktop.ui.labels import reason_label
from desktop.writing.counting import count
from desktop.writing.diff import Segment, side_by_side

_COLORS = {"delete": "#ffd7d5", "insert": "#ccf0d2"}


def segments_html(segments: tuple[Segment, ...]) -> str:
    parts = []
    for segment in segments:
        text = html.escape(segment.text).replace("\n", "<br>")
        color = _COLORS.get(segment.kind)
        parts.append(f'<span style="background:{color}">{text}</span>' if color else text)
    return "".join(parts)


class HistoryDialog(QDialog):
    """Pick an earlier version, compare it with the current answer, and restore it.

    After ``exec()`` returns Accepted, ``chosen`` is the revision to restore.
    """

    def __init__(
        self, revisions: list[RevisionRecord], current: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Answer history"))
        self.revisions = revisions
        self.current = current
        self.chosen: RevisionRecord | None = None

        self.list = QListWidget()
        for revision in revisions:
            stamp = revision.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
            length = count(revision.text, "chars_incl_spaces")
            size = f"{length:,} {profile_label('chars_incl_spaces')}"
            # Two short lines, so a row fits the list without a horizontal scroll bar.
            item = QListWidgetItem(f"{stamp}\n{reason_label(revision.reason)} · {size}")
            item.setData(Qt.ItemDataRole.UserRole, revision.id)
            self.list.addItem(item)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setItemDelegate(EvenRowsDelegate(self.list))
        self.list.setSpacing(2)
        self.old_view = QTextBrowser()
        self.new_view = QTextBrowser()
        self.old_label = QLabel(self.tr("Selected version"))
        self.new_label = QLabel(self.tr("Current answer"))
        left = QVBoxLayout()
        left.addWidget(self.old_label)
        left.addWidget(self.old_view)
        right = QVBoxLayout()
        right.addWidget(self.new_label)
        right.addWidget(self.new_view)
        panes = QHBoxLayout()
        panes.addLayout(left)
        panes.addLayout(right)
        diff_widget = QWidget()
        diff_widget.setLayout(panes)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(diff_widget)
        splitter.setSizes([340, 660])

        self.restore_button = QPushButton(self.tr("Restore this version"))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not revisions:
            layout.addWidget(QLabel(self.tr("No earlier versions yet.")))
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.resize(1000, 560)
        if revisions:
            self.list.setCurrentRow(0)

    def _on_list_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        diff = side_by_side(self.revisions[row].text, self.current)
        self.old_view.setHtml(segments_html(diff.old))
        self.new_view.setHtml(segments_html(diff.new))
        self.restore_button.setEnabled(diff.changed)

    def _on_restore_button_clicked(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.chosen = self.revisions[row]
            self.accept()
