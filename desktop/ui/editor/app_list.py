"""The applications list: search (full text), status and client filters, sorted by deadline.

With client names on the applications (a counselor's list), they are grouped under each client.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.store.records import ApplicationRecord
from desktop.ui.editor.row_delegate import HighlightDelegate
from desktop.ui.labels import status_label

_SEARCH_DEBOUNCE_MS = 200


class ApplicationListPanel(QWidget):
    """Shows applications; asks its owner to reload when the search or filter changes.

    Signals:
        filter_changed(str, str): the search text or the status filter ("" for all) changed.
        application_selected(int): the user selected application id.
    """

    filter_changed = Signal(str, str)
    application_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search companies, questions and answers"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem(self.tr("All"), "")
        for status in ("draft", "submitted", "passed", "failed"):
            self.status.addItem(status_label(status), status)
        self.client = QComboBox()
        self.client.addItem(self.tr("All clients"), "")
        self.client.setVisible(False)  # shown once an application has a client name
        self.list = QListWidget()
        self.list.setAlternatingRowColors(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.highlighter = HighlightDelegate(self.list)
        self.list.setItemDelegate(self.highlighter)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.client)
        layout.addWidget(self.list, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(_SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.status.currentIndexChanged.connect(self._on_debounce_timeout)
        self.client.currentIndexChanged.connect(self._on_debounce_timeout)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self._suppress_selection = False

    def query(self) -> tuple[str, str]:
        return self.search.text().strip(), str(self.status.currentData())

    def client_filter(self) -> str:
        """The chosen client's name, or "" for all."""
        return str(self.client.currentData() or "")

    def set_clients(self, names: list[str]) -> None:
        """Offer ``names`` in the client filter, keeping the choice while it still exists."""
        chosen = self.client_filter()
        self.client.blockSignals(True)
        try:
            while self.client.count() > 1:
                self.client.removeItem(1)
            for name in names:
                self.client.addItem(name, name)
            self.client.setCurrentIndex(max(0, self.client.findData(chosen)))
        finally:
            self.client.blockSignals(False)
        self.client.setVisible(bool(names))

    def _on_search_text_changed(self) -> None:
        self._debounce.start()

    def _on_debounce_timeout(self) -> None:
        self.filter_changed.emit(*self.query())

    def show_applications(
        self, records: list[ApplicationRecord], snippets: dict[int, str], select_id: int | None
    ) -> None:
        """Fill the list, keeping ``select_id`` selected when it is shown (without re-emitting)."""
        self._suppress_selection = True
        self.highlighter.query = self.query()[0] if snippets else ""
        try:
            self.list.clear()
            today = date.today()
            grouped = any(r.client_name for r in records) and not self.client_filter()
            if grouped:  # stable: by deadline within each client
                records = sorted(records, key=lambda r: (not r.client_name, r.client_name))
            heading: str | None = None
            for record in records:
                if grouped and record.client_name != heading:
                    heading = record.client_name
                    self.list.addItem(self._heading(heading or self.tr("No client")))
                item = QListWidgetItem(self._describe(record, snippets.get(record.id), today))
                item.setData(Qt.ItemDataRole.UserRole, record.id)
                self.list.addItem(item)
                if record.id == select_id:
                    self.list.setCurrentItem(item)
        finally:
            self._suppress_selection = False

    def _heading(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        item.setBackground(QColor("#e8eef5"))
        item.setForeground(QColor("#1f3f66"))
        return item

    def _describe(self, record: ApplicationRecord, snippet: str | None, today: date) -> str:
        title = record.title
        details = [status_label(record.status)]
        if record.deadline:
            days = (record.deadline - today).days
            if days > 0:
                details.insert(0, f"D-{days} · {record.deadline.isoformat()}")
            elif days == 0:
                details.insert(0, self.tr("Due today"))
            else:
                details.insert(0, self.tr("Closed %1").replace("%1", record.deadline.isoformat()))
        if record.client_name and self.client_filter():
            details.append(record.client_name)
        lines = [title, "   " + " · ".join(details)]
        if snippet:
            lines.append("   " + snippet)
        return "\n".join(lines)

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        data = item.data(Qt.ItemDataRole.UserRole) if item else None
        return int(data) if data is not None else None

    def _on_list_current_item_changed(self, current: QListWidgetItem | None) -> None:
        data = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        if data is not None and not self._suppress_selection:
            self.application_selected.emit(int(data))
