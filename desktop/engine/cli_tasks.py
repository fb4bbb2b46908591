"""``jaso suggest`` and ``jaso critique``: the writing tasks, headless, JSON in and out.

A critique's JSON says what was shown (``source``: the analysis, or the model's prose on it) and
what the output gate decided (``gate``: passed, and the rejected attempts by reason); a
suggestion's counts the rejected candidates by reason (``rejected``)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from desktop.engine.backend import Backend, LoadOptions, create_backend
from desktop.engine.errors import EngineError
from desktop.engine.tasks.critique import critique
from desktop.engine.tasks.io import TaskIO
from desktop.engine.tasks.suggest import Rejected, suggest
from desktop.writing import korean
from desktop.writing.essay import EssayRequest
from desktop.writing.request import RequestError

EXIT_FAILED = 1
EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON (the only format)")
    parser.add_argument(
        "--model", help="GGUF file or transformers folder (required unless --no-model)"
    )
    parser.add_argument(
        "--no-model", action="store_true",
        help="critique: the automatic analysis alone, without loading a model",
    )  # fmt: skip
    parser.add_argument("--backend", default="llama_cpp", choices=["llama_cpp", "transformers"])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--n-ctx", type=int, default=4096)
    parser.add_argument("--threads", type=int, default=None, help="CPU threads (default: all)")


def _read_request() -> tuple[EssayRequest, bool]:
    """The request, and whether the Korean analyzer may run (its ``analyzer`` field)."""
    try:
        raw = json.loads(sys.stdin.read())
    except ValueError as exc:
        raise RequestError(f"the request on stdin is not valid JSON ({exc})") from exc
    request = EssayRequest.from_json(raw)
    return request, raw.get("analyzer") is not False


def load_backend(args: argparse.Namespace) -> Backend:
    """The backend named by ``--backend`` with ``--model`` loaded; raises EngineError."""
    backend = create_backend(args.backend)
    backend.load(
        LoadOptions(Path(args.model), n_ctx=args.n_ctx, n_threads=args.threads, seed=args.seed)
    )
    return backend


def run_task(args: argparse.Namespace) -> int:
    try:
        request, analyzer = _read_request()
    except RequestError as exc:
        sys.stderr.write(f"jaso: {exc}\n")
        return EXIT_USAGE
    if args.command == "critique" and analyzer and request.lang == "ko":
        # Loaded in this process, the analyzer's rules join run_checks, so the critique is told
        # what the app's check worker finds (seconds the first time; nothing without kiwipiepy).
        korean.load()
    analysis_only = args.command == "critique" and args.no_model
    if not args.model and not analysis_only:
        sys.stderr.write("jaso: --model is needed (or, for a critique, --no-model)\n")
        return EXIT_USAGE
    try:
        started = time.perf_counter()
        result: dict[str, Any]
        if analysis_only:
            result = dict(critique(None, request, TaskIO(), use_model=False))
            result["seconds"] = round(time.perf_counter() - started, 3)
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
            return 0
        backend = load_backend(args)
        started = time.perf_counter()
        if args.command == "suggest":
            rejected: Counter[str] = Counter()

            def on_event(event: object) -> None:
                if isinstance(event, Rejected):
                    rejected[event.reason] += 1

            io = TaskIO(on_event=on_event)
            candidates = suggest(backend, request, io, n=args.n, seed=args.seed)
            result = {
                "candidates": [candidate.to_json() for candidate in candidates],
                "rejected": dict(sorted(rejected.items())),
            }
        else:
            result = dict(critique(backend, request, TaskIO(), seed=args.seed))
        result["seconds"] = round(time.perf_counter() - started, 3)
        backend.close()
    except EngineError as exc:
        sys.stderr.write(f"jaso: {exc}\n")
        return EXIT_FAILED
    sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 0
