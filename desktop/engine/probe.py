"""The helper that tries a model file with llama.cpp before the app loads it into its own process.

A file that passes ``gguf_check`` can still make llama.cpp abort (a ``GGML_ASSERT``, an uncaught
C++ exception): for instance a vocabulary that lists one token twice fails
``GGML_ASSERT(id_to_token.size() == token_to_id.size())`` in ``llama_vocab::impl::load``. Done
in the editor's process, that would close the editor. So this child goes through the same steps
the app takes first, on the same code (``LlamaRuntime``): load the model (vocabulary and
tensors), make a small context, tokenize a Korean and English text, decode it (every weight
and the compute graph are touched once) and turn the most likely next token back into text.
It prints one JSON line; ``load_probe.ModelProbe`` reads it, or the signal that ended us.

Run as ``python -m desktop.engine.probe FILE`` (frozen: ``jaso --jaso-child probe FILE``).
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from pathlib import Path
from typing import Final

PROBE_TEXT: Final = "자기소개서 지원 동기 - motivation\n"
PROBE_CTX: Final = 256  # llama.cpp pads a context to 256 cells anyway
PROBE_BATCH: Final = 64


def probe(path: Path) -> dict[str, object]:
    """Load ``path`` and decode a few tokens; the timings, or raise ``EngineError``."""
    started = time.perf_counter()
    from desktop.engine.backend import default_threads
    from desktop.engine.llama_runtime import LlamaRuntime

    imported = time.perf_counter()
    runtime = LlamaRuntime(
        path,
        n_ctx=PROBE_CTX,
        n_batch=PROBE_BATCH,
        n_threads=default_threads(),
        n_gpu_layers=0,
        use_mmap=True,
    )
    try:
        loaded = time.perf_counter()
        tokens = runtime.tokenize(PROBE_TEXT)
        if runtime.adds_bos and runtime.bos >= 0:
            tokens.insert(0, runtime.bos)
        index = runtime.evaluate(tokens[: PROBE_CTX // 2], threading.Event())
        best = int(runtime.logits(index).argmax())
        runtime.piece(best)
    finally:
        runtime.close()
    done = time.perf_counter()
    return {
        "import_s": round(imported - started, 3),
        "load_s": round(loaded - imported, 3),
        "decode_s": round(done - loaded, 3),
        "tokens": len(tokens),
    }


def main(argv: list[str]) -> int:
    from desktop.engine.errors import EngineError
    from desktop.messages import set_language

    if len(argv) > 1:
        set_language(argv[1])
    # llama.cpp's abort would otherwise attach gdb to print a backtrace: slow, and noise
    os.environ.setdefault("GGML_NO_BACKTRACE", "1")
    try:
        timings = probe(Path(argv[0]))
    except EngineError as exc:
        line = {"ok": False, "reason": str(exc), "details": exc.details}
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        return 3
    sys.stdout.write(json.dumps({"ok": True, **timings}) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
