"""Cold start to the main window shown, side by side with a bare Qt window, and heavy imports.

Run: python bench/startup_bench.py [--runs N]. Prints figures; never fails.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HEAVY = ("torch", "transformers", "llama_cpp", "accelerate", "numpy", "gguf")

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1200, 800); w.show(); app.processEvents()
print("{}")
"""

JASO = """
import json, sys
from PySide6.QtWidgets import QApplication
from desktop.paths import app_paths
from desktop.settings import Settings
from desktop.store import Database
from desktop.store.backup import daily_backup
from desktop.ui.i18n import install_translators
from desktop.ui.main_window import MainWindow
app = QApplication([])
keep = install_translators(app, "ko")
paths = app_paths(sys.argv[1]); paths.ensure()
db = Database(paths.database)
daily_backup(paths.database, paths.backup_dir, keep=7)
w = MainWindow(db, Settings(language="ko"), paths); w.show(); app.processEvents()
print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & set(HEAVY))))
""".replace("HEAVY", repr(HEAVY))


def timed(code: str, *args: str) -> tuple[float, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True
    )
    return time.perf_counter() - start, out.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    home = tempfile.mkdtemp()
    timed(JASO, home)  # first run creates the database; page cache warm for both
    bare, jaso = [], []
    heavy = "[]"
    for _ in range(args.runs):  # interleaved so machine noise hits both alike
        bare.append(timed(BARE)[0])
        seconds, heavy = timed(JASO, home)
        jaso.append(seconds)
    b, j = statistics.median(bare), statistics.median(jaso)
    print(f"runs: {args.runs} (interleaved), medians")
    print(f"bare Qt main window shown:  {b * 1000:7.0f} ms")
    print(f"Jaso main window shown:     {j * 1000:7.0f} ms")
    print(f"ratio Jaso / bare Qt:       {j / b:7.2f}")
    print(f"Jaso overhead over bare Qt: {(j - b) * 1000:7.0f} ms")
    print(f"heavy modules imported at start: {json.loads(heavy) or 'none'}")


if __name__ == "__main__":
    main()
