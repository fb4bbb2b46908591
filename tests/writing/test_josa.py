import pytest

from desktop.writing.josa import final_consonant, particle_for, replace_name


@pytest.mark.parametrize(
    ("word", "particle", "expected"),
    [
        ("한빛물류", "을", "를"),
        ("다온은행", "를", "을"),
        ("다온은행", "는", "은"),
        ("한빛물류", "이", "가"),
        ("하늘소프트", "과", "와"),
        ("서울", "으로", "로"),  # ㄹ takes 로
        ("다온은행", "로", "으로"),
        ("LG", "을", "를"),
        ("3M", "를", "을"),
    ],
)
def test_particle_for(word: str, particle: str, expected: str) -> None:
    assert particle_for(word, particle) == expected


def test_final_consonant_unknown_for_symbols() -> None:
    assert final_consonant(")") is None
    assert final_consonant("") is None


def test_replace_name_fixes_particles() -> None:
    text = "한빛물류를 지원한 이유는 한빛물류가 업계 1위이기 때문입니다. 한빛물류의 비전"
    new, count = replace_name(text, "한빛물류", "다온은행")
    assert count == 3
    assert new == "다온은행을 지원한 이유는 다온은행이 업계 1위이기 때문입니다. 다온은행의 비전"
