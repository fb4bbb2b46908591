"""The main window: applications on the left, the selected one's questions on the right."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMessageBox,
    QSplitter,
    QWidget,
)

from desktop.model_offer import critique_ability
from desktop.paths import AppPaths
from desktop.settings import Settings, save_settings
from desktop.store import Database, StorageError
from desktop.store import applications as app_store
from desktop.store.clients import client_names
from desktop.store.records import ApplicationRecord
from desktop.store.recovery import RecoveryFiles, restore_pending
from desktop.store.search import search
from desktop.ui import window_layout
from desktop.ui.assist.assist_panel import AssistPanel
from desktop.ui.assist.critique_queue import CritiqueQueue
from desktop.ui.counsel.batch_bar import BatchBar
from desktop.ui.counsel.counsel_menu import CounselMenu
from desktop.ui.editor.app_list import ApplicationListPanel
from desktop.ui.editor.application_view import ApplicationView
from desktop.ui.models.assistant import Assistant
from desktop.ui.models.job_status import JobStatus
from desktop.ui.window_actions import WindowActions

log = logging.getLogger(__name__)


class MainWindow(WindowActions):
    """Composes the list and the view; owns menus, the status bar and window geometry."""

    def __init__(
        self,
        db: Database,
        settings: Settings,
        paths: AppPaths,
        assistant: Assistant | None = None,
        ui_lang: str = "ko",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.paths = paths
        self.assistant = assistant
        self.setWindowTitle("Jaso")
        self.list_panel = ApplicationListPanel()
        self.critique_queue: CritiqueQueue | None = None
        if assistant is not None:
            self.critique_queue = CritiqueQueue(db, assistant, ui_lang, self)
            self.critique_queue.parallel = settings.remote_parallel
        self.view = ApplicationView(db, settings, assistant, self.critique_queue, ui_lang)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list_panel)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.list_panel.setMinimumWidth(window_layout.LIST_MIN)
        self.list_panel.setMaximumWidth(window_layout.LIST_MAX)
        self.splitter = splitter
        self.setCentralWidget(splitter)
        self.assist = AssistPanel(self.view)
        self.assist.follow_models(paths.models_dir, self.open_model_manager)
        self.assist_dock = QDockWidget(self.tr("Writing help"), self)
        self.assist_dock.setObjectName("assist-dock")
        self.assist_dock.setWidget(self.assist)
        self.assist.setMinimumWidth(window_layout.HELP_MIN)
        self.assist.setMaximumWidth(window_layout.HELP_MAX)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.assist_dock)
        self.model_state = QLabel()
        self.save_state = QLabel()
        if assistant is not None and self.critique_queue is not None:
            assistant.follow(settings)
            # Reviews show in the queue's bar (Pause, Cancel); other jobs here (Stop).
            self.job_status = JobStatus(assistant, shown_elsewhere=("critique",))
            self.statusBar().addPermanentWidget(self.job_status)
            assistant.state_changed.connect(self._on_assistant_state_changed)
            assistant.qualified.connect(self._on_assistant_qualified)
            self.batch_bar = BatchBar(self.critique_queue)
            self.statusBar().addPermanentWidget(self.batch_bar)
            self.critique_queue.message.connect(self._on_view_message)
        self.statusBar().addPermanentWidget(self.model_state)
        self.statusBar().addPermanentWidget(self.save_state)
        self.view.message.connect(self._on_view_message)

        self.list_panel.filter_changed.connect(self._on_list_panel_filter_changed)
        self.list_panel.application_selected.connect(self._on_list_panel_application_selected)
        self.view.saved.connect(self._on_view_saved)
        self.view.save_failed.connect(self._on_view_save_failed)
        self.view.details_requested.connect(self._on_view_details_requested)
        self._build_menus()
        self.counsel_menu = CounselMenu(self, self)
        self.menuBar().insertMenu(self.help_menu.menuAction(), self.counsel_menu.menu)
        self.view.welcome.new_requested.connect(self.new_application)
        self.view.welcome.samples_requested.connect(self.import_samples)
        self.view.welcome.import_requested.connect(self.counsel_menu.import_files)
        self._restore_geometry()
        self.recovery = RecoveryFiles.for_data_dir(paths.data_dir)
        self.view.recovery = self.recovery
        self._restore_recovered()
        if db.read_only:
            self._on_view_save_failed(
                self.tr(
                    "The data folder is read-only: what you type is kept in recovery files "
                    "and saved once the folder can be written."
                )
            )
        self._show_model_on_welcome()
        self.reload_list(select_id=settings.last_application_id or None)
        if self.list_panel.selected_id() is not None:
            self.view.show_application(self.list_panel.selected_id())
        if self.critique_queue is not None and not db.read_only:
            self.critique_queue.resume_at_start()  # runs once a model is ready

    # What the Counselor menu uses (counsel_menu.CounselHost) ---------------------------------

    def current_application(self) -> ApplicationRecord | None:
        return self.view.record

    def flush_editors(self) -> None:
        self.view.flush()

    def open_application(self, application_id: int) -> None:
        self.reload_list(select_id=application_id)
        self.view.show_application(application_id)

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 10_000)

    # Menus ---------------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        handler: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(handler)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(
            self._action(
                self.tr("&New application…"), self.new_application, QKeySequence.StandardKey.New
            )
        )
        file_menu.addAction(
            self._action(self.tr("&Reuse for another company…"), self.reuse_application)
        )
        file_menu.addAction(
            self._action(self.tr("Import &sample applications"), self.import_samples)
        )
        file_menu.addAction(
            self._action(self.tr("&Interview practice…"), self.open_interview, "Ctrl+I")
        )
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Delete application"), self.delete_application))
        file_menu.addAction(self._action(self.tr("&Trash…"), self.open_trash))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("Settin&gs…"), self.open_settings))
        file_menu.addAction(
            self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        )
        model_menu = self.menuBar().addMenu(self.tr("&Model"))
        model_menu.addAction(self._action(self.tr("&Models…"), self.open_model_manager))
        model_menu.addAction(self._action(self.tr("&Choose model file…"), self.choose_model))
        self.show_ai_action = self._action(
            self.tr("&Highlight text taken from the model"), self._on_show_ai_toggled
        )
        self.show_ai_action.setCheckable(True)
        model_menu.addAction(self.show_ai_action)
        model_menu.addAction(self.assist_dock.toggleViewAction())
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_menu = help_menu
        help_menu.addAction(self._action(self.tr("&About Jaso"), self.show_about))

    # Model ---------------------------------------------------------------------------------

    def load_model(self) -> None:
        """Load the default model the settings name, in the background."""
        if self.assistant is not None:
            self.assistant.load_default()

    def starter_installed(self) -> None:
        """The starter model was joined into the models folder (or could not be): save the
        choice and load whatever the settings now name."""
        self._save_settings()
        self.load_model()

    def choose_model(self) -> None:
        start = self.settings.model_path or str(self.paths.models_dir)
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a model file"), start, self.tr("GGUF models (*.gguf)")
        )
        if name:
            self.settings.model_path = name
            self.settings.model_backend = "llama_cpp"
            self._save_settings()
            self.load_model()

    def open_model_manager(self) -> None:
        from desktop.ui.models.model_manager import ModelManagerDialog

        qualifications = self.assistant.qualifications if self.assistant else None
        dialog = ModelManagerDialog(
            self.settings, self.paths.models_dir, parent=self, qualifications=qualifications
        )
        dialog.exec()
        if dialog.changed:
            self._save_settings()
            self.load_model()

    def _on_assistant_state_changed(self, state: str, detail: str) -> None:
        text = {
            "none": self.tr("No model (Model ▸ Choose model file…)"),
            "loading": self.tr("Loading %1…"),
            "ready": self.tr("Model: %1"),
            "failed": self.tr("Model failed: %1"),
        }.get(state, state)
        failed = state == "failed"
        # Why it failed is shown once, beside it, by the job status (with Details…); here the
        # file that failed, the reason as its tooltip.
        named = self.assistant.model_name if failed and self.assistant else detail
        self.model_state.setText(text.replace("%1", named))
        self.model_state.setToolTip(detail if failed else "")
        self.model_state.setStyleSheet("color: #c62828" if failed else "")
        self._show_model_on_welcome()

    def _on_assistant_qualified(self, _verdict: object) -> None:
        self._show_model_on_welcome()

    def _show_model_on_welcome(self) -> None:
        name = Path(self.settings.model_path).name if self.settings.model_path else None
        if self.assistant is not None and self.assistant.state == "ready":
            name = self.assistant.model_name or name
        # What the model can do beyond continuation comes from the model's qualification (issue
        # 26) once it is known; until then the page promises continuation only.
        can_critique = None
        if self.assistant is not None:
            can_critique = critique_ability(self.settings, self.assistant.verdict("critique"))
        self.view.welcome.set_model(name, can_critique)

    def _on_show_ai_toggled(self, checked: bool) -> None:
        self.view.show_ai_text = checked
        for editor in self.view.editors:
            editor.set_show_ai_text(checked)

    def _on_view_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # List ----------------------------------------------------------------------------------

    def reload_list(self, select_id: int | None = None) -> None:
        query, status = self.list_panel.query()
        snippets: dict[int, str] = {}
        try:
            if query:
                hits = self.db.run(search, query=query)
                for hit in hits:
                    snippets.setdefault(hit.application_id, hit.snippet)
                records = self.db.run(
                    app_store.list_applications, status=status or None, ids=list(snippets)
                )
            else:
                records = self.db.run(app_store.list_applications, status=status or None)
        except StorageError as exc:
            self.statusBar().showMessage(str(exc))
            return
        try:
            self.list_panel.set_clients(self.db.run(client_names))
        except StorageError:
            pass
        client = self.list_panel.client_filter()
        if client:
            records = [r for r in records if r.client_name == client]
        current = select_id if select_id is not None else self.list_panel.selected_id()
        self.list_panel.show_applications(records, snippets, current)
        self.view.welcome.set_first_start(not records and not query and not status)

    def _on_list_panel_filter_changed(self, _query: str, _status: str) -> None:
        self.reload_list()

    def _on_list_panel_application_selected(self, application_id: int) -> None:
        self.view.show_application(application_id)
        self.settings.last_application_id = application_id

    # Saving state --------------------------------------------------------------------------

    def _on_view_saved(self, stamp: datetime) -> None:
        self.save_state.setStyleSheet("")
        self.save_state.setText(
            self.tr("Saved %1").replace("%1", stamp.astimezone().strftime("%H:%M:%S"))
        )

    def _on_view_save_failed(self, message: str) -> None:
        self.save_state.setStyleSheet("color: #c62828; font-weight: bold;")
        self.save_state.setText(self.tr("Not saved: your text is kept and saving is retried"))
        self.save_state.setToolTip(message)
        self.statusBar().showMessage(message, 15_000)

    def _restore_recovered(self) -> None:
        """Put text that could not be saved in the last session back into the database."""
        if not self.recovery.pending():
            return
        try:
            restored = self.db.run(restore_pending, files=self.recovery)
        except StorageError as exc:
            log.error("recovered text not restored yet: %s", exc)
            return
        for question_id in restored.settled:
            self.recovery.forget(question_id)
        if restored.changed:
            self.statusBar().showMessage(
                self.tr(
                    "Restored unsaved text of %n answer(s) from the last session; "
                    "the earlier text is in History.",
                    "",
                    len(restored.changed),
                ),
                20_000,
            )

    # Window state --------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = QByteArray.fromBase64(self.settings.window_geometry.encode("ascii"))
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1200, 800)
        self.fit_panels()

    def fit_panels(self) -> None:
        """Give the list and the writing help their share of the width; the editor the rest."""
        width = self.width()
        listed = window_layout.list_width(width)
        self.splitter.setSizes([listed, max(1, width - listed)])
        self.resizeDocks(
            [self.assist_dock], [window_layout.help_width(width)], Qt.Orientation.Horizontal
        )

    def _save_settings(self) -> None:
        try:
            save_settings(self.settings, self.paths.settings_file)
        except OSError as exc:
            log.error("could not save settings: %s", exc)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if not self.view.flush():
            answer = QMessageBox.warning(
                self,
                self.tr("Unsaved text"),
                self.tr("Some text could not be saved. Quit anyway and lose it?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self._save_settings()
        event.accept()
