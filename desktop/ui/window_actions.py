"""The main window's actions on applications and the app: new, details, reuse, delete, sample
import, interview, trash, settings, about (MainWindow builds on this class)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox

from desktop import __version__
from desktop.paths import AppPaths, resource
from desktop.settings import Settings
from desktop.store import Database, StorageError
from desktop.store import applications as app_store
from desktop.store import trash as trash_store
from desktop.store.records import TrashItem
from desktop.store.samples import import_applications
from desktop.ui.assist.critique_queue import CritiqueQueue
from desktop.ui.editor.application_dialog import ApplicationDialog
from desktop.ui.editor.application_view import ApplicationView
from desktop.ui.editor.reuse_dialog import ReuseDialog
from desktop.ui.editor.trash_dialog import TrashDialog
from desktop.ui.interview.interview_dialog import InterviewDialog
from desktop.ui.models.assistant import Assistant
from desktop.ui.settings_dialog import SettingsDialog


class WindowActions(QMainWindow):
    """What the menus do; the window's parts are set up by MainWindow."""

    db: Database
    settings: Settings
    paths: AppPaths
    assistant: Assistant | None
    critique_queue: CritiqueQueue | None
    view: ApplicationView

    def reload_list(self, select_id: int | None = None) -> None:
        raise NotImplementedError

    def load_model(self) -> None:
        raise NotImplementedError

    def _save_settings(self) -> None:
        raise NotImplementedError

    def new_application(self) -> None:
        dialog = ApplicationDialog(parent=self)
        if not dialog.exec():
            return
        values = dialog.values()
        company = values.pop("company")
        try:
            new_id = self.db.run(app_store.create_application, company=company, **values)
        except StorageError as exc:
            QMessageBox.warning(self, self.tr("Could not save"), str(exc))
            return
        self.reload_list(select_id=new_id)
        self.view.show_application(new_id)

    def _on_view_details_requested(self) -> None:
        record = self.view.record
        if record is None:
            return
        dialog = ApplicationDialog(record, parent=self)
        if dialog.exec():
            try:
                self.db.run(
                    app_store.update_application, application_id=record.id, **dialog.values()
                )
            except StorageError as exc:
                QMessageBox.warning(self, self.tr("Could not save"), str(exc))
                return
            self.reload_list(select_id=record.id)
            self.view.reload()

    def reuse_application(self) -> None:
        if self.view.record is None or not self.view.flush():
            return
        source = self.db.run(app_store.get_application, application_id=self.view.record.id)
        dialog = ReuseDialog(source, parent=self)
        if not dialog.exec():
            return
        new_id = self.db.run(
            app_store.reuse_application,
            application_id=source.id,
            company=dialog.company.text().strip(),
            role=dialog.role.text().strip(),
            replace_company_name=dialog.replace.isChecked(),
        )
        self.reload_list(select_id=new_id)
        self.view.show_application(new_id)

    def delete_application(self) -> None:
        record = self.view.record
        if record is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete application"),
            self.tr("Move “%1” to the trash? You can restore it from File ▸ Trash.").replace(
                "%1", record.company
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.view.flush()
            self.db.run(app_store.trash_application, application_id=record.id)
            self.view.show_application(None)
            self.reload_list()

    def import_samples(self) -> None:
        path = resource("samples", "applications.json")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            ids = self.db.run(import_applications, data=data)
        except (OSError, ValueError, StorageError) as exc:
            QMessageBox.warning(self, self.tr("Import failed"), str(exc))
            return
        self.statusBar().showMessage(self.tr("Imported %n application(s).", "", len(ids)), 8000)
        self.reload_list(select_id=ids[0] if ids else None)
        if ids:
            self.view.show_application(ids[0])

    def open_interview(self) -> InterviewDialog | None:
        """Practice the interview for the open application (non-modal)."""
        if self.view.record is None or not self.view.flush():
            return None
        dialog = InterviewDialog(
            self.db, self.assistant, self.view.record.id, self.view.ui_lang, parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_trash(self) -> None:
        def restore(item: TrashItem) -> None:
            self.db.run(trash_store.restore_from_trash, kind=item.kind, item_id=item.id)

        def purge(item: TrashItem) -> None:
            self.db.run(trash_store.purge, kind=item.kind, item_id=item.id)

        self.view.flush()
        TrashDialog(lambda: self.db.run(trash_store.list_trash), restore, purge, self).exec()
        self.reload_list()
        self.view.reload()

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        if dialog.exec():
            fields = (
                "model_backend",
                "model_path",
                "n_ctx",
                "n_threads",
                "n_gpu_layers",
                "remote_url",
            )
            before = [getattr(self.settings, name) for name in fields]
            dialog.apply_to(self.settings)
            self._save_settings()
            if self.critique_queue is not None:
                self.critique_queue.parallel = self.settings.remote_parallel
            if before != [getattr(self.settings, name) for name in fields]:
                self.load_model()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Jaso"),
            self.tr(
                "Jaso %1\nAn offline writing assistant for job-application essays.\n\n"
                "Data folder: %2"
            )
            .replace("%1", __version__)
            .replace("%2", str(self.paths.data_dir)),
        )
