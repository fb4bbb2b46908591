"""Which catalog model the Review panel offers for critiques, and the seconds it says one
takes."""

from __future__ import annotations

from pathlib import Path

from desktop.engine.catalog import CatalogEntry, load_catalog
from desktop.model_offer import critique_ability, critique_offer, estimated_seconds
from desktop.settings import Settings

GB = 2**30


def _entry(
    name: str, size_mb: int, ram: int, tasks: tuple[str, ...], free: bool = True
) -> CatalogEntry:
    return CatalogEntry(
        id=name, name=name, repo="r", file=f"{name}.gguf", quantization="Q4_K_M",
        parameters="", size_mb=size_mb, license="x", commercial_use=free, min_ram_gb=ram,
        recommended_for=tasks, sha256=None,
    )  # fmt: skip


CATALOG = [
    _entry("small-suggest", 300, 1, ("suggestions",)),
    _entry("mid-critic", 1100, 4, ("critique",)),
    _entry("big-critic", 2000, 6, ("critique",)),
    _entry("big-nc-critic", 2100, 6, ("critique",), free=False),
]


def test_the_largest_critique_model_that_fits_memory_and_disk_is_offered(tmp_path: Path) -> None:
    offer = critique_offer(tmp_path, catalog=CATALOG, memory=16 * GB, free_disk=100 * GB)
    assert offer is not None and offer.entry.id == "big-critic"  # commercial use first
    small_machine = critique_offer(tmp_path, catalog=CATALOG, memory=5 * GB, free_disk=100 * GB)
    assert small_machine is not None and small_machine.entry.id == "mid-critic"
    full_disk = critique_offer(tmp_path, catalog=CATALOG, memory=16 * GB, free_disk=GB)
    assert full_disk is None
    assert critique_offer(tmp_path, catalog=CATALOG, memory=2 * GB, free_disk=100 * GB) is None


def test_seconds_per_critique_grow_with_the_model_and_use_a_measured_speed() -> None:
    small, big = estimated_seconds(1100), estimated_seconds(2200)
    assert 10 < small < 60 and big > 1.8 * small
    assert estimated_seconds(1100, measured_tokens_per_s=10.0) > small  # slower than the bound
    offer = critique_offer(
        Path("/nonexistent/models"), catalog=CATALOG, memory=16 * GB, measured_tokens_per_s=20.0
    )
    assert offer is not None and offer.measured


def test_the_shipped_catalog_offers_a_model_on_an_8_gb_machine(tmp_path: Path) -> None:
    offer = critique_offer(tmp_path, catalog=load_catalog(), memory=8 * GB, free_disk=50 * GB)
    assert offer is not None and "critique" in offer.entry.recommended_for
    assert not offer.measured


def test_without_a_model_nothing_can_critique() -> None:
    assert critique_ability(Settings()) is False
    assert critique_ability(Settings(model_path="/models/some.gguf")) is None  # not measured yet


def test_an_offer_uses_the_speed_measured_here_scaled_to_its_size(tmp_path: Path) -> None:
    from desktop.engine.qualification import Qualification
    from desktop.model_offer import speed_measured

    model = tmp_path / "small.gguf"
    with model.open("wb") as file:
        file.truncate(2**30 // 4)  # a quarter of a GB (sparse: nothing written)
    verdict = Qualification({}, 1, 60.0, tokens_per_s=80.0)
    per_gb = speed_measured(verdict, model)
    assert per_gb == 20.0  # 80 tokens/s on 0.25 GB: 20 on a 1 GB file
    assert speed_measured(Qualification({}, 1), model) is None  # nothing measured
    assert speed_measured(verdict, tmp_path / "gone.gguf") is None
    slow = critique_offer(tmp_path, catalog=CATALOG, memory=16 * GB, measured_per_gb=5.0)
    fast = critique_offer(tmp_path, catalog=CATALOG, memory=16 * GB, measured_per_gb=per_gb)
    assert slow is not None and fast is not None and slow.measured and fast.measured
    assert slow.seconds_per_critique > fast.seconds_per_critique
