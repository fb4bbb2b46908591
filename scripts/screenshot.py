"""Render the main window with the sample applications and save a PNG (for looking at the UI).

Usage: python scripts/screenshot.py OUT.png [--lang ko|en] [--dialog history|application|question]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--lang", default="ko")
    parser.add_argument("--dialog", default="")
    args = parser.parse_args()

    from desktop.paths import app_paths, resource
    from desktop.settings import Settings
    from desktop.store import Database
    from desktop.store import questions as q
    from desktop.store.samples import import_applications
    from desktop.ui.application_dialog import ApplicationDialog
    from desktop.ui.history_dialog import HistoryDialog
    from desktop.ui.i18n import install_translators
    from desktop.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    keep = install_translators(app, args.lang)
    paths = app_paths(tempfile.mkdtemp())
    paths.ensure()
    db = Database(paths.database)
    data = json.loads(resource("samples", "applications.json").read_text(encoding="utf-8"))
    ids = db.run(import_applications, data=data)
    first = db.run(q.list_revisions, question_id=1)
    assert not first
    answer = data["applications"][0]["questions"][0]["answer"]
    db.run(q.add_revision, question_id=1, text=answer.replace("0.8%", "1%"), reason="autosave")
    window = MainWindow(db, Settings(language=args.lang), paths)
    window.resize(1280, 820)
    window.show()
    window.reload_list(select_id=ids[0])
    window.view.show_application(ids[0])
    target: QDialog | None = None
    if args.dialog == "history":
        target = HistoryDialog(db.run(q.list_revisions, question_id=1), answer, window)
    elif args.dialog == "application":
        target = ApplicationDialog(window.view.record, window)
    if target is not None:
        target.show()

    def grab() -> None:
        widget = target if target is not None else window
        widget.grab().save(args.out)
        app.quit()

    QTimer.singleShot(800, grab)
    app.exec()
    del keep
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
