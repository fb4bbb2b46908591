"""Sentences a user reads, from any layer, in the UI language.

The layers below the UI (engine, store, importing, review, downloads) raise errors whose text
reaches a dialog or the status bar through ``str(exc)``. They write each sentence in both
languages with ``say(ko, en)``; the composition root sets the language once at start from the
settings (``set_language``), as gettext does with the process locale. Command-line tools keep
English unless told otherwise. Qt's ``tr()`` stays the way for strings written in ``desktop/ui``.
"""

from __future__ import annotations

from typing import Final

LANGUAGES: Final = ("en", "ko")
_language = "en"


def set_language(lang: str) -> None:
    """The language of every ``say`` from now on: ``"ko"`` or ``"en"`` (anything else: en)."""
    global _language
    _language = lang if lang in LANGUAGES else "en"


def language() -> str:
    return _language


def say(ko: str, en: str) -> str:
    """``ko`` when the UI is Korean, else ``en``; format placeholders before or after alike."""
    return ko if _language == "ko" else en
