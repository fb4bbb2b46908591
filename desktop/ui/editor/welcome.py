"""What the centre shows with no application open: on first start, a page that says what to do
first and what the installed model can do; an open application without questions offers
"Add question" where the questions would be."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    """The three ways to start, and the model's state.

    Signals:
        new_requested: File ▸ New application.
        samples_requested: File ▸ Import sample applications.
        import_requested: Counselor ▸ Import essays.
    """

    new_requested = Signal()
    samples_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New application…"))
        self.new_button.setToolTip(self.tr("Company, role and deadline; then add its questions"))
        self.samples_button = QPushButton(self.tr("Import sample applications"))
        self.samples_button.setToolTip(self.tr("Invented examples to try every feature on"))
        self.import_button = QPushButton(self.tr("Import essays…"))
        self.import_button.setToolTip(
            self.tr("Essays you already wrote: .txt, .docx, .hwpx, .hwp or .pdf")
        )
        self.new_button.clicked.connect(self.new_requested)
        self.samples_button.clicked.connect(self.samples_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.model = QLabel()
        self.model.setWordWrap(True)
        self.model.setObjectName("welcomeModel")
        self.model.setStyleSheet(
            "QLabel#welcomeModel { background: #f3f6fa; border: 1px solid #d5dde8;"
            " border-radius: 4px; padding: 8px; }"
        )
        column = QVBoxLayout()
        column.setSpacing(10)
        column.addWidget(self.heading)
        column.addWidget(self.intro)
        for button in (self.new_button, self.samples_button, self.import_button):
            button.setMinimumHeight(34)
            column.addWidget(button)
        column.addSpacing(8)
        column.addWidget(self.model)
        box = QWidget()
        box.setLayout(column)
        # A fixed width: word-wrapped labels in a centred box of free width get the height of
        # a wider one, and their lines are cut.
        box.setFixedWidth(460)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.set_first_start(True)
        self.set_model(None, None)

    def set_first_start(self, first: bool) -> None:
        """``first``: there is no application yet; otherwise one can be picked on the left."""
        if first:
            self.heading.setText(self.tr("Welcome to Jaso"))
            self.intro.setText(
                self.tr(
                    "Write each answer of an application here: the count follows the portal's "
                    "rule, every version is kept, and the checks run as you type. Start with "
                    "one of these:"
                )
            )
        else:
            self.heading.setText(self.tr("No application open"))
            self.intro.setText(self.tr("Pick an application on the left, or:"))

    def set_model(self, name: str | None, can_critique: bool | None) -> None:
        """The installed model, and what it does in the app (None: no model)."""
        if not name:
            self.model.setText(
                self.tr(
                    "No model is installed: the checks, the count and the history work without "
                    "one. Model ▸ Models… adds one for suggestions and reviews."
                )
            )
            return
        does = [self.tr("continues your sentences (grey text; Tab takes it)")]
        if can_critique:
            does.append(self.tr("reviews answers"))
        self.model.setText(
            self.tr("Model: %1").replace("%1", name)
            + "\n"
            + self.tr("What it does here: %1").replace("%1", " · ".join(does))
        )


class NoQuestions(QFrame):
    """In place of the questions of an application that has none yet.

    Signals:
        add_requested: the user pressed Add question.
    """

    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        label = QLabel(
            self.tr(
                "No questions yet. Paste each question as the form states it: the limit and the "
                "counting rule are read from it."
            )
        )
        label.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add question…"))
        self.add_button.setMinimumHeight(34)
        self.add_button.clicked.connect(self.add_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
