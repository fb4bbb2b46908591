"""The Korean analyzer, kiwipiepy: loaded once per process, on demand, never at import.

Loading takes one to three seconds and about 300 MB, and holds the GIL while it runs, so the GUI
process never loads it: the editor runs the analyzer's rules in the check worker process
(``ui/check_runner.py``); ``jaso check`` loads it in its own process. Where kiwipiepy is not
installed (a build without it), ``load`` returns None and the checks run without these rules.

Analyses are cached by the text analysed (a "paragraph" below; the checks give it sentences,
``checks_korean.analysis_units``): while a user types, only the sentence that changed is
analysed again.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Final

import regex

# Set JASO_ANALYZER=off to run without the analyzer even where it is installed.
DISABLE_ENV: Final = "JASO_ANALYZER"
# kiwipiepy's default is 2.5; every correction worth offering on real essays cost at most 1.5,
# and the analysis runs a quarter faster with the lower bound.
TYPO_COST_THRESHOLD: Final = 1.5
# The confusions Korean writers make, each written as the other (kiwipiepy's "basic" set has
# 11,000 definitions, consonants included; these few find every typo it found on the real
# essays that was worth correcting, in 60 % of the time): 재무재표, 떄문, 계시판, 쥬얼리, 높히고.
TYPO_GROUPS: Final = ("ㅐㅔ", "ㅒㅐ", "ㅔㅖ", "ㅚㅙㅞ", "ㅜㅠ", "ㅓㅕ", "ㅜㅡ", ("이", "히"))
CACHE_SIZE: Final = 2048  # sentences kept: while a user types, only the changed one is new
CONTEXT_CHARS: Final = 30  # the words around a typo that judge its correction
# A typo's correction is offered (KO.TYPO) only where the corrected word is far likelier than
# the word as written, alone and among its neighbours (log-probability gains; measured on real
# essays with bench/rule_precision.py: below these, half the corrections were wrong).
TYPO_MIN_GAIN: Final = 2.5
TYPO_MIN_CONTEXT_GAIN: Final = 1.0
# A corrected word longer than this is text run together without spaces: the analyzer's words
# there are guesses, and KO.TYPO never offers them (nor are their gains measured).
TYPO_MAX_WORD: Final = 20

_SURROGATE: Final = regex.compile(r"[\ud800-\udfff]")
_lock = threading.RLock()
_kiwi: Any = None
_failed = False
_cache: OrderedDict[str, Paragraph | None] = OrderedDict()
_typos: Any = None


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
    global _kiwi, _failed, _typos
    with _lock:
        if _kiwi is not None or _failed:
            return _kiwi
        if not available():
            _failed = True
            return None
        try:
            from kiwipiepy import Kiwi, TypoDefinition, TypoTransformer

            _typos = TypoTransformer(
                [TypoDefinition(list(group), list(group), 1.0) for group in TYPO_GROUPS]
            )
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
    # likelier, and where it is not measured: a proper noun, a word the correction leaves as
    # it was, a run over TYPO_MAX_WORD; the context's, where the word's is under
    # TYPO_MIN_GAIN): a correction worth offering is far likelier in both.
    gain: float = 0.0
    context_gain: float = 0.0


@dataclass(frozen=True)
class Paragraph:
    """One analysis of a paragraph, shared by every rule: its morphemes (offsets into the
    paragraph; where a typo was corrected, the corrected morphemes over the typo's span) and
    the typos the analyzer corrected."""

    tokens: tuple[Token, ...]
    typos: tuple[Typo, ...]


def lock() -> threading.RLock:
    """The lock around every call into the analyzer."""
    return _lock


def clean(text: str) -> str:
    """``text`` as the analyzer can take it: it works in UTF-16 and fails on a lone surrogate;
    U+FFFD keeps every offset."""
    return str(_SURROGATE.sub("\ufffd", text))


def analyze(paragraph: str) -> Paragraph | None:
    """The analysis of one paragraph (a line without line breaks); None without the analyzer."""
    found = analyze_all([paragraph])
    return found[0] if found else None


def analyze_all(paragraphs: list[str]) -> list[Paragraph | None]:
    """The analysis of each paragraph, in order ([] without the analyzer). Paragraphs seen
    before come from the cache; the others go to the analyzer in one batch, which it spreads
    over its worker threads."""
    kiwi = loaded()
    if kiwi is None:
        return []
    cleaned = [clean(paragraph) for paragraph in paragraphs]
    with _lock:
        missing = list(dict.fromkeys(p for p in cleaned if p not in _cache))
        if missing:
            try:
                _fill(kiwi, missing)
            except Exception:  # noqa: BLE001 (text the analyzer cannot take: try one by one)
                for paragraph in missing:
                    try:
                        _fill(kiwi, [paragraph])
                    except Exception:  # noqa: BLE001 (no findings from it)
                        _cache[paragraph] = None
        found = [_cache.get(paragraph) for paragraph in cleaned]
        for paragraph in cleaned:
            if paragraph in _cache:
                _cache.move_to_end(paragraph)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return found


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def _fill(kiwi: Any, paragraphs: list[str]) -> None:
    # One pass per paragraph with typo correction on: the morphemes for spacing and
    # particles and the typos come from it (it used to be four: sentence split, tokens,
    # spacing, typos). The caller holds the lock.
    batches = kiwi.tokenize(paragraphs, typos=_typos, typo_cost_threshold=TYPO_COST_THRESHOLD)
    for paragraph, raw in zip(paragraphs, batches, strict=True):
        typos = [_typo(kiwi, paragraph, raw, t) for t in raw if t.typo_cost > 0]
        tokens = tuple(Token(t.form, t.tag, t.start, t.end) for t in raw if not t.typo_cost)
        _cache[paragraph] = Paragraph(tokens, tuple(t for t in typos if t is not None))


def _typo(kiwi: Any, paragraph: str, tokens: Any, token: Any) -> Typo | None:
    start = paragraph.rfind(" ", 0, token.start) + 1
    end = paragraph.find(" ", token.end)
    end = len(paragraph) if end < 0 else end
    inside = [(t.form, t.tag) for t in tokens if start <= t.start and t.end <= end]
    if not inside:
        return None
    word = kiwi.join(inside)
    if token.tag == "NNP" or word == paragraph[start:end] or end - start > TYPO_MAX_WORD:
        # Never offered as a correction (KO.TYPO): four analyses spared (the gains are 0).
        return Typo(start, end, token.form, token.tag, float(token.typo_cost), word)
    gain = _gain(kiwi, paragraph[start:end])
    if gain < TYPO_MIN_GAIN:
        # Never offered whatever the words around say: two analyses spared (a seventh of the
        # checks' time on the real essays went to these).
        return Typo(start, end, token.form, token.tag, float(token.typo_cost), word, gain)
    low = max(0, paragraph.rfind(" ", 0, max(0, start - CONTEXT_CHARS)) + 1)
    high = paragraph.find(" ", min(len(paragraph), end + CONTEXT_CHARS))
    around = paragraph[low : len(paragraph) if high < 0 else high]
    return Typo(
        start, end, token.form, token.tag, float(token.typo_cost), word, gain,
        _gain(kiwi, around),
    )  # fmt: skip


def _gain(kiwi: Any, text: str) -> float:
    """The analyzer's best score for ``text`` with typo correction less its best without."""
    corrected = kiwi.analyze(text, top_n=1, typos=_typos, typo_cost_threshold=TYPO_COST_THRESHOLD)
    return float(corrected[0][1] - kiwi.analyze(text, top_n=1)[0][1])
