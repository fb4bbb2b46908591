"""The analysis critique's 아쉬운점 (from the findings and the measured gaps) and 좋은점 (from the
measured strengths), each quoting the sentence of the answer it is about, with its offsets.
"""

from __future__ import annotations

from typing import Final

import regex

from desktop.critique_types import Improvement, Strength
from desktop.writing.analysis_scores import CLICHES, FULL_FILL, HEDGES, Facts
from desktop.writing.analysis_signals import Sentence, Signals
from desktop.writing.analysis_wording import OTHER, RULES, Wording
from desktop.writing.essay import EssayRequest
from desktop.writing.flags import HINT, SEVERITIES, Flag
from desktop.writing.josa import particle_for
from desktop.writing.sentences import sentence_spans

QUOTE_CHARS: Final = 120  # as the model's quotes (critique_schema.QUOTE_CHARS)
MAX_IMPROVEMENTS: Final = 6
MAX_STRENGTHS: Final = 4
# Rules grouped into one improvement each, in this order within a severity (the rest after).
_ORDER: Final = (
    "PII.CONTACT", "COMPANY.OTHER", "COMPANY.PLACEHOLDER", "LEN.OVER", "BLIND.RISK",
    "Q.SUBASK", "ANALYSIS.SHORT", "LEN.UNDER", "KO.SPELL", "KO.JOSA", "KO.GRAMMAR",
    "KO.LOANWORD", "EN.SPELL",
    "STYLE.CLICHE", "EN.CLICHE",
    "ANALYSIS.NO_NUMBERS", "ANALYSIS.NO_ACTION", "STYLE.REPEAT", "REUSE.CROSS", "STYLE.HEDGE",
    "ANALYSIS.SPOKEN", "STYLE.FILLER", "TXT.JAMO", "STRUCT.LEAD", "STYLE.LONG_SENTENCE",
    "ANALYSIS.NO_RESULT", "ANALYSIS.NO_COMPANY", "ANALYSIS.NO_LINK", "COMPANY.GENERIC",
    "KO.SPACING",
)  # fmt: skip
# A minor rule found this often is a major point (the scores take the same view).
_MANY: Final = {
    "STYLE.CLICHE": 3, "EN.CLICHE": 3, "STYLE.LONG_SENTENCE": 4, "KO.SPACING": 5,
    "STYLE.HEDGE": HEDGES,
}  # fmt: skip
# Hints of these rules are not worth a point: a school named where hiring is not blind, a mask
# that may be blind masking.
_QUIET_HINTS: Final = ("BLIND.RISK", "COMPANY.PLACEHOLDER")
# Hints a strength never quotes: it would praise a sentence the analysis calls stock or unsure.
_NOT_PRAISED: Final = (*CLICHES, "STYLE.HEDGE")
# Where a later rule repeats what an earlier one says (both a cliché and machine phrasing).
_SAME_ISSUE: Final = {"STYLE.MACHINE": "STYLE.CLICHE", "KO.TYPO": "KO.SPELL"}
_FUTURE: Final = regex.compile(
    r"입사|기여|겠습니다|이바지|\bI will\b|\bcontribute", regex.IGNORECASE
)
_CLAUSE_BREAK: Final = regex.compile(r"(?<=[,;:])\s+|(?<=(?:며|지만|는데|했고|하고|되고|고))\s+")


def _lang_index(lang: str) -> int:
    return 1 if lang == "en" else 0


def quote_around(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The sentence holding ``start:end`` (or, for a long one, the clause or words around the
    span), with its offsets; None for an empty span at the end (nothing to quote)."""
    if end <= start and start >= len(text.rstrip()):
        return None
    for low, high in sentence_spans(text):
        if low <= start < high or (start == end and low <= start <= high):
            if high - low <= QUOTE_CHARS or end - start >= high - low:
                return text[low:high], low, high
            # A long sentence: the clause around the span, else the words around it.
            cut = [low] + [m.end() for m in _CLAUSE_BREAK.finditer(text, low, high)] + [high]
            for a, b in zip(cut, cut[1:], strict=False):
                if a <= start < b and b - a <= QUOTE_CHARS and end <= b:
                    piece = text[a:b].rstrip()
                    return piece, a, a + len(piece)
            a = max(low, start - QUOTE_CHARS // 2)
            a = text.find(" ", a, start) + 1 if text.find(" ", a, start) >= 0 else a
            b = min(high, a + QUOTE_CHARS)
            b = text.rfind(" ", end, b) if text.rfind(" ", end, b) > end else b
            return text[a:b], a, b
    return None


def _fill(template: str, request: EssayRequest, found: str, extra: dict[str, str]) -> str:
    values = {
        "company": request.company or ("the company" if request.lang == "en" else "회사 이름"),
        "ro": particle_for(request.company or "회사 이름", "으로/로"),
        "found": found,
        "reul": particle_for(found, "을/를") if found else "를",
        "role": request.role or ("this" if request.lang == "en" else "지원 직무"),
        **extra,
    }
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return template


def _rewrite(text: str, quote: tuple[str, int, int], flags: list[Flag]) -> str:
    """The quoted passage with every flag's suggestion put in place (right to left)."""
    piece, low, high = quote
    result = piece
    for flag in sorted(flags, key=lambda f: f.start, reverse=True):
        if flag.suggestion and low <= flag.start and flag.end <= high:
            result = result[: flag.start - low] + flag.suggestion + result[flag.end - low :]
    return result


def _split_hint(sentence: str, lang: str) -> str:
    """Where to split a long sentence: after the clause break nearest its middle."""
    middle = len(sentence) // 2
    breaks = [
        m.start() for m in _CLAUSE_BREAK.finditer(sentence) if 10 < m.start() < len(sentence) - 10
    ]
    if not breaks:
        return ""
    at = min(breaks, key=lambda i: abs(i - middle))
    tail = sentence[max(0, at - 12) : at].strip()
    if lang == "en":
        return f" Break it after '…{tail}'."
    return f" '…{tail}' 뒤에서 끊으면 됩니다."


def _improvement(
    request: EssayRequest, rule: str, flags: list[Flag], signals: Signals
) -> Improvement | None:
    wording: Wording = RULES.get(rule) or OTHER._replace(why=(flags[0].message, flags[0].message))
    i = _lang_index(request.lang)
    text = request.text
    first = flags[0]
    found = text[first.start : first.end] if first.end > first.start else ""
    quote = quote_around(text, first.start, first.end) if flags else None
    words = request.profile == "words"
    unit = ("words" if words else "characters") if i else ("단어" if words else "자")
    extra = {"ask": first.ref, "over": "", "more": "", "unit": unit}
    if request.limit and signals.fill is not None:
        used = round(signals.fill * request.limit)
        extra["over"] = f"{max(0, used - request.limit):,}"
        extra["more"] = f"{max(1, round(request.limit * 0.8) - used):,}"
    severities = [f.severity if f.severity in SEVERITIES else "minor" for f in flags]
    severity = min(severities, key=SEVERITIES.index, default="minor")
    if severity == "minor" and len(flags) >= _MANY.get(rule, len(flags) + 1):
        severity = "major"
    issue = wording.issue[i]
    if len(flags) > 1 and rule not in ("LEN.OVER", "LEN.UNDER"):
        issue += f" ({len(flags)}곳)" if i == 0 else f" ({len(flags)})"
    suggestion = _fill(wording.advice[i], request, found[:30], extra)
    fixes = [f for f in flags if f.suggestion]
    if fixes and quote is not None:
        pairs = [f"'{text[f.start : f.end]}' → '{f.suggestion}'" for f in fixes[:3]]
        rewritten = _rewrite(text, quote, fixes)
        suggestion = ", ".join(pairs)
        if rewritten != quote[0]:
            suggestion += f": {rewritten}" if len(rewritten) <= 100 else ""
    elif rule in ("COMPANY.OTHER", "COMPANY.PLACEHOLDER", "COMPANY.GENERIC") and quote:
        # A listed company (major) may be meant, an example say: no rewrite is put forward.
        if request.company and found and (rule != "COMPANY.OTHER" or severity == "critical"):
            rewritten = _rewrite(text, quote, [_as_fix(first, request.company)])
            suggestion = f"'{found}' → '{request.company}': {rewritten}"
    elif rule == "STYLE.LONG_SENTENCE" and quote is not None:
        suggestion += _split_hint(quote[0], request.lang)
    item: Improvement = {
        "issue": issue,
        "why": wording.why[i],
        "suggestion": suggestion,
        "severity": severity,
        "quote": quote[0] if quote else "",
        "start": quote[1] if quote else None,
        "end": quote[2] if quote else None,
        "origin": "analysis",
    }
    return item


def _as_fix(flag: Flag, replacement: str) -> Flag:
    return Flag(flag.rule_id, flag.severity, flag.start, flag.end, flag.message, replacement)


def _signal_flag(rule: str, sentence: Sentence | None, text: str) -> Flag:
    """A stand-in flag for a measured gap, on ``sentence`` (or nowhere)."""
    if sentence is None:
        return Flag(rule, "major", len(text), len(text), "")
    return Flag(rule, "major", sentence.start, sentence.end, "")


def signal_gaps(request: EssayRequest, signals: Signals) -> list[tuple[str, list[Flag]]]:
    """The gaps the analysis measures itself: no figures, no own actions, no result, a spoken
    ending among formal ones, a motivation answer without the company's name."""
    text = request.text
    gaps: list[tuple[str, list[Flag]]] = []
    if len(signals.sentences) < 3:
        short = len(text.split()) < 25 if request.lang == "en" else len(text.strip()) < 100
        # an essay question, not a form's field ("주요업무", "부서 및 직무": a list is the answer)
        essay = len(request.question.strip()) >= 15
        if short and essay and signals.sentences and not request.limit:  # a limit: LEN says so
            whole = signals.sentences[0]
            gaps.append(("ANALYSIS.SHORT", [_signal_flag("ANALYSIS.SHORT", whole, text)]))
        return gaps
    if not signals.with_numbers:
        # Quote the sentence that most needs a figure: a result, else an action.
        target = next(iter(signals.with_results or signals.with_actions), None)
        gaps.append(("ANALYSIS.NO_NUMBERS", [_signal_flag("ANALYSIS.NO_NUMBERS", target, text)]))
    if not signals.with_actions:
        # Where an own action would say the most: the longest sentence without a figure or a
        # result (an achievement sentence is not the place), else the longest.
        plain = [s for s in signals.sentences if not s.numbers and not s.result]
        longest = max(plain or signals.sentences, key=lambda s: s.size)
        gaps.append(("ANALYSIS.NO_ACTION", [_signal_flag("ANALYSIS.NO_ACTION", longest, text)]))
    if signals.with_numbers and not signals.with_results and signals.with_actions:
        last = signals.with_actions[-1]
        gaps.append(
            ("ANALYSIS.NO_RESULT", [_minor(_signal_flag("ANALYSIS.NO_RESULT", last, text))])
        )
    if signals.spoken:
        spoken = [_signal_flag("ANALYSIS.SPOKEN", s, text) for s in signals.spoken]
        gaps.append(("ANALYSIS.SPOKEN", [_minor(f) for f in spoken]))
    motivation = regex.search(r"지원\s?(?:동기|이유|한\s?이유)|포부|입사\s?후|why .*(?:join|apply)",
                              request.question, regex.IGNORECASE)  # fmt: skip
    if not (signals.company_named or signals.role_named) and (request.company or request.role):
        last = signals.sentences[-1]
        gaps.append(("ANALYSIS.NO_LINK", [_minor(_signal_flag("ANALYSIS.NO_LINK", last, text))]))
    elif motivation and request.company.strip() and not signals.company_named:
        gaps.append(
            ("ANALYSIS.NO_COMPANY", [_minor(_signal_flag("ANALYSIS.NO_COMPANY", None, text))])
        )
    return gaps


def _minor(flag: Flag) -> Flag:
    return Flag(flag.rule_id, "minor", flag.start, flag.end, flag.message)


def improvements(request: EssayRequest, facts: Facts, signals: Signals) -> list[Improvement]:
    by_rule: dict[str, list[Flag]] = {}
    for flag in facts.flags:
        rule = _SAME_ISSUE.get(flag.rule_id, flag.rule_id)
        if rule == "COMPANY.OTHER" and flag.severity != "critical" and not request.company:
            continue  # a listed company named in an answer for no company: an example, say

        if rule == "STYLE.HEDGE" and len(facts.of(rule)) < HEDGES:
            continue  # one or two hedges are not worth a point of their own
        if flag.severity == HINT and rule in _QUIET_HINTS:
            continue
        by_rule.setdefault(rule, []).append(flag)
    groups = list(by_rule.items()) + signal_gaps(request, signals)
    rank = {rule: n for n, rule in enumerate(_ORDER)}

    items = [_improvement(request, rule, flags, signals) for rule, flags in groups]
    kept = [item for item, _group in zip(items, groups, strict=True) if item is not None]
    order = {
        id(item): rank.get(rule, len(rank)) for item, (rule, _f) in zip(items, groups, strict=True)
    }
    kept.sort(key=lambda item: (SEVERITIES.index(item["severity"]), order[id(item)]))
    kept = kept[:MAX_IMPROVEMENTS]
    if not any(item["start"] is not None for item in kept):
        # Every review points at the answer at least once: its vaguest sentence (the longest
        # without a figure, a result or a finding), to make concrete.
        vague = [
            s for s in signals.sentences
            if not s.numbers and not s.result and s.size >= _VAGUE_MIN[request.lang == "en"]
            and (s.action or s.first_person) and not _FUTURE.search(s.text)
            and not _CONCRETE.search(s.text) and not _flagged(facts, s.start, s.end)
        ]  # fmt: skip
        if vague:
            target = max(vague, key=lambda s: s.size)
            flag = _minor(_signal_flag("ANALYSIS.VAGUE", target, request.text))
            item = _improvement(request, "ANALYSIS.VAGUE", [flag], signals)
            if item is not None:
                kept = [*kept[: MAX_IMPROVEMENTS - 1], item]
    return kept


# Read on the real essays: a sentence with any digit ("77\"의 선명함", "1기"), a spelled count
# ("두 차례") or the reason for applying ("…부합했기 때문에 지원하게 되었습니다") is no vague one.
_CONCRETE: Final = regex.compile(
    r"\d|(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|여러)\s?(?:차례|번|명|곳|개|달|해|주|시간)|"
    r"지원(?:하게|했|합니다|하였|한\s?이유)|\b(?:one|two|three|four|five|ten|twice)\b|\bappl(?:y|ied)",
    regex.IGNORECASE,
)
# A sentence long enough to say something concrete: characters (Korean), words (English).
_VAGUE_MIN: Final = {False: 30, True: 8}


def _flagged(facts: Facts, low: int, high: int) -> bool:
    """Whether a finding lies in ``low:high`` (a strength never quotes a faulted passage)."""
    return any(
        flag.start < high and low < flag.end
        for flag in facts.flags
        if flag.severity != HINT or flag.rule_id in _NOT_PRAISED
    )


def _strength(point: str, sentence: Sentence | None, at: int = 0) -> Strength:
    """A strength quoting ``sentence`` (of a long one, the clause around offset ``at`` in it)."""
    item: Strength = {"point": point, "quote": "", "start": None, "end": None}
    if sentence is not None and len(sentence.text) <= QUOTE_CHARS:
        item["quote"], item["start"], item["end"] = sentence.text, sentence.start, sentence.end
    elif sentence is not None:
        quote = quote_around(sentence.text, at, at + 1)
        if quote is not None:
            item["quote"] = quote[0]
            item["start"], item["end"] = sentence.start + quote[1], sentence.start + quote[2]
    item["origin"] = "analysis"
    return item


def strengths(request: EssayRequest, facts: Facts, signals: Signals) -> list[Strength]:
    ko = request.lang != "en"
    clean = [s for s in signals.sentences if not _flagged(facts, s.start, s.end)]
    found: list[Strength] = []
    used: set[int] = set()
    best = [s for s in clean if s.numbers and s.action]
    best.sort(key=lambda s: (not s.result, -len(s.numbers)))
    if best:
        s = best[0]
        used.add(s.start)
        found.append(_strength(
            f"본인이 한 일을 수치({', '.join(s.numbers[:2])})와 함께 구체적으로 썼습니다."
            if ko else f"States an own action with a figure ({', '.join(s.numbers[:2])}).", s
        ))  # fmt: skip
    if not best:
        acted = [s for s in clean if s.action and s.first_person]
        if acted:
            s = max(acted, key=lambda s: s.result)
            used.add(s.start)
            found.append(_strength(
                "자신이 직접 한 일을 경험으로 보여 줍니다." if ko
                else "Shows what the writer did, not only what they think.", s, s.action_at
            ))  # fmt: skip
    results = [
        s for s in clean
        if s.result and s.numbers and (s.action or s.first_person) and s.start not in used
    ]  # fmt: skip
    if results:
        s = results[0]
        used.add(s.start)
        found.append(_strength(
            "행동의 결과를 수치로 보여 줍니다." if ko else "Shows the result in numbers.", s
        ))  # fmt: skip
    if signals.headline_text:
        start = request.text.find(signals.headline_text)
        headline = Sentence(start, start + len(signals.headline_text), signals.headline_text,
                            0, (), False, False, False, False)  # fmt: skip
        found.append(_strength(
            "소제목으로 핵심을 먼저 보여 줍니다." if ko else "A headline states the point.",
            headline
        ))  # fmt: skip
    elif signals.clear_lead(bool(facts.of("STRUCT.LEAD"))) and signals.sentences:
        first = signals.sentences[0]
        if first.start not in used and not _flagged(facts, first.start, first.end):
            found.append(_strength(
                "첫 문장에서 핵심을 먼저 말합니다(두괄식)." if ko
                else "The first sentence states the point.", first
            ))  # fmt: skip
    if len(signals.asks) >= 2 and not signals.missing_asks:
        found.append(_strength(
            f"문항이 묻는 {len(signals.asks)}가지에 모두 답했습니다." if ko
            else f"Answers all {len(signals.asks)} parts of the question.", None
        ))  # fmt: skip
    if signals.fill is not None and FULL_FILL <= signals.fill <= 1.0:
        found.append(_strength(
            f"분량을 제한의 {signals.fill:.0%}까지 알차게 채웠습니다." if ko
            else f"Uses {signals.fill:.0%} of the limit.", None
        ))  # fmt: skip
    if signals.company_named and signals.future and not facts.of("COMPANY.OTHER"):
        named = next(
            (s for s in clean if _mentions(s.text, request.company) and _FUTURE.search(s.text)),
            None,
        )
        if named is not None and named.start not in used:
            found.append(_strength(
                "회사 이름을 들어 입사 후 할 일을 말합니다." if ko
                else "Names the company and what the writer will do there.", named
            ))  # fmt: skip
    long = facts.of("STYLE.LONG_SENTENCE")
    short = {"ko": 45, "en": 18}["en" if not ko else "ko"]
    if not long and len(signals.sentences) >= 4 and signals.mean_size <= short:
        found.append(_strength(
            f"문장이 짧아(평균 {signals.mean_size:.0f}자) 읽기 쉽습니다." if ko
            else f"Short sentences (mean {signals.mean_size:.0f} words) read easily.", None
        ))  # fmt: skip
    return found[:MAX_STRENGTHS]


def _mentions(sentence: str, company: str) -> bool:
    words = regex.findall(r"[가-힣]{2,}|[A-Za-z0-9]{2,}", company)
    squeezed = regex.sub(r"\s+", "", sentence).casefold()
    return any(w.casefold() in squeezed for w in words)
