"""The sub-asks of a compound question, and whether an answer addresses each.

"지원 동기와 입사 후 포부를 기술하시오" asks two things; "과제 개요, 어려운 점, 해결방법, 결과
포함" four. Answering every sub-ask is the first thing reviewers check (DOMAIN.md §1).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import regex

# Parts of a question that are not asks: limits, notes, bracketed labels.
_NOISE: Final = regex.compile(
    r"\[[^\]]*\]|\([^()]*(?:\d\s*(?:자|byte|바이트|words?|char)|공백|입력|이내)[^()]*\)"
    r"|(?:최대\s*)?[\d,]+\s*(?:자|byte|바이트|words?)\s*(?:이내|내외|이상|입력\s*가능)?"
    r"|공백\s*(?:포함|제외)",
    regex.IGNORECASE,
)
_INCLUDE: Final = regex.compile(
    r"[(（]\s*([^()（）]+?)\s*(?:을|를)?\s*(?:모두\s*)?포함[^()（）]*[)）]"
)
# The instruction that ends a question: "...을 구체적으로 기술해 주십시오", "...을 서술하시오".
_INSTRUCTION: Final = regex.compile(
    r"\s*(?:에\s*대해|에\s*대하여)?\s*(?:을|를)?\s*(?:구체적으로|자유롭게|간략히|간단히|상세히|"
    r"중심으로|포함하여|포함해)?\s*(?:기술|서술|작성|설명|소개|기재|말씀|적어|써|제시)"
    r"[가-힣\s]*[.?!]?\s*$"
)
# A coordinating 와/과 or a comma between asks; not "직무와 관련된", "팀원과 함께".
_SPLIT: Final = regex.compile(
    r"\s*(?:,|，|、|·|및|그리고)\s*"
    r"|(?<=[가-힣])(?:와|과)\s+(?!관련|함께|같|비슷|달리|다른|연관|연계|더불어|협력|협업|소통|의)"
)
_PARTICLE_END: Final = regex.compile(r"(?<=[가-힣]{2})(?:을|를|은|는|의|에)$")

# Cue words for the usual asks: an answer that uses any of them addresses the ask.
_CUES: Final = (
    (("동기", "이유", "지원한", "지원하는"), ("지원", "이유", "때문", "관심", "끌렸", "동기")),
    (("포부", "목표", "계획", "입사 후", "비전"),
     ("입사 후", "입사하면", "목표", "포부", "계획", "겠습니다", "고 싶습니다", "앞으로")),
    (("결과", "성과"), ("결과", "성과", "덕분에", "줄었", "늘었", "높였", "낮췄", "달성", "얻었")),
    (("배운", "느낀", "교훈", "깨달은"), ("배웠", "배운", "깨달", "느꼈", "교훈", "얻었", "알게")),
    (("해결", "방법", "방안", "극복"),
     ("해결", "방법", "방안", "제안", "도입", "바꾸", "개선", "극복")),
    (("어려운", "어려웠던", "문제", "난관", "갈등"),
     ("어려", "문제", "난관", "힘들", "막혔", "갈등", "한계", "부족")),
    (("개요", "과제", "프로젝트"), ("과제", "프로젝트", "개요", "맡았", "목표", "주제")),
    (("장점", "강점"), ("장점", "강점", "역량", "능력", "전문성", "자신 있")),
    (("단점", "약점", "보완"), ("단점", "약점", "보완", "고치", "부족")),
    (("경험", "사례"), ("경험", "당시", "때", "사례")),
    (("역할",), ("역할", "맡았", "맡은", "담당")),
)  # fmt: skip
_STOP: Final = frozenset({"본인", "자신", "구체적", "구체적으로", "내용", "사항", "관련", "관련된"})


@dataclass(frozen=True)
class SubAsk:
    """One ask: its words in the question, and the cue words that show an answer addresses
    it. ``typed`` asks are of a kind the cue table knows (a motive, a result, a lesson …);
    the others (list examples such as '도전' in '노력과 도전, 경험', fragments such as '회사')
    are not checked: their cue words are only the ask's own first syllables."""

    text: str
    cues: tuple[str, ...]
    typed: bool = False


def sub_asks(question: str) -> list[SubAsk]:
    """The asks of ``question``, in order; one or none for a simple question."""
    if not regex.search(r"[가-힣]", question):
        return []
    question = _NOISE.sub(" ", question)
    included = [m.group(1) for m in _INCLUDE.finditer(question)]
    core = _INCLUDE.sub(" ", question)
    core = regex.split(r"(?<=[.?!])\s+", core.strip())[0] if core.strip() else ""
    core = _INSTRUCTION.sub("", core).strip(" .?!")
    pieces = _split(core)
    for group in included:
        pieces += _split(group)
    asks: list[SubAsk] = []
    seen: set[str] = set()
    for piece in pieces:
        key = regex.sub(r"\s+", "", piece)
        if len(key) < 2 or key in seen:
            continue
        seen.add(key)
        cues = _cues_for(piece)
        asks.append(SubAsk(piece, cues, typed=_typed(piece)))
    return asks


def _split(text: str) -> list[str]:
    pieces = []
    for piece in _SPLIT.split(text):
        piece = _PARTICLE_END.sub("", piece.strip(" ,.·")).strip()
        if piece:
            pieces.append(piece)
    return pieces


def _cues_for(ask: str) -> tuple[str, ...]:
    for heads, cues in _CUES:
        if any(head in ask for head in heads):
            return cues
    words = [_PARTICLE_END.sub("", w) for w in regex.findall(r"[가-힣]{2,}", ask)]
    return tuple(w[:2] for w in words if w not in _STOP and len(w) >= 2)


def _typed(ask: str) -> bool:
    return any(head in ask for heads, _cues in _CUES for head in heads)


def addressed(ask: SubAsk, answer: str) -> bool:
    """Whether ``answer`` says anything about ``ask`` (any of its cue words appears)."""
    if not ask.cues:
        return True
    squeezed = regex.sub(r"\s+", "", answer)
    return any(regex.sub(r"\s+", "", cue) in squeezed for cue in ask.cues)
