"""A killed app leaves no checks worker behind: the real spawned pool worker of
``desktop/ui/editor/check_runner.py`` ends itself once its parent is gone. (Before, each SIGKILL of
the app left a ~500 MB worker waiting on its task queue forever; a hundred kill cycles ran the
machine out of memory.)"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time

import psutil

from desktop.ui.editor.check_runner import PARENT_CHECK_S
from desktop.writing.flags import CheckContext, Flag

PARENT = """
import threading, time, psutil
from desktop.ui.editor.check_runner import check_elsewhere
from desktop.writing.flags import CheckContext
done = threading.Event()
check_elsewhere("지원 동기를 적었습니다.", CheckContext(), lambda _flags: done.set())
assert done.wait(300), "the checks worker never answered"
print(*[child.pid for child in psutil.Process().children(recursive=True)], flush=True)
time.sleep(600)
"""


def test_the_checks_worker_exits_when_the_app_is_killed() -> None:
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True)
    workers: list[psutil.Process] = []
    try:
        assert parent.stdout is not None
        line = parent.stdout.readline()
        workers += [psutil.Process(int(pid)) for pid in line.split()]
        assert workers, f"no worker process seen ({line!r}, exit {parent.poll()})"
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=30)
        # The worker looks once per PARENT_CHECK_S; allow many periods on a busy machine.
        _gone, alive = psutil.wait_procs(workers, timeout=PARENT_CHECK_S * 30)
        assert not alive, f"still running after the app was killed: {[p.pid for p in alive]}"
    finally:
        parent.kill()
        parent.wait(timeout=30)
        for worker in workers:  # a failed run leaves nothing behind either
            if worker.is_running():
                worker.kill()


def slow_check(_text: str, _context: CheckContext) -> list[Flag]:
    time.sleep(600)
    return []


def test_exit_does_not_wait_for_a_running_check() -> None:
    from desktop.ui.editor import check_runner

    heard: list[object] = []
    ended = threading.Event()

    def done(flags: object) -> None:
        heard.append(flags)
        ended.set()

    check_runner._submit(slow_check, "긴 검사", CheckContext(), done)  # noqa: SLF001
    pool = check_runner._pool  # noqa: SLF001
    assert pool is not None
    workers = [psutil.Process(p.pid) for p in pool._processes.values()]  # noqa: SLF001
    time.sleep(1.0)  # the check is running in the worker now
    began = time.monotonic()
    check_runner.shutdown()
    _gone, alive = psutil.wait_procs(workers, timeout=30)
    assert not alive and time.monotonic() - began < 30
    # Its caller hears (on a pool thread, a moment later) that it ended without flags.
    assert ended.wait(30) and heard == [None]
