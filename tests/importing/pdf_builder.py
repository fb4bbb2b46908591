"""PDF files for the tests, written by hand so that every wrap is where the test says.

The font is a Type0 font (not embedded) whose glyph ids are the Unicode code points, with a
ToUnicode map, or Adobe's predefined UniKS-UCS2-H encoding as Korean PDFs with a non-embedded
font have it. Its widths are simple: a Hangul syllable 1 em, an ASCII letter, digit or mark
0.5 em, a space 0.25 em. ``typeset`` wraps paragraphs the way the writers of counselors' PDFs
do: at spaces (Hangul's default, CSS keep-all) or between any two syllables (a browser's
default), left-aligned or justified.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SPACE_EM = 0.25
LATIN_EM = 0.5


@dataclass
class Line:
    x: float
    y: float
    text: str
    size: float = 10.0
    stretch: float = 0.0  # points spread over the spaces, as justification does


def width(text: str, size: float) -> float:
    ems = sum(SPACE_EM if c == " " else LATIN_EM if " " < c <= "~" else 1.0 for c in text)
    return ems * size


def typeset(
    paragraphs: list[str],
    *,
    wrap: Literal["word", "char"] = "word",
    justify: bool = False,
    x: float = 72.0,
    column: float = 300.0,
    size: float = 10.0,
    top: float = 760.0,
    leading: float = 14.0,
    bottom: float = 90.0,
) -> list[list[Line]]:
    """Pages of lines: each paragraph wrapped into the column, pages filled from ``top``."""
    lines: list[tuple[str, float]] = []  # text, stretch
    for paragraph in paragraphs:
        rows: list[str] = []
        current = ""
        units = paragraph.split(" ") if wrap == "word" else list(paragraph)
        for unit in units:
            glue = " " if wrap == "word" and current else ""
            candidate = current + glue + unit
            if current and width(candidate.rstrip(), size) > column:
                rows.append(current.rstrip())
                current = unit.lstrip() if wrap == "char" else unit
            else:
                current = candidate
        rows.append(current.rstrip())
        for index, row in enumerate(rows):
            last = index == len(rows) - 1
            stretch = column - width(row, size) if justify and not last and " " in row else 0.0
            lines.append((row, stretch))
    pages: list[list[Line]] = [[]]
    y = top
    for text, stretch in lines:
        if y < bottom:
            pages.append([])
            y = top
        pages[-1].append(Line(x, y, text, size, stretch))
        y -= leading
    return pages


def _hex(text: str) -> str:
    return "<" + "".join(f"{ord(c):04X}" for c in text) + ">"


def _show(line: Line) -> str:
    words = line.text.split(" ")
    spaces = len(words) - 1
    adjust = -(line.stretch / spaces) / line.size * 1000 if spaces and line.stretch else 0.0
    parts: list[str] = []
    for index, word in enumerate(words):
        parts.append(_hex(word + (" " if index < spaces else "")))
        if index < spaces and adjust:
            parts.append(f"{adjust:.3f}")
    return f"BT /F1 {line.size:g} Tf 1 0 0 1 {line.x:.2f} {line.y:.2f} Tm [{' '.join(parts)}] TJ ET"


_TO_UNICODE = (
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    "/CMapName /Identity-UCS def /CMapType 2 def\n"
    "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
    + "".join(
        f"{len(block)} beginbfrange\n"
        + "".join(f"<{hi:02X}00> <{hi:02X}FF> <{hi:02X}00>\n" for hi in block)
        + "endbfrange\n"
        for block in (range(0, 100), range(100, 200), range(200, 256))
    )
    + "endcmap CMapName currentdict /CMap defineresource pop end end\n"
)


def pdf_bytes(
    pages: list[list[Line]],
    *,
    image_pages: int = 0,
    korean_cmap: bool = False,
    password: bool = False,
    fields: dict[int, list[tuple[tuple[float, float, float, float], str]]] | None = None,
    width_pt: float = 595.0,
    height_pt: float = 842.0,
    drawing: str = "",
) -> bytes:
    """A PDF of ``pages``, then ``image_pages`` pages holding only a picture (a scan).

    ``fields``: text form fields filled in on a page (page index: rectangle, value), each a
    field with its value and a widget annotation as its kid, as form-filling programs write them.
    ``drawing``: content drawn on each page around its text (rules, boxes), before each line.
    """
    objects: list[bytes] = []

    def add(body: str | bytes) -> int:
        objects.append(body.encode("latin-1") if isinstance(body, str) else body)
        return len(objects)

    def stream(data: str, extra: str = "") -> int:
        raw = data.encode("latin-1")
        return add(
            b"<< /Length %d %s>>\nstream\n" % (len(raw), extra.encode()) + raw + b"\nendstream"
        )

    catalog = add("<< /Type /Catalog /Pages 2 0 R >>")
    pages_id = add("")  # filled in below, once the kids are known
    if korean_cmap:
        system, encoding, unicode_map = (
            "(Adobe) /Ordering (Korea1) /Supplement 2",
            "UniKS-UCS2-H",
            "",
        )
    else:
        to_unicode = stream(_TO_UNICODE)
        system, encoding = "(Adobe) /Ordering (Identity) /Supplement 0", "Identity-H"
        unicode_map = f"/ToUnicode {to_unicode} 0 R"
    widths = f"[32 [{SPACE_EM * 1000:g}] 33 126 {LATIN_EM * 1000:g}]"
    descriptor = add(
        "<< /Type /FontDescriptor /FontName /TestGothic /Flags 4 /FontBBox [0 -200 1000 900] "
        "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>"
    )
    cid_font = add(
        f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestGothic /CIDSystemInfo "
        f"<< /Registry {system} >> /FontDescriptor {descriptor} 0 R /DW 1000 /W {widths} >>"
    )
    font = add(
        f"<< /Type /Font /Subtype /Type0 /BaseFont /TestGothic /Encoding /{encoding} "
        f"/DescendantFonts [{cid_font} 0 R] {unicode_map} >>"
    )
    image = stream(
        "\xff",
        "/Type /XObject /Subtype /Image /Width 1 /Height 1 "
        "/ColorSpace /DeviceGray /BitsPerComponent 8 ",
    )
    kids: list[int] = []
    form_fields: list[int] = []
    contents = ["\n".join(drawing + _show(line) for line in page) for page in pages]
    contents += ["q 400 0 0 560 90 140 cm /Im1 Do Q"] * image_pages
    for number, content in enumerate(contents):
        body = stream(content)
        widgets: list[int] = []
        for rect, value in (fields or {}).get(number, []):
            utf16 = value.encode("utf-16be").hex()
            parent = add(
                f"<< /FT /Tx /T (field{len(form_fields)}) /V <FEFF{utf16}> "
                f"/Kids [{len(objects) + 2} 0 R] >>"
            )
            form_fields.append(parent)
            widgets.append(
                add(
                    f"<< /Type /Annot /Subtype /Widget /Parent {parent} 0 R "
                    f"/Rect [{' '.join(f'{v:g}' for v in rect)}] >>"
                )
            )
        annots = f"/Annots [{' '.join(f'{w} 0 R' for w in widgets)}]" if widgets else ""
        kids.append(
            add(
                f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {width_pt:g} {height_pt:g}] "
                f"/Resources << /Font << /F1 {font} 0 R >> /XObject << /Im1 {image} 0 R >> >> "
                f"/Contents {body} 0 R {annots} >>"
            )
        )
    if form_fields:
        objects[catalog - 1] = (
            f"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields "
            f"[{' '.join(f'{f} 0 R' for f in form_fields)}] >> >>"
        ).encode()
    objects[pages_id - 1] = (
        f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    ).encode()
    trailer_extra = ""
    if password:  # a user password is set: the empty one does not open it
        encrypt = add(
            "<< /Filter /Standard /V 1 /R 2 /P -4 /O <" + "11" * 32 + "> /U <" + "22" * 32 + "> >>"
        )
        trailer_extra = f"/Encrypt {encrypt} 0 R /ID [<{'33' * 16}> <{'33' * 16}>]"
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R {trailer_extra} >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)
