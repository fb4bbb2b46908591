"""What the output gate does on real essays with a real model (issue 26).

    .venv/bin/python bench/gate_bench.py --model starter --essays 30 --out /tmp/gate-starter.jsonl

For each essay (every k-th of peer-fixtures' essays.jsonl, so the set is fixed) it runs the
critique, and with ``--tasks`` also interview feedback (the essay's second sentence as the
spoken answer) and a draft (the essay's first sentences, cut to notes). It records every raw
model answer with the gate's verdicts, what was shown (analysis or model on analysis), whether
any shown model field would still fail the gate, and the seconds; then prints the counts.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop.engine import gate
from desktop.engine.backend import Backend, LoadOptions
from desktop.engine.errors import EngineError, OutputRejected
from desktop.engine.gate_tasks import critique_fields
from desktop.engine.llama_backend import LlamaCppBackend
from desktop.engine.tasks.critique import Interim, critique, critique_messages, critique_prompt
from desktop.engine.tasks.draft import draft
from desktop.engine.tasks.interview import InterviewQuestion, InterviewRequest
from desktop.engine.tasks.interview_feedback import assess_answer
from desktop.engine.tasks.io import TaskIO
from desktop.writing import korean
from desktop.writing.checks import merge_flags, run_checks
from desktop.writing.essay import EssayRequest
from desktop.writing.limits import parse_limit
from desktop.writing.sentences import sentence_spans

ESSAYS = (
    Path(__file__).resolve().parents[2] / "shared" / "peer-fixtures" / "essays" / "essays.jsonl"
)


class Recording:
    """A backend that keeps the text of every generation (the raw answers the gate judged)."""

    def __init__(self, backend: Backend) -> None:
        self._backend = backend
        self.texts: list[str] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._backend, name)

    def stream(self, *args: Any, **kwargs: Any) -> Iterator[Any]:
        text = ""
        for chunk in self._backend.stream(*args, **kwargs):
            text += chunk.text
            yield chunk
        self.texts.append(text)


def model_path(name: str) -> Path:
    from desktop.engine.packaged_models import assemble_starter, smollm2_path
    from desktop.engine.testmodel import default_cache_dir

    if name == "starter":
        folder = default_cache_dir() / "real"
        folder.mkdir(parents=True, exist_ok=True)
        return assemble_starter(folder)
    if name == "smollm2":
        return smollm2_path()
    return Path(name)


def essays(n: int, path: Path = ESSAYS) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    step = max(1, len(rows) // n)
    return rows[::step][:n]


def request_of(row: dict[str, Any]) -> EssayRequest:
    parsed = parse_limit(row["question"])
    return EssayRequest(
        text=row["answer"],
        question=row["question"],
        company=row.get("company", ""),
        role=row.get("role", ""),
        limit=row.get("limit") or (parsed.value if parsed else None),
        lang=row.get("lang", "ko"),
    )


def still_bad(result: dict[str, Any], request: EssayRequest) -> list[dict[str, str]]:
    """The gate's rules over what the user sees of the model (its items, summary, fixes)."""
    if result.get("source") != "model+analysis":
        return []
    findings = merge_flags(run_checks(request.text, request.check_context()), [])
    prompt = critique_prompt(request, findings, critique_messages(request, findings))
    model_items = {
        "strengths": [s for s in result["strengths"] if s.get("origin") == "model"],
        "improvements": [i for i in result["improvements"] if i.get("origin") == "model"],
        "scores": {},
        "summary": result["summary"],
        "top_fixes": result["top_fixes"],
    }
    fields = critique_fields(model_items)
    return [v.to_json() for v in gate.judge_prose(fields, prompt, request.lang, request.text)]


def run_one(backend: Recording, row: dict[str, Any], tasks: bool, seed: int) -> dict[str, Any]:
    request = request_of(row)
    out: dict[str, Any] = {"id": row["id"], "company": row.get("company", "")}
    backend.texts.clear()
    started = time.perf_counter()
    visible: list[float] = []  # the analysis is on screen while the model writes

    def on_event(event: object) -> None:
        if isinstance(event, Interim) and not visible:
            visible.append(round(time.perf_counter() - started, 2))

    io = TaskIO(on_event=on_event)
    result = critique(backend, request, io, seed=seed)  # type: ignore[arg-type]
    out["critique"] = {
        "first_visible": visible[0] if visible else None,
        "seconds": round(time.perf_counter() - started, 1),
        "source": result.get("source"),
        "gate": result.get("gate"),
        "raw": list(backend.texts),
        "still_bad": still_bad(dict(result), request),
        "shown_summary": result["summary"][:300],
    }
    if not tasks:
        return out
    spans = sentence_spans(request.text)
    interview = InterviewRequest.from_json(
        {"company": request.company, "role": request.role, "lang": request.lang,
         "answers": [{"question": request.question, "answer": request.text}]}
    )  # fmt: skip
    source = request.text[spans[0][0] : spans[0][1]] if spans else ""
    ask = (
        f"Tell me more about “{source[:40]}”."
        if request.lang == "en"
        else f"‘{source[:30]}’ 경험을 자세히 말씀해 주세요."
    )
    question = InterviewQuestion(ask, source, "claim")
    spoken = request.text[spans[1][0] : spans[1][1]] if len(spans) > 1 else source
    for task in ("feedback", "draft"):
        backend.texts.clear()
        started = time.perf_counter()
        record: dict[str, Any] = {}
        try:
            if task == "feedback":
                data = assess_answer(backend, interview, question, spoken, TaskIO(), seed=seed)  # type: ignore[arg-type]
                record["shown"] = {"advice": data["advice"], "gate": data["gate"]}
            else:
                notes = " ".join(request.text[a:b] for a, b in spans[:2])[:160]
                ask = EssayRequest(text="", question=request.question, company=request.company,
                                   role=request.role, limit=request.limit,
                                   lang=request.lang)  # fmt: skip
                record["shown"] = draft(backend, ask, notes, TaskIO(), seed=seed)  # type: ignore[arg-type]
        except OutputRejected as exc:
            record["rejected"] = exc.reasons
        except EngineError as exc:  # the app says so (a prompt too long for the context, say)
            record["error"] = str(exc)
        record["seconds"] = round(time.perf_counter() - started, 1)
        record["raw"] = list(backend.texts)
        out[task] = record
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="starter", help="starter, smollm2 or a GGUF path")
    parser.add_argument("--essays", type=int, default=30)
    parser.add_argument(
        "--set", type=Path, default=ESSAYS, help="a JSONL of essays (default: peers')"
    )
    parser.add_argument("--skip", type=int, default=0, help="start at this essay of the set")
    parser.add_argument("--tasks", action="store_true", help="also feedback and a draft")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    korean.load()  # the gate's garbled rule asks it (the app asks its check worker's)
    inner = LlamaCppBackend()
    inner.load(LoadOptions(model_path(args.model), n_ctx=4096, n_threads=args.threads))
    backend = Recording(inner)
    counts: Counter[str] = Counter()
    with args.out.open("a", encoding="utf-8") as out:
        for row in essays(args.essays, args.set)[args.skip :]:
            result = run_one(backend, row, args.tasks, args.seed)
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
            out.flush()
            c = result["critique"]
            counts[f"shown:{c['source']}"] += 1
            counts.update(
                {f"rejected:{k}": v for k, v in (c["gate"] or {}).get("rejected", {}).items()}
            )
            counts["still_bad"] += bool(c["still_bad"])
            print(
                row["id"], c["source"], c["first_visible"], c["seconds"],
                (c["gate"] or {}).get("rejected"), flush=True,
            )  # fmt: skip
    inner.close()
    print(json.dumps(dict(sorted(counts.items())), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
