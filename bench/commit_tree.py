"""The app's code as it was at a commit, for benchmarks that run it beside the working tree."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def export_commit(commit: str, folder: Path) -> None:
    """Write ``desktop/`` and ``resources/`` of ``commit`` into ``folder`` (git archive)."""
    archive = subprocess.run(
        ["git", "archive", commit, "desktop", "resources"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
