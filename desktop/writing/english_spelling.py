"""English spelling (EN.SPELL) from a maintained dictionary: pyspellchecker's English word
frequency list, loaded once per process on first use (about half a second).

Precision first: a word is flagged only if the dictionary lacks it, it is written in lower case
(capitalised words are names, products and acronyms), it has five letters or more, the
application itself does not use it (company, role, question), it is not a British spelling of a
listed word (organisation, colour, analyse) nor a compound of listed words (backend,
untrusted), and one edit turns it into a common word ("recieve" → "receive"). Words the
dictionary lacks with no such neighbour (onboarding, fintech, kubernetes) are left alone.
"""

from __future__ import annotations

import importlib.util
import threading
from functools import cache
from typing import Any, Final

import regex

from desktop.writing.flags import CheckContext, Flag

MIN_LETTERS: Final = 5  # shorter unknown words are mostly acronyms and jargon (gui, repo, bot)
# How common the correction must be (share of all words in the list's corpus): "receive" is
# about 3e-5, "achieve" 1.3e-5; rare neighbours make for guesses.
MIN_CORRECTION_FREQUENCY: Final = 1e-6
_WORD: Final = regex.compile(r"(?<![\w@./#-])[A-Za-z]+(?:['’][a-z]+)?(?![\w@/#-]|\.[A-Za-z])")
_BRITISH: Final = (
    ("isation", "ization"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"),
    ("yse", "yze"), ("our", "or"), ("ours", "ors"), ("tre", "ter"), ("tres", "ters"),
    ("ence", "ense"), ("ogue", "og"), ("lled", "led"), ("lling", "ling"), ("ller", "ler"),
)  # fmt: skip
_PREFIXES: Final = (
    "un", "re", "sub", "pre", "non", "co", "multi", "inter", "over", "under", "out", "self",
    "cross", "micro", "mis", "de", "dis", "anti", "auto", "post", "super", "hyper",
)  # fmt: skip
_lock = threading.Lock()


def available() -> bool:
    return importlib.util.find_spec("spellchecker") is not None


@cache
def _checker() -> Any:
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1)


def _known(checker: Any, word: str) -> bool:
    if word in checker:
        return True
    for uk, us in _BRITISH:
        if word.endswith(uk) and word[: -len(uk)] + us in checker:
            return True
    return False


def _compound(checker: Any, word: str) -> bool:
    """Whether ``word`` is a prefix and a word (untrusted, subtable) or two words (backend,
    workflow): jargon the list lacks, not a misspelling."""
    if any(word.startswith(p) and word[len(p) :] in checker for p in _PREFIXES):
        return True
    return any(word[:i] in checker and word[i:] in checker for i in range(3, len(word) - 2))


def _plausible(word: str, right: str) -> bool:
    """A correction that drops a letter is taken only where the letter was doubled (writting,
    untill): dropping any other letter turns jargon into words (codecs → codes)."""
    if len(right) >= len(word):
        return True
    return any(
        word[:i] + word[i + 1 :] == right and word[i] == word[i - 1] for i in range(1, len(word))
    )


def spelling(text: str, context: CheckContext) -> list[Flag]:
    if not available():
        return []
    own = {
        w.casefold() for w in _WORD.findall(f"{context.company} {context.role} {context.question}")
    }
    with _lock:
        checker = _checker()
        flags = []
        for match in _WORD.finditer(text):
            word = match.group().replace("’", "'")
            if len(word) < MIN_LETTERS or not word.islower() or word in own:
                continue
            if "'" in word or _known(checker, word) or _compound(checker, word):
                continue
            right = checker.correction(word)
            if not right or right == word or not _plausible(word, right):
                continue
            if checker.word_usage_frequency(right) < MIN_CORRECTION_FREQUENCY:
                continue
            message = context.say(
                "철자: '{wrong}' → '{right}'",
                "Spelling: '{wrong}' should be '{right}'",
                wrong=match.group(),
                right=right,
            )
            flags.append(Flag("EN.SPELL", "major", match.start(), match.end(), message, right))
    return flags
