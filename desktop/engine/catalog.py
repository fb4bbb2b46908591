"""The curated model catalog (``resources/models.json``) and the models the user has."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.paths import resource

_FIELDS = ("id", "name", "repo", "file", "quantization", "license", "commercial_use")


@dataclass(frozen=True)
class CatalogEntry:
    id: str
    name: str
    repo: str
    file: str
    quantization: str
    parameters: str
    size_mb: int
    license: str
    commercial_use: bool
    min_ram_gb: int
    recommended_for: tuple[str, ...]
    sha256: str | None

    @classmethod
    def of(cls, raw: dict[str, Any]) -> CatalogEntry:
        missing = [name for name in _FIELDS if name not in raw]
        if missing:
            raise ValueError(f"catalog entry {raw.get('id')!r} lacks {', '.join(missing)}")
        return cls(
            id=str(raw["id"]),
            name=str(raw["name"]),
            repo=str(raw["repo"]),
            file=str(raw["file"]),
            quantization=str(raw["quantization"]),
            parameters=str(raw.get("parameters", "")),
            size_mb=int(raw.get("size_mb", 0)),
            license=str(raw["license"]),
            commercial_use=bool(raw["commercial_use"]),
            min_ram_gb=int(raw.get("min_ram_gb", 0)),
            recommended_for=tuple(raw.get("recommended_for", ())),
            sha256=raw.get("sha256") or None,
        )


def load_catalog(path: Path | None = None) -> list[CatalogEntry]:
    data = json.loads((path or resource("models.json")).read_text(encoding="utf-8"))
    return [CatalogEntry.of(item) for item in data["models"]]


def find_entry(name: str, catalog: list[CatalogEntry] | None = None) -> CatalogEntry | None:
    """A catalog entry by id, file name or display name (case-insensitive)."""
    wanted = name.casefold()
    for entry in catalog if catalog is not None else load_catalog():
        if wanted in (entry.id.casefold(), entry.file.casefold(), entry.name.casefold()):
            return entry
    return None
