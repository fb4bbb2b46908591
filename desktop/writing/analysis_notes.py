"""What the analysis says when a model cannot draft or give interview feedback: a checklist
measured on the user's own text, never a text written for them.

- ``notes_checklist``: before writing a draft from notes, what the question asks and whether the
  notes cover it, and whether they hold a figure, an own action and a result.
- ``practice_checklist``: on a spoken interview answer, its length, whether it uses the figures
  of the essay passage the question came from, figures the essay does not have, an own action
  and a result.

Lines are in the UI language (``messages.say``), each starting with ✓ (there) or ✗ (missing).
"""

from __future__ import annotations

from typing import Final

import regex

from desktop.messages import say
from desktop.writing.analysis_signals import ACTION_NOUNS_KO, figures, measure
from desktop.writing.essay import EssayRequest
from desktop.writing.subasks import addressed, sub_asks

# Notes are keywords: an action noun counts without its verb ("재검수 제안").
_NOTE_ACTION_KO: Final = regex.compile(
    rf"(?:{ACTION_NOUNS_KO})|맡|만들|바꾸|바꿨|찾아|줄였|늘렸|높였|낮췄|이끌|세웠|고쳤|만났|가르쳤"
)
_NOTE_ACTION_EN: Final = regex.compile(
    r"\b(?:led|built|designed|reduced|increased|analy[sz]ed|launched|created|managed|organi[sz]ed|"
    r"improved|negotiated|developed|implemented|wrote|ran|set up|started|automated|proposed|"
    r"coordinated|trained|cut|grew|solved|fixed|tested|measured|delivered|planned)\b",
    regex.IGNORECASE,
)
_NOTE_RESULT_KO: Final = regex.compile(
    r"결과|성과|줄|늘|높|낮|달성|향상|감소|증가|개선|절감|단축|수상|선정|우승|1위|합격|→|->"
)
_NOTE_RESULT_EN: Final = regex.compile(
    r"\b(?:result|reduc|increas|sav|won|award|achiev|grew|doubled|halved|fell|rose|dropped)\w*"
    r"|→|->",
    regex.IGNORECASE,
)
SPOKEN_CHARS: Final = (250, 450)  # a one-minute answer, in Korean characters
SPOKEN_WORDS: Final = (90, 160)


def _mark(ok: bool, there: str, missing: str) -> str:
    return f"✓ {there}" if ok else f"✗ {missing}"


def notes_checklist(request: EssayRequest, notes: str) -> list[str]:
    """What the notes hold for a draft of ``request``'s question (its sub-asks, a figure, an
    own action, a result), each line a ✓ or a ✗ with what to add."""
    english = request.lang == "en"
    lines = []
    for ask in sub_asks(request.question) if not english else []:
        covered = addressed(ask, notes)
        lines.append(
            _mark(
                covered,
                say(f"'{ask.text}': 메모에 있습니다.", f"'{ask.text}': in your notes."),
                say(
                    f"'{ask.text}': 문항이 묻지만 메모에 없습니다. 한두 줄 적어 두세요.",
                    f"'{ask.text}': the question asks for it; add a line to your notes.",
                ),
            )
        )
    found = figures(notes, "en" if english else "ko")
    lines.append(
        _mark(
            bool(found),
            say(f"수치: {', '.join(found[:4])}", f"Figures: {', '.join(found[:4])}"),
            say(
                "수치가 없습니다. 결과의 크기(몇 %, 몇 명, 몇 건, 며칠)를 아는 만큼 적어 두세요.",
                "No figures: note the size of the result (how many, how much) as far as you "
                "know it.",
            ),
        )
    )
    acted = (_NOTE_ACTION_EN if english else _NOTE_ACTION_KO).search(notes)
    lines.append(
        _mark(
            bool(acted),
            say("본인이 한 일이 있습니다.", "Your own actions are there."),
            say(
                "본인이 직접 한 일(분석, 제안, 도입…)을 적어 두세요.",
                "Note what you did yourself (analysed, proposed, introduced…).",
            ),
        )
    )
    result = (_NOTE_RESULT_EN if english else _NOTE_RESULT_KO).search(notes)
    lines.append(
        _mark(
            bool(result),
            say("결과가 있습니다.", "A result is there."),
            say("그 일의 결과(바뀐 것, 얻은 것)를 적어 두세요.", "Note how it ended: the result."),
        )
    )
    if request.limit:
        low, high = round(request.limit * 0.8), round(request.limit * 0.9)
        lines.append(
            say(
                f"목표 분량: {low:,}–{high:,}자 (제한 {request.limit:,}자의 80–90%).",
                f"Aim for {low:,}-{high:,} (80-90% of the {request.limit:,} limit).",
            )
        )
    return lines


def practice_checklist(source: str, essay: str, answer: str, lang: str = "ko") -> list[str]:
    """What the analysis finds in a spoken ``answer`` to a question drawn from ``source`` (a
    passage of ``essay``; "" for a general question)."""
    english = lang == "en"
    request = EssayRequest(text=answer, lang=lang)
    signals = measure(request)
    size = len(answer.split()) if english else len(regex.sub(r"\s+", "", answer))
    low, high = SPOKEN_WORDS if english else SPOKEN_CHARS
    unit = say("단어", " words") if english else say("자", " characters")
    lines = [
        _mark(
            low <= size <= high,
            say(
                f"길이: {size}{unit}, 1분 답변에 알맞습니다.",
                f"Length: {size}{unit}, about a minute.",
            ),
            say(
                f"길이: {size}{unit}. 1분 답변은 보통 {low}–{high}{unit}입니다.",
                f"Length: {size}{unit}; a one-minute answer runs {low}-{high}{unit}.",
            ),
        )
    ]
    wanted = figures(source, lang) if source else ()
    said = figures(answer, lang)
    if wanted:
        used = [f for f in wanted if regex.sub(r"\s", "", f) in regex.sub(r"\s", "", answer)]
        lines.append(
            _mark(
                bool(used),
                say(
                    f"근거 문장의 수치를 썼습니다: {', '.join(used)}",
                    f"Uses the figures: {', '.join(used)}",
                ),
                say(
                    f"질문의 근거 문장에 있는 수치({', '.join(wanted[:3])})를 답변에 넣으세요.",
                    f"Use the figures of the passage asked about ({', '.join(wanted[:3])}).",
                ),
            )
        )
    squeezed_essay = regex.sub(r"\s", "", essay)
    new = [f for f in said if regex.sub(r"\s", "", f) not in squeezed_essay]
    if new:
        lines.append(
            say(
                f"✗ 자기소개서에 없는 수치({', '.join(new[:3])})가 있습니다. 자기소개서와 어긋나지 "
                "않는지 확인하세요.",
                f"✗ Figures your letter does not have ({', '.join(new[:3])}): check they agree "
                "with it.",
            )
        )
    lines.append(
        _mark(
            bool(signals.with_actions),
            say("본인이 한 일을 말했습니다.", "Says what you did."),
            say(
                "본인이 직접 한 일을 동사로 말하세요('제가 ~을 제안했습니다').",
                "Say what you did yourself, with verbs ('I proposed …').",
            ),
        )
    )
    lines.append(
        _mark(
            bool(signals.with_results),
            say("결과를 말했습니다.", "Says what came of it."),
            say("그 일의 결과로 답을 마무리하세요.", "End with the result."),
        )
    )
    return lines
