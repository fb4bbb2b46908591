"""Every offline rule over real essays: flags per 1,000 characters, and samples to read.

Run from the repository root: ``python bench/rule_precision.py [--sample 25] [--seed 7]``.
The development set is ``../shared/peer-fixtures/essays/`` (real 합격 자소서 answers with their
question, company and role; edited prose as a control); it is read in place, never copied.
Each essay is checked with its own company, role and question as context, with the Korean
analyzer loaded. Prints, per rule, flags per 1,000 characters on the essays and on the edited
prose, then a seeded random sample of each rule's flags with the text around them, to be judged
by a reader (right / wrong / debatable). ``--jsonl PATH`` also writes every flag there.
Prints figures; never fails.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.writing import korean  # noqa: E402
from desktop.writing.checks import run_checks  # noqa: E402
from desktop.writing.flags import CheckContext, Flag  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CANDIDATES = (
    ROOT.parent / "shared" / "peer-fixtures" / "essays",
    Path("/work/shared/peer-fixtures/essays"),
)
# Whole-answer findings that say nothing about a passage, and rules the set cannot judge: the
# crawl's answers have no limit of ours, and an essay is not one of the user's applications.
SKIPPED = {"LEN.OVER", "LEN.UNDER"}


def folder() -> Path:
    for candidate in CANDIDATES:
        if (candidate / "essays.jsonl").is_file():
            return candidate
    sys.exit("no development set: ../shared/peer-fixtures/essays/essays.jsonl is missing")


def read(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def context_for(item: dict[str, Any]) -> CheckContext:
    return CheckContext(
        company=item.get("company") or "",
        role=item.get("role") or "",
        question=item.get("question") or "",
    )


def check_all(
    items: list[dict[str, Any]], field: str
) -> tuple[list[tuple[dict[str, Any], Flag]], int, float]:
    found: list[tuple[dict[str, Any], Flag]] = []
    chars = 0
    started = time.perf_counter()
    for item in items:
        text = item[field]
        chars += len(text)
        for flag in run_checks(text, context_for(item)):
            if flag.rule_id not in SKIPPED:
                found.append((item, flag))
    return found, chars, time.perf_counter() - started


def show(item: dict[str, Any], flag: Flag, field: str, width: int) -> str:
    text = item[field]
    before = text[max(0, flag.start - width) : flag.start].replace("\n", "⏎")
    inside = text[flag.start : flag.end].replace("\n", "⏎")
    after = text[flag.end : flag.end + width].replace("\n", "⏎")
    lines = [f"  [{item['id']}] {item.get('company', '')} | {flag.severity}"]
    if flag.rule_id == "Q.SUBASK" or flag.start == flag.end:
        lines.append(f"    Q: {item.get('question', '')[:160]}")
    lines.append(f"    …{before}⟦{inside[:120]}⟧{after}…")
    suggestion = f"  → {flag.suggestion}" if flag.suggestion else ""
    lines.append(f"    {flag.message[:160]}{suggestion}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=25)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rules", default="", help="comma-separated rule ids to sample")
    parser.add_argument("--width", type=int, default=40, help="context characters each side")
    parser.add_argument("--no-analyzer", action="store_true")
    parser.add_argument("--prose", action="store_true", help="sample the edited prose instead")
    parser.add_argument("--jsonl", type=Path, help="write every flag here")
    args = parser.parse_args()
    if not args.no_analyzer and korean.load() is None:
        print("(the Korean analyzer is not installed: its rules are left out)")
    where = folder()
    essays = read(where / "essays.jsonl")
    prose = read(where / "edited_prose.jsonl")
    essay_flags, essay_chars, essay_s = check_all(essays, "answer")
    prose_flags, prose_chars, prose_s = check_all(prose, "text")
    print(f"essays: {len(essays)} answers, {essay_chars:,} characters, checked in {essay_s:.1f} s "
          f"({essay_chars / essay_s:,.0f} chars/s)")  # fmt: skip
    print(f"edited prose: {len(prose)} chunks, {prose_chars:,} characters, {prose_s:.1f} s")
    on_essays = Counter(flag.rule_id for _item, flag in essay_flags)
    on_prose = Counter(flag.rule_id for _item, flag in prose_flags)
    hints = Counter(flag.rule_id for _item, flag in essay_flags if flag.severity == "hint")
    print(f"\n{'rule':<22}{'essays':>8}{'/1k':>8}{'prose':>8}{'/1k':>8}  hints")
    for rule in sorted(set(on_essays) | set(on_prose)):
        print(f"{rule:<22}{on_essays[rule]:>8}{on_essays[rule] * 1000 / essay_chars:>8.2f}"
              f"{on_prose[rule]:>8}{on_prose[rule] * 1000 / prose_chars:>8.2f}  "
              f"{hints[rule] or ''}")  # fmt: skip
    if args.jsonl:
        with args.jsonl.open("w", encoding="utf-8") as out:
            for source, found, field in ((
                "essays", essay_flags, "answer"), ("prose", prose_flags, "text")
            ):  # fmt: skip
                for item, flag in found:
                    text = item[field]
                    row = {"set": source, "id": item["id"], **flag.to_json()}
                    row["text"] = text[flag.start : flag.end]
                    row["around"] = text[max(0, flag.start - 30) : flag.end + 30]
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
    wanted = {r for r in args.rules.split(",") if r}
    by_rule: dict[str, list[tuple[dict[str, Any], Flag]]] = defaultdict(list)
    sampled_flags, field = (prose_flags, "text") if args.prose else (essay_flags, "answer")
    for item, flag in sampled_flags:
        by_rule[flag.rule_id].append((item, flag))
    for rule in sorted(by_rule):
        if wanted and rule not in wanted:
            continue
        found = by_rule[rule]
        picked = random.Random(args.seed).sample(found, min(args.sample, len(found)))
        print(f"\n== {rule}: {len(picked)} of {len(found)} (seed {args.seed})")
        for number, (item, flag) in enumerate(picked, 1):
            print(f"{number:>3}" + show(item, flag, field, args.width)[3:])


if __name__ == "__main__":
    main()
