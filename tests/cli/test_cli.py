from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from desktop import __version__
from tests import pace


def jaso(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=pace.seconds(60),
    )


def test_version() -> None:
    result = jaso("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"jaso {__version__}"


def test_check_counts_and_limit_from_question() -> None:
    request = {
        "text": unicodedata.normalize("NFD", "한빛물류 지원동기") + "\r\n끝",
        "question": "지원동기 (공백 제외 500자)",
        "company": "한빛물류",
        "other_companies": ["다온은행"],
        "blind_hiring": False,
        "lang": "ko",
    }
    result = jaso("check", "--json", stdin=json.dumps(request))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["counts"]["chars_incl_spaces"] == 11
    assert out["counts"]["chars_incl_spaces_crlf"] == 12
    assert out["counts"]["chars_excl_spaces"] == 9
    assert out["limit"] == {
        "value": 500,
        "profile": "chars_excl_spaces",
        "used": 9,
        "remaining": 491,
        "status": "under",
    }
    unicode_flags = [(f["start"], f["end"]) for f in out["flags"] if f["rule_id"] == "TXT.UNICODE"]
    assert unicode_flags == [(0, 4), (5, 9)]  # the decomposed words, offsets into the NFC text
    assert {f["rule_id"] for f in out["flags"]} == {"TXT.UNICODE", "LEN.UNDER"}
    assert all(
        f["message"] and f["severity"] in ("critical", "major", "minor") for f in out["flags"]
    )


def test_check_explicit_limit_and_profile_win() -> None:
    request = {"text": "가나다", "question": "(1,000자)", "limit": 3, "profile": "bytes_2"}
    out = json.loads(jaso("check", "--json", stdin=json.dumps(request)).stdout)
    assert out["limit"] == {
        "value": 3,
        "profile": "bytes_2",
        "used": 6,
        "remaining": -3,
        "status": "over",
    }


def test_check_without_a_limit() -> None:
    out = json.loads(jaso("check", "--json", stdin='{"text": "hello world"}').stdout)
    assert out["limit"] is None
    assert out["counts"]["words"] == 2


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        ("not json", "not valid JSON"),
        ("[1, 2]", "must be a JSON object"),
        ('{"question": "q"}', "missing required field 'text'"),
        ('{"text": 5}', "'text' must be str"),
        ('{"text": "a", "limit": -1}', "'limit' must be positive"),
        ('{"text": "a", "limit": true}', "'limit' must be int"),
        ('{"text": "a", "profile": "chars"}', "unknown profile"),
        ('{"text": "a", "colour": "red"}', "unknown field"),
        ('{"text": "a", "other_companies": [1]}', "list of strings"),
    ],
)
def test_malformed_input_exits_2_with_one_line(stdin: str, message: str) -> None:
    result = jaso("check", "--json", stdin=stdin)
    assert result.returncode == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert result.stderr.count("\n") == 1


def test_self_test_passes_and_reports_each_step() -> None:
    # from source with transformers installed, the gpu build's step runs too (on the CPU)
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--self-test"],
        capture_output=True,
        text=True,
        timeout=pace.seconds(300),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[1:7]] == [
        "ok   store",
        "ok   model",
        "ok   transformers",
        "ok   checks",
        "ok   window",
        "ok   reports",
    ]
    # The whole model path: a streamed continuation and a critique under its JSON schema
    # (llguidance), each timed, and the CPU kernels llama.cpp loaded.
    model = lines[2]
    assert "16 tokens streamed" in model and "critique JSON under its schema" in model
    assert "CPU kernels:" in model
    assert "8 tokens streamed" in lines[3] and "critique JSON under its schema" in lines[3]
    assert "EN.SPELL" in lines[4] and "KO." in lines[4]
    assert lines[-1] == "self-test passed"


def test_self_test_fails_cleanly_on_a_bad_model(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"GGUF" + b"\x00" * 64)
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--self-test"],
        capture_output=True,
        text=True,
        timeout=pace.seconds(120),
        env={**os.environ, "JASO_SELFTEST_MODEL": str(bad)},
    )
    assert result.returncode == 1
    assert "FAIL model" in result.stdout and "ok   store" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("self-test FAILED")


def test_check_shows_the_new_rules_with_spans_suggestions_and_refs() -> None:
    reused = (
        "물류센터 아르바이트에서 재고 오차율이 3.5%라는 것을 알게 되었고, 입고 기록 1,200건을 "
        "분석해 원인을 찾았습니다. 그 결과 석 달 만에 오차율을 0.8%로 낮췄습니다."
    )
    text = (
        "저는 어릴 적부터 정리를 좋아했습니다. 이 일을할수있습니다. Google를 이용해 "
        "계시판에 올렸고, 이러한 경험을 바탕으로 배웠습니다. 한빛물류에 지원한 이유는 데이터 "
        "때문입니다.\n" + reused
    )
    request = {
        "text": text,
        "question": "지원 동기와 입사 후 포부를 기술하시오.",
        "company": "한빛물류",
        "other_applications": [{"name": "다온은행 · 기업금융", "text": reused}],
    }
    result = jaso("check", "--json", stdin=json.dumps(request, ensure_ascii=False))
    assert result.returncode == 0, result.stderr
    flags = json.loads(result.stdout)["flags"]
    by_rule = {f["rule_id"]: f for f in flags}
    spans = {rule: text[f["start"] : f["end"]] for rule, f in by_rule.items()}
    assert spans["STRUCT.LEAD"] == "저는 어릴 적부터 정리를 좋아했습니다."
    assert spans["KO.SPACING"] == "일을할수있습니다"
    assert by_rule["KO.SPACING"]["suggestion"] == "일을 할 수 있습니다"
    assert spans["KO.TYPO"] == "계시판에" and by_rule["KO.TYPO"]["suggestion"] == "게시판에"
    assert spans["KO.JOSA"] == "Google를" and by_rule["KO.JOSA"]["suggestion"] == "Google을"
    assert by_rule["STYLE.MACHINE"]["ref"] == "ko.such-experience-base"
    assert spans["REUSE.CROSS"] == reused and by_rule["REUSE.CROSS"]["ref"] == "다온은행 · 기업금융"
    assert by_rule["Q.SUBASK"]["ref"] == "입사 후 포부"
    assert "입사 후 포부" in by_rule["Q.SUBASK"]["message"]
    request["analyzer"] = False
    quick = jaso("check", "--json", stdin=json.dumps(request, ensure_ascii=False))
    rules = {f["rule_id"] for f in json.loads(quick.stdout)["flags"]}
    assert "KO.SPACING" not in rules and "KO.TYPO" not in rules and "KO.JOSA" not in rules
