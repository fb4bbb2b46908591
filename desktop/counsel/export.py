"""Writing reports and essays to files by their suffix, each file complete or not there at all."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from desktop.atomic import write_atomically, write_text_atomically
from desktop.counsel.docx_out import essay_text, write_essay_docx, write_report_docx
from desktop.counsel.report import Report, report_html
from desktop.store.records import ApplicationRecord

REPORT_SUFFIXES: Final = (".pdf", ".docx", ".html")
ESSAY_SUFFIXES: Final = (".txt", ".docx")


def export_report(report: Report, path: Path) -> None:
    """The feedback report as PDF, DOCX or HTML, chosen by ``path``'s suffix."""
    suffix = path.suffix.lower()
    if suffix == ".html":
        write_text_atomically(path, report_html(report))
    elif suffix == ".docx":
        write_atomically(path, lambda p: write_report_docx(report, p))
    elif suffix == ".pdf":
        from desktop.counsel.pdf import write_report_pdf  # Qt, loaded only for PDFs

        write_report_pdf(report, path)  # atomic itself
    else:
        raise ValueError(f"a report is {', '.join(REPORT_SUFFIXES)}, not {suffix or 'no suffix'}")


def export_essay(app: ApplicationRecord, path: Path) -> None:
    """The essay as plain text or DOCX, chosen by ``path``'s suffix."""
    suffix = path.suffix.lower()
    if suffix == ".txt":
        write_text_atomically(path, essay_text(app))
    elif suffix == ".docx":
        write_atomically(path, lambda p: write_essay_docx(app, p))
    else:
        raise ValueError(f"an essay is {', '.join(ESSAY_SUFFIXES)}, not {suffix or 'no suffix'}")
