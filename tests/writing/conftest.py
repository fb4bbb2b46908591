"""The Korean analyzer for the checks' tests: loaded for a module, and let go after it, so the
other test modules check as the GUI process does, without it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from desktop.writing import korean


def _loaded() -> Iterator[Any]:
    loaded = korean.load()
    if loaded is None:
        pytest.skip("kiwipiepy is not installed")
    yield loaded
    korean._kiwi = None


@pytest.fixture(scope="module")
def kiwi() -> Iterator[Any]:
    """The analyzer, loaded for the module."""
    yield from _loaded()


@pytest.fixture(scope="module", params=["without the analyzer", "with the analyzer"])
def analyzer(request: pytest.FixtureRequest) -> Iterator[Any]:
    """Each test twice: as the GUI process checks (None) and with the analyzer loaded."""
    if request.param == "without the analyzer":
        yield None
        return
    yield from _loaded()
