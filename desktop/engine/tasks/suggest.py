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
from desktop.engine.gate_tasks import judge_candidate
from desktop.engine.prompts import fit_context
from desktop.engine.tasks.io import TaskIO
from desktop.messages import say
from desktop.writing.candidates import ends_paragraph, reject_reason
from desktop.writing.counting import count
from desktop.writing.essay import EssayRequest
from desktop.writing.fabrication import fabrication_flags
from desktop.writing.flags import Flag
from desktop.writing.sentences import first_sentence

CANDIDATE_TOKENS: Final = 48
ATTEMPTS_PER_CANDIDATE: Final = 3
EMPTY: Final = "empty"
DUPLICATE: Final = "duplicate"
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
class Rejected:
    """A finished attempt that is not shown, and why (``candidates.REASONS``, empty, duplicate)."""

    reason: str
    text: str


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
    """A chat model's instructions: the system turn, then company, role and question."""
    lang = "en" if request.lang == "en" else "ko"
    if lang == "ko":
        ask = "아래에 이어질 답변을 쓰세요."
    else:
        ask = "Write the answer that follows."
    user = _header_lines(request) + "\n\n" + ask
    return [{"role": "system", "content": _SYSTEM[lang]}, {"role": "user", "content": user}]


_LABELS: Final = {"en": ("Company", "Role", "Question"), "ko": ("회사", "직무", "문항")}


def _header_lines(request: EssayRequest) -> str:
    labels = _LABELS["en" if request.lang == "en" else "ko"]
    values = (request.company, request.role, request.question)
    return "\n".join(
        f"{label}: {value}" for label, value in zip(labels, values, strict=True) if value
    )


def plain_header(request: EssayRequest) -> list[Message]:
    """A base model's prompt: the application's header as a document the answer follows."""
    return [{"role": "user", "content": _header_lines(request)}]


def continuation_prompt(backend: Backend, request: EssayRequest, reserve_tokens: int) -> str:
    """The header, then as much of the answer's end as fits the context.

    A chat model gets its own template with the instructions; a base model (no template) gets
    a plain document, company, role and question, then the answer itself, which it continues.
    """
    messages = header_messages(request) if backend.has_chat_template else plain_header(request)
    header = backend.render_chat(messages)
    fitted = fit_context(
        fixed_tokens=backend.count_tokens(header),
        context=request.text,
        count_tokens=backend.count_tokens,
        budget=backend.n_ctx - reserve_tokens,
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


def shape(answer: str, raw: str) -> str:
    """What of the raw continuation is shown: its first sentence, joined to the answer.

    A leading line break (a new paragraph) is kept only where the answer ends a sentence.
    """
    cut = first_sentence(raw)
    piece = cut if cut is not None else raw
    if piece.lstrip(" \t").startswith("\n") and not ends_paragraph(answer):
        piece = piece.lstrip()
    return join_piece(answer, piece)


def _normal(text: str) -> str:
    return " ".join(text.split())


@dataclass
class _Round:
    """The attempts of one batch of parallel sequences, and what streams to the ghost text."""

    first_attempt: int
    raw: dict[int, str] = field(default_factory=dict)
    shown: str = ""


class _Collector:
    """Turns finished attempts into candidates: screened, de-duplicated, costed, flagged."""

    def __init__(self, request: EssayRequest, io: TaskIO, ui_lang: str | None, n: int) -> None:
        self.request = request
        self.io = io
        self.n = n
        self.context = request.check_context(ui_lang)
        self.source = request.source_text()
        self.labels = {
            label.casefold() for label in _LABELS["en" if request.lang == "en" else "ko"]
        }
        self.candidates: list[Candidate] = []
        self.seen: set[str] = set()

    @property
    def full(self) -> bool:
        return len(self.candidates) >= self.n

    def finish(self, raw: str) -> None:
        request = self.request
        text = shape(request.text, raw).rstrip()
        reason: str | None
        if not text.strip():
            reason = EMPTY
        elif _normal(text) in self.seen:
            reason = DUPLICATE
        else:
            reason = reject_reason(text, request.text) or judge_candidate(
                text, self.source, self.labels
            )
        if reason is not None:
            self.io.on_event(Rejected(reason, text))
            return
        if self.full:
            return
        self.seen.add(_normal(text))
        cost = count(request.text + text, request.profile) - count(request.text, request.profile)
        remaining = request.remaining
        candidate = Candidate(
            index=len(self.candidates),
            text=text,
            cost=cost,
            remaining_after=None if remaining is None else remaining - cost,
            flags=tuple(fabrication_flags(text, self.source, self.context)),
        )
        self.candidates.append(candidate)
        self.io.on_event(candidate)


def _stream_visible(io: TaskIO, answer: str, state: _Round, raw: str) -> None:
    visible = shape(answer, raw)
    if len(visible) > len(state.shown) and visible.startswith(state.shown):
        io.on_text(visible[len(state.shown) :])
        state.shown = visible


def _one_by_one(
    backend: Backend,
    tokens: str | list[int],
    params: list[SamplingParams],
    first_attempt: int,
    collector: _Collector,
) -> None:
    io = collector.io
    for offset, attempt_params in enumerate(params):
        if collector.full:
            return
        state = _Round(first_attempt + offset)
        io.on_event(AttemptStarted(state.first_attempt))
        raw = ""
        for chunk in backend.stream(tokens, attempt_params, io.cancel, io.on_progress):
            raw += chunk.text
            _stream_visible(io, collector.request.text, state, raw)
            if first_sentence(raw, streaming=True) is not None:
                break
        if io.cancel.is_set():
            raise GenerationCancelled(say("취소했습니다.", "Cancelled."))
        collector.finish(raw)


def _together(
    backend: Backend,
    tokens: str | list[int],
    params: list[SamplingParams],
    first_attempt: int,
    collector: _Collector,
) -> None:
    """One batch of parallel sequences; sequence 0 streams into the ghost text."""
    io = collector.io
    state = _Round(first_attempt)
    io.on_event(AttemptStarted(first_attempt))
    stream_many = backend.stream_many  # type: ignore[attr-defined]

    def done(_index: int, raw: str) -> bool:
        return collector.full or first_sentence(raw, streaming=True) is not None

    for index, chunk in stream_many(tokens, params, io.cancel, io.on_progress, done):
        if chunk is None:
            collector.finish(state.raw.get(index, ""))
            continue
        state.raw[index] = state.raw.get(index, "") + chunk.text
        if index == 0:
            _stream_visible(io, collector.request.text, state, state.raw[0])
    if io.cancel.is_set():
        raise GenerationCancelled(say("취소했습니다.", "Cancelled."))


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
    """Up to ``n`` distinct candidates worth showing, each stopped at its first sentence end.

    Attempt ``i`` is sampled with seed ``seed + i`` (from the clock when ``seed`` is None).
    A backend that decodes several sequences at once gets the attempts in batches over one
    evaluated prompt; others get them one by one. Empty, duplicate, degenerate, fragmentary
    and wrong-script attempts, and those that leak a header line of the prompt or name a
    company, outlet or person the user never wrote (``gate_tasks.judge_candidate``), are
    reported as ``Rejected`` and sampled again, at most
    ``ATTEMPTS_PER_CANDIDATE * n`` attempts. ``io.on_event`` gets ``AttemptStarted`` before an
    attempt's (or a batch's first sequence's) text streams to ``io.on_text``, and each
    finished ``Candidate``.
    """
    parallel = max(1, min(backend.capabilities.parallel, n + 1)) if n > 1 else 1
    prompt = continuation_prompt(backend, request, params.max_tokens * parallel)
    # Token ids let the llama.cpp backend skip re-tokenizing; a remote server takes the text.
    tokens: str | list[int] = backend.tokenize(prompt) if backend.capabilities.token_ids else prompt
    base = seed if seed is not None else int(time.time() * 1000) % 1_000_000
    collector = _Collector(request, io, ui_lang, n)
    budget = ATTEMPTS_PER_CANDIDATE * n
    attempt = 0
    while not collector.full and attempt < budget:
        wanted = min(n - len(collector.candidates), budget - attempt)
        # Batches ask for what is missing plus a spare, since some attempts are rejected.
        size = min(parallel, wanted + 1, budget - attempt) if parallel > 1 else 1
        batch = [replace(params, seed=base + attempt + i) for i in range(size)]
        run = _together if size > 1 else _one_by_one
        run(backend, tokens, batch, attempt, collector)
        attempt += size
    return collector.candidates
