"""Choosing the applications for a batch review, by client."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.store.records import ApplicationRecord

_ID_ROLE = Qt.ItemDataRole.UserRole


class BatchDialog(QDialog):
    """Lists applications with the number of answers to review; ``chosen()`` gives their ids."""

    def __init__(
        self,
        records: list[ApplicationRecord],
        answered: dict[int, int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Batch review"))
        self.records = records
        self.answered = answered
        self.client = QComboBox()
        self.client.addItem(self.tr("All clients"), None)
        for name in sorted({r.client_name for r in records if r.client_name}):
            self.client.addItem(name, name)
        self.client.currentIndexChanged.connect(self._fill)
        self.all = QCheckBox(self.tr("Select all"))
        self.all.toggled.connect(self._on_all_toggled)
        self.list = QListWidget()
        self.list.itemChanged.connect(self._update_count)
        self.count = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Client")))
        top.addWidget(self.client, 1)
        top.addWidget(self.all)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Queue reviews"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.resize(520, 520)
        self._fill()

    def _fill(self) -> None:
        client = self.client.currentData()
        self.list.blockSignals(True)
        self.list.clear()
        for record in self.records:
            if client is not None and record.client_name != client:
                continue
            answers = self.answered.get(record.id, 0)
            title = record.title
            who = f" · {record.client_name}" if record.client_name else ""
            item = QListWidgetItem(f"{title}{who}  " + self.tr("(%n answer(s))", "", answers))
            item.setData(_ID_ROLE, record.id)
            flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
            if answers:
                flags |= Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._update_count()

    def _on_all_toggled(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.flags() & Qt.ItemFlag.ItemIsEnabled:
                item.setCheckState(state)

    def chosen(self) -> list[int]:
        return [
            int(self.list.item(row).data(_ID_ROLE))
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _update_count(self) -> None:
        answers = sum(self.answered.get(i, 0) for i in self.chosen())
        self.count.setText(self.tr("%n answer(s) to review", "", answers))
        self.ok.setEnabled(answers > 0)
