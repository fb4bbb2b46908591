"""Command line: no arguments opens the app; subcommands do headless work."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from desktop import __version__
from desktop.paths import HOME_ENV

EXIT_USAGE = 2


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jaso", description="Jaso: a writing assistant for job-application essays."
    )
    parser.add_argument("--version", action="version", version=f"jaso {__version__}")
    parser.add_argument("--home", metavar="DIR", help=f"keep all data under DIR (env {HOME_ENV})")
    sub = parser.add_subparsers(dest="command")
    check = sub.add_parser("check", help="count and check one answer (JSON request on stdin)")
    check.add_argument("--json", action="store_true", help="print JSON (the only format so far)")
    return parser


def _fail(message: str) -> int:
    sys.stderr.write(f"jaso: {message}\n")
    return EXIT_USAGE


def _run_check() -> int:
    from desktop.writing.request import RequestError, check

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
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.home:
        os.environ[HOME_ENV] = os.path.abspath(args.home)
    if args.command == "check":
        return _run_check()
    from desktop.app import run_gui

    return run_gui()
