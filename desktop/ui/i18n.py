"""UI language: Korean or English from Qt translation files, following the system locale."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop import messages
from desktop.paths import resource

log = logging.getLogger(__name__)


def resolve_language(setting: str) -> str:
    """``ko`` or ``en`` for a setting of ``system``, ``ko`` or ``en``."""
    if setting in ("ko", "en"):
        return setting
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


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
    sources = (
        (f"jaso_{language}", str(resource("translations"))),
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    )
    for name, directory in sources:
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("translation %s not found in %s", name, directory)
    return installed
