"""The one llama-cpp-python wheel that the dev environment and the release bundles install.

Compiled once with ``GGML_NATIVE=OFF`` (AVX2/FMA/F16C, no AMX) and kept in
build/wheels-portable. A native build on a CPU that reports AMX (Sapphire Rapids and later, as
in these cloud VMs) segfaults in ``ggml_backend_amx_mul_mat`` on the first Q4_0 or Q4_K
matrix product, so no environment builds natively. Run as a script, it prints the wheel's path.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WHEELS = ROOT / "build" / "wheels-portable"
LLAMA_PIN = "llama-cpp-python==0.3.36"
CMAKE_ARGS = "-DGGML_NATIVE=OFF -DLLAMA_CURL=OFF"


def portable_llama_wheel(python: Path) -> Path:
    version = LLAMA_PIN.split("==")[1]
    found = sorted(WHEELS.glob(f"llama_cpp_python-{version}-*.whl"))
    if found:
        return found[-1]
    sys.stderr.write(f"compiling {LLAMA_PIN} with {CMAKE_ARGS} (once; several minutes)\n")
    subprocess.run(
        [
            str(python), "-m", "pip", "wheel", "--no-deps", "--no-binary", "llama-cpp-python",
            "--no-cache-dir", "-w", str(WHEELS), LLAMA_PIN,
        ],
        check=True,
        env={**os.environ, "CMAKE_ARGS": CMAKE_ARGS},
        stdout=sys.stderr,
    )  # fmt: skip
    return sorted(WHEELS.glob(f"llama_cpp_python-{version}-*.whl"))[-1]


if __name__ == "__main__":
    sys.stdout.write(f"{portable_llama_wheel(Path(sys.executable))}\n")
