"""llama.cpp's CPU kernels chosen at run time: the best build for this processor, in one wheel.

The wheel is compiled with ``GGML_BACKEND_DL=ON GGML_CPU_ALL_VARIANTS=ON`` (upstream's way to ship
one portable build): ``libggml-cpu-<variant>.so`` for each x86 level (sse42, haswell, skylakex,
icelake, zen4 …), and ggml loads the one whose ``ggml_backend_score`` is highest here. On an
AVX-512 CPU that doubles prompt speed over a build for AVX2 (issue 31: pp512 1.6-2x).

llama-cpp-python does not find them by itself: ``llama_backend_init`` calls
``ggml_backend_load_all()``, which searches only the executable's folder and the working
directory. So they are registered from ``llama_cpp/lib`` (where ``packaging/llama_wheel.py`` puts
them) through ``ggml_backend_load_all_from_path``, called in the ``libggml.so.0`` that libllama
links against: the wheel also ships a separate copy named ``libggml.so``, and registering through
that copy puts the backend in a registry llama.cpp never reads.

The AMX variant (``sapphirerapids``) is not shipped: it segfaults in ``ggml_backend_amx_mul_mat``
(upstream ggml-org/llama.cpp#20824, open), so AMX CPUs take the AVX-512 variant below it.
A build without variants (an older wheel, a GPU build) is left as it is.
"""

from __future__ import annotations

import ctypes
import sys
import threading
from pathlib import Path

_lock = threading.Lock()
_registered: bool | None = None  # None: not yet; False: a build without variants
_chosen: str | None = None


def _suffix() -> str:
    return ".dll" if sys.platform == "win32" else ".so"  # ggml's backends are .so on macOS too


def library_folder() -> Path:
    """``llama_cpp/lib`` of the installed (or bundled) llama-cpp-python, found without importing
    it (importing loads libllama)."""
    from importlib.util import find_spec

    spec = find_spec("llama_cpp")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("No module named 'llama_cpp'", name="llama_cpp")
    return Path(next(iter(spec.submodule_search_locations))) / "lib"


def variant_libraries(folder: Path) -> list[Path]:
    """The CPU variant libraries in ``folder`` (none in a build without them)."""
    prefix = "ggml-cpu-" if sys.platform == "win32" else "libggml-cpu-"
    return sorted(p for p in folder.glob(f"{prefix}*{_suffix()}") if p.is_file())


def variant_name(library: Path) -> str:
    """``libggml-cpu-skylakex.so`` -> ``skylakex``."""
    return library.name.split("ggml-cpu-", 1)[1].split(".", 1)[0]


def scores(libraries: list[Path]) -> dict[str, int]:
    """Each variant's ``ggml_backend_score()`` on this CPU (0: it cannot run here), the number
    ggml itself compares; a library that cannot be opened scores 0."""
    result: dict[str, int] = {}
    for library in libraries:
        try:
            handle = ctypes.CDLL(str(library))
            score = handle.ggml_backend_score
        except (OSError, AttributeError):
            result[variant_name(library)] = 0
            continue
        score.restype = ctypes.c_int
        score.argtypes = []
        result[variant_name(library)] = int(score())
    return result


def load_cpu_backends() -> bool:
    """Register the CPU variants with ggml once, before the first model load; False for a build
    without variants (its CPU kernels are built in)."""
    global _registered
    with _lock:
        if _registered is None:
            folder = library_folder()
            _registered = bool(variant_libraries(folder))
            if _registered:
                ggml = _ggml(folder)
                ggml.ggml_backend_load_all_from_path.argtypes = [ctypes.c_char_p]
                ggml.ggml_backend_load_all_from_path.restype = None
                ggml.ggml_backend_load_all_from_path(str(folder).encode())
        return _registered


def chosen_variant() -> str:
    """The variant ggml took when ``load_cpu_backends`` registered them ("" before it or without
    variants). Scored again here, only when asked (the self-test, a report): the model load
    does not open every variant a second time."""
    global _chosen
    with _lock:
        if not _registered:
            return ""
        if _chosen is None:
            ranked = scores(variant_libraries(library_folder()))
            best = max(ranked, key=lambda name: ranked[name])
            _chosen = best if ranked[best] > 0 else ""
        return _chosen


def _ggml(folder: Path) -> ctypes.CDLL:
    """libggml as libllama links it (its soname), so both share one backend registry."""
    if sys.platform == "win32":
        return ctypes.CDLL(str(folder / "ggml.dll"))
    if sys.platform == "darwin":
        return ctypes.CDLL(str(folder / "libggml.dylib"))
    return ctypes.CDLL(str(folder / "libggml.so.0"))
