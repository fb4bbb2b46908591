"""A PDF's lines made back into paragraphs: wraps joined, hyphens mended, page furniture dropped.

A line ended either because the writer pressed Enter (a hard break, kept) or because the next
word did not fit (a wrap, joined). The test is geometric: the white left at the end of the line
(``leftover``, counting also what justification spread between the words) is narrower than the
next line's first word for a wrap, and at least as wide for a hard break.

Joining a wrap needs the right separator, and Korean makes that the hard part. English wraps at
spaces, so a wrap is a space (or a hyphenated word mended). Korean wraps at spaces in some
writers (Hangul's default, CSS ``word-break: keep-all``) and between any two syllables in others
(a browser's default, Word's "allow Korean words to break"), and the PDF keeps no space at the
end of a line either way. So:

- a wrap that left room for another syllable did not break inside a word: a space;
- a writer that broke inside words fills each line to within one syllable, so when the wraps
  of a document often leave a syllable or more, the document wraps at spaces and every Korean
  wrap is a space; when none do, a tight one joins with nothing only where the Korean analyzer
  reads the two pieces as one word (``line_breaks.one_word``), and keeps its space otherwise;
- after a sentence's end or a comma a space, before closing punctuation nothing.

A line that starts with an item's marker (①, 1., (3), 가., -, •) is never joined to the one
before it, and a line alone in its box at the end of a page (a form's last row, a heading) is
not joined to the next page's first box (a table).

A line that repeats on most pages near the top or the bottom edge (a running title, "- 3 -",
"2 / 5") is the page's furniture, not the essay, and is dropped.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Final

from desktop.importing.line_breaks import is_hangul, one_word, starts_item
from desktop.importing.split import is_question_line

EDGE_ZONE: Final = 0.12  # of the page's height, at the top and at the bottom
TOLERANCE_EM: Final = 0.3
INDENT_EM: Final = 0.8
WORD_WRAP_SHARE: Final = 0.3  # of the Korean wraps leaving a syllable's room: a word-wrapping doc
_DIGITS: Final = re.compile(r"\d+")
_NOT_WORD: Final = re.compile(r"[^\w-]")
_HYPHENS: Final = ("-", "\u2010", "\u00ad")
_SENTENCE_END: Final = ".?!。,;:…"
_CLOSING: Final = ".,;:!?)]}」』〉》’”%"
_OPENING: Final = "([{「『〈《‘“"


@dataclass
class PdfLine:
    text: str  # whitespace collapsed, never empty
    page: int
    box: int  # lines of one text box belong together
    x0: float
    x1: float  # the right edge of the last glyph with ink
    top: float
    bottom: float
    size: float  # font size, the em every width here is compared in
    spans: list[float]  # the white between words, in points
    first_char: float
    first_word: float
    space_before: bool = False  # the writer kept the space at the start or end of the line
    space_after: bool = False


@dataclass(frozen=True)
class Join:
    """Two lines the mender joined as one paragraph, and what it put between them."""

    before: str
    after: str
    between: str


@dataclass
class PdfPage:
    height: float
    lines: list[PdfLine] = field(default_factory=list)


def _furniture_key(line: PdfLine, height: float) -> tuple[str, int, str] | None:
    if line.bottom >= height * (1 - EDGE_ZONE):
        zone, offset = "top", height - line.top
    elif line.top <= height * EDGE_ZONE:
        zone, offset = "bottom", line.bottom
    else:
        return None
    # Page numbers differ from page to page; the rest of the line does not.
    return zone, round(offset / 3), _DIGITS.sub("#", line.text.replace(" ", ""))


def drop_furniture(pages: list[PdfPage], left_out: list[tuple[str, str]] | None = None) -> None:
    """Drop the lines that repeat near the top or bottom edge on at least half of the pages;
    each of them once in ``left_out``."""
    if len(pages) < 2:
        return
    seen: Counter[tuple[str, int, str]] = Counter()
    for page in pages:
        seen.update({key for line in page.lines if (key := _furniture_key(line, page.height))})
    needed = max(2, math.ceil(len(pages) / 2))
    listed: set[tuple[str, int, str]] = set()
    for page in pages:
        kept: list[PdfLine] = []
        for line in page.lines:
            key = _furniture_key(line, page.height)
            if key is None or seen[key] < needed:
                kept.append(line)
            elif left_out is not None and key not in listed:
                listed.add(key)
                left_out.append(("page", line.text))
        page.lines = kept


def _word(text: str) -> str:
    return _NOT_WORD.sub("", text.replace("\u2010", "-")).casefold()


def _is_cjk(char: str) -> bool:
    return "\u3040" <= char <= "\u30ff" or "\u4e00" <= char <= "\u9fff"


class _Mender:
    def __init__(self, lines: list[PdfLine]) -> None:
        self.lines = lines
        spans = sorted(s / line.size for line in lines for s in line.spans)
        # A natural space: the narrow end of the spans, since justification only widens them.
        self.space_em = min(max(spans[len(spans) // 5], 0.15), 0.5) if spans else 0.3
        self.right: dict[int, float] = {}
        self.left: dict[int, float] = {}
        for line in lines:
            self.right[line.box] = max(self.right.get(line.box, line.x1), line.x1)
            self.left[line.box] = min(self.left.get(line.box, line.x0), line.x0)
        self.first_box: dict[int, int] = {}
        self.box_lines: Counter[int] = Counter()
        for line in lines:
            self.first_box.setdefault(line.page, line.box)
            self.box_lines[line.box] += 1
        self.hyphenated = {_word(w) for line in lines for w in line.text.split() if "-" in w[1:-1]}
        # Words away from the ends of their line, which are whole whatever the wrapping.
        self.inner_words = {w for line in lines for w in line.text.split()[1:-1]}
        self.words = {_word(w) for w in self.inner_words}
        self.word_wrap = self._wraps_at_spaces()

    def leftover(self, line: PdfLine) -> float:
        """The white the line would have had at its end, before any justification."""
        stretch = sum(max(0.0, span - self.space_em * line.size) for span in line.spans)
        return max(0.0, self.right[line.box] - line.x1) + stretch

    def wraps(self, a: PdfLine, b: PdfLine) -> bool:
        """True when ``a`` ended only because ``b``'s first word did not fit on it."""
        if a.box != b.box and (a.page == b.page or b.box != self.first_box[b.page]):
            return False
        if a.box != b.box and self.box_lines[a.box] < 2:
            # Over a page break: a line alone in its box gives no right edge to measure its
            # end against (a form's last row, a heading), so what follows (a table) stays apart.
            return False
        tolerance = TOLERANCE_EM * a.size
        if self.leftover(a) >= b.first_word + tolerance:
            return False
        if b.x0 - self.left.get(b.box, b.x0) > INDENT_EM * b.size:  # a new paragraph's indent
            return False
        if starts_item(b.text, a.text):  # ①, 1., (3), 가., -, •: a line of its own
            return False
        # A question has a line of its own: nothing joins it, before or after.
        return not (is_question_line(a.text) or is_question_line(b.text))

    def _roomy(self, a: PdfLine, b: PdfLine) -> bool:
        """True when another syllable would have fit at the end of ``a``."""
        return self.leftover(a) >= b.first_char + TOLERANCE_EM * a.size

    def _wraps_at_spaces(self) -> bool:
        # A wrap before a syllable is evidence: a writer that breaks words would have put that
        # syllable on the line if there was room for it. (Not before a Latin word, which even
        # a browser breaking Korean anywhere keeps whole.)
        korean = [
            (a, b)
            for a, b in zip(self.lines, self.lines[1:], strict=False)
            if is_hangul(b.text[0]) and self.wraps(a, b)
        ]
        roomy = sum(self._roomy(a, b) for a, b in korean)
        return bool(korean) and roomy >= WORD_WRAP_SHARE * len(korean)

    def _korean_space(self, a: PdfLine, b: PdfLine) -> str:
        if self.word_wrap or self._roomy(a, b):
            return " "
        # A tight wrap from a writer that breaks words: inside a word where the analyzer reads
        # it as one, unless the document itself writes the two pieces apart elsewhere and
        # never together.
        tail, head = a.text.split()[-1], b.text.split()[0]
        if tail + head not in self.inner_words and {tail, head} <= self.inner_words:
            return " "
        return "" if one_word(a.text, b.text) else " "

    def _keeps_hyphen(self, a: PdfLine, b: PdfLine) -> bool:
        """Whether the hyphen at the end of ``a`` is the word's own ("re-|check",
        "language-|independent") rather than a typesetter's ("imple-|mentation")."""
        if a.text[-1] == "\u00ad":
            return False
        tail, head = a.text.split()[-1][:-1], b.text.split()[0]
        if _word(f"{tail}-{head}") in self.hyphenated:
            return True  # the document writes it so elsewhere
        if _word(tail + head) in self.words:
            return False  # ... or as one word
        # Two words the document uses by themselves: a compound ("trace-|compilation").
        return _word(tail) in self.words and _word(head) in self.words

    def joiner(self, a: PdfLine, b: PdfLine) -> tuple[str, str]:
        """``a``'s text as it joins, and what goes between it and ``b``."""
        last, first = a.text[-1], b.text[0]
        if a.space_after or b.space_before:
            return a.text, " "
        if last in _HYPHENS and len(a.text) > 1 and a.text[-2].isalpha() and first.islower():
            return (a.text if self._keeps_hyphen(a, b) else a.text[:-1]), ""
        if (first in _CLOSING and not b.text.startswith("...")) or last in _OPENING:
            return a.text, ""
        if last in _SENTENCE_END:
            return a.text, " "
        if is_hangul(last) or is_hangul(first):
            return a.text, self._korean_space(a, b)
        if _is_cjk(last) or _is_cjk(first):
            return a.text, ""
        return a.text, " "

    def text(self, joins: list[Join] | None = None) -> str:
        out: list[str] = []
        for index, line in enumerate(self.lines):
            following = self.lines[index + 1] if index + 1 < len(self.lines) else None
            if following is not None and self.wraps(line, following):
                text, between = self.joiner(line, following)
                out += [text, between]
                if joins is not None:
                    joins.append(Join(text, following.text, between))
            else:
                out += [line.text, "\n"]
        return "".join(out).rstrip("\n")


def mend_pages(
    pages: list[PdfPage],
    joins: list[Join] | None = None,
    left_out: list[tuple[str, str]] | None = None,
) -> str:
    """The pages' text, furniture dropped (into ``left_out``), each paragraph on one line; each
    join of two lines is added to ``joins`` when it is given (for measuring)."""
    drop_furniture(pages, left_out)
    return _Mender([line for page in pages for line in page.lines]).text(joins)
