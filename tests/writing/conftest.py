"""The Korean analyzer for the checks' tests (``kiwi``, in tests/conftest.py, loads it for a
module and lets it go after, so the other test modules check as the GUI process does)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import load_analyzer


@pytest.fixture(scope="module", params=["without the analyzer", "with the analyzer"])
def analyzer(request: pytest.FixtureRequest) -> Iterator[Any]:
    """Each test twice: as the GUI process checks (None) and with the analyzer loaded."""
    if request.param == "without the analyzer":
        yield None
        return
    yield from load_analyzer()
