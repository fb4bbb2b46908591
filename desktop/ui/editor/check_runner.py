"""Offline checks of large answers in a separate process.

A thread is not enough: the checks' long regex scans hold the GIL, and a 1 MB answer then
stalls the GUI thread for hundreds of milliseconds (tests/reliability/test_hostile_text.py).
One spawned worker process is kept for the session and started on first use. It ends itself
when the app is gone: a killed app never closes the pool's task queue (the worker holds both of
its ends), so the worker, with the analyzer's ~500 MB, would otherwise wait on it forever.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

import psutil

from desktop.writing import fluency
from desktop.writing.checks import analyzer_checks, run_checks
from desktop.writing.flags import CheckContext, Flag

_pool: ProcessPoolExecutor | None = None


PARENT_CHECK_S = 1.0
# The first question loads the analyzer in the worker (1-3 s measured, more on a busy machine)
# behind any check in flight (hundreds of ms for a 1 MB answer); past this, the gate's garbled
# rule is skipped for that answer rather than holding the model's worker.
GARBLED_TIMEOUT_S = 120.0


def _executor() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        me = psutil.Process()
        _pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=watch_parent,
            initargs=(me.pid, me.create_time()),
        )
    return _pool


def shutdown() -> None:
    """At the app's exit: drop queued checks and end the worker now. It holds nothing to save,
    and Python's own exit would otherwise wait for a check still running."""
    global _pool
    pool, _pool = _pool, None
    if pool is None:
        return
    # The pool's worker is this process's only multiprocessing child (nothing else in the app
    # uses multiprocessing); the executor itself has no public accessor for it.
    workers = multiprocessing.active_children()
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.join(timeout=5)


def watch_parent(pid: int, started: float) -> None:
    """In the worker: exit as soon as the process ``pid`` (started at ``started``, so a reused
    pid does not count) is gone; checked every ``PARENT_CHECK_S`` seconds."""

    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK_S)
            try:
                alive = psutil.Process(pid).create_time() == started
            except psutil.Error:
                alive = False
            if not alive:
                os._exit(0)

    threading.Thread(target=watch, name="jaso-parent-watch", daemon=True).start()


def analyze_elsewhere(
    text: str, context: CheckContext, done: Callable[[list[Flag] | None], None]
) -> None:
    """The Korean analyzer's flags (KO.SPACING, KO.TYPO, KO.JOSA), from the worker process.

    The analyzer is loaded there on first use (seconds, ~300 MB, and it holds the GIL while it
    loads), so the GUI process never imports it. ``done`` as for ``check_elsewhere``.
    """
    _submit(analyzer_checks, text, context, done)


def garbled_elsewhere(texts: Sequence[str], source: str) -> list[bool] | None:
    """``fluency.garbled`` asked of the worker process, blocking (the engine's worker thread
    calls it for the output gate); None if the worker cannot answer."""
    try:
        future = _executor().submit(fluency.garbled_loading, list(texts), source)
        return future.result(timeout=GARBLED_TIMEOUT_S)
    except Exception:  # noqa: BLE001 (a broken or closing worker, a timeout: no answer)
        return None


def check_elsewhere(
    text: str, context: CheckContext, done: Callable[[list[Flag] | None], None]
) -> None:
    """Run the checks in the worker process; ``done`` gets the flags, or None if it failed.

    ``done`` is called on a pool thread: it must only hand the result to the GUI thread.
    """
    _submit(run_checks, text, context, done)


def _submit(
    work: Callable[[str, CheckContext], list[Flag]],
    text: str,
    context: CheckContext,
    done: Callable[[list[Flag] | None], None],
) -> None:
    def finished(future: Future[list[Flag]]) -> None:
        try:
            flags: list[Flag] | None = future.result()
        except Exception:  # noqa: BLE001 (a broken worker: no underlines this time)
            flags = None
        done(flags)

    try:
        _executor().submit(work, text, context).add_done_callback(finished)
    except RuntimeError:  # the pool is shutting down with the app
        done(None)
