"""Soak: many suggestion jobs on the tiny model, cancelled at random moments. Every job ends
exactly once, memory and threads stay flat."""

from __future__ import annotations

import random
import threading
from collections import Counter
from functools import partial
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.engine.backend import create_backend
from desktop.engine.testmodel import build_test_model
from desktop.ui.assist.suggestions import _suggest_task
from desktop.ui.models.assistant import Assistant, Handlers
from desktop.ui.models.llm_worker import LlmClient
from desktop.writing.essay import EssayRequest
from tests.reliability.conftest import Ledger, count

ANSWER = "저는 물류센터에서 입고 기록 1,200건을 분석해 오차율을 3.5%에서 0.8%로 낮췄습니다."


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _os_threads() -> int:
    return len(list(Path("/proc/self/task").iterdir()))


def test_suggestion_jobs_with_random_cancels(qtbot: QtBot, ledger: Ledger) -> None:
    model = build_test_model("tiny").gguf("q8_0")
    client = LlmClient(create_backend)
    assistant = Assistant(client)
    ends: Counter[int] = Counter()
    client.job_finished.connect(lambda job_id, _r: ends.update([job_id]))
    client.job_failed.connect(lambda job_id, _m, _d: ends.update([job_id]))
    client.job_cancelled.connect(lambda job_id: ends.update([job_id]))
    try:
        with qtbot.waitSignal(assistant.state_changed, timeout=30_000):
            assistant.load("llama_cpp", model, 2048)
        qtbot.waitUntil(lambda: assistant.ready, timeout=30_000)
        request = EssayRequest(text=ANSWER, limit=500)
        rng = random.Random(11)
        runs = count(60, 1000)
        submitted: list[int] = []
        baseline_rss = baseline_threads = 0.0
        for index in range(runs):
            job = assistant.run("suggest", partial(_suggest_task, request, 2, "ko"), Handlers())
            assert job is not None
            submitted.append(job)
            roll = rng.random()
            if roll < 0.3:
                assistant.cancel(job)  # before it starts
            elif roll < 0.6:
                qtbot.wait(rng.randint(1, 30))
                assistant.cancel(job)  # while it streams
            if index % 20 == 19:  # let the queue drain now and then
                qtbot.waitUntil(lambda: all(j in ends for j in submitted), timeout=60_000)
            if index == 19:
                baseline_rss, baseline_threads = _rss_mb(), _os_threads()
        qtbot.waitUntil(lambda: all(j in ends for j in submitted), timeout=120_000)
        qtbot.wait(200)
        growth = _rss_mb() - baseline_rss
        threads = _os_threads()
        twice = [j for j in submitted if ends[j] != 1]
    finally:
        assert assistant.shutdown()
    ledger.record(
        "soak",
        "suggestion jobs on the tiny model, 30 % cancelled before start, 30 % mid-stream",
        runs,
        runs - len(twice),
        "none",
        f"RSS growth after warm-up {growth:+.1f} MB (limit 50); OS threads "
        f"{baseline_threads:.0f} -> {threads}; Python threads {threading.active_count()}",
    )
    assert twice == []
    assert growth < 50
    assert threads <= baseline_threads + 2
