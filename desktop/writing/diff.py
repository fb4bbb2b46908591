"""Character-level differences between two versions of an answer, for side-by-side display."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

Kind = Literal["equal", "delete", "insert"]


@dataclass(frozen=True)
class Segment:
    kind: Kind
    text: str


@dataclass(frozen=True)
class SideBySide:
    """``old`` holds equal and deleted segments; ``new`` holds equal and inserted ones."""

    old: tuple[Segment, ...]
    new: tuple[Segment, ...]

    @property
    def changed(self) -> bool:
        return any(s.kind != "equal" for s in self.old + self.new)


def side_by_side(old: str, new: str) -> SideBySide:
    """Diff ``old`` against ``new`` by characters (Hangul has no useful word boundary for this)."""
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    left: list[Segment] = []
    right: list[Segment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            left.append(Segment("equal", old[i1:i2]))
            right.append(Segment("equal", new[j1:j2]))
            continue
        if i2 > i1:
            left.append(Segment("delete", old[i1:i2]))
        if j2 > j1:
            right.append(Segment("insert", new[j1:j2]))
    return SideBySide(tuple(left), tuple(right))
