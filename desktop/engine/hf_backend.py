"""The transformers backend: the GPU path (CUDA, then MPS, then CPU), safetensors only.

torch and transformers are imported here and nowhere else, so the app starts without them.
Generation is a plain loop over the KV cache so the cancel event is checked at every token and
between prompt chunks.
"""

from __future__ import annotations

import inspect
import json
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

from desktop.engine.backend import (
    PENALTY_WINDOW,
    Capabilities,
    Chunk,
    LoadOptions,
    Message,
    Progress,
    ProgressCallback,
    SamplingParams,
    check_fits_context,
)
from desktop.engine.chat import render_chat
from desktop.engine.constraint import Constraint, json_grammar
from desktop.engine.errors import (
    GenerationCancelled,
    ModelFileInvalid,
    ModelFileMissing,
    ModelLoadError,
    NotLoaded,
    OutOfMemory,
)
from desktop.messages import say

PICKLE_SUFFIXES = (".bin", ".pt", ".pth", ".ckpt", ".pkl")


def choose_device(requested: str = "auto") -> tuple[str, Any]:
    """The device and dtype to run on: CUDA (bf16 or fp16), then MPS (fp16), then CPU (fp32)."""
    if requested in ("auto", "cuda") and torch.cuda.is_available():
        return "cuda", torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    if requested in ("auto", "mps") and torch.backends.mps.is_available():
        return "mps", torch.float16
    return "cpu", torch.float32


def check_model_dir(path: Path) -> None:
    """Refuse anything but a local safetensors model without custom code."""
    if not path.is_dir() or not (path / "config.json").is_file():
        raise ModelFileMissing(
            say(
                f"{path} 폴더는 모델 폴더가 아닙니다(config.json 없음).",
                f"{path} is not a model folder (no config.json).",
            )
        )
    if not list(path.glob("*.safetensors")):
        if any(p.suffix in PICKLE_SUFFIXES for p in path.iterdir()):
            raise ModelFileInvalid(
                say(
                    "이 모델의 가중치는 pickle 형식(.bin/.pt)이라 불러올 때 코드가 "
                    "실행될 수 있습니다. safetensors 모델만 받습니다.",
                    "This model ships pickle weights (.bin/.pt), which can run code when loaded; "
                    "only safetensors models are accepted.",
                )
            )
        raise ModelFileInvalid(
            say(
                f"{path} 폴더에 .safetensors 가중치가 없습니다.",
                f"{path} holds no .safetensors weights.",
            )
        )
    try:
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelFileInvalid(
            say("모델의 config.json을 읽을 수 없습니다.", "The model's config.json is unreadable."),
            str(exc),
        ) from exc
    if "auto_map" in config:
        raise ModelFileInvalid(
            say(
                "이 모델은 실행에 자체 Python 코드(auto_map)가 필요합니다. "
                "원격 코드는 허용하지 않습니다.",
                "This model needs its own Python code to run (auto_map); "
                "remote code is not allowed.",
            )
        )


class TransformersBackend:
    name: ClassVar[str] = "transformers"
    capabilities: ClassVar[Capabilities] = Capabilities(
        streaming=True, json_schema=True, token_ids=True, prefix_cache=False, gpu=True
    )

    def __init__(self) -> None:
        self._model: Any = None
        self._tokenizer: Any = None
        self._n_ctx = 0
        self._n_batch = 256
        self.device = "cpu"
        self._eos: set[int] = set()
        self._lltokenizer: Any = None
        self._cache_kwarg = False

    def load(self, options: LoadOptions) -> None:
        path = Path(options.model_path)
        check_model_dir(path)
        self.close()
        self.device, dtype = choose_device(options.device)
        common = {"local_files_only": True, "trust_remote_code": False}
        try:
            self._tokenizer = AutoTokenizer.from_pretrained(str(path), **common)
            model = AutoModelForCausalLM.from_pretrained(
                str(path), use_safetensors=True, dtype=dtype, **common
            )
            self._model = model.to(self.device).eval()  # type: ignore[arg-type]
        except torch.OutOfMemoryError as exc:
            raise OutOfMemory(
                say(
                    "이 모델을 올릴 GPU 메모리가 부족합니다.",
                    "Not enough GPU memory for this model.",
                ),
                str(exc),
            ) from exc
        except (OSError, ValueError, RuntimeError) as exc:
            raise ModelLoadError(
                say(
                    f"transformers가 {path.name} 모델을 불러오지 못했습니다.",
                    f"transformers could not load {path.name}.",
                ),
                str(exc),
            ) from exc
        self._n_ctx = min(
            options.n_ctx, int(getattr(model.config, "max_position_embeddings", options.n_ctx))
        )
        self._n_batch = options.n_batch
        self._cache_kwarg = "cache" in inspect.signature(model.forward).parameters
        eos = model.generation_config.eos_token_id or self._tokenizer.eos_token_id
        self._eos = set(eos if isinstance(eos, list) else [eos] if eos is not None else [])
        im_end = self._tokenizer.convert_tokens_to_ids("<|im_end|>")
        if isinstance(im_end, int) and im_end != self._tokenizer.unk_token_id:
            self._eos.add(im_end)

    @property
    def n_ctx(self) -> int:
        return self._n_ctx

    @property
    def tokenizer(self) -> Any:
        if self._tokenizer is None:
            raise NotLoaded(say("불러온 모델이 없습니다.", "No model is loaded."))
        return self._tokenizer

    @property
    def has_chat_template(self) -> bool:
        return bool(self.tokenizer.chat_template)

    def tokenize(self, text: str) -> list[int]:
        return list(self.tokenizer(text, add_special_tokens=False)["input_ids"])

    def count_tokens(self, text: str) -> int:
        return len(self.tokenize(text))

    def render_chat(self, messages: Sequence[Message], add_generation_prompt: bool = True) -> str:
        tok = self.tokenizer
        return render_chat(
            tok.chat_template,
            messages,
            add_generation_prompt=add_generation_prompt,
            bos_token=tok.bos_token or "",
            eos_token=tok.eos_token or "",
        )

    def _forward(self, input_ids: Any, cache: Any) -> Any:
        # transformers 5.24 renamed past_key_values to cache (the old name warns, then goes)
        key = "cache" if self._cache_kwarg else "past_key_values"
        return self._model(input_ids=input_ids, use_cache=True, **{key: cache})

    def _cache_of(self, out: Any) -> Any:
        return out.cache if self._cache_kwarg else out.past_key_values

    def _constraint(self, params: SamplingParams, n_vocab: int) -> Constraint | None:
        if params.json_schema is None:
            return None
        if self._lltokenizer is None:
            from llguidance.hf import from_tokenizer

            self._lltokenizer = from_tokenizer(self.tokenizer, n_vocab=n_vocab)
        return Constraint(self._lltokenizer, json_grammar(params.json_schema), n_vocab)

    def _next_token(
        self, logits: Any, params: SamplingParams, recent: list[int], generator: Any
    ) -> int:
        """llama.cpp's chain: the repeat penalty over the last ``PENALTY_WINDOW`` generated
        tokens, then top-k, top-p and temperature (or greedy)."""
        if params.repeat_penalty != 1.0 and recent:
            seen = torch.tensor(sorted(set(recent[-PENALTY_WINDOW:])), device=logits.device)
            values = logits[seen]
            logits[seen] = torch.where(
                values > 0, values / params.repeat_penalty, values * params.repeat_penalty
            )
        if params.temperature <= 0:
            return int(torch.argmax(logits))
        if params.top_k > 0:
            kth = torch.topk(logits, min(params.top_k, logits.shape[-1])).values[-1]
            logits = logits.masked_fill(logits < kth, -float("inf"))
        probs = torch.softmax(logits, dim=-1)
        if params.top_p < 1.0:
            sorted_probs, order = torch.sort(probs, descending=True)
            keep = torch.cumsum(sorted_probs, dim=-1) - sorted_probs < params.top_p
            mask = torch.zeros_like(probs, dtype=torch.bool)
            mask[order[keep]] = True
            logits = logits.masked_fill(~mask, -float("inf"))
        probs = torch.softmax(logits / params.temperature, dim=-1)
        return int(torch.multinomial(probs, 1, generator=generator))

    def _choose(
        self,
        logits: Any,
        params: SamplingParams,
        recent: list[int],
        generator: Any,
        constraint: Constraint | None,
    ) -> int:
        logits = logits.float().clone()
        token = self._next_token(logits.clone(), params, recent, generator)
        if constraint is not None:
            if not constraint.allows(token):
                allowed = torch.from_numpy(constraint.allowed()).to(logits.device)
                logits = logits.masked_fill(~allowed, -float("inf"))
                token = self._next_token(logits, params, recent, generator)
            constraint.accept(token)
        return token

    def stream(
        self,
        prompt: str | Sequence[int],
        params: SamplingParams,
        cancel: threading.Event,
        on_progress: ProgressCallback | None = None,
    ) -> Iterator[Chunk]:
        if self._model is None:
            raise NotLoaded(say("불러온 모델이 없습니다.", "No model is loaded."))
        tokens = self.tokenize(prompt) if isinstance(prompt, str) else list(prompt)
        check_fits_context(len(tokens), params.max_tokens, self._n_ctx)
        generator = torch.Generator(device="cpu" if self.device == "mps" else self.device)
        generator.manual_seed(params.seed if params.seed is not None else 0)
        past = None
        out = None
        with torch.inference_mode():
            for start in range(0, len(tokens), self._n_batch):
                if cancel.is_set():
                    raise GenerationCancelled(say("취소했습니다.", "Cancelled."))
                chunk = torch.tensor([tokens[start : start + self._n_batch]], device=self.device)
                out = self._forward(chunk, past)
                past = self._cache_of(out)
                if on_progress:
                    on_progress(
                        Progress("prompt", min(start + self._n_batch, len(tokens)), len(tokens))
                    )
            produced: list[int] = []
            emitted = ""
            constraint = None
            if out is not None:
                constraint = self._constraint(params, int(out.logits.shape[-1]))
            while out is not None and len(produced) < params.max_tokens:
                if cancel.is_set():
                    raise GenerationCancelled(say("취소했습니다.", "Cancelled."))
                logits = out.logits[0, -1]
                token = self._choose(logits, params, produced, generator, constraint)
                if token in self._eos:
                    return
                batch = [token]
                if constraint is not None:
                    batch += constraint.forced()[: params.max_tokens - len(produced) - 1]
                for item in batch:
                    produced.append(item)
                    text = self._tokenizer.decode(produced, skip_special_tokens=True)
                    piece = "" if text.endswith("\ufffd") else text[len(emitted) :]
                    emitted += piece
                    yield Chunk(piece, item)
                if on_progress:
                    on_progress(Progress("tokens", len(produced), params.max_tokens))
                if (constraint is not None and constraint.finished) or any(
                    s in emitted for s in params.stop
                ):
                    return
                out = self._forward(torch.tensor([batch], device=self.device), self._cache_of(out))

    def close(self) -> None:
        self._model = None
        self._tokenizer = None
        self._lltokenizer = None
        if torch.cuda.is_available():
            torch.cuda.empty_cache()
