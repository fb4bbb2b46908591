"""``jaso eval`` (models over an evaluation set, with a report) and ``jaso interview``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from desktop.engine.backend import LoadOptions, create_backend
from desktop.engine.errors import EngineError
from desktop.engine.evaluation.items import EvalDataError, load_items
from desktop.engine.evaluation.report import write_report
from desktop.engine.evaluation.runner import ItemResult, ModelResult, evaluate_model
from desktop.engine.gate_tasks import GateRecord
from desktop.engine.tasks.interview import InterviewRequest, interview_questions
from desktop.engine.tasks.interview_feedback import assess_answer
from desktop.engine.tasks.io import TaskIO
from desktop.writing import korean

EXIT_FAILED = 1
EXIT_USAGE = 2


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    evaluate = sub.add_parser("eval", help="compare models on a JSONL set; writes a report")
    evaluate.add_argument("set", help="JSONL file: one essay per line")
    evaluate.add_argument("--model", action="append", required=True, help="repeat to compare")
    evaluate.add_argument("--out", required=True, help="folder for report.md/.html, chart.png")
    evaluate.add_argument("--backend", default="llama_cpp", choices=["llama_cpp", "transformers"])
    evaluate.add_argument("--n-ctx", type=int, default=4096)
    evaluate.add_argument("--threads", type=int, default=None)
    evaluate.add_argument("--seed", type=int, default=0)
    evaluate.add_argument("--limit", type=int, default=None, help="only the first N items")
    evaluate.add_argument("--lang", default="ko", choices=["ko", "en"], help="report language")
    interview = sub.add_parser(
        "interview", help="interview questions from essays, and feedback (JSON on stdin)"
    )
    interview.add_argument("--json", action="store_true", help="print JSON (the only format)")
    interview.add_argument("--model", help="GGUF file; without it, questions from the essay only")
    interview.add_argument("--backend", default="llama_cpp", choices=["llama_cpp", "transformers"])
    interview.add_argument("--n", type=int, default=7, help="how many questions (5-10)")
    interview.add_argument("--seed", type=int, default=0)
    interview.add_argument("--n-ctx", type=int, default=4096)
    interview.add_argument("--threads", type=int, default=None)


def _progress(model: str, total: int) -> Any:
    def report(index: int, result: ItemResult) -> None:
        mark = "ok" if result.valid else f"failed: {result.error[:80]}"
        gate = (
            "gate: passed"
            if result.gate_passed
            else "gate: " + (", ".join(f"{k} {v}" for k, v in result.rejected.items()) or "not run")
        )
        sys.stderr.write(f"[{model}] {index + 1}/{total} {result.id} {mark}, {gate} "
                         f"({result.seconds:.1f} s)\n")  # fmt: skip

    return report


def run_eval(args: argparse.Namespace) -> int:
    path = Path(args.set)
    try:
        items = load_items(path)[: args.limit]
    except EvalDataError as exc:
        sys.stderr.write(f"jaso: {exc}\n")
        return EXIT_USAGE
    if any(item.request.lang != "en" for item in items):
        korean.load()  # the output gate's garbled rule reads Korean with it, as the app does
    results: list[ModelResult] = []
    for model in args.model:
        name = Path(model).name
        try:
            results.append(
                evaluate_model(
                    Path(model),
                    items,
                    backend_name=args.backend,
                    n_ctx=args.n_ctx,
                    threads=args.threads,
                    seed=args.seed,
                    on_item=_progress(name, len(items)),
                )  # fmt: skip
            )
        except EngineError as exc:
            sys.stderr.write(f"jaso: {name}: {exc}\n")
    if not results:
        return EXIT_FAILED
    written = write_report(results, Path(args.out), set_path=path, lang=args.lang)
    for result in results:
        sys.stdout.write(json.dumps(result.summary(), ensure_ascii=False) + "\n")
    sys.stderr.write("report: " + ", ".join(str(p) for p in written.values()) + "\n")
    return 0 if len(results) == len(args.model) else EXIT_FAILED


def run_interview(args: argparse.Namespace) -> int:
    """stdin: ``{"company", "role", "lang", "answers": [{"question", "answer"}],
    "practice"?: {"question": index, "answer": "..."}}``; stdout: questions (and feedback)."""
    try:
        raw = json.loads(sys.stdin.read())
        request = InterviewRequest.from_json(raw)
        practice = raw.get("practice")
        if practice is not None:
            index, spoken = int(practice["question"]), str(practice["answer"])
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        sys.stderr.write(f"jaso: bad interview request ({exc})\n")
        return EXIT_USAGE
    backend = None
    try:
        if args.model:
            if request.lang != "en":
                # The output gate reads a model's Korean with the analyzer (garbled), as the
                # app's check worker does; seconds the first time, nothing without kiwipiepy.
                korean.load()
            backend = create_backend(args.backend)
            backend.load(LoadOptions(Path(args.model), n_ctx=args.n_ctx,
                                     n_threads=args.threads, seed=args.seed))  # fmt: skip
        record = GateRecord()
        questions = interview_questions(
            backend, request, TaskIO(), n=args.n, seed=args.seed, record=record
        )
        result: dict[str, Any] = {
            "questions": [q.to_json() for q in questions],
            "gate": {"rejected": dict(sorted(record.rejected.items()))},
        }
        if practice is not None:
            if backend is None:
                sys.stderr.write("jaso: feedback on an answer needs --model\n")
                return EXIT_USAGE
            if not 0 <= index < len(questions):
                sys.stderr.write(f"jaso: practice question {index} is not among the questions\n")
                return EXIT_USAGE
            result["feedback"] = assess_answer(
                backend, request, questions[index], spoken, TaskIO(), seed=args.seed
            )
    except ValueError as exc:
        sys.stderr.write(f"jaso: {exc}\n")
        return EXIT_USAGE
    except EngineError as exc:
        sys.stderr.write(f"jaso: {exc}\n")
        return EXIT_FAILED
    finally:
        if backend is not None:
            backend.close()
    sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 0
