"""KO.GRAMMAR's 데/대 kind on the real essays: its flags as written, and on copies in which one
real -는데/-던데 is written -대 (the confusion, planted into real sentences).

Run from the repository root: ``python bench/dedae_precision.py [--sample 25] [--seed 7]``.
The development set is ``../shared/peer-fixtures/essays/`` (read in place, never copied). Prints
the flags on the essays and the edited prose as written (every one is a false alarm unless a
reader finds the writer's own 대 mistake), then, for the planted copies, how many were flagged,
which were not (by the syllable before 는/던), any flag elsewhere in a copy, and a seeded sample
of the flags to read. Prints figures; never fails.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import regex

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.writing.checks_usage import RULES  # noqa: E402
from desktop.writing.flags import CheckContext, Flag  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CANDIDATES = (
    ROOT.parent / "shared" / "peer-fixtures" / "essays",
    Path("/work/shared/peer-fixtures/essays"),
)
KIND = "데/대"
_CONNECTIVE = regex.compile(r"(?<=[가-힣](?:는|던))데(?=요?(?![가-힣]))")


def read(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def flags(text: str, context: CheckContext) -> list[Flag]:
    found = [flag for rule in RULES for flag in rule(text, context)]
    return [flag for flag in found if flag.rule_id == "KO.GRAMMAR" and KIND in flag.ref]


def around(text: str, flag: Flag, width: int = 25) -> str:
    before = text[max(0, flag.start - width) : flag.start]
    return f"…{before}⟦{text[flag.start : flag.end]}⟧{text[flag.end : flag.end + 15]}…"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=25)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    where = next((c for c in CANDIDATES if (c / "essays.jsonl").is_file()), None)
    if where is None:
        sys.exit("no development set: ../shared/peer-fixtures/essays/essays.jsonl is missing")
    essays = read(where / "essays.jsonl")
    prose = read(where / "edited_prose.jsonl")
    as_written = [
        (item["id"], text, flag)
        for item, text, context in (
            *((i, i["answer"], CheckContext(company=i["company"] or "")) for i in essays),
            *((i, i["text"], CheckContext()) for i in prose),
        )
        for flag in flags(text, context)
    ]
    chars = sum(len(i["answer"]) for i in essays) + sum(len(i["text"]) for i in prose)
    print(f"as written ({len(essays)} essays and {len(prose)} prose chunks, {chars:,} chars): "
          f"{len(as_written)} flags")  # fmt: skip
    for item_id, text, flag in as_written:
        print(f"  [{item_id}] {around(text, flag)} → {flag.suggestion}")
    hits: list[tuple[str, str, Flag]] = []
    misses: list[tuple[str, str]] = []
    elsewhere: list[tuple[str, str, Flag]] = []
    for item in essays:
        text, context = item["answer"], CheckContext(company=item["company"] or "")
        for match in _CONNECTIVE.finditer(text):
            planted = text[: match.start()] + "대" + text[match.end() :]
            found = flags(planted, context)
            on_it = [f for f in found if f.start <= match.start() < f.end]
            elsewhere += [(item["id"], planted, f) for f in found if f not in on_it]
            if on_it:
                hits.append((item["id"], planted, on_it[0]))
            else:
                word_start = planted.rfind(" ", 0, match.start()) + 1
                misses.append((item["id"], planted[word_start : match.end() + 1]))
    total = len(hits) + len(misses)
    print(f"\nplanted (one real -는데/-던데 written -대 per copy): {total}; flagged {len(hits)} "
          f"({len(hits) / max(total, 1):.0%}), not flagged {len(misses)}, "
          f"flags elsewhere in a copy {len(elsewhere)}")  # fmt: skip
    by_syllable = Counter(word[: word.rfind("는")][-1:] or "?" for _id, word in misses)
    print(f"  not flagged, by the syllable before 는: {dict(by_syllable.most_common())}")
    for item_id, word in misses:
        print(f"    [{item_id}] {word}")
    for item_id, planted, flag in elsewhere:
        print(f"  elsewhere [{item_id}] {around(planted, flag)} → {flag.suggestion}")
    picked = random.Random(args.seed).sample(hits, min(args.sample, len(hits)))
    print(f"\nsample: {len(picked)} of {len(hits)} flags on planted copies (seed {args.seed})")
    for number, (item_id, planted, flag) in enumerate(picked, 1):
        print(f"{number:>3} [{item_id}] {around(planted, flag)} → {flag.suggestion}")


if __name__ == "__main__":
    main()
