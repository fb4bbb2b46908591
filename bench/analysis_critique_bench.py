"""The analysis critique on a set of real essays: score distribution per dimension, how many
distinct score vectors, items per critique, quotes found verbatim, seconds per critique.

    python bench/analysis_critique_bench.py ../shared/peer-fixtures/essays/essays.jsonl \
        [--limit N] [--show K] [--no-analyzer]

Each line of the set is a JSON object with ``question``, ``answer`` (or ``text``), ``company``,
``role`` and optional ``limit``/``lang``. ``--show K`` prints K critiques in full to read. Prints
figures, never fails.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.critique_types import DIMENSIONS, CritiqueData  # noqa: E402
from desktop.writing import korean  # noqa: E402
from desktop.writing.analysis_critique import analysis_critique  # noqa: E402
from desktop.writing.checks import run_checks  # noqa: E402
from desktop.writing.essay import EssayRequest  # noqa: E402


def _request(row: dict[str, object]) -> EssayRequest:
    raw = {
        "text": row.get("answer") or row.get("text") or "",
        "question": row.get("question") or "",
        "company": row.get("company") or "",
        "role": row.get("role") or "",
        "lang": row.get("lang") or "ko",
    }
    if row.get("limit"):
        raw["limit"] = row["limit"]
    return EssayRequest.from_json(raw)


def _show(row: dict[str, object], data: CritiqueData) -> None:
    print("=" * 100)
    print(f"[{row.get('id')}] {row.get('company')} / {row.get('role')}")
    print(f"Q: {row.get('question')}")
    print(f"A: {row.get('answer')}")
    print("-- scores")
    for name in DIMENSIONS:
        score = data["scores"][name]
        print(f"  {name:16} {score['score']}  {score['rationale']}")
    print("-- 좋은점")
    for item in data["strengths"]:
        print(f"  + {item['point']}  «{item['quote']}»")
    print("-- 아쉬운점")
    for item in data["improvements"]:
        print(f"  - [{item['severity']}] {item['issue']}: {item['why']}")
        print(f"      → {item['suggestion']}")
        if item["quote"]:
            print(f"      «{item['quote']}»")
    print(f"-- 총평: {data['summary']}")
    print(f"-- 먼저 고칠 점: {data['top_fixes']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="only the first N essays")
    parser.add_argument("--show", type=int, default=0, help="print K critiques in full")
    parser.add_argument("--no-analyzer", action="store_true", help="without kiwipiepy")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines() if line]
    if args.limit:
        rows = rows[: args.limit]
    if not args.no_analyzer:
        korean.load()
    histogram = {name: Counter[int]() for name in DIMENSIONS}
    vectors: Counter[tuple[int, ...]] = Counter()
    seconds, strengths, improvements = [], [], []
    quoted = verbatim = quotes = 0
    step = max(1, len(rows) // max(1, args.show)) if args.show else 0
    for n, row in enumerate(rows):
        request = _request(row)
        started = time.perf_counter()
        findings = run_checks(request.text, request.check_context())
        data = analysis_critique(request, findings)
        seconds.append(time.perf_counter() - started)
        vector = tuple(data["scores"][name]["score"] for name in DIMENSIONS)
        vectors[vector] += 1
        for name, value in zip(DIMENSIONS, vector, strict=True):
            histogram[name][value] += 1
        strengths.append(len(data["strengths"]))
        improvements.append(len(data["improvements"]))
        quoted += any(item["quote"] for item in data["improvements"])
        for item in [*data["strengths"], *data["improvements"]]:
            if item["quote"]:
                quotes += 1
                start, end = item.get("start"), item.get("end")
                verbatim += start is not None and request.text[start:end] == item["quote"]
        if step and n % step == 0 and n // step < args.show:
            _show(row, data)
    total = len(rows)
    print("=" * 100)
    print(f"{total} essays, analyzer {'on' if korean.loaded() else 'off'}")
    print("dimension         1    2    3    4    5   mean")
    for name in DIMENSIONS:
        counts = [histogram[name][v] for v in range(1, 6)]
        mean = sum(v * c for v, c in zip(range(1, 6), counts, strict=True)) / max(1, total)
        print(f"{name:16} " + " ".join(f"{c:4}" for c in counts) + f"   {mean:.2f}")
    common, times = vectors.most_common(1)[0] if vectors else ((), 0)
    print(f"distinct score vectors: {len(vectors)}; most common {common} x{times}")
    sums = [sum(v) * c for v, c in vectors.items()]
    print(f"total score (6-30): mean {sum(sums) / max(1, total):.1f}")
    print(
        f"strengths per critique: mean {statistics.mean(strengths):.1f}, "
        f"none in {strengths.count(0)}; improvements: mean {statistics.mean(improvements):.1f}, "
        f"none in {improvements.count(0)}"
    )
    print(f"critiques with an improvement quoting the answer: {quoted}/{total}")
    print(f"quotes verbatim at their offsets: {verbatim}/{quotes}")
    print(
        f"seconds per critique (checks + analysis): median {statistics.median(seconds):.3f}, "
        f"max {max(seconds):.3f}"
    )


if __name__ == "__main__":
    main()
