"""The one error a reader raises: the file cannot be read as an essay, and the message says why."""

from __future__ import annotations


class ImportFailed(ValueError):
    """The file cannot be read as an essay; the message (``say``) says why and what to do."""
