"""The zip packages behind .docx and .hwpx, opened so that any damage is one ``ImportFailed``.

A damaged file shows up in many ways (not a zip, a truncated or corrupt member, an encrypted
member, broken XML, a missing part); every one of them ends here as a sentence the user can act
on, never as ``BadZipFile``, ``zlib.error`` or ``ParseError`` reaching the dialog.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import Final
from xml.etree import ElementTree

from desktop.importing.errors import ImportFailed
from desktop.messages import say

MAX_PART_BYTES: Final = 60_000_000  # uncompressed; a zip bomb stops here, not in memory


def damaged(path: Path) -> ImportFailed:
    return ImportFailed(
        say(
            f"{path.name} 파일이 손상되어 읽을 수 없습니다. 만든 프로그램(한글, Word)에서 열어 "
            "다시 저장한 뒤 가져오십시오.",
            f"{path.name} is damaged and cannot be read. Open it in the program that made it "
            "(Hangul, Word), save it again, and import that.",
        )
    )


def too_large(path: Path) -> ImportFailed:
    return ImportFailed(
        say(
            f"{path.name} 파일이 너무 커서 가져올 수 없습니다.",
            f"{path.name} is too large to import.",
        )
    )


class Package:
    """A zip whose member names use ``/`` (some writers store ``Contents\\section0.xml``)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._zip = zipfile.ZipFile(path)
            infos = self._zip.infolist()
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            OSError,
            EOFError,
            ValueError,
            NotImplementedError,  # a directory whose "version needed" is garbage
        ) as exc:
            raise damaged(path) from exc
        self.names: dict[str, zipfile.ZipInfo] = {
            info.filename.replace("\\", "/").lstrip("/"): info for info in infos
        }

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self._zip.close()

    def find(self, name: str) -> str | None:
        """``name`` as stored, matched without regard to case (zip tools differ on it)."""
        if name in self.names:
            return name
        folded = name.casefold()
        return next((n for n in self.names if n.casefold() == folded), None)

    def read(self, name: str) -> bytes:
        info = self.names[name]
        if info.file_size > MAX_PART_BYTES:
            raise too_large(self.path)
        try:
            with self._zip.open(info) as member:
                data = member.read(MAX_PART_BYTES + 1)
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            RuntimeError,  # an encrypted member
            NotImplementedError,  # a compression method zipfile lacks
        ) as exc:
            raise damaged(self.path) from exc
        if len(data) > MAX_PART_BYTES:  # the header lied about the size
            raise too_large(self.path)
        return data

    def xml(self, name: str) -> ElementTree.Element:
        data = self.read(name)
        try:
            # A zip member; the standard parser does not fetch external entities and expat
            # (2.4+) refuses exponential entity expansion.
            return ElementTree.fromstring(data)  # noqa: S314
        except (ElementTree.ParseError, ValueError) as exc:
            raise damaged(self.path) from exc


def local_name(tag: object) -> str:
    """``"t"`` for ``"{namespace}t"``; ``""`` for a comment or processing instruction."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def namespace(tag: object) -> str:
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""
