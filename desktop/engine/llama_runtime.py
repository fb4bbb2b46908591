"""llama.cpp through its C API: one model, one context with several sequences, one batch.

``llama_cpp.Llama`` keeps a single sequence and samples inside ``generate``; Jaso needs several
sequences sharing one evaluated prompt (suggestion candidates), the cancel event checked between
prompt chunks, and the logits in hand to check each sampled token against a grammar. So the
backend drives ``llama_decode`` itself. The KV cache is unified: copying the prompt to another
sequence only tags its cells, so n candidates cost the prompt once.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

import llama_cpp
import numpy as np
import numpy.typing as npt
from llama_cpp._logger import set_verbose

from desktop.engine.cpu_variants import load_cpu_backends
from desktop.engine.errors import GenerationCancelled, ModelLoadError, PromptTooLong
from desktop.messages import say

MAX_SEQUENCES: Final = 8  # sequence 0 holds the cached prompt; candidates use 1..7
_PIECE_BUFFER: Final = 256

_backend_ready = False
_backend_lock = threading.Lock()


def _init_backend() -> None:
    global _backend_ready
    with _backend_lock:
        if not _backend_ready:
            set_verbose(False)  # llama.cpp's log lines go to stderr only when they are errors
            load_cpu_backends()  # the CPU variant for this processor, before the first load
            llama_cpp.llama_backend_init()
            _backend_ready = True


def common_prefix(cached: Sequence[int], tokens: Sequence[int]) -> int:
    count = 0
    for a, b in zip(cached, tokens, strict=False):
        if a != b:
            break
        count += 1
    return count


class LlamaRuntime:
    """A loaded model with its context; every method runs on the thread that owns it."""

    def __init__(
        self,
        path: Path,
        *,
        n_ctx: int,
        n_batch: int,
        n_threads: int,
        n_gpu_layers: int = 0,
        use_mmap: bool = True,
    ) -> None:
        _init_backend()
        model_params = llama_cpp.llama_model_default_params()
        model_params.n_gpu_layers = n_gpu_layers
        model_params.use_mmap = use_mmap
        self._model: Any = llama_cpp.llama_model_load_from_file(
            str(path).encode("utf-8"), model_params
        )
        if not self._model:
            raise ModelLoadError(
                say(
                    f"llama.cpp가 {path.name} 모델을 불러오지 못했습니다.",
                    f"llama.cpp could not load {path.name}.",
                ),
                str(path),
            )
        self.vocab: Any = llama_cpp.llama_model_get_vocab(self._model)
        context_params = llama_cpp.llama_context_default_params()
        context_params.n_ctx = n_ctx
        context_params.n_batch = n_batch
        context_params.n_ubatch = n_batch
        context_params.n_threads = n_threads
        context_params.n_threads_batch = n_threads
        context_params.n_seq_max = MAX_SEQUENCES
        context_params.kv_unified = True
        # llama.cpp's default (auto: on for the CPU). Without flash attention a batch of several
        # sequences is 2.5x slower (Gemma 3 270M, 4 candidates: 7.4 s against 2.9 s). It rounds
        # differently from transformers' eager attention, enough to flip near-tied greedy
        # choices of random weights (tests/engine/test_equivalence.py reports the margin).
        context_params.flash_attn_type = llama_cpp.LLAMA_FLASH_ATTN_TYPE_AUTO
        self._ctx: Any = llama_cpp.llama_init_from_model(self._model, context_params)
        if not self._ctx:
            llama_cpp.llama_model_free(self._model)
            self._model = None
            raise ModelLoadError(
                say(
                    f"llama.cpp가 {path.name} 모델에 {n_ctx}토큰 컨텍스트를 만들지 못했습니다.",
                    f"llama.cpp could not make a context of {n_ctx} tokens for {path.name}.",
                )
            )
        self._memory: Any = llama_cpp.llama_get_memory(self._ctx)
        self.n_batch = n_batch
        self.n_threads = n_threads
        # Asked before every decode when set: the thread count for it (engine/cpu_share.py).
        self.threads_for: Callable[[], int] | None = None
        self.n_vocab = int(llama_cpp.llama_vocab_n_tokens(self.vocab))
        self._batch: Any = llama_cpp.llama_batch_init(max(n_batch, MAX_SEQUENCES), 0, 1)
        self._piece = ctypes.create_string_buffer(_PIECE_BUFFER)
        self.cached: list[int] = []  # tokens of sequence 0 whose keys and values are cached
        self.last_evaluated = 0  # prompt tokens evaluated by the last ``evaluate`` call

    # Model facts -------------------------------------------------------------------------

    def set_threads(self, n_threads: int) -> None:
        """CPU threads for the next decodes (prompt and generation alike)."""
        if n_threads != self.n_threads:
            llama_cpp.llama_set_n_threads(self._ctx, n_threads, n_threads)
            self.n_threads = n_threads

    @property
    def ctx(self) -> Any:
        """The ``llama_context`` pointer (samplers read the logits through it)."""
        return self._ctx

    @property
    def n_ctx(self) -> int:
        return int(llama_cpp.llama_n_ctx(self._ctx))

    def metadata(self, key: str) -> str | None:
        size = llama_cpp.llama_model_meta_val_str(self._model, key.encode(), None, 0)
        if size < 0:
            return None
        buffer = ctypes.create_string_buffer(size + 1)
        llama_cpp.llama_model_meta_val_str(self._model, key.encode(), buffer, size + 1)
        return buffer.value.decode("utf-8", errors="replace")

    def tokenize(self, text: str) -> list[int]:
        data = text.encode("utf-8")
        capacity = len(data) + 8
        out = (llama_cpp.llama_token * capacity)()
        count = llama_cpp.llama_tokenize(self.vocab, data, len(data), out, capacity, False, True)
        if count < 0:  # the buffer was too small: -count is the size it needs
            capacity = -count
            out = (llama_cpp.llama_token * capacity)()
            count = llama_cpp.llama_tokenize(
                self.vocab, data, len(data), out, capacity, False, True
            )
        return list(out[:count])

    def piece(self, token: int, special: bool = False) -> bytes:
        count = llama_cpp.llama_token_to_piece(
            self.vocab, token, self._piece, _PIECE_BUFFER, 0, special
        )
        if count < 0:
            buffer = ctypes.create_string_buffer(-count)
            count = llama_cpp.llama_token_to_piece(self.vocab, token, buffer, -count, 0, special)
            return bytes(buffer.raw[:count])
        return bytes(self._piece.raw[:count])

    def token_text(self, token: int) -> str:
        if token < 0:
            return ""
        raw = llama_cpp.llama_vocab_get_text(self.vocab, token)
        return raw.decode("utf-8", errors="replace") if raw else ""

    def lltokenizer(self) -> Any:
        """The vocabulary as llguidance needs it (``llguidance.llamacpp.lltokenizer_from_vocab``,
        without its deprecated per-token ``llama_token_get_attr`` calls, each a Python warning).
        """
        from llguidance import LLTokenizer

        control = llama_cpp.LLAMA_TOKEN_ATTR_CONTROL
        user = llama_cpp.LLAMA_TOKEN_ATTR_USER_DEFINED
        tokens: list[bytes] = []
        for token in range(self.n_vocab):
            data = self.piece(token, special=True)
            attr = llama_cpp.llama_vocab_get_attr(self.vocab, token)
            # llguidance marks special tokens with a 0xFF prefix so text never matches them
            if attr & control or (attr & user and data.startswith(b"<") and data.endswith(b">")):
                data = b"\xff" + data
            tokens.append(data)
        tokenize = ctypes.cast(llama_cpp.llama_cpp._lib.llama_tokenize, ctypes.c_void_p).value
        return LLTokenizer.from_llamacpp(  # type: ignore[attr-defined]
            tokens=tokens, vocab_ptr=self.vocab, tokenize_fptr=tokenize, eos_token=self.eos
        )

    @property
    def bos(self) -> int:
        return int(llama_cpp.llama_vocab_bos(self.vocab))

    @property
    def eos(self) -> int:
        return int(llama_cpp.llama_vocab_eos(self.vocab))

    @property
    def adds_bos(self) -> bool:
        return bool(llama_cpp.llama_vocab_get_add_bos(self.vocab))

    def is_end(self, token: int) -> bool:
        return bool(llama_cpp.llama_vocab_is_eog(self.vocab, token))

    # Decoding ----------------------------------------------------------------------------

    def _decode(self, entries: Sequence[tuple[int, int, int, bool]]) -> None:
        """One ``llama_decode`` of (token, position, sequence, wants logits) entries."""
        if self.threads_for is not None:
            self.set_threads(self.threads_for())
        batch = self._batch
        batch.n_tokens = len(entries)
        for i, (token, pos, seq, logits) in enumerate(entries):
            batch.token[i] = token
            batch.pos[i] = pos
            batch.n_seq_id[i] = 1
            batch.seq_id[i][0] = seq
            batch.logits[i] = logits
        code = llama_cpp.llama_decode(self._ctx, batch)
        if code == 1:
            raise PromptTooLong(
                say("모델의 컨텍스트가 가득 찼습니다.", "The model's context is full.")
            )
        if code != 0:
            raise ModelLoadError(
                say(
                    "llama.cpp가 글을 처리하지 못했습니다.",
                    "llama.cpp failed to evaluate the text.",
                ),
                f"llama_decode: {code}",
            )

    def logits(self, index: int) -> npt.NDArray[np.float32]:
        """The logits row of batch entry ``index`` of the last decode, writable in place."""
        pointer = llama_cpp.llama_get_logits_ith(self._ctx, index)
        return np.ctypeslib.as_array(pointer, shape=(self.n_vocab,))

    def evaluate(
        self,
        tokens: Sequence[int],
        cancel: threading.Event,
        on_chunk: Callable[[int], None] | None = None,
    ) -> int:
        """Put ``tokens`` in sequence 0, reusing the cached prefix; the logits' batch index.

        The cancel event is checked between chunks of ``n_batch`` tokens; the cache stays
        valid up to the last evaluated chunk. Other sequences are dropped.
        """
        if not tokens:
            raise PromptTooLong(say("프롬프트가 비어 있습니다.", "The prompt is empty."))
        self.drop_others()
        reuse = min(common_prefix(self.cached, tokens), len(tokens) - 1)
        self.truncate(reuse)
        pending = list(tokens[reuse:])
        self.last_evaluated = len(pending)
        last = 0
        for start in range(0, len(pending), self.n_batch):
            if cancel.is_set():
                raise GenerationCancelled(say("취소했습니다.", "Cancelled."))
            chunk = pending[start : start + self.n_batch]
            base = len(self.cached)
            self._decode([(t, base + i, 0, i == len(chunk) - 1) for i, t in enumerate(chunk)])
            self.cached.extend(chunk)
            last = len(chunk) - 1
            if on_chunk:
                on_chunk(len(self.cached))
        return last

    def append(self, tokens: Sequence[int]) -> int:
        """Decode more tokens of sequence 0 in one batch; the last one's logits' batch index."""
        base = len(self.cached)
        last = len(tokens) - 1
        self._decode([(t, base + i, 0, i == last) for i, t in enumerate(tokens)])
        self.cached.extend(tokens)
        return last

    def step(self, entries: Sequence[tuple[int, int, int]]) -> None:
        """Decode one token for each of several sequences: (token, position, sequence)."""
        self._decode([(token, pos, seq, True) for token, pos, seq in entries])

    def fork(self, seq: int) -> None:
        """Give sequence ``seq`` sequence 0's cached tokens (shared cells, nothing copied)."""
        llama_cpp.llama_memory_seq_rm(self._memory, seq, -1, -1)
        llama_cpp.llama_memory_seq_cp(self._memory, 0, seq, -1, -1)

    def drop_others(self) -> None:
        for seq in range(1, MAX_SEQUENCES):
            llama_cpp.llama_memory_seq_rm(self._memory, seq, -1, -1)

    def truncate(self, keep: int) -> None:
        """Keep the first ``keep`` cached tokens of sequence 0."""
        if keep < len(self.cached):
            if not llama_cpp.llama_memory_seq_rm(self._memory, 0, keep, -1):
                llama_cpp.llama_memory_clear(self._memory, True)
                keep = 0
            del self.cached[keep:]

    def close(self) -> None:
        if self._batch is not None:
            llama_cpp.llama_batch_free(self._batch)
            self._batch = None
        if self._ctx:
            llama_cpp.llama_free(self._ctx)
            self._ctx = None
        if self._model:
            llama_cpp.llama_model_free(self._model)
            self._model = None
