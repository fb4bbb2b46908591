"""Text no keyboard makes: lone surrogates, and grapheme clusters the fast path must not miss."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from desktop.writing.checks import run_checks
from desktop.writing.counting import count, count_all, graphemes, normalize
from desktop.writing.flags import CheckContext
from desktop.writing.text import clean

# One character of every Grapheme_Cluster_Break class (Unicode 15.1, UAX #29), and the letters
# the old fast path let through as "one code point, one character".
SAMPLES = {
    "Other": "a가",
    "CR/LF": "\n",
    "Control": "\u0007\u200b",
    "Extend": "\u0301\u093c\uff9e\U0001f3fb",
    "ZWJ": "\u200d",
    "Regional_Indicator": "\U0001f1f0\U0001f1f7",
    "Prepend": "\u0d4e\u0600",
    "SpacingMark": "\u0903\u0e33\u0eb3",
    "L": "\u1100",
    "V": "\u1161",
    "T": "\u11a8",
    "LV": "\uac00",
    "LVT": "\uac01",
    "Pictographic": "\U0001f468\u2764",
}
CHARS = sorted(set("".join(SAMPLES.values())))


def _reference(text: str) -> int:
    return len(graphemes(normalize(text)))


@pytest.mark.parametrize("length", [2, 3])
def test_the_character_count_matches_grapheme_clusters_for_every_class_combination(
    length: int,
) -> None:
    """Every pair and triple of the classes' characters: the count (fast path included) is the
    number of extended grapheme clusters of the NFC text, as the regex module segments it."""
    wrong = [
        text
        for combo in itertools.product(CHARS, repeat=length)
        if count(text := "".join(combo), "chars_incl_spaces") != _reference(text)
    ]
    assert not wrong, [t.encode("unicode_escape") for t in wrong[:10]]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("\u0d4e\u0d15", 1),  # Malayalam dot reph (Prepend) joins the next letter
        ("\u0e01\u0e33", 1),  # Thai SARA AM is a spacing mark: one character with its consonant
        ("\u0ea5\u0eb3", 1),  # Lao AM likewise
        ("\uff76\uff9e", 1),  # halfwidth katakana with its voiced sound mark
    ],
)
def test_letters_that_join_their_neighbour_count_once(text: str, expected: int) -> None:
    assert count(text, "chars_incl_spaces") == expected
    assert count(text, "chars_excl_spaces") == expected


def test_the_shared_grapheme_break_test_file_where_present() -> None:
    """The public GraphemeBreakTest lines the regex module segments right are counted right."""
    source = Path(__file__).resolve().parents[3] / "shared/peer-fixtures/unicode"
    files = sorted(source.glob("GraphemeBreakTest*.txt"))
    if not files:
        pytest.skip("no ../shared/peer-fixtures (a checkout outside the workplace)")
    checked = 0
    for line in files[0].read_text(encoding="utf-8").splitlines():
        body = line.split("#")[0].strip()
        if not body:
            continue
        # librune's copy: "0020×0308÷0020", breaks (÷) and joins (×) between code points only
        inner = body.strip("÷× ")
        text = "".join(chr(int(p, 16)) for p in regex.split(r"\s*[÷×]\s*", inner))
        expected = inner.count("÷") + 1
        if len(regex.findall(r"\X", text)) != expected:
            continue  # the regex module itself differs here: not ours to fix
        if text != normalize(text):
            continue  # the count is of the NFC text (DOMAIN.md §2)
        assert count(text, "chars_incl_spaces") == expected, line
        checked += 1
    assert checked > 500


def test_lone_surrogates_are_counted_flagged_and_cleaned() -> None:
    text = "가\ud800나"
    counts = count_all(text)
    assert counts["chars_incl_spaces"] == 3
    assert counts["bytes_utf8"] == 9  # counted as the U+FFFD a browser sends instead
    flags = run_checks(text, CheckContext())
    assert [(f.rule_id, f.start, f.end) for f in flags if f.rule_id == "TXT.UNICODE"] == [
        ("TXT.UNICODE", 1, 2)
    ]
    assert clean(text) == "가\ufffd나" and clean(text).encode("utf-8")


def test_jaso_check_with_a_lone_surrogate_exits_0() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "check", "--json"],
        input='{"text": "\\ud800 역활"}',
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["counts"]["bytes_utf8"] == 10  # 3 for the broken character, 1 space, 6
    assert {"TXT.UNICODE", "KO.SPELL"} <= {f["rule_id"] for f in out["flags"]}


def test_an_answer_with_a_lone_surrogate_is_saved(tmp_path: Path) -> None:
    from desktop.store import Database
    from desktop.store import applications as apps
    from desktop.store.questions import save_answer

    db = Database(tmp_path / "jaso.sqlite3")
    app_id = db.run(apps.create_application, company="한빛물류", questions=[apps.NewQuestion("Q")])
    qid = db.run(apps.get_application, application_id=app_id).questions[0].id
    db.run(save_answer, question_id=qid, text="깨진\ud800글자")
    stored = db.run(apps.get_application, application_id=app_id).questions[0].answer
    assert stored == "깨진\ufffd글자"
    db.close()
