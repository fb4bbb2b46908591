"""Memory checks before loading a model, so a too-large model fails with a clear message."""

from __future__ import annotations

import os

from desktop.engine.errors import OutOfMemory
from desktop.messages import say


def available_memory() -> int | None:
    """Bytes of memory available now (Linux ``MemAvailable``), or None when unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None


def check_fits(model_bytes: int, use_mmap: bool, *, available: int | None = None) -> None:
    """Raise ``OutOfMemory`` when the weights cannot fit in memory.

    With mmap the kernel pages weights in on demand and can drop them again, so only a model
    larger than physical memory is refused; without it the whole file must fit at once.
    """
    free = available if available is not None else available_memory()
    if free is None:
        return
    needed = model_bytes if use_mmap else int(model_bytes * 1.1)
    if needed > free and (not use_mmap or model_bytes > total_memory()):
        raise OutOfMemory(
            say(
                f"이 모델은 메모리가 약 {needed / 2**30:.1f} GiB 필요한데 "
                f"{free / 2**30:.1f} GiB만 비어 있습니다. 다른 프로그램을 닫거나 더 작은 모델을 "
                "고르세요.",
                f"This model needs about {needed / 2**30:.1f} GiB of memory and only "
                f"{free / 2**30:.1f} GiB is free. Close other programs or choose a smaller model.",
            )
        )


def fit_hint(model_bytes: int, *, available: int | None = None) -> str:
    """``fits``, ``tight`` (under 1.5x the model is free) or ``too_big``; ``unknown`` if unknown."""
    free = available if available is not None else available_memory()
    if free is None:
        return "unknown"
    if model_bytes > total_memory():
        return "too_big"
    if model_bytes * 1.5 > free:
        return "tight"
    return "fits"


def total_memory() -> int:
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return 1 << 62
