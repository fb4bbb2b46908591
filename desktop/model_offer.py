"""What the Review panel says about the model: whether it can critique, and which catalog model
would on this machine, with its size and the seconds a critique would take.

``critique_ability`` is where the model's qualification (issue 26, measured per model file and
task, cached like the load probe) answers "can this model critique?"; until a verdict exists it
answers None (unknown), and the panel goes by what the last review was (an automatic analysis
means the model's critique did not pass). ``critique_offer`` picks the model to offer.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from desktop.engine.catalog import CatalogEntry, load_catalog
from desktop.engine.memory import total_memory
from desktop.engine.qualification import CRITIQUE_EN, CRITIQUE_KO, Qualification
from desktop.settings import Settings

# What a critique costs, in tokens: the prompt (instructions, rubric, findings, a 700-character
# answer) and the JSON answer.
PROMPT_TOKENS: Final = 1500
ANSWER_TOKENS: Final = 600
# Prompt and generation speed times the model file's size in GB, from llama-bench on a 2-core
# machine (DESIGN.md §8: a 1.5 B Q4_K_M model, 1.1 GB, reads ~165 prompt tokens/s and writes
# ~38 tokens/s); both are bound by memory bandwidth, so they scale with 1/size.
PROMPT_TOKENS_PER_S_GB: Final = 185.0
GENERATED_TOKENS_PER_S_GB: Final = 42.0
CRITIQUE_TASK: Final = "critique"


@dataclass(frozen=True)
class ModelOffer:
    """A catalog model that fits this machine and is declared fit for critiques."""

    entry: CatalogEntry
    seconds_per_critique: float
    measured: bool  # from this machine's measured speed; False: estimated from the size


def critique_ability(settings: Settings, verdict: Qualification | None = None) -> bool | None:
    """Whether the model that critiques (``model_choice.choose_model(settings, "critique")``)
    passed the critique qualification (``engine/qualification.py``) in Korean or English: True,
    False, or None while no verdict is known. Without a model file, nothing can critique."""
    if not settings.model_path:
        return False
    if verdict is None:
        return None
    return verdict.can(CRITIQUE_KO) or verdict.can(CRITIQUE_EN)


def estimated_seconds(size_mb: int, measured_tokens_per_s: float | None = None) -> float:
    """Seconds per critique for a model file of ``size_mb``: from this machine's measured
    generation speed when given, else from the file's size (see the constants above)."""
    size_gb = max(size_mb, 1) / 1024
    prompt_speed = PROMPT_TOKENS_PER_S_GB / size_gb
    write_speed = measured_tokens_per_s or GENERATED_TOKENS_PER_S_GB / size_gb
    return PROMPT_TOKENS / prompt_speed + ANSWER_TOKENS / write_speed


def speed_measured(verdict: Qualification | None, model: Path | None) -> float | None:
    """Tokens/s a catalog model of 1 GB would write here, scaled from what ``model`` (the
    file ``verdict`` measured) wrote during its qualification set: generation is bound by
    memory bandwidth, so the speed goes with 1/size. None when nothing was measured."""
    if verdict is None or verdict.tokens_per_s <= 0 or model is None:
        return None
    try:
        size_gb = model.stat().st_size / 2**30
    except OSError:
        return None
    return verdict.tokens_per_s * size_gb if size_gb > 0 else None


def _free_disk(folder: Path) -> int | None:
    for place in (folder, *folder.parents):
        if place.exists():
            try:
                return shutil.disk_usage(place).free
            except OSError:
                return None
    return None


def critique_offer(
    models_dir: Path,
    *,
    catalog: list[CatalogEntry] | None = None,
    memory: int | None = None,
    free_disk: int | None = None,
    measured_tokens_per_s: float | None = None,
    measured_per_gb: float | None = None,
) -> ModelOffer | None:
    """The catalog model to offer for critiques on this machine, or None if none fits.

    Its seconds per critique come from ``measured_tokens_per_s`` (the offered model's own
    speed), else ``measured_per_gb`` (``speed_measured``: this machine's speed, scaled to the
    offered file's size), else from its size alone.

    Candidates are declared for critiques (``recommended_for``), need no more memory than the
    machine has (``min_ram_gb``) and fit the free disk where models are kept with 10 % to spare.
    Of those, models allowed for commercial use come first (a counseling center may charge),
    then the largest (a bigger model critiques better), then the smaller file.
    """
    entries = catalog if catalog is not None else load_catalog()
    memory = memory if memory is not None else total_memory()
    disk = free_disk if free_disk is not None else _free_disk(models_dir)
    fitting = [
        entry
        for entry in entries
        if CRITIQUE_TASK in entry.recommended_for
        and entry.min_ram_gb * 2**30 <= memory
        and (disk is None or entry.size_mb * 2**20 * 1.1 <= disk)
    ]
    if not fitting:
        return None
    best = max(fitting, key=lambda e: (e.commercial_use, e.min_ram_gb, -e.size_mb))
    speed = measured_tokens_per_s
    if speed is None and measured_per_gb is not None:
        speed = measured_per_gb / (max(best.size_mb, 1) / 1024)
    seconds = estimated_seconds(best.size_mb, speed)
    return ModelOffer(best, seconds, measured=speed is not None)
