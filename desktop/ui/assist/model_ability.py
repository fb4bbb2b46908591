"""Says who wrote a review (자동 분석, 모델 + 자동 분석, 모델) and, when the model cannot
critique, which catalog model would, with its size and the seconds a critique would take."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.critique_types import Source
from desktop.model_offer import ModelOffer


class SourceLabel(QLabel):
    """A badge naming who wrote the critique shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.source: Source | None = None

    def set_source(self, source: Source | None) -> None:
        self.source = source
        self.setVisible(source is not None)
        if source == "analysis":
            self.setText(self.tr("Automatic analysis"))
            self.setToolTip(
                self.tr(
                    "Scores and points measured in the answer by the offline checks (figures, "
                    "actions, results, sub-questions, clichés, spelling, length), without a "
                    "model."
                )
            )
            self.setStyleSheet("background: #e3f2e8; color: #1d5b32; padding: 3px 6px")
        elif source == "model+analysis":
            self.setText(self.tr("Model + automatic analysis"))
            self.setToolTip(
                self.tr(
                    "The automatic analysis, with the model's comments added. The scores are the "
                    "analysis's; the model may move a judgement score by one point at most."
                )
            )
            self.setStyleSheet("background: #e4ecf7; color: #1f3f6b; padding: 3px 6px")
        else:
            self.setText(self.tr("Model"))
            self.setToolTip(self.tr("Written by the model alone (an earlier review)."))
            self.setStyleSheet("background: #eeeeee; color: #333; padding: 3px 6px")


class AbilityBox(QFrame):
    """Shown when the model cannot critique: what the review is instead, and a model to get.

    Signals:
        models_requested: open the model manager.
    """

    models_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("AbilityBox { background: #fff8e1 }")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.offer = QLabel()
        self.offer.setWordWrap(True)
        self.models_button = QPushButton(self.tr("Models…"))
        self.models_button.clicked.connect(self.models_requested)
        row = QHBoxLayout()
        row.addWidget(self.offer, 1)
        row.addWidget(self.models_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.text)
        layout.addLayout(row)
        self.hide()

    def show_ability(
        self,
        can_critique: bool | None,
        offer: ModelOffer | None,
        shown: Source | None,
        reason: str = "",
    ) -> None:
        """``can_critique`` from the model's qualification (None: not known yet); ``shown`` is
        who wrote the review on display, ``reason`` why the model's critique was not used (the
        output gate's message) if it says. The box appears when the model cannot critique, or
        when it is unknown and the review on display is the automatic analysis."""
        visible = can_critique is False or (can_critique is None and shown == "analysis")
        self.setVisible(visible)
        if not visible:
            return
        if can_critique is False:
            self.text.setText(
                self.tr(
                    "The chosen model cannot write critiques (it only continues text). Reviews "
                    "are the automatic analysis: measured in the answer, without a model."
                )
            )
        elif reason:
            self.text.setText(reason)
        else:
            self.text.setText(
                self.tr(
                    "This review is the automatic analysis: the model's own critique did not "
                    "pass the checks, so it is not shown."
                )
            )
        if offer is None:
            self.offer.setText(
                self.tr("No catalog model that writes critiques fits this computer's memory.")
            )
            return
        size = f"{offer.entry.size_mb / 1024:.1f}"
        seconds = f"{offer.seconds_per_critique:.0f}"
        how = (
            self.tr("measured on this computer")
            if offer.measured
            else self.tr("estimated from the model's size")
        )
        self.offer.setText(
            self.tr(
                "%1 (%2 GB) fits this computer and adds a model's critique: about %3 s per "
                "review (%4)."
            )
            .replace("%1", offer.entry.name)
            .replace("%2", size)
            .replace("%3", seconds)
            .replace("%4", how)
        )
