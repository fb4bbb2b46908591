"""How a word ends when read aloud in Korean: the final consonant (받침) that particles follow.

A Hangul word ends as it is written; digits are read in Sino-Korean (2 이, 10 십, 1조); Latin
letters by their Korean names (N 엔, L 엘, R 알); acronyms letter by letter (NHN 엔에이치엔);
English words as words (Google 구글, Naver 네이버), from a table of common names and the final
sounds of English spelling. Each reading says whether it is certain: a check flags only what a
certain reading proves wrong, and reuse for another company changes only such particles.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Final

import regex

from desktop.writing.wordlists import readings

NONE: Final = 0  # no final consonant
GIYEOK, NIEUN, RIEUL, MIEUM, BIEUP, SIOT, IEUNG = 1, 4, 8, 16, 17, 19, 21


@dataclass(frozen=True)
class Reading:
    """``final``: the jongseong index (0 none, 8 ㄹ, ...) of the spoken word; ``certain``: False
    when another common reading would end differently."""

    final: int
    certain: bool = True

    @property
    def vowel(self) -> bool:
        return self.final == NONE


# Sino-Korean digits: 영 일 이 삼 사 오 육 칠 팔 구.
_DIGIT: Final = (IEUNG, RIEUL, NONE, MIEUM, NONE, NONE, GIYEOK, RIEUL, RIEUL, NONE)
# 십 백 천 for 1-3 trailing zeros; then 만, 억, 조, 경 for each group of four.
_TENS: Final = (BIEUP, GIYEOK, NIEUN)
_MYRIADS: Final = (MIEUM, GIYEOK, NONE, IEUNG)
# Letter names: 에이 비 씨 디 이 에프 지 에이치 아이 제이 케이 엘 엠 엔 오 피 큐 알 에스 티 유 브이
# 더블유 엑스 와이 제트/지.
_LETTER: Final = {
    **dict.fromkeys("abcdefghijkopqstuvwxyz", NONE),
    "l": RIEUL,
    "m": MIEUM,
    "n": NIEUN,
    "r": RIEUL,
}
# Compatibility jamo consonants are read by their names (기역, 니은, 리을 ...): all have a final,
# the name's own: 기역 ㄱ, 니은 ㄴ, 디귿 ㄷ (7), 리을 ㄹ, 미음 ㅁ, 비읍 ㅂ, 시옷 ㅅ, 이응 ㅇ,
# 지읒 ㅈ (22), 치읓 ㅊ (23), 키읔 ㅋ (24), 티읕 ㅌ (25), 피읖 ㅍ (26), 히읗 ㅎ (27).
_JAMO_NAME_FINAL: Final = {
    "ㄱ": GIYEOK, "ㄲ": GIYEOK, "ㄴ": NIEUN, "ㄷ": 7, "ㄸ": 7, "ㄹ": RIEUL, "ㅁ": MIEUM,
    "ㅂ": BIEUP, "ㅃ": BIEUP, "ㅅ": SIOT, "ㅆ": SIOT, "ㅇ": IEUNG, "ㅈ": 22, "ㅉ": 22,
    "ㅊ": 23, "ㅋ": 24, "ㅌ": 25, "ㅍ": 26, "ㅎ": 27,
}  # fmt: skip
# Units written after a number in lower case: 5kg 킬로그램, 100m 미터, 3l 리터, 2t 톤.
_UNITS: Final = {
    "m": NONE, "cm": NONE, "mm": NONE, "km": NONE, "l": NONE, "ml": NONE, "g": MIEUM,
    "kg": MIEUM, "mg": MIEUM, "t": NIEUN, "kb": NONE, "mb": NONE, "gb": NONE, "tb": NONE,
    "kw": NONE, "kwh": NONE, "hz": NONE, "ghz": NONE, "mhz": NONE, "h": NONE, "s": NONE,
}  # fmt: skip
_SYMBOLS: Final = {"%": NONE, "％": NONE, "℃": NONE, "°C": NONE, "°": NONE}

_CLOSERS: Final = "\"'”’」』》〉)]}>»›"
_BRACKETED_TAIL: Final = regex.compile(r"\s*[(\[{（［][^()\[\]{}（）［］]*[)\]}）］]$")
_NUMBER: Final = regex.compile(r"(\d[\d,]*)(?:\.(\d+))?$")
_LATIN_TOKEN: Final = regex.compile(r"[A-Za-z][A-Za-z0-9.+#&'-]*$")
_LATIN_RUN: Final = regex.compile(r"[A-Za-z]+$")
_VOWELS: Final = "aeiou"


def bare(word: str) -> str:
    """``word`` as read: NFC, without closing quotes and without a bracketed gloss after it
    ("강(江)" → "강", '"Apple"' → "Apple", "삼성(Samsung)" → "삼성")."""
    word = unicodedata.normalize("NFC", word).strip()
    while word:
        gloss = _BRACKETED_TAIL.search(word)
        stripped = word[: gloss.start()] if gloss and gloss.start() > 0 else word
        stripped = stripped.rstrip(_CLOSERS + "].,!?;:…").rstrip()
        if stripped == word:
            break
        word = stripped
    return word.lstrip("\"'“‘「『《〈([{<«‹")


def read(word: str) -> Reading | None:
    """The final sound of ``word`` as read aloud, or None when there is no telling."""
    word = bare(word)
    if not word:
        return None
    last = word[-1]
    code = ord(last)
    if 0xAC00 <= code <= 0xD7A3:
        return Reading((code - 0xAC00) % 28)
    if last in _JAMO_NAME_FINAL:
        return Reading(_JAMO_NAME_FINAL[last])
    if 0x314F <= code <= 0x3163:  # a compatibility vowel letter (ㅏ 아): no final
        return Reading(NONE)
    if 0x11A8 <= code <= 0x11C2:  # a trailing jongseong jamo left uncomposed
        return Reading(code - 0x11A7)
    for symbol, final in _SYMBOLS.items():
        if word.endswith(symbol):
            return Reading(final)
    if last.isdigit() and last.isascii():
        return _read_number(word)
    if last.isascii() and (last.isalpha() or last in "+#.&'-"):
        return _read_latin(word)
    return None


def _read_number(word: str) -> Reading | None:
    match = _NUMBER.search(word)
    if match is None:
        return None
    whole, decimals = match.group(1).replace(",", ""), match.group(2)
    if decimals:
        return Reading(_DIGIT[int(decimals[-1])])
    digits = whole.lstrip("0") or "0"
    if digits == "0":
        return Reading(IEUNG)
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros == 0:
        return Reading(_DIGIT[int(digits[-1])])
    myriad, rest = divmod(zeros, 4)
    if myriad == 0:
        return Reading(_TENS[rest - 1])
    if myriad > len(_MYRIADS):
        return None
    return Reading(_MYRIADS[myriad - 1])


def _read_latin(word: str) -> Reading | None:
    token_match = _LATIN_TOKEN.search(word)
    token = token_match.group() if token_match else ""
    table = readings()
    dotted = "." + token if token_match and word[: token_match.start()].endswith(".") else token
    for candidate in (dotted, token):
        if candidate and candidate.casefold() in table:
            final = table[candidate.casefold()]
            return None if final is None else Reading(final)
    run_match = _LATIN_RUN.search(word)
    if run_match is None:
        return None  # ends in a symbol the table does not know ("C++")
    run = run_match.group()
    if run.casefold() in table:
        final = table[run.casefold()]
        return None if final is None else Reading(final)
    before = word[: run_match.start()]
    if before[-1:].isdigit() and run.casefold() in _UNITS and not run.isupper():
        return Reading(_UNITS[run.casefold()])
    letters = Reading(_LETTER[run[-1].lower()])
    if len(run) == 1 or not any(ch in _VOWELS for ch in run.lower()):
        return letters  # "N", "KT", "NHN", "js": only spelled out
    if run.isupper():
        if len(run) <= 3:
            return letters
        spoken = english_final(run.lower())
        return Reading(letters.final, certain=spoken == letters.final)
    final = english_final(run.lower())
    return None if final is None else Reading(final)


def english_final(word: str) -> int | None:
    """The final consonant of an English word in Korean loanword spelling (외래어 표기법), from
    its spelling; None where common words differ (-b 웹/허브, -k 북/위크, -pe 타입/호프)."""
    if word.endswith("ing"):
        return IEUNG
    if word.endswith(("le", "l")):
        return RIEUL
    if word.endswith(("m", "me")):
        return MIEUM
    if word.endswith(("n", "ne")):
        return NIEUN
    if word.endswith("ng"):
        return IEUNG
    if word.endswith(("ck", "ook")):
        return GIYEOK
    if word.endswith("out"):
        return None  # 레이아웃 / 스카우트
    if word.endswith("t") and not word.endswith(("ght", "st")):
        # One short vowel before t: 마켓, 로봇, 인터넷; a vowel pair or a consonant: 부트, 아트.
        if len(word) >= 3 and word[-2] in _VOWELS and word[-3] not in _VOWELS:
            return SIOT
        return NONE
    if word.endswith("p"):
        return BIEUP if word.endswith("pp") or (len(word) >= 2 and word[-2] in _VOWELS) else NONE
    if word.endswith("c"):
        return GIYEOK if len(word) >= 2 and word[-2] in _VOWELS else NONE  # 매직, 맥 / 디스크
    if word.endswith(("b", "k", "pe", "v", "j", "q")):
        return None
    # -r (네이버, 도커), vowels and y/w (소니, 쇼), and the endings spelled out with a vowel: -d 드,
    # -g 그, -s 스, -x 스, -z 즈, -f 프, -sh 시, -ch 치, -th 스, -se/-ce/-te/-de/-ke/-ge/-ve.
    return NONE
