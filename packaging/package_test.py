"""make package-test: build lite, run its frozen self-test, check its size, build it again with
the same SOURCE_DATE_EPOCH and list every file whose hash differs between the two builds."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build  # noqa: E402 (packaging/build.py, next to this file)

# 250 MB until Word import and export (python-docx and its lxml, 10 MB) came with counselor review;
# 265 MB until the Korean analyzer (kiwipiepy 0.24: model files 104 MiB, extension module 40 MiB,
# Python modules and tqdm 1 MiB; estimated from the installed packages, issue 17).
SIZE_BUDGET_MB = 410


def hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def self_test(bundle: Path, model: Path | None = None) -> int:
    """The frozen ``jaso --self-test`` (offscreen), its lines echoed; with ``model``, on that."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("JASO_SELFTEST_MODEL", None)
    if model is not None:
        env["JASO_SELFTEST_MODEL"] = str(model)
    result = subprocess.run(
        [str(bundle / "jaso"), "--self-test"], capture_output=True, text=True, env=env, timeout=600
    )
    sys.stdout.write(result.stdout)
    if result.returncode:
        sys.stdout.write(result.stderr[-4000:])
    return result.returncode


def real_model() -> Path | None:
    """The starter model (Gemma 3 270M, real weights), when this environment has its packages."""
    try:
        return build.starter_model()
    except SystemExit as exc:
        build.say(f"no real model for the frozen self-test: {exc}")
        return None


def main() -> int:
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1763600000")
    first = build.build("lite")
    archive = next(build.DIST.glob("jaso-*-lite.tar.gz"))
    first_archive = hashlib.sha256(archive.read_bytes()).hexdigest()
    failures = []
    if self_test(first):
        failures.append("self-test on the bundled self-test model")
    # The same frozen build on real weights: the model path a user of a release takes.
    starter = real_model()
    if starter is not None and self_test(first, starter):
        failures.append(f"self-test on {starter.name}")
    size_mb = build.tree_size(first) / 2**20
    build.say(f"unpacked {size_mb:.0f} MB (budget {SIZE_BUDGET_MB} MB)")
    if size_mb > SIZE_BUDGET_MB:
        failures.append(f"size {size_mb:.0f} MB over the {SIZE_BUDGET_MB} MB budget")
    second = build.build("lite", reuse_venv=True, tag="-again")
    a, b = hashes(first), hashes(second)
    differ = sorted(name for name in set(a) | set(b) if a.get(name) != b.get(name))
    same_archive = hashlib.sha256(archive.read_bytes()).hexdigest() == first_archive
    build.say(
        f"reproducibility: {len(a)} files, {len(differ)} differ; archive identical: {same_archive}"
    )
    for name in differ[:50]:
        build.say(f"  differs: {name}")
    for failure in failures:
        build.say(f"FAILED: {failure}")
    build.say("package-test passed" if not failures else "package-test FAILED")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
