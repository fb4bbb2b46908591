"""SecretStore over keyring, with an in-memory keyring backend."""

from __future__ import annotations

import threading

import keyring.backend
import pytest
from keyring.backends import fail

from desktop.secrets import SecretStore, SecretsUnavailable


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.items:
            raise keyring.errors.PasswordDeleteError("not found")
        del self.items[(service, username)]


class HangingKeyring(MemoryKeyring):
    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.release.wait(10)
        return None


def test_set_get_delete() -> None:
    backend = MemoryKeyring()
    store = SecretStore(backend)
    assert store.status()[0]
    assert store.get("hub-token") is None
    store.set("hub-token", "hf_secret")
    assert store.get("hub-token") == "hf_secret"
    assert backend.items == {("jaso", "hub-token"): "hf_secret"}
    store.delete("hub-token")
    store.delete("hub-token")  # deleting twice is fine
    assert store.get("hub-token") is None


def test_fail_backend_is_detected_and_refused() -> None:
    store = SecretStore(fail.Keyring())
    available, reason = store.status()
    assert not available and "No usable keyring" in reason
    with pytest.raises(SecretsUnavailable):
        store.set("hub-token", "x")


def test_a_hanging_keyring_times_out() -> None:
    backend = HangingKeyring()
    store = SecretStore(backend, timeout_s=0.2)
    with pytest.raises(SecretsUnavailable, match="did not answer"):
        store.get("remote-api-key")
    backend.release.set()
