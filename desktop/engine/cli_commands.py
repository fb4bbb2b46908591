"""Headless engine commands behind ``jaso generate`` and ``jaso dev make-test-model``."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import threading
import time
from pathlib import Path

from desktop.engine.backend import LoadOptions, SamplingParams, create_backend
from desktop.engine.errors import EngineError

EXIT_FAILED = 1


def run_generate(args: argparse.Namespace) -> int:
    try:
        backend = create_backend(args.backend)
        backend.load(LoadOptions(Path(args.model), n_ctx=args.n_ctx, seed=args.seed))
        prompt = args.prompt
        if args.chat:
            prompt = backend.render_chat([{"role": "user", "content": prompt}])
        prompt_ids = backend.tokenize(prompt)
        params = SamplingParams(
            max_tokens=args.max_tokens,
            temperature=args.temperature,
            seed=args.seed,
            repeat_penalty=1.0,
        )
        started = time.perf_counter()
        text, token_ids = "", []
        for chunk in backend.stream(prompt_ids, params, threading.Event()):
            text += chunk.text
            if chunk.token_id is not None:
                token_ids.append(chunk.token_id)
            if not args.json:
                sys.stdout.write(chunk.text)
                sys.stdout.flush()
        seconds = time.perf_counter() - started
        backend.close()
    except EngineError as exc:
        sys.stderr.write(f"jaso: {exc}\n")
        return EXIT_FAILED
    if args.json:
        result = {
            "text": text,
            "token_ids": token_ids,
            "prompt_tokens": len(prompt_ids),
            "seconds": round(seconds, 4),
        }
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write("\n")
    return 0


def run_make_test_model(args: argparse.Namespace) -> int:
    from desktop.engine.testmodel import SHAPES, build_test_model

    if args.shape not in SHAPES:
        sys.stderr.write(f"jaso: unknown shape {args.shape!r}; one of {', '.join(SHAPES)}\n")
        return 2
    quants = tuple(args.quant or (["q8_0", "q4_0"] if args.shape == "tiny" else ["q4_k_m"]))
    model = build_test_model(args.shape, seed=args.seed, quants=quants, with_hf=not args.no_hf)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for item in model.directory.iterdir():
        target = out / item.name
        if item.is_dir():
            shutil.copytree(item, target, dirs_exist_ok=True)
        elif item.suffix == ".gguf":
            shutil.copy2(item, target)
    sys.stdout.write(
        json.dumps(
            {
                "directory": str(out),
                "cache": str(model.directory),
                "files": sorted(p.name for p in out.iterdir()),
            }
        )
        + "\n"
    )
    return 0
