"""Typed user preferences: defaults in one table, validated on read, written atomically."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

LANGUAGES = ("system", "ko", "en")


@dataclass
class Settings:
    """User preferences. Every field has a default; unknown or invalid values fall back to it."""

    language: str = "system"
    autosave_idle_ms: int = 1000
    autosave_max_wait_ms: int = 3000
    backup_keep: int = 7
    window_geometry: str = ""
    window_state: str = ""
    last_application_id: int = 0
    model_path: str = ""  # the default model (suggestions; critiques too unless set below)
    critique_model_path: str = ""
    starter_offered: bool = False  # the starter model was installed (or tried) once
    model_backend: str = "llama_cpp"  # llama_cpp | transformers | openai
    n_ctx: int = 4096
    n_threads: int = 0  # 0: chosen from the CPU count
    n_gpu_layers: int = 0  # llama.cpp layers offloaded to the GPU (builds with GPU support)
    remote_url: str = ""  # openai backend: the server; model_path names the model there
    remote_parallel: int = 4  # batch critiques in flight against the server
    suggest_temperature: float = 0.9
    suggest_top_p: float = 0.9
    suggest_auto: bool = True
    suggest_pause_ms: int = 600
    suggest_count: int = 4


_VALIDATORS: dict[str, Any] = {
    "language": lambda v: isinstance(v, str) and v in LANGUAGES,
    "autosave_idle_ms": lambda v: isinstance(v, int) and 200 <= v <= 60_000,
    "autosave_max_wait_ms": lambda v: isinstance(v, int) and 500 <= v <= 120_000,
    "backup_keep": lambda v: isinstance(v, int) and 1 <= v <= 365,
    "window_geometry": lambda v: isinstance(v, str),
    "window_state": lambda v: isinstance(v, str),
    "last_application_id": lambda v: isinstance(v, int) and v >= 0,
    "model_path": lambda v: isinstance(v, str),
    "critique_model_path": lambda v: isinstance(v, str),
    "starter_offered": lambda v: isinstance(v, bool),
    "model_backend": lambda v: v in ("llama_cpp", "transformers", "openai"),
    "n_ctx": lambda v: isinstance(v, int) and 512 <= v <= 131_072,
    "n_threads": lambda v: isinstance(v, int) and 0 <= v <= 256,
    "n_gpu_layers": lambda v: isinstance(v, int) and 0 <= v <= 999,
    "remote_parallel": lambda v: isinstance(v, int) and 1 <= v <= 16,
    "remote_url": lambda v: isinstance(v, str) and (not v or v.startswith(("http://", "https://"))),
    "suggest_temperature": lambda v: isinstance(v, int | float) and 0 <= v <= 2,
    "suggest_top_p": lambda v: isinstance(v, int | float) and 0 < v <= 1,
    "suggest_auto": lambda v: isinstance(v, bool),
    "suggest_pause_ms": lambda v: isinstance(v, int) and 100 <= v <= 10_000,
    "suggest_count": lambda v: isinstance(v, int) and 1 <= v <= 5,
}


def load_settings(path: Path) -> Settings:
    """Settings from ``path``; a missing or damaged file gives the defaults (and is logged)."""
    settings = Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return settings
    except (OSError, ValueError) as exc:
        log.warning("settings file %s unreadable, using defaults: %s", path, exc)
        return settings
    if not isinstance(raw, dict):
        log.warning("settings file %s is not an object, using defaults", path)
        return settings
    for field in fields(Settings):
        if field.name not in raw:
            continue
        value = raw[field.name]
        if _VALIDATORS[field.name](value):
            setattr(settings, field.name, value)
        else:
            log.warning("setting %s=%r is invalid, using the default", field.name, value)
    return settings


def save_settings(settings: Settings, path: Path) -> None:
    """Write ``settings`` to ``path`` atomically (temporary file, fsync, rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(asdict(settings), ensure_ascii=False, indent=2)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
