"""What a bundle must carry besides code: the package metadata read by the app's imports.

PyInstaller copies a package's code but not its ``*.dist-info`` unless told, and a package whose
``__init__`` reads its own version (``importlib.metadata.version("llguidance")``) then fails to
import in the bundle only. Most of the app's imports happen lazily, inside functions (backends,
document readers, the Korean analyzer), so a frozen build can start and still fail the first time
the user asks for a model. This module

- lists every module the app imports inside a function (read from the source with ``ast``, so a
  new lazy import is covered without anyone remembering it),
- imports all of them, and every module of ``desktop``, in a fresh interpreter that records the
  distributions whose metadata is looked up, with the variant's excluded packages made missing as
  they are in the bundle,
- and holds the distributions ``jaso.spec`` copies the metadata of (``METADATA``).

``tests/test_bundle_imports.py`` fails when an import reads metadata the spec does not copy.
Run as a script (``python packaging/bundle_imports.py lite``) it prints what it recorded.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Packages left out of a variant (jaso.spec's excludes); importing them in the recording process
# fails as it does in the bundle.
ML = ("torch", "transformers", "accelerate", "safetensors", "tokenizers", "huggingface_hub")
EXCLUDED = {
    # PIL: only pdfminer's image export uses it (16 MB with its libraries); lite never does.
    "lite": (*ML, "gguf", "yaml", "matplotlib", "sacrebleu", "PIL"),
    "gpu": ("gguf", "matplotlib", "sacrebleu"),
}

# Distributions whose metadata the bundle carries (copy_metadata in jaso.spec), by variant:
# jaso for its version; the others read their own (llguidance, pdfminer.six, tqdm) or, for
# transformers, probe their dependencies' versions when imported. keyring needs its entry points
# (hooks/hook-keyring.py).
_COMMON = ("jaso", "llguidance", "keyring", "pdfminer.six", "tqdm")
_GPU = (
    "torch", "transformers", "accelerate", "safetensors", "tokenizers", "huggingface-hub",
    "numpy", "packaging", "regex", "requests", "filelock", "pyyaml", "psutil", "httpx2",
    "httpcore2",
)  # fmt: skip
METADATA = {"lite": _COMMON, "gpu": _COMMON + _GPU}


def lazy_modules(package: Path = ROOT / "desktop") -> set[str]:
    """Absolute module names imported inside a function anywhere under ``package``."""
    names: set[str] = set()
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(func):
                if isinstance(node, ast.Import):
                    names.update(alias.name for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names.add(node.module)
    return names


def app_modules(package: Path = ROOT / "desktop") -> set[str]:
    """Every module of the app by dotted name, less ``__main__`` (importing it runs the app)."""
    found = set()
    for path in package.rglob("*.py"):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] != "__main__":
            found.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


_RECORDER = r"""
import importlib.abc, importlib.metadata as md, json, sys

excluded = set(sys.argv[1].split(",")) - {""}
modules = sys.argv[2].split(",")
out = sys.argv[3]


class Missing(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in excluded:
            why = f"No module named {name!r} (left out of the bundle)"
            raise ModuleNotFoundError(why, name=name)
        return None


sys.meta_path.insert(0, Missing())
asked = set()
original = md.Distribution.from_name.__func__


def from_name(cls, name):
    asked.add(name)
    return original(cls, name)


md.Distribution.from_name = classmethod(from_name)
failed = {}
for module in modules:
    try:
        __import__(module)
    except Exception as exc:  # recorded: an excluded package, a platform-only module
        failed[module] = f"{type(exc).__name__}: {exc}"[:300]


def exists(name):
    try:
        original(md.Distribution, name)
        return True
    except md.PackageNotFoundError:
        return False


with open(out, "w", encoding="utf-8") as handle:
    json.dump({"read": sorted(n for n in asked if exists(n)), "failed": failed}, handle)
"""


def record(variant: str, python: str = sys.executable) -> dict[str, object]:
    """The distributions whose metadata importing the app reads (those installed here), and the
    modules that failed to import, with the variant's exclusions in force."""
    modules = sorted(app_modules() | lazy_modules())
    with tempfile.TemporaryDirectory(prefix="jaso-imports-") as tmp:
        out = Path(tmp) / "recorded.json"
        subprocess.run(
            [python, "-c", _RECORDER, ",".join(EXCLUDED[variant]), ",".join(modules), str(out)],
            capture_output=True,
            check=True,
            cwd=ROOT,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            timeout=600,
        )
        data: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return data


def normalized(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def missing_metadata(variant: str, read: list[str]) -> list[str]:
    """The distributions read on import whose metadata the variant does not carry."""
    carried = {normalized(n) for n in METADATA[variant]}
    return sorted({n for n in read if normalized(n) not in carried})


if __name__ == "__main__":
    variant = sys.argv[1] if len(sys.argv) > 1 else "lite"
    recorded = record(variant)
    json.dump(recorded, sys.stdout, indent=1, ensure_ascii=False)
    read = recorded["read"]
    assert isinstance(read, list)
    sys.stdout.write(f"\nmissing: {missing_metadata(variant, read)}\n")
