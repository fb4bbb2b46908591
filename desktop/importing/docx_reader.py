"""The body of a Word document (.docx, Transitional or Strict OOXML) as blocks, in order.

This reads ``word/document.xml`` itself rather than through python-docx, because python-docx's
API gives a different document than the file holds: ``Document.paragraphs`` and
``Document.tables`` are two lists, so a question above the table that holds its answer comes out
after it; ``row.cells`` repeats a merged cell once per grid column; a paragraph's ``text`` skips
content controls (``w:sdt``), text boxes and nested tables; and it refuses Strict OOXML. Walking
the XML once, in order, keeps every word once where the document has it.

What is left out, on purpose: deleted and moved-away revisions (``w:del``, ``w:moveFrom``), field
codes (``w:instrText``; a field's result is kept), a content control still showing its
placeholder, the fallback copy of a drawing (``mc:Fallback`` repeats the ``mc:Choice``), and the
parts outside the body (headers, footers, notes, comments).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final
from xml.etree.ElementTree import Element

from desktop.importing.blocks import Block, Cell, LeftOut, Paragraph, Table
from desktop.importing.package import Package, damaged, local_name, namespace

WORD: Final = frozenset(
    {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",  # Strict
    }
)
_MC: Final = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_INLINE_TEXT: Final = {"tab": "\t", "ptab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
# Never text of the body: revisions taken out, field codes, properties.
_NOT_TEXT: Final = frozenset(
    {
        "del",
        "moveFrom",
        "instrText",
        "delText",
        "delInstrText",
        "pPr",
        "rPr",
        "sdtPr",
        "sdtEndPr",
        "tblPr",
        "trPr",
        "tcPr",
        "fldData",
        "sectPr",
    }
)
# Wrappers that hold block content (paragraphs, tables) in their children.
_BLOCK_WRAPPERS: Final = frozenset({"customXml", "ins", "moveTo", "smartTag", "sdtContent"})


def main_part(package: Package) -> str | None:
    """The document part the package's relationships name (``word/document.xml`` as a rule)."""
    rels = package.find("_rels/.rels")
    if rels is not None:
        for rel in package.xml(rels):
            kind = rel.get("Type", "")
            if kind.endswith("/officeDocument"):  # Transitional and Strict relationship types
                return package.find(rel.get("Target", "").lstrip("/"))
    return package.find("word/document.xml")


def _is_word(node: Element, name: str) -> bool:
    return namespace(node.tag) in WORD and local_name(node.tag) == name


def _chosen(alternate: Element) -> Element | None:
    """The first ``mc:Choice`` of ``mc:AlternateContent`` (the same content as its fallback)."""
    choice = next((c for c in alternate if local_name(c.tag) == "Choice"), None)
    return (
        choice
        if choice is not None
        else next((c for c in alternate if local_name(c.tag) == "Fallback"), None)
    )


def _placeholder(sdt: Element) -> bool:
    """True for a content control that shows its prompt ("Click here to enter text.")."""
    for prop in sdt:
        if _is_word(prop, "sdtPr"):
            for item in prop:
                if _is_word(item, "showingPlcHdr"):
                    return all(v not in ("0", "false", "off") for v in item.attrib.values())
    return False


class _Body:
    def blocks(self, parent: Element) -> list[Block]:
        """The paragraphs and tables among ``parent``'s children (a body, a cell, a text box)."""
        out: list[Block] = []
        for child in parent:
            name = local_name(child.tag)
            if namespace(child.tag) == _MC and name == "AlternateContent":
                chosen = _chosen(child)
                if chosen is not None:
                    out += self.blocks(chosen)
            elif namespace(child.tag) not in WORD:
                continue
            elif name == "p":
                out += self.paragraph(child)
            elif name == "tbl":
                out.append(self.table(child))
            elif name == "sdt":
                if not _placeholder(child):
                    out += self.blocks(child)
            elif name in _BLOCK_WRAPPERS:
                out += self.blocks(child)
        return out

    def paragraph(self, p: Element) -> list[Block]:
        """The paragraph's text, then the text boxes anchored in it (a separate flow of text)."""
        parts: list[str] = []
        boxes: list[Block] = []
        self._inline(p, parts, boxes)
        return [Paragraph("".join(parts)), *boxes]

    def _inline(self, node: Element, parts: list[str], boxes: list[Block]) -> None:
        for child in node:
            name = local_name(child.tag)
            word = namespace(child.tag) in WORD
            if namespace(child.tag) == _MC and name == "AlternateContent":
                chosen = _chosen(child)
                if chosen is not None:
                    self._inline(chosen, parts, boxes)
            elif word and name == "txbxContent":
                boxes += self.blocks(child)
            elif word and name == "t":
                parts.append(child.text or "")
            elif word and name in _INLINE_TEXT:
                parts.append(_INLINE_TEXT[name])
            elif word and (name in _NOT_TEXT or (name == "sdt" and _placeholder(child))):
                continue
            else:  # runs, hyperlinks, fields, content controls, drawings that may hold a text box
                self._inline(child, parts, boxes)

    def table(self, tbl: Element) -> Table:
        # A merged cell is one w:tc in the XML (gridSpan) or an empty continuation (vMerge), so
        # reading the cells as stored keeps its text once.
        return Table(
            [[Cell(self.blocks(tc)) for tc in _children(tr, "tc")] for tr in _children(tbl, "tr")]
        )


def _children(parent: Element, name: str) -> Iterator[Element]:
    """``parent``'s ``w:<name>`` children, also those wrapped in content controls or revisions."""
    for child in parent:
        if namespace(child.tag) not in WORD:
            continue
        local = local_name(child.tag)
        if local == name:
            yield child
        elif (local == "sdt" and not _placeholder(child)) or local in _BLOCK_WRAPPERS:
            yield from _children(child, name)


# The parts outside the body, by the end of their relationship's type, as the preview lists them.
_OUTSIDE_PARTS: Final = {
    "/header": "header",
    "/footer": "footer",
    "/footnotes": "note",
    "/endnotes": "note",
    "/comments": "comment",
}


def left_out(package: Package, part: str) -> LeftOut:
    """The text of the document's headers, footers, notes and comments, a paragraph each."""
    folder, _, name = part.rpartition("/")
    rels = package.find(f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels")
    out: LeftOut = []
    if rels is None:
        return out
    for rel in package.xml(rels):
        kind = next(
            (k for end, k in _OUTSIDE_PARTS.items() if rel.get("Type", "").endswith(end)), None
        )
        target = package.find(f"{folder}/{rel.get('Target', '')}".lstrip("/"))
        if kind is None or target is None or rel.get("TargetMode") == "External":
            continue
        for paragraph in package.xml(target).iter():
            if _is_word(paragraph, "p"):
                text = "".join(t.text or "" for t in paragraph.iter() if _is_word(t, "t"))
                if text.strip():
                    out.append((kind, " ".join(text.split())))
    return out


def read_docx(package: Package, part: str) -> list[Block]:
    root = package.xml(part)
    body = next((c for c in root if _is_word(c, "body")), None)
    if body is None:
        raise damaged(package.path)
    return _Body().blocks(body)
