"""A full disk and a read-only home while the real app types: a clear message, the text kept in
a recovery file, and saved once the disk takes it again; nothing lost across a SIGKILL."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.paths import app_paths
from desktop.store.recovery import RecoveryFiles
from tests.reliability.app_run import (
    SCRIPT,
    prepare_home,
    saved_answer,
    start_app,
    stop,
    typed_at,
    wait_until,
)
from tests.reliability.conftest import Ledger

IDLE_MS = 300
MAX_WAIT_MS = 600
TEXT = SCRIPT[:600]


def _type_into(tmp_path: Path) -> tuple[Path, Path, Path]:
    home = tmp_path / "home"
    prepare_home(home, IDLE_MS, MAX_WAIT_MS)
    script = tmp_path / "script.txt"
    script.write_text(TEXT, encoding="utf-8")
    return home, script, tmp_path / "typed.log"


def _answer(home: Path) -> str:
    return saved_answer(home)[1]


def _limit_file_size(pid: int, home: Path) -> None:
    """RLIMIT_FSIZE at the current size of the database's write-ahead log: every further
    commit fails as on a full disk, while small files (the recovery file) can still be written."""
    data = app_paths(home).data_dir
    wal = data / "jaso.sqlite3-wal"
    size = wal.stat().st_size if wal.exists() else (data / "jaso.sqlite3").stat().st_size
    resource.prlimit(pid, resource.RLIMIT_FSIZE, (size, resource.RLIM_INFINITY))


def _unlimit(pid: int) -> None:
    resource.prlimit(pid, resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))


@dataclass
class AppRun:  # the app typing TEXT into ``home``, with its log and recovery files
    home: Path
    log: Path
    recovery: RecoveryFiles
    proc: subprocess.Popen[bytes]


def _wait_until_all_saved(run: AppRun, what: str) -> None:
    """The robot typed the whole text, the database has all of it, and no recovery file is left."""
    wait_until(
        lambda: typed_at(run.log, time.time()) == len(TEXT), run.proc, run.home, 60, "typing"
    )
    wait_until(
        lambda: _answer(run.home) == TEXT and not run.recovery.pending(),
        run.proc,
        run.home,
        15,
        what,
    )


@contextmanager
def _typing_onto_a_full_disk(tmp_path: Path) -> Iterator[AppRun]:
    """The app typing, past its first save, with the disk full and a recovery file written."""
    home, script, log = _type_into(tmp_path)
    recovery = RecoveryFiles.for_data_dir(app_paths(home).data_dir)
    proc = start_app(home, script=script, log=log)
    try:
        wait_until(lambda: len(_answer(home)) > 30, proc, home, 60, "a first save")
        _limit_file_size(proc.pid, home)
        wait_until(lambda: bool(recovery.pending()), proc, home, 15, "a recovery file")
        yield AppRun(home, log, recovery, proc)
    finally:
        stop(proc)


@pytest.mark.slow
def test_full_disk_keeps_the_text_and_saves_once_space_is_back(
    tmp_path: Path, ledger: Ledger
) -> None:
    with _typing_onto_a_full_disk(tmp_path) as full:
        home, recovery, proc = full.home, full.recovery, full.proc
        saved_while_full = _answer(home)
        time.sleep(1.5)
        kept = recovery.pending()[0].text
        _unlimit(proc.pid)
        _wait_until_all_saved(full, "the save once space is back")
    integrity, answer = saved_answer(home)
    survived = integrity == "ok" and answer == TEXT
    ledger.record(
        "crashes",
        "full disk while typing (file-size limit at the database's size), then space back",
        1,
        int(survived),
        "none" if answer == TEXT else f"{len(TEXT) - len(answer)} characters",
        f"while full: {len(saved_while_full)} characters in the database, {len(kept)} in the "
        "recovery file; all saved once space was back",
        lost_n=len(TEXT) - len(answer),
    )
    assert integrity == "ok"
    assert TEXT.startswith(kept) and len(kept) > len(saved_while_full)
    assert answer == TEXT


@pytest.mark.slow
def test_sigkill_while_the_disk_is_full_loses_at_most_one_autosave_window(
    tmp_path: Path, ledger: Ledger
) -> None:
    with _typing_onto_a_full_disk(tmp_path) as full:
        home, log, recovery = full.home, full.log, full.recovery
        time.sleep(1.0)
        killed_at = time.time()
        full.proc.send_signal(signal.SIGKILL)
    typed = typed_at(log, killed_at)
    must_have = typed_at(log, killed_at - MAX_WAIT_MS / 1000 - 0.75)
    in_database = len(_answer(home))
    kept = recovery.pending()[0].text
    # Restart without typing: the app writes the recovery file back into the database.
    proc = start_app(home)
    try:
        wait_until(lambda: not recovery.pending(), proc, home, 60, "the restore at start")
    finally:
        stop(proc)
    integrity, answer = saved_answer(home)
    survived = integrity == "ok" and answer == kept and must_have <= len(answer)
    ledger.record(
        "crashes",
        "SIGKILL while the disk is full, then a restart",
        1,
        int(survived),
        f"{typed - len(answer)} characters",
        f"at the kill {in_database} characters were in the database and {len(kept)} in the "
        "recovery file; the restart restored them (the older text stays in History)",
        lost_n=typed - len(answer),
    )
    assert integrity == "ok"
    assert answer == kept and TEXT.startswith(answer)
    assert must_have <= len(answer) <= typed


def _set_writable(root: Path, on: bool) -> None:
    for folder, _dirs, files in os.walk(root):
        Path(folder).chmod(0o755 if on else 0o555)
        for name in files:
            (Path(folder) / name).chmod(0o644 if on else 0o444)


def _mount_namespaces() -> bool:
    probe = (
        subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False, timeout=10)
        if shutil.which("unshare") and shutil.which("nsenter")
        else None
    )
    return probe is not None and probe.returncode == 0


class ReadOnlyHome:
    """A home the app cannot write: permissions for a normal user; for root (who ignores
    permissions) a read-only bind mount in the app's own mount namespace."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.as_root = os.geteuid() == 0
        self.prefix: tuple[str, ...] = ()
        if self.as_root:
            self.prefix = (
                "unshare", "-m", "sh", "-c", 'mount --bind -o ro "$0" "$0" && exec "$@"',
                str(home),
            )  # fmt: skip
        else:
            _set_writable(home, False)

    def make_writable(self, pid: int) -> None:
        if self.as_root:
            subprocess.run(
                ["nsenter", "-t", str(pid), "-m", "mount", "-o", "remount,rw,bind", str(self.home)],
                check=True,
                timeout=10,
            )
        else:
            _set_writable(self.home, True)


@pytest.mark.slow
def test_read_only_home_keeps_the_text_and_saves_once_writable(
    tmp_path: Path, ledger: Ledger
) -> None:
    if os.geteuid() == 0 and not _mount_namespaces():
        pytest.skip("running as root without mount namespaces: cannot make a home read-only")
    home, script, log = _type_into(tmp_path)
    read_only = ReadOnlyHome(home)
    recovery = RecoveryFiles.for_data_dir(app_paths(home).data_dir)
    shutil.rmtree(recovery.folders[1], ignore_errors=True)
    proc = start_app(home, script=script, log=log, prefix=read_only.prefix)
    try:
        wait_until(lambda: bool(recovery.pending()), proc, home, 60, "a recovery file")
        time.sleep(1.0)
        kept = recovery.pending()[0]
        in_database = len(_answer(home))
        read_only.make_writable(proc.pid)
        _wait_until_all_saved(
            AppRun(home, log, recovery, proc), "the save once the home is writable"
        )
    finally:
        stop(proc)
        _set_writable(home, True)
        shutil.rmtree(recovery.folders[1], ignore_errors=True)
    integrity, answer = saved_answer(home)
    survived = integrity == "ok" and answer == TEXT
    how = "a read-only bind mount" if read_only.as_root else "permissions"
    ledger.record(
        "crashes",
        "read-only home from the start while typing, then writable again",
        1,
        int(survived),
        "none" if answer == TEXT else f"{len(TEXT) - len(answer)} characters",
        f"read-only by {how}; the app opened read-only ({in_database} characters in the "
        f"database); {len(kept.text)} characters kept in the temporary folder's "
        "recovery file; all saved once writable",
        lost_n=len(TEXT) - len(answer),
    )
    assert kept.path.parent == recovery.folders[1], "the data folder was read-only"
    assert TEXT.startswith(kept.text) and kept.text
    assert integrity == "ok"
    assert answer == TEXT
