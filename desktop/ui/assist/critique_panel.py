"""The critique panel: scores as bars, strengths and improvements, summary, top fixes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.critique_types import DIMENSIONS, CritiqueData, Item, source_of
from desktop.engine.tasks.critique import add_anchors, anchor
from desktop.model_offer import ModelOffer
from desktop.store.critiques import CritiqueRecord
from desktop.store.reviews import final_critique
from desktop.ui.assist.model_ability import AbilityBox, SourceLabel
from desktop.ui.editor.answer_edit import SEVERITY_COLORS
from desktop.ui.editor.question_editor import QuestionEditor
from desktop.ui.fit_list import FitToContents
from desktop.ui.labels import dimension_label, severity_label

_QUOTE_ROLE = Qt.ItemDataRole.UserRole


class CritiquePanel(QWidget):
    """Shows the active answer's critiques (newest first, older ones in the history box).

    Signals:
        review_requested: review the active answer.
        review_all_requested: review every answer of the application.
        models_requested: open the model manager (to get a model that critiques).
        message(str): a short note for the status bar.
    """

    review_requested = Signal()
    review_all_requested = Signal()
    models_requested = Signal()
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor: QuestionEditor | None = None
        self.critiques: list[CritiqueRecord] = []
        self.can_critique: bool | None = None
        self.offer: ModelOffer | None = None
        self.reason = ""  # why the review on display is the analysis alone, if the gate said
        self.review_button = QPushButton(self.tr("Review"))
        self.review_all_button = QPushButton(self.tr("Review all"))
        self.review_button.clicked.connect(self.review_requested)
        self.review_all_button.clicked.connect(self.review_all_requested)
        self.history = QComboBox()
        self.history.currentIndexChanged.connect(self._on_history_current_index_changed)
        top = QHBoxLayout()
        top.addWidget(self.review_button)
        top.addWidget(self.review_all_button)
        top.addWidget(self.history, 1)
        self.stale = QLabel(
            self.tr("The answer has changed since this review. Review again to update it.")
        )
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet("background: #fff3c4; padding: 4px")
        self.empty = QLabel(self.tr("No review yet. Press Review for a critique of this answer."))
        self.empty.setWordWrap(True)
        # While the model writes: what it is at; the analysis is shown below meanwhile.
        self.working = QLabel()
        self.working.setWordWrap(True)
        self.working.setStyleSheet("background: #e8f0fe; padding: 4px")
        self.working.hide()

        self.source = SourceLabel()
        self.ability = AbilityBox()
        self.ability.models_requested.connect(self.models_requested)

        self.scores = QGridLayout()
        self.bars: dict[str, QProgressBar] = {}
        for row, name in enumerate(DIMENSIONS):
            bar = QProgressBar()
            bar.setRange(0, 5)
            bar.setFormat("%v / 5")
            self.scores.addWidget(QLabel(dimension_label(name)), row, 0)
            self.scores.addWidget(bar, row, 1)
            self.bars[name] = bar
        self.strengths = self._list()
        self.improvements = self._list()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.fixes = QLabel()
        self.fixes.setWordWrap(True)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.source)
        body_layout.addLayout(self.scores)
        for title, widget in (
            (self.tr("Summary"), self.summary),
            (self.tr("Strengths"), self.strengths),
            (self.tr("To improve"), self.improvements),
            (self.tr("Fix first"), self.fixes),
        ):
            heading = QLabel(f"<b>{title}</b>")
            body_layout.addWidget(heading)
            body_layout.addWidget(widget)
        body_layout.addStretch(1)
        self.body = QScrollArea()
        self.body.setWidgetResizable(True)
        self.body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stale)
        layout.addWidget(self.working)
        layout.addWidget(self.ability)
        layout.addWidget(self.empty)
        layout.addWidget(self.body, 1)
        self.set_editor(None, [])

    def _list(self) -> QListWidget:
        widget = QListWidget()
        widget.setWordWrap(True)
        widget.setAlternatingRowColors(True)
        widget.setSpacing(2)
        FitToContents(widget)  # the panel scrolls, not each list in it
        widget.itemClicked.connect(self._on_item_clicked)
        return widget

    def set_editor(self, editor: QuestionEditor | None, critiques: list[CritiqueRecord]) -> None:
        self.editor = editor
        self.critiques = critiques
        self.review_button.setEnabled(editor is not None)
        if editor is None:  # never point at the Review button while it is greyed out
            self.empty.setText(self.tr("Click in an answer to see its review here."))
        else:
            self.empty.setText(
                self.tr("No review yet. Press Review for a critique of this answer.")
            )
        self.history.blockSignals(True)
        self.history.clear()
        for record in critiques:
            stamp = record.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
            if record.approved_at is not None:
                stamp += " · " + self.tr("reviewed by the counselor")
            self.history.addItem(stamp)
        self.history.blockSignals(False)
        self.history.setVisible(len(critiques) > 1)
        self.show_critique(critiques[0] if critiques else None)

    def _on_history_current_index_changed(self, index: int) -> None:
        if 0 <= index < len(self.critiques):
            self.show_critique(self.critiques[index])

    def refresh_stale(self) -> None:
        index = self.history.currentIndex()
        record = self.critiques[index] if 0 <= index < len(self.critiques) else None
        stale = bool(
            record is not None
            and self.editor is not None
            and record.is_stale(self.editor.nfc_text())
        )
        self.stale.setVisible(stale)

    def set_model_ability(self, can_critique: bool | None, offer: ModelOffer | None) -> None:
        """Whether the critique model passed its qualification (None: not known yet), and the
        catalog model to offer when it did not (``model_offer.critique_offer``)."""
        self.can_critique = can_critique
        self.offer = offer
        self.ability.show_ability(can_critique, offer, self.source.source, self.reason)

    def show_preview(self, data: CritiqueData) -> None:
        """The critique while the model still writes its part: the automatic analysis, with a
        line saying the model's review follows (``show_phase`` says what it is at)."""
        self.working.setText(
            self.tr("The model is reviewing this answer; meanwhile, the automatic analysis.")
        )
        self.working.show()
        self.stale.setVisible(False)
        self.empty.hide()
        self.body.show()
        self._show_data(data)
        self.ability.hide()  # nothing failed yet: the model's review is on its way

    def show_phase(self, phase: str, done: int, total: int) -> None:
        """What the model is at while it reviews the answer on display."""
        if phase == "qualify":
            what = self.tr("checking what this model can do (once per model) %1/%2")
            what = what.replace("%1", str(done + 1)).replace("%2", str(total))
        elif phase == "prompt":
            what = self.tr("reading the answer")
        elif phase == "scoring":
            what = self.tr("scoring")
        else:
            what = self.tr("writing the review")
        self.working.setText(self.tr("The model is reviewing this answer: %1…").replace("%1", what))
        self.working.show()

    def show_critique(self, record: CritiqueRecord | None) -> None:
        self.working.hide()
        self.empty.setVisible(record is None)
        self.body.setVisible(record is not None)
        if record is None:
            self.strengths.clear()
            self.improvements.clear()
            self.stale.setVisible(False)
            self.source.set_source(None)
            self.reason = ""
            self.ability.show_ability(self.can_critique, self.offer, None)
            return
        data = record.data
        if record.approved_at is not None:  # the writer sees what the counselor approved
            data = add_anchors(final_critique(record), record.reviewed_text)
        self._show_data(data)
        self.refresh_stale()

    def _show_data(self, data: CritiqueData) -> None:
        self.strengths.clear()
        self.improvements.clear()
        self.source.set_source(source_of(data))
        self.reason = str(data.get("gate", {}).get("message", ""))
        self.ability.show_ability(self.can_critique, self.offer, self.source.source, self.reason)
        for name, bar in self.bars.items():
            score = data.get("scores", {}).get(name)
            bar.setValue(score["score"] if score else 0)
            bar.setToolTip(score["rationale"] if score else "")
        for strength in data.get("strengths", []):
            self._add(self.strengths, strength["point"], strength, None)
        for improvement in data.get("improvements", []):
            text = f"{improvement['issue']}\n{improvement['why']}\n→ {improvement['suggestion']}"
            self._add(self.improvements, text, improvement, improvement["severity"])
        self.summary.setText(str(data.get("summary", "")))
        self.fixes.setText(
            "\n".join(f"{i}. {fix}" for i, fix in enumerate(data.get("top_fixes", []), 1))
        )

    def _add(self, widget: QListWidget, text: str, item_data: Item, severity: str | None) -> None:
        quote = str(item_data.get("quote", ""))
        label = text
        if severity:
            label = f"[{severity_label(severity)}] {label}"
        if item_data.get("origin") == "model" and self.source.source == "model+analysis":
            label = self.tr("(model)") + " " + label
        if quote.strip():
            label += f"\n«{quote.strip()}»"
            if item_data.get("start") is None:
                label += " " + self.tr("(not found in the answer)")
        item = QListWidgetItem(label)
        item.setData(_QUOTE_ROLE, quote)
        if severity:
            item.setForeground(QColor(SEVERITY_COLORS.get(severity, "black")))
        widget.addItem(item)

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        """Select the item's quote in the answer, found again by search (the text may move)."""
        if self.editor is None:
            return
        quote = str(item.data(_QUOTE_ROLE) or "")
        found = anchor(self.editor.nfc_text(), quote)
        if found is None:
            if quote.strip():
                self.message.emit(self.tr("That passage is no longer in the answer."))
            return
        self.editor.select_nfc_span(*found)
