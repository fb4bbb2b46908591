"""``jaso models``: list, import, validate and download models, headless."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.engine.errors import EngineError, ModelFileInvalid, ModelFileMissing

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INVALID = 3


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    models = sub.add_parser("models", help="list, import, validate and download models")
    commands = models.add_subparsers(dest="models_command", required=True)
    listing = commands.add_parser("list", help="installed models and the catalog")
    listing.add_argument("--json", action="store_true")
    imported = commands.add_parser("import", help="import a local GGUF file")
    imported.add_argument("path")
    imported.add_argument("--copy", action="store_true", help="copy it into the models folder")
    validate = commands.add_parser("validate", help="check a GGUF file (exit 3 if invalid)")
    validate.add_argument("path")
    download = commands.add_parser("download", help="download a catalog model")
    download.add_argument("name", help="catalog id, file name or display name")


def _out(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")


def run_models(args: argparse.Namespace) -> int:
    from desktop.paths import app_paths

    models_dir = app_paths().models_dir
    command = args.models_command
    try:
        if command == "list":
            from desktop.engine.catalog import load_catalog
            from desktop.engine.models import list_installed

            installed = [m.to_json() for m in list_installed(models_dir)]
            catalog = [entry.__dict__ for entry in load_catalog()]
            _out({"models_dir": str(models_dir), "installed": installed, "catalog": catalog})
            return 0
        if command == "validate":
            from dataclasses import asdict

            from desktop.engine.gguf_check import validate_in_subprocess

            info = validate_in_subprocess(Path(args.path))
            _out({"valid": True, "info": asdict(info)})
            return 0
        if command == "import":
            from desktop.engine.models import import_model

            model = import_model(Path(args.path), models_dir, copy=args.copy)
            _out(model.to_json())
            return 0
        return _download(args.name, models_dir)
    except (ModelFileInvalid, ModelFileMissing) as exc:
        sys.stderr.write(f"jaso: invalid model: {exc}\n")
        return EXIT_INVALID
    except EngineError as exc:
        sys.stderr.write(f"jaso: {exc}\n")
        return EXIT_FAILED


def _download(name: str, models_dir: Path) -> int:
    from desktop.engine.catalog import find_entry
    from desktop.engine.downloads import Download, DownloadProgress, hub_url
    from desktop.engine.gguf_check import validate_in_subprocess
    from desktop.secrets import HUB_TOKEN, SecretStore, SecretsUnavailable

    entry = find_entry(name)
    if entry is None:
        sys.stderr.write(f"jaso: {name!r} is not in the catalog (see jaso models list)\n")
        return EXIT_USAGE
    try:
        token = SecretStore().get(HUB_TOKEN)
    except SecretsUnavailable:
        token = None

    def progress(update: DownloadProgress) -> None:
        total = f"/{update.total:,}" if update.total else ""
        sys.stderr.write(f"\r{update.done:,}{total} bytes  {update.speed / 1e6:.1f} MB/s")

    target = models_dir / entry.file
    Download(hub_url(entry.repo, entry.file), target, sha256=entry.sha256, token=token).run(
        progress
    )
    sys.stderr.write("\n")
    try:
        validate_in_subprocess(target)
    except ModelFileInvalid:
        target.unlink(missing_ok=True)
        raise
    _out({"path": str(target), "id": entry.id})
    return 0
