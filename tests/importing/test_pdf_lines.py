"""PDF line ends that need the text to tell them apart: items on their own lines, Korean words
joined only where they were one word, a table kept apart from the page before, ligatures."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.importing import line_breaks
from desktop.importing.readers import read_document
from tests.importing.pdf_builder import Line, pdf_bytes, width

X = 72.0


def _read(tmp_path: Path, pages: list[list[Line]]) -> str:
    path = tmp_path / "essay.pdf"
    path.write_bytes(pdf_bytes(pages))
    return read_document(path)


def _flush(rows: list[str], y: float = 700.0) -> list[Line]:
    """``rows`` one under the other, justified but the last: every line end looks like a wrap
    that left no room, as a writer breaking lines between any two syllables leaves it."""
    widest = max(width(row, 10) for row in rows)
    lines: list[Line] = []
    for index, row in enumerate(rows):
        stretch = widest - width(row, 10) if index < len(rows) - 1 else 0.0
        assert row.count(" ") or stretch == 0, row  # only a line with a space can be justified
        lines.append(Line(X, y - 14 * index, row, stretch=stretch))
    return lines


def test_a_line_starting_with_an_item_marker_starts_a_new_line(tmp_path: Path) -> None:
    rows = [
        "동아리 활동을 할 수 없었던 이유는 다음과 같다 그",
        "① 동아리 공연에 참여해야 해서 시간이 모자랐",
        "② 교내 방송 준비를 해야 해서 시간이 모자랐",
        "(3) 요일별 기부 건수 및 기부 금액을 정리했다.",
        "가. 입고 기록 분석을 맡아서 밤늦게 남았었다",
        "- 바코드 재확인 절차를 제안하여 오차를 줄였다",
        "14. 윗글에 따를 때 적절한 것은 무엇이었는가",
    ]
    assert _read(tmp_path, [_flush(rows)]).split("\n") == rows


def test_a_sentence_end_wrapped_after_its_syllable_is_no_item(tmp_path: Path) -> None:
    # "다. " starts items (가. 나. 다.) and also ends "…했습니|다." at the start of a line.
    rows = ["저는 물류 동아리에서 입고 기록을 정리했습니", "다. 그 뒤로 오차가 줄었습니다."]
    assert _read(tmp_path, [_flush(rows)]) == "저는 물류 동아리에서 입고 기록을 정리했습니다. " \
        "그 뒤로 오차가 줄었습니다."  # fmt: skip


def test_korean_wraps_join_only_inside_a_word(tmp_path: Path) -> None:
    rows = [
        "복지 정책이 닿지 않는 사람들이 사각지대로",
        "내몰리고 있어 지원이 더 필요하다고 발생했습",
        "니다 하지만 올해 수출은 반등할 여지와 반등",
        "가능성이 있다고 이끌며 말해 온 이들은 데이",
        "터를 들어 반대했습니다.",
    ]
    assert _read(tmp_path, [_flush(rows)]) == (
        "복지 정책이 닿지 않는 사람들이 사각지대로 내몰리고 있어 지원이 더 필요하다고 "
        "발생했습니다 하지만 올해 수출은 반등할 여지와 반등 가능성이 있다고 이끌며 말해 온 "
        "이들은 데이터를 들어 반대했습니다."
    )


def test_labels_of_one_cell_in_two_languages_keep_a_space(tmp_path: Path) -> None:
    # One cell each: a label in Korean above its English, flush as in a narrow cell.
    lines = [
        Line(X, 700, "학과/학부"),
        Line(X, 686, "Department"),
        Line(X + 200, 700, "휴대 전화"),
        Line(X + 200, 686, "Mobile Phone"),
    ]
    text = _read(tmp_path, [lines])
    assert "학과/학부 Department" in text and "학과/학부Department" not in text
    assert "전화Mobile" not in text


def test_without_the_analyzer_a_tight_korean_wrap_keeps_its_space(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(line_breaks.korean, "load", lambda: None)
    rows = [
        "입고 기록을 분석한 뒤에 저는 바코드를 다시",
        "확인하는 절차를 만들고 그 결과를 모두 데이",
        "터로 남겼습니다.",
    ]
    assert _read(tmp_path, [_flush(rows)]) == (
        "입고 기록을 분석한 뒤에 저는 바코드를 다시 확인하는 절차를 만들고 그 결과를 모두 데이 "
        "터로 남겼습니다."
    )


def test_a_table_on_the_next_page_is_not_glued_to_the_last_line(tmp_path: Path) -> None:
    first = [Line(X, 700, "1. 과제 개요"), Line(X, 120, "ㅇ 정부납부기술료 납부대상 여부 : 대상")]
    second = [Line(X, 760, "개발형태"), Line(X + 120, 760, "자유공모")]
    text = _read(tmp_path, [first, second])
    assert "대상\n개발형태" in text


def test_ligatures_are_the_letters_the_writer_typed(tmp_path: Path) -> None:
    lines = [Line(X, 700, "The ﬁrst ﬂoating ﬁeld was ﬁlled eﬃciently.")]
    assert _read(tmp_path, [lines]) == "The first floating field was filled efficiently."


def test_a_compound_keeps_its_hyphen_at_a_line_end(tmp_path: Path) -> None:
    rows = [
        "The language we built is small and each type in it is independent. A language-",
        "independent type inference runs first, and then the checker that we call the imple-",
        "mentation of the rules.",
    ]
    assert _read(tmp_path, [_flush(rows)]) == (
        "The language we built is small and each type in it is independent. A "
        "language-independent type inference runs first, and then the checker that we call "
        "the implementation of the rules."
    )
