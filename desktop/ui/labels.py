"""Translated display names for stored codes (status, career level, language, revision reason)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def status_label(status: str) -> str:
    return {
        "draft": QCoreApplication.translate("Labels", "Draft"),
        "submitted": QCoreApplication.translate("Labels", "Submitted"),
        "passed": QCoreApplication.translate("Labels", "Passed"),
        "failed": QCoreApplication.translate("Labels", "Not passed"),
    }.get(status, status)


def career_label(level: str) -> str:
    return {
        "entry": QCoreApplication.translate("Labels", "Entry level"),
        "experienced": QCoreApplication.translate("Labels", "Experienced"),
    }.get(level, level)


def lang_label(lang: str) -> str:
    return {
        "ko": QCoreApplication.translate("Labels", "Korean"),
        "en": QCoreApplication.translate("Labels", "English"),
    }.get(lang, lang)


def reason_label(reason: str) -> str:
    return {
        "autosave": QCoreApplication.translate("Labels", "Autosave"),
        "manual": QCoreApplication.translate("Labels", "Saved before a change"),
        "before-AI-insert": QCoreApplication.translate("Labels", "Before AI text was inserted"),
        "restore": QCoreApplication.translate("Labels", "Restored"),
        "reviewed": QCoreApplication.translate("Labels", "Reviewed"),
    }.get(reason, reason)


def severity_label(severity: str) -> str:
    return {
        "critical": QCoreApplication.translate("Labels", "Critical"),
        "major": QCoreApplication.translate("Labels", "Major"),
        "minor": QCoreApplication.translate("Labels", "Minor"),
        # advice from a rule not precise enough to call it an error (writing.flags.HINT)
        "hint": QCoreApplication.translate("Labels", "Hint"),
    }.get(severity, severity)


def dimension_label(dimension: str) -> str:
    return {
        "question_fit": QCoreApplication.translate("Labels", "Question fit"),
        "evidence": QCoreApplication.translate("Labels", "Evidence"),
        "job_company_fit": QCoreApplication.translate("Labels", "Job and company fit"),
        "structure": QCoreApplication.translate("Labels", "Structure"),
        "distinctiveness": QCoreApplication.translate("Labels", "Distinctiveness"),
        "mechanics": QCoreApplication.translate("Labels", "Mechanics"),
    }.get(dimension, dimension)
