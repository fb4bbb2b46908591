"""What a user can read in a window: the texts of its visible widgets, menus and tooltips."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItemIterator,
    QWidget,
)

_TAG = re.compile(r"<[^>]+>")
_HANGUL = re.compile(r"[가-힣ㄱ-ㅎㅏ-ㅣ]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
# Names, formats and abbreviations a Korean UI writes in Latin letters (as Korean software does).
NAMES = {
    "jaso", "gguf", "pdf", "word", "html", "jsonl", "txt", "docx", "hwp", "hwpx", "md",
    "cpu", "gpu", "api", "url", "ai", "llama", "cpp", "openai", "vllm", "transformers",
    "ctrl", "alt", "shift", "tab", "esc", "d", "n", "x", "q", "ok", "ko", "en", "hf", "hub",
    "cuda", "mps", "json", "utf", "neis", "ram", "mb", "gb", "kb", "gib", "mib", "tok", "s",
    "gemma", "smollm", "qwen", "instruct", "it", "m", "b", "k", "q8", "keyring", "rm",
    "english",  # the language option, named in its own language
}  # fmt: skip


def texts(widget: QWidget) -> Iterator[str]:
    """Every text shown by ``widget`` and its visible children (and their tooltips)."""
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget) and child is not widget:
            continue
        if child.isWindow() and child is not widget:
            continue
        yield from _own_texts(child)


def _own_texts(w: QWidget) -> Iterator[str]:
    yield w.toolTip()
    if w.isWindow():
        yield w.windowTitle()
    if isinstance(w, QLabel):
        yield w.text()
    elif isinstance(w, QAbstractButton):
        yield w.text()
    elif isinstance(w, QGroupBox):
        yield w.title()
    elif isinstance(w, QLineEdit):
        yield w.placeholderText()
    elif isinstance(w, (QPlainTextEdit, QTextEdit)):
        yield w.placeholderText()
    elif isinstance(w, QComboBox):
        yield from (w.itemText(i) for i in range(w.count()))
    elif isinstance(w, QTabWidget):
        yield from (w.tabText(i) for i in range(w.count()))
    elif isinstance(w, QListWidget):
        yield from (w.item(i).text() for i in range(w.count()))
    elif isinstance(w, QTreeWidget):
        header = w.headerItem()
        yield from (header.text(i) for i in range(header.columnCount()))
        iterator = QTreeWidgetItemIterator(w)
        while iterator.value():
            item = iterator.value()
            yield from (item.text(i) for i in range(item.columnCount()))
            iterator += 1
    if isinstance(w, QMenu) or w.actions():
        for action in w.actions():
            yield action.text()
            yield action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""


def menu_texts(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    for action in menu.actions():
        yield action.text()
        if action.menu() is not None:
            yield from menu_texts(action.menu())


def english_only(text: str) -> bool:
    """Whether ``text`` is English the Korean UI should not show: Latin words, no Hangul, and a
    word that is not a name, a format or an abbreviation; paths and URLs aside."""
    plain = _TAG.sub(" ", text).replace("&amp;", "&").replace("&", "")
    if not plain.strip() or _HANGUL.search(plain):
        return False
    words = []
    for token in plain.split():
        if "/" in token or "\\" in token or token.startswith(("http", "~")) or "." in token[1:-1]:
            continue  # a path, a URL or a file name
        words.extend(_WORD.findall(token))
    return any(w.lower().strip("'’") not in NAMES for w in words)
