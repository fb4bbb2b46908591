"""The checks' speed with the Korean analyzer: characters per second before and after the
single analysis pass, and the re-check of a 1,000-character answer after a keystroke.

Run from the repository root: ``python bench/korean_analyzer_bench.py``. Prints figures; never
fails. "Before" is the analysis as it was until the single pass (per paragraph: a sentence
split, a tokenization of each sentence, the analyzer's spacing of each sentence, and a
typo-correcting tokenization; kept below as ``legacy_analysis``) plus the other rules;
"after" is ``run_checks`` as it is. Both run on the same text in the same process, so their
ratio holds on a busy machine even where the absolute figures do not. The text is the real
essays of ``../shared/peer-fixtures/essays`` where present, else the test suite's clean essays.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.writing import korean  # noqa: E402
from desktop.writing.checks import run_checks  # noqa: E402
from desktop.writing.flags import CheckContext  # noqa: E402
from desktop.writing.sentences import paragraph_spans  # noqa: E402
from tests.writing.clean_essays import CLEAN_ESSAYS  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ESSAYS = (
    ROOT.parent / "shared" / "peer-fixtures" / "essays" / "essays.jsonl",
    Path("/work/shared/peer-fixtures/essays/essays.jsonl"),
)
LIMIT_CHARS = 120_000  # enough to time; the whole set takes minutes on a shared machine


def texts() -> list[tuple[str, CheckContext]]:
    path = next((p for p in ESSAYS if p.is_file()), None)
    if path is None:
        return [(essay, CheckContext(company="한빛물류")) for essay in CLEAN_ESSAYS * 20]
    found: list[tuple[str, CheckContext]] = []
    total = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        context = CheckContext(company=item["company"], question=item["question"])
        found.append((item["answer"], context))
        total += len(item["answer"])
        if total >= LIMIT_CHARS:
            break
    return found


def legacy_analysis(kiwi: Any, paragraph: str) -> None:
    """The four analyzer calls each paragraph cost before the single pass."""
    for found in kiwi.split_into_sents(paragraph):
        sentence = paragraph[found.start : found.end]
        kiwi.tokenize(sentence)
        kiwi.space(sentence)
    kiwi.tokenize(paragraph, typos="basic", typo_cost_threshold=2.5)


def rate(chars: int, seconds: float) -> str:
    return f"{chars / seconds:,.0f} chars/s ({seconds:.2f} s)"


def main() -> None:
    work = texts()
    chars = sum(len(text) for text, _ in work)
    os.environ[korean.DISABLE_ENV] = ""
    kiwi = korean.load()
    if kiwi is None:
        print("kiwipiepy is not installed: nothing to compare")
        return
    print(f"text: {len(work)} answers, {chars:,} characters")
    # Before: the other rules (analyzer unloaded), then the legacy analysis of each paragraph.
    korean._kiwi = None
    started = time.perf_counter()
    for text, context in work:
        run_checks(text, context)
    rules_s = time.perf_counter() - started
    korean._kiwi = kiwi
    started = time.perf_counter()
    for text, _context in work:
        for low, high in paragraph_spans(text):
            legacy_analysis(kiwi, text[low:high])
    legacy_s = time.perf_counter() - started
    korean.clear_cache()
    started = time.perf_counter()
    for text, context in work:
        run_checks(text, context)
    after_s = time.perf_counter() - started
    print(f"other rules alone:            {rate(chars, rules_s)}")
    print(f"before (legacy analysis + rules): {rate(chars, rules_s + legacy_s)}")
    print(f"after  (single pass + rules):     {rate(chars, after_s)}")
    print(f"speed-up: {(rules_s + legacy_s) / after_s:.2f}x (target: 60,000 chars/s after)")
    keystroke(work)


def keystroke(work: list[tuple[str, CheckContext]]) -> None:
    """A 1,000-character answer checked, then re-checked after each of 20 one-character
    edits (the unchanged paragraphs' analyses come from the cache, as while typing)."""
    answer, context = next(
        ((t, c) for t, c in work if 900 <= len(t) <= 1_300 and t.count("\n") >= 2),
        ("\n".join(CLEAN_ESSAYS[:4]), CheckContext(company="한빛물류")),
    )
    korean.clear_cache()
    run_checks(answer, context)
    times = []
    for round_ in range(20):
        at = len(answer) * (round_ + 1) // 22
        answer = answer[:at] + "가" + answer[at:]
        started = time.perf_counter()
        run_checks(answer, context)
        times.append(time.perf_counter() - started)
    print(
        f"re-check after a keystroke ({len(answer)} characters, {answer.count(chr(10)) + 1} "
        f"lines): median {statistics.median(times) * 1e3:.0f} ms, worst {max(times) * 1e3:.0f} "
        "ms (target: under 50 ms)"
    )


if __name__ == "__main__":
    main()
