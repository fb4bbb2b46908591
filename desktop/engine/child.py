"""Helper processes started by the app itself, the same way from source and in a frozen build.

From source a helper is ``python -m <module>``. In a PyInstaller build ``sys.executable`` is the
app, which has no ``-m``: it is started as ``jaso --jaso-child <name> ...`` instead, and
``desktop.cli.main`` hands that to ``run_child`` before parsing arguments (a hidden entry, not
a subcommand in ``--help``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Final

CHILD_FLAG: Final = "--jaso-child"
# Windows: no console window flashes up for a helper of the windowed app (0 elsewhere)
NO_WINDOW: Final = getattr(subprocess, "CREATE_NO_WINDOW", 0)
# name -> module run with ``-m`` from source (each has ``main(argv) -> int``)
CHILDREN: Final = {
    "gguf-check": "desktop.engine.gguf_check",
    "probe": "desktop.engine.probe",
}


def child_command(name: str, *args: str) -> list[str]:
    """The argv that starts helper ``name`` with ``args``."""
    if getattr(sys, "frozen", False):
        return [sys.executable, CHILD_FLAG, name, *args]
    return [sys.executable, "-m", CHILDREN[name], *args]


def child_env(**extra: str) -> dict[str, str]:
    """The helper's environment: ours, plus ``extra``; from a source checkout, with the
    checkout first on ``PYTHONPATH`` so that the helper runs this code, whatever the working
    directory or another install of the package."""
    env = {**os.environ, **extra}
    root = Path(__file__).resolve().parents[2]
    if not getattr(sys, "frozen", False) and (root / "pyproject.toml").is_file():
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    return env


def run_child(argv: Sequence[str]) -> int:
    """``jaso --jaso-child NAME ARGS...``: run helper NAME (explicit imports, so that
    PyInstaller's analysis finds both modules)."""
    name, args = (argv[0], list(argv[1:])) if argv else ("", [])
    if name == "gguf-check":
        from desktop.engine import gguf_check

        return gguf_check.main(args)
    if name == "probe":
        from desktop.engine import probe

        return probe.main(args)
    sys.stderr.write(f"jaso: unknown helper {name!r}\n")
    return 2
