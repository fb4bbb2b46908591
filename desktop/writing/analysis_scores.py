"""The analysis critique's scores: each rubric dimension (DOMAIN.md §3) from measured signals
and the offline checks' flags. ``docs/analysis_critique.md`` is the table this code follows;
change both together.

Every score is a base plus or minus points for things a reader can check in the answer, clamped
to 1-5, and its rationale names those things, in the essay's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from desktop.critique_types import DIMENSIONS, Score
from desktop.writing.analysis_signals import Signals
from desktop.writing.flags import Flag

# Rule groups the scores read (DOMAIN.md §4).
SPELLING: Final = frozenset(
    {"KO.SPELL", "KO.TYPO", "KO.JOSA", "KO.GRAMMAR", "KO.LOANWORD", "EN.SPELL"}
)
SPACING: Final = frozenset({"KO.SPACING"})
CLICHES: Final = frozenset({"STYLE.CLICHE", "STYLE.MACHINE", "EN.CLICHE"})
REPEATS: Final = frozenset({"STYLE.REPEAT", "REUSE.CROSS"})
SPOKEN: Final = frozenset({"STYLE.FILLER", "TXT.JAMO", "EN.CONTRACTION", "EN.SALUTATION"})
WRONG_COMPANY: Final = frozenset({"COMPANY.OTHER", "COMPANY.PLACEHOLDER"})
LONG_SHARE: Final = 0.25  # of sentences over the long-sentence bound: structure -1
SHORT_MEAN: Final = {"ko": 50, "en": 20}  # mean sentence size (graphemes / words): structure +1
FULL_FILL: Final = 0.85
HEDGES: Final = 3  # hedged sentences from which hedging is a habit


@dataclass(frozen=True)
class Facts:
    """The flags of one answer, grouped the way the scores read them."""

    flags: tuple[Flag, ...]

    def of(self, rules: frozenset[str] | str) -> list[Flag]:
        wanted = frozenset({rules}) if isinstance(rules, str) else rules
        return [flag for flag in self.flags if flag.rule_id in wanted]

    def critical(self) -> list[Flag]:
        return [flag for flag in self.flags if flag.severity == "critical"]


def _clamp(value: int) -> int:
    return max(1, min(5, value))


def _join(parts: list[str], lang: str) -> str:
    parts = [p for p in parts if p]
    return (", " if lang == "en" else ", ").join(parts)


def _say(lang: str, ko: str, en: str) -> str:
    return en if lang == "en" else ko


def question_fit(signals: Signals, facts: Facts) -> Score:
    lang = signals.lang
    reasons = []
    if len(signals.asks) >= 2:
        answered = len(signals.asks) - len(signals.missing_asks)
        score = 1 + round(4 * answered / len(signals.asks))
        reasons.append(
            _say(lang, f"문항의 {len(signals.asks)}가지 물음 중 {answered}가지에 답함",
                 f"answers {answered} of the question's {len(signals.asks)} parts")
        )  # fmt: skip
        missing = [ask.text for ask in signals.missing_asks]
        if missing:
            reasons.append(_say(lang, "빠진 것: ", "missing: ") + ", ".join(missing))
    elif lang == "en":
        score = 4
        reasons.append("the parts of an English question are not checked one by one")
    else:
        score = 4
        reasons.append("한 가지를 묻는 문항이라 빠진 물음은 없음")
    if signals.fill is not None and signals.fill < 0.7:
        score -= 2 if signals.fill < 0.5 else 1
        reasons.append(
            _say(lang, f"분량이 제한의 {signals.fill:.0%}로 답이 짧음",
                 f"only {signals.fill:.0%} of the limit is used")
        )  # fmt: skip
    return {"score": _clamp(score), "rationale": _join(reasons, lang) + "."}


def evidence(signals: Signals, facts: Facts) -> Score:
    lang = signals.lang
    numbers = sum(len(s.numbers) for s in signals.sentences)
    actions = len(signals.with_actions)
    results = len(signals.with_results)
    score = 1 + min(2, (numbers >= 1) + (numbers >= 3)) + (actions >= 1) + (results >= 1)
    reasons = [
        _say(lang, f"수치 {numbers}개", f"{numbers} figure{'s' * (numbers != 1)}"),
        _say(lang, f"본인 행동을 쓴 문장 {actions}개", f"{actions} sentence(s) of own actions"),
        _say(lang, f"결과를 쓴 문장 {results}개", f"{results} sentence(s) with a result"),
    ]
    return {"score": _clamp(score), "rationale": _join(reasons, lang) + "."}


def job_company_fit(signals: Signals, facts: Facts) -> Score:
    lang = signals.lang
    gaps: list[str] = []
    done: list[str] = []  # said after the gaps: the summary quotes this as what to improve
    score = 2
    if any(f.severity == "critical" for f in facts.of(WRONG_COMPANY)):
        return {
            "score": 1,
            "rationale": _say(lang, "다른 회사 이름이나 템플릿 자리표시가 남아 있음.",
                              "another company's name or a template placeholder is left in."),
        }  # fmt: skip
    if signals.company_named:
        score += 1
        done.append(_say(lang, "회사 이름을 씀", "names the company"))
    else:
        gaps.append(_say(lang, "회사 이름이 없음", "does not name the company"))
    if signals.role_named:
        score += 1
        done.append(_say(lang, "직무를 언급함", "mentions the role"))
    else:
        gaps.append(_say(lang, "직무 언급이 없음", "does not mention the role"))
    if signals.future:
        score += 1
        done.append(_say(lang, "입사 후 할 일을 말함", "says what the writer will do there"))
    if gaps and done:  # "회사 이름이 없음, 직무 언급이 없음 (입사 후 할 일은 말함)"
        rationale = f"{_join(gaps, lang)} ({_join(done, lang)})"
    else:
        rationale = _join(gaps or done, lang)
    return {"score": _clamp(score), "rationale": rationale + "."}


def structure(signals: Signals, facts: Facts) -> Score:
    lang = signals.lang
    reasons = []
    score = 3
    weak = bool(facts.of("STRUCT.LEAD"))
    if signals.clear_lead(weak):
        score += 1
        reasons.append(_say(lang, "첫 문장이 핵심을 먼저 말함(두괄식)", "opens with the point"))
    elif weak:
        score -= 1
        reasons.append(_say(lang, "배경으로 시작함", "opens with background"))
    long = facts.of("STYLE.LONG_SENTENCE")
    sentences = max(1, len(signals.sentences))
    if long and (len(long) >= 3 or len(long) / sentences >= LONG_SHARE):
        score -= 1
        reasons.append(
            _say(
                lang, f"긴 문장 {len(long)}개", f"{len(long)} long sentence{'s' * (len(long) > 1)}"
            )
        )
    elif not long and signals.sentences and signals.mean_size <= SHORT_MEAN[lang]:
        score += 1
        unit = "words" if lang == "en" else "자"
        reasons.append(
            _say(lang, f"문장이 짧음(평균 {signals.mean_size:.0f}{unit})",
                 f"short sentences (mean {signals.mean_size:.0f} {unit})")
        )  # fmt: skip
    elif long:
        reasons.append(_say(lang, f"긴 문장 {len(long)}개", f"{len(long)} long sentence(s)"))
    if not reasons:
        reasons.append(_say(lang, "특별한 문제는 없음", "nothing stands out"))
    return {"score": _clamp(score), "rationale": _join(reasons, lang) + "."}


def distinctiveness(signals: Signals, facts: Facts) -> Score:
    lang = signals.lang
    reasons = []
    score = 4
    cliches = facts.of(CLICHES)
    if cliches:
        score -= 2 if len(cliches) >= 3 else 1
        reasons.append(
            _say(lang, f"상투적 표현 {len(cliches)}곳", f"{len(cliches)} stock phrase(s)")
        )
    hedges = facts.of("STYLE.HEDGE")
    if len(hedges) >= HEDGES:
        score -= 1
        reasons.append(_say(lang, f"단정하지 않는 표현 {len(hedges)}번", f"{len(hedges)} hedges"))
    if facts.of(REPEATS):
        score -= 1
        reasons.append(_say(lang, "반복되는 말이나 문단", "repeated words or paragraphs"))
    own = [s for s in signals.sentences if s.numbers and s.action]
    if own and not cliches:
        score += 1
        reasons.append(
            _say(lang, "수치와 본인 행동이 함께 있는 문장이 있음",
                 "a sentence pairs an own action with a figure")
        )  # fmt: skip
    if not reasons:
        reasons.append(_say(lang, "상투적 표현이나 반복이 없음", "no stock phrases or repetition"))
    return {"score": _clamp(score), "rationale": _join(reasons, lang) + "."}


def mechanics(signals: Signals, facts: Facts) -> Score:
    lang = signals.lang
    reasons = []
    score = 5
    spelling = facts.of(SPELLING)
    if spelling:
        score -= 2 if len(spelling) >= 3 else 1
        reasons.append(_say(lang, f"맞춤법·조사 {len(spelling)}곳", f"{len(spelling)} spelling"))
    spacing = facts.of(SPACING)
    if len(spacing) >= 3:
        score -= 1
        reasons.append(_say(lang, f"띄어쓰기 {len(spacing)}곳", f"{len(spacing)} spacing"))
    under = facts.of("LEN.UNDER")
    if under:
        score -= 2 if under[0].severity == "major" else 1
        reasons.append(_say(lang, "분량 부족", "too short for the limit"))
    if facts.of(SPOKEN) or signals.spoken:
        score -= 1
        reasons.append(_say(lang, "구어체·비격식 표현", "informal or spoken style"))
    if facts.of("TXT.UNICODE"):
        score -= 1
        reasons.append(_say(lang, "보이지 않거나 깨진 문자", "invisible or broken characters"))
    critical = facts.critical()
    if critical:
        score = min(score, 2) - (len({f.rule_id for f in critical}) > 1)
        names = sorted({f.rule_id for f in critical})
        reasons.insert(0, _say(lang, "치명적 문제: ", "critical: ") + ", ".join(names))
    if not reasons:
        fill = (
            _say(lang, f", 분량 {signals.fill:.0%}", f", {signals.fill:.0%} of the limit")
            if signals.fill is not None and signals.fill >= 0.7
            else ""
        )
        reasons.append(
            _say(lang, f"표기 문제를 찾지 못함{fill}", f"no mechanical problem found{fill}")
        )
    return {"score": _clamp(score), "rationale": _join(reasons, lang) + "."}


SCORERS: Final[dict[str, Callable[[Signals, Facts], Score]]] = {
    "question_fit": question_fit,
    "evidence": evidence,
    "job_company_fit": job_company_fit,
    "structure": structure,
    "distinctiveness": distinctiveness,
    "mechanics": mechanics,
}
assert tuple(SCORERS) == DIMENSIONS


def scores(signals: Signals, facts: Facts) -> dict[str, Score]:
    return {name: SCORERS[name](signals, facts) for name in DIMENSIONS}
