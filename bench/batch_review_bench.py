"""Batch review throughput against llama.cpp's own server: sequential against several in flight.

    python bench/batch_review_bench.py [--model smollm2|gemma] [--answers 20] [--parallel 4]

Builds ``llama-server`` from the pinned llama-cpp-python source archive (portable flags, as the
wheel; cached under the test-model cache, never committed), serves the model on 127.0.0.1 with
``--parallel N``, and runs the same 20-answer batch through the app's own queue twice: one
critique at a time, then N in flight. Prints answers per minute for both and their ratio.
Never fails.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import tarfile
import tempfile
import time
import urllib.request
from pathlib import Path

from desktop.counsel.runner import run_batch
from desktop.engine.backend import LoadOptions
from desktop.engine.openai_backend import OpenAIBackend
from desktop.engine.packaged_models import assemble_starter, smollm2_path
from desktop.engine.testmodel import default_cache_dir, source_archive
from desktop.store import Database
from desktop.store import applications as apps
from desktop.store.batches import answered_questions, create_batch

ANSWERS_EN = [
    "I cut shipment errors from 3.5% to 0.8% by adding a barcode re-check.",
    "I built a dashboard that took weekly reporting from six hours to one.",
    "I led a team of four volunteers to rebuild a food bank's schedule.",
    "I analysed 1,200 receiving records to find where counts went wrong.",
    "I want to bring a habit of measuring first to your retail banking team.",
]
ANSWERS_KO = [
    "입고 기록 1,200건을 분석해 오차율을 3.5%에서 0.8%로 낮췄습니다.",
    "바코드 재확인 절차를 만들어 반품을 줄였습니다.",
    "학생회 예산 영수증 300장을 엑셀로 정리했습니다.",
    "고객 문의에 답하며 경청의 중요함을 배웠습니다.",
    "입사 후 3년 안에 WMS 대시보드로 배송 지연을 절반으로 줄이겠습니다.",
]


def llama_server() -> Path:
    build = default_cache_dir() / "llama-server-build"
    found = sorted(build.rglob("bin/llama-server"))
    if found:
        return found[0]
    source = Path(tempfile.mkdtemp(prefix="llama-src-"))
    with tarfile.open(source_archive(default_cache_dir())) as tar:
        members = [m for m in tar.getmembers() if "/vendor/llama.cpp/" in m.name]
        tar.extractall(source, members=members, filter="data")
    src = next(source.glob("*/vendor/llama.cpp"))
    print("building llama-server (once; several minutes)")
    subprocess.run(
        [
            "cmake",
            "-S",
            str(src),
            "-B",
            str(build),
            "-DLLAMA_CURL=OFF",
            "-DGGML_NATIVE=OFF",
            "-DCMAKE_BUILD_TYPE=Release",
            "-DLLAMA_BUILD_TESTS=OFF",
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            "cmake",
            "--build",
            str(build),
            "--target",
            "llama-server",
            "-j",
            str(os.cpu_count() or 2),
        ],
        check=True,
        capture_output=True,
    )
    return sorted(build.rglob("bin/llama-server"))[0]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(
    binary: Path, model: Path, parallel: int, n_ctx: int
) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    process = subprocess.Popen(
        [
            str(binary),
            "-m",
            str(model),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--parallel",
            str(parallel),
            "-c",
            str(n_ctx * parallel),
            "-t",
            str(os.cpu_count() or 2),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/v1/models", timeout=2)  # noqa: S310
            return process, url
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise RuntimeError("llama-server did not start")


def one_run(url: str, model: Path, answers: list[str], lang: str, parallel: int) -> float:
    with tempfile.TemporaryDirectory() as home:
        db = Database(Path(home) / "jaso.sqlite3")
        app_id = db.run(
            apps.create_application,
            company="Daon Bank",
            lang=lang,
            questions=[apps.NewQuestion(f"Q{i}", answer=a) for i, a in enumerate(answers)],
        )
        ids = db.run(answered_questions)[app_id]
        batch = db.run(create_batch, question_ids=ids, owner="bench")
        remote = OpenAIBackend(api_key="")
        remote.load(LoadOptions(model, n_ctx=4096, base_url=url, timeout_s=600))
        started = time.perf_counter()
        progress = run_batch(db, batch, remote, owner="bench", seed=1, parallel=parallel)
        seconds = time.perf_counter() - started
        db.close()
    print(
        f"  parallel {parallel}: {progress.done} done, {progress.failed} failed in {seconds:.0f} s"
    )
    return progress.done / seconds * 60


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="smollm2")
    parser.add_argument("--answers", type=int, default=20)
    parser.add_argument("--parallel", type=int, default=4)
    args = parser.parse_args()
    if args.model == "gemma":
        folder = default_cache_dir() / "real"
        folder.mkdir(parents=True, exist_ok=True)
        model, pool, lang = assemble_starter(folder), ANSWERS_KO, "ko"
    else:
        model, pool, lang = smollm2_path(), ANSWERS_EN, "en"
    answers = [pool[i % len(pool)] + f" ({i + 1})" for i in range(args.answers)]
    process, url = serve(llama_server(), model, args.parallel, 4096)
    try:
        sequential = one_run(url, model, answers, lang, 1)
        parallel = one_run(url, model, answers, lang, args.parallel)
    finally:
        process.terminate()
        process.wait(10)
    print(
        f"batch review of {args.answers} answers through llama-server --parallel "
        f"{args.parallel}: sequential {sequential:.1f}/min, {args.parallel} in flight "
        f"{parallel:.1f}/min; ratio {parallel / sequential:.2f}x"
    )


if __name__ == "__main__":
    main()
