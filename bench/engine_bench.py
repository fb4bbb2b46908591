"""The engine on two llama-cpp-python builds, side by side in one run: prompt and generation speed.

    python bench/engine_bench.py [--model M.gguf ...] [--wheel A.whl --wheel B.whl] [--threads N]
                                 [--llama-bench-source VENDORED_LLAMA_CPP_DIR] [--rounds N]

By default it compares every wheel under build/wheels-portable (the portable AVX2 build and the
build with run-time CPU variants, issue 31) on the starter model (Gemma 3 270M Q4_K_M). Each
wheel is unpacked into a temporary folder and the engine runs in a child process that imports
llama_cpp from there: prompt tokens/s over a 512-token prompt, generation tokens/s over 128
greedy tokens, each the best of three, and the CPU variant the build loaded. It prints figures
and ratios to the first wheel; it never fails.

With ``--llama-bench-source`` (the ``vendor/llama.cpp`` folder of the same llama-cpp-python
sdist), llama.cpp's own llama-bench is compiled against each wheel's libraries (the wheel ships
``libllama-common``, so only llama-bench's two files are compiled, in seconds) and run in the
same sitting, alternating with the engine for ``--rounds`` rounds, on the same model, prompt
length (512), generation length (128) and threads: the engine's speed as a share of llama.cpp's
on the very same build (issue 31: prompt >= 0.95x).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, sys, threading, time
from pathlib import Path
import llama_cpp
from desktop.engine.backend import LoadOptions, SamplingParams, create_backend
from desktop.engine.cpu_variants import chosen_variant

model, threads = Path(sys.argv[1]), int(sys.argv[2])
backend = create_backend("llama_cpp")
backend.load(LoadOptions(model, n_ctx=1024, n_threads=threads))
words = "물류센터에서 입고 검수를 하며 수량 오차를 줄였습니다. " * 200
tokens = backend.tokenize(words)[:512]
prompt_best = gen_best = 0.0
for round in range(3):
    # a different first token each round, so no cached prefix is reused
    prompt = [tokens[round]] + tokens[1:]
    started = time.perf_counter()
    list(backend.stream(prompt, SamplingParams(max_tokens=1, temperature=0.0), threading.Event()))
    prompt_best = max(prompt_best, len(prompt) / (time.perf_counter() - started))
    started = time.perf_counter()
    chunks = list(backend.stream(prompt[:8], SamplingParams(max_tokens=128, temperature=0.0),
                                 threading.Event()))
    generated = sum(1 for c in chunks if c.token_id is not None)
    gen_best = max(gen_best, generated / (time.perf_counter() - started))
backend.close()
print(json.dumps({"prompt": prompt_best, "generation": gen_best, "variant": chosen_variant(),
                  "llama_cpp": llama_cpp.__file__}))
"""


def unpack(wheel: Path, folder: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(folder)
    for library in folder.rglob("*.so*"):
        library.chmod(0o755)


def run_engine(folder: Path, model: Path, threads: int) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(folder), str(ROOT)])}
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(model), str(threads)],
        capture_output=True, text=True, env=env, cwd=folder, timeout=1800,
    )  # fmt: skip
    if result.returncode:
        return {"error": result.stderr.strip().splitlines()[-1:]}
    data: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def build_llama_bench(folder: Path, source: Path) -> Path | None:
    """llama-bench compiled against the unpacked wheel's own libraries, placed beside its CPU
    variants (llama.cpp looks for them next to the executable)."""
    libs = folder / "lib"
    if not (libs / "libllama-common.so").exists():
        return None
    target = folder / "llama_cpp" / "lib" / "llama-bench"
    tool = source / "tools" / "llama-bench"
    includes = [f"-I{source / d}" for d in ("include", "ggml/include", "common", "vendor")]
    subprocess.run(
        ["g++", "-O2", "-std=c++17", *includes, f"-I{tool}", str(tool / "llama-bench.cpp"),
         str(tool / "main.cpp"), f"-L{libs}", "-lllama-common", "-lllama", "-lggml",
         "-lggml-base", "-pthread", "-o", str(target)],
        check=True, capture_output=True, timeout=1800,
    )  # fmt: skip
    return target


def run_llama_bench(binary: Path, model: Path, threads: int) -> dict[str, object]:
    libs = binary.parent
    env = {
        **os.environ,
        "LD_LIBRARY_PATH": os.pathsep.join([str(libs), str(libs.parents[1] / "lib")]),
    }
    result = subprocess.run(
        [str(binary), "-m", str(model), "-p", "512", "-n", "128", "-r", "3", "-t", str(threads),
         "-o", "json"],
        capture_output=True, text=True, env=env, cwd=libs, timeout=1800,
    )  # fmt: skip
    if result.returncode:
        return {"error": result.stderr.strip().splitlines()[-1:]}
    rows = json.loads(result.stdout)
    best = {"prompt" if row["n_prompt"] else "generation": max(row["samples_ts"]) for row in rows}
    loaded = [line for line in result.stderr.splitlines() if "loaded CPU backend" in line]
    best["variant"] = loaded[-1].rsplit("/", 1)[-1] if loaded else ""
    return best


def _median(runs: list[dict[str, object]], key: str) -> float:
    return statistics.median(float(run[key]) for run in runs)  # type: ignore[arg-type]


def default_model() -> Path:
    sys.path.insert(0, str(ROOT))
    from desktop.engine.packaged_models import assemble_starter

    folder = ROOT / "build" / "starter"
    folder.mkdir(parents=True, exist_ok=True)
    return assemble_starter(folder)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", type=Path, action="append")
    parser.add_argument("--wheel", type=Path, action="append")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--llama-bench-source", type=Path, help="vendor/llama.cpp of the sdist")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    wheels = args.wheel or sorted((ROOT / "build" / "wheels-portable").rglob("*.whl"))
    models = args.model or [default_model()]
    with tempfile.TemporaryDirectory(prefix="jaso-bench-") as tmp:
        folders, benches = [], []
        for index, wheel in enumerate(wheels):
            folder = Path(tmp, str(index))
            unpack(wheel, folder)
            folders.append(folder)
            source = args.llama_bench_source
            benches.append(build_llama_bench(folder, source) if source else None)
        for model in models:
            sys.stdout.write(f"\n{model.name}, {args.threads} threads, {args.rounds} rounds\n")
            base: dict[str, float] | None = None
            for wheel, folder, bench in zip(wheels, folders, benches, strict=True):
                engine, llama = [], []
                for _ in range(args.rounds):  # alternating, so drift on a busy machine is shared
                    engine.append(run_engine(folder, model, args.threads))
                    if bench is not None:
                        llama.append(run_llama_bench(bench, model, args.threads))
                name = f"{wheel.parent.name}/{wheel.name[:40]}"
                failed = [r["error"] for r in engine + llama if "error" in r]
                if failed:
                    sys.stdout.write(f"  {name}: failed {failed[0]}\n")
                    continue
                figures = {k: _median(engine, k) for k in ("prompt", "generation")}
                base = base or figures
                sys.stdout.write(
                    f"  {name}: engine prompt {figures['prompt']:7.1f} tok/s "
                    f"({figures['prompt'] / base['prompt']:.2f}x), generation "
                    f"{figures['generation']:6.1f} tok/s "
                    f"({figures['generation'] / base['generation']:.2f}x), "
                    f"CPU kernels: {engine[0]['variant'] or 'built in'}\n"
                )
                if llama:
                    theirs = {k: _median(llama, k) for k in ("prompt", "generation")}
                    # Each round's engine run against the llama-bench run right after it: the
                    # machine's drift (VMs swing 10-20 % between minutes) cancels in the pair.
                    paired = {
                        k: statistics.median(
                            float(e[k]) / float(b[k])  # type: ignore[arg-type]
                            for e, b in zip(engine, llama, strict=True)
                        )
                        for k in ("prompt", "generation")
                    }
                    sys.stdout.write(
                        f"    llama-bench, same build: prompt {theirs['prompt']:7.1f} tok/s, "
                        f"generation {theirs['generation']:6.1f} tok/s "
                        f"({llama[0]['variant'] or 'built in'}); engine / llama-bench, median "
                        f"of the rounds' pairs: prompt {paired['prompt']:.2f}x, generation "
                        f"{paired['generation']:.2f}x\n"
                    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
