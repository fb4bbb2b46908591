"""How slow this machine is right now, measured once per test session, so time limits follow it.

A time limit in a test only has to catch a hang; set from a quiet machine it turns into a bet
that fails when another job shares the CPUs. The probe hashes two buffers on two threads
(``hashlib`` releases the GIL), the shape of the engine's work: every CPU it can get, in
parallel. ``factor()`` is how many times longer that takes now than on the quiet 2-core machine
the limits were written on (never below 1); every limit in the suite is multiplied by it:
pytest's per-test timeout, pytest-qt's waits (patched in ``conftest.py``) and the subprocess
timeouts, through ``seconds()``. The factor reaches child pytest runs through ``JASO_TEST_PACE``.
"""

from __future__ import annotations

import hashlib
import os
import statistics
import threading
import time
from functools import cache

ENV = "JASO_TEST_PACE"
# The probe's median on this project's quiet 2-core machine (Xeon with SHA extensions, 2026-12),
# in seconds; two busy loops beside it make it 0.050.
REFERENCE_S = 0.035
_BUFFER = bytes(24 * 1024 * 1024)


def _probe() -> float:
    def work() -> None:
        hashlib.sha256(_BUFFER).digest()

    threads = [threading.Thread(target=work) for _ in range(2)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def measure(rounds: int = 5) -> float:
    """The probe's median over ``rounds`` runs, in seconds."""
    return statistics.median(_probe() for _ in range(rounds))


@cache
def factor() -> float:
    """How many times slower than the quiet reference this machine is now (at least 1)."""
    given = os.environ.get(ENV)
    if given:
        return max(1.0, float(given))
    return max(1.0, measure() / REFERENCE_S)


def seconds(quiet: float) -> float:
    """A time limit of ``quiet`` seconds on the quiet machine, stretched to this one."""
    return quiet * factor()


def ms(quiet: int) -> int:
    """The same for the millisecond limits of Qt waits."""
    return round(quiet * factor())
