"""The output gate: is a field a model wrote fit to show? Pure rules on text, one reason each.

Small models, base models most of all, answer a structured task with a sentence of its own
prompt, the schema's field names, the same phrase in every field, prose in another language, a
field cut off at ``(0.``, or ``None``. Each rule here names one such failure with a stable id
(``REASONS``); ``gate_tasks`` applies them to a whole critique, interview feedback, draft or
question. Precision first: a rule fires only on text no reviewer would write (a run of several
words of the prompt's instructions, not a shared term of the rubric; a schema key, not the
English word "issue" in English prose). One rule is not pure text: ``garbled`` asks the Korean
analyzer which words it does not know (``gate_fluency``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

import regex

from desktop.engine import gate_fluency

PROMPT_COPY: Final = "prompt_copy"
SCHEMA_COPY: Final = "schema_copy"
REPEATED: Final = "repeated"
WRONG_LANGUAGE: Final = "wrong_language"
TRUNCATED: Final = "truncated"
SCORE_PATTERN: Final = "score_pattern"
PLACEHOLDER: Final = "placeholder"
PII: Final = "pii"
NOTES_ECHO: Final = "notes_echo"
HEADER: Final = "header"
UNKNOWN_NAME: Final = "unknown_name"
FABRICATED: Final = "fabricated"  # a draft's number or name the notes never gave
ESSAY_COPY: Final = "essay_copy"  # a judgement that is only the essay's own words given back
APPLICANT_VOICE: Final = "applicant_voice"  # a judgement written as the applicant ("my experience")
OFF_TOPIC: Final = "off_topic"  # an interview question on nothing the application says
# The same score vector as another answer of the batch that the analysis rates clearly
# differently: the model does not score the answer in front of it.
SAME_SCORES: Final = "same_scores"
FRAGMENT: Final = "fragment"  # a 총평 of a few words: no judgement was written
MARKUP: Final = "markup"  # an HTML tag or a code fence: a web page's text, not prose
GARBLED: Final = "garbled"  # Korean words no one wrote ("이므샌", "일괬하니다"): gate_fluency
REASONS: Final = (
    PROMPT_COPY, SCHEMA_COPY, REPEATED, WRONG_LANGUAGE, TRUNCATED, SCORE_PATTERN, PLACEHOLDER,
    PII, NOTES_ECHO, HEADER, UNKNOWN_NAME, FABRICATED, ESSAY_COPY, APPLICANT_VOICE, OFF_TOPIC,
    SAME_SCORES, MARKUP, FRAGMENT, GARBLED,
)  # fmt: skip


@dataclass(frozen=True)
class Verdict:
    """One reason an output is not shown: which rule, which field, and the text it fired on."""

    reason: str
    field: str
    text: str

    def to_json(self) -> dict[str, str]:
        return {"reason": self.reason, "field": self.field, "text": self.text[:120]}


_TOKEN: Final = regex.compile(r"[\p{L}\p{N}]+")
_HANGUL: Final = regex.compile(r"\p{Hangul}")
_LATIN: Final = regex.compile(r"\p{Latin}")
_LETTER: Final = regex.compile(r"\p{L}")


def tokens(text: str) -> list[str]:
    return [t.casefold() for t in _TOKEN.findall(text)]


def korean(text: str) -> bool:
    """Whether ``text`` is mostly Hangul (more Hangul letters than Latin ones)."""
    hangul = len(_HANGUL.findall(text))
    return bool(hangul) and hangul >= len(_LATIN.findall(text))


class Instructions:
    """The prompt's own words (instructions, labels, rubric), without what the user wrote.

    ``format_lines`` are the lines that only say what to write (not the rubric's descriptions,
    which a reviewer may echo in a rationale): a field that is nothing but a run of one is a
    copy; ``rubric`` holds the descriptions, a field that is a whole one is a copy too.
    """

    def __init__(self, texts: Iterable[str], rubric: Iterable[str] = (), user: Iterable[str] = ()):
        own = [value for value in user if len(value.strip()) >= 2]
        texts = list(texts)
        # Every word the model was given: the prompt and what the user wrote in it.
        self.source = "\n".join([*texts, *own])
        cleaned = []
        for text in texts:
            for value in sorted(own, key=len, reverse=True):
                text = text.replace(value, "\n")
            cleaned.append(text)
        rubric_lines = [line for line in rubric if line.strip()]
        self.lines = [tokens(line) for text in cleaned for line in text.splitlines()]
        self.lines = [line for line in self.lines if line]
        rubric_tokens = [tokens(line) for line in rubric_lines]
        self.rubric = [line for line in rubric_tokens if len(line) >= 3]
        self.format_lines = [
            line
            for line in self.lines
            if not any(_has_run(line, r, len(r)) for r in rubric_tokens if len(r) >= 3)
        ]

    def longest_run(self, field: Sequence[str]) -> tuple[int, int]:
        """The longest run of ``field``'s tokens found in a line of the prompt, as
        (start, length) in ``field``."""
        best = (0, 0)
        for line in self.lines:
            found = _longest_common_run(field, line)
            if found[1] > best[1]:
                best = found
        return best

    def is_format_run(self, field: Sequence[str]) -> bool:
        return any(_has_run(line, list(field), len(field)) for line in self.format_lines)


def _longest_common_run(a: Sequence[str], b: Sequence[str]) -> tuple[int, int]:
    best = (0, 0)
    previous = [0] * (len(b) + 1)
    for i, token in enumerate(a, 1):
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b, 1):
            if token == other:
                current[j] = previous[j - 1] + 1
                if current[j] > best[1]:
                    best = (i - current[j], current[j])
        previous = current
    return best


def _has_run(haystack: Sequence[str], needle: Sequence[str], n: int) -> bool:
    if not needle or n > len(haystack):
        return False
    return any(list(haystack[i : i + n]) == list(needle) for i in range(len(haystack) - n + 1))


# A run this long of the prompt's words (and this many letters) is a copy, not a shared term:
# "이 직무와 이 회사에" (4 words, 8 letters) may be a reviewer's own words, "고쳐 쓰기 제안에
# 사용자가 쓰지 않은 숫자" is not.
RUN_WORDS: Final = {"ko": 4, "en": 6}
RUN_LETTERS: Final = {"ko": 12, "en": 30}
_ENUMERATOR: Final = regex.compile(r"^(?:\d+|[a-z]|[①-⑩])$")


def prompt_copy(text: str, prompt: Instructions) -> bool:
    """A run of the prompt's words, a field that is only a phrase of its format text
    ("고쳐 쓰는 방법", "1. 고쳐 쓰는 방법") or a whole rubric description."""
    words = tokens(text)
    lang = "ko" if korean(text) else "en"
    start, length = prompt.longest_run(words)
    run = words[start : start + length]
    if length >= RUN_WORDS[lang] and sum(len(w) for w in run) >= RUN_LETTERS[lang]:
        return True
    core = [w for w in words if not _ENUMERATOR.match(w)]
    if len(core) < 3 or sum(len(w) for w in core) < 5:
        return False
    # a field that is a whole rubric description ("두괄식, 소제목, 짧은 문장" as a rationale)
    return prompt.is_format_run(core) or core in prompt.rubric


# A field that is a run of at least this many of the essay's words, with at most this many of
# its own around it, says nothing about the essay ("청년정책의 주요 이슈 중 하나는 …" as a
# strength, the starter's); a suggestion quoting a sentence and saying what to do with it does.
ESSAY_RUN: Final = 6
OWN_WORDS: Final = 2


def essay_copy(text: str, essay: Sequence[str]) -> bool:
    """Whether ``text`` is the essay's words given back (``essay``: its tokens)."""
    words = tokens(text)
    _start, length = _longest_common_run(words, essay)
    return length >= ESSAY_RUN and len(words) - length <= OWN_WORDS


# A reviewer writes about "the answer" or "you"; "my experience", "I was", "저는 …" is the
# applicant talking ("This is the summary of my experience at Northwind Logistics", the
# starter's English summary). "In my view" and "I suggest" are a reviewer's.
_APPLICANT: Final = regex.compile(
    r"\bmy\b(?! (?:view|opinion|reading|sense|suggestion|advice|recommendation)\b)|"
    r"\bI(?:'m| am| was| have|'ve| had| worked| led| joined| want)\b|^\s*(?:저는|제가)\s",
    regex.IGNORECASE,
)


def applicant_voice(text: str) -> bool:
    return bool(_APPLICANT.search(text))


# The schema's keys and the severity enum; in Korean prose any of them is a copy of the schema,
# in English prose only one written as a key ("severity: major", "(issue)", "top_fixes").
# Words ordinary Korean prose also borrows in Latin letters (Pain Point, Critical Thinking,
# Double Major, Q&A question) are left out: they are schema words only as keys.
SCHEMA_WORDS: Final = frozenset(
    "scores rationale strengths improvements issue why suggestion severity summary top_fixes "
    "advice example_answer".split()
)
_KEY_USE: Final = regex.compile(
    r"\b(?:scores|rationale|strengths|improvements|issue|why|suggestion|severity|quote|summary|"
    r"advice|example_answer|top_fixes|point)\s*[:=]|\((?:issue|why|suggestion|severity|summary|"
    r"strengths|improvements|top_fixes|rationale|quote|point)\)|\btop_fixes\b|\bexample_answer\b|"
    r"\bseverity\b[^.]{0,12}\b(?:critical|major|minor)\b",
    regex.IGNORECASE,
)


def schema_copy(text: str) -> bool:
    if _KEY_USE.search(text):
        return True
    if korean(text):
        latin = {w.casefold() for w in regex.findall(r"[A-Za-z_]+", text)}
        return bool(latin & SCHEMA_WORDS)
    return False


_PLACEHOLDERS: Final = frozenset(
    "none null nil nan na n/a tbd todo string text example placeholder 없음 해당없음 내용 "
    "텍스트 미정 예시 문자열".split()
)
# "None (0.5)", "None." : a null word and nothing else in words ("None of the asks" is prose).
_LEADING_NONE: Final = regex.compile(r"^\s*(?:none|null|n/a)\b[^\p{L}]*$", regex.IGNORECASE)


def placeholder(text: str) -> bool:
    """``None``, ``null``, ``…``, ``N/A``, ``None (0.5)``: no content, or a null word first."""
    core = "".join(tokens(text))
    letters = "".join(_LETTER.findall(text)).casefold()
    if not letters:
        return True
    return core in _PLACEHOLDERS or letters in _PLACEHOLDERS or bool(_LEADING_NONE.match(text))


# The tags a model trained on web pages writes ("<blockquote>크리스마스를…", the starter's
# draft); only HTML's own names, so "<Python>" or "<직무역량>" in a sentence is no markup.
_HTML_TAG: Final = regex.compile(
    r"</?(?:a|abbr|article|aside|b|big|blockquote|body|br|caption|center|cite|code|dd|del|div|"
    r"dl|dt|em|figcaption|figure|font|footer|h[1-6]|head|header|hr|html|i|img|ins|li|main|mark|"
    r"nav|ol|p|pre|q|s|section|small|span|strike|strong|sub|sup|table|tbody|td|tfoot|th|thead|"
    r"title|tr|tt|u|ul)(?:\s[^<>\n]*)?/?>",
    regex.IGNORECASE,
)
# A code fence; not a Markdown heading: real essays head a paragraph with "# 꼼꼼함".
_CODE_FENCE: Final = regex.compile(r"(?m)^\s{0,3}```")


# A summary is asked for in 2-3 sentences; fewer letters than this is a phrase ("당역(학습)").
SUMMARY_MIN: Final = {"ko": 12, "en": 20}


def fragment(summary: str, lang: str) -> bool:
    """A summary too short to be one: a few words where sentences were asked for."""
    letters = len(_LETTER.findall(summary))
    return 0 < letters < SUMMARY_MIN["en" if lang == "en" else "ko"]


def markup(text: str) -> bool:
    """An HTML tag or a code fence: no essay, critique or letter has one."""
    return bool(_HTML_TAG.search(text) or _CODE_FENCE.search(text))


_OPEN_END: Final = regex.compile(
    r"(?:[(\[{,:;/→\-–—]|(?:^|\n)\s*\d+\.|\b(?:and|or|the|an|of|to|with|for|by|my|your|their|"
    r"because|but)|및|또는|그리고|하지만|그러나)\s*$"
)
# A Korean clause left open: an object or topic particle, or a connective ending, with nothing
# after it ("본인이 한 일을", "말하고"). Nouns that end in 과, 의, 가, 이 (결과, 회의, 평가, 차이)
# are not on the list.
_OPEN_KOREAN: Final = regex.compile(
    r"\s\S*(?:[가-힣](?:을|를|는)|에게|에서|으로|하고|하며|하여|해서|지만|는데)$"
)


def truncated(text: str) -> bool:
    """Cut off mid-sentence: a trailing comma, colon, dash or open bracket, a number's ``(0.``
    left open, an empty list item ``4.``, English prose ending on ``and``/``the``, Korean on an
    object particle or a connective ending."""
    stripped = text.rstrip()
    if not stripped:
        return False
    opened = stripped.rfind("(")
    if opened > stripped.rfind(")"):
        # "None (0.", "연결이 (0.5": opened on a number; "교육심리(결", "분량(어떠한" (SmolLM2 on a
        # real essay): opened on a word, never closed
        return True
    return bool(_OPEN_END.search(stripped) or _OPEN_KOREAN.search(stripped))


MIN_LETTERS: Final = 4
# Korean prose with English names in it ("이로써 Global No.1 LG Display를 이끌어 나가겠습니다.",
# 43 % Hangul, from a real essay) is Korean; English advice on a Korean essay has next to none.
KOREAN_SHARE: Final = 0.25


def wrong_language(text: str, lang: str) -> bool:
    """Prose in another language than the essay's: a Korean essay's field with under a quarter
    of its letters Hangul (names and acronyms such as STAR or SQL are fine), an English essay's
    field with Hangul."""
    letters = _LETTER.findall(text)
    if len(letters) < MIN_LETTERS:
        return False
    hangul = len(_HANGUL.findall(text))
    if lang == "en":
        return hangul > 0.1 * len(letters)
    return hangul < KOREAN_SHARE * len(letters)


_PHONE: Final = regex.compile(r"(?<!\d)(?:\+?82[-\s]?)?0\d{1,2}[-.\s]?\d{3,4}[-.\s]?\d{4}(?!\d)")
_EMAIL: Final = regex.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_RESIDENT: Final = regex.compile(r"(?<!\d)\d{6}-[1-4]\d{6}(?!\d)")
_CONTACT_WORDS: Final = regex.compile(
    r"연락처|전화번호|휴대폰|핸드폰|이메일|메일 ?주소|주민등록|생년월일|집 ?주소|"
    r"\b(?:phone|e-?mail|home address|date of birth)\b",
    regex.IGNORECASE,
)


def pii(text: str) -> bool:
    """Contact details or identity numbers (an interview question must not be built on them)."""
    return bool(
        _PHONE.search(text)
        or _EMAIL.search(text)
        or _RESIDENT.search(text)
        or _CONTACT_WORDS.search(text)
    )


REPEAT_SIMILARITY: Final = 0.8
MIN_REPEAT_CHARS: Final = 6
SHORT_REPEATS: Final = 3


def _bigrams(text: str) -> set[str]:
    core = "".join(tokens(text))
    return {core[i : i + 2] for i in range(len(core) - 1)}


LOOP_TOKENS: Final = 6
LOOP_TIMES: Final = 3


def looping(text: str) -> bool:
    """A field that says the same run of words again and again: SmolLM2's example answer
    repeating "새등만큼 2019-04-30 15:48:37.632 (D) 바운드에선은 그겨로 확인하다" six times. Of the
    521 real essays, one repeats a run of six words three times (a pasted question's byte
    limits); of the edited prose, two texts."""
    words = tokens(text)
    runs = Counter(tuple(words[i : i + LOOP_TOKENS]) for i in range(len(words) - LOOP_TOKENS + 1))
    return any(times >= LOOP_TIMES for times in runs.values())


def similar(a: str, b: str) -> bool:
    x, y = _bigrams(a), _bigrams(b)
    return bool(x and y) and len(x & y) / len(x | y) >= REPEAT_SIMILARITY


def repeated(
    fields: Sequence[tuple[str, str]], allowed: Iterable[tuple[str, str]] = ()
) -> list[tuple[str, str]]:
    """Fields whose text is (nearly) the text of an earlier field. ``allowed`` holds pairs of
    field-name prefixes that may agree (a top fix restating an improvement)."""
    pairs = list(allowed)
    found: list[tuple[str, str]] = []
    # A short text is a label two fields may share ("글자수 부족"); in three fields it is the
    # model writing one phrase everywhere ("당역(학습)" as strength, issue, why and summary).
    short = Counter(
        "".join(tokens(text)) for _name, text in fields
        if 0 < len("".join(tokens(text))) < MIN_REPEAT_CHARS
    )  # fmt: skip
    for i, (name, text) in enumerate(fields):
        core = "".join(tokens(text))
        if len(core) < MIN_REPEAT_CHARS:
            if short[core] >= SHORT_REPEATS and core in {
                "".join(tokens(t)) for _n, t in fields[:i]
            }:
                found.append((name, text))
            continue
        for other_name, other in fields[:i]:
            if any(
                (name.startswith(x) and other_name.startswith(y))
                or (name.startswith(y) and other_name.startswith(x))
                for x, y in pairs
            ):
                continue
            if similar(text, other):
                found.append((name, text))
                break
    return found


def counting(scores: Sequence[int], run: int = 5) -> bool:
    """Scores that count up or down by one for ``run`` places (1/2/3/4/5/1): a pattern, not a
    judgement."""
    for step in (1, -1):
        length = 1
        for previous, score in zip(scores, scores[1:], strict=False):
            length = length + 1 if score - previous == step else 1
            if length >= run:
                return True
    return False


def judge_prose(
    fields: Sequence[tuple[str, str]], prompt: Instructions, lang: str, essay: str = ""
) -> list[Verdict]:
    """Every text rule on every field: at most one verdict per field, the first that fires.
    With ``essay``, a field that only gives the essay's words back is rejected too, except a
    suggestion (a rewrite of a sentence is mostly that sentence)."""
    verdicts = []
    essay_words = tokens(essay)
    for name, text in fields:
        if placeholder(text):
            reason = PLACEHOLDER
        elif markup(text):
            reason = MARKUP
        elif schema_copy(text):
            reason = SCHEMA_COPY
        elif prompt_copy(text, prompt):
            reason = PROMPT_COPY
        elif wrong_language(text, lang):
            reason = WRONG_LANGUAGE
        elif looping(text):
            reason = REPEATED
        elif truncated(text):
            reason = TRUNCATED
        elif essay_words and not name.endswith("suggestion") and essay_copy(text, essay_words):
            reason = ESSAY_COPY
        elif essay_words and applicant_voice(text):
            reason = APPLICANT_VOICE
        else:
            continue
        verdicts.append(Verdict(reason, name, text))
    if lang != "en":
        judged = {v.field for v in verdicts}
        rest = [(name, text) for name, text in fields if name not in judged]
        source = f"{prompt.source}\n{essay}"
        verdicts += [Verdict(GARBLED, *rest[i]) for i in gate_fluency.garbled(rest, source)]
    return verdicts
