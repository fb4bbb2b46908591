"""Damaged files of every supported type: one clear ``ImportFailed``, never a raw exception."""

from __future__ import annotations

import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop import messages
from desktop.importing import package
from desktop.importing.readers import ImportFailed, read_document
from tests.importing.packages import docx, hcell, hp, htbl, hwpx, p, section, tbl, tc
from tests.importing.pdf_builder import Line, pdf_bytes

DAMAGED = "is damaged and cannot be read"


def _good_docx(path: Path) -> Path:
    return docx(path, p("1. 지원 동기를 쓰십시오. (700자)") + tbl([tc("한빛물류에 지원했습니다.")]))


def _good_hwpx(path: Path) -> Path:
    return hwpx(path, section(hp("1. 지원 동기 (700자)"), hp(htbl([hcell("지원했습니다.")]))))


def _rewrite(path: Path, name: str, data: bytes | None) -> Path:
    """``path`` with its member ``name`` replaced by ``data`` (or left out when None)."""
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    if data is None:
        del members[name]
    else:
        members[name] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    return path


def _corrupt_member(path: Path, name: str) -> Path:
    """Flip bytes inside ``name``'s compressed data, so that its CRC (or inflate) fails."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 2, start + info.compress_size - 2, 7):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))
    return path


CASES: dict[str, Callable[[Path], Path]] = {
    "docx-not-a-zip": lambda d: _write(d / "a.docx", b"PK\x03\x04 not really a zip"),
    "docx-truncated-zip": lambda d: _truncate(_good_docx(d / "a.docx")),
    "docx-broken-xml": lambda d: _rewrite(
        _good_docx(d / "a.docx"), "word/document.xml", b"<w:document><w:body><w:p>"
    ),
    "docx-corrupt-member": lambda d: _corrupt_member(_good_docx(d / "a.docx"), "word/document.xml"),
    "docx-zip-version": lambda d: _garble_zip_version(_good_docx(d / "a.docx")),
    "docx-relationships-broken": lambda d: _rewrite(_good_docx(d / "a.docx"), "_rels/.rels", b"<"),
    "hwpx-not-a-zip": lambda d: _write(d / "a.hwpx", b"not a zip"),
    "hwpx-truncated-zip": lambda d: _truncate(_good_hwpx(d / "a.hwpx")),
    "hwpx-broken-xml": lambda d: _rewrite(
        _good_hwpx(d / "a.hwpx"), "Contents/section0.xml", b"<hs:sec><hp:p>"
    ),
    "hwpx-corrupt-member": lambda d: _corrupt_member(
        _good_hwpx(d / "a.hwpx"), "Contents/section0.xml"
    ),
    "pdf-garbage": lambda d: _write(d / "a.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 4),
    "pdf-truncated": lambda d: _write(d / "a.pdf", pdf_bytes([[Line(72, 700, "지원 동기")]])[:200]),
}


def _garble_zip_version(path: Path) -> Path:
    """Every central directory entry asks for zip version 25.5, which no reader has."""
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at != -1:
        data[at + 6 : at + 8] = (255).to_bytes(2, "little")
        at = data.find(b"PK\x01\x02", at + 4)
    return _write(path, bytes(data))


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _truncate(path: Path) -> Path:
    return _write(path, path.read_bytes()[: path.stat().st_size // 2])


@pytest.mark.parametrize("case", sorted(CASES))
def test_damage_is_one_clear_message(tmp_path: Path, case: str) -> None:
    path = CASES[case](tmp_path)
    with pytest.raises(ImportFailed, match=DAMAGED):
        read_document(path)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: _rewrite(_good_docx(d / "a.docx"), "word/document.xml", None), "no document"),
        (
            lambda d: _rewrite(_good_hwpx(d / "a.hwpx"), "Contents/section0.xml", None),
            "no document",
        ),
        (lambda d: _write(d / "a.pdf", pdf_bytes([], image_pages=2)), "it looks scanned"),
        (lambda d: _write(d / "a.pdf", pdf_bytes([[]])), "has no text"),
        (
            lambda d: _write(d / "a.pdf", pdf_bytes([[Line(72, 700, "암호")]], password=True)),
            "protected by a password",
        ),
    ],  # fmt: skip
)
def test_missing_parts_scans_and_passwords(
    tmp_path: Path, make: Callable[[Path], Path], message: str
) -> None:
    with pytest.raises(ImportFailed, match=message):
        read_document(make(tmp_path))


def test_a_part_larger_than_it_may_be_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _good_docx(tmp_path / "a.docx")
    monkeypatch.setattr(package, "MAX_PART_BYTES", 100)  # a zip bomb, in small
    with pytest.raises(ImportFailed, match="too large"):
        read_document(path)


@pytest.mark.parametrize("kind", ["docx", "hwpx", "pdf"])
def test_no_raw_exception_escapes_random_damage(tmp_path: Path, kind: str) -> None:
    if kind == "pdf":
        good = _write(tmp_path / "good.pdf", pdf_bytes([[Line(72, 700, "1. 지원 동기 (700자)")]]))
    else:
        good = (_good_docx if kind == "docx" else _good_hwpx)(tmp_path / f"good.{kind}")
    data = good.read_bytes()
    rng = random.Random(18)
    for attempt in range(60):
        broken = bytearray(data)
        if attempt % 3 == 0:
            broken = broken[: rng.randrange(len(broken))]
        else:
            for _ in range(rng.randrange(1, 8)):
                broken[rng.randrange(len(broken))] = rng.randrange(256)
        path = _write(tmp_path / f"broken.{kind}", bytes(broken))
        try:
            read_document(path)
        except ImportFailed:
            pass


def test_messages_follow_the_ui_language(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.docx", b"PK\x03\x04 not really a zip")
    messages.set_language("ko")
    try:
        with pytest.raises(ImportFailed, match="손상되어 읽을 수 없습니다"):
            read_document(path)
    finally:
        messages.set_language("en")
