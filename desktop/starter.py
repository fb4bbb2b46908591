"""The starter model: writing help on the first start, before any download.

When no model is chosen yet and the starter package (Gemma 3 270M) is installed, it is joined
into the models folder and chosen for suggestions, once: a user who removes it or picks another
model is not given it again (``Settings.starter_offered``). ``JASO_NO_STARTER=1`` turns it off
(tests, and installs that ship no model on purpose).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from desktop.engine.packaged_models import assemble_starter, starter_available
from desktop.paths import AppPaths
from desktop.settings import Settings

log = logging.getLogger(__name__)
DISABLE_ENV = "JASO_NO_STARTER"


def wants_starter(settings: Settings) -> bool:
    return (
        not settings.starter_offered
        and not settings.model_path
        and os.environ.get(DISABLE_ENV) != "1"
        and starter_available()
    )


def install_starter(paths: AppPaths, settings: Settings) -> Path | None:
    """Join the starter model into the models folder and choose it; None if it cannot be.

    Runs off the GUI thread (about a second: 253 MB copied and checked). The settings are
    changed in place; the caller saves them.
    """
    settings.starter_offered = True
    try:
        paths.models_dir.mkdir(parents=True, exist_ok=True)
        path = assemble_starter(paths.models_dir)
    except (OSError, ValueError) as exc:  # a full disk, a damaged chunk: start without it
        log.warning("the starter model could not be installed: %s", exc)
        return None
    if not settings.model_path:
        settings.model_path = str(path)
        settings.model_backend = "llama_cpp"
    return path
