"""Which model a task runs on, read from the settings when its job starts.

The one place that answers it: the default model (``model_path``) writes suggestions, drafts and
interview questions, and critiques too unless a critique model is set. A critique model is a GGUF
file from the model manager; it counts only with the llama.cpp backend and only while the file is
there (a removed model falls back to the default rather than failing every critique).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.engine.backend import LoadOptions
from desktop.settings import Settings

CRITIQUE = "critique"


@dataclass(frozen=True)
class ModelChoice:
    """A backend and what to load on it; equal choices need no reload."""

    backend: str
    path: Path
    n_ctx: int = 4096
    options: tuple[tuple[str, object], ...] = field(default=())

    def load_options(self) -> LoadOptions:
        return LoadOptions(self.path, n_ctx=self.n_ctx, **dict(self.options))  # type: ignore[arg-type]


def choose_model(settings: Settings, task: str) -> ModelChoice | None:
    """The model ``task`` ("suggest", "draft", "interview", "critique"…) runs on; None without
    a default model."""
    if not settings.model_path:
        return None
    path = Path(settings.model_path)
    critic = settings.critique_model_path
    if (
        task == CRITIQUE
        and critic
        and settings.model_backend == "llama_cpp"
        and Path(critic).is_file()
    ):
        path = Path(critic)
    options: dict[str, object] = {"n_threads": settings.n_threads or None}
    if settings.model_backend == "llama_cpp":
        options["n_gpu_layers"] = settings.n_gpu_layers
    if settings.model_backend == "openai":
        options["base_url"] = settings.remote_url
    return ModelChoice(settings.model_backend, path, settings.n_ctx, tuple(sorted(options.items())))
