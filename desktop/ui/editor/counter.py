"""The live length counter under each answer: "912 / 1,000자 (공백 포함)"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from desktop.writing.counting import LimitStatus, count_all, find_invisible

# Counting a huge paste on every keystroke would stall typing; beyond this size it is debounced.
_IMMEDIATE_LIMIT = 20_000
_DEBOUNCE_MS = 150

AMBER = "#b26a00"
RED = "#c62828"


def profile_label(profile: str) -> str:
    """The short, translated name of a count profile, as shown after the numbers."""
    labels = {
        "chars_incl_spaces": QCoreApplication.translate("Counter", "chars (incl. spaces)"),
        "chars_incl_spaces_crlf": QCoreApplication.translate(
            "Counter", "chars (incl. spaces, line break = 2)"
        ),
        "chars_excl_spaces": QCoreApplication.translate("Counter", "chars (excl. spaces)"),
        "bytes_2": QCoreApplication.translate("Counter", "bytes (Hangul = 2)"),
        "bytes_utf8": QCoreApplication.translate("Counter", "bytes (UTF-8)"),
        "bytes_neis": QCoreApplication.translate("Counter", "bytes (NEIS: Hangul = 3)"),
        "words": QCoreApplication.translate("Counter", "words"),
    }
    return labels.get(profile, profile)


def _fmt(number: int) -> str:
    return f"{number:,}"


class CounterLabel(QLabel):
    """Shows the answer's length under its question's profile; other profiles on hover.

    Amber below 70 % of the limit, red over it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The colour rule names this label: a bare rule would reach its tooltip too (Qt styles
        # a tooltip with its widget's style sheet), drawing amber bold text on yellow.
        self.setObjectName("answerCounter")
        self._text = ""
        self._limit: int | None = None
        self._profile = "chars_incl_spaces"
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_DEBOUNCE_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.used = 0

    def set_rule(self, limit: int | None, profile: str) -> None:
        self._limit = limit
        self._profile = profile
        self._refresh()

    def set_text(self, text: str) -> None:
        self._text = text
        if len(text) > _IMMEDIATE_LIMIT:
            self._timer.start()
        else:
            self._refresh()

    def _on_timer_timeout(self) -> None:
        self._refresh()

    def _refresh(self) -> None:
        counts = count_all(self._text)
        self.used = counts[self._profile]
        unit = profile_label(self._profile)
        if self._limit:
            status = LimitStatus(self._limit, self._profile, self.used)
            self.setText(
                QCoreApplication.translate("Counter", "%1 / %2 %3")
                .replace("%1", _fmt(status.used))
                .replace("%2", _fmt(self._limit))
                .replace("%3", unit)
            )
            color = {"over": RED, "under": AMBER}.get(status.status, "")
            self.setStyleSheet(
                f"QLabel#answerCounter {{ color: {color}; font-weight: bold; }}" if color else ""
            )
            self.setProperty("status", status.status)
        else:
            self.setText(
                QCoreApplication.translate("Counter", "%1 %2")
                .replace("%1", _fmt(self.used))
                .replace("%2", unit)
            )
            self.setStyleSheet("")
            self.setProperty("status", "ok")
        lines = [f"{profile_label(p)}: {_fmt(n)}" for p, n in counts.items()]
        invisible = find_invisible(self._text)
        if invisible:
            lines.append(
                QCoreApplication.translate(
                    "Counter", "Invisible characters: %n", "", len(invisible)
                )
            )
        self.setToolTip("\n".join(lines))
