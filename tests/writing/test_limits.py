import pytest

from desktop.writing.limits import LimitSpec, parse_limit

CASES = [
    ("한빛물류를 지원한 이유 (최대 1,000자 입력가능, 공백 포함)", 1000, "chars_incl_spaces", None),
    ("지원동기를 기술해 주십시오. (700자 이내)", 700, "chars_incl_spaces", None),
    ("본인 성격의 장단점 (공백 제외 500자)", 500, "chars_excl_spaces", None),
    ("입사 후 포부 2,000 byte", 2000, "bytes_2", None),
    ("Cover letter (250-400 words)", 400, "words", 250),
    ("Why us? (250–400 words)", 400, "words", 250),
    ("갈등 해결 경험 (1,500자)", 1500, "chars_incl_spaces", None),
    ("성장과정 1천자 이내", 1000, "chars_incl_spaces", None),
    ("자유 기술 (최소 500자 ~ 최대 1,000자)", 1000, "chars_incl_spaces", 500),
    ("직무역량 500~1000자", 1000, "chars_incl_spaces", 500),
    ("자기소개 2000 Byte 이내 (한글 1000자)", 2000, "bytes_2", None),
    ("Describe a challenge (500 characters excluding spaces)", 500, "chars_excl_spaces", None),
    (
        "Tell us about a time you improved a process. (2,000 characters)",
        2000,
        "chars_incl_spaces",
        None,
    ),
    ("Motivation, up to 500 words", 500, "words", None),
    ("띄어쓰기 포함 800자 내외", 800, "chars_incl_spaces", None),
    ("띄어쓰기 제외 600자", 600, "chars_excl_spaces", None),
    ("지원 동기 — 글자수 제한: 1200", 1200, "chars_incl_spaces", None),
    ("NEIS 기준 1500바이트", 1500, "bytes_neis", None),
    ("Describe your goals in 300 words or fewer", 300, "words", None),
    ("입사 후 5년 내 이루고 싶은 목표 (800자)", 800, "chars_incl_spaces", None),
    ("(1,000자 이상 1,500자 이하)", 1500, "chars_incl_spaces", 1000),
    ("자기소개 (최대 3000byte)", 3000, "bytes_2", None),
    ("줄바꿈은 2자로 계산합니다. 1000자 이내", 1000, "chars_incl_spaces_crlf", None),
]


@pytest.mark.parametrize(("question", "value", "profile", "minimum"), CASES)
def test_parses_question_styles(
    question: str, value: int, profile: str, minimum: int | None
) -> None:
    assert parse_limit(question) == LimitSpec(value, profile, minimum)


@pytest.mark.parametrize(
    "question",
    ["자유롭게 기술하시오.", "2년간 3개 프로젝트를 수행한 경험", "입사 후 5년 내 목표", ""],
)
def test_questions_without_a_limit(question: str) -> None:
    assert parse_limit(question) is None


def test_every_sample_question_parses_to_its_stated_limit() -> None:
    import json

    from tests.conftest import SAMPLES

    data = json.loads(SAMPLES.read_text(encoding="utf-8"))
    for app in data["applications"]:
        for question in app["questions"]:
            spec = parse_limit(question["text"])
            assert spec is not None, question["text"]
            assert (spec.value, spec.profile) == (question["limit"], question["profile"])
