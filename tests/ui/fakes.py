"""A fake backend at the engine boundary for UI tests: scripted text, optional delay, cancel."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

from desktop.engine.backend import (
    Capabilities,
    Chunk,
    LoadOptions,
    Message,
    Progress,
    ProgressCallback,
    SamplingParams,
)
from desktop.engine.errors import GenerationCancelled, ModelLoadError, OutOfMemory
from desktop.engine.tasks.critique_schema import DIMENSIONS


def continuation(seed: int | None, sentences: Sequence[str] = ()) -> list[str]:
    """The pieces streamed for a continuation with ``seed`` (one sentence, then more)."""
    if sentences:
        words = sentences[(seed or 0) % len(sentences)].split(" ")
        return [" " + word for word in words if word] + [" 다음", " 문장"]
    number = (seed or 0) % 1000
    return [" 후보", f" {number}번", " 문장입니다.", " 다음", " 문장"]


DRAFT = (" 후보", " 초안입니다.", " 다음", " 문장")
BROKEN_ESCAPE = "깨진 글자"  # an answer holding this gets a critique with an escaped lone surrogate


def _quote_options(schema: dict[str, Any] | None, key: str) -> list[str] | None:
    """The quotes a constrained backend may write (the enum of the answer's spans), if any."""
    if schema is None:
        return None
    item = schema["properties"][key]["items"]["properties"]["quote"]
    return list(item["enum"]) if "enum" in item else None


def _fit(quote: str, options: list[str] | None) -> str:
    """``quote`` as a constrained backend could write it: an option holding it, else empty."""
    if options is None:
        return quote
    return next((option for option in options if quote and quote in option), "")


def critique_json(answer: str, schema: dict[str, Any] | None = None) -> str:
    """A critique as a constrained backend writes it: the quote of a strength is the answer's
    last span, the improvement's quote one it made up (empty once constrained)."""
    quote = answer.split("\n")[-1][:12] if answer else ""
    strength_quote = _fit(quote, _quote_options(schema, "strengths"))
    improvement_quote = _fit("없는 구절", _quote_options(schema, "improvements"))
    if _english(schema):  # the schema of an English essay asks for English prose
        return json.dumps(_english_critique(strength_quote, improvement_quote))
    scores = {
        name: {"score": 3 + i % 3, "rationale": f"근거 번호 {i}"}
        for i, name in enumerate(DIMENSIONS)
    }
    data = {
        "scores": scores,
        "strengths": [{"point": "구체적인 숫자가 있습니다", "quote": strength_quote}],
        "improvements": [
            {
                "issue": "회사 연결이 약합니다",
                "why": "직무와의 관계가 드러나지 않습니다",
                "suggestion": "지원 직무의 업무와 연결하세요",
                "severity": "major",
                "quote": improvement_quote,
            }
        ],
        "summary": "근거는 좋지만 회사와의 연결이 약합니다.",
        "top_fixes": ["회사와 직무를 연결하기"],
    }
    text = json.dumps(data, ensure_ascii=False)
    if BROKEN_ESCAPE in answer:  # the grammar allows any \\uXXXX, a lone surrogate too
        text = text.replace("근거는", "근거는\\udc80", 1)
    return text


def _english(schema: dict[str, Any] | None) -> bool:
    if schema is None:
        return False
    score = schema["properties"]["scores"]["properties"][DIMENSIONS[0]]["properties"]
    return "A-Za-z" in str(score["rationale"].get("pattern", ""))


def _english_critique(strength_quote: str, improvement_quote: str) -> dict[str, Any]:
    reasons = (
        "Answers the motive but not the first-year aim",
        "Numbers carry the result well",
        "The role is named but not the team",
        "Short paragraphs in a clear order",
        "A concrete fix of its own",
        "Clean spelling throughout the answer",
    )
    return {
        "scores": {
            name: {"score": 3 + i % 3, "rationale": reasons[i]} for i, name in enumerate(DIMENSIONS)
        },
        "strengths": [{"point": "Specific figures back the claim", "quote": strength_quote}],
        "improvements": [
            {
                "issue": "The link to the company is weak",
                "why": "A reader cannot see why this company rather than another",
                "suggestion": "Say what you would do in this team in your first year",
                "severity": "major",
                "quote": improvement_quote,
            }
        ],
        "summary": "Good evidence, but the answer does not say why this company.",
        "top_fixes": ["Tie the experience to this company's work"],
    }


def questions_json(schema: dict[str, Any] | None = None) -> str:
    """Interview questions; unconstrained, one that is no question (the filter drops it)."""
    options = None
    if schema is not None:
        quote = schema["properties"]["questions"]["items"]["properties"]["quote"]
        options = list(quote["enum"]) if "enum" in quote else None
    questions = [
        {"question": "오차율을 낮춘 방법을 설명해 주시겠습니까?", "quote": "바코드 재확인"},
        {"question": "입사 후 3년 동안 무엇을 하시겠습니까?", "quote": "입사 후 3년 안에"},
        {"question": "이 문장은 질문이 아님", "quote": ""},
    ]
    for item in questions:
        item["quote"] = _fit(item["quote"], options)
    if options is not None:  # the grammar holds a question to end with "?"
        questions = [q for q in questions if q["question"].endswith("?")]
        questions.append({"question": "다른 회사가 아니라 왜 이 회사입니까?", "quote": ""})
    return json.dumps({"questions": questions}, ensure_ascii=False)


def feedback_json() -> str:
    rationales = {
        "accuracy": "문장이 분명하고 사실을 정확히 말했습니다.",
        "relevance": "질문에 먼저 답했습니다.",
        "consistency": "자기소개서의 숫자와 같습니다.",
        "richness": "본인의 행동과 결과를 덧붙였습니다.",
    }
    data = {
        "scores": {name: {"score": 2, "rationale": text} for name, text in rationales.items()},
        "advice": "결과를 먼저 말하고 본인의 행동을 덧붙이세요.",
        "example_answer": "바코드 재확인 절차를 제안했습니다. 덕분에 매출이 99% 늘었습니다.",
    }
    return json.dumps(data, ensure_ascii=False)


class FakeBackend:
    """Streams scripted text; honours the cancel event between chunks like a real backend."""

    name: ClassVar[str] = "fake"
    capabilities: ClassVar[Capabilities] = Capabilities(json_schema=True, prefix_cache=True)

    def __init__(
        self,
        delay: float = 0.0,
        fail_load: bool = False,
        sentences: Sequence[str] = (),
        fail_on: str = "",
        gate: threading.Event | None = None,
    ) -> None:
        self.delay = delay
        self.gate = gate  # critiques wait until it is set (a cancel still stops them)
        self.reviewed: list[str] = []  # the answers critiqued, in order
        self.fail_on = fail_on  # a critique of an answer holding this text runs out of memory
        self.sentences = sentences
        self.fail_load = fail_load
        self.calls: list[SamplingParams] = []
        self.loaded = False
        self.model_path: Path | None = None
        self.ran_on: list[tuple[str, Path | None]] = []  # ("structured" | "text", model) per call

    def load(self, options: LoadOptions) -> None:
        if self.fail_load:
            raise ModelLoadError("The fake model cannot load.", "details of the failure")
        self.loaded = True
        self.model_path = options.model_path

    @property
    def n_ctx(self) -> int:
        return 8192

    def tokenize(self, text: str) -> list[int]:
        return [ord(c) for c in text]

    def count_tokens(self, text: str) -> int:
        return len(text)

    has_chat_template = True

    def render_chat(self, messages: Sequence[Message], add_generation_prompt: bool = True) -> str:
        return "".join(f"<{m['role']}>{m['content']}\n" for m in messages) + "<assistant>"

    def stream(
        self,
        prompt: str | Sequence[int],
        params: SamplingParams,
        cancel: threading.Event,
        on_progress: ProgressCallback | None = None,
    ) -> Iterator[Chunk]:
        self.calls.append(params)
        kind = "text" if params.json_schema is None else "structured"
        self.ran_on.append((kind, self.model_path))
        text = prompt if isinstance(prompt, str) else "".join(map(chr, prompt))
        if on_progress:
            on_progress(Progress("prompt", len(text), len(text)))
        if params.json_schema is not None:
            answer = text.split("<<<\n")[-1].split("\n>>>")[0]
            fields = params.json_schema["properties"]
            if "scores" in fields:
                self._wait_for_gate(cancel)
                self.reviewed.append(answer)
            if "questions" in fields:
                pieces = [questions_json(params.json_schema)]
            elif "example_answer" in fields:
                pieces = [feedback_json()]
            else:
                if self.fail_on and self.fail_on in answer:
                    raise OutOfMemory("The model ran out of memory.")
                pieces = [critique_json(answer, params.json_schema)]
        elif "메모:" in text or "notes:" in text.casefold():
            pieces = list(DRAFT)  # a draft from the notes (a seed's number would be invented)
        else:
            pieces = continuation(params.seed, self.sentences)
        for done, piece in enumerate(pieces, 1):
            if self.delay:
                time.sleep(self.delay)
            if cancel.is_set():
                raise GenerationCancelled("Cancelled.")
            yield Chunk(piece)
            if on_progress:
                on_progress(Progress("tokens", done, len(pieces)))

    def _wait_for_gate(self, cancel: threading.Event) -> None:
        while self.gate is not None and not self.gate.wait(0.02):
            if cancel.is_set():
                raise GenerationCancelled("Cancelled.")

    def close(self) -> None:
        self.loaded = False


def fake_factory(backend: FakeBackend) -> Any:
    return lambda _name: backend


class ServerFake(FakeBackend):
    """A fake server: calls may run at once from several threads; it counts how many did."""

    capabilities: ClassVar[Capabilities] = Capabilities(
        json_schema=True, prefix_cache=False, concurrent=True
    )

    def __init__(self, delay: float = 0.0, fail_on: str = "") -> None:
        super().__init__(delay=delay, fail_on=fail_on)
        self._lock = threading.Lock()
        self.active = 0
        self.most_at_once = 0

    def stream(
        self,
        prompt: str | Sequence[int],
        params: SamplingParams,
        cancel: threading.Event,
        on_progress: ProgressCallback | None = None,
    ) -> Iterator[Chunk]:
        with self._lock:
            self.active += 1
            self.most_at_once = max(self.most_at_once, self.active)
        try:
            yield from super().stream(prompt, params, cancel, on_progress)
        finally:
            with self._lock:
                self.active -= 1
