"""The gate's ``garbled`` rule: Korean prose with words no Korean writer wrote.

SmolLM2's interview feedback on a sample answer had rationales "이므샌", "이미집", "일괬하니다."
beside advice long enough to pass every other rule ("1. 이를 단어통합할 수 없이 조진한 것은
자동 점검 20%인다."). A field with a word the Korean analyzer does not know and the source does
not contain, or a syllable it cannot read, is rejected (``writing/fluency``), and with it the
whole answer.

The analyzer lives in the process that loaded it: the CLI and the benches ask it here; the GUI
never loads it (``writing/korean``), so the app hands the fields to its check worker process
(``score_elsewhere``). Where neither can (a build without kiwipiepy), the rule does not run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from desktop.writing import fluency

log = logging.getLogger(__name__)

Finder = Callable[[Sequence[str], str], "list[bool] | None"]
_elsewhere: Finder | None = None


def score_elsewhere(finder: Finder | None) -> None:
    """Where this process has no analyzer, ask ``finder`` (the app's check worker); None stops
    that."""
    global _elsewhere
    _elsewhere = finder


def garbled(fields: Sequence[tuple[str, str]], source: str) -> list[int]:
    """The indexes of ``fields`` (name, text) that read as broken Korean (``fluency.garbled``,
    words not in ``source``); [] where nothing can tell."""
    texts = [text for _, text in fields]
    if not texts:
        return []
    found = fluency.garbled(texts, source)
    if found is None and _elsewhere is not None:
        try:
            found = _elsewhere(texts, source)
        except Exception:  # noqa: BLE001 (no answer this time: the rule does not run)
            log.warning("could not read the model's Korean", exc_info=True)
            found = None
    if found is None or len(found) != len(texts):
        return []
    return [index for index, broken in enumerate(found) if broken]
