"""Grammar proofreaders catch and the analyzer does not (KO.GRAMMAR), and loanwords written
against the standard (KO.LOANWORD).

Each KO.GRAMMAR pattern is narrow on purpose (precision first, measured on real essays with
``bench/rule_precision.py``); its ``ref`` names the kind, so each kind is measured apart:

- ``로서``: 로써 (by means of) after a person or role, where 로서 (as) is meant: 마케터로써;
- ``든지``: 던지 (recollection) where a choice is meant: 무슨 일이던지, 하던지 말던지;
- ``률/율``: 율 after a vowel or ㄴ, 률 after any other final consonant: 클릭율, 증가률;
- ``되/돼``: 되어 contracted wrongly: 되서, 돼었다, 안돼는;
- ``안 되``: 안 before 되다 is an adverb and stands apart: 안되었습니다 → 안 되었습니다;
- ``데/대``: 대 where only the connective -는데/-던데 can be meant: 했는대, 하는대요, 좋던대.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Final

import regex

from desktop.writing.companies import own_spans
from desktop.writing.flags import CheckContext, Flag
from desktop.writing.wordlists import lines, pair_patterns

Rule = Callable[[str, CheckContext], list[Flag]]
_NO_HANGUL_BEFORE: Final = r"(?<![가-힣A-Za-z])"


@cache
def _roles() -> regex.Pattern[str]:
    roles = "|".join(sorted(map(regex.escape, lines("ko_roles.txt")), key=len, reverse=True))
    return regex.compile(rf"(?<=(?:{roles})(?:으로|로))써(?![가-힣])")


_CHOICE_DEONJI: Final = regex.compile(
    # An indefinite word before it asks for a choice: 무엇이던지, 누구던지, 무슨 일이던지.
    r"(?<=(?<![가-힣])(?:무엇|뭐|누구|어디|어디서|어디에서|언제|아무|얼마|무슨\s?[가-힣]+|"
    r"어떤\s?[가-힣]+|어느\s?[가-힣]+)(?:이)?)던지(?![가-힣])"
    # Two choices in a row: 하던지 말던지; or one left open: 하던지 간에, 하던지 상관없이.
    r"|던지(?=\s?[가-힣]{1,4}던지(?![가-힣]))|(?<=[가-힣]\s?[가-힣]{0,3}던지\s?[가-힣]{1,4})던지"
    r"|던지(?=\s?(?:간에|상관|관계))"
)
_JONGSEONG_N: Final = 4  # ㄴ's index among the final consonants
_RATE: Final = regex.compile(r"(?<=[가-힣])[률율]")
_DOE: Final = (
    (regex.compile(r"되서"), "돼서"),
    (regex.compile(r"돼(?=었|어|는|고|면|기|지만|도록)"), "되"),
    # 되요 as a word of its own, or after the adverb 안 (안되요 is 안 돼요).
    (regex.compile(r"(?:(?<![가-힣])|(?<=(?<![가-힣])안))되요(?![가-힣])"), "돼요"),
)
_AN_DOE: Final = regex.compile(
    r"(?<![가-힣])안(?=(?:되|돼|된|될|됐|됩)(?:었|어|는|면|고|게|지|서|기|요|도|나|다|니|ㄴ|[.,!?\s]|$)?)"
)

# 대 where the connective ending -는데/-던데 is meant (했는대, 하는대요, 없는대, 좋던대): -대 is
# hearsay (-다고 해), and hearsay takes -는대 only after a verb stem ending in a consonant
# (먹는대: 먹는다고 해). After a vowel (하는대, 한다는대), after 었/았/겠 (했는대) and after 없
# it is no word at all, whatever was meant; so is -던대. 있는대 is hearsay where 있다 is a verb
# (집에 있는대요: he says he stays home), so it is taken only where 있다 cannot be one: 한 적이
# 있는대, 할 수 있는대, 하고 있는대. Every -데 is left alone (좋데요 is 좋더라고요, right when
# the writer saw it and wrong when they heard it: the form cannot tell).
_NEUNDAE: Final = regex.compile(
    r"(?:(?<=(?<![가-힣])(?:적이|수)\s?있는)|(?<=[가-힣]고\s?있는)|(?<=([가-힣])는)|(?<=던))"
    r"대(?=요?(?![가-힣]))"
)
_JONGSEONG_SS: Final = 20  # ㅆ's index among the final consonants


def _neunde(before: str) -> bool:
    """Whether -는대 after the syllable ``before`` can only be -는데."""
    if not before:
        return True  # -던대, 적이/수/-고 있는대
    final = (ord(before) - 0xAC00) % 28
    return final == 0 or before == "없" or (final == _JONGSEONG_SS and before != "있")


def _grammar(text: str, context: CheckContext) -> list[Flag]:
    found: list[tuple[int, int, str, str]] = []  # start, end, correction, kind
    for match in _roles().finditer(text):
        found.append((match.start(), match.end(), "서", "로서"))
    for match in _CHOICE_DEONJI.finditer(text):
        found.append((match.start(), match.end(), "든지", "든지"))
    for match in _RATE.finditer(text):
        before = ord(text[match.start() - 1]) - 0xAC00
        final = before % 28
        right = "율" if final in (0, _JONGSEONG_N) else "률"
        if match.group() != right:
            found.append((match.start(), match.end(), right, "률/율"))
    for pattern, right in _DOE:
        for match in pattern.finditer(text):
            found.append((match.start(), match.start() + len(match.group()), right, "되/돼"))
    for match in _NEUNDAE.finditer(text):
        if _neunde(match.group(1) or ""):
            found.append((match.start(), match.end(), "데", "데/대"))
    for match in _AN_DOE.finditer(text):
        found.append((match.start(), match.end(), "안 ", "안 되"))
    own = own_spans(text, context.company)
    words: dict[tuple[int, int], list[tuple[int, int, str, str]]] = {}
    for start, end, right, kind in sorted(found):
        if any(low < end and start < high for low, high in own):
            continue
        word_start = start
        while word_start > 0 and not text[word_start - 1].isspace():
            word_start -= 1
        word_end = end
        while word_end < len(text) and regex.match(r"[가-힣]", text[word_end]):
            word_end += 1
        words.setdefault((word_start, word_end), []).append((start, end, right, kind))
    flags = []
    for (word_start, word_end), inside in _merged_words(words):
        # Every correction in the word goes into its one finding: 안되요 is 안 돼요, not the
        # 안 되요 of its spacing alone.
        pieces, at = [], word_start
        for start, end, right, _kind in inside:
            if start < at:
                continue  # two patterns on the same letters: the first one's correction
            pieces += [text[at:start], right]
            at = end
        fixed = "".join(pieces) + text[at:word_end]
        wrong = text[word_start:word_end]
        message = context.say(
            "문법: '{wrong}' → '{right}'",
            "Grammar: '{wrong}' should be '{right}'",
            wrong=wrong,
            right=fixed,
        )
        kinds = "+".join(dict.fromkeys(kind for *_span, kind in inside))
        flags.append(Flag("KO.GRAMMAR", "major", word_start, word_end, message, fixed, kinds))
    return flags


def _merged_words(
    words: dict[tuple[int, int], list[tuple[int, int, str, str]]],
) -> list[tuple[tuple[int, int], list[tuple[int, int, str, str]]]]:
    """The words of ``words`` with those that overlap joined (a word's end is found from the
    match, so one letter run can be reached from two matches with different ends)."""
    merged: list[tuple[tuple[int, int], list[tuple[int, int, str, str]]]] = []
    for (start, end), inside in sorted(words.items()):
        if merged and start < merged[-1][0][1]:
            (low, high), before = merged[-1]
            merged[-1] = ((low, max(high, end)), sorted(before + inside))
        else:
            merged.append(((start, end), inside))
    return merged


def _loanwords(text: str, context: CheckContext) -> list[Flag]:
    own = own_spans(text, context.company)
    flags = []
    for pattern, right in pair_patterns("ko_loanwords.tsv", _NO_HANGUL_BEFORE):
        for match in pattern.finditer(text):
            if any(low < match.end() and match.start() < high for low, high in own):
                continue
            message = context.say(
                "외래어 표기: '{wrong}' → '{right}'",
                "Loanword spelling: '{wrong}' should be '{right}'",
                wrong=match.group(),
                right=right,
            )
            flags.append(Flag("KO.LOANWORD", "major", match.start(), match.end(), message, right))
    return flags


RULES: Final[list[Rule]] = [_grammar, _loanwords]
