"""PDF reading speed: this working tree against an earlier commit, side by side.

Run from the repository root: ``python bench/pdf_speed_bench.py --against REV [--rounds 2]
[--min-pages 10] [--only TEXT]``. ``git archive REV desktop resources`` is unpacked into a
temporary folder; each round runs both versions, in alternating order, each in a fresh process
that first loads and warms the Korean analyzer (as the import's reading process does before a
file is chosen), then reads each of the long PDFs of ``../shared/peer-fixtures/hwp-pdf`` (at
least ``--min-pages`` pages; the 60-page limit lifted, so the 68-page one is read too) three
times: its first read (pdfminer's CMaps and fonts loaded, the analyzer's cache empty) and the
best of the three, in CPU seconds of the process (``time.process_time``), and whether the
text came out the same in both versions. Prints figures; never fails.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from commit_tree import export_commit

ROOT = Path(__file__).resolve().parents[1]
CORPUS = next(
    (
        path
        for path in (
            ROOT.parent / "shared" / "peer-fixtures" / "hwp-pdf",
            Path("/work/shared/peer-fixtures/hwp-pdf"),
        )
        if path.is_dir()
    ),
    None,
)
READS = 3


def worker(root: str, names: list[str]) -> dict[str, Any]:
    """One version's figures: ``root`` holds its ``desktop`` package and ``resources``."""
    import time

    sys.path.insert(0, root)
    from desktop.importing import pdf_reader
    from desktop.writing import korean

    pdf_reader.MAX_PAGES = 1000
    kiwi = korean.load()
    if kiwi is not None:
        kiwi.analyze("가")
    assert CORPUS is not None
    figures: dict[str, Any] = {}
    for name in names:
        times: list[float] = []
        digest = ""
        for _ in range(READS):
            start = time.process_time()
            text = pdf_reader.read_pdf(CORPUS / name)
            times.append(time.process_time() - start)
            digest = hashlib.sha256(text.encode()).hexdigest()
        figures[name] = {"first": times[0], "best": min(times), "text": digest}
    return figures


def pages(path: Path) -> int:
    from pdfminer.pdfpage import PDFPage

    try:
        with path.open("rb") as handle:
            return sum(1 for _ in PDFPage.get_pages(handle))
    except Exception:  # noqa: BLE001 (a locked or damaged file is not measured)
        return 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--against", required=True, help="the commit to compare with")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--min-pages", type=int, default=10)
    parser.add_argument("--only", default="", help="only files whose name holds this")
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        root, *names = args.worker
        print(json.dumps(worker(root, names)))
        return
    if CORPUS is None:
        print("no peer corpus (../shared/peer-fixtures/hwp-pdf): nothing to measure")
        return
    counts = {
        str(path.relative_to(CORPUS)): pages(path)
        for path in sorted(CORPUS.rglob("*.pdf"))
        if args.only in path.name
    }
    names = [name for name, count in counts.items() if count >= args.min_pages]
    commit = subprocess.run(
        ["git", "rev-parse", "--short", args.against], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    with tempfile.TemporaryDirectory() as old:
        export_commit(args.against, Path(old))
        roots = {"old": old, "new": str(ROOT)}
        runs: dict[str, list[dict[str, Any]]] = {"old": [], "new": []}
        for round_ in range(args.rounds):
            order = ["old", "new"] if round_ % 2 == 0 else ["new", "old"]
            for version in order:
                out = subprocess.run(
                    [sys.executable, __file__, "--against", "-", "--worker", roots[version]]
                    + names,
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                runs[version].append(json.loads(out.splitlines()[-1]))
    print(f"CPU seconds per file (process_time): old = {commit}, new = this tree")
    print(f"first read, and best of {READS} reads, of {args.rounds} fresh processes each\n")
    print(f"{'pages':>5} {'old 1st':>8} {'new 1st':>8} {'old best':>9} {'new best':>9} "
          f"{'ratio':>6}  same text  file")  # fmt: skip
    totals = {"old": 0.0, "new": 0.0}
    for name in names:
        first = {v: min(run[name]["first"] for run in runs[v]) for v in runs}
        best = {v: min(run[name]["best"] for run in runs[v]) for v in runs}
        same = {run[name]["text"] for v in runs for run in runs[v]}
        for version in totals:
            totals[version] += best[version]
        print(
            f"{counts[name]:>5} {first['old']:>8.2f} {first['new']:>8.2f} {best['old']:>9.2f} "
            f"{best['new']:>9.2f} {best['new'] / best['old']:>6.2f}  "
            f"{'yes' if len(same) == 1 else 'NO':>9}  {name.split('/')[-1][-60:]}"
        )
    print(
        f"\n{'total':>5} {'':>8} {'':>8} {totals['old']:>9.2f} {totals['new']:>9.2f} "
        f"{totals['new'] / totals['old']:>6.2f}"
    )


if __name__ == "__main__":
    main()
