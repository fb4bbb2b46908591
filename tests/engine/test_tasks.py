"""The writing tasks on the real llama.cpp backend with the tiny random-weight model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from desktop.engine.backend import LoadOptions, Progress
from desktop.engine.errors import GenerationCancelled, OutputRejected
from desktop.engine.llama_backend import LlamaCppBackend
from desktop.engine.tasks.critique import add_anchors, critique_messages
from desktop.engine.tasks.critique_schema import DIMENSIONS
from desktop.engine.tasks.draft import draft, finish_draft
from desktop.engine.tasks.io import TaskIO
from desktop.engine.tasks.suggest import (
    ATTEMPTS_PER_CANDIDATE,
    AttemptStarted,
    Candidate,
    Rejected,
    join_piece,
    suggest,
)
from desktop.engine.testmodel import TestModel
from desktop.writing.counting import count
from desktop.writing.essay import EssayRequest
from desktop.writing.flags import Flag
from tests import pace

ANSWER = "저는 물류센터에서 입고 기록 1,200건을 분석해 오차율을 3.5%에서 0.8%로 낮췄습니다."
REQUEST = EssayRequest(
    text=ANSWER, question="지원동기 (300자)", company="한빛물류", role="운송관리", limit=300
)


@pytest.fixture(scope="module")
def llama(tiny_model: TestModel) -> Iterator[LlamaCppBackend]:
    backend = LlamaCppBackend()
    backend.load(LoadOptions(tiny_model.gguf("q8_0"), n_ctx=4096))
    yield backend
    backend.close()


ENGLISH = EssayRequest(
    text="I am applying for the Junior Data Analyst role at Daon Bank because I enjoy turning "
    "messy data into decisions.",
    question="Why this role? (250-400 words)",
    company="Daon Bank",
    role="Junior Data Analyst",
    lang="en",
)


@pytest.fixture(scope="module")
def smollm2(smollm2_gguf: Path) -> Iterator[LlamaCppBackend]:
    """Suggestions need real weights: the screens reject what random weights write."""
    backend = LlamaCppBackend()
    backend.load(LoadOptions(smollm2_gguf, n_ctx=2048))
    yield backend
    backend.close()


def test_suggest_returns_n_distinct_candidates_with_costs(smollm2: LlamaCppBackend) -> None:
    events: list[object] = []
    candidates = suggest(smollm2, ENGLISH, TaskIO(on_event=events.append), n=3, seed=7)
    assert len(candidates) == 3
    assert len({c.text for c in candidates}) == 3
    for candidate in candidates:
        assert candidate.cost == count(ENGLISH.text + candidate.text, ENGLISH.profile) - count(
            ENGLISH.text, ENGLISH.profile
        )
        assert candidate.text.startswith(" ")  # after a finished sentence
    assert [e for e in events if isinstance(e, Candidate)] == candidates
    assert isinstance(events[0], AttemptStarted)


def test_suggest_is_reproducible_with_a_seed(smollm2: LlamaCppBackend) -> None:
    first = suggest(smollm2, ENGLISH, TaskIO(), n=2, seed=11)
    second = suggest(smollm2, ENGLISH, TaskIO(), n=2, seed=11)
    assert len(first) == 2 and [c.text for c in first] == [c.text for c in second]


def test_suggest_cancels_mid_stream_and_the_backend_stays_usable(
    smollm2: LlamaCppBackend,
) -> None:
    io = TaskIO()
    pieces: list[str] = []

    def on_text(text: str) -> None:
        pieces.append(text)
        if len(pieces) == 3:
            io.cancel.set()

    io.on_text = on_text
    with pytest.raises(GenerationCancelled):
        suggest(smollm2, ENGLISH, io, n=4, seed=3)
    assert len(pieces) == 3  # stopped within one token of the cancel
    assert len(suggest(smollm2, ENGLISH, TaskIO(), n=1, seed=3)) == 1


def test_random_weights_write_nothing_worth_showing(llama: LlamaCppBackend) -> None:
    """Noise in every script: the screens reject it all, and say why."""
    rejected: list[Rejected] = []

    def on_event(event: object) -> None:
        if isinstance(event, Rejected):
            rejected.append(event)

    assert suggest(llama, REQUEST, TaskIO(on_event=on_event), n=2, seed=5) == []
    assert len(rejected) == 2 * ATTEMPTS_PER_CANDIDATE  # the whole attempt budget, then stop


def test_random_weights_cannot_draft(llama: LlamaCppBackend) -> None:
    """Noise is no draft: every attempt fails the output gate, nothing reaches the preview,
    and the error says this model cannot draft (the real models' drafts: test_real_tasks)."""
    request = EssayRequest(text="", question="지원동기", company="한빛물류", limit=120)
    streamed: list[str] = []
    notes = "물류센터 아르바이트, 오차율"
    with pytest.raises(OutputRejected) as caught:
        draft(llama, request, notes, TaskIO(on_text=streamed.append), seed=1)
    assert streamed == []
    assert caught.value.reasons and "draft" in str(caught.value)


def test_a_draft_ends_on_a_whole_sentence_in_the_answers_language() -> None:
    text = "첫 문장입니다. 두 번째 문장입니다. 세 번째 문장은 깁니다."
    short = EssayRequest(text="", limit=20)
    assert finish_draft(text, short) == "첫 문장입니다. 두 번째 문장입니다."
    assert finish_draft(text, EssayRequest(text="", limit=500)) == text
    assert finish_draft("첫 문장입니다. 두 번째 문장은 끝나지 않", short) == "첫 문장입니다."
    mixed = "물류 현장을 배웠습니다. I also learned English. 다시 한국어입니다."
    assert finish_draft(mixed, EssayRequest(text="")) == "물류 현장을 배웠습니다."
    english = EssayRequest(text="", lang="en")
    assert finish_draft("I led the team. 그리고 배웠습니다.", english) == "I led the team."


def test_join_piece() -> None:
    assert join_piece("했습니다.", "그리고") == " 그리고"
    assert join_piece("했습니다. ", " 그리고") == "그리고"
    assert join_piece("저는 물류", " 현장") == " 현장"
    assert join_piece("x", "   ") == ""


def test_critique_prompt_language_and_findings() -> None:
    finding = Flag("KO.SPELL", "major", 0, 2, "맞춤법: '역활' → '역할'")
    korean = critique_messages(EssayRequest(text="역활을 맡았습니다."), [finding])
    assert "채용 담당자" in korean[0]["content"]
    assert "[KO.SPELL]" in korean[1]["content"] and "«역활»" in korean[1]["content"]
    english = critique_messages(EssayRequest(text="I led it.", lang="en"), [])
    assert "hiring manager" in english[0]["content"]
    assert "Automatic findings" in english[1]["content"]


def test_quotes_are_anchored_or_lose_their_anchor() -> None:
    data = {
        "strengths": [{"point": "p", "quote": "오차율을 3.5%에서"}, {"point": "q", "quote": ""}],
        "improvements": [{"issue": "i", "quote": "없는 구절입니다"}],
    }
    anchored = add_anchors(data, ANSWER)
    start = ANSWER.index("오차율을")
    assert (anchored["strengths"][0]["start"], anchored["strengths"][0]["end"]) == (
        start,
        start + len("오차율을 3.5%에서"),
    )
    assert anchored["strengths"][1]["start"] is None
    assert anchored["improvements"][0]["start"] is None
    spaced = add_anchors({"strengths": [{"quote": "입고  기록"}], "improvements": []}, ANSWER)
    assert spaced["strengths"][0]["start"] == ANSWER.index("입고 기록")


def _critique_cli(model: str, seed: int, analyzer: bool = False) -> dict[str, object]:
    request = {
        "text": ANSWER + " 귀사에서 역활을 다하겠습니다. 저는 할수 있습니다.",
        "question": "지원동기 (300자)",
        "company": "한빛물류",
        "role": "운송관리",
        "lang": "ko",
        "analyzer": analyzer,  # off: 20 processes would each load it for nothing
    }
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "critique", "--json", "--model", model]
        + ["--seed", str(seed), "--n-ctx", "8192", "--threads", "1"],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        timeout=pace.seconds(240),
    )
    assert result.returncode == 0, result.stderr
    parsed: dict[str, object] = json.loads(result.stdout)
    return parsed


@pytest.mark.slow
def test_critique_json_is_valid_for_20_seeds(tiny_model: TestModel) -> None:
    """Random weights: only the decoding constraint can make every answer valid JSON; the
    output gate then rejects what they say, and the analysis is shown with the reasons."""
    model = str(tiny_model.gguf("q8_0"))
    # One thread per process (llama.cpp's threads spin while waiting, so oversubscribing the
    # cores is slow); grammar sampling is single-threaded anyway.
    workers = max(1, min(4, len(os.sched_getaffinity(0))))
    with ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(lambda seed: _critique_cli(model, seed), range(20)))
    verdicts = set()
    for result in results:
        assert result["source"] == "analysis"
        gate = result["gate"]
        assert gate["passed"] is False  # type: ignore[index]
        assert gate["rejected"] and "invalid_json" not in gate["rejected"]  # type: ignore[index]
        assert set(result["scores"]) == set(DIMENSIONS)  # type: ignore[arg-type]
        rules = {f["rule_id"] for f in result["findings"]}  # type: ignore[attr-defined]
        assert {"KO.SPELL", "COMPANY.GENERIC"} <= rules
        verdicts.add(json.dumps(gate["verdicts"], ensure_ascii=False))  # type: ignore[index]
    assert len(verdicts) == 20  # twenty seeds, twenty different answers rejected


def test_critique_cancel_before_start(llama: LlamaCppBackend) -> None:
    from desktop.engine.tasks.critique import critique

    io = TaskIO(cancel=threading.Event())
    io.cancel.set()
    with pytest.raises(GenerationCancelled):
        critique(llama, REQUEST, io)


def test_suggest_cli_prints_candidates_and_rejects_bad_requests(smollm2_gguf: Path) -> None:
    command = [sys.executable, "-m", "desktop", "suggest", "--json", "--model", str(smollm2_gguf)]
    request = {"text": ENGLISH.text, "question": ENGLISH.question, "lang": "en"}
    result = subprocess.run(
        [*command, "--n", "2", "--seed", "5"],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        timeout=pace.seconds(120),
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    candidates = out["candidates"]
    assert len(candidates) == 2
    assert isinstance(out["rejected"], dict)  # reason -> count, for every attempt not shown
    assert {"text", "cost", "remaining_after", "fits", "flags"} <= set(candidates[0])
    bad = subprocess.run(
        command, input='{"text": 3}', capture_output=True, text=True, timeout=pace.seconds(60)
    )
    assert bad.returncode == 2 and "text" in bad.stderr and bad.stdout == ""
    missing = subprocess.run(
        [*command[:-1], "/nonexistent.gguf"],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        timeout=pace.seconds(60),
    )
    assert missing.returncode == 1 and "does not exist" in missing.stderr


def test_jaso_critique_tells_the_model_what_the_korean_analyzer_found(
    tiny_model: TestModel,
) -> None:
    """As the app's check worker does for Review: KO.SPACING ("할수") comes from kiwipiepy."""
    with_it = _critique_cli(str(tiny_model.gguf("q8_0")), 0, analyzer=True)
    rules = {f["rule_id"] for f in with_it["findings"]}  # type: ignore[attr-defined]
    assert {"KO.SPACING", "KO.SPELL"} <= rules


def test_a_critique_shows_the_analysis_first_then_says_what_the_model_is_at(
    llama: LlamaCppBackend,
) -> None:
    """The Review panel's order of events: the automatic analysis (before any token), then
    the prompt read, the scores, the prose; the model's part only at the end, gated."""
    from desktop.engine.tasks.critique import Interim, critique

    seen: list[str] = []
    interim: list[Interim] = []

    def on_event(event: object) -> None:
        if isinstance(event, Interim):
            interim.append(event)
            seen.append("interim")

    def on_progress(update: Progress) -> None:
        if not seen or seen[-1] != update.phase:
            seen.append(update.phase)

    result = critique(llama, REQUEST, TaskIO(on_event=on_event, on_progress=on_progress), seed=3)
    assert seen[0] == "interim" and len(interim) == 1
    assert interim[0].data["source"] == "analysis"
    assert interim[0].data["improvements"]  # something to read while the model writes
    attempt = seen[1 : seen.index("prompt", 2)] if seen.count("prompt") > 1 else seen[1:]
    assert attempt[0] == "prompt"
    assert "scoring" in attempt and "writing" in attempt
    assert attempt.index("scoring") < attempt.index("writing")
    assert "tokens" not in attempt[attempt.index("scoring") :]  # every token after is named
    assert result["source"] in ("analysis", "model+analysis")


def test_json_section_names_the_key_being_written() -> None:
    from desktop.engine.structured import json_section

    keys = ("scores", "strengths", "summary")
    assert json_section("", keys) is None
    assert json_section('{"scores": {"evidence": {"score": 3', keys) == "scores"
    assert json_section('{"scores": {}, "strengths": [{"point": "', keys) == "strengths"
    assert json_section('{"scores": {}, "strengths": [], "summary": "좋', keys) == "summary"


def test_an_answer_too_long_for_the_models_context_still_gets_the_analysis(
    tiny_model: TestModel,
) -> None:
    """SmolLM2 read a 1,000-character Korean answer as 4,533 tokens, past its 4,096: the
    critique failed outright. Now the analysis reviews it and says why it is alone."""
    from desktop.engine.tasks.critique import critique

    backend = LlamaCppBackend()
    backend.load(LoadOptions(tiny_model.gguf("q8_0"), n_ctx=256))
    try:
        result = critique(backend, REQUEST, TaskIO(), seed=0)
    finally:
        backend.close()
    assert result["source"] == "analysis" and result["improvements"]
    assert "문맥" in result["gate"]["message"] or "context" in result["gate"]["message"]
