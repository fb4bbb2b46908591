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


def main() -> int:
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1763600000")
    first = build.build("lite")
    archive = next(build.DIST.glob("jaso-*-lite.tar.gz"))
    first_archive = hashlib.sha256(archive.read_bytes()).hexdigest()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("JASO_SELFTEST_MODEL", None)
    result = subprocess.run(
        [str(first / "jaso"), "--self-test"], capture_output=True, text=True, env=env, timeout=300
    )
    sys.stdout.write(result.stdout)
    size_mb = build.tree_size(first) / 2**20
    build.say(
        f"frozen self-test exit {result.returncode}; unpacked {size_mb:.0f} MB "
        f"(budget {SIZE_BUDGET_MB} MB)"
    )
    second = build.build("lite", reuse_venv=True, tag="-again")
    a, b = hashes(first), hashes(second)
    differ = sorted(name for name in set(a) | set(b) if a.get(name) != b.get(name))
    same_archive = hashlib.sha256(archive.read_bytes()).hexdigest() == first_archive
    build.say(
        f"reproducibility: {len(a)} files, {len(differ)} differ; archive identical: {same_archive}"
    )
    for name in differ[:50]:
        build.say(f"  differs: {name}")
    failed = result.returncode != 0 or size_mb > SIZE_BUDGET_MB
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
