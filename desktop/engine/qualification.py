"""What a model may be asked to do, measured: the qualification set, run once per model file.

A base model continues text well and judges it badly (issue 26: the starter scored every answer
1/2/3/4/5/1 and wrote its own prompt back as advice). Nothing in the code names a model: each one
is given the built-in set (``resources/qualification/set.json``, invented answers) and a task is
allowed only when the model's outputs pass the output gate *and* show judgement:

- **critique** (Korean, English, separately): a weak answer with planted defects (another
  company's name, a misspelling, stock phrases) and a strong one. The model's critiques must pass
  the gate, name at least one planted defect, and rate the weak answer clearly below the strong.
- **interview** feedback: an answer that uses the essay's facts and one that ignores the
  question; both pass the gate and the first scores higher.
- **draft**: a draft from notes passes the gate (prose, not the notes as a list; the essay's
  language) and keeps at least one of the notes' facts.

A task that fails stops at its first failing output, so a model that cannot judge costs about one
generation per task. Continuation is never qualified here: every model may suggest (its
candidates have their own filter). The verdicts are kept by ``QualificationCache``, keyed like
the load probe's by file, size and modification time, and by the set's version.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Final

from desktop.atomic import write_text_atomically
from desktop.critique_types import CritiqueData
from desktop.engine.backend import Backend, Progress
from desktop.engine.errors import OutputRejected
from desktop.engine.gate_tasks import GateRecord
from desktop.engine.structured import InvalidStructuredOutput
from desktop.engine.tasks.io import TaskIO
from desktop.messages import say
from desktop.writing.essay import EssayRequest

CRITIQUE_KO: Final = "critique_ko"
CRITIQUE_EN: Final = "critique_en"
INTERVIEW: Final = "interview"
DRAFT: Final = "draft"
TASKS: Final = (CRITIQUE_KO, CRITIQUE_EN, INTERVIEW, DRAFT)
# The weak answer's mean score must sit this far below the strong one's (scores are 1-5).
MIN_SCORE_GAP: Final = 0.5
# A critique of the set's short answers in this many tokens (the schema's strings are shortened
# to fit, see schema_budget): a model that cannot judge is found out in minutes, not ten.
CRITIQUE_TOKENS: Final = 700


def set_path() -> Path:
    from desktop.paths import resource

    return resource("qualification", "set.json")


def load_set(path: Path | None = None) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((path or set_path()).read_text(encoding="utf-8"))
    return data


@cache
def set_version() -> int:
    """The bundled set's version, read once: every cache lookup keys on it."""
    return int(load_set()["version"])


@dataclass
class TaskResult:
    passed: bool
    why: str  # "ok", or what failed: "gate: prompt_copy, repeated", "no planted defect named"…
    figures: dict[str, Any] = field(default_factory=dict)


@dataclass
class Qualification:
    """A model's verdict per task, with the figures behind each."""

    tasks: dict[str, TaskResult]
    version: int
    seconds: float = 0.0
    tokens_per_s: float = 0.0  # how fast it wrote its answers here (0: not measured)

    def can(self, task: str) -> bool:
        result = self.tasks.get(task)
        return bool(result and result.passed)

    def can_critique(self, lang: str) -> bool:
        return self.can(CRITIQUE_EN if lang == "en" else CRITIQUE_KO)

    def summary(self) -> str:
        """One line for the model manager: what the model is used for."""
        names = {
            CRITIQUE_KO: say("첨삭(한국어)", "critiques (Korean)"),
            CRITIQUE_EN: say("첨삭(영어)", "critiques (English)"),
            INTERVIEW: say("면접 피드백", "interview feedback"),
            DRAFT: say("초안", "drafts"),
        }
        passed = [names[t] for t in TASKS if self.can(t)]
        if not passed:
            return say("이어쓰기만", "continuation only")
        return ", ".join([say("이어쓰기", "continuation"), *passed])

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "seconds": round(self.seconds, 1),
            "tokens_per_s": round(self.tokens_per_s, 2),
            "tasks": {name: asdict(result) for name, result in self.tasks.items()},
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Qualification:
        tasks = {name: TaskResult(**value) for name, value in raw.get("tasks", {}).items()}
        return cls(
            tasks,
            int(raw.get("version", 0)),
            float(raw.get("seconds", 0.0)),
            float(raw.get("tokens_per_s", 0.0)),
        )


class WriteMeter:
    """Tokens written per second over several generations, from their progress (the prompt's
    time left out); forwards every update to ``forward``."""

    def __init__(self, forward: Callable[[Progress], None] | None = None) -> None:
        self.forward = forward
        self.tokens = 0
        self.seconds = 0.0
        self._last: tuple[int, float] | None = None  # (done, when) of the last write update

    def __call__(self, update: Progress) -> None:
        now = time.perf_counter()
        if not update.writes:
            self._last = None
        elif self._last is not None and update.done > self._last[0]:
            self.tokens += update.done - self._last[0]
            self.seconds += now - self._last[1]
            self._last = (update.done, now)
        else:
            self._last = (update.done, now)  # a generation starts
        if self.forward is not None:
            self.forward(update)

    @property
    def tokens_per_s(self) -> float:
        return self.tokens / self.seconds if self.seconds > 0 else 0.0


def _mean_score(data: CritiqueData) -> float:
    scores = [s["score"] for s in data["scores"].values()]
    return sum(scores) / max(1, len(scores))


def _names_planted(data: CritiqueData, planted: list[str]) -> list[str]:
    """The planted defects a critique's improvements point at (by quote or by naming them)."""
    found = []
    for defect in planted:
        for item in data["improvements"]:
            text = " ".join([item["quote"], item["issue"], item["suggestion"]])
            if defect.lower() in text.lower():
                found.append(defect)
                break
    return found


def _critique_request(item: dict[str, Any], text: str, lang: str) -> EssayRequest:
    return EssayRequest(
        text=text,
        question=item["question"],
        company=item["company"],
        role=item["role"],
        limit=item.get("limit"),
        lang=lang,
        profile="words" if lang == "en" else "chars_incl_spaces",
    )


def _gate_failure(exc: Exception, record: GateRecord, figures: dict[str, Any]) -> TaskResult:
    reasons = record.reasons() or (
        ", ".join(sorted(exc.reasons)) if isinstance(exc, OutputRejected) else ""
    )
    if isinstance(exc, InvalidStructuredOutput):
        reasons = reasons or "invalid JSON"
    figures["gate"] = dict(record.rejected)
    return TaskResult(False, f"gate: {reasons}", figures)


def qualify_critique(backend: Backend, item: dict[str, Any], lang: str, io: TaskIO) -> TaskResult:
    from desktop.engine.tasks.critique import model_critique
    from desktop.writing.checks import run_checks

    figures: dict[str, Any] = {}
    results: dict[str, CritiqueData] = {}
    for kind in ("weak", "strong"):  # the weak one first: most models fail there
        request = _critique_request(item, item[kind], lang)
        findings = run_checks(request.text, request.check_context(lang))
        record = GateRecord()
        started = time.perf_counter()
        try:
            results[kind] = model_critique(
                backend, request, io, findings, record, seed=0, max_tokens=CRITIQUE_TOKENS
            )
        except (OutputRejected, InvalidStructuredOutput) as exc:
            return _gate_failure(exc, record, figures)
        figures[f"{kind}_seconds"] = round(time.perf_counter() - started, 1)
        figures[f"{kind}_mean"] = round(_mean_score(results[kind]), 2)
        if kind == "weak":
            named = _names_planted(results["weak"], item["planted"])
            figures["planted_named"] = f"{len(named)}/{len(item['planted'])}"
            if not named:
                return TaskResult(False, "no planted defect named", figures)
    gap = figures["strong_mean"] - figures["weak_mean"]
    if gap < MIN_SCORE_GAP:
        return TaskResult(False, f"weak answer not rated lower (gap {gap:.2f})", figures)
    return TaskResult(True, "ok", figures)


def qualify_interview(backend: Backend, item: dict[str, Any], io: TaskIO) -> TaskResult:
    from desktop.engine.tasks.interview import EssayAnswer, InterviewQuestion, InterviewRequest
    from desktop.engine.tasks.interview_feedback import assess_answer

    request = InterviewRequest(
        item["company"], item["role"], (EssayAnswer("", item["essay"]),), "ko"
    )
    question = InterviewQuestion(item["question"], item["source"], "number")
    figures: dict[str, Any] = {}
    totals = {}
    for kind in ("bad", "good"):
        try:
            result = assess_answer(backend, request, question, item[kind], io, seed=0)
        except (OutputRejected, InvalidStructuredOutput) as exc:
            return _gate_failure(exc, GateRecord(), figures)
        totals[kind] = int(result["total"])
        figures[f"{kind}_total"] = totals[kind]
    if totals["good"] <= totals["bad"]:
        return TaskResult(False, "a grounded answer not scored above an off-topic one", figures)
    return TaskResult(True, "ok", figures)


def qualify_draft(backend: Backend, item: dict[str, Any], io: TaskIO) -> TaskResult:
    from desktop.engine.tasks.draft import draft

    request = EssayRequest(
        text="", question=item["question"], company=item["company"], role=item["role"],
        limit=item["limit"], lang="ko",
    )  # fmt: skip
    record = GateRecord()
    quiet = TaskIO(cancel=io.cancel, on_progress=io.on_progress)
    try:
        text = draft(backend, request, item["notes"], quiet, seed=0, record=record)
    except (OutputRejected, InvalidStructuredOutput) as exc:
        return _gate_failure(exc, record, {})
    kept = [fact for fact in item["facts"] if fact in text]
    figures = {"characters": len(text), "facts_kept": f"{len(kept)}/{len(item['facts'])}"}
    if not kept:
        return TaskResult(False, "none of the notes' facts kept", figures)
    return TaskResult(True, "ok", figures)


def qualify(
    backend: Backend,
    io: TaskIO,
    *,
    tasks: tuple[str, ...] = TASKS,
    on_task: Callable[[str], None] | None = None,
    path: Path | None = None,
) -> Qualification:
    """Run the qualification set on the loaded model: a verdict for each of ``tasks``."""
    data = load_set(path)
    started = time.perf_counter()
    meter = WriteMeter(io.on_progress)
    io = TaskIO(cancel=io.cancel, on_event=io.on_event, on_progress=meter, allowed=io.allowed)
    results: dict[str, TaskResult] = {}
    for task in tasks:
        if on_task is not None:
            on_task(task)
        if task in (CRITIQUE_KO, CRITIQUE_EN):
            lang = "en" if task == CRITIQUE_EN else "ko"
            results[task] = qualify_critique(backend, data["critique"][lang], lang, io)
        elif task == INTERVIEW:
            results[task] = qualify_interview(backend, data["interview"]["ko"], io)
        elif task == DRAFT:
            results[task] = qualify_draft(backend, data["draft"]["ko"], io)
    return Qualification(
        results, int(data["version"]), time.perf_counter() - started, meter.tokens_per_s
    )


class QualificationCache:
    """Verdicts by model file (resolved path, size, ``st_mtime_ns``) and the set's version, in
    a small JSON file; a server model is keyed by its address and name."""

    def __init__(self, path: Path) -> None:
        self._path = path

    @staticmethod
    def key(model: Path | str) -> str:
        version = set_version()
        if isinstance(model, Path) and model.is_file():
            stat = model.stat()
            return f"{model.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|set{version}"
        return f"{model}|set{version}"

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, model: Path | str) -> Qualification | None:
        raw = self._read().get(self.key(model))
        return Qualification.from_json(raw) if isinstance(raw, dict) else None

    def put(self, model: Path | str, verdict: Qualification) -> None:
        data = self._read()
        data[self.key(model)] = verdict.to_json()
        self._path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomically(self._path, json.dumps(data, ensure_ascii=False, indent=1))


class NotQualified(OutputRejected):
    """The model failed the qualification for this task: it is not asked to do it (an
    ``OutputRejected``, so every caller that says "this model cannot" says it here too)."""


def not_qualified(task: str, verdict: Qualification | None) -> NotQualified:
    what = {
        DRAFT: ("초안을 쓸", "draft from notes"),
        INTERVIEW: ("면접 답변에 피드백을 드릴", "give feedback on interview answers"),
    }.get(task, ("첨삭할", "critique"))
    why = verdict.tasks[task].why if verdict and task in verdict.tasks else ""
    return NotQualified(
        say(
            f"이 모델은 {what[0]} 수 없습니다: 모델 점검 세트에서 통과하지 못했습니다.",
            f"This model cannot {what[1]}: it did not pass the model check set.",
        ),
        why,
        {"not_qualified": 1},
    )


def with_qualification(
    task: Callable[[Backend, TaskIO], object], cache: QualificationCache, model: Path | str
) -> Callable[[Backend, TaskIO], object]:
    """``task`` run with ``io.allowed`` set from the loaded model's verdicts; the first time a
    model file is seen, the qualification set runs first (on the model's thread, progress phase
    "qualify") and its verdict is kept and sent as an event before the task's own."""

    def run(backend: Backend, io: TaskIO) -> object:
        verdict = cache.get(model)
        if verdict is None:

            def on_task(name: str) -> None:
                if io.on_progress is not None:
                    io.on_progress(Progress("qualify", TASKS.index(name), len(TASKS)))

            verdict = qualify(backend, TaskIO(cancel=io.cancel), on_task=on_task)
            cache.put(model, verdict)
            io.on_event(verdict)
        io.allowed = verdict.can
        return task(backend, io)

    return run
