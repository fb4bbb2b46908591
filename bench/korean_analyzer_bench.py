"""The Korean analyzer's cost: load time, memory (RSS delta), per-answer check time.

Run from the repository root: ``python bench/korean_analyzer_bench.py``. Prints figures; never
fails. Each answer is checked cold (first sight of its paragraphs) and warm (one sentence
changed, as while typing: the other paragraphs' analyses come from the cache).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.writing import korean  # noqa: E402
from desktop.writing.checks import run_checks  # noqa: E402
from desktop.writing.flags import CheckContext  # noqa: E402
from tests.writing.clean_essays import CLEAN_ESSAYS  # noqa: E402


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    context = CheckContext(company="한빛물류")
    answer = "\n".join(CLEAN_ESSAYS[:4])  # about 1,000 characters, four paragraphs
    without = [time.perf_counter()]
    for _ in range(5):
        run_checks(answer, context)
        without.append(time.perf_counter())
    base_ms = statistics.median(b - a for a, b in zip(without, without[1:], strict=False)) * 1e3
    before = rss_mb()
    start = time.perf_counter()
    korean.load()
    load_s = time.perf_counter() - start
    loaded = rss_mb()
    cold, warm = [], []
    for round_ in range(5):
        text = answer.replace("입니다.", f"입니다{'.' * (round_ + 1)}", 1)
        korean._analyze.cache_clear()
        t = time.perf_counter()
        run_checks(text, context)
        cold.append(time.perf_counter() - t)
        edited = text.replace("목표입니다", f"목표{round_}입니다", 1)
        t = time.perf_counter()
        run_checks(edited, context)
        warm.append(time.perf_counter() - t)
    print(f"answer: {len(answer)} characters, {answer.count(chr(10)) + 1} paragraphs")
    print(f"checks without the analyzer: {base_ms:.1f} ms")
    print(f"analyzer load: {load_s:.2f} s, RSS {before:.0f} -> {loaded:.0f} MB "
          f"(+{loaded - before:.0f} MB)")  # fmt: skip
    print(f"checks with the analyzer, cold: {statistics.median(cold) * 1e3:.0f} ms")
    print(
        f"checks with the analyzer, one paragraph changed: {statistics.median(warm) * 1e3:.0f} ms"
    )
    print(f"RSS after checking: {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
