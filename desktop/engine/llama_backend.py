"""The llama.cpp backend: GGUF on the CPU, optionally with GPU layers.

The prompt is evaluated in ``n_batch`` chunks with the cancel event checked between them, after
trimming the KV cache to the longest prefix shared with the previous call, so a suggestion after
one more typed word costs only the new tokens. ``stream_many`` decodes several candidates as
parallel sequences of one batch over a prompt evaluated once. JSON schemas are enforced with
llguidance (``constraint.py``).
"""

from __future__ import annotations

import codecs
import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

import llama_cpp

from desktop.engine.backend import (
    Capabilities,
    Chunk,
    LoadOptions,
    Message,
    Progress,
    ProgressCallback,
    SamplingParams,
    check_fits_context,
    default_threads,
)
from desktop.engine.chat import render_chat
from desktop.engine.constraint import Constraint, json_grammar
from desktop.engine.cpu_share import CpuShare
from desktop.engine.errors import (
    GenerationCancelled,
    ModelFileMissing,
    NotLoaded,
    OutOfMemory,
)
from desktop.engine.gguf_check import read_gguf
from desktop.engine.llama_runtime import MAX_SEQUENCES, LlamaRuntime
from desktop.engine.llama_sampling import TokenSampler
from desktop.engine.load_probe import ModelProbe
from desktop.engine.memory import check_fits
from desktop.messages import say

log = logging.getLogger(__name__)

StopWhen = Callable[[int, str], bool]


class _Text:
    """A sequence's decoded text, with multi-byte characters joined across tokens."""

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.text = ""

    def add(self, data: bytes) -> str:
        piece = self._decoder.decode(data)
        self.text += piece
        return piece


class LlamaCppBackend:
    name: ClassVar[str] = "llama_cpp"
    capabilities: ClassVar[Capabilities] = Capabilities(
        streaming=True,
        json_schema=True,
        token_ids=True,
        prefix_cache=True,
        gpu=bool(llama_cpp.llama_supports_gpu_offload()),
        parallel=MAX_SEQUENCES - 1,
    )

    def __init__(self, probe: ModelProbe | None = None) -> None:
        """``probe``: when given (the app), a file not yet proven is first loaded in a helper
        process, so that llama.cpp aborting on it cannot take the editor down."""
        self._probe = probe
        self._runtime: LlamaRuntime | None = None
        self._template: str | None = None
        self._lltokenizer: Any = None
        self._seed = 0

    # Loading ---------------------------------------------------------------------------------

    def load(self, options: LoadOptions) -> None:
        path = Path(options.model_path)
        if not path.is_file():
            raise ModelFileMissing(
                say(f"모델 파일이 없습니다: {path}", f"The model file {path} does not exist.")
            )
        info = read_gguf(path)  # typed errors for bad files before llama.cpp sees them
        check_fits(info.file_size, options.use_mmap)
        self.close()
        if self._probe is not None:
            self._probe.check(path)
        try:
            self._runtime = LlamaRuntime(
                path,
                n_ctx=options.n_ctx,
                n_batch=options.n_batch,
                n_threads=options.n_threads or default_threads(),
                n_gpu_layers=options.n_gpu_layers,
                use_mmap=options.use_mmap,
            )
            if options.n_threads is None and options.n_gpu_layers == 0:
                # automatic: the CPUs other programs leave free, asked as it goes
                self._runtime.threads_for = CpuShare(default_threads()).threads
        except MemoryError as exc:
            raise OutOfMemory(
                say(
                    "이 모델을 불러올 메모리가 부족합니다.", "Not enough memory to load this model."
                ),
                str(exc),
            ) from exc
        self._seed = options.seed
        template = self._runtime.metadata("tokenizer.chat_template")
        self._template = template or None

    @property
    def runtime(self) -> LlamaRuntime:
        if self._runtime is None:
            raise NotLoaded(say("불러온 모델이 없습니다.", "No model is loaded."))
        return self._runtime

    @property
    def n_ctx(self) -> int:
        return self.runtime.n_ctx

    @property
    def chat_template(self) -> str | None:
        return self._template

    @property
    def has_chat_template(self) -> bool:
        return self._template is not None

    @property
    def last_prompt_evaluated(self) -> int:
        """Prompt tokens the last call evaluated (the rest came from the prefix cache)."""
        return self.runtime.last_evaluated

    # Tokens and prompts ----------------------------------------------------------------------

    def tokenize(self, text: str) -> list[int]:
        return self.runtime.tokenize(text)

    def count_tokens(self, text: str) -> int:
        return len(self.tokenize(text))

    def render_chat(self, messages: Sequence[Message], add_generation_prompt: bool = True) -> str:
        runtime = self.runtime
        return render_chat(
            self._template,
            messages,
            add_generation_prompt=add_generation_prompt,
            # a plain prompt needs BOS spelled out only where the model expects one (Gemma)
            bos_token=runtime.token_text(runtime.bos) if self._template or runtime.adds_bos else "",
            eos_token=runtime.token_text(runtime.eos),
        )

    def is_end_of_generation(self, token: int) -> bool:
        return self.runtime.is_end(token)

    def _constraint(self, params: SamplingParams) -> Constraint | None:
        if params.json_schema is None:
            return None
        if self._lltokenizer is None:  # about a second for a large vocabulary: once per model
            self._lltokenizer = self.runtime.lltokenizer()
        return Constraint(self._lltokenizer, json_grammar(params.json_schema), self.runtime.n_vocab)

    def _prompt_tokens(self, prompt: str | Sequence[int]) -> list[int]:
        return self.tokenize(prompt) if isinstance(prompt, str) else list(prompt)

    def _evaluate(
        self, tokens: list[int], cancel: threading.Event, on_progress: ProgressCallback | None
    ) -> int:
        total = len(tokens)

        def chunk_done(done: int) -> None:
            if on_progress:
                on_progress(Progress("prompt", done, total))

        return self.runtime.evaluate(tokens, cancel, chunk_done)

    def _seeded(self, params: SamplingParams) -> SamplingParams:
        if params.seed is not None or params.temperature <= 0:
            return params
        self._seed += 1  # unseeded calls differ from each other, reproducibly per load
        return SamplingParams(**{**params.__dict__, "seed": self._seed})

    # Generation ------------------------------------------------------------------------------

    def stream(
        self,
        prompt: str | Sequence[int],
        params: SamplingParams,
        cancel: threading.Event,
        on_progress: ProgressCallback | None = None,
    ) -> Iterator[Chunk]:
        runtime = self.runtime
        tokens = self._prompt_tokens(prompt)
        check_fits_context(len(tokens), params.max_tokens, self.n_ctx)
        index = self._evaluate(tokens, cancel, on_progress)
        sampler = TokenSampler(self._seeded(params), self._constraint(params))
        constraint = sampler.constraint
        text = _Text()
        produced = 0
        try:
            while produced < params.max_tokens:
                if cancel.is_set():
                    raise GenerationCancelled(say("취소했습니다.", "Cancelled."))
                token = sampler.choose(runtime.ctx, runtime.logits(index), index)
                if runtime.is_end(token):
                    return
                batch = [token]
                if constraint is not None:
                    forced = constraint.forced()[: params.max_tokens - produced - 1]
                    sampler.record(forced)
                    batch += forced
                for item in batch:
                    produced += 1
                    yield Chunk(text.add(runtime.piece(item)), item)
                if on_progress:
                    on_progress(Progress("tokens", produced, params.max_tokens))
                finished = constraint is not None and constraint.finished
                if finished or any(s in text.text for s in params.stop):
                    return
                if produced < params.max_tokens:
                    index = runtime.append(batch)
        finally:
            sampler.close()

    def stream_many(
        self,
        prompt: str | Sequence[int],
        params: Sequence[SamplingParams],
        cancel: threading.Event,
        on_progress: ProgressCallback | None = None,
        stop_when: StopWhen | None = None,
    ) -> Iterator[tuple[int, Chunk | None]]:
        """Several continuations of one prompt, decoded together: ``(i, chunk)`` as each grows,
        ``(i, None)`` when sequence ``i`` ends (end token, ``max_tokens``, a stop string, or
        ``stop_when(i, text)``). The prompt stays cached; the sequences are dropped after.
        """
        if not 1 <= len(params) <= MAX_SEQUENCES - 1:
            raise ValueError(f"between 1 and {MAX_SEQUENCES - 1} sequences")
        runtime = self.runtime
        tokens = self._prompt_tokens(prompt)
        check_fits_context(len(tokens), sum(p.max_tokens for p in params), self.n_ctx)
        index = self._evaluate(tokens, cancel, on_progress)
        first = runtime.logits(index).copy()
        samplers = [TokenSampler(self._seeded(p)) for p in params]
        texts = [_Text() for _ in params]
        rows = {i: index for i in range(len(params))}  # sequence -> its logits' batch entry
        produced = 0
        try:
            for i in rows:
                runtime.fork(i + 1)
            while rows:
                if cancel.is_set():
                    raise GenerationCancelled(say("취소했습니다.", "Cancelled."))
                produced += 1
                entries: list[tuple[int, int, int]] = []
                for i, row in rows.items():
                    logits = runtime.logits(row)
                    if produced == 1:
                        logits[:] = first  # every sequence starts from the same logits
                    token = samplers[i].choose(runtime.ctx, logits, row)
                    if runtime.is_end(token):
                        yield i, None
                        continue
                    piece = texts[i].add(runtime.piece(token))
                    yield i, Chunk(piece, token)
                    text = texts[i].text
                    if (
                        produced >= params[i].max_tokens
                        or any(s in text for s in params[i].stop)
                        or (stop_when is not None and stop_when(i, text))
                    ):
                        yield i, None
                        continue
                    entries.append((token, len(tokens) + produced - 1, i + 1))
                if on_progress:
                    on_progress(Progress("tokens", produced, max(p.max_tokens for p in params)))
                if not entries:
                    return
                runtime.step(entries)
                rows = {seq - 1: j for j, (_, _, seq) in enumerate(entries)}
        finally:
            runtime.drop_others()
            for sampler in samplers:
                sampler.close()

    def close(self) -> None:
        if self._runtime is not None:
            self._runtime.close()
            self._runtime = None
        self._lltokenizer = None
