"""Korean no one wrote: a small model's broken word forms ("이므샌", "일괬하니다", "그랯").

Two signs from the analyzer, each counted only where the source (the essay, question, company,
role and prompt) does not have the word:

- an unknown word: Kiwi scores a word it does not know by its length, far below the words it
  knows (``UNKNOWN_BELOW``): "이므샌" -37.5, "일괬" -31.7, "불탑해직" -41.9;
- a syllable it cannot read whole: a final consonant left over as a token of its own (tag
  ``Z_CODA``: "그랯" is 그렇 + 어 + ㅈ).

Real text has unknown words too: names and loanwords ("트랜스포메이션", "매니징", "헌혈소"), one in
a long paragraph. So a text is garbled where unknown words make up ``UNKNOWN_SHARE`` of its
Hangul syllables, where it has ``UNKNOWN_WORDS`` different ones, or where a syllable is left
over. Measured: the automatic analysis's 10,007 prose fields for the 521 real essays, 0
flagged; the real essays as written, 1 left-over syllable in 521 (and 428 unknown words, names and
loanwords, each in its own essay). Of the Korean fields the starter and SmolLM2 wrote for 30
real essays and the sample answers (critique, feedback, draft), every field with an unknown
word was broken Korean on reading except 8 drafts with one name or loanword in long prose;
those 8 are not flagged (``bench/gate_bench.py``; the note of issue 26 has the counts). The
analyzer's per-syllable score of a sentence does not separate them: terse critique prose
("수치 0개, 본인 행동을 쓴 문장 2개.") scores as low as broken text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import regex

from desktop.writing import korean

UNKNOWN_BELOW: Final = -24.0
UNKNOWN_SHARE: Final = 0.15
UNKNOWN_WORDS: Final = 3
_WORD: Final = regex.compile(r"^\p{Hangul}{2,}$")
_HANGUL: Final = regex.compile(r"\p{Hangul}")


def garbled(texts: Sequence[str], source: str, load: bool = False) -> list[bool] | None:
    """For each text, whether it reads as broken Korean; None where this process has no
    analyzer (``load``: load it first, seconds the first time)."""
    kiwi = korean.load() if load else korean.loaded()
    if kiwi is None:
        return None
    found: list[bool] = []
    with korean.lock():
        for text in texts:
            syllables = len(_HANGUL.findall(text))
            if not syllables:
                found.append(False)
                continue
            tokens = kiwi.analyze(korean.clean(text), top_n=1)[0][0]
            found.append(_broken(text, tokens, source, syllables))
    return found


def _given(word: str, source: str) -> bool:
    """``word`` is in ``source``, or is a word of it with a particle the analyzer read into it
    ("넥슨네트웍스의", where the source has 넥슨네트웍스)."""
    return any(word[: len(word) - cut] in source for cut in (0, 1, 2) if len(word) - cut >= 2)


def _unknown(tokens: Any, source: str) -> list[str]:
    return [
        t.form
        for t in tokens
        if t.score < UNKNOWN_BELOW and _WORD.match(t.form) and not _given(t.form, source)
    ]


def _broken(text: str, tokens: Any, source: str, syllables: int) -> bool:
    unknown = _unknown(tokens, source)
    if len(set(unknown)) >= UNKNOWN_WORDS or sum(map(len, unknown)) >= UNKNOWN_SHARE * syllables:
        return True
    for token in tokens:
        if token.tag.startswith("Z"):
            start = text.rfind(" ", 0, token.start) + 1
            end = text.find(" ", token.end)
            if not _given(text[start : len(text) if end < 0 else end], source):
                return True
    return False


def garbled_loading(texts: Sequence[str], source: str) -> list[bool] | None:
    """``garbled`` with the analyzer loaded first: what the check worker process runs."""
    return garbled(texts, source, load=True)
