"""``jaso review FILES... --model PATH --out DIR``: import, critique and report, headless.

Each file becomes an application in the app's database (``--home`` picks another one), its
answers go through the same batch queue the app uses, and a report per file lands in DIR. A file
that cannot be read, or a critique that fails, is reported and the rest go on (exit 1 at the end).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the parser is built on every start: the heavy modules load on use
    from desktop.engine.backend import Backend
    from desktop.store import Database
    from desktop.store.batches import BatchProgress

EXIT_FAILED = 1
EXIT_USAGE = 2
FORMATS = ("pdf", "docx", "html")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    review = sub.add_parser("review", help="import essays, critique them and write reports")
    review.add_argument("files", nargs="+", type=Path, help=".txt, .md, .docx, .hwpx or .pdf files")
    review.add_argument("--model", required=True, help="GGUF file or transformers folder")
    review.add_argument("--out", required=True, type=Path, help="folder for the reports")
    review.add_argument("--backend", default="llama_cpp", choices=["llama_cpp", "transformers"])
    review.add_argument(
        "--format", default="pdf,html", help="comma-separated: pdf, docx, html (default pdf,html)"
    )
    review.add_argument("--client", help="client name for every file (default: from the file)")
    review.add_argument("--seed", type=int, default=0)
    review.add_argument("--n-ctx", type=int, default=4096)
    review.add_argument("--threads", type=int, default=None, help="CPU threads (default: all)")


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _progress(progress: BatchProgress) -> None:
    from desktop.counsel.runner import duration_text

    left = progress.eta_seconds
    eta = f", about {duration_text(left)} left" if left else ""
    sys.stderr.write(f"  {progress.finished}/{progress.total} answers{eta}\n")


def _write(db: Database, app_id: int, base: Path, formats: list[str]) -> list[Path]:
    from desktop.counsel.export import export_report
    from desktop.counsel.report import build_report

    report = db.run(build_report, application_id=app_id)
    written = [base.parent / f"{base.name}.{kind}" for kind in formats]
    for path in written:
        export_report(report, path)
    return written


def report_names(files: list[Path]) -> list[str]:
    """A report name per input: its stem, numbered where inputs share one (a/자소서.md and
    b/자소서.md give 자소서 and 자소서-2). Compared without case, as Windows and macOS do."""
    stems = {f.stem.casefold() for f in files}
    used: set[str] = set()
    names = []
    for file in files:
        name, number = file.stem, 1
        while name.casefold() in used or (number > 1 and name.casefold() in stems):
            number += 1
            name = f"{file.stem}-{number}"
        used.add(name.casefold())
        names.append(name)
    return names


def run_review(args: argparse.Namespace) -> int:
    from desktop.engine.cli_tasks import load_backend
    from desktop.engine.errors import EngineError
    from desktop.paths import app_paths
    from desktop.store import Database

    formats = [f.strip().lower() for f in str(args.format).split(",") if f.strip()]
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown or not formats:
        sys.stderr.write(f"jaso: --format takes {', '.join(FORMATS)}; got {args.format!r}\n")
        return EXIT_USAGE
    missing = [str(f) for f in args.files if not Path(f).is_file()]
    if missing:
        sys.stderr.write(f"jaso: no such file: {', '.join(missing)}\n")
        return EXIT_USAGE
    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        sys.stderr.write(f"jaso: cannot write to {args.out}: {exc.strerror}\n")
        return EXIT_USAGE
    try:
        backend = load_backend(args)
    except EngineError as exc:
        sys.stderr.write(f"jaso: {exc}\n")
        return EXIT_FAILED
    paths = app_paths()
    paths.ensure()
    try:
        args.allowed = _qualified(backend, Path(args.model), paths.qualifications)
    except EngineError as exc:
        sys.stderr.write(f"jaso: {exc}\n")
        backend.close()
        return EXIT_FAILED
    db = Database(paths.database)
    failed = False
    try:
        for file, name in zip(args.files, report_names(list(args.files)), strict=True):
            failed |= not _review_file(db, backend, Path(file), args.out / name, args, formats)
    finally:
        db.close()
        backend.close()
    return EXIT_FAILED if failed else 0


def _qualified(backend: Backend, model: Path, cache_file: Path) -> Callable[[str], bool]:
    """What the model may do, measured once per model file as in the app (the qualification
    set, about a minute the first time); said on stderr."""
    from desktop.engine.qualification import QualificationCache, qualify
    from desktop.engine.tasks.io import TaskIO

    cache = QualificationCache(cache_file)
    verdict = cache.get(model)
    if verdict is None:
        _say(f"{model.name}: checking what this model can do (once per model)…")
        verdict = qualify(backend, TaskIO())
        cache.put(model, verdict)
    _say(f"{model.name}: {verdict.summary()}")
    return verdict.can


def _review_file(
    db: Database,
    backend: Backend,
    file: Path,
    base: Path,
    args: argparse.Namespace,
    formats: list[str],
) -> bool:
    """Import ``file``, critique its answers and write ``base.pdf`` and so on; False on failure."""
    from desktop.counsel.runner import run_batch
    from desktop.importing.readers import ImportFailed, read_document
    from desktop.importing.save import save_imported
    from desktop.importing.split import split_document
    from desktop.store import StorageError
    from desktop.store.applications import get_application
    from desktop.store.batches import batch_failures, create_batch
    from desktop.store.owners import this_process

    try:
        imported = split_document(read_document(file))
    except ImportFailed as exc:
        _say(f"{file}: not imported: {exc}")
        return False
    if not any(q.answer.strip() for q in imported.questions):
        _say(f"{file}: not imported: no answer found")
        return False
    try:
        app_id = db.run(save_imported, app=imported, client_name=args.client)
        app = db.run(get_application, application_id=app_id)
        ids = [q.id for q in app.questions if q.answer.strip()]
        owner = this_process()
        batch = db.run(create_batch, question_ids=ids, model=Path(args.model).name, owner=owner)
        progress = run_batch(
            db,
            batch,
            backend,
            owner=owner,
            model_name=Path(args.model).name,
            seed=args.seed,
            on_item=_progress,
            allowed=args.allowed,
        )
        written = _write(db, app_id, base, formats)
    except (StorageError, OSError) as exc:
        _say(f"{file}: failed: {exc}")
        return False
    name = app.company or file.name
    _say(
        f"{file}: {name}, {progress.done}/{progress.total} answers reviewed"
        f" → {', '.join(str(p) for p in written)}"
    )
    for failure in db.run(batch_failures, batch_id=batch):
        _say(f"  failed: {failure.question[:40]}: {failure.error}")
    return progress.failed == 0
