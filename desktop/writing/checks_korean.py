"""Rules on the Korean analyzer (``korean.py``): spacing, typos, particles after any noun.

Precision first. The analyzer's own spacing (``Kiwi.space``) splits unknown names and compound
nouns ("한 빛 물류", "풀 필먼 트"), where Korean allows either; KO.SPACING reports only the
differences the standard settles and the analyzer is sure of:

- a space before a particle, an ending or the 하다 of a noun ("학교 에서", "공부 했습니다");
- no space after an adnominal ending before 수/것/적/줄 ("할수", "하는것"), after those before a
  verb ("수있다"), after -게/-야/-도록/-지만 before a main verb ("하게되었다"), and after a
  particle before the next word ("저는할").

Auxiliary verbs (해 보다, 해보다), numbers with units (3 년, 3년) and anything touching Latin
letters, digits or a company name are never flagged. KO.TYPO takes kiwipiepy's typo correction
where it changes a common word; the curated list (KO.SPELL) runs with or without the analyzer.
"""

from __future__ import annotations

from typing import Final

import regex

from desktop.writing import korean
from desktop.writing.flags import CheckContext, Flag
from desktop.writing.josa import ending_at, wrong_ending
from desktop.writing.sentences import paragraph_spans

RULE_IDS: Final = ("KO.SPACING", "KO.TYPO", "KO.JOSA")
MAX_CHARS: Final = 20_000  # beyond this the analyzer's rules are skipped (seconds of work)

_HANGUL: Final = regex.compile(r"[가-힣]")
_NNB_AFTER_ETM: Final = frozenset({"수", "것", "적", "줄", "만큼", "채", "리", "뻔", "척"})
_NNB_BEFORE_VERB: Final = frozenset({"수", "것", "적", "줄"})
_EC_BEFORE_VERB: Final = frozenset({"게", "야", "어야", "아야", "여야", "도록", "지만", "는데"})
_PARTICLES_BEFORE_WORD: Final = frozenset(
    {"은", "는", "이", "가", "을", "를", "에", "에서", "에게", "으로", "로", "와", "과", "도", "의"}
)
_CONTENT: Final = frozenset({"NNG", "NNP", "NP", "NR", "VV", "VA", "MAG", "MM"})
_NOUNISH: Final = frozenset({"NNG", "NNP", "NNB", "NP", "NR", "SL", "SN", "SH"})
_ALTERNATING_PARTICLE_TAGS: Final = frozenset({"JKS", "JKO", "JKB", "JX", "JC", "JKC"})


def analyzer_rules(text: str, context: CheckContext) -> list[Flag]:
    """KO.SPACING, KO.TYPO and the analyzer's KO.JOSA flags, if the analyzer is loaded."""
    if context.lang == "en" or korean.loaded() is None or len(text) > MAX_CHARS:
        return []
    protected = _protected_spans(text, context)
    flags: list[Flag] = []
    for start, end in paragraph_spans(text):
        analysis = korean.analyze(text[start:end])
        if analysis is None:
            continue
        for sentence in analysis.sentences:
            flags += _spacing(text, start, sentence, protected, context)
            flags += _particles(text, start, sentence, context)
        flags += _typos(text, start, analysis.typos, protected, context)
    return flags


def _protected_spans(text: str, context: CheckContext) -> list[tuple[int, int]]:
    """Company names, Latin words, numbers and brackets: never a spacing or typo finding."""
    from desktop.writing.checks import company_names

    names = [context.company] if context.company else []
    names += [name for name, _ in company_names(context)]
    spans = [(m.start(), m.end()) for m in regex.finditer(r"[A-Za-z0-9][\w.&+#%,-]*", text)]
    for name in filter(None, names):
        spans += [(m.start(), m.end()) for m in regex.finditer(regex.escape(name), text)]
    return spans


def _touches(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(low <= end and start <= high for low, high in spans)


# Spacing -----------------------------------------------------------------------------------


def _gaps(text: str) -> tuple[str, list[bool]]:
    """The text without whitespace, and for each of its characters whether space follows."""
    chars: list[str] = []
    spaced: list[bool] = []
    for char in text:
        if char.isspace():
            if spaced:
                spaced[-1] = True
        else:
            chars.append(char)
            spaced.append(False)
    return "".join(chars), spaced


def _confident(left: korean.Token, right: korean.Token, insert: bool) -> bool:
    if not insert:  # a space the standard does not allow before the right morpheme
        if right.tag.startswith(("J", "E")):
            return left.tag != "SN"
        return right.tag == "XSV" and right.form == "하" and left.tag in ("NNG", "XR")
    if left.tag == "ETM" and right.tag == "NNB":
        return right.form in _NNB_AFTER_ETM
    if left.tag == "NNB" and left.form in _NNB_BEFORE_VERB:
        return right.tag in ("VV", "VA")
    if left.tag == "EC" and left.form in _EC_BEFORE_VERB:
        return right.tag in ("VV", "VA")
    if left.tag.startswith("J") and left.form in _PARTICLES_BEFORE_WORD:
        return right.tag in _CONTENT
    return False


def _spacing(
    text: str,
    offset: int,
    sentence: korean.Sentence,
    protected: list[tuple[int, int]],
    context: CheckContext,
) -> list[Flag]:
    base = offset + sentence.start
    original = text[base : offset + sentence.end]
    if sentence.spaced == original:
        return []
    bare, have = _gaps(original)
    bare_spaced, want = _gaps(sentence.spaced)
    if bare != bare_spaced:
        return []  # the analyzer changed more than spaces: not a spacing finding
    positions = [i for i, char in enumerate(original) if not char.isspace()]
    # Contracted syllables hold several morphemes (했 = 하 + 었): the first one starts a word,
    # the last one ends it.
    ends = {t.end - sentence.start: t for t in sentence.tokens}
    starts: dict[int, korean.Token] = {}
    for token in sentence.tokens:
        starts.setdefault(token.start - sentence.start, token)
    words: dict[tuple[int, int], None] = {}
    for index in range(len(bare) - 1):
        if have[index] == want[index]:
            continue
        left_end = positions[index] + 1
        right_start = positions[index + 1]
        left, right = ends.get(left_end), starts.get(right_start)
        if left is None or right is None or not _confident(left, right, want[index]):
            continue
        if not (_HANGUL.match(original, left_end - 1) and _HANGUL.match(original, right_start)):
            continue
        if _touches(protected, base + left_end - 1, base + right_start + 1):
            continue
        words[_word_around(original, left_end - 1, right_start)] = None
    return [_spacing_flag(original, base, sentence.spaced, span, context) for span in words]


def _word_around(text: str, left: int, right: int) -> tuple[int, int]:
    start = left
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = right
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def _spacing_flag(
    original: str, base: int, spaced: str, span: tuple[int, int], context: CheckContext
) -> Flag:
    start, end = span
    core = regex.sub(r"\s+", "", original[start:end])
    before = len(regex.sub(r"\s+", "", original[:start]))
    # The same characters in the analyzer's spacing, with its spaces.
    count = 0
    low = high = None
    for i, char in enumerate(spaced):
        if char.isspace():
            continue
        if count == before:
            low = i
        count += 1
        if count == before + len(core):
            high = i + 1
            break
    right = spaced[low:high] if low is not None and high is not None else core
    # Trailing punctuation stays outside the suggestion's span.
    word = original[start:end].rstrip(".,!?…\"'”’)")
    right = right.rstrip(".,!?…\"'”’)")
    message = context.say(
        "띄어쓰기: '{wrong}' → '{right}'",
        "Spacing: '{wrong}' should be '{right}'",
        wrong=word,
        right=right,
    )
    return Flag("KO.SPACING", "minor", base + start, base + start + len(word), message, right)


# Particles after any noun ------------------------------------------------------------------


def _particles(
    text: str, offset: int, sentence: korean.Sentence, context: CheckContext
) -> list[Flag]:
    flags = []
    tokens = sentence.tokens
    for before, token in zip(tokens, tokens[1:], strict=False):
        if token.tag not in _ALTERNATING_PARTICLE_TAGS or before.end != token.start:
            continue
        if before.tag not in _NOUNISH:
            continue
        word_start = offset + before.start
        while word_start > 0 and not text[word_start - 1].isspace():
            word_start -= 1
        word = text[word_start : offset + token.start]
        ending = ending_at(text, offset + token.start)
        if ending is None or ending.written != token.form:
            continue
        right = wrong_ending(word, ending)
        if right is None:
            continue
        message = context.say(
            "조사 오류: '{wrong}' → '{right}'",
            "Wrong particle: '{wrong}' should be '{right}'",
            wrong=word + ending.written,
            right=word + right,
        )
        flags.append(Flag("KO.JOSA", "major", word_start, ending.end, message, word + right))
    return flags


# Typos -------------------------------------------------------------------------------------


def _typos(
    text: str,
    offset: int,
    typos: tuple[korean.Typo, ...],
    protected: list[tuple[int, int]],
    context: CheckContext,
) -> list[Flag]:
    flags = []
    for typo in typos:
        start, end = offset + typo.start, offset + typo.end
        written = text[start:end]
        if typo.tag == "NNP" or _touches(protected, start, end) or typo.word == written:
            continue
        trail = len(written) - len(written.rstrip(".,!?…\"'”’)"))
        right = typo.word[: len(typo.word) - trail] if trail else typo.word
        message = context.say(
            "오타로 보입니다: '{wrong}' → '{right}'",
            "Looks like a typo: '{wrong}' should be '{right}'",
            wrong=written[: len(written) - trail],
            right=right,
        )
        flags.append(Flag("KO.TYPO", "major", start, end - trail, message, right))
    return flags
