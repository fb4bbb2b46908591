"""A first draft from the user's keywords or notes, sized to the question's limit."""

from __future__ import annotations

from typing import Final

import regex

from desktop.engine.backend import Backend, Message, SamplingParams, check_fits_context
from desktop.engine.errors import GenerationCancelled, OutputRejected
from desktop.engine.gate_tasks import GateRecord, header_labels, instructions, judge_draft
from desktop.engine.qualification import DRAFT, not_qualified
from desktop.engine.structured import ATTEMPTS
from desktop.engine.tasks.io import TaskIO
from desktop.messages import say
from desktop.writing.candidates import script_of
from desktop.writing.counting import count
from desktop.writing.essay import EssayRequest
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


def plain_draft_messages(request: EssayRequest, notes: str) -> list[Message]:
    """A base model's prompt: the application, the notes, then the answer's heading."""
    if request.lang == "en":
        head = f"Company: {request.company}\nRole: {request.role}\nQuestion: {request.question}"
        body = f"{head}\n\nNotes: {notes}\n\nAnswer:"
    else:
        head = f"회사: {request.company}\n직무: {request.role}\n문항: {request.question}"
        body = f"{head}\n\n메모: {notes}\n\n답변:"
    return [{"role": "user", "content": body}]


def finish_draft(text: str, request: EssayRequest) -> str:
    """The draft's sentences in the answer's language, ending on a whole sentence within the
    limit: a sentence in another script ends it, and so does the first one past the limit."""
    want = "latin" if request.lang == "en" else "hangul"
    text = text.strip()
    kept_end = 0
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if script_of(sentence) != want and regex.search(r"\p{L}", sentence):
            break
        if request.limit is not None and count(text[:end], request.profile) > request.limit:
            break
        if sentence[-1] in ".!?。…" or sentence.endswith(("다", "요")):
            kept_end = end
    return text[:kept_end].strip()


def target_length(request: EssayRequest) -> int:
    return int((request.limit or DEFAULT_TARGET) * TARGET_FILL)


def draft(
    backend: Backend,
    request: EssayRequest,
    notes: str,
    io: TaskIO,
    *,
    seed: int | None = None,
    temperature: float = 0.7,
    record: GateRecord | None = None,
) -> str:
    """A draft trimmed to the question's limit, sent whole to ``io.on_text`` once it passed the
    output gate (no list of the notes, no prompt header, the essay's language). A rejected
    draft is sampled again with the next seed; when every attempt is rejected,
    ``OutputRejected`` says this model cannot draft. ``record`` gets the gate's verdicts."""
    if not io.allowed(DRAFT):
        raise not_qualified(DRAFT, None)
    target = target_length(request)
    messages = (
        draft_messages(request, notes, target)
        if backend.has_chat_template
        else plain_draft_messages(request, notes)
    )
    prompt = backend.render_chat(messages)
    prompt_tokens = backend.count_tokens(prompt)
    # Korean runs about one token per character in small models' vocabularies; leave room.
    max_tokens = min(int(target * 1.5) + 64, backend.n_ctx - prompt_tokens)
    check_fits_context(prompt_tokens, max_tokens, backend.n_ctx)
    lang = "en" if request.lang == "en" else "ko"
    # The notes are the user's: a draft may use their words, never their list.
    judged = instructions(
        messages, [notes, request.company, request.role, request.question, request.text]
    )
    labels = header_labels(messages)
    record = record if record is not None else GateRecord()
    details = ""
    for attempt in range(ATTEMPTS):
        params = SamplingParams(
            max_tokens=max_tokens, temperature=temperature, top_p=0.9, repeat_penalty=1.1,
            seed=None if seed is None else seed + attempt,
        )  # fmt: skip
        raw = _generate(backend, prompt, params, request, io)
        text = finish_draft(raw, request)
        verdicts = judge_draft(text, raw, notes, judged, labels, lang, request.source_text())
        if not verdicts:
            record.passed = True
            io.on_text(text)
            return text
        record.reject(verdicts)
        details = "\n".join(f"{v.reason}: {v.text[:200]}" for v in verdicts)
    raise OutputRejected(
        say(
            "이 모델로는 메모에서 초안을 쓸 수 없습니다. 모델의 초안이 점검을 통과하지 "
            f"못했습니다 ({record.reasons()}).",
            "This model cannot draft from your notes: its drafts failed the output check "
            f"({record.reasons()}).",
        ),
        details,
        dict(record.rejected),
    )


def _generate(
    backend: Backend, prompt: str, params: SamplingParams, request: EssayRequest, io: TaskIO
) -> str:
    text = ""
    for chunk in backend.stream(prompt, params, io.cancel, io.on_progress):
        text += chunk.text
        if request.limit is not None and count(text, request.profile) > request.limit * 1.1:
            break
    if io.cancel.is_set():
        raise GenerationCancelled(say("취소했습니다.", "Cancelled."))
    return text
