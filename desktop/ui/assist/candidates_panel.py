"""The candidates panel: every continuation candidate with its cost; a click inserts it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.tasks.suggest import Candidate
from desktop.ui.assist.suggestions import SuggestionController

_INDEX_ROLE = Qt.ItemDataRole.UserRole


class CandidatesPanel(QWidget):
    """Signals:
    draft_requested: the user asked for a draft of the active answer.
    """

    draft_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller: SuggestionController | None = None
        self.suggest_button = QPushButton(self.tr("Suggest (Ctrl+Space)"))
        self.suggest_button.clicked.connect(self._on_suggest_button_clicked)
        self.draft_button = QPushButton(self.tr("Draft from keywords…"))
        self.draft_button.clicked.connect(self.draft_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.suggest_button)
        buttons.addWidget(self.draft_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.itemClicked.connect(self._on_list_item_clicked)
        hint = QLabel(
            self.tr(
                "Tab accepts the grey text, Ctrl+→ one word, Alt+] / Alt+[ the next or previous "
                "candidate, Esc dismisses. Suggestions are raw material: check every fact."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: gray")
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        self.set_controller(None)

    def set_controller(self, controller: SuggestionController | None) -> None:
        if self.controller is not None:
            self.controller.candidates_changed.disconnect(self.refresh)
            self.controller.busy_changed.disconnect(self._on_controller_busy_changed)
        self.controller = controller
        if controller is not None:
            controller.candidates_changed.connect(self.refresh)
            controller.busy_changed.connect(self._on_controller_busy_changed)
        self.suggest_button.setEnabled(controller is not None)
        self.draft_button.setEnabled(controller is not None)
        self.refresh()

    def _on_controller_busy_changed(self, _busy: bool) -> None:
        self.refresh()

    def _cost_text(self, candidate: Candidate) -> str:
        text = self.tr("+%1").replace("%1", f"{candidate.cost:,}")
        if candidate.remaining_after is not None:
            if candidate.fits:
                text += " · " + self.tr("%1 left").replace("%1", f"{candidate.remaining_after:,}")
            else:
                text += " · " + self.tr("%1 over the limit").replace(
                    "%1", f"{-candidate.remaining_after:,}"
                )
        return text

    def refresh(self) -> None:
        self.list.clear()
        controller = self.controller
        if controller is None:
            self.status.setText(self.tr("Click into an answer to get suggestions."))
            return
        busy = controller.job is not None
        if busy:
            self.status.setText(self.tr("Writing candidates…"))
        elif not controller.candidates:
            self.status.setText(self.tr("Pause typing, or press Ctrl+Space, for suggestions."))
        else:
            self.status.setText(self.tr("Click a candidate to insert it at the cursor."))
        for candidate in controller.candidates:
            marker = "▶ " if candidate.index == controller.current else ""
            label = f"{marker}{candidate.text.strip()}\n{self._cost_text(candidate)}"
            if candidate.flags:
                names = ", ".join(candidate.text[f.start : f.end] for f in candidate.flags[:4])
                label += "\n⚠ " + self.tr("Not in your text, check: %1").replace("%1", names)
            item = QListWidgetItem(label)
            item.setData(_INDEX_ROLE, candidate.index)
            if not candidate.fits:
                item.setForeground(QColor("#d32f2f"))
            if candidate.flags:
                item.setToolTip("\n".join(f.message for f in candidate.flags))
            self.list.addItem(item)

    def _on_suggest_button_clicked(self) -> None:
        if self.controller is not None:
            self.controller.request_now()

    def _on_list_item_clicked(self, item: QListWidgetItem) -> None:
        if self.controller is not None:
            self.controller.insert_candidate(int(item.data(_INDEX_ROLE)))
