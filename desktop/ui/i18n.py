"""UI language: Korean or English from Qt translation files, following the system locale."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase, QGuiApplication

from desktop import messages
from desktop.paths import resource

log = logging.getLogger(__name__)


def resolve_language(setting: str) -> str:
    """``ko`` or ``en`` for a setting of ``system``, ``ko`` or ``en``."""
    if setting in ("ko", "en"):
        return setting
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


KOREAN_UI_FONTS = ("Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic", "Apple SD Gothic Neo",
                   "NanumGothic", "NanumBarunGothic")  # fmt: skip


def apply_ui_font(app: QGuiApplication, language: str) -> str:
    """For a Korean UI, one font with Hangul and Latin letters for the whole UI; returns its
    family ("" when none is installed, or for English).

    With a Latin UI font, Qt draws the Hangul of a line in a fallback font: a row mixed two
    typefaces and sizes, and lines of one list differed in height.
    """
    if resolve_language(language) != "ko":
        return ""
    installed = set(QFontDatabase.families())
    family = next((f for f in KOREAN_UI_FONTS if f in installed), "")
    if family:
        font = app.font()
        font.setFamilies([family, *font.families()])
        app.setFont(font)
    return family


def install_translators(app: QCoreApplication, setting: str) -> list[QTranslator]:
    """Load the app's and Qt's own translations; returns them (they must stay referenced)."""
    language = resolve_language(setting)
    messages.set_language(language)  # what the layers below the UI say (desktop/messages.py)
    QLocale.setDefault(
        QLocale(QLocale.Language.Korean if language == "ko" else QLocale.Language.English)
    )
    if language == "en":
        return []
    installed: list[QTranslator] = []
    # Asked last (Qt asks the translator installed last first): Qt 6's own strings that gained
    # a mnemonic after Qt's translators last caught up ("&Look in:" in the file dialog).
    fallback = MnemonicFallback(app)
    app.installTranslator(fallback)
    installed.append(fallback)
    sources = (
        (f"jaso_{language}", str(resource("translations"))),
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    )
    for name, directory in sources:
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            installed.append(translator)
            if name.startswith("qtbase"):
                fallback.base = translator
        else:
            log.warning("translation %s not found in %s", name, directory)
    return installed


class MnemonicFallback(QTranslator):
    """Qt's string with its ``&`` mnemonic, from Qt's translation of the string without it.

    Qt 6 added mnemonics to some of its labels ("&Look in:", "Files of &type:"), so Qt's
    translation files, keyed on the old text, no longer match them and the Korean file dialog
    showed English. The translation of the plain text is used, with the mnemonic written the
    Korean way after it ("다음에서 찾기(&L):").
    """

    def __init__(self, parent: QCoreApplication | None = None) -> None:
        super().__init__(parent)
        self.base: QTranslator | None = None

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return False

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None, not "": Qt takes an empty string for a translation (a null one means "none").
        if self.base is None or "&" not in source or "&&" in source:
            return None
        at = source.index("&")
        if at + 1 >= len(source):
            return None
        plain = source[:at] + source[at + 1 :]
        found = self.base.translate(context, plain, disambiguation, n)
        if not found:
            return None
        mnemonic = f"(&{source[at + 1].upper()})"
        if found.endswith((":", "…", "...")):
            cut = len(found.rstrip(":…."))
            return found[:cut] + mnemonic + found[cut:]
        return found + mnemonic
