"""Real documents from other projects' test fixtures (../shared/peer-fixtures/documents): each
reads without a crash, keeps every word of its body once against an independent count
(``reference_text``), and survives the import preview's render/split round trip.

The files are not in this repository (their licences are their projects'); CI has ``../shared``
next to the checkout, and the test is skipped where the folder is absent.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from desktop.importing.readers import read_document
from desktop.importing.split import render_document, split_document
from tests.importing.reference_text import reference_words, words

ROOT = Path(__file__).resolve().parents[2]
CANDIDATES = (
    ROOT.parent / "shared" / "peer-fixtures" / "documents",
    Path("/work/shared/peer-fixtures/documents"),
)
FOLDER = next((folder for folder in CANDIDATES if folder.is_dir()), None)
FILES = (
    sorted(p for p in FOLDER.rglob("*") if p.suffix.lower() in (".docx", ".hwpx")) if FOLDER else []
)


@pytest.mark.skipif(
    FOLDER is None,
    reason="no peer fixtures (../shared/peer-fixtures/documents) next to the checkout",
)
def test_every_peer_document_keeps_each_word_once_and_round_trips() -> None:
    assert len(FILES) >= 100, f"expected the 110 peer documents, found {len(FILES)}"
    problems: list[str] = []
    compared = 0
    for path in FILES:
        name = f"{path.parent.name}/{path.name}"
        text = read_document(path)  # no ImportFailed: every one of them is a sound file
        expected = reference_words(path)
        got = words(text)
        compared += sum(expected.values())
        lost: Counter[str] = expected - got
        doubled: Counter[str] = got - expected
        if lost or doubled:
            problems.append(
                f"{name}: lost {dict(lost.most_common(5))}, extra {dict(doubled.most_common(5))}"
            )
        app = split_document(text)
        if split_document(render_document(app)) != app:
            problems.append(f"{name}: the render/split round trip changes it")
    assert not problems, "\n".join(problems)
    assert compared > 25_000  # the count is of real text, not of empty files
