"""The side panel listing the offline checks' findings for the answer being edited."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.ui.editor.answer_edit import SEVERITY_COLORS
from desktop.ui.editor.question_editor import QuestionEditor
from desktop.ui.labels import severity_label

_SPAN_ROLE = Qt.ItemDataRole.UserRole


class ChecksPanel(QWidget):
    """Findings of the active editor; a click selects the span in the editor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor: QuestionEditor | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.itemClicked.connect(self._on_list_item_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.set_editor(None)

    def set_editor(self, editor: QuestionEditor | None) -> None:
        if self.editor is not None:
            self.editor.flags_changed.disconnect(self._on_editor_flags_changed)
        self.editor = editor
        if editor is not None:
            editor.flags_changed.connect(self._on_editor_flags_changed)
        self.refresh()

    def _on_editor_flags_changed(self, _question_id: int) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        if self.editor is None:
            self.summary.setText(self.tr("Click into an answer to see its checks."))
            return
        flags = self.editor.flags
        if not flags:
            self.summary.setText(self.tr("No problems found."))
            return
        self.summary.setText(self.tr("%n finding(s)", "", len(flags)))
        text = self.editor.offsets.nfc
        order = {"critical": 0, "major": 1, "minor": 2}
        for flag in sorted(flags, key=lambda f: (order.get(f.severity, 3), f.start)):
            excerpt = text[flag.start : flag.end].replace("\n", " ")
            if len(excerpt) > 30:
                excerpt = excerpt[:29] + "…"
            label = f"{severity_label(flag.severity)} · {flag.message}"
            if excerpt:
                label += f"\n«{excerpt}»"
            item = QListWidgetItem(label)
            item.setForeground(QColor(SEVERITY_COLORS.get(flag.severity, "black")))
            item.setToolTip(flag.rule_id)
            item.setData(_SPAN_ROLE, (flag.start, flag.end))
            self.list.addItem(item)

    def _on_list_item_clicked(self, item: QListWidgetItem) -> None:
        if self.editor is not None:
            start, end = item.data(_SPAN_ROLE)
            self.editor.select_nfc_span(start, end)
