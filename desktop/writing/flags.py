"""What the offline checks report: a flag per finding, and the context the checks need."""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass
from typing import Any, Final

import regex

from desktop.writing.counting import DEFAULT_PROFILE, graphemes

SEVERITIES: Final = ("critical", "major", "minor")
# A hint is advice from a rule that is not right often enough on real essays to call what it
# finds an error (below 95 % on the development set, bench/rule_precision.py): shown softer,
# never counted as an error, never given to a critique as a fact. It is not one of the
# SEVERITIES a critique's items may take.
HINT: Final = "hint"
FLAG_SEVERITIES: Final = (*SEVERITIES, HINT)
# The rules whose precision is held high enough to trust them without a second look: clean
# texts must never raise them (tests/writing/test_checks.py keeps control texts for this).
HIGH_PRECISION_RULES: Final = (
    "COMPANY.OTHER",
    "KO.JOSA",
    "PII.CONTACT",
    "KO.SPELL",
    "TXT.JAMO",
    "KO.SPACING",
    "KO.TYPO",
)


@dataclass(frozen=True)
class Flag:
    """One finding: ``start``/``end`` are code-point offsets into the NFC text."""

    rule_id: str
    severity: str
    start: int
    end: int
    message: str
    # What to write instead (KO.SPACING, KO.TYPO, KO.JOSA), and what the finding refers to: a
    # listed phrase's id (STYLE.MACHINE), a sub-ask (Q.SUBASK), another application (REUSE.CROSS).
    suggestion: str = ""
    ref: str = ""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule_id": self.rule_id,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "message": self.message,
        }
        if self.suggestion:
            data["suggestion"] = self.suggestion
        if self.ref:
            data["ref"] = self.ref
        return data


@dataclass(frozen=True)
class CheckContext:
    """What the checks know besides the text.

    ``lang`` is the essay's language, ``ui_lang`` the language of the messages. ``other_answers``
    are the application's other answers (identical paragraphs across questions);
    ``other_applications`` are ``(label, answer)`` pairs from the user's other applications
    (REUSE.CROSS), ``question`` the question answered (Q.SUBASK).
    """

    lang: str = "ko"
    ui_lang: str = "ko"
    company: str = ""
    role: str = ""
    other_companies: tuple[str, ...] = ()
    limit: int | None = None
    profile: str = DEFAULT_PROFILE
    blind_hiring: bool = False
    other_answers: tuple[str, ...] = ()
    question: str = ""
    other_applications: tuple[tuple[str, str], ...] = ()

    def say(self, korean: str, english: str, **values: object) -> str:
        """The message in the UI language, with ``{name}`` fields filled in."""
        template = korean if self.ui_lang == "ko" else english
        return template.format(**values)


def nfc_offsets(text: str) -> tuple[str, list[int]]:
    """The NFC text and, for each of its offsets (and its end), the offset in ``text``.

    Normalization is local to a grapheme cluster, so clusters are normalized one at a time;
    an offset inside a recomposed cluster maps to the cluster's start.
    """
    parts: list[str] = []
    mapping: list[int] = []
    raw = 0
    for cluster in graphemes(text):
        composed = unicodedata.normalize("NFC", cluster)
        parts.append(composed)
        if composed == cluster:
            mapping.extend(range(raw, raw + len(cluster)))
        else:
            mapping.extend([raw] * len(composed))
        raw += len(cluster)
    mapping.append(raw)
    return "".join(parts), mapping


def errors(flags: list[Flag]) -> list[Flag]:
    """``flags`` less the hints: what counts as a finding."""
    return [flag for flag in flags if flag.severity != HINT]


def matches(
    pattern: regex.Pattern[str], text: str, rule_id: str, severity: str, message: str
) -> list[Flag]:
    """A flag with ``message`` on every match of ``pattern`` in ``text``."""
    return [Flag(rule_id, severity, m.start(), m.end(), message) for m in pattern.finditer(text)]


def drop_overlaps(flags: list[Flag]) -> list[Flag]:
    """Of overlapping flags with the same rule, keep the longest; sort by position."""
    kept: list[Flag] = []
    for flag in sorted(flags, key=lambda f: (f.rule_id, f.start, -(f.end - f.start))):
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and previous.rule_id == flag.rule_id
            and flag.start < previous.end
            and flag.end > flag.start
        ):
            continue
        kept.append(flag)
    return sorted(kept, key=lambda f: (f.start, f.end, f.rule_id))


class EditorOffsets:
    """Maps offsets in the NFC text to UTF-16 positions in the editor's raw text.

    Qt's text cursors count UTF-16 units, and the editor may hold decomposed Hangul that the
    checks saw composed; both are accounted for, once per text.
    """

    def __init__(self, raw: str) -> None:
        # Most text is NFC and has no characters outside the BMP: then every offset maps to
        # itself, and no table is built (1 MB answers stay cheap).
        self.identity = unicodedata.is_normalized("NFC", raw) and len(
            raw.encode("utf-16-le")
        ) == 2 * len(raw)
        self._to_raw: list[int] = []
        self._units: list[int] = []
        if self.identity:
            self.nfc = raw
            self._length = len(raw)
            return
        self.nfc, self._to_raw = nfc_offsets(raw)
        units = [0]
        for char in raw:
            units.append(units[-1] + (2 if ord(char) > 0xFFFF else 1))
        self._units = units
        self._length = len(self.nfc)

    def to_editor(self, nfc_offset: int) -> int:
        if self.identity:
            return max(0, min(nfc_offset, self._length))
        offset = max(0, min(nfc_offset, len(self._to_raw) - 1))
        return self._units[self._to_raw[offset]]

    def to_nfc(self, editor_position: int) -> int:
        """The NFC offset at or before a UTF-16 editor position."""
        if self.identity:
            return max(0, min(editor_position, self._length))
        raw = max(0, bisect.bisect_right(self._units, editor_position) - 1)
        return max(0, bisect.bisect_right(self._to_raw, raw) - 1)
