"""The body of a Hangul document (.hwpx) as blocks, in order.

HWPX keeps each section in ``Contents/section<N>.xml``: paragraphs (``hp:p``) of runs; a run
holds text (``hp:t``) and objects (a table ``hp:tbl``, a text box ``hp:rect``/``hp:drawText``, a
picture with a caption). Three things the plain walk over ``hp:t`` got wrong:

- an ``hp:t`` holds marks between its words (a tab, a line break, a highlight, a tracked
  change): the text after each mark is that mark's XML tail, and is as much a part of the
  sentence as the text before it;
- a table or text box sits inside a run of the paragraph that anchors it, so a paragraph's text
  must come from its own runs only; the object's paragraphs are blocks of their own, after it;
- some writers store the sections as ``Contents\\section0.xml``.

Left out, on purpose: page headers and footers, foot- and endnotes, memos and hidden comments
(``hp:ctrl`` and the memo containers), and text inside a tracked deletion.
"""

from __future__ import annotations

import re
from typing import Final
from xml.etree.ElementTree import Element

from desktop.importing.blocks import (
    Block,
    Cell,
    LeftOut,
    Paragraph,
    Progress,
    Table,
    no_progress,
)
from desktop.importing.form_fields import HWPX_CONTROLS, hwpx_text
from desktop.importing.package import Package, local_name

_SECTION: Final = re.compile(r"contents/section(\d+)\.xml", re.IGNORECASE)
# The marks inside hp:t that stand for a character; the others (highlight, tracked-change and
# title marks) stand for nothing.
_MARKS: Final = {"tab": "\t", "lineBreak": "\n", "nbSpace": " ", "fwSpace": " ", "hyphen": "-"}
_OUTSIDE_BODY: Final = frozenset(
    {
        "ctrl",
        "header",
        "footer",
        "footNote",
        "endNote",
        "memogroup",
        "memo",
        "hiddenComment",
        "fieldBegin",
        "secPr",
        "linesegarray",
        "shapeComment",
    }
)
_CAPTION_BEFORE: Final = frozenset({"TOP", "LEFT"})
# What is left out and listed as not imported, by kind.
_LEFT_OUT: Final = {
    "header": "header",
    "footer": "footer",
    "footNote": "note",
    "endNote": "note",
    "memo": "comment",
    "hiddenComment": "comment",
}


def section_names(package: Package) -> list[str]:
    """The package's sections in their order (section2 before section10)."""
    found = [(m, n) for n in package.names if (m := _SECTION.fullmatch(n))]
    return [name for match, name in sorted(found, key=lambda pair: int(pair[0].group(1)))]


class _Section:
    def __init__(self, left_out: LeftOut) -> None:
        self.deleting = False  # inside a tracked deletion, which can span runs and paragraphs
        self.left_out = left_out

    def content(self, node: Element) -> list[Block]:
        """The blocks in ``node``: a section, a cell's list, a text box, a caption."""
        name = local_name(node.tag)
        if name == "p":
            return self.paragraph(node)
        if name == "tbl":
            return self.table(node)
        if name in _OUTSIDE_BODY:
            self._leave_out(node)
            return []
        if name == "switch":  # like mc:AlternateContent: the first case, else the default
            chosen = next((c for c in node if local_name(c.tag) == "case"), None)
            if chosen is None:
                chosen = next((c for c in node if local_name(c.tag) == "default"), None)
            return [] if chosen is None else self.content(chosen)
        return self.content_of(node)

    def _leave_out(self, node: Element) -> None:
        """List the text of a header, footer, note or memo in ``node`` (or ``node`` itself)."""
        for part in node.iter():
            name = local_name(part.tag)
            memo = name == "fieldBegin" and part.get("type", "").upper() == "MEMO"
            kind = "comment" if memo else _LEFT_OUT.get(name)
            if kind is not None:
                text = " ".join(
                    "".join(t.itertext()) for t in part.iter() if local_name(t.tag) == "t"
                ).strip()
                if text:
                    self.left_out.append((kind, " ".join(text.split())))

    def paragraph(self, p: Element) -> list[Block]:
        parts: list[str] = []
        objects: list[Block] = []
        for run in p:
            if local_name(run.tag) != "run":
                continue
            for item in run:
                name = local_name(item.tag)
                if name == "t":
                    self._text(item, parts)
                elif name in HWPX_CONTROLS:  # a form control: what was typed, chosen, ticked
                    if field := hwpx_text(item):
                        parts += [" ", field, " "]
                elif name in ("deleteBegin", "deleteEnd"):
                    self.deleting = name == "deleteBegin"
                else:
                    objects += self.content(item)
        return [Paragraph("".join(parts)), *objects]

    def _text(self, t: Element, parts: list[str]) -> None:
        if t.text and not self.deleting:
            parts.append(t.text)
        for mark in t:
            name = local_name(mark.tag)
            if name in ("deleteBegin", "deleteEnd"):
                self.deleting = name == "deleteBegin"
            elif not self.deleting:
                parts.append(_MARKS.get(name, ""))
            if mark.tail and not self.deleting:
                parts.append(mark.tail)

    def table(self, tbl: Element) -> list[Block]:
        before: list[Block] = []
        after: list[Block] = []
        rows: list[list[Cell]] = []
        for child in tbl:
            name = local_name(child.tag)
            if name == "tr":
                # A merged cell is stored once (cellSpan); the cells it covers are absent.
                rows.append([Cell(self.content(tc)) for tc in child if local_name(tc.tag) == "tc"])
            elif name == "caption":
                side = before if child.get("side", "") in _CAPTION_BEFORE else after
                side += self.content_of(child)
        return [*before, Table(rows), *after]

    def content_of(self, node: Element) -> list[Block]:
        out: list[Block] = []
        for child in node:
            out += self.content(child)
        return out


def read_hwpx(
    package: Package,
    sections: list[str],
    progress: Progress = no_progress,
    left_out: LeftOut | None = None,
) -> list[Block]:
    reader = _Section([] if left_out is None else left_out)
    blocks: list[Block] = []
    for index, name in enumerate(sections):
        blocks += reader.content(package.xml(name))
        progress(index + 1, len(sections))
    return blocks
