"""Typed storage errors with messages fit to show a user."""

from __future__ import annotations


class StorageError(Exception):
    """A database operation failed; ``str(error)`` is a short message for the user.

    ``kind`` lets the UI word the cause in its own language: "full" (no space, or a file-size
    limit), "readonly" (the data folder cannot be written), "locked", or "other".
    """

    def __init__(self, message: str, kind: str = "other") -> None:
        super().__init__(message)
        self.kind = kind


class StoreTooNew(StorageError):
    """The database was written by a newer version of Jaso; it is left untouched."""


class StoreDamaged(StorageError):
    """The database file is not a readable SQLite database; it is left untouched."""


class NotFound(StorageError):
    """The requested row does not exist (or is in the trash)."""


class NotRunning(ValueError):
    """A batch item's result came back after the item stopped running here (cancelled, or
    taken over by another process); the result is dropped."""
