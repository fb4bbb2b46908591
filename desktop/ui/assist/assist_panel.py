"""The right-hand panel: checks, suggestions and reviews of the answer being edited."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QSplitter, QTabWidget, QVBoxLayout, QWidget

from desktop.critique_types import CritiqueData
from desktop.model_choice import choose_model
from desktop.model_offer import ModelOffer, critique_ability, critique_offer, speed_measured
from desktop.ui.assist.candidates_panel import CandidatesPanel
from desktop.ui.assist.checks_panel import ChecksPanel
from desktop.ui.assist.critique_panel import CritiquePanel
from desktop.ui.counsel.comments_panel import CommentsPanel
from desktop.ui.counsel.review_panel import ReviewPanel
from desktop.ui.editor.application_view import ApplicationView
from desktop.ui.editor.question_editor import QuestionEditor


def _group(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    QVBoxLayout(box).addWidget(widget)
    return box


class AssistPanel(QTabWidget):
    """Follows the view's active editor."""

    def __init__(self, view: ApplicationView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.editor: QuestionEditor | None = None
        self.models_dir: Path | None = None
        self._offer: ModelOffer | None = None
        self.checks = ChecksPanel()
        self.candidates = CandidatesPanel()
        self.critique = CritiquePanel()
        self.addTab(self.checks, self.tr("Checks"))
        self.addTab(self.candidates, self.tr("Suggestions"))
        self.addTab(self.critique, self.tr("Review"))
        # Review mode: the counselor's edit of the critique, and comments pinned to the text.
        self.review_panel = ReviewPanel(view.db)
        self.comments = CommentsPanel(view.db, view.flush)
        counsel = QSplitter(Qt.Orientation.Vertical)
        counsel.addWidget(_group(self.tr("Counselor review of the critique"), self.review_panel))
        counsel.addWidget(_group(self.tr("Comments on the text"), self.comments))
        counsel.setStretchFactor(0, 3)  # the critique's items get the room; comments the rest
        counsel.setStretchFactor(1, 1)
        counsel.setSizes([660, 220])
        self.counsel = counsel
        self.addTab(counsel, self.tr("Counselor"))
        self.review_panel.message.connect(view.message)
        self.review_panel.saved.connect(self._on_review_panel_saved)
        self.comments.message.connect(view.message)
        view.active_editor_changed.connect(self._on_view_active_editor_changed)
        self.candidates.draft_requested.connect(view.draft_active)
        self.critique.review_requested.connect(view.review_active)
        self.critique.review_all_requested.connect(view.review_all)
        self.critique.message.connect(view.message)
        self.checks.message.connect(view.message)
        if view.critique_queue is not None:
            view.critique_queue.critique_saved.connect(self.critique_stored)
            view.critique_queue.critique_preview.connect(self._on_critique_queue_critique_preview)
            view.critique_queue.phase_changed.connect(self._on_critique_queue_phase_changed)
        else:
            self.candidates.setEnabled(False)
            self.critique.setEnabled(False)

    def _on_view_active_editor_changed(self, editor: QuestionEditor | None) -> None:
        if self.editor is not None:
            self.editor.flags_changed.disconnect(self._on_editor_flags_changed)
        self.editor = editor
        self.checks.set_editor(editor)
        controller = self.view.suggestions.get(editor.question_id) if editor else None
        self.candidates.set_controller(controller)
        self._show_critiques()
        self.comments.set_editor(editor)
        if editor is not None:
            editor.flags_changed.connect(self._on_editor_flags_changed)

    def _show_critiques(self) -> None:
        editor = self.editor
        critiques = self.view.critiques(editor.question_id) if editor else []
        self._show_model_ability()  # the model may have changed since
        self.critique.set_editor(editor, critiques)
        if editor is not None and not critiques and editor.question_id in self.view.review_asked:
            self.critique.empty.setText(self.tr("Reviewing this answer… the review appears here."))
        self.review_panel.show_record(critiques[0] if critiques else None)

    def follow_models(self, models_dir: Path, open_models: Callable[[], None]) -> None:
        """Say in the Review tab whether the model can critique, offering a catalog model for
        ``models_dir`` that fits this machine when it cannot; ``open_models`` opens the model
        manager."""
        self.models_dir = models_dir
        self.critique.models_requested.connect(open_models)
        if self.view.assistant is not None:  # a model measured: what it may do changed
            self.view.assistant.qualified.connect(self._on_assistant_qualified)
        self._show_model_ability()

    def _on_assistant_qualified(self, _verdict: object) -> None:
        self._show_model_ability()

    def _show_model_ability(self) -> None:
        if self.models_dir is None:
            return
        assistant = self.view.assistant
        verdict = assistant.verdict("critique") if assistant is not None else None
        ability = critique_ability(self.view.settings, verdict)
        choice = choose_model(self.view.settings, "critique")
        speed = speed_measured(verdict, choice.path if choice else None)
        if ability is not True and (self._offer is None or (speed and not self._offer.measured)):
            # the catalog and the machine stay; a measured speed replaces the size's guess
            self._offer = critique_offer(self.models_dir, measured_per_gb=speed)
        self.critique.set_model_ability(ability, self._offer)

    def _on_editor_flags_changed(self, _question_id: int) -> None:
        self.critique.refresh_stale()
        self.comments.refresh()  # the passages follow the edits

    def critique_stored(self, question_id: int) -> None:
        """Show a new critique if it is of the open answer; the Review tab comes up when it
        was asked for here (not for a counselor's batch)."""
        asked = question_id in self.view.review_asked
        self.view.review_asked.discard(question_id)
        if self.editor is not None and self.editor.question_id == question_id:
            self._show_critiques()
            if asked:
                self.setCurrentWidget(self.critique)

    def _on_critique_queue_critique_preview(self, question_id: int, data: object) -> None:
        if self.editor is not None and self.editor.question_id == question_id:
            self.critique.show_preview(cast("CritiqueData", data))

    def _on_critique_queue_phase_changed(
        self, question_id: int, phase: str, done: int, total: int
    ) -> None:
        if self.editor is not None and self.editor.question_id == question_id:
            self.critique.show_phase(phase, done, total)

    def _on_review_panel_saved(self, _critique_id: int) -> None:
        self._show_critiques()  # the writer's Review tab shows an approved review
