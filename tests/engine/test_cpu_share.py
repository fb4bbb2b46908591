"""The automatic thread count follows the CPUs other programs leave free (engine/cpu_share.py)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import psutil
import pytest

from desktop.engine.backend import LoadOptions, SamplingParams, default_threads
from desktop.engine.cpu_share import CpuShare, Sample, other_busy, threads_left
from desktop.engine.llama_backend import LlamaCppBackend
from desktop.engine.testmodel import TestModel


def test_the_arithmetic() -> None:
    before = Sample(wall=10.0, busy=100.0, ours=5.0)
    after = Sample(wall=12.0, busy=104.0, ours=7.0)  # 4 CPU-s busy in 2 s, 2 of them ours
    assert other_busy(before, after) == 1.0
    assert other_busy(after, after) == 0.0
    assert threads_left(limit=2, cpus=2, busy_elsewhere=1.0) == 1
    assert threads_left(limit=2, cpus=2, busy_elsewhere=0.1) == 2
    assert threads_left(limit=2, cpus=2, busy_elsewhere=1.9) == 1  # never below one
    assert threads_left(limit=7, cpus=8, busy_elsewhere=0.0) == 7  # never above the limit
    assert threads_left(limit=7, cpus=8, busy_elsewhere=3.4) == 5


@pytest.fixture
def every_cpu_busy() -> Iterator[None]:
    """One spinning process per CPU, as a build or a video call would keep them."""
    spin = "while True: pass"
    procs = [subprocess.Popen([sys.executable, "-c", spin]) for _ in range(psutil.cpu_count() or 1)]
    try:
        yield
    finally:
        for proc in procs:
            proc.kill()
            proc.wait()


def test_a_busy_machine_gets_one_thread(every_cpu_busy: None) -> None:
    share = CpuShare(limit=psutil.cpu_count() or 1)
    time.sleep(1.5)
    assert share.threads() == 1


def test_generation_moves_to_the_free_cpus(tiny_model: TestModel, every_cpu_busy: None) -> None:
    if default_threads() == 1:
        pytest.skip("one CPU: nothing to give up")
    backend = LlamaCppBackend()
    backend.load(LoadOptions(tiny_model.gguf("q8_0"), n_ctx=512))
    try:
        assert backend.runtime.n_threads == default_threads()
        time.sleep(1.5)
        params = SamplingParams(max_tokens=4, temperature=0.0)
        list(backend.stream("지원동기", params, threading.Event()))
        assert backend.runtime.n_threads == 1
    finally:
        backend.close()


def test_a_thread_count_the_user_chose_stays(tiny_model: TestModel, every_cpu_busy: None) -> None:
    backend = LlamaCppBackend()
    backend.load(LoadOptions(tiny_model.gguf("q8_0"), n_ctx=512, n_threads=2))
    try:
        time.sleep(1.5)
        list(backend.stream("지원동기", SamplingParams(max_tokens=4), threading.Event()))
        assert backend.runtime.n_threads == 2
    finally:
        backend.close()
