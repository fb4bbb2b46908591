"""Continuation suggestions on real weights: Gemma 3 270M (Korean, base) and SmolLM2 (English).

What random weights could never show: whether the prompt reads as the start of an answer to a
base model, and whether what reaches the user reads as writing. The screens of
``desktop/writing/candidates.py`` are checked here by independent, stricter rules over every
candidate shown, and the rejection counts are printed (``pytest -s``) for the closing notes.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import llama_cpp
import pytest
import regex

from desktop.engine.backend import LoadOptions, SamplingParams
from desktop.engine.errors import GenerationCancelled
from desktop.engine.llama_backend import LlamaCppBackend
from desktop.engine.tasks.io import TaskIO
from desktop.engine.tasks.suggest import (
    AttemptStarted,
    Candidate,
    Rejected,
    continuation_prompt,
    suggest,
)
from desktop.writing.candidates import DEGENERATE, FRAGMENT, MARKUP, SCRIPT, reject_reason
from desktop.writing.essay import EssayRequest

KOREAN = [
    EssayRequest(
        text="저는 물류센터에서 입고 기록 1,200건을 분석해 오차율을 3.5%에서 0.8%로 "
        "낮췄습니다. 이 경험을 살려",
        question="지원동기 (700자)",
        company="한빛물류",
        role="운송관리",
        limit=700,
    ),
    EssayRequest(
        text="대학 시절 학생회 예산을 관리하며 영수증 300장을 엑셀로 정리했습니다. "
        "그 과정에서 저는",
        question="직무 역량을 보여 준 경험을 쓰세요. (1,000자)",
        company="다온은행",
        role="기업금융",
        limit=1000,
    ),
    EssayRequest(
        text="고객 문의에 답하는 일을 하며 가장 크게 배운 것은 경청입니다.",
        question="성격의 장단점 (500자)",
        company="누리텔레콤",
        role="고객지원",
        limit=500,
    ),
]
ENGLISH = [
    EssayRequest(
        text="I am applying for the Junior Data Analyst role at Daon Bank because I enjoy "
        "turning messy data into decisions. In my internship, I",
        question="Why this role? (250-400 words)",
        company="Daon Bank",
        role="Junior Data Analyst",
        lang="en",
    ),
    EssayRequest(
        text="Last summer I rebuilt the volunteer schedule for a food bank of forty people.",
        question="Describe a time you improved a process.",
        company="Hanbit Logistics",
        role="Operations Intern",
        lang="en",
    ),
]


def _backend(path: Path) -> Iterator[LlamaCppBackend]:
    backend = LlamaCppBackend()
    backend.load(LoadOptions(path, n_ctx=2048))
    yield backend
    backend.close()


@pytest.fixture(scope="module")
def gemma(gemma_gguf: Path) -> Iterator[LlamaCppBackend]:
    yield from _backend(gemma_gguf)


@pytest.fixture(scope="module")
def smollm2(smollm2_gguf: Path) -> Iterator[LlamaCppBackend]:
    yield from _backend(smollm2_gguf)


def _run(
    backend: LlamaCppBackend, requests: list[EssayRequest], seed: int
) -> tuple[list[Candidate], Counter[str]]:
    shown: list[Candidate] = []
    rejected: Counter[str] = Counter()

    def on_event(event: object) -> None:
        if isinstance(event, Rejected):
            rejected[event.reason] += 1

    for offset, request in enumerate(requests):
        shown += suggest(backend, request, TaskIO(on_event=on_event), n=4, seed=seed + offset)
    return shown, rejected


_HANGUL = regex.compile(r"\p{Hangul}")
_LATIN = regex.compile(r"\p{Latin}")


def _stricter_problems(text: str, hangul: bool) -> list[str]:
    """Independent of the screens: what a reader would call broken."""
    problems = []
    words = text.split()
    if any(a == b == c for a, b, c in zip(words, words[1:], words[2:], strict=False)):
        problems.append("word three times in a row")
    letters = regex.findall(r"\p{L}", text)
    own = _HANGUL if hangul else _LATIN
    if sum(1 for ch in letters if own.match(ch)) < (4 if hangul else 8):
        problems.append("too few letters of the answer's script")
    if letters and sum(1 for ch in letters if own.match(ch)) / len(letters) < 0.5:
        problems.append("mostly another script")
    return problems


def test_the_reports_bad_outputs_are_rejected() -> None:
    """The three candidates Gemma wrote in the first contact, and a loop."""
    answer = KOREAN[0].text
    assert reject_reason(" 휠라 휠라 휠라 휠라 휠라", answer) == DEGENERATE
    assert reject_reason("\n사용자의", answer) == FRAGMENT
    assert reject_reason("\n상", answer) == FRAGMENT
    assert (
        reject_reason(" 물류를 배웠습니다 물류를 배웠습니다 물류를 배웠습니다", answer)
        == DEGENERATE
    )
    assert reject_reason(" 고객의 불편을 <u>바로</u> 알고 답했습니다.", answer) == MARKUP
    assert reject_reason(" I learned how to manage a warehouse.", answer) == SCRIPT
    assert reject_reason(" 현장의 데이터를 직접 다루는 일을 하고 싶습니다.", answer) is None
    assert reject_reason(" 그 경험으로 WMS 대시보드를 만들었습니다.", answer) is None


def test_a_base_model_gets_a_plain_prompt(gemma: LlamaCppBackend) -> None:
    """No template: BOS, the application's header, then the answer; no fake chat markup."""
    assert not gemma.has_chat_template
    prompt = continuation_prompt(gemma, KOREAN[0], 48)
    assert prompt.startswith("<bos>회사: 한빛물류\n직무: 운송관리\n문항: 지원동기 (700자)\n\n")
    assert prompt.endswith(KOREAN[0].text)
    assert "###" not in prompt and "User" not in prompt


def test_gemma_korean_candidates_read_as_korean(gemma: LlamaCppBackend) -> None:
    shown, rejected = _run(gemma, KOREAN, seed=100)
    print(f"\ngemma: {len(shown)} shown, rejected {dict(rejected)}")
    for candidate in shown:
        print("  ", repr(candidate.text))
    assert len(shown) >= 3 * len(KOREAN)  # the screens do not starve the user
    broken = [(c.text, p) for c in shown if (p := _stricter_problems(c.text, hangul=True))]
    assert len(broken) * 10 <= len(shown), broken  # at most 1 in 10
    # A new paragraph only after a finished sentence: the first two answers stop mid-sentence.
    mid_sentence, _ = _run(gemma, KOREAN[:2], seed=300)
    assert not [c for c in mid_sentence if c.text.lstrip(" ").startswith("\n")]
    assert not [c for c in shown if "<" in c.text and ">" in c.text]  # no HTML from the web


def test_smollm2_english_candidates_read_as_english(smollm2: LlamaCppBackend) -> None:
    shown, rejected = _run(smollm2, ENGLISH, seed=200)
    print(f"\nsmollm2: {len(shown)} shown, rejected {dict(rejected)}")
    for candidate in shown:
        print("  ", repr(candidate.text))
    assert len(shown) >= 3 * len(ENGLISH)
    broken = [(c.text, p) for c in shown if (p := _stricter_problems(c.text, hangul=False))]
    assert len(broken) * 10 <= len(shown), broken
    assert len({c.text for c in shown}) == len(shown)


def test_candidates_come_from_one_batch_and_the_first_streams(gemma: LlamaCppBackend) -> None:
    """One prompt evaluation, the attempts as parallel sequences, sequence 0 into the ghost."""
    events: list[object] = []
    streamed: list[str] = []
    request = KOREAN[1]
    candidates = suggest(
        gemma, request, TaskIO(on_text=streamed.append, on_event=events.append), n=4, seed=7
    )
    starts = [e for e in events if isinstance(e, AttemptStarted)]
    assert starts and starts[0].attempt == 0 and isinstance(events[0], AttemptStarted)
    assert len(starts) < len(candidates) + 2  # batches, not one attempt after another
    assert streamed and candidates


def test_a_cancelled_batch_frees_every_sequence(gemma: LlamaCppBackend) -> None:
    cancel = threading.Event()
    params = [SamplingParams(max_tokens=40, temperature=0.9, seed=i) for i in range(4)]
    prompt = continuation_prompt(gemma, KOREAN[0], 200)
    seen = 0
    with pytest.raises(GenerationCancelled):
        for _index, chunk in gemma.stream_many(prompt, params, cancel):
            seen += chunk is not None
            if seen == 6:
                cancel.set()
    memory = llama_cpp.llama_get_memory(gemma.runtime.ctx)
    assert [llama_cpp.llama_memory_seq_pos_max(memory, s) for s in range(1, 8)] == [-1] * 7
    # the prompt stays cached for the next keystroke
    assert gemma.runtime.cached == gemma.tokenize(prompt)
    list(gemma.stream(prompt + " 저는", SamplingParams(max_tokens=2), threading.Event()))
    assert gemma.last_prompt_evaluated <= 3
