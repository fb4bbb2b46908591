"""The engine on two llama-cpp-python builds, side by side in one run: prompt and generation speed.

    python bench/engine_bench.py [--model M.gguf ...] [--wheel A.whl --wheel B.whl] [--threads N]

By default it compares every wheel under build/wheels-portable (the portable AVX2 build and the
build with run-time CPU variants, issue 31) on the starter model (Gemma 3 270M Q4_K_M). Each
wheel is unpacked into a temporary folder and the engine runs in a child process that imports
llama_cpp from there: prompt tokens/s over a 512-token prompt, generation tokens/s over 128
greedy tokens, each the best of three, and the CPU variant the build loaded. It prints figures
and ratios to the first wheel; it never fails.
"""

from __future__ import annotations

import argparse
import json
import os
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


def run_wheel(wheel: Path, model: Path, threads: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="jaso-bench-") as tmp:
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(tmp)
        for library in Path(tmp, "llama_cpp", "lib").glob("*.so*"):
            library.chmod(0o755)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([tmp, str(ROOT)])}
        result = subprocess.run(
            [sys.executable, "-c", CHILD, str(model), str(threads)],
            capture_output=True, text=True, env=env, cwd=tmp, timeout=1800,
        )  # fmt: skip
    if result.returncode:
        return {"error": result.stderr.strip().splitlines()[-1:]}
    data: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


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
    args = parser.parse_args()
    wheels = args.wheel or sorted((ROOT / "build" / "wheels-portable").rglob("*.whl"))
    models = args.model or [default_model()]
    for model in models:
        sys.stdout.write(f"\n{model.name}, {args.threads} threads\n")
        base: dict[str, object] | None = None
        for wheel in wheels:
            figures = run_wheel(wheel, model, args.threads)
            name = f"{wheel.parent.name}/{wheel.name[:40]}"
            if "error" in figures:
                sys.stdout.write(f"  {name}: failed {figures['error']}\n")
                continue
            base = base or figures
            ratio = [
                float(figures[k]) / float(base[k])  # type: ignore[arg-type]
                for k in ("prompt", "generation")
            ]
            sys.stdout.write(
                f"  {name}: prompt {float(figures['prompt']):7.1f} tok/s ({ratio[0]:.2f}x), "  # type: ignore[arg-type]
                f"generation {float(figures['generation']):6.1f} tok/s ({ratio[1]:.2f}x), "  # type: ignore[arg-type]
                f"CPU kernels: {figures['variant'] or 'built in'}\n"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
