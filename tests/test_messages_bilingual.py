"""Every error a user can read, raised below the UI, is written in both languages (``say``)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import desktop.engine.constraint
import desktop.engine.downloads
import desktop.engine.errors
import desktop.engine.openai_backend
import desktop.engine.structured
import desktop.importing.errors
import desktop.store.errors
from desktop import messages
from desktop.engine.errors import EngineError
from desktop.importing.errors import ImportFailed
from desktop.store import Database
from desktop.store.applications import get_application
from desktop.store.errors import NotFound, StorageError

ROOT = Path(__file__).resolve().parents[1] / "desktop"
# Command-line JSON input (the CLI speaks English) and the bundled developer sample file.
EXEMPT = {"writing/request.py", "engine/cli_tasks.py", "store/samples.py"}
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _user_errors() -> set[str]:
    """The names of every error class whose text reaches the UI, found by subclassing."""
    modules = (
        desktop.engine.errors,
        desktop.engine.downloads,
        desktop.engine.openai_backend,
        desktop.engine.structured,
        desktop.engine.constraint,
        desktop.store.errors,
        desktop.importing.errors,
    )
    names = set()
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(
                value, (EngineError, StorageError, ImportFailed)
            ):
                names.add(value.__name__)
    return names


def _is_literal(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_literal(node.left) or _is_literal(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "format" and _is_literal(node.func.value)
    return False


def untranslated(source: str, errors: set[str]) -> Iterator[int]:
    """Lines that raise one of ``errors`` with a plain string rather than ``say(ko, en)``."""
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
            continue
        func = node.exc.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name in errors and node.exc.args and _is_literal(node.exc.args[0]):
            yield node.lineno


def test_user_facing_errors_below_the_ui_are_written_in_both_languages() -> None:
    errors = _user_errors()
    assert {"ModelFileInvalid", "DownloadError", "NotFound", "ImportFailed"} <= errors
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith("ui/") or relative in EXEMPT:
            continue
        found += [f"{relative}:{line}" for line in untranslated(path.read_text(), errors)]
    assert not found, "raise these with say(ko, en): " + ", ".join(found)


def test_the_scan_finds_a_plain_message() -> None:
    source = (
        "def f(x):\n"
        "    raise NotFound(say('없습니다.', 'missing'))\n"
        "def g(x):\n"
        "    raise errors.ModelLoadError(f'could not load {x}', 'details')\n"
        "def h(x):\n"
        "    raise OutOfMemory('Not enough ' + x)\n"
        "def i(x):\n"
        "    raise ValueError('not a user error')\n"
    )
    assert list(untranslated(source, _user_errors())) == [4, 6]


@pytest.fixture
def korean() -> Iterator[None]:
    messages.set_language("ko")
    yield
    messages.set_language("en")


def _not_found_message(tmp_path: Path) -> str:
    db = Database(tmp_path / "jaso.sqlite3")
    try:
        with pytest.raises(NotFound) as raised:
            db.run(get_application, application_id=999)
    finally:
        db.close()
    return str(raised.value)


def _memory_message() -> str:
    from desktop.engine.errors import OutOfMemory
    from desktop.engine.memory import check_fits

    with pytest.raises(OutOfMemory) as raised:
        check_fits(2**60, use_mmap=False)
    return str(raised.value)


def test_the_store_and_the_engine_speak_the_ui_language(korean: None, tmp_path: Path) -> None:
    assert HANGUL.search(_not_found_message(tmp_path / "ko"))
    assert HANGUL.search(_memory_message())
    messages.set_language("en")
    english = _not_found_message(tmp_path / "en")
    assert english == "application 999 not found"
    assert not HANGUL.search(_memory_message())
