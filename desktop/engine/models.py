"""The models the user has: GGUF files in the models folder plus registered paths elsewhere."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from desktop.engine.catalog import CatalogEntry, load_catalog
from desktop.engine.errors import EngineError, ModelFileInvalid
from desktop.engine.gguf_check import GgufInfo, read_gguf, validate_in_subprocess
from desktop.messages import say

REGISTRY = "registered.json"
# llama.cpp's llama_ftype values (general.file_type) for the common quantizations.
FILE_TYPES = {
    0: "F32",
    1: "F16",
    2: "Q4_0",
    3: "Q4_1",
    7: "Q8_0",
    8: "Q5_0",
    9: "Q5_1",
    10: "Q2_K",
    11: "Q3_K_S",
    12: "Q3_K_M",
    13: "Q3_K_L",
    14: "Q4_K_S",
    15: "Q4_K_M",
    16: "Q5_K_S",
    17: "Q5_K_M",
    18: "Q6_K",
    19: "IQ2_XXS",
    20: "IQ2_XS",
    24: "IQ1_S",
    25: "IQ4_NL",
    26: "IQ3_S",
    27: "IQ3_M",
    28: "IQ2_S",
    29: "IQ2_M",
    30: "IQ4_XS",
    32: "BF16",
}


@dataclass(frozen=True)
class InstalledModel:
    path: Path
    info: GgufInfo | None
    error: str | None
    catalog: CatalogEntry | None
    in_models_dir: bool

    @property
    def name(self) -> str:
        if self.catalog is not None:
            return self.catalog.name
        if self.info is not None and self.info.name:
            return self.info.name
        return self.path.stem

    @property
    def quantization(self) -> str:
        if self.catalog is not None:
            return self.catalog.quantization
        file_type = self.info.file_type if self.info else None
        return FILE_TYPES.get(file_type, "?") if isinstance(file_type, int) else "?"

    @property
    def license(self) -> str:
        if self.catalog is not None:
            return self.catalog.license
        value = self.info.metadata.get("general.license") if self.info else None
        return str(value) if value else "?"

    def to_json(self) -> dict[str, object]:
        info = self.info
        return {
            "path": str(self.path),
            "name": self.name,
            "valid": self.error is None,
            "error": self.error,
            "architecture": info.architecture if info else None,
            "parameters": info.parameters if info else None,
            "file_type": info.file_type if info else None,
            "quantization": self.quantization,
            "context_length": info.context_length if info else None,
            "size": self.path.stat().st_size if self.path.exists() else None,
            "license": self.license,
            "commercial_use": self.catalog.commercial_use if self.catalog else None,
            "in_models_dir": self.in_models_dir,
        }


def _registered(models_dir: Path) -> list[Path]:
    try:
        raw = json.loads((models_dir / REGISTRY).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [Path(p) for p in raw if isinstance(p, str)]


def _write_registered(models_dir: Path, paths: list[Path]) -> None:
    models_dir.mkdir(parents=True, exist_ok=True)
    tmp = models_dir / f".{REGISTRY}.tmp"
    tmp.write_text(json.dumps(sorted({str(p) for p in paths}), ensure_ascii=False), "utf-8")
    os.replace(tmp, models_dir / REGISTRY)


def describe(path: Path, in_models_dir: bool, catalog: list[CatalogEntry]) -> InstalledModel:
    """Read a model's header (bounded, in-process: enough for a listing)."""
    entry = next((e for e in catalog if e.file == path.name), None)
    try:
        info: GgufInfo | None = read_gguf(path)
        error = None
    except EngineError as exc:
        info, error = None, str(exc)
    return InstalledModel(path, info, error, entry, in_models_dir)


def list_installed(models_dir: Path) -> list[InstalledModel]:
    catalog = load_catalog()
    own = sorted(models_dir.glob("*.gguf")) if models_dir.is_dir() else []
    models = [describe(p, True, catalog) for p in own]
    models += [describe(p, False, catalog) for p in _registered(models_dir) if p not in own]
    return models


def import_model(path: Path, models_dir: Path, *, copy: bool = False) -> InstalledModel:
    """Validate ``path`` in a subprocess, then copy it in or register it where it is."""
    path = path.resolve()
    validate_in_subprocess(path)  # raises ModelFileInvalid with the reason
    if copy:
        target = models_dir / path.name
        if target.exists():
            raise ModelFileInvalid(
                say(
                    f"{path.name} 모델은 이미 설치되어 있습니다.",
                    f"A model named {path.name} is already installed.",
                )
            )
        models_dir.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        shutil.copyfile(path, partial)
        os.replace(partial, target)
        return describe(target, True, load_catalog())
    _write_registered(models_dir, [*_registered(models_dir), path])
    return describe(path, False, load_catalog())


def remove_model(path: Path, models_dir: Path) -> None:
    """Delete a model from the models folder, or forget a registered one (its file stays)."""
    path = path.resolve()
    if path.parent == models_dir.resolve():
        path.unlink(missing_ok=True)
    _write_registered(models_dir, [p for p in _registered(models_dir) if p.resolve() != path])
