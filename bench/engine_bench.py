"""Engine speed against bare llama-cpp-python on the same file, side by side in one run.

    python bench/engine_bench.py [--model gemma|smollm2|tiny|qwen2.5-0.5b] [--llama-bench]

Prints, each measured next to its reference in the same run (these machines are noisy):
- prompt and generation tokens/s, engine against a bare ``Llama.eval``/``Llama.generate`` loop;
- JSON-schema constrained decoding (llguidance) against free decoding, and against today's
  path before it (llama-cpp-python's GBNF grammar sampler on the same schema);
- n = 4 suggestion candidates in one batch against one candidate, and against four one after
  another (the path before);
- the first ghost-text token after a typing pause, cold (a new prompt) and warm (one more word);
- a full critique's seconds and generation speed as a fraction of the memory-bandwidth bound.
--llama-bench also builds llama.cpp's own llama-bench from the pinned source archive (same
portable flags as the wheel) and runs it on the file. Never fails; figures are printed only.
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
from collections.abc import Callable
from pathlib import Path

import llama_cpp
import numpy as np
from llama_cpp.llama_grammar import LlamaGrammar

from desktop.engine.backend import LoadOptions, SamplingParams, default_threads
from desktop.engine.grammar import schema_to_gbnf
from desktop.engine.llama_backend import LlamaCppBackend
from desktop.engine.packaged_models import assemble_starter, smollm2_path
from desktop.engine.tasks.critique import critique
from desktop.engine.tasks.critique_schema import schema_for
from desktop.engine.tasks.io import TaskIO
from desktop.engine.tasks.suggest import suggest
from desktop.engine.testmodel import build_test_model, default_cache_dir, source_archive
from desktop.writing.essay import EssayRequest

KOREAN = EssayRequest(
    text="저는 물류센터에서 입고 기록 1,200건을 분석해 오차율을 3.5%에서 0.8%로 낮췄습니다. "
    "현장 직원들과 매일 회의를 하며, 바코드 재확인 절차를 만들었습니다. 이 경험을 살려",
    question="지원동기 (700자)",
    company="한빛물류",
    role="운송관리",
    limit=700,
)
ENGLISH = EssayRequest(
    text="I am applying for the Junior Data Analyst role at Daon Bank because I enjoy turning "
    "messy data into decisions. In my internship at a logistics firm, I",
    question="Why this role? (250-400 words)",
    company="Daon Bank",
    role="Junior Data Analyst",
    lang="en",
)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def model_file(name: str) -> tuple[Path, EssayRequest]:
    if name == "gemma":
        folder = default_cache_dir() / "real"
        folder.mkdir(parents=True, exist_ok=True)
        return assemble_starter(folder), KOREAN
    if name == "smollm2":
        return smollm2_path(), ENGLISH
    quant = "q8_0" if name == "tiny" else "q4_k_m"
    built = build_test_model(name, quants=(quant,), with_hf=False)
    return built.gguf(quant), KOREAN


def median_of(runs: int, measure: Callable[[], float]) -> float:
    return statistics.median(measure() for _ in range(runs))


def prompt_tokens(n: int, vocab: int, seed: int = 0) -> list[int]:
    rng = np.random.default_rng(seed)
    return [int(t) for t in rng.integers(1000, min(vocab, 100_000), size=n)]


def bare_rates(llm: llama_cpp.Llama, tokens: list[int], n_gen: int) -> tuple[float, float]:
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


def engine_rates(
    backend: LlamaCppBackend, tokens: list[int], n_gen: int, schema: dict[str, object] | None
) -> tuple[float, float]:
    backend.runtime.truncate(0)  # a cold prompt, as the bare loop's reset
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
    gen = (produced - 1) / (end - first) if produced > 1 else 0.0
    return len(tokens) / (first - start), gen


def gbnf_rate(llm: llama_cpp.Llama, tokens: list[int], schema: dict[str, object]) -> float:
    """Today's path before llguidance: llama-cpp-python's grammar sampler, same schema."""
    grammar = LlamaGrammar.from_string(schema_to_gbnf(schema), verbose=False)
    llm.reset()
    llm.eval(tokens)
    produced = 0
    start = time.perf_counter()
    for _ in llm.generate(
        tokens, temp=0.3, top_k=40, top_p=0.9, repeat_penalty=1.05, grammar=grammar
    ):
        produced += 1
        if produced >= 200:
            break
    return produced / (time.perf_counter() - start)


def candidates_seconds(backend: LlamaCppBackend, request: EssayRequest, n: int, seed: int) -> float:
    backend.runtime.truncate(0)
    start = time.perf_counter()
    suggest(backend, request, TaskIO(), n=n, seed=seed)
    return time.perf_counter() - start


def sequential_candidates(backend: LlamaCppBackend, request: EssayRequest, seed: int) -> float:
    """The path before: four candidates sampled one after another over the cached prompt."""
    from desktop.engine.tasks.suggest import DEFAULT_PARAMS, continuation_prompt

    backend.runtime.truncate(0)
    start = time.perf_counter()
    tokens = backend.tokenize(continuation_prompt(backend, request, DEFAULT_PARAMS.max_tokens))
    for i in range(4):
        params = SamplingParams(**{**DEFAULT_PARAMS.__dict__, "seed": seed + i})
        list(backend.stream(tokens, params, threading.Event()))
    return time.perf_counter() - start


def first_ghost_token(backend: LlamaCppBackend, request: EssayRequest, warm: bool) -> float:
    backend.runtime.truncate(0)
    if warm:  # the text before the last word is cached, as after a typing pause
        shorter = EssayRequest(**{**request.__dict__, "text": request.text.rsplit(" ", 1)[0]})
        suggest(backend, shorter, TaskIO(), n=1, seed=1)
    marks: list[float] = []
    io = TaskIO(on_text=lambda _t: marks.append(time.perf_counter()) if not marks else None)
    start = time.perf_counter()
    suggest(backend, request, io, n=4, seed=2)
    return (marks[0] if marks else time.perf_counter()) - start


def read_bandwidth_gbs(threads: int, size_mb: int = 1024) -> float:
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
            "-DGGML_NATIVE=OFF",
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
    parser.add_argument("--model", default="gemma")
    parser.add_argument("--prompt", type=int, default=512)
    parser.add_argument("--gen", type=int, default=64)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--llama-bench", action="store_true")
    args = parser.parse_args()

    model, request = model_file(args.model)
    threads = default_threads()
    print(
        f"model: {args.model} ({model.name}, {model.stat().st_size / 1e6:.0f} MB), "
        f"threads {threads}"
    )
    started = time.perf_counter()
    backend = LlamaCppBackend()
    backend.load(LoadOptions(model, n_ctx=4096, n_batch=512, n_threads=threads))
    print(f"engine load: {time.perf_counter() - started:.2f} s, peak RSS {rss_mb():.0f} MB")
    bare = llama_cpp.Llama(str(model), n_ctx=4096, n_batch=512, n_threads=threads, verbose=False)
    tokens = prompt_tokens(args.prompt, bare.n_vocab())
    figures: dict[str, float] = {}

    e_pp, e_tg, b_pp, b_tg = [], [], [], []
    for _ in range(args.runs):  # interleaved so noise hits both alike
        pp, tg = engine_rates(backend, tokens, args.gen, None)
        e_pp.append(pp)
        e_tg.append(tg)
        pp, tg = bare_rates(bare, tokens, args.gen)
        b_pp.append(pp)
        b_tg.append(tg)
    figures |= {
        "engine_pp": statistics.median(e_pp),
        "bare_pp": statistics.median(b_pp),
        "engine_tg": statistics.median(e_tg),
        "bare_tg": statistics.median(b_tg),
    }
    print(f"{'':22}{'engine':>10}{'bare':>10}{'ratio':>8}")
    for label, key in (("prompt tok/s", "pp"), ("generation tok/s", "tg")):
        e, b = figures[f"engine_{key}"], figures[f"bare_{key}"]
        print(f"{label:22}{e:>10.1f}{b:>10.1f}{e / b:>8.3f}")

    schema = schema_for(request.text, request.lang)
    short = tokens[:64]
    free = median_of(args.runs, lambda: engine_rates(backend, short, 200, None)[1])
    constrained = median_of(args.runs, lambda: engine_rates(backend, short, 200, schema)[1])
    gbnf = median_of(1, lambda: gbnf_rate(bare, short, schema))
    figures |= {"free_tg": free, "constrained_tg": constrained, "gbnf_tg": gbnf}
    print(
        f"critique-schema decoding tok/s: free {free:.1f}, llguidance {constrained:.1f} "
        f"({constrained / free:.2f}x free), GBNF before {gbnf:.1f} ({gbnf / free:.2f}x free); "
        f"llguidance/GBNF = {constrained / gbnf:.1f}x"
    )
    bare.close()

    one = median_of(args.runs, lambda: candidates_seconds(backend, request, 1, 5))
    four = median_of(args.runs, lambda: candidates_seconds(backend, request, 4, 5))
    before = median_of(args.runs, lambda: sequential_candidates(backend, request, 5))
    figures |= {"one_candidate_s": one, "four_candidates_s": four, "four_sequential_s": before}
    print(
        f"suggestions: 1 candidate {one:.2f} s, 4 in one batch {four:.2f} s "
        f"({four / one:.2f}x one), 4 one after another {before:.2f} s ({before / one:.2f}x)"
    )

    cold = median_of(args.runs, lambda: first_ghost_token(backend, request, warm=False))
    warm = median_of(args.runs, lambda: first_ghost_token(backend, request, warm=True))
    figures |= {"first_token_cold_s": cold, "first_token_warm_s": warm}
    print(
        f"first ghost-text token after a pause: cold {cold * 1000:.0f} ms, "
        f"warm (one more word) {warm * 1000:.0f} ms"
    )

    started = time.perf_counter()
    result = critique(
        backend, EssayRequest(**{**request.__dict__, "text": request.text + "."}), TaskIO(), seed=1
    )
    figures["critique_s"] = time.perf_counter() - started
    print(
        f"full critique: {figures['critique_s']:.1f} s "
        f"(attempts {result['generation']['attempts']}, merged {result['generation']['merged']})"
    )

    bandwidth = read_bandwidth_gbs(threads)
    import gguf

    tensors = {t.name: int(t.n_bytes) for t in gguf.GGUFReader(str(model)).tensors}
    # Each token reads every weight once, except the embedding table (one row of it) unless the
    # output layer is tied to it (Gemma, SmolLM2): then the whole table is read as the output.
    tied = "output.weight" not in tensors
    per_token = model.stat().st_size - (0 if tied else tensors["token_embd.weight"])
    bound = bandwidth * 1e9 / per_token
    print(
        f"read bandwidth ({threads} threads) {bandwidth:.1f} GB/s; {per_token / 1e6:.0f} MB "
        f"read per token -> bound {bound:.0f} tok/s; engine generation at "
        f"{figures['engine_tg'] / bound:.2f} of the bound; peak RSS {rss_mb():.0f} MB"
    )
    backend.close()
    if args.llama_bench:
        print(llama_bench(model, threads))
    print(json.dumps({k: round(v, 4) for k, v in figures.items()}))


if __name__ == "__main__":
    main()
