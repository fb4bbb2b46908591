"""Words no Korean writer wrote: Hangul words the analyzer does not know, in a model's prose,
that are not in the text the model was given.

Kiwi scores a word it does not know by its length, far below the words it knows: SmolLM2's
broken forms "이므샌" -37.5, "일괬" -31.7, "불탑해직" -41.9, "그랯", "윀렬", "문절식좌행단".
Real essays have such words too, and only their own: company, product and programme names
("하나은행중국유한공사" -45.1, "로지스올" -37.3). So a word counts only where it is not in
the source (the essay, question, company, role and prompt).

Measured (the scorer is ``unknown_words``): on the automatic analysis's 2,347 prose fields for
174 real essays, 0 fields with such a word at any bound from -20 to -28; on 1,128 Korean fields
the starter and SmolLM2 wrote for real essays and the sample answers, 61 at -24, every one
broken Korean on reading. The analyzer's per-syllable score of a sentence does not separate
them: terse critique prose ("수치 0개, 본인 행동을 쓴 문장 2개.") scores as low as broken text
(1,697 of the analysis's 7,068 fields would have failed).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import regex

from desktop.writing import korean

UNKNOWN_BELOW: Final = -24.0
_WORD: Final = regex.compile(r"^\p{Hangul}{2,}$")


def unknown_words(texts: Sequence[str], source: str, load: bool = False) -> list[list[str]] | None:
    """For each text, its Hangul words (of two syllables or more) the analyzer does not know
    and ``source`` does not contain; None where this process has no analyzer (``load``: load it
    first, seconds the first time)."""
    kiwi = korean.load() if load else korean.loaded()
    if kiwi is None:
        return None
    found: list[list[str]] = []
    with korean.lock():
        for text in texts:
            if not regex.search(r"\p{Hangul}", text):
                found.append([])
                continue
            tokens = kiwi.analyze(korean.clean(text), top_n=1)[0][0]
            found.append(
                [
                    t.form
                    for t in tokens
                    if t.score < UNKNOWN_BELOW and _WORD.match(t.form) and t.form not in source
                ]
            )
    return found


def unknown_words_loading(texts: Sequence[str], source: str) -> list[list[str]] | None:
    """``unknown_words`` with the analyzer loaded first: what the check worker process runs."""
    return unknown_words(texts, source, load=True)
