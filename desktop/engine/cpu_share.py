"""How many CPU threads generation should use now: the CPUs other programs leave free.

llama.cpp's CPU threads meet at a barrier after every layer. When another program keeps one of
the cores busy, the thread that lands there arrives late every time and the others spin waiting
for it: SmolLM2-135M on 2 cores, with one busy loop beside it, generates 17 tok/s on 2 threads
and 57 tok/s on 1 (bench/contention_bench.py). So with the thread count left on automatic, the
engine asks before each job, and about once a second during one, how busy the machine has been
with work that is not ours (psutil: the system's busy time minus this process's), and uses the
CPUs that are left, at least one and never more than the automatic count.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import psutil

_MIN_WINDOW_S = 1.0  # shorter windows are noise; the last answer stands until then


@dataclass(frozen=True)
class Sample:
    wall: float  # monotonic seconds
    busy: float  # CPU seconds the whole system spent busy
    ours: float  # CPU seconds this process spent


def other_busy(before: Sample, after: Sample) -> float:
    """CPUs kept busy by other processes between two samples (0 when the window is empty)."""
    wall = after.wall - before.wall
    if wall <= 0:
        return 0.0
    return max(0.0, ((after.busy - before.busy) - (after.ours - before.ours)) / wall)


def threads_left(limit: int, cpus: int, busy_elsewhere: float) -> int:
    """The CPUs other work leaves (rounded), at least 1 and at most ``limit``."""
    return max(1, min(limit, int(cpus - busy_elsewhere + 0.5)))


def _sample(process: psutil.Process) -> Sample:
    times = psutil.cpu_times()
    # Linux counts guest time in user time too, and iowait is waiting, not work.
    spare = sum(getattr(times, name, 0.0) for name in ("idle", "iowait", "guest", "guest_nice"))
    own = process.cpu_times()
    return Sample(time.monotonic(), sum(times) - spare, own.user + own.system)


class CpuShare:
    """Threads for the next stretch of work, from the load seen since the last question."""

    def __init__(self, limit: int) -> None:
        self.limit = max(1, limit)
        self.cpus = psutil.cpu_count() or 1
        self._process = psutil.Process()
        self._last = _sample(self._process)
        self._threads = self.limit

    def threads(self) -> int:
        """Cheap enough to ask before every decode: it samples at most once a second."""
        if time.monotonic() - self._last.wall < _MIN_WINDOW_S:
            return self._threads
        now = _sample(self._process)
        if now.wall - self._last.wall >= _MIN_WINDOW_S:
            self._threads = threads_left(self.limit, self.cpus, other_busy(self._last, now))
            self._last = now
        return self._threads
