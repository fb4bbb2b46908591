"""Word (.docx) and Hangul (.hwpx) files for the tests, written as zip + XML by hand.

Each test writes the body it is about (a table, a text box, a content control) in the markup the
two formats use, so a fixture is exactly one layout or one kind of damage.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
HP = "http://www.hancom.co.kr/hwpml/2011/paragraph"
HS = "http://www.hancom.co.kr/hwpml/2011/section"

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def _rels(strict: bool) -> str:
    kind = (
        "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
        if strict
        else "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{kind}" Target="word/document.xml"/></Relationships>'
    )


def p(*runs: str) -> str:
    """A paragraph of runs; a plain string is a run of that text."""
    return "<w:p>" + "".join(r if r.startswith("<") else run(r) for r in runs) + "</w:p>"


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def tc(*blocks: str, props: str = "") -> str:
    body = "".join(b if b.startswith("<") else p(b) for b in blocks) or "<w:p/>"
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>"


def tbl(*rows: list[str]) -> str:
    return (
        "<w:tbl><w:tblPr/>" + "".join("<w:tr>" + "".join(r) + "</w:tr>" for r in rows) + "</w:tbl>"
    )


def docx(path: Path, body: str, *, strict: bool = False) -> Path:
    """A .docx whose body is ``body`` (WordprocessingML, prefix ``w``)."""
    ns = W_STRICT if strict else W
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{ns}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        f"<w:body>{body}<w:sectPr/></w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _rels(strict))
        archive.writestr("word/document.xml", document)
    return path


def hp(*items: str) -> str:
    """An HWPX paragraph with one run holding ``items``; a plain string is an ``hp:t``."""
    inner = "".join(i if i.startswith("<") else f"<hp:t>{escape(i)}</hp:t>" for i in items)
    return f'<hp:p paraPrIDRef="0" styleIDRef="0"><hp:run charPrIDRef="0">{inner}</hp:run></hp:p>'


def hcell(*paragraphs: str, span: tuple[int, int] = (1, 1)) -> str:
    body = "".join(x if x.startswith("<") else hp(x) for x in paragraphs)
    return (
        f"<hp:tc><hp:subList>{body}</hp:subList>"
        f'<hp:cellSpan colSpan="{span[0]}" rowSpan="{span[1]}"/></hp:tc>'
    )


def htbl(*rows: list[str]) -> str:
    trs = "".join("<hp:tr>" + "".join(r) + "</hp:tr>" for r in rows)
    return f'<hp:tbl rowCnt="{len(rows)}"><hp:sz width="1000" height="1000"/>{trs}</hp:tbl>'


def section(*paragraphs: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<hs:sec xmlns:hs="{HS}" xmlns:hp="{HP}">'
        + "".join(x if x.startswith("<") else hp(x) for x in paragraphs)
        + "</hs:sec>"
    )


def hwpx(path: Path, *sections: str, separator: str = "/") -> Path:
    """A .hwpx with ``sections`` as Contents/section0.xml, section1.xml …"""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/hwp+zip", compress_type=zipfile.ZIP_STORED)
        for number, xml in reversed(list(enumerate(sections))):  # stored out of order
            archive.writestr(f"Contents{separator}section{number}.xml", xml)
    return path
