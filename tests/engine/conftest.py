from __future__ import annotations

import pytest

from desktop.engine.testmodel import TestModel, build_test_model


@pytest.fixture(scope="session")
def tiny_model() -> TestModel:
    """The tiny random-weight model (built once per machine, then cached)."""
    return build_test_model("tiny")
