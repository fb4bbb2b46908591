"""Engine speed against a bare llama-cpp-python loop on the same file, side by side in one run.

    python bench/engine_bench.py [--shape qwen2.5-0.5b] [--quant q4_k_m] [--llama-bench]

Prints prompt and generation tokens/s (engine vs bare, and their ratio), the cost of a second
call after appending 10 tokens to a 600-token prompt (prefix reuse) against a cold call,
constrained vs free generation, load time, peak RSS, and generation speed as a fraction of the
memory-bandwidth bound. --llama-bench also builds llama.cpp's own llama-bench from the pinned
source archive in a temporary directory and runs it on the same file. Never fails.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import tarfile
import tempfile
import threading
import time
from pathlib import Path

import llama_cpp
import numpy as np

from desktop.engine.backend import LoadOptions, SamplingParams, default_threads
from desktop.engine.llama_backend import LlamaCppBackend
from desktop.engine.testmodel import build_test_model, default_cache_dir, source_archive

SCHEMA = {
    "type": "object",
    "properties": {
        "summary": {"type": "string", "maxLength": 400},
        "items": {"type": "array", "maxItems": 8, "items": {"type": "string", "maxLength": 120}},
    },
    "required": ["summary", "items"],
}


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def prompt_tokens(n: int, vocab: int, seed: int = 0) -> list[int]:
    rng = np.random.default_rng(seed)
    return [int(t) for t in rng.integers(1000, min(vocab, 100_000), size=n)]


def bare_loop(llm: llama_cpp.Llama, tokens: list[int], n_gen: int) -> tuple[float, float]:
    """The plainest llama-cpp-python use: reset, eval the prompt, sample greedily."""
    llm.reset()
    start = time.perf_counter()
    llm.eval(tokens)
    prompt_s = time.perf_counter() - start
    start = time.perf_counter()
    produced = 0
    for _ in llm.generate(tokens, temp=0.0, top_k=1, repeat_penalty=1.0):
        produced += 1
        if produced >= n_gen:
            break
    return len(tokens) / prompt_s, produced / (time.perf_counter() - start)


def engine_run(
    backend: LlamaCppBackend, tokens: list[int], n_gen: int, schema: dict[str, object] | None = None
) -> tuple[float, float, int]:
    backend.llm.reset()
    marks: list[float] = []
    start = time.perf_counter()
    params = SamplingParams(
        max_tokens=n_gen, temperature=0.0, repeat_penalty=1.0, json_schema=schema
    )
    produced = 0
    for _ in backend.stream(tokens, params, threading.Event()):
        if not marks:
            marks.append(time.perf_counter())
        produced += 1
    end = time.perf_counter()
    first = marks[0] if marks else end
    # The first token's time includes the prompt; count generation from it onwards.
    prompt_s = first - start
    gen_rate = (produced - 1) / (end - first) if produced > 1 else 0.0
    return len(tokens) / prompt_s, gen_rate, produced


def read_bandwidth_gbs(threads: int, size_mb: int = 1024) -> float:
    """Read bandwidth with as many threads as llama.cpp uses (numpy releases the GIL)."""
    data = np.ones(size_mb * 1024 * 1024 // 8)
    parts = np.array_split(data, threads)

    def read_all() -> None:
        workers = [threading.Thread(target=part.sum) for part in parts]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()

    read_all()
    start = time.perf_counter()
    for _ in range(3):
        read_all()
    return 3 * data.nbytes / (time.perf_counter() - start) / 1e9


def llama_bench(model: Path, threads: int) -> str:
    build = Path(tempfile.mkdtemp(prefix="llama-bench-"))
    with tarfile.open(source_archive(default_cache_dir())) as tar:
        members = [m for m in tar.getmembers() if "/vendor/llama.cpp/" in m.name]
        tar.extractall(build, members=members, filter="data")
    src = next(build.glob("*/vendor/llama.cpp"))
    subprocess.run(
        [
            "cmake",
            "-S",
            str(src),
            "-B",
            str(build / "b"),
            "-DLLAMA_CURL=OFF",
            "-DGGML_NATIVE=ON",
            "-DCMAKE_BUILD_TYPE=Release",
            "-DLLAMA_BUILD_TESTS=OFF",
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            "cmake",
            "--build",
            str(build / "b"),
            "--target",
            "llama-bench",
            "-j",
            str(os.cpu_count() or 2),
        ],
        check=True,
        capture_output=True,
    )
    binary = next((build / "b").rglob("llama-bench"))
    out = subprocess.run(
        [str(binary), "-m", str(model), "-t", str(threads), "-p", "512", "-n", "128", "-o", "md"],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shape", default="qwen2.5-0.5b")
    parser.add_argument("--quant", default="q4_k_m")
    parser.add_argument("--prompt", type=int, default=512)
    parser.add_argument("--gen", type=int, default=64)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--llama-bench", action="store_true")
    args = parser.parse_args()

    model = build_test_model(args.shape, quants=(args.quant,), with_hf=False).gguf(args.quant)
    size_mb = model.stat().st_size / 1e6
    threads = default_threads()
    print(f"model: {args.shape} {args.quant}, {size_mb:.0f} MB, threads {threads}")

    started = time.perf_counter()
    backend = LlamaCppBackend()
    backend.load(LoadOptions(model, n_ctx=2048, n_batch=512, n_threads=threads))
    print(f"engine load: {time.perf_counter() - started:.2f} s, peak RSS {rss_mb():.0f} MB")
    bare = llama_cpp.Llama(str(model), n_ctx=2048, n_batch=512, n_threads=threads, verbose=False)
    tokens = prompt_tokens(args.prompt, bare.n_vocab())

    engine_pp, engine_tg, bare_pp, bare_tg = [], [], [], []
    for _ in range(args.runs):  # interleaved so noise hits both alike
        pp, tg, _n = engine_run(backend, tokens, args.gen)
        engine_pp.append(pp)
        engine_tg.append(tg)
        pp, tg = bare_loop(bare, tokens, args.gen)
        bare_pp.append(pp)
        bare_tg.append(tg)
    e_pp, e_tg = statistics.median(engine_pp), statistics.median(engine_tg)
    b_pp, b_tg = statistics.median(bare_pp), statistics.median(bare_tg)
    print(f"{'':18}{'engine':>10}{'bare':>10}{'ratio':>8}")
    print(f"{'prompt tok/s':18}{e_pp:>10.1f}{b_pp:>10.1f}{e_pp / b_pp:>8.3f}")
    print(f"{'generation tok/s':18}{e_tg:>10.1f}{b_tg:>10.1f}{e_tg / b_tg:>8.3f}")
    bare.close()

    base = prompt_tokens(600, backend.llm.n_vocab(), seed=1)
    extra = prompt_tokens(10, backend.llm.n_vocab(), seed=2)
    one = SamplingParams(max_tokens=1, temperature=0.0)
    cold, warm = [], []
    for _ in range(args.runs):
        backend.llm.reset()
        start = time.perf_counter()
        list(backend.stream(base + extra, one, threading.Event()))
        cold.append(time.perf_counter() - start)
        backend.llm.reset()
        list(backend.stream(base, one, threading.Event()))
        start = time.perf_counter()
        list(backend.stream(base + extra, one, threading.Event()))
        warm.append(time.perf_counter() - start)
        evaluated = backend.last_prompt_evaluated
    c, w = statistics.median(cold), statistics.median(warm)
    print(
        f"610-token prompt, 1 token: cold {c * 1000:.0f} ms, after appending 10 tokens "
        f"{w * 1000:.0f} ms (evaluated {evaluated} tokens); warm/cold = {w / c:.3f}"
    )

    free = [engine_run(backend, tokens[:64], 96)[1] for _ in range(args.runs)]
    constrained = [engine_run(backend, tokens[:64], 96, SCHEMA)[1] for _ in range(args.runs)]
    f, k = statistics.median(free), statistics.median(constrained)
    print(
        f"generation tok/s free {f:.1f}, JSON-schema constrained {k:.1f}; "
        f"constrained/free = {k / f:.3f}"
    )

    bandwidth = read_bandwidth_gbs(threads)
    # Each token reads every weight once, except the embedding table: one row of it.
    import gguf

    embedding = next(
        int(t.n_bytes) for t in gguf.GGUFReader(str(model)).tensors if t.name == "token_embd.weight"
    )
    per_token = model.stat().st_size - embedding
    bound = bandwidth * 1e9 / per_token
    print(
        f"read bandwidth ({threads} threads) {bandwidth:.1f} GB/s; "
        f"{per_token / 1e6:.0f} MB read per token (file less the embedding table) "
        f"-> bound {bound:.0f} tok/s; engine generation "
        f"at {e_tg / bound:.2f} of the bound"
    )
    print(f"peak RSS {rss_mb():.0f} MB")
    backend.close()
    if args.llama_bench:
        print(llama_bench(model, threads))
    print(
        json.dumps(
            {
                "engine_pp": e_pp,
                "bare_pp": b_pp,
                "engine_tg": e_tg,
                "bare_tg": b_tg,
                "warm_over_cold": w / c,
                "constrained_over_free": k / f,
            }
        )
    )


if __name__ == "__main__":
    main()
