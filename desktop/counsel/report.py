"""A feedback report: the application, each answer, its reviewed critique and the comments.

``build_report`` gathers it from the store; ``report_html`` renders it (and the PDF is that HTML
printed by Qt). Headings are in the essay's language, the one the writer reads.
"""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Final

from sqlmodel import Session

from desktop.counsel.report_guard import guarded
from desktop.critique_types import (
    DIMENSION_NAMES,
    DIMENSIONS,
    CritiqueData,
    Item,
    Score,
    Source,
    source_of,
)
from desktop.store.applications import get_application
from desktop.store.comments import CommentRecord, list_comments
from desktop.store.critiques import CritiqueRecord
from desktop.store.records import ApplicationRecord, QuestionRecord
from desktop.store.reviews import final_critique, latest_critiques
from desktop.writing.counting import count

LABELS: Final = {
    "ko": {
        "title": "자기소개서 피드백",
        "client": "지원자",
        "date": "작성일",
        "question": "문항",
        "answer": "답변",
        "length": "분량",
        "scores": "평가",
        "strengths": "좋은점",
        "improvements": "아쉬운점",
        "summary": "총평",
        "fixes": "먼저 고칠 점",
        "comments": "코멘트",
        "replace": "이렇게 바꿔 보세요",
        "why": "이유",
        "suggestion": "제안",
        "reviewed": "상담사 검토 완료",
        "draft": "상담사 검토 전",
        "analysis": "자동 분석",
        "model+analysis": "모델 + 자동 분석",
        "model": "모델",
        "about_analysis": "자동 분석: 언어 모델 없이 답변에서 센 수치, 본인 행동, 결과, 문장 "
        "길이와 오프라인 점검(맞춤법, 분량, 회사명 등)으로 매긴 점수와 항목입니다.",
        "about_model+analysis": "자동 분석에 모델의 의견을 더했습니다. 점수는 자동 분석의 "
        "것이며, 모델이 쓴 항목에는 (모델)을 붙였습니다.",
        "by_model": "(모델)",
        "stale": "이 평가는 이전 버전의 답변을 본 것입니다.",
        "none": "아직 평가가 없습니다.",
        "detached": "(해당 구절이 지금 답변에 없습니다)",
        "critical": "치명적",
        "major": "중요",
        "minor": "사소",
    },
    "en": {
        "title": "Feedback on your application",
        "client": "Applicant",
        "date": "Date",
        "question": "Question",
        "answer": "Answer",
        "length": "Length",
        "scores": "Scores",
        "strengths": "Strengths",
        "improvements": "To improve",
        "summary": "Summary",
        "fixes": "Fix first",
        "comments": "Comments",
        "replace": "Try instead",
        "why": "Why",
        "suggestion": "Suggestion",
        "reviewed": "reviewed by your counselor",
        "draft": "not yet reviewed by your counselor",
        "analysis": "Automatic analysis",
        "model+analysis": "Model + automatic analysis",
        "model": "Model",
        "about_analysis": "Automatic analysis: scores and points measured in the answer "
        "(figures, own actions, results, sentence length) and by the offline checks (spelling, "
        "length, company name), without a language model.",
        "about_model+analysis": "The automatic analysis with the model's comments added: the "
        "scores are the analysis's, and the items the model wrote are marked (model).",
        "by_model": "(model)",
        "stale": "This review is of an earlier version of the answer.",
        "none": "No review yet.",
        "detached": "(this passage is no longer in the answer)",
        "critical": "critical",
        "major": "major",
        "minor": "minor",
    },
}


@dataclass(frozen=True)
class ReportQuestion:
    question: QuestionRecord
    critique: CritiqueData | None  # the final (reviewed) critique as printed, or None
    approved: bool
    stale: bool
    comments: tuple[CommentRecord, ...]
    source: Source = "analysis"  # who wrote the critique (the engine's, whatever the review)
    model: str = ""  # the model's name as stored with the critique, where one wrote it

    @property
    def used(self) -> int:
        return count(self.question.answer, self.question.profile)


@dataclass(frozen=True)
class Report:
    application: ApplicationRecord
    questions: tuple[ReportQuestion, ...]
    day: date

    @property
    def lang(self) -> str:
        return "en" if self.application.lang == "en" else "ko"

    def label(self, key: str) -> str:
        return LABELS[self.lang][key]


def _entry(
    question: QuestionRecord, record: CritiqueRecord | None, comments: list[CommentRecord]
) -> ReportQuestion:
    answer = unicodedata.normalize("NFC", question.answer)
    shown = tuple(c for c in comments if c.state == "open")  # settled ones are done with
    if record is None:
        return ReportQuestion(question, None, False, False, shown)
    return ReportQuestion(
        question,
        guarded(final_critique(record)),
        record.approved_at is not None,
        record.is_stale(answer),
        shown,
        source_of(record.data),
        record.model,
    )


def build_report(session: Session, *, application_id: int, day: date | None = None) -> Report:
    app = get_application(session=session, application_id=application_id)
    critiques = latest_critiques(session=session, application_id=application_id)
    entries = tuple(
        _entry(q, critiques.get(q.id), list_comments(session=session, question_id=q.id))
        for q in app.questions
    )
    return Report(app, entries, day or date.today())


def _e(text: object) -> str:
    return html.escape(str(text)).replace("\n", "<br>")


def score_rows(report: Report, scores: dict[str, Score]) -> list[tuple[str, str, str]]:
    """(dimension in the report's language, "●●●○○ 3/5", rationale) for each dimension scored."""
    index = 0 if report.lang == "ko" else 1
    rows = []
    for name in DIMENSIONS:
        score = scores.get(name)
        if not score:
            continue
        value = int(score.get("score", 0))
        bar = f"{'●' * value}{'○' * (5 - value)} {value}/5"
        rows.append((DIMENSION_NAMES[name][index], bar, str(score.get("rationale", ""))))
    return rows


def _score_rows(report: Report, scores: dict[str, Score]) -> str:
    rows = [
        f"<tr><td>{_e(name)}</td><td class='bar'>{bar}</td><td>{_e(rationale)}</td></tr>"
        for name, bar, rationale in score_rows(report, scores)
    ]
    return "<table class='scores'>" + "".join(rows) + "</table>" if rows else ""


def _quote(item: Item) -> str:
    quote = str(item.get("quote", "")).strip()
    return f"<div class='quote'>«{_e(quote)}»</div>" if quote else ""


def status_line(report: Report, entry: ReportQuestion) -> str:
    """Who wrote the critique and whether the counselor has approved it: "자동 분석 · 상담사
    검토 전", "Model + automatic analysis (qwen2.5-3b-instruct-q4_k_m.gguf) · reviewed by your
    counselor"."""
    author = report.label(entry.source)
    if entry.source != "analysis" and entry.model.strip():
        author += f" ({entry.model.strip()})"
    return f"{author} · {report.label('reviewed' if entry.approved else 'draft')}"


def about_source(report: Report, entry: ReportQuestion) -> str:
    """What the critique's author means for the reader ("" for a model's alone)."""
    return report.label(f"about_{entry.source}") if entry.source != "model" else ""


def item_text(report: Report, item: Item, text: str) -> str:
    """An item's text, marked "(모델)" where the model wrote it on top of the analysis."""
    return f"{report.label('by_model')} {text}" if item.get("origin") == "model" else text


def _critique_html(report: Report, entry: ReportQuestion) -> str:
    label = report.label
    data = entry.critique
    if data is None:
        return f"<p class='note'>{_e(label('none'))}</p>"
    parts = [f"<p class='status'>{_e(status_line(report, entry))}</p>"]
    if about_source(report, entry):
        parts.append(f"<p class='meta'>{_e(about_source(report, entry))}</p>")
    if entry.stale:
        parts.append(f"<p class='note'>{_e(label('stale'))}</p>")
    if data.get("summary"):
        parts.append(f"<h3>{_e(label('summary'))}</h3><p>{_e(data['summary'])}</p>")
    parts.append(_score_rows(report, data.get("scores", {})))
    strengths = "".join(
        f"<li>{_e(item_text(report, item, str(item.get('point', ''))))}{_quote(item)}</li>"
        for item in data.get("strengths", [])
    )
    if strengths:
        parts.append(f"<h3>{_e(label('strengths'))}</h3><ul>{strengths}</ul>")
    improvements = "".join(
        f"<li><b>[{_e(label(str(item.get('severity', 'minor'))))}] "
        f"{_e(item_text(report, item, str(item.get('issue', ''))))}</b>"
        f"{_quote(item)}"
        + "".join(
            f"<br>{_e(label(key))}: {_e(item.get(key, ''))}"
            for key in ("why", "suggestion")
            if item.get(key)
        )
        + "</li>"
        for item in data.get("improvements", [])
    )
    if improvements:
        parts.append(f"<h3>{_e(label('improvements'))}</h3><ul>{improvements}</ul>")
    fixes = "".join(f"<li>{_e(fix)}</li>" for fix in data.get("top_fixes", []))
    if fixes:
        parts.append(f"<h3>{_e(label('fixes'))}</h3><ol>{fixes}</ol>")
    return "".join(parts)


def _comments_html(report: Report, entry: ReportQuestion) -> str:
    if not entry.comments:
        return ""
    items = []
    for comment in entry.comments:
        text = f"<div class='quote'>«{_e(comment.quote)}»"
        if comment.start is None:
            text += f" {_e(report.label('detached'))}"
        text += "</div>"
        if comment.body:
            text += _e(comment.body)
        if comment.replacement is not None:
            text += f"<br>{_e(report.label('replace'))}: «{_e(comment.replacement)}»"
        items.append(f"<li>{text}</li>")
    return f"<h3>{_e(report.label('comments'))}</h3><ul>{''.join(items)}</ul>"


STYLE: Final = """
body { font-family: 'Noto Sans CJK KR', 'Noto Sans KR', sans-serif; font-size: 10pt; }
h1 { font-size: 17pt; } h2 { font-size: 13pt; margin-top: 18px; } h3 { font-size: 11pt; }
.meta { color: #555; } .status { color: #1f5f99; font-weight: bold; }
.note { color: #8a5a00; } .quote { color: #555; font-style: italic; }
.answer { background: #f4f4f4; padding: 6px; white-space: pre-wrap; }
table.scores td { padding: 2px 8px 2px 0; } td.bar { color: #1f5f99; white-space: nowrap; }
"""


def report_html(report: Report) -> str:
    app = report.application
    label = report.label
    title = app.title
    meta = [f"{label('date')}: {report.day.isoformat()}"]
    if app.client_name:
        meta.insert(0, f"{label('client')}: {app.client_name}")
    body = [f"<h1>{_e(label('title'))}</h1><h2>{_e(title)}</h2>"]
    body.append(f"<p class='meta'>{_e(' · '.join(meta))}</p>")
    for number, entry in enumerate(report.questions, 1):
        q = entry.question
        limit = f"{entry.used:,}/{q.char_limit:,}" if q.char_limit else f"{entry.used:,}"
        body.append(f"<h2>{_e(label('question'))} {number}. {_e(q.text)}</h2>")
        body.append(f"<p class='meta'>{_e(label('length'))}: {limit}</p>")
        body.append(f"<div class='answer'>{_e(q.answer)}</div>")
        body.append(_critique_html(report, entry))
        body.append(_comments_html(report, entry))
    lang = report.lang
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
        f"<title>{_e(label('title'))} — {_e(title)}</title><style>{STYLE}</style></head>"
        f"<body>{''.join(body)}</body></html>"
    )
