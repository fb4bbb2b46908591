"""Several critiques in flight at once, for a server that serves many (vLLM, llama-server).

A local model computes one critique at a time, so there the pool has one slot. Against an
OpenAI-compatible server each slot is a thread with its own HTTP request; the calling thread
takes work from ``feed`` (which may block until the caller has more), and reports each finished
critique through ``on_done`` from that same thread, so whoever stores results (the batch queue
in SQLite) never sees another thread.

The pool also judges the model's critiques across answers, which no single critique can show:
a model that gives the same score vector to answers the automatic analysis rates clearly
differently does not score them, and those answers get the analysis alone (``judged_across``,
gate reason ``same_scores``).
"""

from __future__ import annotations

import copy
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from desktop.critique_types import DIMENSIONS, CritiqueData, source_of
from desktop.engine.backend import Backend
from desktop.engine.errors import EngineError, GenerationCancelled
from desktop.engine.gate_tasks import GateRecord, ScoreWatch
from desktop.engine.qualification import CRITIQUE_EN, CRITIQUE_KO
from desktop.engine.tasks.critique import Interim, critique, gate_report
from desktop.engine.tasks.io import TaskIO
from desktop.messages import say
from desktop.writing.essay import EssayRequest

POLL_S = 0.05


@dataclass(frozen=True)
class Work:
    key: int  # the caller's id for it (a batch item)
    request: EssayRequest


@dataclass(frozen=True)
class Done:
    key: int
    result: CritiqueData | None
    error: str = ""
    details: str = ""
    seconds: float = 0.0
    request: EssayRequest = field(default_factory=lambda: EssayRequest(text=""))


@dataclass(frozen=True)
class Preview:
    """A work item's critique while the model still writes on it (``critique.Interim``): the
    automatic analysis, shown until its ``Done``."""

    key: int
    data: CritiqueData
    request: EssayRequest


def slots_for(backend: Backend, parallel: int) -> int:
    """How many critiques to keep in flight: ``parallel`` for a server, else one."""
    return max(1, parallel) if backend.capabilities.concurrent else 1


def run_pool(
    backend: Backend,
    feed: Callable[[float], Work | None | bool],
    on_done: Callable[[Done], None],
    io: TaskIO,
    *,
    slots: int,
    seed: int | None = 0,
    ui_lang: str | None = None,
) -> int:
    """Critique the work ``feed`` gives until it says there is no more; the count finished.

    ``feed(timeout)`` returns a ``Work``, ``None`` for "no more", or ``False`` for "nothing yet"
    (after waiting at most ``timeout`` seconds). A failed critique is a ``Done`` with an error;
    a cancel stops every slot and raises ``GenerationCancelled`` once they have all stopped
    (their work is the caller's to queue again).
    """
    finished = 0
    running: dict[Future[CritiqueData], tuple[Work, float]] = {}
    more = True
    watch = ScoreWatch()
    analyses: dict[int, CritiqueData] = {}  # each running item's analysis (its Interim)

    def one(work: Work) -> CritiqueData:
        def interim(event: object) -> None:
            if isinstance(event, Interim):
                analyses[work.key] = event.data
                io.on_event(Preview(work.key, event.data, work.request))

        slot_io = TaskIO(
            cancel=io.cancel,
            on_event=interim,
            on_progress=io.on_progress if slots == 1 else None,
        )
        task = CRITIQUE_EN if work.request.lang == "en" else CRITIQUE_KO
        return critique(
            backend, work.request, slot_io, seed=seed, ui_lang=ui_lang, use_model=io.allowed(task)
        )

    with ThreadPoolExecutor(max_workers=slots, thread_name_prefix="critique") as pool:
        while running or more:
            if io.cancel.is_set():
                wait(running)  # every slot sees the same cancel event and stops
                raise GenerationCancelled(say("취소했습니다.", "Cancelled."))
            if more and len(running) < slots:
                work = feed(0 if running else POLL_S)
                if work is None:
                    more = False
                elif isinstance(work, Work):
                    running[pool.submit(one, work)] = (work, time.monotonic())
                    continue
            if not running:
                continue
            done, _ = wait(running, timeout=POLL_S, return_when=FIRST_COMPLETED)
            for future in done:
                work, started = running.pop(future)
                seconds = time.monotonic() - started
                analysis = analyses.pop(work.key, None)
                try:
                    result = future.result()
                except GenerationCancelled:
                    continue  # reported by the cancel check above
                except EngineError as exc:
                    on_done(Done(work.key, None, str(exc), exc.details, seconds, work.request))
                else:
                    result = judged_across(result, analysis, watch)
                    on_done(Done(work.key, result, "", "", seconds, work.request))
                finished += 1
    return finished


def judged_across(
    result: CritiqueData, analysis: CritiqueData | None, watch: ScoreWatch
) -> CritiqueData:
    """``result``, or the answer's automatic ``analysis`` alone when the model gave this answer
    the score vector it gave an earlier answer of the run that the analysis rates clearly
    differently (``gate_tasks.ScoreWatch``); the gate's report says so."""
    report = result.get("gate")
    model = report.get("scores") if report is not None else None
    if source_of(result) != "model+analysis" or analysis is None or report is None or not model:
        return result
    if any(name not in model for name in DIMENSIONS):
        return result
    verdict = watch.same_scores(
        [model[name] for name in DIMENSIONS],
        [analysis["scores"][name]["score"] for name in DIMENSIONS],
    )
    if verdict is None:
        return result
    record = GateRecord(rejected=Counter(report.get("rejected", {})))
    record.reject([verdict])
    fallback = copy.deepcopy(analysis)
    fallback["gate"] = gate_report(record)
    fallback["gate"]["verdicts"] = [*report.get("verdicts", []), verdict.to_json()][:12]
    fallback["gate"]["scores"] = dict(model)
    return fallback
