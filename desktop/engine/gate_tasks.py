"""The output gate applied to each task's output: a critique, interview feedback, a draft, an
interview question, a continuation. Each judge returns the verdicts (``gate.Verdict``); an
output with any verdict is not shown. ``GateRecord`` keeps the count by reason over attempts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import regex

from desktop.engine import gate
from desktop.engine.backend import Message
from desktop.engine.gate import Instructions, Verdict
from desktop.engine.gate_topic import off_topic
from desktop.writing.fabrication import fabrication_flags
from desktop.writing.flags import CheckContext
from desktop.writing.sentences import sentence_spans


@dataclass
class GateRecord:
    """What the gate decided over a task's attempts (or items): ``rejected`` counts each reason
    once per rejected attempt; ``verdicts`` keeps every rejected one's, for details."""

    passed: bool = False
    rejected: Counter[str] = field(default_factory=Counter)
    verdicts: list[Verdict] = field(default_factory=list)

    def reject(self, verdicts: Sequence[Verdict]) -> None:
        self.rejected.update({v.reason for v in verdicts})
        self.verdicts += verdicts

    def to_json(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "rejected": dict(sorted(self.rejected.items())),
            "verdicts": [v.to_json() for v in self.verdicts[:12]],
        }

    def reasons(self) -> str:
        return ", ".join(sorted(self.rejected))


def instructions(
    messages: Sequence[Message], user: Iterable[str], rubric: Iterable[str] = ()
) -> Instructions:
    return Instructions([m["content"] for m in messages], rubric, user)


def critique_fields(data: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Every prose field of a critique, named by its path."""
    fields = [
        (f"scores.{name}.rationale", str(score.get("rationale", "")))
        for name, score in data.get("scores", {}).items()
    ]
    for i, strength in enumerate(data.get("strengths", [])):
        fields.append((f"strengths[{i}].point", str(strength.get("point", ""))))
    for i, item in enumerate(data.get("improvements", [])):
        for key in ("issue", "why", "suggestion"):
            fields.append((f"improvements[{i}].{key}", str(item.get(key, ""))))
    fields.append(("summary", str(data.get("summary", ""))))
    fields += [(f"top_fixes[{i}]", str(fix)) for i, fix in enumerate(data.get("top_fixes", []))]
    return fields


# A top fix restates an improvement; that is what it is for.
_MAY_AGREE: Final = (("top_fixes", "improvements"),)


def judge_critique(
    data: Mapping[str, Any],
    prompt: Instructions,
    lang: str,
    dimensions: Sequence[str],
    essay: str = "",
) -> list[Verdict]:
    fields = critique_fields(data)
    verdicts = gate.judge_prose(fields, prompt, lang, essay)
    judged = {v.field for v in verdicts}
    verdicts += [
        Verdict(gate.REPEATED, name, text)
        for name, text in gate.repeated(fields, _MAY_AGREE)
        if name not in judged
    ]
    summary = str(data.get("summary", ""))
    if "summary" not in judged and gate.fragment(summary, lang):
        verdicts.append(Verdict(gate.FRAGMENT, "summary", summary))
    scores = [int(data["scores"][d]["score"]) for d in dimensions if d in data.get("scores", {})]
    if gate.counting(scores):
        verdicts.append(Verdict(gate.SCORE_PATTERN, "scores", "/".join(map(str, scores))))
    return verdicts


def judge_feedback(
    data: Mapping[str, Any], prompt: Instructions, lang: str, spoken: str, essay: str
) -> list[Verdict]:
    """Interview feedback: its rationales, advice and example answer; and all-zero scores on an
    answer that talks about the essay in its language (0/8 on a correct answer)."""
    fields = [
        (f"scores.{name}.rationale", str(score.get("rationale", "")))
        for name, score in data.get("scores", {}).items()
    ]
    fields.append(("advice", str(data.get("advice", ""))))
    example = ("example_answer", str(data.get("example_answer", "")))
    # The example answer is meant to draw on the essay; the judgements are not.
    verdicts = gate.judge_prose(fields, prompt, lang, essay)
    verdicts += gate.judge_prose([example], prompt, lang)
    fields.append(example)
    judged = {v.field for v in verdicts}
    verdicts += [
        Verdict(gate.REPEATED, name, text)
        for name, text in gate.repeated(fields)
        if name not in judged
    ]
    advice = str(data.get("advice", ""))
    if "advice" not in judged and gate.fragment(advice, lang):  # "답함", "당신 조언" (SmolLM2)
        verdicts.append(Verdict(gate.FRAGMENT, "advice", advice))
    scores = [int(s.get("score", 0)) for s in data.get("scores", {}).values()]
    if scores and not any(scores) and on_topic(spoken, essay, lang):
        verdicts.append(Verdict(gate.SCORE_PATTERN, "scores", "/".join(map(str, scores))))
    return verdicts


ON_TOPIC_WORDS: Final = 3


def on_topic(spoken: str, essay: str, lang: str) -> bool:
    """A spoken answer in the essay's language that shares several words with the essay."""
    if gate.wrong_language(spoken, lang) or len(spoken.strip()) < 20:
        return False
    shared = {w for w in gate.tokens(spoken) if len(w) >= 2} & set(gate.tokens(essay))
    return len(shared) >= ON_TOPIC_WORDS


_LIST_LINE: Final = regex.compile(r"^\s*(?:\d+[.)]|[-*•])(?:\s|$)", regex.MULTILINE)
# A "label: value" line; in the prompt the value may be empty ("답변:" ends a base model's).
_HEADER_LINE: Final = regex.compile(r"^[ \t]*([\p{L}][\p{L} ]{0,11}?)[ \t]*:", regex.MULTILINE)
NOTES_COVER: Final = 0.8


def header_labels(messages: Sequence[Message]) -> set[str]:
    """The labels of the prompt's ``key: value`` lines ("회사", "Company", "메모")."""
    return {
        m.group(1).strip().casefold()
        for message in messages
        for m in _HEADER_LINE.finditer(message["content"])
    }


def header_copy(text: str, labels: set[str]) -> bool:
    """A ``label: value`` line whose label is one of the prompt's."""
    return any(m.group(1).strip().casefold() in labels for m in _HEADER_LINE.finditer(text))


def judge_draft(
    text: str,
    raw: str,
    notes: str,
    prompt: Instructions,
    labels: set[str],
    lang: str,
    source: str = "",
) -> list[Verdict]:
    """A draft (``text``, cut to whole sentences from ``raw``): never empty, never a list or the
    notes given back, never a header of the prompt, no sentence twice, no number or name that
    neither the notes nor ``source`` (the application) hold, in the essay's language."""
    source = "\n".join([notes, source])
    source += " " + " ".join(spelled_numbers(source))  # "forty people" backs "40 people"
    if not text.strip():
        return [Verdict(gate.PLACEHOLDER, "draft", raw)]
    verdicts: list[Verdict] = []
    if len(_LIST_LINE.findall(raw)) >= 2:
        verdicts.append(Verdict(gate.NOTES_ECHO, "draft", raw))
    elif notes_echo(text, notes):
        verdicts.append(Verdict(gate.NOTES_ECHO, "draft", text))
    if header_copy(raw, labels):
        verdicts.append(Verdict(gate.HEADER, "draft", raw))
    sentences = [text[a:b] for a, b in sentence_spans(text)]
    if gate.repeated([(f"sentence {i}", s) for i, s in enumerate(sentences)]):
        verdicts.append(Verdict(gate.REPEATED, "draft", text))
    invented = [
        flag
        for flag in fabrication_flags(text, source, CheckContext(lang=lang, ui_lang=lang))
        if not _sentence_start(text, flag.start)  # "They", "Our": capitalised, not names
    ]
    if invented:
        words = ", ".join(text[f.start : f.end] for f in invented[:5])
        verdicts.append(Verdict(gate.FABRICATED, "draft", words))
    verdicts += gate.judge_prose([("draft", text)], prompt, lang)
    return verdicts


_UNITS: Final = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS: Final = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SPELLED: Final = regex.compile(
    rf"\b({'|'.join(_TENS)})(?:-({'|'.join(_UNITS[1:10])}))?\b|\b({'|'.join(_UNITS)})\b",
    regex.IGNORECASE,
)


def spelled_numbers(text: str) -> list[str]:
    """The English number words of ``text`` as digits ("forty" 40, "twenty-one" 21)."""
    found = []
    for match in _SPELLED.finditer(text):
        tens, unit, single = match.groups()
        if single:
            found.append(str(_UNITS.index(single.casefold())))
        else:
            value = 10 * (_TENS.index(tens.casefold()) + 2)
            found.append(str(value + (_UNITS.index(unit.casefold()) if unit else 0)))
    return found


def _sentence_start(text: str, at: int) -> bool:
    """Whether the word at ``at`` starts a sentence (a capital there says nothing of a name);
    a digit never does (a number anywhere is a claim)."""
    if at < len(text) and text[at].isdigit():
        return False
    before = text[:at].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n"


def notes_echo(text: str, notes: str) -> bool:
    """The draft's words are almost all the notes' words, and it is hardly longer."""
    words = gate.tokens(text)
    known = set(gate.tokens(notes))
    if not words or not known:
        return False
    covered = sum(1 for w in words if w in known) / len(words)
    return covered >= NOTES_COVER and len(text) <= 1.5 * len(notes)


def judge_question(
    text: str, quote: str, prompt: Instructions, lang: str, application: str = ""
) -> list[Verdict]:
    """An interview question: not on contact details, no prompt or schema text, the essay's
    language; with ``application`` (the essays, their questions, the company and the role),
    about something it says (``gate_topic``)."""
    if gate.pii(text) or gate.pii(quote):
        return [Verdict(gate.PII, "question", text)]
    verdicts = gate.judge_prose([("question", text)], prompt, lang)
    if not verdicts and application and off_topic(text, application, lang):
        verdicts.append(Verdict(gate.OFF_TOPIC, "question", text))
    return verdicts


# Companies and outlets: a name with a company or media ending (not endings that are also
# everyday words: 신용카드, 스터디그룹, 도로공사); in English, capitalised words before a
# corporate or media ending, or a titled person.
_ORGANIZATION: Final = regex.compile(
    r"[가-힣A-Za-z0-9]{2,}(?:일보|신문|방송|뉴스|물류|전자|건설|제약|화학|증권|은행|대학교|"
    r"공단|재단|협회|주식회사|㈜)|"
    r"(?<![\p{L}])(?:[A-Z][a-z]+ ){1,3}(?:Inc|Corp|Corporation|Ltd|Group|Bank|Times|News|Post|"
    r"Journal|Daily|Logistics|Electronics|University)\b|"
    r"\b(?:Mr|Ms|Mrs|Dr)\.? [A-Z][a-z]+"
)


_STARTS_HEADER: Final = regex.compile(r"[\p{L}][\p{L} ]{0,11}?[ \t]*:[ \t]*\S")


def unknown_names(text: str, source: str) -> list[str]:
    """Organisation names and titled people in ``text`` that ``source`` never mentions."""
    known = "".join(source.split()).casefold()
    return [
        m.group()
        for m in _ORGANIZATION.finditer(text)
        if "".join(m.group().split()).casefold() not in known
    ]


def judge_candidate(text: str, source: str, labels: set[str]) -> str | None:
    """Why a continuation leaks the prompt (``header``: a line of the prompt's header, or one
    that starts like one, "취업정보: 동아일보") or names a company, outlet or person the user
    never wrote (``unknown_name``); None if it does neither."""
    if header_copy(text, labels) or _STARTS_HEADER.match(text.lstrip()):
        return gate.HEADER
    if unknown_names(text, source):
        return gate.UNKNOWN_NAME
    return None


# Two answers the analysis scores this many points apart in all (one dimension by two and
# another by one, say) are rated clearly differently; 80 % of pairs of the real essays are.
CLEAR_GAP: Final = 3


@dataclass
class ScoreWatch:
    """The score vectors a model gave over one batch run, each with the analysis's vector of
    the same answer (a critique judged across answers, not alone).

    A model that counts or copies gives every answer the same vector; a model that scores
    gives answers the analysis tells apart different ones. The first answer with a vector is
    kept (nothing to compare it with yet); a later one with the same vector is rejected when
    the analysis rates it clearly differently from an earlier one.
    """

    seen: dict[tuple[int, ...], list[tuple[int, ...]]] = field(default_factory=dict)

    def same_scores(self, model: Sequence[int], analysis: Sequence[int]) -> Verdict | None:
        """The ``same_scores`` verdict on the model's vector for this answer, or None; the
        pair is remembered either way."""
        key, own = tuple(model), tuple(analysis)
        earlier = self.seen.setdefault(key, [])
        clash = any(sum(abs(a - b) for a, b in zip(own, other, strict=True)) >= CLEAR_GAP
                    for other in earlier)  # fmt: skip
        earlier.append(own)
        if not clash:
            return None
        return Verdict(gate.SAME_SCORES, "scores", "/".join(map(str, key)))
