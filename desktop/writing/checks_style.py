"""Korean language and style rules, and the style rules shared with English."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Final

import regex

from desktop.writing.checks_company import name_spans
from desktop.writing.companies import own_spans
from desktop.writing.counting import graphemes
from desktop.writing.flags import HINT, CheckContext, Flag, matches
from desktop.writing.josa import after_closers, ending_at, particle_for, wrong_ending
from desktop.writing.sentences import paragraph_spans, sentence_spans
from desktop.writing.wordlists import lines, pair_patterns, phrase_regex

Rule = Callable[[str, CheckContext], list[Flag]]

# Particles ---------------------------------------------------------------------------------


def _josa(text: str, context: CheckContext) -> list[Flag]:
    flags: list[Flag] = []
    for start, end in name_spans(text, context.company, context.other_companies):
        name = text[start:end]
        ending = ending_at(text, after_closers(text, end))
        right = wrong_ending(name, ending) if ending is not None else None
        if ending is None or right is None:
            continue
        fixed = text[start : ending.start] + right
        message = context.say(
            "조사 오류: '{wrong}' → '{right}'",
            "Wrong particle: '{wrong}' should be '{right}'",
            wrong=text[start : ending.end],
            right=fixed,
        )
        flags.append(Flag("KO.JOSA", "major", start, ending.end, message, fixed))
    return flags


# Spelling, clichés, hedges, fillers --------------------------------------------------------


def _spelling(text: str, context: CheckContext) -> list[Flag]:
    flags = []
    for pattern, right in pair_patterns("ko_misspellings.tsv"):
        for match in pattern.finditer(text):
            message = context.say(
                "맞춤법: '{wrong}' → '{right}'",
                "Spelling: '{wrong}' should be '{right}'",
                wrong=match.group(),
                right=right,
            )
            flags.append(Flag("KO.SPELL", "major", match.start(), match.end(), message, right))
    return flags


def _cliche(text: str, context: CheckContext) -> list[Flag]:
    message = context.say(
        "상투적인 표현입니다. 자신만의 경험으로 바꾸세요.",
        "A stock phrase; replace it with something only you could write.",
    )
    return matches(phrase_regex("ko_cliches.txt"), text, "STYLE.CLICHE", HINT, message)


_HEDGE: Final = regex.compile(
    r"것\s?같(?:습니다|아요|다)|[라다]고\s?생각(?:합니다|해요|한다)|지\s?않을까\s?(?:싶|생각)"
    r"|[ㄴ는은]?\s?듯(?:합니다|하다|해요)"
)


def _hedge(text: str, context: CheckContext) -> list[Flag]:
    found = list(_HEDGE.finditer(text))
    severity = HINT  # a matter of voice: on real essays under half of them were worth changing
    message = context.say(
        "단정하지 않는 표현('~것 같습니다', '~라고 생각합니다')이 {n}번 나옵니다. "
        "확신 있게 쓰세요.",
        "Hedging ('~것 같습니다', '~라고 생각합니다') appears {n} times; state it plainly.",
        n=len(found),
    )
    return [Flag("STYLE.HEDGE", severity, m.start(), m.end(), message) for m in found]


_FILLER: Final = regex.compile(
    r"(?<![가-힣])(?:어+|음+|그+|저기|아무튼)(?=\s*(?:,|…|\.\.\.|~))|뭐랄까|있잖아요"
)


def _filler(text: str, context: CheckContext) -> list[Flag]:
    message = context.say(
        "말할 때 쓰는 군말입니다. 글에서는 빼세요.",
        "A spoken filler; leave it out of written text.",
    )
    return matches(_FILLER, text, "STYLE.FILLER", "minor", message)


# Blind hiring ------------------------------------------------------------------------------

_SCHOOL_GENERIC: Final = {
    "전문",
    "명문",
    "지방",
    "해외",
    "국내",
    "사이버",
    "방송통신",
    "경영",
    "공과",
    "사범",
    "의과",
    "인문",
    "자연과학",
    "사회과학",
    "예술",
    "간호",
    "약학",
    "법과",
    "상경",
    "사회",
    "자연",
    "미술",
    "음악",
    "체육",
    "공학",
    "일반",
    "특성화",
    "인근",
    "지역",
    "여러",
    "다른",
    "같은",
    "모든",
    "단과",
    "문과",
    "이과",
    "공립",
    "사립",
    "국립",
    "시립",
    "도립",
    "초중",
    "초중고",
    "중고",
    "각",
    "타",
    "본",
    "해당",
    "야간",
    "평생교육",
}
_SCHOOL: Final = regex.compile(
    r"(?<![가-힣A-Za-z0-9○◯ㅇ])([가-힣]{2,12}?)(대학교|대학|고등학교|여자고등학교|고교|외고|과학고|중학교)"
)
# Words no school's name holds: "프랑스학생들은한국의다른대학" is a sentence run together.
_NOT_A_NAME: Final = regex.compile(r"[은는을를의](?!$)|다른|여러|같은|모든")
_PARTICLE_AFTER_NAME: Final = r"(?=[^가-힣]|$|에서|에|를|을|의|은|는|이|가|생|졸업|학부|출신|재학)"
_FAMILY: Final = regex.compile(
    r"(?<![가-힣])(?:아버지|어머니|아버님|어머님|부모님|아빠|엄마|누나|오빠|언니|남동생|여동생|삼촌|이모|고모)"
    r"[^.\n]{0,15}?(?:교사|교수|의사|공무원|군인|경찰|변호사|판사|목사|은행원|회사원|대표|임원|근무|재직|종사)"
)
# The applicant's own age: "올해 27세입니다", "27살인 저는", "1998년생". An age in a story
# ("20살 때부터", "12살의 어린 나이에") or of others ("60세 이상", "50~80세의") is not.
_AGE: Final = regex.compile(
    r"(?<=(?:올해|현재|제\s?나이는?|저는)\s?(?:만\s?)?)\d{2}\s?(?:살|세)"
    r"(?=[^가-힣]|$|입니다|이고|인|로서)"
    r"|(?<![\d~-])\d{2}\s?(?:살|세)(?=(?:인|의)\s?(?:저|제가))"
    r"|(?<!\d)\d{2,4}년생"
)


def _hometown() -> regex.Pattern[str]:
    regions = "|".join(map(regex.escape, sorted(lines("ko_regions.txt"), key=len, reverse=True)))
    return regex.compile(
        rf"(?<![가-힣])(?:{regions})\s?(?:에서|의)?\s?(?:태어|자라|자랐|출생|성장)"
        rf"|(?<![가-힣])(?:{regions})\s?출신(?!\s?(?:인원|사람|학생|친구|분|직원|동료|선배|후배|들))"
        rf"|고향"
    )


def _blind(text: str, context: CheckContext) -> list[Flag]:
    # Where the posting is not known to be blind, naming a school or an age is the applicant's
    # choice: a hint (on real essays most such names were a workplace or a programme's host).
    severity = "critical" if context.blind_hiring else HINT
    spans: list[tuple[int, int, str]] = []
    for match in _SCHOOL.finditer(text):
        if match.group(1) not in _SCHOOL_GENERIC and not _NOT_A_NAME.search(match.group(1)):
            spans.append((match.start(), match.end(), "school"))
    schools = "|".join(map(regex.escape, lines("ko_schools.txt")))
    for match in regex.finditer(rf"(?<![가-힣A-Za-z])(?:{schools}){_PARTICLE_AFTER_NAME}", text):
        spans.append((match.start(), match.end(), "school"))
    spans += [(m.start(), m.end(), "hometown") for m in _hometown().finditer(text)]
    spans += [(m.start(), m.end(), "family") for m in _FAMILY.finditer(text)]
    spans += [(m.start(), m.end(), "age") for m in _AGE.finditer(text)]
    what_ko = {"school": "학교명", "hometown": "출신 지역", "family": "가족의 직업", "age": "나이"}
    what_en = {
        "school": "school name",
        "hometown": "hometown",
        "family": "family's jobs",
        "age": "age",
    }
    own = own_spans(text, context.company)  # 경북대학교병원 is the employer, not a school
    spans = [span for span in spans if not any(a < span[1] and span[0] < b for a, b in own)]
    flags = []
    for start, end, kind in spans:
        message = context.say(
            "블라인드 채용 위험: {what}{topic} 드러내지 않습니다.",
            "Blind-hiring risk: do not reveal your {what}.",
            what=what_ko[kind] if context.ui_lang == "ko" else what_en[kind],
            topic=particle_for(what_ko[kind], "은/는"),
        )
        flags.append(Flag("BLIND.RISK", severity, start, end, message))
    return flags


# Shared: long sentences, repetition --------------------------------------------------------

LONG_SENTENCE_CHARS: Final = 100
LONG_SENTENCE_WORDS: Final = 35


# "- 문서관리 지원 - 서류 접수 및 배분 - 민원인 응대": a list run onto one line (a form's field,
# a pasted question's bullets) is not a sentence to split (22 of 642 flags on the real essays).
_LIST_ITEM: Final = regex.compile(r"(?:^|\s)[-•·▪]\s")


def _long_sentence(text: str, context: CheckContext) -> list[Flag]:
    flags = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if len(_LIST_ITEM.findall(sentence)) >= 2:
            continue
        if context.lang == "en":
            size, too_long = len(sentence.split()), len(sentence.split()) > LONG_SENTENCE_WORDS
        else:
            size = len(graphemes(sentence))
            too_long = size > LONG_SENTENCE_CHARS
        if too_long:
            message = context.say(
                "긴 문장입니다({n}). 둘로 나누면 읽기 쉽습니다.",
                "A long sentence ({n}); splitting it makes it easier to read.",
                n=f"{size}단어" if context.lang == "en" and context.ui_lang == "ko" else size,
            )
            flags.append(Flag("STYLE.LONG_SENTENCE", HINT, start, end, message))
    return flags


_KO_TRAILING: Final = regex.compile(
    r"(?:에서는|에서|으로|에게|까지|부터|처럼|보다|이라는|라는|와|과|을|를|이|가|은|는|의|에|로|도|만)$"
)
_STOP_WORDS: Final = {
    "저는",
    "제가",
    "있습니다",
    "했습니다",
    "합니다",
    "통해",
    "위해",
    "그리고",
    "하지만",
    "또한",
    "경험",
    "생각",
    "있었습니다",
    "되었습니다",
    "하는",
    "있는",
    "없는",
    "because",
    "which",
    "their",
    "there",
    "these",
    "those",
    "would",
    "could",
    "should",
    "about",
    "with",
    "from",
    "that",
    "this",
    "have",
    "were",
    "been",
    "what",
    "when",
    "where",
    "your",
    "into",
}
REPEAT_WORD_TIMES: Final = 5


def _repeat(text: str, context: CheckContext) -> list[Flag]:
    flags = []
    seen: dict[str, int] = {}
    for start, end in sentence_spans(text):
        key = " ".join(text[start:end].split())
        if len(key) >= 10 and key in seen:
            message = context.say("같은 문장이 반복됩니다.", "The same sentence appears twice.")
            flags.append(Flag("STYLE.REPEAT", "major", start, end, message))
        seen.setdefault(key, start)
    others = {" ".join(p.split()) for a in context.other_answers for p in a.splitlines()}
    for start, end in paragraph_spans(text):
        key = " ".join(text[start:end].split())
        if len(key) >= 20 and key in others:
            message = context.say(
                "이 문단이 다른 문항의 답변에도 그대로 있습니다.",
                "This paragraph also appears word for word in another answer.",
            )
            flags.append(Flag("STYLE.REPEAT", "major", start, end, message))
    word_pattern = r"[A-Za-z]{4,}" if context.lang == "en" else r"[가-힣]{2,}"
    occurrences: dict[str, list[tuple[int, int]]] = {}
    # A hedge's 생각합니다 is STYLE.HEDGE's finding (repeated hedging): not counted again here.
    hedges = [] if context.lang == "en" else [m.span() for m in _HEDGE.finditer(text)]
    for match in regex.finditer(word_pattern, text):
        if hedges and any(low < match.end() and match.start() < high for low, high in hedges):
            continue
        word = match.group().lower()
        stem = _KO_TRAILING.sub("", word) if context.lang != "en" else word
        if len(stem) < 2 or word in _STOP_WORDS or stem in _STOP_WORDS:
            continue
        occurrences.setdefault(stem, []).append((match.start(), match.start() + len(stem)))
    counts = Counter({stem: len(spans) for stem, spans in occurrences.items()})
    # The question's topic, the company and the role are what the answer is about: '청년' in a
    # youth-policy answer, the company's name (a counselor struck both from the analysis).
    given = " ".join((context.question, context.company, context.role)).lower()
    for stem, times in counts.items():
        if times < REPEAT_WORD_TIMES or stem in given:
            continue
        message = context.say(
            "'{word}'{subject} {n}번 반복됩니다.",
            "'{word}' is repeated {n} times.",
            word=stem,
            subject=particle_for(stem, "이/가"),
            n=times,
        )
        for start, end in occurrences[stem][REPEAT_WORD_TIMES - 1 :]:
            flags.append(Flag("STYLE.REPEAT", HINT, start, end, message))
    return flags


KOREAN_RULES: Final[list[Rule]] = [_josa, _spelling, _cliche, _hedge, _filler, _blind]
SHARED_RULES: Final[list[Rule]] = [_long_sentence, _repeat]
