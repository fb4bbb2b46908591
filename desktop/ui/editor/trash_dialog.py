"""The trash: restore or permanently delete applications and questions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.store.records import TrashItem


class TrashDialog(QDialog):
    """Lists trashed items; actions go through the callables given (they touch the store)."""

    def __init__(
        self,
        load: Callable[[], list[TrashItem]],
        restore: Callable[[TrashItem], None],
        purge: Callable[[TrashItem], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Trash"))
        self._load, self._restore, self._purge = load, restore, purge
        self.items: list[TrashItem] = []
        self.list = QListWidget()
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        restore_button = QPushButton(self.tr("Restore"))
        purge_button = QPushButton(self.tr("Delete permanently"))
        restore_button.clicked.connect(self._on_restore_button_clicked)
        purge_button.clicked.connect(self._on_purge_button_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(purge_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(560, 400)
        self.reload()

    def reload(self) -> None:
        self.items = self._load()
        self.list.clear()
        for index, item in enumerate(self.items):
            kind = self.tr("Application") if item.kind == "application" else self.tr("Question")
            stamp = item.deleted_at.astimezone().strftime("%Y-%m-%d %H:%M")
            row = QListWidgetItem(f"[{kind}] {item.title}   ({stamp})")
            row.setData(Qt.ItemDataRole.UserRole, index)
            self.list.addItem(row)

    def _selected(self) -> list[TrashItem]:
        return [self.items[row.data(Qt.ItemDataRole.UserRole)] for row in self.list.selectedItems()]

    def _on_restore_button_clicked(self) -> None:
        for item in self._selected():
            self._restore(item)
        self.reload()

    def _on_purge_button_clicked(self) -> None:
        chosen = self._selected()
        if not chosen:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete permanently"),
            self.tr("Delete %n item(s) for good? This cannot be undone.", "", len(chosen)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            for item in chosen:
                self._purge(item)
            self.reload()
