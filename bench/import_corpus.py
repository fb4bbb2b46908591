"""The importer over the real .pdf and .hwp files of ../shared/peer-fixtures/hwp-pdf.

Run from the repository root: ``python bench/import_corpus.py [--sample N] [--seed S]
[--only TEXT] [--spaces]``. Prints, per file and in total: seconds, words lost and doubled
against the reference text (pdftotext for a PDF, pyhwp for an HWP), numbered items run into the
line before, joins of two lines without a space (and with one), ligatures left; then a seeded
random sample of the joins without a space (``--spaces``: with one) to read and count by hand.
Never fails.

An item runs into the line before when the reference starts a line with an item marker (①, 1.,
1), (3), 가., -, •, □, ○) and the importer's text has the same marker and words in the middle
of a line instead (the words compared without spaces, so a changed spacing does not hide it).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.importing.errors import ImportFailed  # noqa: E402
from desktop.importing.pdf_mend import Join  # noqa: E402
from desktop.importing.pdf_reader import read_pdf  # noqa: E402
from desktop.importing.readers import read_document  # noqa: E402
from desktop.writing import korean  # noqa: E402
from tests.importing.reference_text import words  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "peer-fixtures" / "hwp-pdf"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/peer-fixtures/hwp-pdf")
ITEM = re.compile(
    r"^(?:[①-⑳]|\d{1,2}[.)](?=\s)|\(\d{1,2}\)|[가나다라마바사아자차카타파하][.)](?=\s)|[-•□○](?=\s))"
)
# "다. " at the start of a line ends a sentence wrapped after "…했습니" as often as it numbers.
SENTENCE_END = re.compile(r"^[가-힣]\.")
KEY_CHARS = 10  # a marker and the words after it, without spaces
LIGATURES = re.compile("[\ufb00-\ufb06]")
HANGUL = re.compile(r"[가-힣]")


@dataclass
class Result:
    name: str
    seconds: float = 0.0
    cpu: float = 0.0  # this process's CPU seconds: what the file costs on a core of its own
    ref_words: int = 0
    lost: Counter[str] = field(default_factory=Counter)
    doubled: Counter[str] = field(default_factory=Counter)
    chars_lost: int = 0  # characters other than spaces, whatever the spacing
    chars_doubled: int = 0
    run_in: list[str] = field(default_factory=list)
    inline: list[str] = field(default_factory=list)  # items inside one line of the PDF
    joins: list[Join] = field(default_factory=list)
    ligatures: int = 0
    failed: str = ""


def run_in_items(ref: str, text: str, joins: list[Join]) -> tuple[list[str], list[str]]:
    """The reference's item lines that the text has inside a line rather than at its start:
    those the importer joined to the line before (a join's second line starts with the item),
    and for a PDF those that pdfminer itself reads inside one line of the page (an item marked
    within a sentence, "…in 2022. ① For each of…", which pdftotext starts a line with)."""
    wanted: Counter[str] = Counter()
    previous = ""
    for line in ref.splitlines():
        line, before, previous = line.strip(), previous, line.strip() or previous
        match = ITEM.match(line)
        compact = "".join(line.split())
        if SENTENCE_END.match(line) and HANGUL.fullmatch(before[-1:]):
            continue
        if match and len(compact) >= len(match.group().strip()) + 4:
            wanted[compact[:KEY_CHARS]] += 1
    lines = ["".join(line.split()) for line in text.splitlines()]
    joined_heads = ["".join(join.after.split()) for join in joins]
    found: tuple[list[str], list[str]] = ([], [])
    for key, count in wanted.items():
        starts = sum(line.startswith(key) for line in lines)
        inside = [line for line in lines if key in line[1:] and not line.startswith(key)]
        for line in inside[: max(0, count - starts)]:
            at = line.index(key, 1)
            joined = not joins or any(head.startswith(key) for head in joined_heads)
            found[0 if joined else 1].append(f"…{line[max(0, at - 15) : at]}⟦{line[at : at + 20]}⟧")
    return found


def measure(path: Path, ref: str, dump: Path | None = None) -> Result:
    result = Result(f"{path.parent.name}/{path.name}")
    start, cpu = time.perf_counter(), time.process_time()
    try:
        if path.suffix.lower() == ".pdf":
            text = unicodedata.normalize("NFC", read_pdf(path, joins=result.joins))
        else:
            text = read_document(path)
    except ImportFailed as exc:
        result.failed = str(exc)
        return result
    finally:
        result.seconds = time.perf_counter() - start
        result.cpu = time.process_time() - cpu
    if dump is not None:
        (dump / f"{path.name}.txt").write_text(text, encoding="utf-8")
    expected, got = words(ref), words(text)
    result.ref_words = sum(expected.values())
    result.lost, result.doubled = expected - got, got - expected
    ref_chars, chars = Counter("".join(ref.split())), Counter("".join(text.split()))
    result.chars_lost = sum((ref_chars - chars).values())
    result.chars_doubled = sum((chars - ref_chars).values())
    result.run_in, result.inline = run_in_items(ref, text, result.joins)
    result.ligatures = len(LIGATURES.findall(text))
    return result


def _join_text(join: Join) -> str:
    return f"{join.before[-18:]}⟦{join.between or '·'}⟧{join.after[:18]}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sample", type=int, default=60)
    parser.add_argument("--seed", type=int, default=30)
    parser.add_argument("--only", default="", help="only files whose name holds this")
    parser.add_argument("--spaces", action="store_true", help="sample the joins with a space")
    parser.add_argument("--korean", action="store_true", help="sample only Hangul joins")
    parser.add_argument("--items", action="store_true", help="list every run-in item")
    parser.add_argument("--dump", type=Path, help="write each file's text into this folder")
    args = parser.parse_args()
    manifest = json.loads((CORPUS / "refs" / "manifest.json").read_text())
    start = time.perf_counter()
    kiwi = korean.load()  # once per process, as the import's reading process does
    if kiwi is not None:
        kiwi.analyze("가")  # its first analysis sets it up, also before the first file
    loaded = kiwi is not None
    print(f"Korean analyzer: {'loaded' if loaded else 'unavailable'} in "
          f"{time.perf_counter() - start:.2f} s (not counted in the files' times)")  # fmt: skip
    results: list[Result] = []
    for name, info in sorted(manifest["files"].items()):
        if info["expect"] != "text" or args.only not in name:
            continue
        ref = (CORPUS / "refs" / f"{name}.txt").read_text(encoding="utf-8")
        results.append(measure(CORPUS / name, ref, args.dump))
        r = results[-1]
        tight = sum(not j.between for j in r.joins)
        print(
            f"{r.seconds:6.2f}s (cpu {r.cpu:5.2f}s) ref {r.ref_words:6d} "
            f"lost {sum(r.lost.values()):5d} doubled "
            f"{sum(r.doubled.values()):5d} chars -{r.chars_lost}/+{r.chars_doubled} "
            f"run-in {len(r.run_in):3d} (inline {len(r.inline)}) joins "
            f"{tight:4d}/{len(r.joins) - tight:5d} lig {r.ligatures:3d}  {r.name}"
            + (f"  FAILED {r.failed}" if r.failed else ""),
            flush=True,
        )
        if args.items:
            for item in r.run_in:
                print(f"        {item}")
            for item in r.inline:
                print(f"        inline: {item}")
    for kind in (".pdf", ".hwp"):
        group = [r for r in results if r.name.lower().endswith(kind)]
        if not group:
            continue
        ref_words = sum(r.ref_words for r in group)
        lost = sum(sum(r.lost.values()) for r in group)
        doubled = sum(sum(r.doubled.values()) for r in group)
        run_in = [r for r in group if r.run_in]
        slowest = max(group, key=lambda r: r.seconds)
        costliest = max(group, key=lambda r: r.cpu)
        print(
            f"\n{kind}: {len(group)} files, {ref_words} reference words, lost {lost} "
            f"({lost / max(ref_words, 1):.2%}), doubled {doubled} "
            f"({doubled / max(ref_words, 1):.2%})"
        )
        chars_lost = sum(r.chars_lost for r in group)
        chars_doubled = sum(r.chars_doubled for r in group)
        print(f"  characters (spaces aside): lost {chars_lost}, doubled {chars_doubled}")
        print(
            f"  run-in items: {sum(len(r.run_in) for r in group)} in {len(run_in)} files "
            f"(and {sum(len(r.inline) for r in group)} marked inside one line of the page); "
            f"ligatures left: {sum(r.ligatures for r in group)}; failed: "
            f"{sum(bool(r.failed) for r in group)}"
        )
        print(
            f"  seconds: total {sum(r.seconds for r in group):.1f}, slowest "
            f"{slowest.seconds:.2f} ({slowest.name}), over 3 s: "
            f"{sum(r.seconds > 3 for r in group)}"
        )
        print(
            f"  CPU seconds: total {sum(r.cpu for r in group):.1f}, costliest "
            f"{costliest.cpu:.2f} ({costliest.name}), over 3 s: {sum(r.cpu > 3 for r in group)}"
        )
    joins = [(r.name, j) for r in results for j in r.joins]
    tight = [(n, j) for n, j in joins if not j.between]
    spaced = [(n, j) for n, j in joins if j.between == " "]
    korean_tight = [(n, j) for n, j in tight if HANGUL.search(j.before[-1:] + j.after[:1])]
    print(
        f"\njoins across line ends: {len(joins)}; without a space {len(tight)} "
        f"(Hangul at the join: {len(korean_tight)}); with a space {len(spaced)}"
    )
    pool = spaced if args.spaces else tight
    if args.korean:
        pool = [(n, j) for n, j in pool if HANGUL.search(j.before[-1:] + j.after[:1])]
    sample = random.Random(args.seed).sample(pool, min(args.sample, len(pool)))
    print(f"sample of {len(sample)} {'Korean ' if args.korean else ''}joins "
          f"{'with' if args.spaces else 'without'} a space "
          f"(seed {args.seed}):")  # fmt: skip
    for number, (name, join) in enumerate(sample, 1):
        print(f"{number:3d}. {_join_text(join)}    [{name.split('/')[-1][:40]}]")


if __name__ == "__main__":
    main()
