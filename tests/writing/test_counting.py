import unicodedata

import pytest

from desktop.writing.counting import (
    count,
    count_all,
    find_invisible,
    has_mixed_line_endings,
    is_decomposed,
    limit_status,
)

COMPANY_MOTIVE = "한빛물류 지원동기"


def test_nfd_hangul_counts_like_nfc() -> None:
    nfd = unicodedata.normalize("NFD", COMPANY_MOTIVE)
    assert len(nfd) == 22  # the trap DOMAIN.md describes
    assert is_decomposed(nfd)
    assert count_all(nfd) == count_all(COMPANY_MOTIVE)
    assert count(nfd, "chars_incl_spaces") == 9


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        ("chars_incl_spaces", 9),
        ("chars_incl_spaces_crlf", 9),
        ("chars_excl_spaces", 8),
        ("bytes_2", 17),
        ("bytes_utf8", 25),
        ("bytes_neis", 25),
        ("words", 2),
    ],
)
def test_each_profile_on_plain_hangul(profile: str, expected: int) -> None:
    assert count(COMPANY_MOTIVE, profile) == expected


def test_line_breaks_under_each_profile() -> None:
    crlf = "가나\r\n다라"
    lf = "가나\n다라"
    assert count(crlf, "chars_incl_spaces") == count(lf, "chars_incl_spaces") == 5
    assert count(crlf, "chars_incl_spaces_crlf") == 6
    assert count(crlf, "chars_excl_spaces") == 4
    assert count(crlf, "bytes_2") == 4 * 2 + 2
    assert count(crlf, "bytes_neis") == 4 * 3 + 2
    assert count("a\rb", "chars_incl_spaces") == 3  # old Mac CR is a line break too


def test_mixed_ascii_and_hangul_bytes() -> None:
    text = "SCM 기획"
    assert count(text, "bytes_2") == 3 + 1 + 4
    assert count(text, "bytes_utf8") == 3 + 1 + 6
    assert count(text, "bytes_neis") == 3 + 1 + 6


def test_emoji_zwj_sequence_is_one_character() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    flag = "\U0001f1f0\U0001f1f7"
    assert count(family, "chars_incl_spaces") == 1
    assert count(flag, "chars_incl_spaces") == 1
    assert count("e\u0301", "chars_incl_spaces") == 1
    assert find_invisible(family) == []  # a joiner inside an emoji is legitimate


def test_invisible_characters_are_found_and_counted() -> None:
    text = "지원\u200b동기\u00a0입니다\u3000끝\ufeff"
    found = find_invisible(text)
    assert [f.codepoint for f in found] == ["U+200B", "U+00A0", "U+3000", "U+FEFF"]
    assert [text[f.offset] for f in found] == ["\u200b", "\u00a0", "\u3000", "\ufeff"]
    # Counted as the portal would (they are characters), but flagged.
    assert count(text, "chars_incl_spaces") == len(text)
    # NBSP and the ideographic space are whitespace; the zero-width ones are not.
    assert count(text, "chars_excl_spaces") == len(text) - 2


def test_lone_zero_width_joiner_is_flagged() -> None:
    assert [f.name for f in find_invisible("가\u200d나")] == ["ZERO WIDTH JOINER"]


def test_words_profile_for_cover_letters() -> None:
    assert count("I led  a team\nof four.", "words") == 6
    assert count("", "words") == 0


def test_mixed_line_endings() -> None:
    assert has_mixed_line_endings("a\r\nb\nc")
    assert not has_mixed_line_endings("a\r\nb\r\nc")
    assert not has_mixed_line_endings("a\nb")


def test_limit_status() -> None:
    assert limit_status("가" * 1001, 1000, "chars_incl_spaces").status == "over"
    assert limit_status("가" * 699, 1000, "chars_incl_spaces").status == "under"
    status = limit_status("가" * 900, 1000, "chars_incl_spaces")
    assert (status.status, status.remaining) == ("ok", 100)


def test_unknown_profile_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown count profile"):
        count("x", "chars")


def _reference_counts(text: str) -> dict[str, int]:
    """The definitions, written the slow obvious way (one grapheme or code point at a time)."""
    import regex

    from desktop.writing.counting import normalize

    norm = normalize(text)
    clusters = regex.findall(r"\X", norm)

    def hangul(char: str) -> bool:
        code = ord(char)
        ranges = ((0xAC00, 0xD7A3), (0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F))
        return any(low <= code <= high for low, high in ranges + ((0xD7B0, 0xD7FF),))

    return {
        "chars_incl_spaces": len(clusters),
        "chars_incl_spaces_crlf": len(clusters) + norm.count("\n"),
        "chars_excl_spaces": sum(1 for g in clusters if not g.isspace()),
        "bytes_2": sum(2 if c == "\n" or ord(c) >= 0x80 else 1 for c in norm),
        "bytes_utf8": len(norm.encode("utf-8")),
        "bytes_neis": sum(
            2 if c == "\n" else 1 if ord(c) < 0x80 else 3 if hangul(c) else len(c.encode())
            for c in norm
        ),
        "words": len(norm.split()),
    }


def test_fast_counts_equal_the_definitions_on_random_text() -> None:
    import random
    import unicodedata

    from desktop.writing.counting import count_all

    pieces = [
        "가",
        "한빛",
        " ",
        "\n",
        "\r\n",
        "\t",
        "a",
        "Z",
        "1",
        ".",
        "é",
        unicodedata.normalize("NFD", "한"),
        "\u0301",
        "\u200d",
        "👨\u200d👩\u200d👧",
        "🇰🇷",
        "👍🏽",
        "\u00a0",
        "\u3000",
        "ㅋ",
        "\u1100",
        "\u11a8",
        "ع",
        "中",
        "\ufe0f",
        "\u200b",
        "\x00",
    ]
    rng = random.Random(7)
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        assert count_all(text) == _reference_counts(text), repr(text)


def _invisible_everywhere(text: str, keep_line_endings: bool) -> list[tuple[int, str, str]]:
    """The whole text segmented as one line: what find_invisible did before it skipped the
    lines without a candidate."""
    from desktop.writing.counting import _invisible_in, normalize

    prepared = unicodedata.normalize("NFC", text) if keep_line_endings else normalize(text)
    return [(c.offset, c.char, c.name) for c in _invisible_in(prepared, 0)]


@pytest.mark.parametrize("keep_line_endings", [False, True])
def test_invisible_characters_found_line_by_line_match_the_whole_text(
    keep_line_endings: bool,
) -> None:
    import random

    pieces = (
        "가 a \n \r\n \r \u200b \u200d \u00a0 \x00 👨 \u0301 \u1100 \u1161 \ufeff \u2028 \u3164"
    )
    pieces += " \U000e0041 é"
    choices = pieces.split(" ") + [" "]
    rng = random.Random(7)
    for _ in range(400):
        text = "".join(rng.choice(choices) for _ in range(rng.randint(0, 40)))
        got = [
            (c.offset, c.char, c.name)
            for c in find_invisible(text, keep_line_endings=keep_line_endings)
        ]
        assert got == _invisible_everywhere(text, keep_line_endings), repr(text)
