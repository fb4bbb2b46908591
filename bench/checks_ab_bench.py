"""The checks with the Korean analyzer, this working tree against an earlier commit, side by side.

Run from the repository root: ``python bench/checks_ab_bench.py --against REV [--rounds 5]``.
``git archive REV desktop resources`` is unpacked into a temporary folder; each round runs
both versions, in alternating order, in fresh processes on the same text (the real essays of
``../shared/peer-fixtures/essays`` up to ``--chars``, else the test suite's clean essays): the
analyzer loaded and warmed on other text first, its cache empty, then every answer checked once
(``run_checks``), then a 1,000-character answer re-checked after each of 20 one-character
edits. Prints medians of wall and CPU seconds (CPU counts every thread, so it says what the
work costs where the machine is busy) and the ratios. Prints figures; never fails.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from commit_tree import export_commit

ROOT = Path(__file__).resolve().parents[1]
ESSAYS = (
    ROOT.parent / "shared" / "peer-fixtures" / "essays" / "essays.jsonl",
    Path("/work/shared/peer-fixtures/essays/essays.jsonl"),
)


def worker(root: str, chars: int) -> dict[str, Any]:
    """One version's figures: ``root`` holds its ``desktop`` package and ``resources``."""
    sys.path.insert(0, root)
    from desktop.writing import korean
    from desktop.writing.checks import run_checks
    from desktop.writing.flags import CheckContext

    path = next((p for p in ESSAYS if p.is_file()), None)
    work: list[tuple[str, Any]] = []
    if path is None:
        sys.path.append(str(ROOT))
        from tests.writing.clean_essays import CLEAN_ESSAYS

        work = [(essay, CheckContext(company="한빛물류")) for essay in CLEAN_ESSAYS * 20]
    else:
        total = 0
        lines = path.read_text(encoding="utf-8").splitlines()
        for line in lines:
            item = json.loads(line)
            work.append((item["answer"], CheckContext(company=item["company"])))
            total += len(item["answer"])
            if total >= chars:
                break
        warm = [json.loads(line)["answer"] for line in lines[-20:]]
    if korean.load() is None:
        return {}
    for text in warm if path is not None else ["한빛물류에서 일하고 싶습니다."]:
        run_checks(text, CheckContext(company="한빛물류"))  # warm: first calls, regex caches
    korean.clear_cache()
    wall, cpu = time.perf_counter(), time.process_time()
    for text, context in work:
        run_checks(text, context)
    figures = {
        "chars": sum(len(text) for text, _ in work),
        "wall": time.perf_counter() - wall,
        "cpu": time.process_time() - cpu,
    }
    answer, context = next(
        ((t, c) for t, c in work if 900 <= len(t) <= 1_300),
        (work[0][0] * 3, work[0][1]),
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
    figures["keystroke_ms"] = statistics.median(times) * 1e3
    figures["keystroke_chars"] = len(answer)
    return figures


def run(root: Path, chars: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--worker", str(root), "--chars", str(chars)],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="HEAD", help="the commit to compare with")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--chars", type=int, default=120_000)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.chars)))
        return
    with tempfile.TemporaryDirectory() as folder:
        before = Path(folder)
        export_commit(args.against, before)
        results: dict[str, list[dict[str, Any]]] = {"before": [], "after": []}
        for round_ in range(args.rounds):
            order = [("before", before), ("after", ROOT)]
            for name, root in order if round_ % 2 == 0 else order[::-1]:
                results[name].append(run(root, args.chars))
    if not results["after"][0]:
        print("kiwipiepy is not installed: nothing to compare")
        return
    chars = results["after"][0]["chars"]
    print(f"text: {chars:,} characters; {args.rounds} rounds, before = {args.against}")
    medians = {}
    for name, rows in results.items():
        wall = statistics.median(r["wall"] for r in rows)
        cpu = statistics.median(r["cpu"] for r in rows)
        key = statistics.median(r["keystroke_ms"] for r in rows)
        medians[name] = (wall, cpu, key)
        walls = ", ".join(f"{r['wall']:.2f}" for r in rows)
        print(
            f"{name:<7} {chars / wall:>8,.0f} chars/s wall ({wall:.2f} s; rounds: {walls}), "
            f"{chars / cpu:>8,.0f} chars/CPU-s ({cpu:.2f} s); re-check after a keystroke "
            f"({rows[0]['keystroke_chars']} chars): median {key:.0f} ms"
        )
    (bw, bc, bk), (aw, ac, ak) = medians["before"], medians["after"]
    print(f"speed-up: wall {bw / aw:.2f}x, CPU {bc / ac:.2f}x, keystroke {bk / ak:.2f}x")


if __name__ == "__main__":
    main()
