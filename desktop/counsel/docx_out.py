"""Word files: the feedback report and the essay itself (python-docx)."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from desktop.counsel.report import (
    Report,
    ReportQuestion,
    about_source,
    item_text,
    score_rows,
    status_line,
)
from desktop.critique_types import Item
from desktop.store.records import ApplicationRecord
from desktop.writing.counting import count

FONT: Final = "Noto Sans CJK KR"  # Word falls back to Malgun Gothic where it is missing
GREY: Final = RGBColor(0x55, 0x55, 0x55)


def _document() -> DocumentObject:
    document = Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(10)
    fonts = style.element.rPr.rFonts
    fonts.set(qn("w:eastAsia"), FONT)
    return document


def _quote(document: DocumentObject, item: Item) -> None:
    quote = str(item.get("quote", "")).strip()
    if quote:
        run = document.add_paragraph().add_run(f"«{quote}»")
        run.italic = True
        run.font.color.rgb = GREY


def _critique(document: DocumentObject, report: Report, entry: ReportQuestion) -> None:
    label = report.label
    data = entry.critique
    if data is None:
        document.add_paragraph(label("none"))
        return
    status = document.add_paragraph().add_run(status_line(report, entry))
    status.bold = True
    if about_source(report, entry):
        about = document.add_paragraph().add_run(about_source(report, entry))
        about.font.color.rgb = GREY
    if entry.stale:
        document.add_paragraph(label("stale"))
    if data.get("summary"):
        document.add_heading(label("summary"), level=3)
        document.add_paragraph(str(data["summary"]))
    rows = score_rows(report, data.get("scores", {}))
    if rows:
        table = document.add_table(rows=0, cols=3)
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text
    if data.get("strengths"):
        document.add_heading(label("strengths"), level=3)
        for strength in data["strengths"]:
            document.add_paragraph(
                item_text(report, strength, strength["point"]), style="List Bullet"
            )
            _quote(document, strength)
    if data.get("improvements"):
        document.add_heading(label("improvements"), level=3)
        for item in data["improvements"]:
            paragraph = document.add_paragraph(style="List Bullet")
            severity = label(str(item.get("severity", "minor")))
            issue = item_text(report, item, str(item.get("issue", "")))
            paragraph.add_run(f"[{severity}] {issue}").bold = True
            _quote(document, item)
            for key in ("why", "suggestion"):
                if item.get(key):  # the report guard empties one it must not print
                    document.add_paragraph(f"{label(key)}: {item.get(key, '')}")
    if data.get("top_fixes"):
        document.add_heading(label("fixes"), level=3)
        for fix in data["top_fixes"]:
            document.add_paragraph(str(fix), style="List Number")


def _comments(document: DocumentObject, report: Report, entry: ReportQuestion) -> None:
    if not entry.comments:
        return
    document.add_heading(report.label("comments"), level=3)
    for comment in entry.comments:
        paragraph = document.add_paragraph(style="List Bullet")
        quote = paragraph.add_run(f"«{comment.quote}» ")
        quote.italic = True
        if comment.start is None:
            paragraph.add_run(report.label("detached") + " ")
        paragraph.add_run(comment.body)
        if comment.replacement is not None:
            document.add_paragraph(f"{report.label('replace')}: «{comment.replacement}»")


def write_report_docx(report: Report, path: Path) -> None:
    app = report.application
    label = report.label
    document = _document()
    document.add_heading(label("title"), level=0)
    document.add_heading(app.title, level=1)
    meta = f"{label('date')}: {report.day.isoformat()}"
    if app.client_name:
        meta = f"{label('client')}: {app.client_name} · {meta}"
    document.add_paragraph(meta)
    for number, entry in enumerate(report.questions, 1):
        q = entry.question
        document.add_heading(f"{label('question')} {number}. {q.text}", level=2)
        limit = f"{entry.used:,}/{q.char_limit:,}" if q.char_limit else f"{entry.used:,}"
        document.add_paragraph(f"{label('length')}: {limit}")
        for line in q.answer.split("\n"):
            document.add_paragraph(line)
        _critique(document, report, entry)
        _comments(document, report, entry)
    document.save(str(path))


def essay_text(app: ApplicationRecord) -> str:
    """The essay as plain text: each question, its count against the limit, the answer."""
    blocks = []
    header = app.title
    for number, q in enumerate(app.questions, 1):
        used = count(q.answer, q.profile)
        limit = f" ({used:,}/{q.char_limit:,})" if q.char_limit else ""
        blocks.append(f"{number}. {q.text}{limit}\n\n{q.answer.strip()}")
    return header + "\n\n" + "\n\n\n".join(blocks) + "\n"


def write_essay_docx(app: ApplicationRecord, path: Path) -> None:
    document = _document()
    document.add_heading(app.title, level=1)
    for number, q in enumerate(app.questions, 1):
        document.add_heading(f"{number}. {q.text}", level=2)
        for line in q.answer.split("\n"):
            document.add_paragraph(line)
    document.save(str(path))
