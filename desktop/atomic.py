"""Files that appear only once they are complete.

Written next to the target as ``<name>.part``, flushed to disk, then renamed over it: a failure
leaves the old file (or none), never half of one.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path


def write_atomically(path: Path, write: Callable[[Path], object]) -> None:
    """Call ``write`` with the partial file's path, then put the finished file at ``path``."""
    partial = path.with_name(path.name + ".part")
    try:
        write(partial)
        with partial.open("rb+") as done:
            os.fsync(done.fileno())
        os.replace(partial, path)
    finally:
        with contextlib.suppress(OSError):  # the write's own error is the one to report
            partial.unlink(missing_ok=True)


def write_bytes_atomically(path: Path, data: bytes) -> None:
    write_atomically(path, lambda partial: partial.write_bytes(data))


def write_text_atomically(path: Path, text: str) -> None:
    """UTF-8 with ``\\n`` line ends on every system."""
    write_atomically(path, lambda partial: _write_text(partial, text))


def _write_text(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write(text)
