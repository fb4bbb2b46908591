"""The one llama-cpp-python wheel that the dev environment and the release bundles install.

Compiled once with ``GGML_NATIVE=OFF`` (AVX2/FMA/F16C, no AMX) and kept in
build/wheels-portable. A native build on a CPU that reports AMX (Sapphire Rapids and later, as
in these cloud VMs) segfaults in ``ggml_backend_amx_mul_mat`` on the first Q4_0 or Q4_K
matrix product, so no environment builds natively. Run as a script, it prints the wheel's path.

Compiling takes minutes (about 15 on a 2-core machine), so it says what it is doing: the share of
files compiled and the time so far, instead of pip's "still running..."; the compiler's output
goes to compile.log beside the wheel.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LLAMA_PIN = "llama-cpp-python==0.3.36"
# Every x86 level's CPU kernels as their own library, the best one picked at run time
# (desktop/engine/cpu_variants.py): portable like GGML_NATIVE=OFF, and as fast as a native build.
CMAKE_ARGS = "-DGGML_NATIVE=OFF -DGGML_BACKEND_DL=ON -DGGML_CPU_ALL_VARIANTS=ON -DLLAMA_CURL=OFF"
# The AMX variant segfaults in ggml_backend_amx_mul_mat on Q4_0/Q4_K (upstream
# ggml-org/llama.cpp#20824, open): left out, so AMX CPUs take the AVX-512 variant below it.
LEFT_OUT_VARIANTS = ("sapphirerapids",)
# Kept per pin and flags: a change of either compiles anew instead of reusing an older wheel.
WHEELS = (
    ROOT
    / "build"
    / "wheels-portable"
    / hashlib.sha256(f"{LLAMA_PIN} {CMAKE_ARGS} {LEFT_OUT_VARIANTS}".encode()).hexdigest()[:10]
)
_VARIANT = re.compile(r"^(lib)?ggml-cpu-[\w.]+\.(so|dll|dylib)$")


def _say(text: str) -> None:
    sys.stderr.write(f"[llama.cpp] {text}\n")
    sys.stderr.flush()


def _objects(build_dir: Path) -> tuple[int, int]:
    """Objects compiled so far and in all, read from ninja's build file and the build folder
    (pip's own verbose output is far too slow to pass a compiler's lines through)."""
    ninja = build_dir / "build.ninja"
    try:
        total = sum(
            1 for line in ninja.read_text(errors="replace").splitlines()
            if line.startswith("build ") and ".o:" in line.split(" ", 2)[1]
        )  # fmt: skip
    except OSError:
        return 0, 0
    return sum(1 for _ in build_dir.rglob("*.o")), total


def compile_wheel(python: Path, cmake_args: str, target: Path) -> None:
    """``pip wheel`` of llama-cpp-python from source into ``target``, reporting progress."""
    cores = os.cpu_count() or 1
    _say(
        f"compiling {LLAMA_PIN} with {cmake_args} on {cores} cores: once, then reused "
        f"(usually {max(5, 30 // cores)}-{max(8, 70 // cores)} minutes here; the rest of the "
        f"setup follows)"
    )
    started = time.monotonic()
    build_dir = target / "cmake-build"
    shutil.rmtree(build_dir, ignore_errors=True)
    log = target / "compile.log"
    target.mkdir(parents=True, exist_ok=True)
    shown = -10
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [
                str(python), "-m", "pip", "wheel", "--no-deps", "--no-binary",
                "llama-cpp-python", "--no-cache-dir", "-w", str(target),
                f"--config-settings=build-dir={build_dir}", LLAMA_PIN,
            ],
            env={**os.environ, "CMAKE_ARGS": cmake_args},
            stdout=out,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        while process.poll() is None:
            time.sleep(5)
            done, total = _objects(build_dir)
            if total and done * 100 // total >= shown + 10:
                shown = done * 100 // total // 10 * 10
                minutes, seconds = divmod(int(time.monotonic() - started), 60)
                _say(f"{shown:3d}% compiled ({done}/{total} files, {minutes}:{seconds:02d} so far)")
    if process.returncode:
        sys.stderr.write(log.read_text(encoding="utf-8", errors="replace")[-6000:])
        raise SystemExit(f"compiling {LLAMA_PIN} failed (exit {process.returncode}); see above")
    shutil.rmtree(build_dir, ignore_errors=True)
    minutes, seconds = divmod(int(time.monotonic() - started), 60)
    _say(f"compiled in {minutes}:{seconds:02d}")


def place_variants(wheel: Path, python: Path) -> list[str]:
    """Move the CPU variant libraries into ``llama_cpp/lib`` beside libggml (llama-cpp-python's
    CMake installs them to ``bin/`` of site-packages, where nothing looks), leaving out
    ``LEFT_OUT_VARIANTS``; the wheel is unpacked and packed again with ``wheel``, which rewrites
    its RECORD. Returns the variants kept."""
    work = wheel.parent / "unpacked"
    shutil.rmtree(work, ignore_errors=True)
    # wheel's own messages to stderr: stdout is the wheel's path (the Makefile reads it)
    subprocess.run(
        [str(python), "-m", "wheel", "unpack", "-d", str(work), str(wheel)],
        check=True,
        stdout=sys.stderr,
    )
    (root,) = work.iterdir()
    lib = root / "llama_cpp" / "lib"
    kept = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or not _VARIANT.match(path.name):
            continue
        name = path.name.split("ggml-cpu-", 1)[1].split(".", 1)[0]
        if name in LEFT_OUT_VARIANTS:
            path.unlink()
            continue
        if path.parent != lib:
            path.replace(lib / path.name)
        kept.append(name)
    wheel.unlink()
    subprocess.run(
        [str(python), "-m", "wheel", "pack", "-d", str(wheel.parent), str(root)],
        check=True,
        stdout=sys.stderr,
    )
    shutil.rmtree(work)
    return kept


def portable_llama_wheel(python: Path) -> Path:
    version = LLAMA_PIN.split("==")[1]
    found = sorted(WHEELS.glob(f"llama_cpp_python-{version}-*.whl"))
    if found:
        return found[-1]
    compile_wheel(python, CMAKE_ARGS, WHEELS)
    wheel = sorted(WHEELS.glob(f"llama_cpp_python-{version}-*.whl"))[-1]
    kept = place_variants(wheel, python)
    _say(f"CPU variants: {', '.join(kept) or 'none'} (left out: {', '.join(LEFT_OUT_VARIANTS)})")
    return sorted(WHEELS.glob(f"llama_cpp_python-{version}-*.whl"))[-1]


if __name__ == "__main__":
    sys.stdout.write(f"{portable_llama_wheel(Path(sys.executable))}\n")
