"""What the live counter costs the GUI thread on each pause in typing, side by side in one run.

    python bench/counter_bench.py [--runs 5]

For a 1,000-character essay and a 1 MB paste (tests/reliability/test_hostile_text.py) it times
``count_all`` and ``find_invisible`` (the two calls of ``ui/editor/counter.Counter._refresh``),
and ``find_invisible`` against the whole-text segmentation it used before (every grapheme
cluster visited in Python), with and without an invisible character in the text; and the
count without spaces against the regex substitution it used before. Medians; the ratios are
before/after. Never fails.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import regex

from desktop.writing.counting import (
    _chars_excluding_spaces,
    _invisible_in,
    _Prepared,
    count_all,
    find_invisible,
    normalize,
)

SENTENCE = "물류센터 아르바이트 당시 재고 오차율이 3.5%였고, 입고 기록 1,200건을 분석했습니다. "


def whole_text(text: str) -> int:
    """find_invisible before: the whole text segmented and every cluster looked at."""
    return len(_invisible_in(normalize(text), 0))


WHITESPACE = regex.compile(r"\s")


def without_spaces_before(prepared: _Prepared) -> int:
    """The count without spaces before: every whitespace character removed by a regex."""
    return len(WHITESPACE.sub("", prepared.norm))


def median_ms(call: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    essay = (SENTENCE * 20)[:1000]
    huge = (SENTENCE * 20 + "\n") * 800
    texts = {
        "1,000-character essay": essay,
        "1 MB paste": huge,
        "1 MB paste, one U+200B": huge[:500_000] + "\u200b" + huge[500_000:],
    }
    for name, text in texts.items():
        counts = median_ms(lambda t=text: count_all(t), args.runs)
        after = median_ms(lambda t=text: find_invisible(t), args.runs)
        before = median_ms(lambda t=text: whole_text(t), args.runs)
        assert len(find_invisible(text)) == whole_text(text)
        prepared = _Prepared(text)
        assert prepared.simple and _chars_excluding_spaces(prepared) == without_spaces_before(
            prepared
        )
        spaces_after = median_ms(lambda p=prepared: _chars_excluding_spaces(p), args.runs)
        spaces_before = median_ms(lambda p=prepared: without_spaces_before(p), args.runs)
        print(
            f"{name:<24} count_all {counts:7.1f} ms   find_invisible {after:7.1f} ms"
            f"   whole text {before:7.1f} ms   before/after {before / max(after, 0.001):7.1f}x"
        )
        print(
            f"{'':<24} without spaces {spaces_after:7.1f} ms   regex before {spaces_before:7.1f} ms"
            f"   before/after {spaces_before / max(spaces_after, 0.001):7.1f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
