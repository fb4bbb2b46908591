"""The reliability suite: quick counts in ``make test``, full counts in ``make reliability``.

Each test records what it tried in a ledger; ``make reliability`` writes the ledger to
``build/reliability.json`` and ``scripts/reliability_report.py`` turns it into RELIABILITY.md.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

FULL = os.environ.get("JASO_RELIABILITY") == "full"
LEDGER_ENV = "JASO_RELIABILITY_OUT"


def count(quick: int, full: int) -> int:
    return full if FULL else quick


class Ledger:
    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []

    def record(
        self,
        area: str,
        what: str,
        tried: int,
        survived: int,
        lost: str,
        note: str = "",
        lost_n: int | None = None,
    ) -> None:
        self.rows.append(
            {
                "lost_n": lost_n,
                "area": area,
                "what": what,
                "tried": tried,
                "survived": survived,
                "lost": lost,
                "note": note,
                "mode": "full" if FULL else "quick",
            }
        )


@pytest.fixture(scope="session")
def ledger() -> Iterator[Ledger]:
    book = Ledger()
    yield book
    out = os.environ.get(LEDGER_ENV)
    if out and book.rows:
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
        path.write_text(json.dumps(old + book.rows, ensure_ascii=False, indent=1), "utf-8")
