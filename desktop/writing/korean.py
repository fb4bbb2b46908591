"""The Korean analyzer, kiwipiepy: loaded once per process, on demand, never at import.

Loading takes one to three seconds and about 300 MB, and holds the GIL while it runs, so the GUI
process never loads it: the editor runs the analyzer's rules in the check worker process
(``ui/check_runner.py``); ``jaso check`` loads it in its own process. Where kiwipiepy is not
installed (a build without it), ``load`` returns None and the checks run without these rules.

Analyses are cached by paragraph: while a user types, only the paragraph that changed is
analysed again.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

import regex

# Set JASO_ANALYZER=off to run without the analyzer even where it is installed.
DISABLE_ENV: Final = "JASO_ANALYZER"
TYPO_COST_THRESHOLD: Final = 2.5  # kiwipiepy's default
CONTEXT_CHARS: Final = 30  # the words around a typo that judge its correction

_SURROGATE: Final = regex.compile(r"[\ud800-\udfff]")
_lock = threading.Lock()
_kiwi: Any = None
_failed = False


def available() -> bool:
    """Whether kiwipiepy and its model are installed (and not switched off)."""
    if os.environ.get(DISABLE_ENV, "").lower() in ("off", "0", "no"):
        return False
    return (
        importlib.util.find_spec("kiwipiepy") is not None
        and importlib.util.find_spec("kiwipiepy_model") is not None
    )


def loaded() -> Any:
    """The analyzer if this process has loaded it, else None; never loads."""
    return _kiwi


def load() -> Any:
    """The analyzer, loading it on first use (blocking; seconds); None if it is unavailable."""
    global _kiwi, _failed
    with _lock:
        if _kiwi is not None or _failed:
            return _kiwi
        if not available():
            _failed = True
            return None
        try:
            from kiwipiepy import Kiwi

            _kiwi = Kiwi()
        except Exception:  # noqa: BLE001 (a broken install: check without the analyzer)
            _failed = True
        return _kiwi


@dataclass(frozen=True)
class Token:
    """A morpheme: ``start``/``end`` are offsets into the analysed text."""

    form: str
    tag: str
    start: int
    end: int


@dataclass(frozen=True)
class Typo:
    """A morpheme the analyzer reads as a typo of ``form``: ``word`` is the corrected word the
    typo stands in, ``[start, end)`` the original word's span in the paragraph."""

    start: int
    end: int
    form: str
    tag: str
    cost: float
    word: str
    # How much likelier the analyzer finds the corrected reading than the text as written,
    # for the word alone and for the words around it (log-probability; 0 where it is no
    # likelier): a correction worth offering is far likelier in both.
    gain: float = 0.0
    context_gain: float = 0.0


@dataclass(frozen=True)
class Paragraph:
    """One analysis of a paragraph, shared by every rule: its morphemes (offsets into the
    paragraph; where a typo was corrected, the corrected morphemes over the typo's span) and
    the typos the analyzer corrected."""

    tokens: tuple[Token, ...]
    typos: tuple[Typo, ...]


def analyze(paragraph: str) -> Paragraph | None:
    """The analysis of one paragraph (a line without line breaks); None without the analyzer."""
    kiwi = loaded()
    if kiwi is None:
        return None
    # The analyzer works in UTF-16 and fails on a lone surrogate; U+FFFD keeps every offset.
    paragraph = _SURROGATE.sub("\ufffd", paragraph)
    try:
        return _analyze(kiwi, paragraph)
    except Exception:  # noqa: BLE001 (text the analyzer cannot take: no findings from it)
        return None


@lru_cache(maxsize=512)
def _analyze(kiwi: Any, paragraph: str) -> Paragraph:
    # One pass with typo correction on: the morphemes for spacing and particles and the typos
    # come from it (it used to be four: sentence split, tokens, spacing, typos).
    with _lock:
        raw = kiwi.tokenize(paragraph, typos="basic", typo_cost_threshold=TYPO_COST_THRESHOLD)
        typos = [_typo(kiwi, paragraph, raw, t) for t in raw if t.typo_cost > 0]
    tokens = tuple(Token(t.form, t.tag, t.start, t.end) for t in raw if not t.typo_cost)
    return Paragraph(tokens, tuple(t for t in typos if t is not None))


def _typo(kiwi: Any, paragraph: str, tokens: Any, token: Any) -> Typo | None:
    start = paragraph.rfind(" ", 0, token.start) + 1
    end = paragraph.find(" ", token.end)
    end = len(paragraph) if end < 0 else end
    inside = [(t.form, t.tag) for t in tokens if start <= t.start and t.end <= end]
    if not inside:
        return None
    word = kiwi.join(inside)
    low = max(0, paragraph.rfind(" ", 0, max(0, start - CONTEXT_CHARS)) + 1)
    high = paragraph.find(" ", min(len(paragraph), end + CONTEXT_CHARS))
    around = paragraph[low : len(paragraph) if high < 0 else high]
    return Typo(
        start, end, token.form, token.tag, float(token.typo_cost), word,
        _gain(kiwi, paragraph[start:end]), _gain(kiwi, around),
    )  # fmt: skip


def _gain(kiwi: Any, text: str) -> float:
    """The analyzer's best score for ``text`` with typo correction less its best without."""
    corrected = kiwi.analyze(text, top_n=1, typos="basic", typo_cost_threshold=TYPO_COST_THRESHOLD)
    return float(corrected[0][1] - kiwi.analyze(text, top_n=1)[0][1])
