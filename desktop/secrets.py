"""Secrets (API keys, hub tokens) in the OS keyring only, never in files, settings or logs.

Every keyring call runs on its own daemon thread with a timeout, so a keyring that hangs (a
locked desktop wallet waiting for a password prompt) cannot freeze the caller. The "fail" and
"null" keyring backends, which store nothing, are detected and reported.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Final, TypeVar

import keyring
import keyring.backend
import keyring.errors

from desktop.messages import say

log = logging.getLogger(__name__)

SERVICE: Final = "jaso"
DEFAULT_TIMEOUT_S: Final = 5.0
HUB_TOKEN: Final = "hub-token"
REMOTE_API_KEY: Final = "remote-api-key"
T = TypeVar("T")


class SecretsUnavailable(Exception):
    """The keyring cannot store or read secrets; ``str()`` says why, for the user."""


def _is_storing(backend: keyring.backend.KeyringBackend) -> bool:
    from keyring.backends import chainer, fail, null

    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return any(_is_storing(b) for b in backend.backends)
    return True


class SecretStore:
    """Get, set and delete named secrets under the service "jaso"."""

    def __init__(
        self,
        backend: keyring.backend.KeyringBackend | None = None,
        timeout_s: float = DEFAULT_TIMEOUT_S,
    ) -> None:
        self._backend = backend
        self.timeout_s = timeout_s

    @property
    def backend(self) -> keyring.backend.KeyringBackend:
        return self._backend or keyring.get_keyring()

    def status(self) -> tuple[bool, str]:
        """Whether secrets can be stored, and the keyring's name (or why not)."""
        backend = self.backend
        name = f"{type(backend).__module__}.{type(backend).__name__}"
        if not _is_storing(backend):
            return False, say(
                f"쓸 수 있는 키링이 없어 API 키와 토큰을 저장할 수 없습니다 ({name}).",
                f"No usable keyring ({name}); secrets cannot be saved on this system.",
            )
        return True, name

    def _call(self, what: str, function: Callable[[], T]) -> T:
        available, reason = self.status()
        if not available:
            raise SecretsUnavailable(reason)
        box: dict[str, object] = {}

        def run() -> None:
            try:
                box["value"] = function()
            except BaseException as exc:  # noqa: BLE001 (handed to the caller's thread)
                box["error"] = exc

        thread = threading.Thread(target=run, name=f"keyring-{what}", daemon=True)
        thread.start()
        thread.join(self.timeout_s)
        if thread.is_alive():
            log.warning("keyring %s did not answer in %.1f s", what, self.timeout_s)
            raise SecretsUnavailable(
                say(
                    f"시스템 키링이 {self.timeout_s:g}초 안에 응답하지 않았습니다.",
                    f"The system keyring did not answer within {self.timeout_s:g} s.",
                )
            )
        error = box.get("error")
        if isinstance(error, keyring.errors.KeyringError):
            raise SecretsUnavailable(
                say(f"시스템 키링이 거부했습니다: {error}", f"The system keyring refused: {error}")
            ) from error
        if isinstance(error, BaseException):
            message = say(
                f"시스템 키링에 오류가 났습니다: {type(error).__name__}",
                f"The system keyring failed: {type(error).__name__}",
            )
            raise SecretsUnavailable(message) from error
        return box.get("value")  # type: ignore[return-value]

    def get(self, name: str) -> str | None:
        value = self._call("get", lambda: self.backend.get_password(SERVICE, name))
        return value if isinstance(value, str) and value else None

    def set(self, name: str, value: str) -> None:
        if not value:
            self.delete(name)
            return
        self._call("set", lambda: self.backend.set_password(SERVICE, name, value))

    def delete(self, name: str) -> None:
        def remove() -> None:
            try:
                self.backend.delete_password(SERVICE, name)
            except keyring.errors.PasswordDeleteError:
                pass  # nothing stored: already deleted

        self._call("delete", remove)
