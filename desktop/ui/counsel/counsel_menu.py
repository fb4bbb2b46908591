"""The Counselor menu: import essays, batch reviews, consent, and the exports."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from desktop.importing.readers import ImportFailed
from desktop.store import Database, StorageError
from desktop.store.applications import get_application, list_applications
from desktop.store.batches import answered_questions
from desktop.store.clients import has_training_consent, set_training_consent
from desktop.store.records import ApplicationRecord
from desktop.ui.assist.critique_queue import CritiqueQueue
from desktop.ui.counsel.batch_dialog import BatchDialog
from desktop.ui.counsel.import_dialog import FILE_FILTER, ImportDialog
from desktop.ui.counsel.import_reader import ImportReader


class CounselHost(Protocol):
    """What the counselor's menu needs of the window it serves (the main window)."""

    db: Database
    critique_queue: CritiqueQueue | None

    def current_application(self) -> ApplicationRecord | None: ...
    def flush_editors(self) -> None: ...
    def open_application(self, application_id: int) -> None: ...
    def show_status(self, text: str) -> None: ...


class CounselMenu(QObject):
    """The Counselor menu (``menu``, for the host to place) and its actions; dialogs open over
    ``window``."""

    def __init__(self, host: CounselHost, window: QWidget) -> None:
        super().__init__(window)
        self.host = host
        self.window = window
        menu = QMenu(self.tr("&Counselor"), window)
        self.menu = menu
        self._add(menu, self.tr("&Import essays…"), self.import_files, "Ctrl+Shift+O")
        self._add(menu, self.tr("&Paste an essay…"), self.paste_essay)
        menu.addSeparator()
        self._add(menu, self.tr("&Batch review…"), self.batch_review, "Ctrl+Shift+B")
        self._add(menu, self.tr("Client's training &consent…"), self.training_consent)
        menu.addSeparator()
        self._add(menu, self.tr("Export feedback &report…"), self.export_report, "Ctrl+Shift+E")
        self._add(menu, self.tr("Export &essay…"), self.export_essay)
        self._add(menu, self.tr("Export &training data…"), self.export_training)

    def _add(self, menu: QMenu, text: str, handler: object, shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(handler)
        menu.addAction(action)
        return action

    def _say(self, text: str) -> None:
        self.host.show_status(text)

    def _folder(self) -> str:
        return str(Path.home())

    # Import --------------------------------------------------------------------------------

    def import_files(self) -> None:
        reader = ImportReader(self)
        reader.start()  # sets the Korean analyzer up while the user chooses the files
        try:
            self._import_with(reader)
        finally:
            reader.close()
            reader.deleteLater()

    def _import_with(self, reader: ImportReader) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Import essays"),
            self._folder(),
            self.tr("Essays (%1)").replace("%1", FILE_FILTER),
        )
        for number, name in enumerate(names, 1):
            path = Path(name)
            try:
                read = reader.read(path, self.window)  # in another process
            except ImportFailed as exc:
                QMessageBox.warning(
                    self.window, self.tr("Could not import %1").replace("%1", path.name), str(exc)
                )
                continue
            if read is None:  # cancelled
                break
            text, left_out = read
            label = path.name if len(names) == 1 else f"{path.name} ({number}/{len(names)})"
            if not self._open_dialog(text, label, left_out):
                break

    def paste_essay(self) -> None:
        self._open_dialog(QGuiApplication.clipboard().text(), "")

    def _open_dialog(
        self, text: str, source: str, left_out: list[tuple[str, str]] | None = None
    ) -> bool:
        dialog = ImportDialog(self.host.db, text, source, self.window, left_out or [])
        if not dialog.exec() or dialog.saved_id is None:
            return False
        self.host.open_application(dialog.saved_id)
        self._say(self.tr("Imported. Review the answers, then press Review all or queue a batch."))
        return True

    # Batch ---------------------------------------------------------------------------------

    def batch_review(self) -> None:
        controller = self.host.critique_queue
        if controller is None:
            self._say(self.tr("No model is ready. Choose one under Model."))
            return
        self.host.flush_editors()
        try:
            records = self.host.db.run(list_applications)
            answered = self.host.db.run(answered_questions)
        except StorageError as exc:
            self._say(str(exc))
            return
        counts = {app_id: len(ids) for app_id, ids in answered.items()}
        dialog = BatchDialog(records, counts, self.window)
        if dialog.exec():
            ids = [qid for app_id in dialog.chosen() for qid in answered.get(app_id, [])]
            if ids and controller.add(ids):
                self._say(self.tr("%n answer(s) queued for review.", "", len(ids)))

    def training_consent(self) -> None:
        record = self.host.current_application()
        if record is None or not record.client_name:
            self._say(self.tr("Open an application with a client name (Edit details) first."))
            return
        db = self.host.db
        consent = db.run(has_training_consent, name=record.client_name)
        box = QMessageBox(self.window)
        box.setWindowTitle(self.tr("Training consent"))
        box.setText(
            self.tr(
                "Does %1 agree that their approved critiques may be used to train a critique "
                "model? Contact details and their name are masked in the export."
            ).replace("%1", record.client_name)
        )
        box.setInformativeText(
            self.tr("Currently: consents.") if consent else self.tr("Currently: no consent.")
        )
        yes = box.addButton(self.tr("Consents"), QMessageBox.ButtonRole.YesRole)
        no = box.addButton(self.tr("Does not consent"), QMessageBox.ButtonRole.NoRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() in (yes, no):
            try:
                db.run(
                    set_training_consent,
                    name=record.client_name,
                    consent=box.clickedButton() is yes,
                )
            except StorageError as exc:
                self._say(str(exc))

    # Export --------------------------------------------------------------------------------

    def _save_name(self, title: str, stem: str, filters: list[tuple[str, str]]) -> Path | None:
        joined = ";;".join(f"{label} (*{suffix})" for label, suffix in filters)
        start = str(Path(self._folder()) / f"{stem}{filters[0][1]}")
        name, chosen = QFileDialog.getSaveFileName(self.window, title, start, joined)
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in [suffix for _, suffix in filters]:
            suffix = next((s for label, s in filters if chosen.startswith(label)), filters[0][1])
            path = path.with_name(path.name + suffix)
        return path

    def _export(
        self,
        title: str,
        suffix: str,
        filters: list[tuple[str, str]],
        write: Callable[[int, Path], None],
        done: str,
    ) -> None:
        """Ask where to write the open application's file, then ``write(application id, path)``
        with its latest text saved first; ``done`` says where it went (%1)."""
        record = self.host.current_application()
        if record is None:
            self._say(self.tr("Open an application first."))
            return
        parts = [record.client_name, record.company]
        stem = "-".join(p.strip().replace("/", "_") for p in parts if p.strip()) or "jaso"
        path = self._save_name(title, stem + suffix, filters)
        if path is None:
            return
        self.host.flush_editors()
        try:
            write(record.id, path)
        except (OSError, StorageError, ValueError) as exc:
            QMessageBox.warning(self.window, self.tr("Export failed"), str(exc))
            return
        self._say(done.replace("%1", str(path)))

    def export_report(self) -> None:
        def write(application_id: int, path: Path) -> None:
            from desktop.counsel.export import export_report  # python-docx loads on first use
            from desktop.counsel.report import build_report

            export_report(self.host.db.run(build_report, application_id=application_id), path)

        self._export(
            self.tr("Export feedback report"),
            "-"
            + self.tr("feedback", "the end of a proposed file name: 김민수-다온은행-feedback.pdf"),
            [("PDF", ".pdf"), ("Word", ".docx"), ("HTML", ".html")],
            write,
            self.tr("Report written to %1"),
        )

    def export_essay(self) -> None:
        def write(application_id: int, path: Path) -> None:
            from desktop.counsel.export import export_essay

            export_essay(self.host.db.run(get_application, application_id=application_id), path)

        self._export(
            self.tr("Export essay"),
            "",
            [(self.tr("Text"), ".txt"), ("Word", ".docx")],
            write,
            self.tr("Essay written to %1"),
        )

    def export_training(self) -> None:
        path = self._save_name(
            self.tr("Export training data"),
            self.tr("jaso-critiques", "a proposed file name"),
            [("JSONL", ".jsonl")],
        )
        if path is None:
            return
        from desktop.counsel.training import training_examples, write_jsonl

        try:
            export = self.host.db.run(training_examples)
            if not export.examples:
                QMessageBox.information(
                    self.window,
                    self.tr("Export training data"),
                    self.tr(
                        "Nothing to export: only approved reviews of clients who consented "
                        "are training data."
                    ),
                )
                return
            write_jsonl(path, export.examples)
        except (OSError, StorageError) as exc:
            QMessageBox.warning(self.window, self.tr("Export failed"), str(exc))
            return
        text = self.tr("%n example(s) written", "", len(export.examples))
        if export.skipped:
            text += " · " + self.tr(
                "%n review(s) skipped: longer than the model may write", "", export.skipped
            )
        self._say(f"{text} → {path}")
