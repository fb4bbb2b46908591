"""The frozen app's entry point (PyInstaller runs this file as __main__)."""

from desktop.cli import main

raise SystemExit(main())
