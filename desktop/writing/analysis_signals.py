"""What the analysis critique measures in an answer besides the offline checks' flags.

Each signal is something a reader can point at: a sentence with a number, a sentence where the
writer did something (an action verb in the past tense), a sentence that reports a result, the
company and role named, the first sentence, how long the sentences run, polite-spoken endings
(해요체) in an essay written in 합쇼체. They are counted per sentence, with the sentence's offsets,
so the critique can quote the sentence it praises or faults.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import regex

from desktop.writing.checks_structure import SUBASK_MIN_CHARS
from desktop.writing.counting import count, graphemes
from desktop.writing.essay import EssayRequest
from desktop.writing.sentences import sentence_spans
from desktop.writing.subasks import SubAsk, addressed, sub_asks

# A figure the writer can defend: digits with a unit or a percent, or a rank ("1위").
# Years, months and spans of years ("2019년", "9월", "2년간") set the scene; they are not counted.
_NUMBER_KO: Final = regex.compile(
    r"\d[\d,.]*\s?(?:여\s?|천\s?|만\s?|억\s?)?(?:%p|%|퍼센트|배|명|건|개국|개월|개|원|시간|분|초|"
    r"일|주|달|회|번|위|등|점|km|kg|톤|대|곳|팀|학점|포인트|가지|차례|단계|석|표|권|편|장|곡|종|"
    r"만|억|천)"
)
_NUMBER_EN: Final = regex.compile(
    r"(?<![\w.])\$?\d[\d,.]*\s?(?:%|percent|x\b|k\b|m\b|million|thousand|hours?|days?|weeks?|"
    r"months?|years?|people|users|customers|members|clients|orders|items|projects|times)?"
    r"(?![\w])",
    regex.IGNORECASE,
)
# Dates ("3일" after a month) and ages are not evidence of a result.
_NOT_EVIDENCE_KO: Final = regex.compile(r"^\d{1,2}\s?살")

# Something the writer did: a Sino-Korean action noun with 하다 in the past or as a connective,
# or a native action verb. "했습니다" alone (no action noun) is not counted.
ACTION_NOUNS_KO: Final = (
    "분석|제안|개선|도입|기획|설계|개발|주도|구축|작성|운영|조율|설득|정리|조사|해결|자동화|개편|"
    "시행|실행|측정|검증|관리|협의|교육|지도|발표|수립|추진|구현|설정|점검|보완|파악|수정|변경|"
    "정비|제작|홍보|섭외|모집|유치|협상|제시|마련|적용|시도|실험|시뮬레이션|모니터링|기록|집계|"
    "검토|비교|계산|설명|안내|상담|응대|지원|참여|리딩|총괄|담당|수행|구입|구매|방문|기부|봉사|준비|"
    "연습|인터뷰|취재|촬영|편집|판매|영업|발굴|요청|건의|창업|주최|개최|구상|선정|"
    "번역|통역|코딩|프로그래밍|실습|배치|정산|회의|공유|소개|연결|매칭|배정|전달|조직|"
    "설문|개설|신청|진단"
)
_ACTION_KO: Final = regex.compile(
    rf"(?:{ACTION_NOUNS_KO})\s?(?:했|하였|하여|해서|하고|하며|한\s|해\s|함으로써|하는\s데|시켰|"
    r"시켜)"
    r"|(?:맡았|맡아|맡은|만들었|바꿨|바꾸었|찾아냈|찾았|줄였|늘렸|높였|낮췄|이끌었|세웠|고쳤|"
    r"나누었|나눴|옮겼|짰|꾸렸|뛰어들|발로\s?뛰|만났|찾아갔|가르쳤|외웠|모았|보냈|팔았|얻어냈|"
    r"설득했|돌아다니|물어|물었|적었|썼습니다|냈습니다|다녔|배웠)"
)
# A sentence about what the writer will do is a plan, not an action taken.
_FUTURE_SENTENCE_KO: Final = regex.compile(r"겠|고\s?싶|할\s?것|할\s?계획|예정")
_ACTION_EN: Final = regex.compile(
    r"\bI\s+(?:\w+ly\s+)?(?:led|built|designed|reduced|increased|analy[sz]ed|launched|created|"
    r"managed|organi[sz]ed|improved|negotiated|developed|implemented|wrote|ran|set up|started|"
    r"automated|rebuilt|redesigned|introduced|proposed|coordinated|trained|cut|grew|solved|"
    r"fixed|tested|measured|delivered|handled|planned|persuaded|drafted|mapped|tracked)\b",
    regex.IGNORECASE,
)
# A sentence that reports an outcome.
_RESULT_KO: Final = regex.compile(
    r"결과|덕분에|성과|줄었|줄어|줄였|늘었|늘어|늘렸|올렸|높아|높였|낮아|낮췄|달성|향상|감소|증가|개선되|개선했|"
    r"절감|단축|수상|선정|우승|입상|1위|합격|호평|성공|완료|인정받|채택|최우수|우수상|대상을"
)
_RESULT_EN: Final = regex.compile(
    r"\b(?:result(?:ed|ing)?|which (?:cut|raised|saved|reduced|increased)|reduc(?:ed|ing)|"
    r"increas(?:ed|ing)|sav(?:ed|ing)|won|award(?:ed)?|achiev(?:ed|ing)|grew|doubled|halved|"
    r"fell|rose|dropped|declined|shrank|improved by|outcome|so that|as a result)\b",
    regex.IGNORECASE,
)
# Polite-spoken endings (해요체) and plain spoken ones in an essay: "했어요.", "좋죠.", "했네요."
_SPOKEN_KO: Final = regex.compile(r"[가-힣](?:요|죠|네|거든|잖아)[.!?~…]*[\"'”’)\]]*$")
_FORMAL_KO: Final = regex.compile(r"(?:니다|니까|시오)[.!?…]*[\"'”’)\]]*$")
# A headline: a bracketed title, or a "#title" (소제목) before the first sentence.
_HEADLINE: Final = regex.compile(
    r"\s*(?:[\[【<«\"“『「][^\n\]】>»\"”』」]{2,60}[\]】>»\"”』」]|#\S)"
)
# Who the first sentence is about: the writer's own claim, not a remark on the world.
_FIRST_PERSON: Final = regex.compile(
    r"(?<![가-힣])(?:저는|제가|저의|제\s|저만의|나는|내가)|\bI\b|\bmy\b"
)
_WEAK_LEAD_RULE: Final = "STRUCT.LEAD"
# A first sentence up to this long can state the point; a longer one buries it.
CLEAR_LEAD_CHARS: Final = 80
CLEAR_LEAD_WORDS: Final = 30


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    size: int  # graphemes (Korean) or words (English)
    numbers: tuple[str, ...]
    action: bool  # an action the writer took (not another subject's)
    result: bool
    spoken: bool
    formal: bool
    first_person: bool = False  # says 저는/제가/I: the writer's own sentence
    action_at: int = 0  # where the action is, in the sentence


@dataclass(frozen=True)
class Signals:
    """The measurable facts of one answer (see ``docs/analysis_critique.md``)."""

    lang: str
    sentences: tuple[Sentence, ...]
    asks: tuple[SubAsk, ...]
    missing_asks: tuple[SubAsk, ...]
    fill: float | None  # used / limit under the question's profile, None without a limit
    company_named: bool
    role_named: bool
    future: bool  # says what the writer will do at the company (입사 후, 기여, -겠습니다)
    headline: bool  # starts with a [bracketed] or #headline (소제목)
    headline_text: str  # a bracketed headline as written ("" for none, or a #headline)

    @property
    def with_numbers(self) -> list[Sentence]:
        return [s for s in self.sentences if s.numbers]

    @property
    def with_actions(self) -> list[Sentence]:
        return [s for s in self.sentences if s.action]

    @property
    def with_results(self) -> list[Sentence]:
        return [s for s in self.sentences if s.result]

    @property
    def spoken(self) -> list[Sentence]:
        """해요체 sentences, counted only when most sentences are 합쇼체 (a mixed register)."""
        formal = sum(s.formal for s in self.sentences)
        spoken = [s for s in self.sentences if s.spoken]
        return spoken if spoken and formal >= len(spoken) else []

    @property
    def mean_size(self) -> float:
        return sum(s.size for s in self.sentences) / len(self.sentences) if self.sentences else 0

    def clear_lead(self, weak_lead: bool) -> bool:
        """The first sentence states a point: a headline, or a short opening that is not
        background (STRUCT.LEAD)."""
        if self.headline:
            return True
        if weak_lead or not self.sentences:
            return False
        limit = CLEAR_LEAD_WORDS if self.lang == "en" else CLEAR_LEAD_CHARS
        first = self.sentences[0]
        return first.size <= limit and bool(_FIRST_PERSON.search(first.text))


_FUTURE_KO: Final = regex.compile(r"입사\s?(?:후|하면|한다면|하게\s?된다면)|기여|겠습니다|이바지")
_FUTURE_EN: Final = regex.compile(r"\b(?:I will|I would|I'd|I look forward|contribute)\b", regex.I)


def figures(text: str, lang: str = "ko") -> tuple[str, ...]:
    """The figures in ``text`` that count as evidence (see ``_NUMBER_KO``)."""
    return _numbers(text, lang)


def _numbers(sentence: str, lang: str) -> tuple[str, ...]:
    if lang == "en":
        found = [m.group().strip() for m in _NUMBER_EN.finditer(sentence)]
        return tuple(n for n in found if not regex.fullmatch(r"(?:19|20)\d\d", n))
    found = [m.group() for m in _NUMBER_KO.finditer(sentence)]
    return tuple(n for n in found if not _NOT_EVIDENCE_KO.search(n))


# Another subject doing the action ("기업들이 개발에 참여하고"): not the writer's.
_OTHER_SUBJECT_KO: Final = regex.compile(
    r"[가-힣]+들(?:이|은|는)\s|(?:기업|회사|정부|업계|시장|사회|고객|사람|선배|동료|팀원|학생|"
    r"선생님|교수님|부모님)(?:이|가|은|는|께서)\s"
)


def _sentence(text: str, start: int, end: int, lang: str) -> Sentence:
    piece = text[start:end]
    english = lang == "en"
    found = (_ACTION_EN if english else _ACTION_KO).search(piece)
    mine = bool(_FIRST_PERSON.search(piece))
    if found and not english and not mine and _OTHER_SUBJECT_KO.search(piece[: found.start()]):
        found = None
    return Sentence(
        start=start,
        end=end,
        text=piece,
        size=len(piece.split()) if english else len(graphemes(piece)),
        numbers=_numbers(piece, lang),
        action=bool(found) and (english or not _FUTURE_SENTENCE_KO.search(piece)),
        # "세계 1위 기업으로 만들겠습니다" is a wish, not a result
        result=bool((_RESULT_EN if english else _RESULT_KO).search(piece))
        and (english or not _FUTURE_SENTENCE_KO.search(piece)),
        spoken=not english and bool(_SPOKEN_KO.search(piece)),
        formal=not english and bool(_FORMAL_KO.search(piece)),
        first_person=mine,
        action_at=found.start() if found else 0,
    )


def _named(text: str, name: str) -> bool:
    """Whether ``name`` (or, for a long name, its main word) appears in ``text``."""
    squeezed = regex.sub(r"\s+", "", text).casefold()
    words = [regex.sub(r"\(.*?\)|㈜|\(주\)|주식회사", "", name)]
    # Each script's run on its own too ("AXA손해보험" is named by "AXA"): a complaint that the
    # company is not named must be sure of it.
    words += regex.findall(r"[가-힣]{2,}|[A-Za-z0-9]{2,}", name)
    return any(w and regex.sub(r"\s+", "", w).casefold() in squeezed for w in words if w.strip())


_ROLE_NOISE: Final = frozenset({"직무", "분야", "부문", "신입", "경력", "사원", "직군", "일반"})


def _role_named(text: str, role: str) -> bool:
    words = [w for w in regex.findall(r"[가-힣A-Za-z]{2,}", role) if w not in _ROLE_NOISE]
    squeezed = regex.sub(r"\s+", "", text).casefold()
    return any(w.casefold() in squeezed for w in words)


def _headline(text: str) -> str:
    match = _HEADLINE.match(text)
    if match is None:
        return ""
    if match.group().lstrip().startswith("#"):
        return ""  # where a #headline ends is not marked; it counts, but is not quoted alone
    return str(match.group()).strip()


def measure(request: EssayRequest, unanswered: tuple[str, ...] = ()) -> Signals:
    """The signals of ``request``'s answer; ``unanswered`` are the sub-asks the checks found
    unanswered (Q.SUBASK's ``ref``), so the critique and the Checks tab agree."""
    text = request.text
    lang = "en" if request.lang == "en" else "ko"
    sentences = tuple(_sentence(text, s, e, lang) for s, e in sentence_spans(text))
    asks = tuple(sub_asks(request.question)) if lang == "ko" else ()
    if len(regex.sub(r"\s+", "", text)) >= SUBASK_MIN_CHARS:
        missing = tuple(ask for ask in asks if ask.text in unanswered)
    else:  # too short for the check to judge: an ask counts as answered only if addressed
        missing = tuple(ask for ask in asks if not addressed(ask, text))
    fill = None
    if request.limit:
        fill = count(text, request.profile) / request.limit
    return Signals(
        lang=lang,
        sentences=sentences,
        asks=asks,
        missing_asks=missing,
        fill=fill,
        company_named=bool(request.company.strip()) and _named(text, request.company),
        role_named=bool(request.role.strip()) and _role_named(text, request.role),
        future=bool((_FUTURE_EN if lang == "en" else _FUTURE_KO).search(text)),
        headline=bool(_HEADLINE.match(text)),
        headline_text=_headline(text),
    )
