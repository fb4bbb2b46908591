"""Keyring calls away from the GUI thread: a hanging keyring never freezes the window."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from desktop.secrets import SecretStore, SecretsUnavailable


class SecretTask(QObject):
    """Saves (or, with an empty value, deletes) one secret on a daemon thread.

    Signals:
        finished(bool, str): whether it worked, and why not.
    """

    finished = Signal(bool, str)

    def __init__(self, store: SecretStore, name: str, value: str, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.name = name
        self.value = value

    def start(self) -> None:
        threading.Thread(target=self._run, name="secret-task", daemon=True).start()

    def _run(self) -> None:
        try:
            self.store.set(self.name, self.value)
        except SecretsUnavailable as exc:
            self.finished.emit(False, str(exc))
        else:
            self.finished.emit(True, "")
