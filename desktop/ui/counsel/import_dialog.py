"""Importing an essay: the document's text split into questions, corrected before it is saved.

The left side is the text (a file's, written back with "## " before each question, or pasted);
the right side shows the split it gives, live. A line starting with "## " is always a question,
so a wrong split is fixed by adding or removing those marks. What the reader left out on
purpose (a file's headers, footers, notes and memos, a PDF's running titles and page numbers)
is listed under the questions as not imported, so that nothing disappears without a word.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.importing.save import save_imported
from desktop.importing.split import ImportedApplication, split_document
from desktop.store import Database, StorageError
from desktop.writing.counting import count

FILE_FILTER = "*.txt *.md *.docx *.hwpx *.pdf *.hwp"
_PREVIEW_DELAY_MS = 250


class ImportDialog(QDialog):
    """Shows the split of ``text`` and saves it as a new application (``saved_id``)."""

    def __init__(
        self,
        db: Database,
        text: str,
        source: str = "",
        parent: QWidget | None = None,
        left_out: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.left_out = left_out or []
        self.saved_id: int | None = None
        self.parsed = ImportedApplication()
        self.setWindowTitle(self.tr("Import essay") + (f" — {source}" if source else ""))
        hint = QLabel(
            self.tr(
                "Check the split on the right. A line starting with ## is a question; add or "
                "remove ## to fix it. Details such as 회사: or 직무: before the first question "
                "fill in the application."
            )
        )
        hint.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Paste the essay here, questions and answers."))
        self.text.setPlainText(text)
        self.preview = QTreeWidget()
        self.preview.setHeaderLabels([self.tr("Question"), self.tr("Length")])
        self.preview.setColumnWidth(0, 360)
        self.preview.setWordWrap(True)
        splitter = QSplitter()
        splitter.addWidget(self.text)
        splitter.addWidget(self.preview)
        splitter.setSizes([520, 480])
        self.company = QLineEdit()
        self.role = QLineEdit()
        self.client = QLineEdit()
        self.client.setPlaceholderText(self.tr("Whose essay this is (for counselors)"))
        form = QFormLayout()
        form.addRow(self.tr("Company"), self.company)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Client"), self.client)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c62828")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Import"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(1040, 680)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self.text.textChanged.connect(self._timer.start)
        self._filled: dict[QLineEdit, str] = {}
        self.update_preview()

    def update_preview(self) -> None:
        self._timer.stop()
        self.parsed = split_document(self.text.toPlainText())
        # Fields follow the text until the user types in them.
        for field, value in (
            (self.company, self.parsed.company),
            (self.role, self.parsed.role),
            (self.client, self.parsed.client_name),
        ):
            if field.text() == self._filled.get(field, ""):
                field.setText(value)
                self._filled[field] = value
        self.preview.clear()
        bold = QFont()
        bold.setBold(True)
        for number, question in enumerate(self.parsed.questions, 1):
            title = question.text or self.tr("(no question text)")
            used = count(question.answer, question.profile)
            length = f"{used:,}/{question.limit:,}" if question.limit else f"{used:,}"
            top = QTreeWidgetItem([f"{number}. {title}", length])
            top.setFont(0, bold)
            answer = question.answer.strip()
            preview = answer if len(answer) <= 240 else answer[:237] + "…"
            top.addChild(QTreeWidgetItem([preview or self.tr("(no answer)"), ""]))
            self.preview.addTopLevelItem(top)
            top.setExpanded(True)
        self._list_left_out()
        answered = [q for q in self.parsed.questions if q.answer.strip()]
        if not self.parsed.questions:
            self.problem.setText(self.tr("Nothing to import yet."))
        elif not answered:
            self.problem.setText(self.tr("No answers found: is each answer under its question?"))
        else:
            self.problem.setText("")
        self.ok.setEnabled(bool(self.parsed.questions))

    def _list_left_out(self) -> None:
        if not self.left_out:
            return
        kinds = {
            "header": self.tr("Header"),
            "footer": self.tr("Footer"),
            "note": self.tr("Note"),
            "comment": self.tr("Memo"),
            "page": self.tr("Page header or number"),
        }
        top = QTreeWidgetItem([self.tr("Not imported (%n)", "", len(self.left_out)), ""])
        top.setToolTip(
            0,
            self.tr(
                "Text the file keeps outside its body. Copy into the text on the left what "
                "belongs to an answer."
            ),
        )
        for kind, text in self.left_out:
            shown = text if len(text) <= 160 else text[:157] + "…"
            top.addChild(QTreeWidgetItem([f"{kinds.get(kind, kind)}: {shown}", ""]))
        self.preview.addTopLevelItem(top)

    def _on_buttons_accepted(self) -> None:
        self.update_preview()
        parsed = self.parsed
        parsed.company = self.company.text().strip()
        if not parsed.company:
            self.problem.setText(self.tr("Enter the company the essay is for."))
            self.company.setFocus()
            return
        parsed.role = self.role.text().strip()
        try:
            self.saved_id = self.db.run(
                save_imported, app=parsed, client_name=self.client.text().strip()
            )
        except StorageError as exc:
            self.problem.setText(self.tr("Could not save: %1").replace("%1", str(exc)))
            return
        self.accept()
