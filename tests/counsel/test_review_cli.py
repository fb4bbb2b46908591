"""``jaso review``: files in, reports out, with the real tiny model; a bad file stops nothing."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import docx

from desktop.engine.testmodel import build_test_model
from desktop.store import Database
from desktop.store.applications import get_application, list_applications
from desktop.store.critiques import list_critiques
from tests import pace


def _run(*args: str | Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--home", str(home), "review", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=pace.seconds(600),
        check=False,
    )


def test_review_imports_critiques_and_reports(tmp_path: Path) -> None:
    model = build_test_model("tiny").gguf("q8_0")
    essay = tmp_path / "kim.docx"
    document = docx.Document()
    for line in ("회사: 한빛물류", "성명: 김지원", "", "[문항 1] 지원 동기를 쓰십시오. (500자)",
                 "입고 기록 1,200건을 분석해 오차율을 0.8%로 낮췄습니다."):  # fmt: skip
        document.add_paragraph(line)
    document.save(str(essay))
    old = tmp_path / "old.hwp"  # HWP 3, which only Hangul itself still reads
    old.write_bytes(b"HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05" + b"\0" * 512)
    broken = tmp_path / "broken.docx"  # document.xml cut off in the middle of a tag
    broken_doc = docx.Document()
    broken_doc.add_paragraph("[문항 1] 지원 동기 (500자)")
    broken_doc.save(str(broken))
    with zipfile.ZipFile(broken) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"][:-40]
    with zipfile.ZipFile(broken, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    out = tmp_path / "reports"
    run = _run(
        essay, old, broken, "--model", model, "--out", out, "--format", "html,docx", home=tmp_path
    )
    assert run.returncode == 1, run.stderr  # the .hwp and the .docx failed, the rest went on
    assert "old.hwp: not imported" in run.stdout and "HWPX" in run.stdout
    assert "broken.docx: not imported" in run.stdout and "damaged" in run.stdout
    assert "kim.docx: 한빛물류, 1/1 answers reviewed" in run.stdout
    html = (out / "kim.html").read_text(encoding="utf-8")
    assert "지원 동기를 쓰십시오. (500자)" in html and "자동 분석" in html and "김지원" in html
    assert (out / "kim.docx").stat().st_size > 0 and not (out / "kim.pdf").exists()
    db = Database(tmp_path / "data" / "jaso.sqlite3")
    try:
        [app] = db.run(list_applications)
        assert app.client_name == "김지원"
        question = db.run(get_application, application_id=app.id).questions[0]
        assert len(db.run(list_critiques, question_id=question.id)) == 1
    finally:
        db.close()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    essay = tmp_path / "a.txt"
    essay.write_text("답변", encoding="utf-8")
    for args, message in (
        ((tmp_path / "none.txt",), "no such file"),
        ((essay, "--format", "rtf"), "--format takes"),
    ):
        run = _run(*args, "--model", "x.gguf", "--out", tmp_path / "o", home=tmp_path)
        assert run.returncode == 2 and message in run.stderr, run.stderr


def test_inputs_that_share_a_name_get_their_own_reports() -> None:
    from desktop.counsel.cli_review import report_names

    files = [Path("a/자소서.md"), Path("b/자소서.docx"), Path("자소서-2.txt"), Path("c/KIM.md"),
             Path("kim.hwpx")]  # fmt: skip
    names = report_names(files)
    assert names == ["자소서", "자소서-3", "자소서-2", "KIM", "kim-2"]
    assert len({n.casefold() for n in names}) == len(files)
