"""The backend protocol, its parameter types, and the registry of backends."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from desktop.engine.errors import BackendUnavailable, PromptTooLong
from desktop.messages import say

if TYPE_CHECKING:
    from desktop.engine.load_probe import ModelProbe

Message = dict[str, str]

# The repeat penalty looks back over this many generated tokens (the prompt is not penalised),
# in every backend alike.
PENALTY_WINDOW = 64


@dataclass(frozen=True)
class Capabilities:
    streaming: bool = True
    json_schema: bool = False  # constrained decoding (otherwise: validate and retry)
    token_ids: bool = True
    prefix_cache: bool = False
    gpu: bool = False
    parallel: int = 1  # sequences one call can decode together (``stream_many``)
    concurrent: bool = False  # calls may run at once from several threads (a server)


@dataclass(frozen=True)
class LoadOptions:
    model_path: Path
    n_ctx: int = 4096
    n_threads: int | None = None  # None: chosen from the CPU count
    n_batch: int = 256
    n_gpu_layers: int = 0
    use_mmap: bool = True
    device: str = "auto"  # transformers: auto | cuda | mps | cpu
    seed: int = 0
    base_url: str = (
        ""  # openai: the server, e.g. http://127.0.0.1:8000 (model_path names the model)
    )
    timeout_s: float = 60.0  # openai: connect and between-token timeout


@dataclass(frozen=True)
class SamplingParams:
    max_tokens: int = 128
    temperature: float = 0.8
    top_p: float = 0.9
    top_k: int = 40
    repeat_penalty: float = 1.1
    seed: int | None = None
    stop: tuple[str, ...] = ()
    json_schema: dict[str, Any] | None = None


@dataclass(frozen=True)
class Chunk:
    """Newly decoded text (possibly empty while a multi-byte character is incomplete)."""

    text: str
    token_id: int | None = None


@dataclass(frozen=True)
class Progress:
    """``phase``: "prompt" (tokens read of the prompt), "tokens" (tokens written), or what a
    task calls the part it is writing ("scoring", "writing": ``structured.generate_json``'s
    phases); "qualify" counts the qualification set's tasks."""

    phase: str
    done: int
    total: int

    @property
    def writes(self) -> bool:
        """Whether ``done`` counts tokens written."""
        return self.phase not in ("prompt", "qualify")


ProgressCallback = Callable[[Progress], None]


@dataclass
class GenerationResult:
    text: str
    token_ids: list[int] = field(default_factory=list)
    prompt_tokens: int = 0
    seconds: float = 0.0
    stop_reason: str = "length"  # "length" | "eos" | "stop"


class Backend(Protocol):
    name: ClassVar[str]
    capabilities: ClassVar[Capabilities]

    def load(self, options: LoadOptions) -> None: ...

    @property
    def n_ctx(self) -> int: ...

    @property
    def has_chat_template(self) -> bool:
        """False for a base model: it gets plain documents, not chat turns."""
        ...

    def tokenize(self, text: str) -> list[int]: ...

    def count_tokens(self, text: str) -> int: ...

    def render_chat(
        self, messages: Sequence[Message], add_generation_prompt: bool = True
    ) -> str: ...

    def stream(
        self,
        prompt: str | Sequence[int],
        params: SamplingParams,
        cancel: threading.Event,
        on_progress: ProgressCallback | None = None,
    ) -> Iterator[Chunk]: ...

    def close(self) -> None: ...


def check_fits_context(prompt_tokens: int, max_tokens: int, n_ctx: int) -> None:
    """Raise ``PromptTooLong`` unless the prompt and the longest answer fit the context."""
    if prompt_tokens == 0:
        raise PromptTooLong(say("프롬프트가 비어 있습니다.", "The prompt is empty."))
    if prompt_tokens + max_tokens > n_ctx:
        raise PromptTooLong(
            say(
                f"프롬프트({prompt_tokens}토큰)와 답변({max_tokens}토큰)이 "
                f"모델의 컨텍스트({n_ctx}토큰)에 들어가지 않습니다.",
                f"The prompt ({prompt_tokens} tokens) and the answer ({max_tokens}) do not fit the "
                f"model's context of {n_ctx} tokens.",
            )
        )


def default_threads() -> int:
    """All usable CPUs on small machines; one left for the GUI when there are more than four."""
    if hasattr(os, "sched_getaffinity"):
        count = len(os.sched_getaffinity(0))
    else:
        count = os.cpu_count() or 1
    return count - 1 if count > 4 else max(1, count)


def import_failure(
    exc: Exception, backend: str, missing: tuple[str, str], module: str = ""
) -> BackendUnavailable:
    """The error for a backend whose import failed.

    "Not installed" (``missing``: Korean, English) only when the failing module is really absent.
    A module that is installed but fails to import (a shared library that does not load, package
    metadata a bundle lacks) is named with its cause, so the next packaging fault explains itself.
    """
    cause = f"{type(exc).__name__}: {exc}"
    module = getattr(exc, "name", None) or module
    if isinstance(exc, ModuleNotFoundError) and module and not _installed(module):
        return BackendUnavailable(say(*missing), cause)
    where = module or "?"
    return BackendUnavailable(
        say(
            f"{backend} 백엔드를 불러오지 못했습니다. 설치되어 있지만 불러오기에 실패한 모듈: "
            f"{where} ({cause})",
            f"The {backend} backend failed to load: the module {where} is installed but could "
            f"not be imported ({cause}).",
        ),
        cause,
    )


def _installed(module: str) -> bool:
    """Whether the top-level package of ``module`` can be found at all."""
    from importlib.util import find_spec

    try:
        return find_spec(module.split(".")[0]) is not None
    except (ImportError, ValueError):
        return False


def _llama_cpp(probe: ModelProbe | None) -> Backend:
    try:
        from desktop.engine.llama_backend import LlamaCppBackend
    except (ImportError, OSError, RuntimeError) as exc:
        # llama_cpp raises RuntimeError ("Failed to load shared library") when libllama is there
        # but cannot be loaded: named as the module that failed.
        raise import_failure(
            exc,
            "llama.cpp",
            (
                "llama.cpp 백엔드가 설치되어 있지 않습니다.",
                "The llama.cpp backend is not installed.",
            ),
            "llama_cpp",
        ) from exc
    return LlamaCppBackend(probe)


def _transformers(probe: ModelProbe | None) -> Backend:
    try:
        from desktop.engine.hf_backend import TransformersBackend
    except (ImportError, OSError, RuntimeError) as exc:
        raise import_failure(
            exc,
            "transformers",
            (
                "transformers 백엔드는 GPU 빌드(torch와 transformers)가 필요합니다.",
                "The transformers backend needs the GPU build (torch and transformers).",
            ),
        ) from exc
    return TransformersBackend()


def _openai(probe: ModelProbe | None) -> Backend:
    from desktop.engine.openai_backend import OpenAIBackend

    return OpenAIBackend()


# A plain dict: entry-point plugins lose their metadata in PyInstaller builds. Each factory takes
# the app's ``ModelProbe`` (or None); only backends that load native code in-process use it.
BACKENDS: dict[str, Callable[[ModelProbe | None], Backend]] = {
    "llama_cpp": _llama_cpp,
    "transformers": _transformers,
    "openai": _openai,
}


def create_backend(name: str, *, probe: ModelProbe | None = None) -> Backend:
    """A new backend ``name``; ``probe`` guards the first load of each model file."""
    try:
        factory = BACKENDS[name]
    except KeyError:
        raise BackendUnavailable(
            say(
                f"알 수 없는 백엔드입니다: {name!r}. "
                f"다음 중 하나여야 합니다: {', '.join(BACKENDS)}.",
                f"Unknown backend {name!r}; one of {', '.join(BACKENDS)}.",
            )
        ) from None
    return factory(probe)
