"""Generation beside a busy program: fixed thread count against the automatic one, in one run.

    python bench/contention_bench.py [--model smollm2|gemma] [--busy N]

Starts N spinning processes (default: CPUs - 1), then measures prompt and generation tok/s with
the thread count fixed at the default and left automatic (engine/cpu_share.py), and the same
quiet for reference. Interleaved runs, medians; prints, never fails.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

from desktop.engine.backend import LoadOptions, SamplingParams, default_threads
from desktop.engine.llama_backend import LlamaCppBackend
from desktop.engine.packaged_models import assemble_starter, smollm2_path
from desktop.engine.testmodel import default_cache_dir

PROMPT = "I am applying for the Junior Data Analyst role because I enjoy data. " * 8


def model_path(name: str) -> Path:
    if name == "gemma":
        folder = default_cache_dir() / "real"
        folder.mkdir(parents=True, exist_ok=True)
        return assemble_starter(folder)
    return smollm2_path()


def rates(backend: LlamaCppBackend, n_gen: int) -> tuple[float, float]:
    backend.runtime.truncate(0)
    marks: list[float] = []
    start = time.perf_counter()
    params = SamplingParams(max_tokens=n_gen, temperature=0.0, repeat_penalty=1.0)
    produced = 0
    for _ in backend.stream(PROMPT, params, threading.Event()):
        marks.append(time.perf_counter())
        produced += 1
    prompt_tokens = backend.last_prompt_evaluated
    gen = (produced - 1) / (marks[-1] - marks[0]) if produced > 1 else 0.0
    return prompt_tokens / (marks[0] - start), gen


def measure(fixed: LlamaCppBackend, auto: LlamaCppBackend, runs: int, n_gen: int) -> None:
    figures: dict[str, list[tuple[float, float]]] = {"fixed": [], "auto": []}
    for _ in range(runs):
        figures["fixed"].append(rates(fixed, n_gen))
        figures["auto"].append(rates(auto, n_gen))
    line = {}
    for name, got in figures.items():
        pp = statistics.median(g[0] for g in got)
        tg = statistics.median(g[1] for g in got)
        line[name] = tg
        print(f"  {name:6} prompt {pp:8.1f} tok/s   generation {tg:7.1f} tok/s")
    threads = auto.runtime.n_threads
    ratio = line["auto"] / line["fixed"]
    print(f"  automatic chose {threads} thread(s); auto/fixed generation {ratio:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="smollm2")
    parser.add_argument("--busy", type=int, default=max(1, (psutil.cpu_count() or 2) - 1))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--gen", type=int, default=48)
    args = parser.parse_args()
    path = model_path(args.model)
    threads = default_threads()
    print(f"model {path.name}, CPUs {psutil.cpu_count()}, default threads {threads}")
    fixed, auto = LlamaCppBackend(), LlamaCppBackend()
    fixed.load(LoadOptions(path, n_ctx=1024, n_threads=threads))
    auto.load(LoadOptions(path, n_ctx=1024))
    print("quiet:")
    time.sleep(1.2)
    measure(fixed, auto, args.runs, args.gen)
    spin = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(args.busy)]
    try:
        time.sleep(1.2)
        print(f"with {args.busy} busy process(es):")
        measure(fixed, auto, args.runs, args.gen)
    finally:
        for proc in spin:
            proc.kill()
    fixed.close()
    auto.close()


if __name__ == "__main__":
    main()
