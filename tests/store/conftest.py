from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.store import Database
from desktop.store.samples import import_applications
from tests.conftest import SAMPLES


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(tmp_path / "jaso.sqlite3")
    yield database
    database.close()


@pytest.fixture
def sample_ids(db: Database) -> list[int]:
    return db.run(import_applications, data=json.loads(SAMPLES.read_text(encoding="utf-8")))
