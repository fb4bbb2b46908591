"""The llama.cpp backend (llama-cpp-python): GGUF on the CPU, optionally with GPU layers.

The prompt is evaluated in ``n_batch`` chunks with the cancel event checked between them, after
trimming the KV cache to the longest prefix shared with the previous call, so a suggestion after
one more typed word costs only the new tokens. Sampling then runs through ``Llama.generate``,
which finds the prompt fully cached.
"""

from __future__ import annotations

import codecs
import logging
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import ClassVar

import llama_cpp
from llama_cpp.llama_grammar import LlamaGrammar

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
from desktop.engine.errors import (
    GenerationCancelled,
    ModelFileMissing,
    ModelLoadError,
    NotLoaded,
    OutOfMemory,
)
from desktop.engine.gguf_check import read_gguf
from desktop.engine.grammar import schema_to_gbnf
from desktop.engine.memory import check_fits

log = logging.getLogger(__name__)


def common_prefix(cached: Sequence[int], tokens: Sequence[int]) -> int:
    count = 0
    for a, b in zip(cached, tokens, strict=False):
        if a != b:
            break
        count += 1
    return count


class LlamaCppBackend:
    name: ClassVar[str] = "llama_cpp"
    capabilities: ClassVar[Capabilities] = Capabilities(
        streaming=True,
        json_schema=True,
        token_ids=True,
        prefix_cache=True,
        gpu=bool(llama_cpp.llama_supports_gpu_offload()),
    )

    def __init__(self) -> None:
        self._llm: llama_cpp.Llama | None = None
        self._template: str | None = None
        self._options: LoadOptions | None = None
        self.last_prompt_evaluated = 0  # tokens evaluated by the last call (prefix reuse check)

    # Loading ---------------------------------------------------------------------------------

    def load(self, options: LoadOptions) -> None:
        path = Path(options.model_path)
        if not path.is_file():
            raise ModelFileMissing(f"The model file {path} does not exist.")
        info = read_gguf(path)  # typed errors for bad files before llama.cpp sees them
        check_fits(info.file_size, options.use_mmap)
        self.close()
        try:
            self._llm = llama_cpp.Llama(
                model_path=str(path),
                n_ctx=options.n_ctx,
                n_batch=options.n_batch,
                n_threads=options.n_threads or default_threads(),
                n_gpu_layers=options.n_gpu_layers,
                use_mmap=options.use_mmap,
                seed=options.seed,
                verbose=False,
            )
        except MemoryError as exc:
            raise OutOfMemory("Not enough memory to load this model.", str(exc)) from exc
        except (ValueError, RuntimeError) as exc:
            raise ModelLoadError(f"llama.cpp could not load {path.name}.", str(exc)) from exc
        self._options = options
        template = self._llm.metadata.get("tokenizer.chat_template")
        self._template = template if isinstance(template, str) and template else None

    @property
    def llm(self) -> llama_cpp.Llama:
        if self._llm is None:
            raise NotLoaded("No model is loaded.")
        return self._llm

    @property
    def n_ctx(self) -> int:
        return int(self.llm.n_ctx())

    @property
    def chat_template(self) -> str | None:
        return self._template

    # Tokens and prompts ----------------------------------------------------------------------

    def tokenize(self, text: str) -> list[int]:
        return list(self.llm.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def count_tokens(self, text: str) -> int:
        return len(self.tokenize(text))

    def _token_text(self, token: int) -> str:
        if token < 0:
            return ""
        return self.llm._model.token_get_text(token)  # noqa: SLF001 (no public accessor)

    def render_chat(self, messages: Sequence[Message], add_generation_prompt: bool = True) -> str:
        return render_chat(
            self._template,
            messages,
            add_generation_prompt=add_generation_prompt,
            bos_token=self._token_text(self.llm.token_bos()),
            eos_token=self._token_text(self.llm.token_eos()),
        )

    def is_end_of_generation(self, token: int) -> bool:
        vocab = self.llm._model.vocab  # noqa: SLF001
        return bool(llama_cpp.llama_vocab_is_eog(vocab, token))

    # Generation ------------------------------------------------------------------------------

    def _evaluate_prompt(
        self, tokens: list[int], cancel: threading.Event, on_progress: ProgressCallback | None
    ) -> None:
        llm = self.llm
        cached = llm.input_ids[: llm.n_tokens].tolist()
        # Keep at least the last token to evaluate so fresh logits exist for sampling.
        reuse = min(common_prefix(cached, tokens), len(tokens) - 1)
        llm.n_tokens = reuse  # eval() drops the KV cache beyond n_tokens
        pending = tokens[reuse:]
        self.last_prompt_evaluated = len(pending)
        batch = self._options.n_batch if self._options else 256
        done = reuse
        for start in range(0, len(pending), batch):
            if cancel.is_set():
                llm.n_tokens = done  # the cache stays valid up to here
                raise GenerationCancelled("Cancelled.")
            chunk = pending[start : start + batch]
            llm.eval(chunk)
            done += len(chunk)
            if on_progress:
                on_progress(Progress("prompt", done, len(tokens)))

    def stream(
        self,
        prompt: str | Sequence[int],
        params: SamplingParams,
        cancel: threading.Event,
        on_progress: ProgressCallback | None = None,
    ) -> Iterator[Chunk]:
        llm = self.llm
        tokens = self.tokenize(prompt) if isinstance(prompt, str) else list(prompt)
        check_fits_context(len(tokens), params.max_tokens, self.n_ctx)
        self._evaluate_prompt(tokens, cancel, on_progress)
        grammar = None
        if params.json_schema is not None:
            grammar = LlamaGrammar.from_string(schema_to_gbnf(params.json_schema), verbose=False)
        if params.seed is not None:
            llm.set_seed(params.seed)
        greedy = params.temperature <= 0
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        produced = 0
        text = ""
        for token in llm.generate(
            tokens,
            temp=0.0 if greedy else params.temperature,
            top_k=1 if greedy else params.top_k,
            top_p=1.0 if greedy else params.top_p,
            min_p=0.0,
            repeat_penalty=params.repeat_penalty,
            grammar=grammar,
        ):
            if cancel.is_set():
                raise GenerationCancelled("Cancelled.")
            if self.is_end_of_generation(token):
                return
            piece = decoder.decode(llm.detokenize([token], special=False))
            text += piece
            produced += 1
            yield Chunk(piece, token)
            if on_progress:
                on_progress(Progress("tokens", produced, params.max_tokens))
            if produced >= params.max_tokens or any(s in text for s in params.stop):
                return

    def close(self) -> None:
        if self._llm is not None:
            self._llm.close()
            self._llm = None
