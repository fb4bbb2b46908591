"""Continuation suggestions: several one-sentence candidates for what comes next.

The prompt keeps everything stable first (instructions, company, role, question) and ends with
the answer itself as the start of the assistant's reply, so after one more typed word the
llama.cpp backend evaluates only the new tokens (DESIGN §3).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from typing import Any, Final

from desktop.engine.backend import Backend, Message, SamplingParams
from desktop.engine.errors import GenerationCancelled
from desktop.engine.prompts import fit_context
from desktop.engine.tasks.essay import EssayRequest
from desktop.engine.tasks.io import TaskIO
from desktop.writing.counting import count
from desktop.writing.fabrication import fabrication_flags
from desktop.writing.flags import Flag
from desktop.writing.sentences import first_sentence

CANDIDATE_TOKENS: Final = 48
DEFAULT_PARAMS: Final = SamplingParams(
    max_tokens=CANDIDATE_TOKENS, temperature=0.9, top_p=0.9, top_k=40, repeat_penalty=1.1
)
_SYSTEM: Final = {
    "ko": (
        "당신은 한국어 자기소개서 작성을 돕는 조수입니다. 사용자가 쓰던 답변을 이어서 "
        "자연스러운 한 문장만 씁니다. 합쇼체(~습니다)를 지키고, 사용자가 쓰지 않은 숫자, "
        "이름, 날짜는 지어내지 않습니다."
    ),
    "en": (
        "You help a job seeker write a cover letter. Continue their text with one natural "
        "sentence in the same voice. Never invent numbers, names or dates they did not write."
    ),
}


@dataclass(frozen=True)
class AttemptStarted:
    """Streamed text from here on belongs to a new attempt (the last one is dropped)."""

    attempt: int


@dataclass(frozen=True)
class Candidate:
    """One continuation, with its cost against the limit and its fabrication flags."""

    index: int
    text: str
    cost: int
    remaining_after: int | None
    flags: tuple[Flag, ...] = field(default_factory=tuple)

    @property
    def fits(self) -> bool:
        return self.remaining_after is None or self.remaining_after >= 0

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "cost": self.cost,
            "remaining_after": self.remaining_after,
            "fits": self.fits,
            "flags": [flag.to_json() for flag in self.flags],
        }


def header_messages(request: EssayRequest) -> list[Message]:
    lang = "en" if request.lang == "en" else "ko"
    if lang == "ko":
        lines = [f"회사: {request.company}", f"직무: {request.role}", f"문항: {request.question}"]
        ask = "아래에 이어질 답변을 쓰세요."
    else:
        lines = [f"Company: {request.company}", f"Role: {request.role}"]
        lines.append(f"Question: {request.question}")
        ask = "Write the answer that follows."
    user = "\n".join(line for line in lines if not line.endswith(": ")) + "\n\n" + ask
    return [{"role": "system", "content": _SYSTEM[lang]}, {"role": "user", "content": user}]


def continuation_prompt(backend: Backend, request: EssayRequest, max_tokens: int) -> str:
    """The chat header, then as much of the answer's end as fits the context."""
    header = backend.render_chat(header_messages(request))
    fitted = fit_context(
        fixed_tokens=backend.count_tokens(header),
        context=request.text,
        count_tokens=backend.count_tokens,
        budget=backend.n_ctx - max_tokens,
    )
    return header + fitted.context


def join_piece(text: str, piece: str) -> str:
    """``piece`` as it should be inserted after ``text`` (a space after a finished sentence)."""
    if not piece.strip():
        return ""
    if text and not text[-1].isspace() and text[-1] in ".!?。" and not piece[0].isspace():
        return " " + piece
    if not text or text[-1].isspace():
        return piece.lstrip(" ")
    return piece


def _normal(text: str) -> str:
    return " ".join(text.split())


def suggest(
    backend: Backend,
    request: EssayRequest,
    io: TaskIO,
    *,
    n: int = 4,
    params: SamplingParams = DEFAULT_PARAMS,
    seed: int | None = None,
    ui_lang: str | None = None,
) -> list[Candidate]:
    """Up to ``n`` distinct candidates, each stopped at its first sentence end.

    Candidate ``i`` is sampled with seed ``seed + i`` (from the clock when ``seed`` is None);
    duplicates and empty ones are sampled again, at most ``2 * n`` attempts. ``io.on_event``
    gets ``AttemptStarted`` before each attempt's text streams to ``io.on_text``, and each
    finished ``Candidate``.
    """
    prompt = continuation_prompt(backend, request, params.max_tokens)
    # Token ids let the llama.cpp backend skip re-tokenizing; a remote server takes the text.
    tokens: str | list[int] = backend.tokenize(prompt) if backend.capabilities.token_ids else prompt
    base = seed if seed is not None else int(time.time() * 1000) % 1_000_000
    context = request.check_context(ui_lang)
    source = request.source_text()
    candidates: list[Candidate] = []
    seen: set[str] = set()
    for attempt in range(2 * n):
        if len(candidates) >= n:
            break
        raw, shown = "", ""
        io.on_event(AttemptStarted(attempt))
        attempt_params = replace(params, seed=base + attempt)
        for chunk in backend.stream(tokens, attempt_params, io.cancel, io.on_progress):
            raw += chunk.text
            cut = first_sentence(raw)
            visible = join_piece(request.text, cut if cut is not None else raw)
            if len(visible) > len(shown) and visible.startswith(shown):
                io.on_text(visible[len(shown) :])
                shown = visible
            if cut is not None:
                break
        if io.cancel.is_set():
            raise GenerationCancelled("Cancelled.")
        text = join_piece(request.text, first_sentence(raw) or raw).rstrip()
        if not text.strip() or _normal(text) in seen:
            continue
        seen.add(_normal(text))
        cost = count(request.text + text, request.profile) - count(request.text, request.profile)
        remaining = request.remaining
        candidate = Candidate(
            index=len(candidates),
            text=text,
            cost=cost,
            remaining_after=None if remaining is None else remaining - cost,
            flags=tuple(fabrication_flags(text, source, context)),
        )
        candidates.append(candidate)
        io.on_event(candidate)
    return candidates
