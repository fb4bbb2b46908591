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
from desktop.writing.checks_company import name_spans
from desktop.writing.companies import own_spans
from desktop.writing.flags import CheckContext, Flag
from desktop.writing.josa import ending_at, wrong_ending
from desktop.writing.masks import ends_in_mask, mask_spans
from desktop.writing.sentences import paragraph_spans, sentence_spans

RULE_IDS: Final = ("KO.SPACING", "KO.TYPO", "KO.JOSA")
TYPO_MIN_GAIN: Final = korean.TYPO_MIN_GAIN
TYPO_MIN_CONTEXT_GAIN: Final = korean.TYPO_MIN_CONTEXT_GAIN
TYPO_MAX_WORD: Final = korean.TYPO_MAX_WORD
MAX_CHARS: Final = 20_000  # beyond this the analyzer's rules are skipped (seconds of work)

_HANGUL: Final = regex.compile(r"[가-힣]")
_NNB_AFTER_ETM: Final = frozenset({"수", "것", "적", "줄", "만큼", "채", "리", "뻔", "척", "데"})
# 데 is the bound noun (the place or matter: 하는 데 도움이 되다) or part of the ending 는데
# (하는데 비가 왔다): only before these is it the noun for certain.
_AFTER_DE: Final = frozenset(
    {"있", "도움", "기여", "필요", "중요", "쓰", "사용", "활용", "걸리", "들", "집중", "힘쓰",
     "앞장서", "이바지", "일조", "유용", "적합", "효과", "효과적", "목적"}
)  # fmt: skip
_NNB_BEFORE_VERB: Final = frozenset({"수", "것", "적", "줄"})
_EC_BEFORE_VERB: Final = frozenset({"게", "야", "어야", "아야", "여야", "도록", "지만", "는데"})
_PARTICLES_BEFORE_WORD: Final = frozenset(
    {"은", "는", "이", "가", "을", "를", "에", "에서", "에게", "으로", "로", "와", "과", "도", "의"}
)
_CONTENT: Final = frozenset({"NNG", "NNP", "NP", "NR", "VV", "VA", "MAG", "MM"})
_NOUNISH: Final = frozenset({"NNG", "NNP", "NNB", "NP", "NR", "SL", "SN", "SH", "XSN"})
_ALTERNATING_PARTICLE_TAGS: Final = frozenset({"JKS", "JKO", "JKB", "JX", "JC", "JKC"})


def analyzer_rules(text: str, context: CheckContext) -> list[Flag]:
    """KO.SPACING, KO.TYPO and the analyzer's KO.JOSA flags, if the analyzer is loaded."""
    if context.lang == "en" or korean.loaded() is None or len(text) > MAX_CHARS:
        return []
    protected = _protected_spans(text, context)
    flags: list[Flag] = []
    spans = analysis_units(text)
    analyses = korean.analyze_all([text[start:end] for start, end in spans])
    for (start, _end), analysis in zip(spans, analyses, strict=False):
        if analysis is None:
            continue
        flags += _spacing(text, start, analysis.tokens, protected, context)
        flags += _particles(text, start, analysis.tokens, context)
        flags += _typos(text, start, analysis.typos, protected, context)
    return flags


# Text without spaces ----------------------------------------------------------------------

# A line with this many Hangul letters or more per space is text run together (pasted from a
# PDF, typed without spaces): on the 521 real essays no paragraph has more than 5.3 (median
# 3.2), and the analyzer's spacing of such text is a guess at every word. A PDF's lines are
# short, so consecutive lines count together.
UNSPACED_LETTERS_PER_SPACE: Final = 10
UNSPACED_MIN_LETTERS: Final = 40  # in a run of such lines
_UNSPACED_LINE_LETTERS: Final = 10  # a shorter line (a heading) says nothing either way
_SPACES: Final = regex.compile(r"\s+")


def _unspaced_runs(text: str) -> list[tuple[list[tuple[int, int]], int, int]]:
    """Runs of consecutive lines with almost no spaces: their spans, Hangul letters, spaces."""
    runs: list[tuple[list[tuple[int, int]], int, int]] = []
    for start, end in paragraph_spans(text):
        line = text[start:end].strip()
        letters = len(_HANGUL.findall(line))
        gaps = len(_SPACES.findall(line))
        if letters < _UNSPACED_LINE_LETTERS or letters < UNSPACED_LETTERS_PER_SPACE * (gaps + 1):
            continue
        if runs and text.count("\n", runs[-1][0][-1][1], start) == 1:  # the next line
            spans, total, spaces = runs[-1]
            runs[-1] = ([*spans, (start, end)], total + letters, spaces + gaps)
        else:
            runs.append(([(start, end)], letters, gaps))
    return [run for run in runs if run[1] >= UNSPACED_MIN_LETTERS]


def unspaced_spans(text: str) -> list[tuple[int, int]]:
    """The lines of ``text`` that have almost no spaces between their words."""
    return [span for spans, _letters, _gaps in _unspaced_runs(text) for span in spans]


# A "word" of this many Hangul letters is words run together ("저는자투리시간을활용하기위해
# 낮동안에는모눈노트를활용하여"): on the 521 real essays 31 such words in 4 answers, every one run
# together; the analyzer put back only the few spaces it was sure of, and its suggestion left
# the rest ("다른자원봉사자들과 협동하여동계스포츠체험과 서울관광등…"). Lists joined with ·
# ("대통령·국무총리·국무위원") are not one.
RUN_TOGETHER_LETTERS: Final = 20
# Only a word at least that long can hold that many letters: the others are never looked at.
_LONG_WORD: Final = regex.compile(rf"\S{{{RUN_TOGETHER_LETTERS},}}")


def run_together(word: str) -> bool:
    return "·" not in word and len(_HANGUL.findall(word)) >= RUN_TOGETHER_LETTERS


def unspaced(text: str, context: CheckContext) -> list[Flag]:
    """One KO.SPACING finding for each run of lines without spaces (instead of a finding per
    word, or a paragraph-long "word" with a few of its spaces put back), and one for each
    word that is words run together, without a suggestion."""
    flags = []
    lines = unspaced_spans(text)
    for match in _LONG_WORD.finditer(text):
        if not run_together(match.group()) or any(
            low <= match.start() < high for low, high in lines
        ):
            continue
        message = context.say(
            "띄어쓰기가 빠진 구절입니다 (한글 {letters}자가 붙어 있습니다). 단어마다 띄어 쓰세요.",
            "Words run together here ({letters} Hangul letters without a space); put the "
            "spaces back.",
            letters=len(_HANGUL.findall(match.group())),
        )
        flags.append(Flag("KO.SPACING", "minor", match.start(), match.end(), message))
    for spans, letters, gaps in _unspaced_runs(text):
        message = context.say(
            "띄어쓰기가 거의 없습니다 (한글 {letters:,}자에 띄어 쓴 곳 {gaps:,}곳). "
            "PDF 등에서 붙여 넣은 글이면 띄어쓰기를 다시 해 주세요.",
            "This text has almost no spaces ({gaps:,} in {letters:,} Hangul letters); "
            "text pasted from a PDF often loses them. Put the spaces back.",
            letters=letters,
            gaps=gaps,
        )
        flags.append(Flag("KO.SPACING", "major", spans[0][0], spans[-1][1], message))
    return flags


def analysis_units(text: str) -> list[tuple[int, int]]:
    """The spans the analyzer reads one at a time: the sentences of ``text`` outside the lines
    without spaces (those are one finding of their own, ``unspaced``). Sentences, not
    paragraphs: the analyzer spreads a batch over its worker threads (a real answer is often
    one long paragraph), and after a keystroke only the sentence typed in is read again."""
    unspaced = unspaced_spans(text)
    return [
        (start, end)
        for start, end in sentence_spans(text)
        if not any(low <= start < high for low, high in unspaced)
    ]


def _protected_spans(text: str, context: CheckContext) -> list[tuple[int, int]]:
    """Company names, Latin words, numbers, brackets and masks: never a spacing or typo
    finding."""
    spans = [(m.start(), m.end()) for m in regex.finditer(r"[A-Za-z0-9][\w.&+#%,-]*", text)]
    spans += own_spans(text, context.company) + mask_spans(text)
    spans += name_spans(text, context.company, context.other_companies)
    return spans


def _touches(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(low <= end and start <= high for low, high in spans)


# Spacing -----------------------------------------------------------------------------------


def _confident(left: korean.Token, right: korean.Token, insert: bool) -> bool:
    if not insert:  # a space the standard does not allow before the right morpheme
        if right.tag.startswith(("J", "E")):
            return left.tag != "SN"
        if right.form == "뿐" and left.tag in ("NNG", "NNP", "NP"):
            return True  # 뿐 after a noun is a particle: 영향뿐만
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
    tokens: tuple[korean.Token, ...],
    protected: list[tuple[int, int]],
    context: CheckContext,
) -> list[Flag]:
    """Each word whose spacing the standard settles otherwise, with only those gaps changed
    in its suggestion (the analyzer's own spacing also splits endings: 노력이 더라도)."""
    # Contracted syllables hold several morphemes (했 = 하 + 었): the first one starts a word,
    # the last one ends it.
    ends = {offset + t.end: t for t in tokens}
    starts: dict[int, korean.Token] = {}
    for token in tokens:
        starts.setdefault(offset + token.start, token)
    following = {id(token): after for token, after in zip(tokens, tokens[1:], strict=False)}
    changes: list[tuple[int, int, bool]] = []  # (left end, right start, insert a space)
    for left_end, left in ends.items():
        right_start = left_end
        while right_start < len(text) and text[right_start] in " \t":
            right_start += 1
        right = starts.get(right_start)
        if right is None:
            continue
        insert = right_start == left_end
        if not _confident(left, right, insert):
            continue
        if right.form == "데" and right.tag == "NNB":
            after = following.get(id(right))
            if after is None or after.form not in _AFTER_DE:
                continue
        if left.tag.startswith("J") and text[offset + left.start : left_end] != left.form:
            continue  # a particle fused into a syllable: 내(나+의)외부 is one word
        if not (_HANGUL.match(text, left_end - 1) and _HANGUL.match(text, right_start)):
            continue
        if _touches(protected, left_end - 1, right_start + 1):
            continue
        changes.append((left_end, right_start, insert))
    return _spacing_flags(text, changes, context)


def _spacing_flags(
    text: str, changes: list[tuple[int, int, bool]], context: CheckContext
) -> list[Flag]:
    words: list[tuple[int, int, list[tuple[int, int, bool]]]] = []
    for change in sorted(changes):
        start, end = _word_around(text, change[0] - 1, change[1])
        if words and start < words[-1][1]:
            low, _high, inside = words[-1]
            words[-1] = (low, max(end, _high), [*inside, change])
        else:
            words.append((start, end, [change]))
    flags = []
    for start, end, inside in words:
        word = text[start:end].rstrip(".,!?…\"'”’)")
        end = start + len(word)
        if run_together(word):
            continue  # one finding of its own (unspaced), not a few of its spaces put back
        pieces = []
        at = start
        for left_end, right_start, insert in inside:
            pieces.append(text[at:left_end])
            pieces.append(" " if insert else "")
            at = right_start
        pieces.append(text[at:end])
        right = "".join(pieces)
        message = context.say(
            "띄어쓰기: '{wrong}' → '{right}'",
            "Spacing: '{wrong}' should be '{right}'",
            wrong=word,
            right=right,
        )
        flags.append(Flag("KO.SPACING", "minor", start, end, message, right))
    return flags


def _word_around(text: str, left: int, right: int) -> tuple[int, int]:
    start = left
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = right
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


# Particles after any noun ------------------------------------------------------------------


def _particles(
    text: str, offset: int, tokens: tuple[korean.Token, ...], context: CheckContext
) -> list[Flag]:
    flags = []
    for before, token in zip(tokens, tokens[1:], strict=False):
        if token.tag not in _ALTERNATING_PARTICLE_TAGS or before.end != token.start:
            continue
        if before.tag not in _NOUNISH:
            continue
        word_start = offset + before.start
        while word_start > 0 and not text[word_start - 1].isspace():
            word_start -= 1
        word = text[word_start : offset + token.start]
        if ends_in_mask(word):
            continue  # OOO을: what the mask stands for decides, and it is unknown
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
        if typo.gain < TYPO_MIN_GAIN or typo.context_gain < TYPO_MIN_CONTEXT_GAIN:
            continue  # 렙사인, 전역, 튜플을: the word as written is about as likely
        if end - start > TYPO_MAX_WORD:
            continue  # text run together without spaces: the analyzer's words are guesses
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
