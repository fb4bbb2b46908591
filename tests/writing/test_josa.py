"""Particles after every kind of word, KO.JOSA's precision, and reuse for another company."""

from __future__ import annotations

import pytest

from desktop.writing.checks import run_checks
from desktop.writing.flags import CheckContext
from desktop.writing.josa import (
    CHECKED,
    ending_at,
    final_consonant,
    particle_for,
    replace_name,
    swap_name,
)
from desktop.writing.reading import read
from tests.writing.particle_cases import PAIRS, UNCERTAIN, WORDS, cases, form


@pytest.mark.parametrize(("word", "pair", "expected"), cases())
def test_particle_for_every_case(word: str, pair: str, expected: str) -> None:
    consonant, vowel = pair.split("/")
    assert particle_for(word, pair) == expected
    assert particle_for(word, consonant) == expected
    if pair != "아/야":  # a lone "야" is 이야's form (친구야말로), not the vocative's
        assert particle_for(word, vowel) == expected


@pytest.mark.parametrize("word", UNCERTAIN)
def test_uncertain_readings_leave_the_particle_as_given(word: str) -> None:
    reading = read(word)
    assert reading is None or not reading.certain or word == ""
    assert particle_for(word, "을/를") == "을"


@pytest.mark.parametrize(
    ("word", "particle", "expected"),
    [
        ("친구", "이다", "다"),
        ("선생님", "다", "이다"),
        ("친구", "이었다", "였다"),
        ("선생님", "였다", "이었다"),
        ("친구", "이었기에", "였기에"),
        ("학생", "였기에", "이었기에"),
        ("친구", "이기에", "이기에"),
        ("학생", "기에", "이기에"),
        ("친구", "이자", "이자"),
        ("학생", "이자", "이자"),
        ("친구", "이야말로", "야말로"),
        ("학생", "야말로", "이야말로"),
        ("철수", "아", "야"),
        ("영숙", "야", "이야"),
        ("영숙", "아/야", "아"),
        ("친구", "으로부터", "로부터"),
        ("서울", "으로부터", "로부터"),
        ("학교", "과의", "와의"),
        ("한빛물류", "이라는", "라는"),
        ("다온은행", "라고", "이라고"),
        ("1조", "이에요", "예요"),
        ("NHN", "예요", "이에요"),
        ("Google", "를", "을"),
        ("서울", "의", "의"),  # does not alternate: as given
    ],
)
def test_copula_and_longer_forms(word: str, particle: str, expected: str) -> None:
    assert particle_for(word, particle) == expected


def test_final_consonant_reads_digits_letters_and_symbols() -> None:
    assert final_consonant("3") == 16 and final_consonant("2") == 0
    assert final_consonant("N") == 4 and final_consonant("L") == 8
    assert final_consonant(")") is None
    assert final_consonant("") is None


# KO.JOSA: right particles after any certain word raise nothing; wrong ones are flagged. -------


def _josa_flags(text: str, company: str) -> list[str]:
    flags = run_checks(text, CheckContext(company=company))
    return [text[f.start : f.end] for f in flags if f.rule_id == "KO.JOSA"]


@pytest.mark.parametrize("word", sorted(w for w in WORDS if not w[0].isdigit()))
def test_josa_is_silent_on_right_particles(word: str) -> None:
    text = " ".join(f"{word}{form(pair, WORDS[word])} 말했다." for pair in PAIRS)
    text += f" {word}이다. {word}입니다. {word}의 {word}에서 {word}이기에 {word}이자"
    assert _josa_flags(text, word) == []


@pytest.mark.parametrize("word", sorted(w for w in WORDS if not w[0].isdigit()))
def test_josa_flags_wrong_particles(word: str) -> None:
    ending = WORDS[word]
    for pair in ("이/가", "은/는", "을/를", "과/와", "이랑/랑"):
        wrong = form(pair, "V" if ending != "V" else "C")
        assert _josa_flags(f"저는 {word}{wrong} 봤다.", word) == [f"{word}{wrong}"], pair
    if ending == "C":
        assert _josa_flags(f"{word}로 갔다.", word) == [f"{word}로"]
        assert _josa_flags(f"목표는 {word}다.", word) == [f"{word}다"]
    if ending == "L":
        assert _josa_flags(f"{word}으로 갔다.", word) == [f"{word}으로"]


@pytest.mark.parametrize("word", ["C++", "Climb", "Kiosk", "Rob", "Fork"])
def test_josa_says_nothing_where_the_reading_is_uncertain(word: str) -> None:
    text = f"{word}을 {word}를 {word}이 {word}가 {word}은 {word}는 {word}으로 {word}로"
    assert _josa_flags(text, word) == []


@pytest.mark.parametrize(
    "text",
    [
        "한빛물류은행에 다녔다.",  # a longer name, not a particle
        "한빛물류로봇을 만들었다.",
        "한빛물류라인을 맡았다.",
        "한빛물류다운 선택이었다.",
        "한빛물류이지만 작은 회사였다.",
        "한빛물류이었다.",
        "한빛물류이며 물류 회사다.",
    ],
)
def test_josa_silent_on_words_that_only_look_like_particles(text: str) -> None:
    assert _josa_flags(text, "한빛물류") == []


def test_checked_forms_all_alternate() -> None:
    for written in CHECKED:
        found = ending_at(written, 0)
        assert found is not None and found.written == written


# Reuse for another company ---------------------------------------------------------------

_CONSONANT_TEXT = (
    "한빛물산을 한빛물산은 한빛물산이 한빛물산과 한빛물산과의 한빛물산으로 한빛물산으로서 "
    "한빛물산으로부터 한빛물산이랑 한빛물산이나 한빛물산이라는 한빛물산이라고 한빛물산이든 "
    "한빛물산이든지 한빛물산이여 한빛물산이야 한빛물산이야말로 한빛물산이다. 한빛물산이었다 "
    "한빛물산이었기에 한빛물산이에요 한빛물산이기에 한빛물산이자 한빛물산입니다 한빛물산의 "
    "한빛물산에서 한빛물산도 한빛물산만 한빛물산"
)
_VOWEL_TEXT = (
    "다온테크를 다온테크는 다온테크가 다온테크와 다온테크와의 다온테크로 다온테크로서 "
    "다온테크로부터 다온테크랑 다온테크나 다온테크라는 다온테크라고 다온테크든 "
    "다온테크든지 다온테크여 다온테크야 다온테크야말로 다온테크이다. 다온테크였다 "
    "다온테크였기에 다온테크예요 다온테크이기에 다온테크이자 다온테크입니다 다온테크의 "
    "다온테크에서 다온테크도 다온테크만 다온테크"
)


def test_reuse_refits_every_particle_and_copula_form() -> None:
    swapped = swap_name(_CONSONANT_TEXT, "한빛물산", "다온테크")
    assert swapped.text == _VOWEL_TEXT
    assert swapped.unresolved == ()
    back = swap_name(_VOWEL_TEXT, "다온테크", "한빛물산")
    assert back.text == _CONSONANT_TEXT


@pytest.mark.parametrize(
    ("text", "new", "expected"),
    [
        ("한빛물산이랑 일했다", "다온테크", "다온테크랑 일했다"),
        ("한빛물산이다.", "다온테크", "다온테크이다."),
        ("한빛물산이기에 지원했다", "다온테크", "다온테크이기에 지원했다"),
        ("한빛물산으로 옮겼다", "서울물류", "서울물류로 옮겼다"),
        ("다온테크로 옮겼다", "한결", "한결로 옮겼다"),
        ("다온테크를 보고", "Google", "Google을 보고"),
        ("다온테크를 보고", "NHN", "NHN을 보고"),
        ("한빛물산을 보고", "Naver", "Naver를 보고"),
        ("한빛물산을 보고", "1조클럽", "1조클럽을 보고"),
        ("다온테크지만 좋다", "한빛물산", "한빛물산이지만 좋다"),
        ('"한빛물산"을 보고', "다온테크", '"다온테크"를 보고'),
    ],
)
def test_reuse_examples(text: str, new: str, expected: str) -> None:
    old = "한빛물산" if "한빛물산" in text else "다온테크"
    assert replace_name(text, old, new)[0] == expected


def test_reuse_leaves_what_it_cannot_fit_and_says_where() -> None:
    swapped = swap_name("한빛물산을 지원합니다. 한빛물산은행과 달리", "한빛물산", "C++")
    assert swapped.text == "한빛물산을 지원합니다. C++은행과 달리" or swapped.unresolved
    assert swapped.text.startswith("한빛물산을")
    start, end = swapped.unresolved[0]
    assert swapped.text[start:end] == "한빛물산"
    other = swap_name("한빛물산은행과 달리", "한빛물산", "다온테크")
    assert other.text == "한빛물산은행과 달리" and other.unresolved == ((0, 4),)
    same_class = swap_name("한빛물산은행과 달리", "한빛물산", "다온은행")
    assert same_class.text == "다온은행은행과 달리" and same_class.unresolved == ()


def test_replace_name_fixes_particles() -> None:
    text = "한빛물류를 지원한 이유는 한빛물류가 업계 1위이기 때문입니다. 한빛물류의 비전"
    new, count = replace_name(text, "한빛물류", "다온은행")
    assert count == 3
    assert new == "다온은행을 지원한 이유는 다온은행이 업계 1위이기 때문입니다. 다온은행의 비전"
