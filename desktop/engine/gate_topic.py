"""Is an interview question about the essay at all? The ``off_topic`` rule of the output gate.

A small model asked for questions on an essay may answer with questions on nothing in it ("한국의
수도는 어디입니까?", "What is your favourite colour?"). A question is off topic when none of its
content words is in the essay, its questions, the company or the role. Precision first:

- the words every interview question uses (본인, 경험, 직무, 회사, 지원, 이유 …; "your",
  "experience", "role") are not content words, so a generic question ("본인의 약점은
  무엇입니까?") has none and is never flagged; it is off topic only when it has content words
  and the application holds none of them;
- a Korean content word is shared when it, or its first two syllables, occur anywhere in the
  application's text with the spaces taken out (a compound noun, a particle or an ending the
  application writes differently still match); an English one when a word of the application
  starts with its first four letters (measure/measured, team/teams).

Korean nouns come from the analyzer (``writing/korean``) where this process has loaded it (``jaso
check``, ``jaso critique``, the check worker); the GUI process never loads it, so otherwise the
nouns are the words followed by a particle, with it cut off (a word without one may be a verb).
"""

from __future__ import annotations

from typing import Final

import regex

from desktop.writing import korean

# Korean words of questions and of the application form, not of any essay's content.
GENERIC_KO: Final = frozenset(
    (
        "본인 자신 자기 저희 우리 무엇 무슨 어떤 어떻 어느 어디 언제 누구 얼마 얼마나 왜 어떻게 "
        "경험 경우 부분 이유 생각 말씀 설명 이야기 내용 사례 예시 방법 과정 계기 결과 점 것 때 "
        "가장 하나 동안 관점 자세히 구체적 구체 관련 대해 대한 위해 통해 "
        "자기소개서 자소서 자기소개 소개 지원서 문항 질문 답변 면접 글 "
        "지원 지원자 회사 기업 직무 업무 역할 입사 기여 포부 목표 각오 동기 "
        "장점 단점 장단점 약점 강점 성격 노력 보완 극복 해결 어려움 가장 최근 앞으로 "
        "수치 숫자 기준 측정 직접 1분 분 사람 일 중 수 등 더 다시 먼저 혹시 만약 정말"
    ).split()
)
GENERIC_EN: Final = frozenset(
    (
        "and nor not all his her him she yet may might shall get got let see use used "
        "about above after again also already any are because been before being beyond both "
        "but can could did does doing done each else ever for from had has have how into its "
        "just like made make many more most much must now off once only other our out over own "
        "same say says should some such than that the their them then there these they this "
        "those through too under until very want was way were what when where which while who "
        "whom why will with would you your yours yourself "
        "tell describe explain walk share give talk think feel mean pick introduce "
        "experience example time part way thing things reason reasons moment situation "
        "letter essay application cover question questions answer interview minute minutes "
        "company role position job work team first last most main best biggest hardest "
        "strength strengths weakness weaknesses weak point points goal goals plan plans "
        "contribute contribution apply applied applying join future career motivation "
        "solve solved handle handled did done learn learned lesson lessons challenge challenges "
        "one two three"
    ).split()
)
# The particles (and the copula) that follow a noun: a word that ends in one is a noun with it
# ("음식과", "주말에는", "어디입니까"). A word without one may be a verb ("골라", "주세요"), which
# is no content word here. Longest first: the longest that leaves two syllables is cut.
PARTICLES_KO: Final = tuple(
    sorted(
        (
            "은 는 이 가 을 를 의 에 로 으로 와 과 도 만 에서 에게 에게서 께 한테 까지 부터 처럼 "
            "보다 이나 나 이란 란 이라는 라는 이라고 라고 에는 에도 에서는 에서의 에서도 으로는 "
            "로는 으로도 로도 과는 와는 과의 와의 만의 까지의 입니까 인가요 이었나요 였나요 "
            "이었습니까 였습니까 인지 이었던 였던"
        ).split(),
        key=len,
        reverse=True,
    )
)
# What is left of a verb before 는/은 ("좋아하는", "발휘하는", "되는"): its 하다 or 되다 goes too.
_VERB_STEM_END: Final = ("하시", "하", "되", "시")
_HANGUL_WORD: Final = regex.compile(r"[가-힣]+")
_LATIN_WORD: Final = regex.compile(r"[A-Za-z][A-Za-z'-]*")
_NUMBER: Final = regex.compile(r"\d[\d,.]*\d|\d{2,}")
# The analyzer's tags of content words: nouns, proper nouns, foreign words, Chinese characters,
# roots; numbers are taken from the text itself.
_CONTENT_TAGS: Final = frozenset({"NNG", "NNP", "SL", "SH", "XR"})
KO_PREFIX: Final = 2  # syllables of a Korean word that match the application's text
EN_PREFIX: Final = 4  # letters of an English word that match a word of the application


def _korean_nouns(text: str) -> list[str] | None:
    """The analyzer's content words of ``text``; None where this process has not loaded it."""
    if korean.loaded() is None:
        return None
    words: list[str] = []
    for line in text.splitlines():
        analysed = korean.analyze(line) if line.strip() else None
        if analysed is not None:
            words += [t.form for t in analysed.tokens if t.tag in _CONTENT_TAGS]
    return words


def _korean_stems(text: str) -> list[str]:
    """The nouns of ``text`` told by the particle after them, with it cut off."""
    stems = []
    for word in _HANGUL_WORD.findall(text):
        for particle in PARTICLES_KO:
            if word.endswith(particle) and len(word) - len(particle) >= 2:
                stem = word[: -len(particle)]
                for end in _VERB_STEM_END:
                    if stem.endswith(end) and len(stem) - len(end) >= 2:
                        stem = stem[: -len(end)]
                        break
                stems.append(stem)
                break
    return stems


def content_words(question: str, lang: str) -> set[str]:
    """The words of ``question`` that say what it is about (casefolded); none for a question
    built only of interview words."""
    found = {n for n in _NUMBER.findall(question)}
    if lang == "en":
        latin = [w.casefold().strip("'-") for w in _LATIN_WORD.findall(question)]
        return found | {w for w in latin if len(w) >= 3 and w not in GENERIC_EN}
    nouns = _korean_nouns(question)
    words = nouns if nouns is not None else _korean_stems(question)
    words += [w for w in _LATIN_WORD.findall(question) if len(w) >= 2]  # SQL, Python, KPI
    return found | {
        w.casefold()
        for w in words
        if (len(w) >= 2 or not _HANGUL_WORD.fullmatch(w)) and w not in GENERIC_KO
    }


def _squeezed(text: str) -> str:
    return "".join(text.split()).casefold()


def shares_word(word: str, squeezed: str, english: set[str]) -> bool:
    """Whether the application (``squeezed``: its text without spaces, casefolded; ``english``:
    the prefixes of its English words) holds ``word``."""
    if _HANGUL_WORD.fullmatch(word):
        return word in squeezed or word[:KO_PREFIX] in squeezed
    if word[:EN_PREFIX] in english:
        return True
    return word in squeezed  # a number, a Korean word with Latin letters in it


def off_topic(question: str, application: str, lang: str) -> bool:
    """Whether ``question`` has content words and ``application`` (the essay, its questions,
    the company and the role) holds none of them."""
    words = content_words(question, lang)
    if not words:
        return False
    squeezed = _squeezed(application)
    english = {w.casefold()[:EN_PREFIX] for w in _LATIN_WORD.findall(application)}
    return not any(shares_word(w, squeezed, english) for w in words)
