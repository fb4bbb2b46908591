"""The side panel listing the offline checks' findings for the answer being edited."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.editor.answer_edit import SEVERITY_COLORS
from desktop.ui.editor.question_editor import QuestionEditor
from desktop.ui.labels import severity_label
from desktop.writing.flags import Flag, errors

_FLAG_ROLE = Qt.ItemDataRole.UserRole


class ChecksPanel(QWidget):
    """Findings of the active editor; a click selects the span in the editor, and a finding
    with a correction offers it (the Apply button, or a double click): one undoable edit.

    Signals:
        message(str): a short note for the status bar.
    """

    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor: QuestionEditor | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemClicked.connect(self._on_list_item_clicked)
        self.list.itemDoubleClicked.connect(self._on_list_item_double_clicked)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.apply_button = QPushButton(self.tr("Apply the correction"))
        self.apply_button.setToolTip(
            self.tr("Put the suggested text in place of the finding (Ctrl+Z undoes it)")
        )
        self.apply_button.clicked.connect(self._on_apply_button_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.apply_button)
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
        self.apply_button.setEnabled(False)
        if self.editor is None:
            self.summary.setText(self.tr("Click into an answer to see its checks."))
            return
        flags = self.editor.flags
        found = len(errors(flags))  # hints are listed last, softer, and not counted
        if not flags:
            self.summary.setText(self.tr("No problems found."))
            return
        if found:
            self.summary.setText(self.tr("%n finding(s)", "", found))
        else:
            self.summary.setText(self.tr("No problems found."))
        text = self.editor.offsets.nfc
        order = {"critical": 0, "major": 1, "minor": 2}
        for flag in sorted(flags, key=lambda f: (order.get(f.severity, 3), f.start)):
            excerpt = text[flag.start : flag.end].replace("\n", " ")
            if len(excerpt) > 30:
                excerpt = excerpt[:29] + "…"
            label = f"{severity_label(flag.severity)} · {flag.message}"
            if excerpt:
                label += f"\n«{excerpt}»"
                if flag.suggestion:
                    label += f" → «{flag.suggestion}»"
            item = QListWidgetItem(label)
            item.setForeground(QColor(SEVERITY_COLORS.get(flag.severity, "black")))
            item.setToolTip(flag.rule_id)
            item.setData(_FLAG_ROLE, flag)
            self.list.addItem(item)

    def _flag(self, item: QListWidgetItem | None) -> Flag | None:
        flag = item.data(_FLAG_ROLE) if item is not None else None
        return flag if isinstance(flag, Flag) else None

    def _on_list_current_item_changed(self, current: QListWidgetItem | None) -> None:
        flag = self._flag(current)
        self.apply_button.setEnabled(flag is not None and bool(flag.suggestion))

    def _on_list_item_clicked(self, item: QListWidgetItem) -> None:
        flag = self._flag(item)
        if self.editor is not None and flag is not None:
            self.editor.select_nfc_span(flag.start, flag.end)

    def _on_list_item_double_clicked(self, item: QListWidgetItem) -> None:
        self._apply(self._flag(item))

    def _on_apply_button_clicked(self) -> None:
        self._apply(self._flag(self.list.currentItem()))

    def _apply(self, flag: Flag | None) -> None:
        if self.editor is None or flag is None or not flag.suggestion:
            return
        if not self.editor.apply_fix(flag):
            self.message.emit(self.tr("The answer changed since this check; try again."))
