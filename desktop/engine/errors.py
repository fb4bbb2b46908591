"""Typed engine errors. ``str(error)`` is a short message for the user; ``details`` is for logs."""

from __future__ import annotations


class EngineError(Exception):
    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details


class BackendUnavailable(EngineError):
    """The backend's library is not installed in this build."""


class ModelFileMissing(EngineError):
    pass


class ModelFileInvalid(EngineError):
    """Not a usable model file: wrong format, truncated, inconsistent, unsupported."""


class UnsupportedArchitecture(ModelFileInvalid):
    pass


class ModelLoadError(EngineError):
    pass


class OutOfMemory(EngineError):
    pass


class PromptTooLong(EngineError):
    """Even the instructions alone do not fit the model's context."""


class TemplateError(EngineError):
    """The chat template failed to render or tried to leave its sandbox."""


class GenerationCancelled(EngineError):
    pass


class NotLoaded(EngineError):
    pass


class OutputRejected(EngineError):
    """Every attempt's output failed the output gate (``engine/gate.py``); ``reasons`` holds
    the count of each gate reason over the attempts."""

    def __init__(self, message: str, details: str = "", reasons: dict[str, int] | None = None):
        super().__init__(message, details)
        self.reasons = dict(reasons or {})
