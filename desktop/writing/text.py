"""The one boundary every text passes on its way in: NFC, and no lone surrogates.

A lone surrogate (half of a UTF-16 pair, from broken clipboard data or a ``"\\ud800"`` JSON
escape) cannot be encoded as UTF-8, so SQLite, files and Qt would refuse or drop it. It becomes
U+FFFD, visible, and ``TXT.UNICODE`` asks the writer to delete or retype it.
"""

from __future__ import annotations

import unicodedata
from typing import Final

import regex

LONE_SURROGATE: Final = regex.compile("[\ud800-\udfff]")
REPLACEMENT: Final = "\ufffd"


def without_lone_surrogates(text: str) -> str:
    return LONE_SURROGATE.sub(REPLACEMENT, text) if LONE_SURROGATE.search(text) else text


def clean(text: str) -> str:
    """NFC with lone surrogates replaced by U+FFFD: what the store and every task receive."""
    return unicodedata.normalize("NFC", without_lone_surrogates(text))
