"""What the analysis critique says about each rule's findings, in Korean and English.

One row per rule: the issue (a short title, as 사람인's coaching names them: 글자수 부족, 반복
단어, 진부한 표현, 근거·수치 부족, 긴 문장, 구어체), why it matters to a reader, and what to do
when the rule has no concrete rewrite of its own. ``{...}`` fields are filled in by
``analysis_items``.
"""

from __future__ import annotations

from typing import Final, NamedTuple


class Wording(NamedTuple):
    """A rule's point: each field a (Korean, English) pair."""

    issue: tuple[str, str]  # (Korean, English)
    why: tuple[str, str]
    advice: tuple[str, str]


# A rule without a row of its own (a new one): its finding's message says why.
OTHER: Final = Wording(("점검 결과", "A finding"), ("", ""), ("", ""))

RULES: Final[dict[str, Wording]] = {
    "PII.CONTACT": Wording(
        ("본문에 연락처·개인정보", "Contact details in the essay"),
        (
            "연락처는 양식의 칸에만 씁니다. 본문에 있으면 블라인드 심사에서 감점될 수 있습니다.",
            "Contact details belong in the form's own fields; in the text they can disqualify it.",
        ),
        ("이 부분을 지우세요.", "Delete this part."),
    ),
    "COMPANY.OTHER": Wording(
        ("다른 회사 이름", "Another company's name"),
        (
            "인사 담당자가 가장 치명적으로 보는 실수입니다.",
            "Hiring managers rank a wrong company name as the most fatal mistake.",
        ),
        (
            "의도한 것이 아니라면 {company}{ro} 바꾸세요.",
            "Unless you meant it, replace it with {company}.",
        ),
    ),
    "COMPANY.PLACEHOLDER": Wording(
        ("템플릿 자리표시가 남음", "A template placeholder is left in"),
        ("다른 지원서를 옮겨 쓴 흔적으로 읽힙니다.", "It reads as a copied template."),
        ("회사 이름 {company}{ro} 바꾸세요.", "Write the company's name, {company}."),
    ),
    "COMPANY.GENERIC": Wording(
        ("'귀사' 대신 회사 이름", "A generic name for the company"),
        (
            "회사 이름을 쓰면 이 회사를 위해 쓴 글로 읽힙니다.",
            "Naming the company shows the letter was written for it.",
        ),
        ("회사 이름 {company}{ro} 바꾸세요.", "Name the company: {company}."),
    ),
    "LEN.OVER": Wording(
        ("글자 수 초과", "Over the limit"),
        ("제한을 넘으면 제출되지 않거나 잘립니다.", "Text over the limit is refused or cut off."),
        (
            "{over}{unit}를 줄이세요. 배경 설명이나 반복된 말부터 덜어내세요.",
            "Cut {over} {unit}; start with background and repeated words.",
        ),
    ),
    "LEN.UNDER": Wording(
        ("글자수 부족", "Too short for the limit"),
        (
            "분량이 적으면 성의가 없어 보이고, 일부 기업은 절반 미만인 답을 걸러냅니다.",
            "A short answer looks half-hearted; some screens reject answers under half the limit.",
        ),
        (
            "{more}{unit} 이상 더 쓰세요. 경험의 결과와 배운 점을 구체적으로 더하면 됩니다.",
            "Add at least {more} {unit}: the result of your experience and what you learned.",
        ),
    ),
    "Q.SUBASK": Wording(
        ("답이 보이지 않는 물음", "A part of the question seems unanswered"),
        (
            "복합 문항은 물음마다 답했는지가 가장 먼저 평가됩니다.",
            "Reviewers check first that every part of a compound question is answered.",
        ),
        ("'{ask}'에 답하는 문단을 더하세요.", "Add a paragraph that answers '{ask}'."),
    ),
    "STRUCT.LEAD": Wording(
        ("두괄식이 아님", "The point is not first"),
        (
            "첫 문장에서 핵심이 보이지 않으면 끝까지 읽히지 않습니다.",
            "A reader who does not see the point in the first sentence may not read on.",
        ),
        (
            "첫 문장에 결론(어떤 역량을 어떤 경험으로 보여줄지)을 쓰고 배경은 뒤로 보내세요.",
            "Open with your point (which strength, which experience); move background later.",
        ),
    ),
    "STYLE.LONG_SENTENCE": Wording(
        ("긴 문장", "A long sentence"),
        (
            "한 문장에 여러 내용이 있으면 핵심이 흐려집니다.",
            "Several ideas in one sentence blur each.",
        ),
        ("두 문장으로 나누세요.", "Split it into two sentences."),
    ),
    "STYLE.CLICHE": Wording(
        ("진부한 표현", "A stock phrase"),
        (
            "누구나 쓰는 말은 읽는 사람에게 아무것도 알려주지 않습니다.",
            "A phrase everyone uses tells the reader nothing about you.",
        ),
        (
            "'{found}' 대신 그때 실제로 한 일과 결과를 쓰세요.",
            "Replace '{found}' with what you actually did and what came of it.",
        ),
    ),
    "EN.CLICHE": Wording(
        ("진부한 표현", "A stock phrase"),
        (
            "누구나 쓰는 말은 읽는 사람에게 아무것도 알려주지 않습니다.",
            "A phrase everyone uses tells the reader nothing about you.",
        ),
        ("'{found}' 대신 구체적인 사례를 쓰세요.", "Replace '{found}' with an example."),
    ),
    "STYLE.MACHINE": Wording(
        ("기계가 쓴 듯한 표현", "Phrasing typical of machine-written text"),
        (
            "많은 기업이 AI가 쓴 듯한 자기소개서를 감점합니다.",
            "Many employers mark down essays that read as machine-written.",
        ),
        ("'{found}'{reul} 자신의 말로, 구체적으로 바꾸세요.", "Say '{found}' in your own words."),
    ),
    "STYLE.HEDGE": Wording(
        ("단정하지 않는 표현", "Hedging"),
        ("'~것 같습니다'가 반복되면 자신 없어 보입니다.", "Repeated hedges sound unsure."),
        ("'{found}'{reul} 빼고 사실로 단정해 쓰세요.", "Drop '{found}' and state it as a fact."),
    ),
    "STYLE.REPEAT": Wording(
        ("반복 단어", "Repetition"),
        (
            "같은 말이 되풀이되면 내용이 적어 보입니다.",
            "Repeated words make the content look thin.",
        ),
        ("'{found}'{reul} 줄이거나 다른 말로 바꾸세요.", "Cut '{found}' or vary it."),
    ),
    "REUSE.CROSS": Wording(
        ("다른 지원서와 같은 문단", "A paragraph reused from another application"),
        (
            "옮겨 쓴 문단에는 다른 회사의 이름이나 사정이 남기 쉽습니다.",
            "A reused paragraph easily keeps another company's name or details.",
        ),
        (
            "회사 이름과 내용이 이 지원서에 맞는지 확인하세요.",
            "Check that names and details fit this application.",
        ),
    ),
    "STYLE.FILLER": Wording(
        ("구어체", "Spoken style"),
        (
            "말할 때 쓰는 군말은 글에서 가볍게 읽힙니다.",
            "Spoken fillers read as careless in writing.",
        ),
        ("'{found}'{reul} 빼세요.", "Delete '{found}'."),
    ),
    "TXT.JAMO": Wording(
        ("구어체", "Spoken style"),
        (
            "낱자(ㅋㅋ, ㅠㅠ)는 자기소개서에 쓰지 않습니다.",
            "Stray letters do not belong in an essay.",
        ),
        ("'{found}'{reul} 지우세요.", "Delete '{found}'."),
    ),
    "KO.SPELL": Wording(
        ("맞춤법", "Spelling"),
        ("맞춤법 실수는 꼼꼼하지 않다는 인상을 줍니다.", "Misspellings suggest carelessness."),
        ("고쳐 쓰세요.", "Correct it."),
    ),
    "KO.TYPO": Wording(
        ("오타", "A typo"),
        ("맞춤법 실수는 꼼꼼하지 않다는 인상을 줍니다.", "Typos suggest carelessness."),
        ("고쳐 쓰세요.", "Correct it."),
    ),
    "KO.JOSA": Wording(
        ("조사 오류", "A wrong particle"),
        (
            "회사 이름 뒤 조사가 틀리면 이름을 바꿔 넣은 글로 보입니다.",
            "A wrong particle after a name shows the name was swapped in.",
        ),
        ("고쳐 쓰세요.", "Correct it."),
    ),
    "KO.GRAMMAR": Wording(
        ("문법", "Grammar"),
        ("문법 실수는 꼼꼼하지 않다는 인상을 줍니다.", "Grammar slips suggest carelessness."),
        ("고쳐 쓰세요.", "Correct it."),
    ),
    "KO.LOANWORD": Wording(
        ("외래어 표기", "Loanword spelling"),
        ("외래어는 표준 표기로 씁니다.", "Loanwords are written in their standard form."),
        ("고쳐 쓰세요.", "Correct it."),
    ),
    "EN.SPELL": Wording(
        ("영어 철자", "Spelling"),
        ("철자 실수는 꼼꼼하지 않다는 인상을 줍니다.", "Misspellings suggest carelessness."),
        ("고쳐 쓰세요.", "Correct it."),
    ),
    "KO.SPACING": Wording(
        ("띄어쓰기", "Spacing"),
        ("띄어쓰기가 틀리면 읽기 어렵고 성의 없어 보입니다.", "Wrong spacing is harder to read."),
        # Said where no finding carries a correction: words run together, a pasted text
        ("붙여 쓴 곳을 단어마다 띄어 쓰세요.", "Put the spaces back between the words."),
    ),
    "BLIND.RISK": Wording(
        ("블라인드 채용 위험", "A blind-hiring risk"),
        (
            "학교, 출신 지역, 가족의 직업, 나이는 블라인드 채용에서 감점이나 탈락 사유입니다.",
            "School, hometown, family jobs and age can disqualify an answer in blind hiring.",
        ),
        ("'{found}'{reul} 지우거나 'OO대학교'처럼 가리세요.", "Remove '{found}' or mask it."),
    ),
    "TXT.UNICODE": Wording(
        ("보이지 않거나 깨진 문자", "Invisible or broken characters"),
        (
            "포털에서 글자 수가 달라지거나 글자가 깨져 보입니다.",
            "Portals may count or display them differently.",
        ),
        ("그 부분을 지우고 다시 입력하세요.", "Delete and retype that part."),
    ),
    "EN.SALUTATION": Wording(
        ("관례적인 인사말", "An outdated salutation"),
        ("담당자를 모르는 티가 납니다.", "It shows you did not look up who reads it."),
        ("'Dear Hiring Team'이나 담당자 이름을 쓰세요.", "Write 'Dear Hiring Team' or a name."),
    ),
    "EN.CONTRACTION": Wording(
        ("축약형", "Contractions"),
        ("격식 있는 글에서는 풀어 씁니다.", "A formal letter writes them out."),
        ("풀어 쓰세요.", "Write it out."),
    ),
    "EN.WORD_COUNT": Wording(
        ("분량", "Length"),
        ("커버레터는 보통 250–400단어입니다.", "Cover letters usually run 250-400 words."),
        ("분량을 맞추세요.", "Bring it within 250-400 words."),
    ),
    # Signals the analysis measures itself (no flag behind them).
    "ANALYSIS.NO_NUMBERS": Wording(
        ("근거·수치 부족", "No figures"),
        (
            "숫자가 없으면 성과의 크기를 알 수 없고 면접에서 검증하기도 어렵습니다.",
            "Without figures the size of a result is unclear and cannot be checked.",
        ),
        (
            "이 문장에 실제로 얻은 결과를 숫자로(몇 %, 몇 명, 몇 건, 며칠) 더하세요. 기억하는 "
            "사실만 씁니다.",
            "Add the real size of this result (how many, how much, how fast); only what you know.",
        ),
    ),
    "ANALYSIS.NO_ACTION": Wording(
        ("본인 행동이 드러나지 않음", "Own actions are not shown"),
        (
            "무엇을 했는지가 보이지 않으면 역량을 판단할 수 없습니다.",
            "Without what you did, a reader cannot judge your ability.",
        ),
        (
            "'제가 ~을 분석해 ~을 제안했습니다'처럼 본인이 직접 한 일을 동사로 쓰세요.",
            "Say what you did with verbs: 'I analysed …, I proposed …'.",
        ),
    ),
    "ANALYSIS.VAGUE": Wording(
        ("막연한 문장", "A vague sentence"),
        (
            "숫자나 고유한 사실이 없는 긴 문장은 읽는 사람의 기억에 남지 않습니다.",
            "A long sentence without a figure or a fact of your own is soon forgotten.",
        ),
        (
            "이 문장에 직접 한 일이나 그 결과를 하나 더 구체적으로(숫자, 기간, 이름) 쓰세요. "
            "기억하는 사실만 씁니다.",
            "Make this sentence concrete: one thing you did or its result, with a figure, a "
            "time or a name. Only what you remember.",
        ),
    ),
    "ANALYSIS.SHORT": Wording(
        ("답이 너무 짧음", "The answer is very short"),
        (
            "한두 문장으로는 경험과 역량을 보여 줄 수 없습니다.",
            "One or two sentences cannot show an experience or an ability.",
        ),
        (
            "무엇을 했고(행동), 어떻게 됐고(결과), 무엇을 배웠는지 문장으로 더하세요.",
            "Add what you did, how it ended and what you learned, in full sentences.",
        ),
    ),
    "ANALYSIS.NO_RESULT": Wording(
        ("결과가 없음", "No result"),
        (
            "경험은 결과와 배운 점으로 끝나야 설득력이 있습니다.",
            "An experience convinces when it ends in a result.",
        ),
        (
            "이 경험이 어떻게 끝났는지(바뀐 것, 얻은 것) 한 문장 더하세요.",
            "Add a sentence on how it ended: what changed, what you gained.",
        ),
    ),
    "ANALYSIS.SPOKEN": Wording(
        ("구어체", "Spoken style"),
        (
            "합쇼체(~습니다) 사이에 해요체(~요)가 섞이면 격식이 흐트러집니다.",
            "Mixing 해요체 into 합쇼체 breaks the formal register.",
        ),
        ("'~습니다'로 끝맺으세요.", "End it in 합쇼체 (~습니다)."),
    ),
    "ANALYSIS.NO_COMPANY": Wording(
        ("회사 이름이 없음", "The company is not named"),
        (
            "지원 동기와 포부에 회사 이름이 없으면 어느 회사에나 낼 수 있는 글로 읽힙니다.",
            "Without the company's name the answer could go to any company.",
        ),
        (
            "{company}에서 하고 싶은 일을 회사 이름과 함께 쓰세요.",
            "Say what you want to do at {company}, by name.",
        ),
    ),
    "ANALYSIS.NO_LINK": Wording(
        ("직무·회사와의 연결이 없음", "Not tied to the role or the company"),
        (
            "경험이 이 회사의 이 직무에 어떻게 쓰일지가 보이지 않으면 어디에나 낼 수 있는 글로 "
            "읽힙니다.",
            "Unless the experience is tied to this role at this company, it reads as generic.",
        ),
        (
            "마지막에 이 경험을 {company}의 {role} 업무에 어떻게 쓸지 한 문장으로 연결하세요.",
            "End with one sentence on how this experience serves the {role} role at {company}.",
        ),
    ),
}
