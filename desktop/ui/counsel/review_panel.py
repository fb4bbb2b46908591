"""Review mode: the counselor edits the AI critique — items accepted, rejected, edited, added;
scores and the summary changed — then saves it as a draft or approves it for the writer."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.critique_types import DIMENSIONS, as_critique
from desktop.store import Database, StorageError
from desktop.store.critiques import CritiqueRecord
from desktop.store.reviews import current_review, save_review
from desktop.ui.counsel.review_items import ItemDialog
from desktop.ui.editor.answer_edit import SEVERITY_COLORS
from desktop.ui.labels import dimension_label, severity_label

_STATE = {
    Qt.CheckState.Checked: "accepted",
    Qt.CheckState.Unchecked: "rejected",
    Qt.CheckState.PartiallyChecked: "pending",
}
_CHECK = {state: check for check, state in _STATE.items()}
_INDEX_ROLE = Qt.ItemDataRole.UserRole


class ReviewPanel(QWidget):
    """Edits the newest critique of the active answer as the counselor's review.

    Signals:
        saved(int): the review of critique id was saved (approved or not).
        message(str): a short note for the status bar.
    """

    saved = Signal(int)
    message = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.record: CritiqueRecord | None = None
        self.review: dict[str, Any] = {}
        self.status = QLabel()
        self.status.setWordWrap(True)
        scores = QGridLayout()
        self.spins: dict[str, QSpinBox] = {}
        for row, name in enumerate(DIMENSIONS):
            spin = QSpinBox()
            spin.setRange(1, 5)
            spin.setSuffix(" / 5")
            spin.valueChanged.connect(self._on_spin_value_changed)
            scores.addWidget(QLabel(dimension_label(name)), row // 2, (row % 2) * 2)
            scores.addWidget(spin, row // 2, (row % 2) * 2 + 1)
            self.spins[name] = spin
        self.items = QTreeWidget()
        self.items.setHeaderHidden(True)
        self.items.setWordWrap(True)
        self.items.setMinimumHeight(160)
        self.items.itemChanged.connect(self._on_items_item_changed)
        self.items.itemDoubleClicked.connect(self._on_items_item_double_clicked)
        self.add_strength = QPushButton(self.tr("Add strength"))
        self.add_improvement = QPushButton(self.tr("Add point to improve"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.add_strength.clicked.connect(self._on_add_strength_clicked)
        self.add_improvement.clicked.connect(self._on_add_improvement_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        item_buttons = QHBoxLayout()
        for button in (self.add_strength, self.add_improvement, self.edit_button):
            item_buttons.addWidget(button)
        item_buttons.addStretch(1)
        self.summary = QPlainTextEdit()
        self.summary.setFixedHeight(self.summary.fontMetrics().lineSpacing() * 4 + 16)
        self.summary.textChanged.connect(self._on_summary_text_changed)
        self.save_button = QPushButton(self.tr("Save draft"))
        self.approve_button = QPushButton(self.tr("Approve for the writer"))
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.approve_button.clicked.connect(self._on_approve_button_clicked)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.approve_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(
            self.tr(
                "Tick to accept, untick to reject; double-click to edit. "
                "Rejected items stay out of the report."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555")
        layout.addWidget(self.status)
        layout.addLayout(scores)
        layout.addWidget(hint)
        layout.addWidget(self.items, 1)
        layout.addLayout(item_buttons)
        summary_title = self.tr("Summary")
        layout.addWidget(QLabel(f"<b>{summary_title}</b>"))
        layout.addWidget(self.summary)
        layout.addLayout(bottom)
        self._loading = False
        self.dirty = False
        self.show_record(None)

    # Showing -------------------------------------------------------------------------------

    def show_record(self, record: CritiqueRecord | None) -> None:
        """Show ``record``'s review; unsaved edits of the one shown are kept as a draft first."""
        if self.dirty and self.record is not None:
            if record is not None and record.id == self.record.id:
                return  # the same critique again: the edits on screen are newer
            self._save(approve=False)
        self.dirty = False
        self.record = record
        # An editing buffer, checked by save_review when it is stored (reviews._check).
        self.review = dict(current_review(record)) if record is not None else {}
        self._loading = True
        try:
            for name, spin in self.spins.items():
                score = self.review.get("scores", {}).get(name, {})
                spin.setValue(int(score.get("score", 3)))
                spin.setToolTip(str(score.get("rationale", "")))
            self.summary.setPlainText(str(self.review.get("summary", "")))
            self._fill_items()
        finally:
            self._loading = False
        editors: list[QWidget] = [self.items, self.summary, self.save_button, self.edit_button]
        editors += [self.approve_button, self.add_strength, self.add_improvement]
        for widget in editors + list(self.spins.values()):
            widget.setEnabled(record is not None)
        self._show_status(dirty=False)

    def _show_status(self, dirty: bool) -> None:
        record = self.record
        if record is None:
            text = self.tr("No critique to review yet: run Review on this answer first.")
        elif record.approved_at is not None and not dirty:
            stamp = record.approved_at.astimezone().strftime("%Y-%m-%d %H:%M")
            text = self.tr("Approved %1. Changes need approving again.").replace("%1", stamp)
        elif record.review is not None and not dirty:
            text = self.tr("Draft review saved, not approved yet.")
        elif self.review.get("source") == "analysis":
            text = self.tr("Automatic analysis (no model): review each item, then approve.")
        elif self.review.get("source") == "model+analysis":
            text = self.tr("Model + automatic analysis draft: review each item, then approve.")
        else:
            text = self.tr("AI draft: review each item, then approve.")
        if dirty:
            text = self.tr("Unsaved changes.") + " " + text
        self.status.setText(text)

    def _fill_items(self) -> None:
        self.items.clear()
        headings = {
            "strengths": self.tr("Strengths"),
            "improvements": self.tr("To improve"),
        }
        bold = QFont()
        bold.setBold(True)
        for key, title in headings.items():
            top = QTreeWidgetItem([title])
            top.setFont(0, bold)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.items.addTopLevelItem(top)
            for index, item in enumerate(self.review.get(key, [])):
                child = QTreeWidgetItem([self._describe(key, item)])
                child.setData(0, _INDEX_ROLE, (key, index))
                child.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                child.setCheckState(0, _CHECK.get(item.get("state", "pending"), _CHECK["pending"]))
                self._style(child, key, item)
                top.addChild(child)
            top.setExpanded(True)

    def _describe(self, key: str, item: dict[str, Any]) -> str:
        if key == "strengths":
            text = str(item.get("point", ""))
        else:
            text = (
                f"[{severity_label(str(item.get('severity', '')))}] {item.get('issue', '')}\n"
                f"→ {item.get('suggestion', '')}"
            )
        if str(item.get("quote", "")).strip():
            text += f"\n«{str(item['quote']).strip()}»"
        if item.get("origin") == "counselor":
            text = self.tr("(counselor)") + " " + text
        elif item.get("origin") == "model" and self.review.get("source") == "model+analysis":
            text = self.tr("(model)") + " " + text
        return text

    def _style(self, child: QTreeWidgetItem, key: str, item: dict[str, Any]) -> None:
        font = child.font(0)
        font.setStrikeOut(item.get("state") == "rejected")
        child.setFont(0, font)
        color = "#999999" if item.get("state") == "rejected" else "black"
        if key == "improvements" and item.get("state") != "rejected":
            color = SEVERITY_COLORS.get(str(item.get("severity")), "black")
        child.setForeground(0, QColor(color))

    # Editing -------------------------------------------------------------------------------

    def _mark_dirty(self) -> None:
        if not self._loading:
            self.dirty = True
            self._show_status(dirty=True)

    def _on_spin_value_changed(self, _value: int) -> None:
        if self._loading:
            return
        scores = self.review.setdefault("scores", {})
        for name, spin in self.spins.items():
            scores.setdefault(name, {"score": spin.value(), "rationale": ""})["score"] = (
                spin.value()
            )
        self._mark_dirty()

    def _on_summary_text_changed(self) -> None:
        if not self._loading:
            self.review["summary"] = self.summary.toPlainText().strip()
            self._mark_dirty()

    def _on_items_item_changed(self, child: QTreeWidgetItem, _column: int) -> None:
        where = child.data(0, _INDEX_ROLE)
        if self._loading or not where:
            return
        key, index = where
        item = self.review[key][index]
        item["state"] = _STATE[child.checkState(0)]
        self._loading = True
        try:
            self._style(child, key, item)
        finally:
            self._loading = False
        self._mark_dirty()

    def _on_items_item_double_clicked(self, child: QTreeWidgetItem, _column: int) -> None:
        self._edit(child)

    def _on_edit_button_clicked(self) -> None:
        current = self.items.currentItem()
        if current is not None:
            self._edit(current)

    def _edit(self, child: QTreeWidgetItem) -> None:
        where = child.data(0, _INDEX_ROLE)
        if not where:
            return
        key, index = where
        dialog = ItemDialog(key, self.review[key][index], self)
        if dialog.exec():
            item = dialog.value()
            if item.get("state") == "pending":
                item["state"] = "accepted"  # editing an item is accepting it
            self.review[key][index] = item
            self._refill()

    def _add(self, key: str) -> None:
        dialog = ItemDialog(key, {"quote": "", "severity": "major"}, self)
        if dialog.exec():
            item = dialog.value()
            item.update(state="accepted", origin="counselor")
            self.review.setdefault(key, []).append(item)
            self._refill()

    def _on_add_strength_clicked(self) -> None:
        self._add("strengths")

    def _on_add_improvement_clicked(self) -> None:
        self._add("improvements")

    def _refill(self) -> None:
        self._loading = True
        try:
            self._fill_items()
        finally:
            self._loading = False
        self._mark_dirty()

    def _save(self, approve: bool) -> None:
        if self.record is None:
            return
        try:
            record = self.db.run(
                save_review,
                critique_id=self.record.id,
                review=as_critique(copy.deepcopy(self.review)),
                approve=approve,
            )
        except (StorageError, ValueError) as exc:
            self.message.emit(self.tr("The review could not be saved: %1").replace("%1", str(exc)))
            return
        self.dirty = False
        self.show_record(record)
        self.message.emit(
            self.tr("Review approved: the report shows it.")
            if approve
            else self.tr("Review saved.")
        )
        self.saved.emit(record.id)

    def _on_save_button_clicked(self) -> None:
        self._save(approve=False)

    def _on_approve_button_clicked(self) -> None:
        self._save(approve=True)
