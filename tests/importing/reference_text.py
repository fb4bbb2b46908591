"""An independent word count of a document's body, to check the readers against.

It shares no code with ``desktop.importing``: it parses with lxml (the readers use the standard
library), does not walk the document's structure (it takes every text node of the body in one
flat pass, grouped by the paragraph that holds it), and knows only the rules that say which text
is the body's:

- HWPX: the ``<hp:t>`` nodes of every ``Contents/section*.xml`` (a tab, line break or special
  space inside one is a space), outside page headers and footers, foot- and endnotes, memos and
  hidden comments, and outside a tracked deletion (``deleteBegin`` … ``deleteEnd``); and the
  text of form controls (an edit box's text, a combo box's value, a ticked or unticked box's
  caption after ☑ or ☐).
- DOCX: the ``<w:t>`` nodes of the main document part, outside deleted or moved-away revisions,
  the fallback copy of a drawing (``mc:Fallback``) and a content control's placeholder text.

Words are compared after NFC and whitespace splitting; a ``#`` run alone and a trailing colon are
left out on both sides, since the layout step writes "## " before a question it found in a form
and "label: value" for a detail row.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

from lxml import etree

_SECTION = re.compile(r"contents/section\d+\.xml", re.IGNORECASE)
_HWPX_OUTSIDE_BODY = {
    "header",
    "footer",
    "footNote",
    "endNote",
    "memo",
    "memogroup",
    "hiddenComment",
    "fieldBegin",
}
_HWPX_SPACES = {"tab", "lineBreak", "nbSpace", "fwSpace"}
# Form controls hold text of the body too: what was typed into an edit box, the option chosen in
# a combo box, a check box's or radio button's caption with a mark for whether it is ticked.
_HWPX_FORM = {"edit", "comboBox", "checkBtn", "radioBtn"}


def _form_text(node: Any) -> str:
    name = _local(node)
    if name == "edit":
        return " ".join("".join(t.itertext()) for t in node if _local(t) == "text")
    if name == "comboBox":
        return str(node.get("selectedValue", ""))
    mark = "☑" if node.get("value") == "CHECKED" else "☐"
    return f"{mark} {node.get('caption', '')}"


_W = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
)
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def words(text: str) -> Counter[str]:
    """The words of ``text`` as the comparison counts them."""
    out: Counter[str] = Counter()
    for word in unicodedata.normalize("NFC", text).split():
        if word.strip("#"):
            word = word.rstrip(":：")
            if word:
                out[word] += 1
    return out


def _local(node: Any) -> str:
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def _hwpx_words(archive: zipfile.ZipFile) -> Counter[str]:
    total: Counter[str] = Counter()
    sections = [n for n in archive.namelist() if _SECTION.fullmatch(n.replace("\\", "/"))]
    for name in sections:
        root = etree.fromstring(archive.read(name))
        paragraphs: dict[Any, list[str]] = {}
        deleting = False
        for node in root.iter():
            name_ = _local(node)
            if name_ in _HWPX_FORM and not any(
                _local(a) in _HWPX_OUTSIDE_BODY for a in node.iterancestors()
            ):
                paragraph = next(a for a in node.iterancestors() if _local(a) == "p")
                paragraphs.setdefault(paragraph, []).append(f" {_form_text(node)} ")
                continue
            if name_ == "deleteBegin":
                deleting = True
            elif name_ == "deleteEnd":
                deleting = False
            parent = node.getparent()
            in_t = name_ == "t"
            child_of_t = parent is not None and _local(parent) == "t"
            if not (in_t or child_of_t):
                continue
            t = node if in_t else parent
            if any(_local(a) in _HWPX_OUTSIDE_BODY for a in t.iterancestors()):
                continue
            paragraph = next(a for a in t.iterancestors() if _local(a) == "p")
            parts = paragraphs.setdefault(paragraph, [])
            if in_t:
                if not deleting:
                    parts.append(node.text or "")
            else:
                if name_ in _HWPX_SPACES:
                    parts.append(" ")
                if not deleting:
                    parts.append(node.tail or "")
        for parts in paragraphs.values():
            total += words("".join(parts))
    return total


def _main_part(archive: zipfile.ZipFile) -> str:
    rels = etree.fromstring(archive.read("_rels/.rels"))
    for rel in rels:
        if rel.get("Type", "").endswith("/officeDocument"):
            return str(rel.get("Target")).lstrip("/")
    raise KeyError("no officeDocument relationship")


def _docx_words(archive: zipfile.ZipFile) -> Counter[str]:
    root = etree.fromstring(archive.read(_main_part(archive)))
    ns = {"w": _W[1] if root.tag.startswith("{" + _W[1]) else _W[0], "mc": _MC}
    paragraphs: dict[Any, list[str]] = {}
    skipped = (
        "ancestor::w:del or ancestor::w:moveFrom or ancestor::mc:Fallback"
        " or ancestor::w:sdtContent[../w:sdtPr/w:showingPlcHdr]"
    )
    for node in root.xpath(
        f".//w:t[not({skipped})] | .//w:r/w:tab | .//w:br | .//w:cr", namespaces=ns
    ):
        paragraph = node.xpath("ancestor::w:p[1]", namespaces=ns)
        if not paragraph:  # a w:tab inside w:pPr/w:tabs is a tab stop, not text
            continue
        parts = paragraphs.setdefault(paragraph[0], [])
        parts.append(node.text or "" if _local(node) == "t" else " ")
    total: Counter[str] = Counter()
    for parts in paragraphs.values():
        total += words("".join(parts))
    return total


def reference_words(path: Path) -> Counter[str]:
    """The words of the body of the .hwpx or .docx file at ``path``."""
    with zipfile.ZipFile(path) as archive:
        if path.suffix.lower() == ".hwpx":
            return _hwpx_words(archive)
        return _docx_words(archive)
