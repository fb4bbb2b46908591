"""Running one model over an evaluation set: a critique per item, timed and scored."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.engine.backend import Backend, LoadOptions, Progress, create_backend
from desktop.engine.errors import EngineError
from desktop.engine.evaluation import metrics
from desktop.engine.evaluation.items import EvalItem
from desktop.engine.tasks.critique import INVALID, critique
from desktop.engine.tasks.io import TaskIO
from desktop.writing.checks import run_checks


class _Meter:
    """A progress callback that notes the first generated token and counts them."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.first_token: float | None = None
        self.tokens = 0

    def __call__(self, progress: Progress) -> None:
        if progress.writes:
            if self.first_token is None:
                self.first_token = time.perf_counter() - self.started
            self.tokens = progress.done


@dataclass
class ItemResult:
    id: str
    valid: bool
    error: str = ""
    quotes_found: int = 0
    quotes: int = 0
    contradictions: list[str] = field(default_factory=list)
    planted_model: list[bool] = field(default_factory=list)
    planted_checks: list[bool] = field(default_factory=list)
    chrf: float | None = None
    seconds: float = 0.0
    first_token_s: float | None = None
    tokens: int = 0
    source: str = ""  # what was shown: "analysis" (the model's failed the gate) or "model+analysis"
    gate_passed: bool = False
    rejected: dict[str, int] = field(default_factory=dict)  # the gate's reasons, by attempt


@dataclass
class ModelResult:
    model: str
    backend: str
    items: list[ItemResult]
    load_seconds: float

    def summary(self) -> dict[str, Any]:
        """Rates over the set; None where nothing could be measured."""
        valid = [r for r in self.items if r.valid]
        quotes = sum(r.quotes for r in valid)
        model_hits = [hit for r in self.items for hit in r.planted_model]
        check_hits = [hit for r in self.items for hit in r.planted_checks]
        chrfs = [r.chrf for r in valid if r.chrf is not None]
        seconds = sum(r.seconds for r in valid)
        firsts = sorted(r.first_token_s for r in valid if r.first_token_s is not None)
        rejected: dict[str, int] = {}
        for r in self.items:
            for reason, n in r.rejected.items():
                rejected[reason] = rejected.get(reason, 0) + n
        return {
            "model": self.model,
            "backend": self.backend,
            "items": len(self.items),
            "validity": _rate(len(valid), len(self.items)),
            "gate_pass": _rate(sum(r.gate_passed for r in self.items), len(self.items)),
            "rejected": dict(sorted(rejected.items())),
            "grounding": _rate(sum(r.quotes_found for r in valid), quotes),
            "agreement": _rate(sum(1 for r in valid if not r.contradictions), len(valid)),
            "planted_recall": _rate(sum(model_hits), len(model_hits)),
            "checks_recall": _rate(sum(check_hits), len(check_hits)),
            "chrf": sum(chrfs) / len(chrfs) if chrfs else None,
            "tokens_per_s": sum(r.tokens for r in valid) / seconds if seconds else None,
            "latency_s": seconds / len(valid) if valid else None,
            "first_token_s": firsts[len(firsts) // 2] if firsts else None,
            "load_s": self.load_seconds,
        }


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def evaluate_item(backend: Backend, item: EvalItem, seed: int) -> ItemResult:
    answer = item.request.text
    flags = run_checks(answer, item.request.check_context())
    checks_hits = metrics.planted_found_by_checks(item, flags)
    meter = _Meter()
    try:
        data = critique(backend, item.request, TaskIO(on_progress=meter), seed=seed)
    except EngineError as exc:
        return ItemResult(
            item.id, False, str(exc), planted_model=[False] * len(item.planted),
            planted_checks=checks_hits, seconds=time.perf_counter() - meter.started,
        )  # fmt: skip
    found = metrics.grounding(data, answer)
    gate = data.get("gate")
    rejected = dict(gate["rejected"]) if gate else {}
    return ItemResult(
        id=item.id,
        valid=INVALID not in rejected,  # the analysis stood in for an answer that was no JSON
        quotes_found=found.found,
        quotes=found.total,
        contradictions=metrics.contradictions(item, data, flags),
        planted_model=metrics.planted_found_by_model(item, data),
        planted_checks=checks_hits,
        chrf=metrics.chrf(data, item.reference) if item.reference else None,
        seconds=time.perf_counter() - meter.started,
        first_token_s=meter.first_token,
        tokens=meter.tokens,
        source=data.get("source", "model"),
        gate_passed=bool(gate and gate["passed"]),
        rejected=rejected,
    )


def evaluate_model(
    model: Path,
    items: list[EvalItem],
    *,
    backend_name: str = "llama_cpp",
    n_ctx: int = 4096,
    threads: int | None = None,
    seed: int = 0,
    on_item: Callable[[int, ItemResult], None] | None = None,
    cancel: threading.Event | None = None,
) -> ModelResult:
    """Critique every item with one model; a failing item is recorded, not fatal."""
    backend = create_backend(backend_name)
    started = time.perf_counter()
    backend.load(LoadOptions(model, n_ctx=n_ctx, n_threads=threads, seed=seed))
    load_seconds = time.perf_counter() - started
    results: list[ItemResult] = []
    try:
        for index, item in enumerate(items):
            if cancel is not None and cancel.is_set():
                break
            result = evaluate_item(backend, item, seed)
            results.append(result)
            if on_item is not None:
                on_item(index, result)
    finally:
        backend.close()
    return ModelResult(os.path.basename(model), backend_name, results, load_seconds)
