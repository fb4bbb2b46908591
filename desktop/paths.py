"""Every filesystem location the app uses, in one place.

``JASO_HOME`` (or ``--home``) relocates everything under one directory; otherwise the platform's
user directories are used. Nothing is ever written next to the executable.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Jaso"
HOME_ENV = "JASO_HOME"


@dataclass(frozen=True)
class AppPaths:
    """The directories one run of the app reads and writes."""

    data_dir: Path
    config_dir: Path
    cache_dir: Path
    log_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "jaso.sqlite3"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def recovery_dir(self) -> Path:
        return self.data_dir / "recovery"

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def qualifications(self) -> Path:
        """What each model file was measured able to do (``engine/qualification.py``)."""
        return self.cache_dir / "model-qualifications.json"

    @property
    def model_probes(self) -> Path:
        """Verdicts of the trial loads of model files (``engine/load_probe.py``)."""
        return self.cache_dir / "model-probes.json"

    def ensure(self) -> None:
        for directory in (self.data_dir, self.config_dir, self.cache_dir, self.log_dir):
            directory.mkdir(parents=True, exist_ok=True)


def app_paths(home: str | os.PathLike[str] | None = None) -> AppPaths:
    """Paths under ``home``, else ``$JASO_HOME``, else the platform's user directories."""
    root = home if home is not None else os.environ.get(HOME_ENV)
    if root:
        base = Path(root).expanduser().resolve()
        return AppPaths(base / "data", base / "config", base / "cache", base / "logs")
    return AppPaths(
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )


def resources_dir() -> Path:
    """The read-only ``resources/`` folder: bundled when frozen, packaged, or the source tree's."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    packaged = Path(__file__).resolve().parent / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
