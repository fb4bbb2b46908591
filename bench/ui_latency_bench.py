"""GUI responsiveness while the model thread works, side by side with an idle GUI, in one run.

    QT_QPA_PLATFORM=offscreen python bench/ui_latency_bench.py [--shape qwen2.5-0.5b] [--runs 8]

Prints:
- heartbeat: a 5 ms timer on the GUI thread records how late each tick is, first idle, then
  while the worker streams suggestions (target while streaming: p99 <= 16 ms, max <= 50 ms);
- keystroke to cancel: from a keystroke in a real editor to the job's job_cancelled signal;
- pause to first ghost token: from the end of the typing pause to the first streamed text, cold
  (a fresh prompt) against warm (the same answer plus one typed word: the KV cache is reused).
Uses the real llama.cpp backend, the real worker thread and the real editor. Never fails.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

from desktop.engine.backend import create_backend
from desktop.engine.testmodel import build_test_model
from desktop.ui.assist.suggestions import SuggestionController, _suggest_task
from desktop.ui.editor.answer_edit import AnswerEdit
from desktop.ui.models.assistant import Assistant, Handlers
from desktop.ui.models.llm_worker import LlmClient
from desktop.writing.essay import EssayRequest

ANSWER = (
    "[오차율 3.5%를 0.8%로 낮춘 입고 검수 개선]\n한빛물류의 풀필먼트 센터에서 일하고 싶은 이유는 "
    "입고 단계의 데이터 품질이 출고 정확도를 좌우한다는 것을 현장에서 확인했기 때문입니다. "
    "물류센터 아르바이트 당시 재고 오차율이 3.5%였고, 입고 기록 1,200건을 분석한 결과 오차의 "
    "70%가 야간 입고에서 발생했습니다."
)


def request(text: str) -> EssayRequest:
    return EssayRequest(
        text=text, question="지원동기 (1,000자)", company="한빛물류", role="물류 기획", limit=1000
    )


def wait(app: QApplication, condition: object, timeout_s: float = 120.0) -> None:
    deadline = time.perf_counter() + timeout_s
    while not condition() and time.perf_counter() < deadline:  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.0005)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class Heartbeat:
    """Lateness of a 5 ms timer on the GUI thread, in ms."""

    def __init__(self) -> None:
        self.late: list[float] = []
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.late = []
        self.clock.start()
        self.timer.start()

    def tick(self) -> None:
        elapsed = self.clock.nsecsElapsed() / 1e6
        self.clock.restart()
        self.late.append(max(0.0, elapsed - 5.0))

    def stop(self) -> list[float]:
        self.timer.stop()
        return self.late[1:]


def describe(name: str, late: list[float]) -> str:
    return (
        f"{name:<22} ticks {len(late):5d}  p50 {statistics.median(late):6.2f} ms  "
        f"p99 {percentile(late, 0.99):6.2f} ms  max {max(late):6.2f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shape", default="qwen2.5-0.5b")
    parser.add_argument("--quant", default="q4_k_m")
    parser.add_argument("--runs", type=int, default=8)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    model = build_test_model(args.shape, quants=(args.quant,), with_hf=False).gguf(args.quant)
    assistant = Assistant(LlmClient(create_backend))
    assistant.load("llama_cpp", Path(model), 4096)
    wait(app, lambda: assistant.state in ("ready", "failed"))
    print(f"model {model.name}: {assistant.state}")
    if not assistant.ready:
        return 0

    # 1. Heartbeat, idle against streaming, same duration.
    beat = Heartbeat()
    beat.start()
    wait(app, lambda: False, 3.0)
    idle = beat.stop()
    done: list[object] = []
    streamed = [0]

    def on_text(text: str) -> None:
        streamed[0] += len(text)

    beat.start()
    started = time.perf_counter()
    while time.perf_counter() - started < 3.0:
        done.clear()
        handlers = Handlers(
            on_text=on_text, on_finished=done.append, on_failed=lambda m, d: done.append(m)
        )
        assistant.run(
            "suggest", lambda b, io: _suggest_task(request(ANSWER), 4, "ko", b, io), handlers
        )
        wait(app, lambda: bool(done))
    busy = beat.stop()
    print(describe("heartbeat idle", idle))
    print(describe("heartbeat streaming", busy))
    print(
        f"  streamed {streamed[0]} characters; p99 ratio streaming/idle "
        f"{percentile(busy, 0.99) / max(percentile(idle, 0.99), 0.01):.2f}"
    )

    # 2. Keystroke to cancel, through the real editor and suggestion controller.
    edit = AnswerEdit()
    edit.setPlainText(ANSWER)
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    edit.show()
    controller = SuggestionController(edit, assistant, request, pause_ms=60_000, auto=False)
    cancelled: list[float] = []
    ended: dict[int, float] = {}
    assistant.client.job_cancelled.connect(
        lambda job_id: ended.setdefault(job_id, time.perf_counter())
    )
    for _ in range(args.runs):
        controller.request_now()
        job = controller.job
        assert job is not None
        wait(app, lambda: controller._streaming != "")  # noqa: SLF001 (tokens are flowing)
        pressed = time.perf_counter()
        edit.insertPlainText("가")  # a keystroke: the controller cancels the job
        wait(app, lambda j=job: j in ended)
        cancelled.append((ended[job] - pressed) * 1000)
        edit.undo()
    print(
        f"keystroke to cancel     median {statistics.median(cancelled):6.1f} ms  "
        f"max {max(cancelled):6.1f} ms  ({args.runs} runs)"
    )

    # 3. Pause to first ghost token: cold prompt against warm (one more word typed).
    def first_token_ms(text: str) -> float:
        first: list[float] = []
        finished: list[object] = []
        handlers = Handlers(
            on_text=lambda t: first.append(time.perf_counter()) if not first else None,
            on_finished=finished.append,
            on_failed=lambda m, d: finished.append(m),
        )
        start = time.perf_counter()
        assistant.run(
            "suggest", lambda b, io: _suggest_task(request(text), 1, "ko", b, io), handlers
        )
        wait(app, lambda: bool(finished))
        return (first[0] - start) * 1000 if first else float("nan")

    colds, warms = [], []
    for run in range(args.runs):
        base = f"{run}번째 시도입니다. " + ANSWER  # a different start: nothing cached
        colds.append(first_token_ms(base))
        warms.append(first_token_ms(base + " 바코드"))
    cold, warm = statistics.median(colds), statistics.median(warms)
    print(
        f"pause to first token    cold {cold:7.1f} ms  warm {warm:7.1f} ms  "
        f"warm/cold {warm / cold:.3f}  ({args.runs} runs each, medians)"
    )
    controller.stop()
    assistant.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
