"""What the buttons of a question do: add, edit, history, delete, move (ApplicationView builds
on this class)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Concatenate, ParamSpec

from PySide6.QtWidgets import QMessageBox, QWidget
from sqlmodel import Session

from desktop.store import Database, StorageError
from desktop.store import questions as question_store
from desktop.store.applications import NewQuestion
from desktop.store.records import ApplicationRecord
from desktop.ui.editor.history_dialog import HistoryDialog
from desktop.ui.editor.question_dialog import QuestionDialog
from desktop.ui.editor.question_editor import QuestionEditor

P = ParamSpec("P")


class QuestionActions(QWidget):
    """The questions' actions; the editors and the record are set up by ApplicationView."""

    db: Database
    record: ApplicationRecord | None
    editors: list[QuestionEditor]

    def reload(self) -> None:
        raise NotImplementedError

    def _editor(self, question_id: int) -> QuestionEditor:
        editor = self._open_editor(question_id)
        assert editor is not None
        return editor

    def _open_editor(self, question_id: int) -> QuestionEditor | None:
        return next((e for e in self.editors if e.question_id == question_id), None)

    def _run(
        self, function: Callable[Concatenate[Session, P], object], *args: P.args, **kwargs: P.kwargs
    ) -> bool:
        """``db.run`` with a message box on failure; True when it was stored."""
        try:
            self.db.run(function, *args, **kwargs)
        except StorageError as exc:
            QMessageBox.warning(self, self.tr("Could not save"), str(exc))
            return False
        return True

    def _on_add_button_clicked(self) -> None:
        if self.record is None:
            return
        dialog = QuestionDialog(parent=self)
        if dialog.exec():
            text, limit, profile = dialog.values()
            spec = NewQuestion(text, limit, profile)
            if self._run(question_store.add_question, application_id=self.record.id, spec=spec):
                self.reload()

    def _on_editor_edit_requested(self, question_id: int) -> None:
        editor = self._editor(question_id)
        dialog = QuestionDialog(editor.question, parent=self)
        if dialog.exec():
            text, limit, profile = dialog.values()
            if self._run(
                question_store.update_question,
                question_id=question_id,
                text=text,
                char_limit=limit,
                profile=profile,
            ):
                self.reload()

    def _on_editor_history_requested(self, question_id: int) -> None:
        editor = self._editor(question_id)
        editor.flush()
        revisions = self.db.run(question_store.list_revisions, question_id=question_id)
        dialog = HistoryDialog(revisions, editor.text(), parent=self)
        if dialog.exec() and dialog.chosen is not None:
            text = self.db.run(question_store.restore_revision, revision_id=dialog.chosen.id)
            editor.restore_text(text)

    def _on_editor_delete_requested(self, question_id: int) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Delete question"),
            self.tr(
                "Move this question and its answer to the trash? You can restore it from "
                "File ▸ Trash."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._editor(question_id).flush()
            if self._run(question_store.trash_question, question_id=question_id):
                self.reload()

    def _on_editor_move_requested(self, question_id: int, offset: int) -> None:
        if self._run(question_store.move_question, question_id=question_id, offset=offset):
            self.reload()
