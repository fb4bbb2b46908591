"""The gate's ``garbled`` rule in the app's shape: the GUI process has no analyzer, so the rule
asks the check worker process (a real spawned worker, loading the real analyzer there)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest

from desktop.engine import gate_fluency
from desktop.engine.gate import GARBLED, Instructions, judge_prose
from desktop.ui.editor import check_runner
from desktop.writing import korean

FIELDS = [("scores.relevance.rationale", "이므샌"), ("advice", "답변에 수치를 하나 더하세요.")]


@pytest.fixture
def no_finder() -> Iterator[None]:
    """This process as the GUI process is: no analyzer loaded (one another test module left
    loaded is set aside and given back), and no finder."""
    loaded, korean._kiwi = korean._kiwi, None  # noqa: SLF001
    yield
    gate_fluency.score_elsewhere(None)
    korean._kiwi = loaded  # noqa: SLF001


def test_the_app_asks_its_check_worker(no_finder: None) -> None:
    gate_fluency.score_elsewhere(check_runner.garbled_elsewhere)
    verdicts = judge_prose(FIELDS, Instructions(["답변을 평가하세요."]), "ko")
    assert [(v.reason, v.field) for v in verdicts] == [(GARBLED, "scores.relevance.rationale")]
    assert korean.loaded() is None  # asked there, never loaded here


def test_a_word_the_prompt_gave_is_not_garbled(no_finder: None) -> None:
    gate_fluency.score_elsewhere(check_runner.garbled_elsewhere)
    given = Instructions(["지원자: 이므샌"], user=["이므샌"])
    assert judge_prose(FIELDS, given, "ko") == []


def test_without_an_analyzer_anywhere_the_rule_does_not_run(no_finder: None) -> None:
    assert judge_prose(FIELDS, Instructions([]), "ko") == []


def test_a_failing_worker_costs_the_rule_not_the_answer(no_finder: None) -> None:
    def broken(texts: Sequence[str], source: str) -> list[bool]:
        raise OSError("the worker is gone")

    gate_fluency.score_elsewhere(broken)
    assert judge_prose(FIELDS, Instructions([]), "ko") == []


def test_english_prose_is_not_asked(no_finder: None) -> None:
    asked: list[Sequence[str]] = []

    def finder(texts: Sequence[str], source: str) -> list[bool]:
        asked.append(texts)
        return [False for _ in texts]

    gate_fluency.score_elsewhere(finder)
    judge_prose([("advice", "Add one figure to the answer.")], Instructions([]), "en")
    assert asked == []
