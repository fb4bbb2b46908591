"""Likely interview questions drawn from an application's answers (DOMAIN.md §5).

Questions come from two sources, merged and de-duplicated:
- the model, asked for questions each tied to a verbatim quote of the essay (constrained JSON);
- the essay itself, without a model: sentences with numbers ("how was it measured?"), claims of
  action ("what was hardest?"), and the role and the company.
So practice works offline, and a weak model never leaves fewer than the minimum.
"""

from __future__ import annotations

import unicodedata
from dataclasses import asdict, dataclass, field
from itertools import zip_longest
from typing import Any, Final

import regex

from desktop.engine import gate
from desktop.engine.backend import Backend, Message
from desktop.engine.gate_tasks import GateRecord, instructions, judge_question
from desktop.engine.schema_budget import tokens_per_char
from desktop.engine.structured import generate_json_reply
from desktop.engine.tasks.critique import anchor
from desktop.engine.tasks.interview_schema import QUESTIONS_SCHEMA, questions_schema
from desktop.engine.tasks.io import TaskIO
from desktop.writing.analysis_signals import figures
from desktop.writing.candidates import DEGENERATE, reject_reason
from desktop.writing.sentences import sentence_spans

MIN_QUESTIONS: Final = 5
MAX_QUESTIONS: Final = 10
SIMILAR: Final = 0.6  # Dice similarity of character bigrams above which two questions are one
_PERSONAL: Final = regex.compile(
    r"태어|출생|\d\s?년생|(?<!\d)\d{1,2}\s?(?:살|세)(?![대계기금])|살고\s?있|거주|주소|고향"
)
_FIGURE: Final = regex.compile(r"\d[\d,.]*")
_CLAIM: Final = regex.compile(
    r"제안|개선|주도|해결|달성|기획|분석|도입|만들|이끌|줄였|늘렸|높였|낮췄|설계|개발|"
    r"\b(?:led|improved|built|reduced|increased|designed|launched|solved|analy[sz]ed)\b",
    regex.IGNORECASE,
)
_NUMBER_ASKS: Final = (
    (
        "‘{quote}’라고 쓰셨습니다. 이 수치는 어떻게 측정했고, 그 과정에서 본인이 맡은 역할은 "
        "무엇이었나요?",
        "You wrote “{quote}”. How was that figure measured, and what was your own part in it?",
    ),
    (
        "‘{quote}’ 부분에서, 그 결과를 얻기 위해 본인이 직접 한 일은 무엇이었나요?",
        "About “{quote}”: what did you yourself do to get that result?",
    ),
    (
        "‘{quote}’에 나온 숫자는 어떤 기준으로, 얼마 동안 잰 것인지 설명해 주시겠습니까?",
        "In “{quote}”, what was the baseline and over what period was it measured?",
    ),
)
_QUESTION_END: Final = regex.compile(r"(?:\?|까|요|세요|시오|니까)\s*[?.]?\s*$")


@dataclass(frozen=True)
class EssayAnswer:
    question: str
    answer: str


@dataclass(frozen=True)
class InterviewRequest:
    company: str
    role: str
    answers: tuple[EssayAnswer, ...]
    lang: str = "ko"

    @property
    def essay(self) -> str:
        """Every answer, for grounding: what an interview answer may draw facts from."""
        return "\n".join(a.answer for a in self.answers)

    @property
    def application(self) -> str:
        """What a question may be about: the company, the role, every question and answer."""
        parts = [self.company, self.role]
        for item in self.answers:
            parts += [item.question, item.answer]
        return "\n".join(parts)

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> InterviewRequest:
        answers = tuple(
            EssayAnswer(str(a.get("question", "")), unicodedata.normalize("NFC", str(a["answer"])))
            for a in raw.get("answers", [])
        )
        return cls(str(raw.get("company", "")), str(raw.get("role", "")), answers,
                   str(raw.get("lang", "ko")))  # fmt: skip


@dataclass(frozen=True)
class InterviewQuestion:
    text: str
    source: str = ""  # the essay passage it is drawn from, verbatim; "" for role/company ones
    kind: str = "model"  # model | number | claim | role | motive
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _short(sentence: str, limit: int = 40) -> str:
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,.") + "…"


def seed_questions(request: InterviewRequest) -> list[InterviewQuestion]:
    """Questions built from the essay without a model, most specific first."""
    korean = request.lang != "en"
    numbers: list[InterviewQuestion] = []
    claims: list[InterviewQuestion] = []
    for item in request.answers:
        for start, end in sentence_spans(item.answer):
            sentence = item.answer[start:end]
            # A question on a phone number or an e-mail address tests nothing and exposes it;
            # so does one on a birth date, an age, a home address or a hometown.
            if len(sentence) < 12 or gate.pii(sentence) or _PERSONAL.search(sentence):
                continue
            quote = _short(sentence)
            # Figures that are evidence ("1,200건", "3.5%"), not dates or years: "how was it
            # measured" means nothing of "2019년 3월".
            if figures(sentence, request.lang):
                template = _NUMBER_ASKS[len(numbers) % len(_NUMBER_ASKS)][0 if korean else 1]
                text = template.format(quote=quote)
                numbers.append(InterviewQuestion(text, sentence, "number"))
            elif _CLAIM.search(sentence):
                text = (
                    f"‘{quote}’ 경험에서 가장 어려웠던 점은 무엇이었고, 어떻게 해결했나요?"
                    if korean
                    else f"About “{quote}”: what was the hardest part, and how did you solve it?"
                )
                claims.append(InterviewQuestion(text, sentence, "claim"))
    company = request.company or ("저희 회사" if korean else "our company")
    role = request.role or ("이 직무" if korean else "this role")
    general = [
        InterviewQuestion(
            f"{company}의 {role} 직무에서 입사 후 가장 먼저 기여할 수 있는 부분은 무엇입니까?"
            if korean
            else f"In the {role} role at {company}, where could you contribute first?",
            kind="role",
        ),
        InterviewQuestion(
            f"여러 회사 중 {company}에 지원한 이유를 자기소개서에 쓰지 않은 관점에서 말씀해 주세요."
            if korean
            else f"Why {company}, beyond what your letter already says?",
            kind="motive",
        ),
        InterviewQuestion(
            f"{role} 직무와 관련해 본인의 약점은 무엇이고, 이를 보완하려고 어떤 노력을 했나요?"
            if korean
            else f"What is your weak point for the {role} role, and what have you done about it?",
            kind="role",
        ),
        InterviewQuestion(
            "자기소개서에 쓴 경험 중 하나를 골라 1분 동안 자기소개를 해 주세요."
            if korean
            else "Pick one experience from your letter and introduce yourself in one minute.",
            kind="motive",
        ),
    ]
    # interleave numbers and claims so one long answer does not take every slot
    mixed = [q for pair in zip_longest(numbers, claims) for q in pair if q is not None]
    return mixed + general


def _bigrams(text: str) -> set[str]:
    letters = "".join(ch for ch in text.casefold() if ch.isalnum())
    return {letters[i : i + 2] for i in range(len(letters) - 1)}


def similarity(a: str, b: str) -> float:
    """Dice similarity of character bigrams (0..1); spacing and punctuation are ignored."""
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else float(a == b)


def same_question(a: InterviewQuestion, b: InterviewQuestion) -> bool:
    """Two questions on the same passage, or worded alike (the essay's own questions share a
    template, so their passages are compared, not their words)."""
    if a.source and b.source:
        return similarity(a.source, b.source) >= SIMILAR
    return similarity(a.text, b.text) >= SIMILAR


def deduplicate(questions: list[InterviewQuestion]) -> list[InterviewQuestion]:
    kept: list[InterviewQuestion] = []
    for question in questions:
        if not any(same_question(question, other) for other in kept):
            kept.append(question)
    return kept


def question_messages(request: InterviewRequest, n: int) -> list[Message]:
    korean = request.lang != "en"
    system = (
        "당신은 면접관입니다. 지원자의 자기소개서를 읽고, 그 내용(특히 숫자와 주장)을 "
        f"검증하는 면접 질문 {n}개를 한국어로 만듭니다. 각 질문의 quote에는 질문의 근거가 된 "
        "자기소개서 문장을 글자 그대로 옮깁니다. 질문은 물음표로 끝납니다. 답은 questions 목록 "
        "하나를 담은 JSON 객체이고, 목록의 항목마다 question과 quote가 있습니다."
        if korean
        else "You are an interviewer. Read the candidate's letter and write "
        f"{n} interview questions that probe it (its numbers and claims above all), in English. "
        "Each quote copies the sentence a question is based on, verbatim; each question ends "
        "with a question mark. Answer with one JSON object holding a list, questions, whose "
        "items each have a question and a quote."
    )
    body = [f"{request.company} — {request.role}"]
    for item in request.answers:
        body += ["", f"[{item.question}]", item.answer]
    return [{"role": "system", "content": system}, {"role": "user", "content": "\n".join(body)}]


def model_questions(
    backend: Backend,
    request: InterviewRequest,
    io: TaskIO,
    n: int,
    seed: int | None,
    record: GateRecord | None = None,
) -> list[InterviewQuestion]:
    """The model's questions that read as questions and pass the output gate (no contact
    details, no prompt or schema text, the essay's language); quotes not in the essay are
    dropped. ``record`` gets the gate's verdicts on the dropped ones."""
    constrained = backend.capabilities.json_schema
    schema = questions_schema(request.essay, request.lang) if constrained else QUESTIONS_SCHEMA
    messages = question_messages(request, n)
    data = generate_json_reply(
        backend, messages, schema, io.cancel, io.on_progress,
        temperature=0.5, seed=seed, per_char=tokens_per_char(backend, request.essay),
    )  # fmt: skip
    essay = request.essay
    prompt = instructions(
        messages,
        [request.company, request.role, *(a.question for a in request.answers), essay],
    )
    lang = "en" if request.lang == "en" else "ko"
    record = record if record is not None else GateRecord()
    found: list[InterviewQuestion] = []
    for item in data["questions"]:
        text = " ".join(item["question"].split())
        verdicts = judge_question(text, item["quote"], prompt, lang, request.application)
        if verdicts:
            record.reject(verdicts)
            continue
        if not _QUESTION_END.search(text):
            continue
        # A question about numbers the essay never gave tests nothing the writer said.
        if not set(_FIGURE.findall(text)) <= set(_FIGURE.findall(essay)):
            continue
        if reject_reason(text, essay) == DEGENERATE:
            continue
        span = anchor(essay, item["quote"])
        found.append(InterviewQuestion(text, essay[span[0] : span[1]] if span else "", "model"))
    return found


def interview_questions(
    backend: Backend | None,
    request: InterviewRequest,
    io: TaskIO,
    *,
    n: int = 7,
    seed: int | None = 0,
    record: GateRecord | None = None,
) -> list[InterviewQuestion]:
    """``n`` (5-10) de-duplicated questions: the model's first, then the essay's own.

    A short essay may give fewer: every question must come from something the user wrote.
    The model's questions the output gate rejects are dropped (``record`` gets why), and the
    essay's own questions fill their places.
    """
    if not request.essay.strip():
        raise ValueError("Write at least one answer before practising the interview.")
    n = min(MAX_QUESTIONS, max(MIN_QUESTIONS, n))
    drawn = model_questions(backend, request, io, n, seed, record) if backend is not None else []
    return deduplicate(drawn + seed_questions(request))[:n]
