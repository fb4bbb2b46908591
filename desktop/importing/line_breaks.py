"""What a PDF's line end is, where the geometry alone cannot tell: a new item, or a word cut.

- A line that starts with an item's marker (①, 1., 1), (3), 가., -, •, □, ○ ...) starts a line
  of its own, whatever room the line before it left: a list, a set of choices, the headings of
  a report, the entries of a table of contents.
- A wrap inside Korean text, from a writer that breaks lines between any two syllables, joins
  without a space only where the Korean analyzer (kiwipiepy, the one ``writing/korean.py``
  loads once per process) reads the two pieces as one word, on two counts: the join falls
  inside a morpheme, or what follows it is a particle, an ending or a suffix ("발생했습|니다",
  "데이|터를"; "사각지대로|내몰리고" is two words); and the reading with a space there is
  clearly less likely than the one without (the analyzer's score drops by ``MARGIN``), which
  rules out the analyzer's guess of one unknown proper noun across the join ("대상|개발형태").
  Nouns after nouns keep their space ("반등|가능성이"): a compound written either way is spelt
  right with the space, and a word wrongly glued changes the count a portal checks. Without the
  analyzer every such wrap keeps its space.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Final

from desktop.writing import korean

_ITEM: Final = re.compile(
    r"^(?:[\u2460-\u2473\u2474-\u2487\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]"  # ① ⑴ ❶ ㉑
    r"|[\u2160-\u216b][.)]?(?=\s)"  # Ⅰ. Ⅱ
    r"|\d{1,2}\.(?=\s)|\d{1,2}\)|\(\d{1,2}\)|\[\d{1,2}\]"  # 1. 1) (1) [1]
    r"|[가나다라마바사아자차카타파하]\)|\([가나다라마바사아자차카타파하]\)"  # 가) (가)
    r"|[•●■□○◦▪◆◇▶▷☐❍※]"  # bullets, which never continue a word
    r"|[-–·ㅇ](?=\s))"  # a dash, a middle dot or ㅇ used as a bullet, with a space after it
)
# "가. " is an item, but "다. " also ends a sentence wrapped after "…했습니".
_SYLLABLE_ITEM: Final = re.compile(r"^[가나다라마바사아자차카타파하]\.(?=\s)")
# Tags of morphemes that belong to the word before them: particles, endings, suffixes, 이다.
_BOUND: Final = ("J", "E", "XS", "VCP")
# Latin letters, Hanja, digits. A wrap after them keeps its space: a particle after them
# ("Java|를") is rare at a line end, and a formula's letters or a glyph read as a digit are not.
_WORDS_OF_SYMBOLS: Final = ("SL", "SH", "SN")
# How much less likely (the analyzer's log score) the text must read with a space at the join.
# Two words score the same either way (0.0); a word cut in two loses 4 to 20.
MARGIN: Final = 2.0


def is_hangul(char: str) -> bool:
    return "\uac00" <= char <= "\ud7a3" or "\u3131" <= char <= "\u318e"


def starts_item(line: str, previous: str) -> bool:
    """True when ``line`` starts with an item's marker (``previous``: the line before it)."""
    if _ITEM.match(line):
        return True
    return bool(_SYLLABLE_ITEM.match(line)) and not (previous and is_hangul(previous[-1]))


def one_word(before: str, after: str) -> bool | None:
    """Whether the analyzer reads the end of one line (``before``, its last words) and the start
    of the next (``after``) as one word at the join; None where the analyzer is unavailable."""
    kiwi = korean.load()
    if kiwi is None:
        return None
    head, _, rest = after.partition(" ")
    context = before.rsplit(" ", 2)[-2:]  # the last word and the one before it
    text = " ".join(context) + head + (" " + rest.split(" ", 1)[0] if rest else "")
    try:
        return _one_word(kiwi, text, len(" ".join(context)))
    except Exception:  # noqa: BLE001 (text it cannot take, a lone surrogate: keep the space)
        return False


@lru_cache(maxsize=4096)
def _one_word(kiwi: Any, text: str, join: int) -> bool:
    (tokens, glued), *_ = kiwi.analyze(text)
    (_, spaced), *_ = kiwi.analyze(f"{text[:join]} {text[join:]}")
    return glued - spaced >= MARGIN and _bound_at(tokens, join)


def _bound_at(tokens: Any, join: int) -> bool:
    """Whether the morphemes ``tokens`` make one word across the offset ``join``."""
    previous = ""
    for token in tokens:
        start, end = token.start, token.start + token.len
        if start < join < end:
            return True  # the join falls inside a morpheme
        if end <= join:
            previous = str(token.tag)
            continue
        tag = str(token.tag)
        if previous.startswith("S") and previous not in _WORDS_OF_SYMBOLS:
            return tag.startswith("J")  # "(주)|를"; not "(△40.2)|분", a table's next cell
        if previous in _WORDS_OF_SYMBOLS:  # "Java|를", "3|개", but also a formula's "x|일 때"
            return False
        return tag.startswith(_BOUND) or previous == "XPN"  # "비|효율": a prefix and its noun
    return False
