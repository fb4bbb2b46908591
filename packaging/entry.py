"""The frozen app's entry point (PyInstaller runs this file as __main__)."""

import multiprocessing

from desktop.cli import main

# The checks' worker process (desktop/ui/editor/check_runner.py) is spawned: in a frozen app the
# executable must recognise that it was started as that worker.
multiprocessing.freeze_support()
raise SystemExit(main())
