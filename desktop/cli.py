"""Command line: no arguments opens the app; subcommands do headless work."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from desktop import __version__
from desktop.engine.child import CHILD_FLAG
from desktop.paths import HOME_ENV

EXIT_USAGE = 2


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jaso", description="Jaso: a writing assistant for job-application essays."
    )
    parser.add_argument("--version", action="version", version=f"jaso {__version__}")
    parser.add_argument("--home", metavar="DIR", help=f"keep all data under DIR (env {HOME_ENV})")
    parser.add_argument(
        "--self-test", action="store_true", help="check this build end to end, then exit 0 or 1"
    )
    sub = parser.add_subparsers(dest="command")
    check = sub.add_parser("check", help="count and check one answer (JSON request on stdin)")
    check.add_argument("--json", action="store_true", help="print JSON (the only format so far)")
    generate = sub.add_parser("generate", help="run a model on a prompt")
    generate.add_argument("--model", required=True, help="GGUF file or transformers folder")
    generate.add_argument("--backend", default="llama_cpp", choices=["llama_cpp", "transformers"])
    generate.add_argument("--prompt", required=True)
    generate.add_argument(
        "--chat", action="store_true", help="wrap the prompt in the chat template"
    )
    generate.add_argument("--max-tokens", type=int, default=64)
    generate.add_argument("--temperature", type=float, default=0.0)
    generate.add_argument("--seed", type=int, default=0)
    generate.add_argument("--n-ctx", type=int, default=4096)
    generate.add_argument("--json", action="store_true", help="print a JSON object")
    from desktop.engine.cli_tasks import add_arguments

    suggest = sub.add_parser("suggest", help="continuation candidates (JSON request on stdin)")
    add_arguments(suggest)
    suggest.add_argument("--n", type=int, default=4, help="how many candidates (1-8)")
    critique = sub.add_parser("critique", help="critique one answer (JSON request on stdin)")
    add_arguments(critique)
    from desktop.engine.cli_models import add_parser as add_models_parser

    add_models_parser(sub)
    from desktop.engine.cli_eval import add_parsers as add_eval_parsers

    add_eval_parsers(sub)
    from desktop.counsel.cli_review import add_parser as add_review_parser

    add_review_parser(sub)
    dev = sub.add_parser("dev", help="developer tools")
    dev_sub = dev.add_subparsers(dest="dev_command", required=True)
    make = dev_sub.add_parser("make-test-model", help="build a random-weight test model")
    make.add_argument("--out", required=True, help="folder to put the model files in")
    make.add_argument("--shape", default="tiny", help="tiny, qwen2.5-0.5b or qwen2.5-1.5b")
    make.add_argument("--quant", action="append", help="q8_0, q4_0, q4_k_m (repeatable)")
    make.add_argument("--seed", type=int, default=1234)
    make.add_argument("--no-hf", action="store_true", help="skip the safetensors copy")
    return parser


def _fail(message: str) -> int:
    sys.stderr.write(f"jaso: {message}\n")
    return EXIT_USAGE


def _run_check() -> int:
    from desktop.writing.essay import check
    from desktop.writing.request import RequestError

    raw = sys.stdin.read()
    try:
        request = json.loads(raw)
    except ValueError as exc:
        return _fail(f"the request on stdin is not valid JSON ({exc})")
    try:
        result = check(request)
    except RequestError as exc:
        return _fail(str(exc))
    sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    raw = list(sys.argv[1:] if argv is None else argv)
    if raw[:1] == [CHILD_FLAG]:  # a helper process of the app (hidden: see engine/child.py)
        from desktop.engine.child import run_child

        return run_child(raw[1:])
    parser = _build_parser()
    args = parser.parse_args(raw)
    if args.home:
        os.environ[HOME_ENV] = os.path.abspath(args.home)
    if args.self_test:
        from desktop.selftest import run_self_test

        return run_self_test()
    if args.command == "check":
        return _run_check()
    if args.command == "generate":
        from desktop.engine.cli_commands import run_generate

        return run_generate(args)
    if args.command in ("suggest", "critique"):
        from desktop.engine.cli_tasks import run_task

        if args.command == "suggest" and not 1 <= args.n <= 8:
            return _fail("--n must be between 1 and 8")
        return run_task(args)
    if args.command == "models":
        from desktop.engine.cli_models import run_models

        return run_models(args)
    if args.command in ("eval", "interview"):
        from desktop.engine import cli_eval

        return cli_eval.run_eval(args) if args.command == "eval" else cli_eval.run_interview(args)
    if args.command == "review":
        from desktop.counsel.cli_review import run_review

        return run_review(args)
    if args.command == "dev":
        from desktop.engine.cli_commands import run_make_test_model

        return run_make_test_model(args)
    from desktop.app import run_gui

    return run_gui()
