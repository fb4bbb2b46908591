"""Composition root: builds settings, store, translations and the main window, then runs."""

from __future__ import annotations

import functools
import logging
import logging.handlers
import signal
import sys
import threading
import traceback
from types import TracebackType
from typing import Any

from desktop.paths import AppPaths, app_paths
from desktop.settings import Settings, load_settings
from desktop.store import Database, StorageError
from desktop.store.backup import daily_backup, list_backups, recover_from_backup
from desktop.store.errors import StoreDamaged

log = logging.getLogger("desktop")


def setup_logging(paths: AppPaths) -> None:
    handler: logging.Handler
    try:
        handler = logging.handlers.RotatingFileHandler(
            paths.log_dir / "jaso.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as exc:  # a read-only home: log to stderr rather than not start
        handler = logging.StreamHandler()
        sys.stderr.write(f"jaso: logging to stderr only: {exc}\n")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _install_excepthooks() -> None:
    """Log unexpected errors and show them on the GUI thread; the app keeps running."""
    from PySide6.QtCore import QMetaObject, QObject, Qt, Slot
    from PySide6.QtWidgets import QApplication, QMessageBox

    class _Reporter(QObject):
        pending: list[str] = []

        @Slot()
        def show(self) -> None:
            while self.pending:
                details = self.pending.pop(0)
                box = QMessageBox(
                    QMessageBox.Icon.Critical,
                    "Jaso",
                    QApplication.translate(
                        "App", "Something went wrong. Your text is saved; details are in the log."
                    ),
                )
                box.setDetailedText(details)
                box.exec()

    reporter = _Reporter(QApplication.instance())

    def report(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, value, tb))
        log.error("unhandled exception:\n%s", details)
        reporter.pending.append(details)
        QMetaObject.invokeMethod(reporter, "show", Qt.ConnectionType.QueuedConnection)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        report(args.exc_type, args.exc_value or Exception(), args.exc_traceback)

    sys.excepthook = report
    threading.excepthook = thread_hook


def _offer_restore(paths: AppPaths, problem: str) -> Database | None:
    """Ask to set the damaged database aside and restore the newest backup; the damaged file
    is kept under a new name, never overwritten."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    backups = list_backups(paths.backup_dir)
    if not backups:
        missing = QApplication.translate("App", "There is no backup.")
        QMessageBox.critical(None, "Jaso", problem + "\n\n" + missing)
        return None
    question = QApplication.translate(
        "App",
        "The database cannot be read. Restore the newest backup (%1)? The damaged file is kept "
        "next to it under a new name.",
    ).replace("%1", backups[0].name)
    answer = QMessageBox.question(None, "Jaso", problem + "\n\n" + question)
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        recover_from_backup(paths.database, paths.backup_dir)
        return Database(paths.database)
    except StorageError as exc:
        QMessageBox.critical(None, "Jaso", str(exc))
        return None


def _ignore_file_size_signal() -> None:
    """Past a file-size limit (RLIMIT_FSIZE) a write should fail with EFBIG, which the store
    reports like a full disk, instead of SIGXFSZ killing the app with the text in it."""
    if hasattr(signal, "SIGXFSZ"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def _start_with_starter(paths: AppPaths, settings: Settings, window: Any) -> Any:
    """On a first start, join the starter model in the background, then load it; a handle
    that keeps the signal alive, or None when there is nothing to install."""
    from PySide6.QtCore import QObject, Signal

    from desktop.starter import install_starter, wants_starter

    if not wants_starter(settings):
        return None

    class _Installed(QObject):
        done = Signal()

    installed = _Installed()
    installed.done.connect(window.starter_installed)  # queued: emitted from the thread below

    def work() -> None:
        install_starter(paths, settings)
        installed.done.emit()

    threading.Thread(target=work, name="starter-model", daemon=True).start()
    return installed


def run_gui() -> int:
    _ignore_file_size_signal()
    paths = app_paths()
    try:
        paths.ensure()
    except OSError as exc:  # a read-only home: the database may still be readable
        sys.stderr.write(f"jaso: {exc}\n")
    setup_logging(paths)
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.engine import gate_fluency
    from desktop.engine.backend import create_backend
    from desktop.engine.load_probe import ModelProbe
    from desktop.engine.qualification import QualificationCache
    from desktop.ui.editor import check_runner
    from desktop.ui.i18n import apply_ui_font, install_translators, resolve_language
    from desktop.ui.main_window import MainWindow
    from desktop.ui.models.assistant import Assistant
    from desktop.ui.models.llm_worker import LlmClient
    from desktop.ui.test_hook import maybe_start

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Jaso")
    # The output gate reads the model's Korean with the analyzer, which lives in the check worker.
    gate_fluency.score_elsewhere(check_runner.garbled_elsewhere)
    settings = load_settings(paths.settings_file)
    translators = install_translators(app, settings.language)
    apply_ui_font(app, settings.language)
    _install_excepthooks()
    try:
        db = Database(paths.database)
    except StoreDamaged as exc:
        log.error("the database is damaged: %s", exc)
        recovered = _offer_restore(paths, str(exc))
        if recovered is None:
            return 1
        db = recovered
    except StorageError as exc:
        log.error("cannot open the database: %s", exc)
        QMessageBox.critical(None, "Jaso", str(exc))
        return 1
    try:
        daily_backup(paths.database, paths.backup_dir, keep=settings.backup_keep)
    except StorageError as exc:
        log.warning("daily backup skipped: %s", exc)
    # A model file is tried in a helper process before its first load here (issue 20).
    probe = ModelProbe(paths.model_probes)
    # What each model may be asked to do is measured once per file (issue 26).
    assistant = Assistant(
        LlmClient(functools.partial(create_backend, probe=probe)),
        qualifications=QualificationCache(paths.qualifications),
    )
    window = MainWindow(db, settings, paths, assistant, resolve_language(settings.language))
    window.show()
    starting = _start_with_starter(paths, settings, window)
    if not starting:
        window.load_model()
    robot = maybe_start(window)
    try:
        return app.exec()
    finally:
        del robot, translators, starting
        if not assistant.shutdown():
            log.warning("the model thread did not stop in time")
        check_runner.shutdown()
        db.close()
