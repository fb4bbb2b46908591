"""A first draft from the user's keywords or notes, sized to the question's limit."""

from __future__ import annotations

from typing import Final

from desktop.engine.backend import Backend, Message, SamplingParams, check_fits_context
from desktop.engine.errors import GenerationCancelled
from desktop.engine.tasks.essay import EssayRequest
from desktop.engine.tasks.io import TaskIO
from desktop.writing.counting import count
from desktop.writing.sentences import sentence_spans

TARGET_FILL: Final = 0.85
DEFAULT_TARGET: Final = 700
_SYSTEM: Final = {
    "ko": (
        "당신은 자기소개서 초안을 쓰는 조수입니다. 사용자의 메모에 있는 사실만으로 "
        "두괄식 초안을 합쇼체로 씁니다. 첫 줄에 [소제목]을 붙입니다. 메모에 없는 숫자, 이름, "
        "날짜는 지어내지 않고, 필요하면 (숫자)처럼 빈칸으로 둡니다. "
        "초안만 쓰고 다른 말은 하지 않습니다."
    ),
    "en": (
        "You draft cover-letter answers from the writer's own notes: key point first, short "
        "sentences, only facts from the notes. Where a number or name is missing, leave a gap "
        "like (number) instead of inventing one. Write only the draft."
    ),
}


def draft_messages(request: EssayRequest, notes: str, target: int) -> list[Message]:
    if request.lang == "en":
        unit = "words" if request.profile == "words" else "characters"
        user = (
            f"Company: {request.company}\nRole: {request.role}\nQuestion: {request.question}\n"
            f"Length: about {target} {unit}\n\nMy notes:\n{notes}"
        )
        return [{"role": "system", "content": _SYSTEM["en"]}, {"role": "user", "content": user}]
    user = (
        f"회사: {request.company}\n직무: {request.role}\n문항: {request.question}\n"
        f"분량: 약 {target:,}자\n\n내 메모:\n{notes}"
    )
    return [{"role": "system", "content": _SYSTEM["ko"]}, {"role": "user", "content": user}]


def target_length(request: EssayRequest) -> int:
    return int((request.limit or DEFAULT_TARGET) * TARGET_FILL)


def trim_to_limit(text: str, limit: int | None, profile: str) -> str:
    """``text`` cut after its last whole sentence within ``limit`` (unchanged if it fits)."""
    text = text.strip()
    if limit is None or count(text, profile) <= limit:
        return text
    kept = ""
    for _, end in sentence_spans(text):
        if count(text[:end], profile) > limit:
            break
        kept = text[:end]
    return kept


def draft(
    backend: Backend,
    request: EssayRequest,
    notes: str,
    io: TaskIO,
    *,
    seed: int | None = None,
    temperature: float = 0.7,
) -> str:
    """Stream a draft to ``io.on_text``; returns it trimmed to the question's limit."""
    target = target_length(request)
    prompt = backend.render_chat(draft_messages(request, notes, target))
    prompt_tokens = backend.count_tokens(prompt)
    # Korean runs about one token per character in small models' vocabularies; leave room.
    max_tokens = min(int(target * 1.5) + 64, backend.n_ctx - prompt_tokens)
    check_fits_context(prompt_tokens, max_tokens, backend.n_ctx)
    params = SamplingParams(
        max_tokens=max_tokens, temperature=temperature, top_p=0.9, repeat_penalty=1.1, seed=seed
    )
    text = ""
    for chunk in backend.stream(prompt, params, io.cancel, io.on_progress):
        text += chunk.text
        io.on_text(chunk.text)
        if request.limit is not None and count(text, request.profile) > request.limit * 1.1:
            break
    if io.cancel.is_set():
        raise GenerationCancelled("Cancelled.")
    return trim_to_limit(text, request.limit, request.profile)
