"""Translated display names for stored codes (status, career level, language, revision reason)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def status_label(status: str) -> str:
    return {
        "draft": _t("Draft"),
        "submitted": _t("Submitted"),
        "passed": _t("Passed"),
        "failed": _t("Not passed"),
    }.get(status, status)


def career_label(level: str) -> str:
    return {"entry": _t("Entry level"), "experienced": _t("Experienced")}.get(level, level)


def lang_label(lang: str) -> str:
    return {"ko": _t("Korean"), "en": _t("English")}.get(lang, lang)


def reason_label(reason: str) -> str:
    return {
        "autosave": _t("Autosave"),
        "manual": _t("Saved before a change"),
        "before-AI-insert": _t("Before AI text was inserted"),
        "restore": _t("Restored"),
    }.get(reason, reason)
