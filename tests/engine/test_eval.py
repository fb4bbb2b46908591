"""``jaso eval``: the metrics on hand-built critiques, the set loader, the report, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop.engine.evaluation import metrics
from desktop.engine.evaluation.items import EvalDataError, load_items, parse_item
from desktop.engine.evaluation.report import write_report
from desktop.engine.evaluation.runner import ItemResult, ModelResult
from desktop.engine.testmodel import TestModel
from desktop.writing.checks import run_checks
from tests import pace

PLANTED = Path(__file__).parents[1] / "data" / "planted.jsonl"
ANSWER = "고객사 재무제표를 분석하는 역활을 맡았습니다. 결국 여신 조건을 조정하게 됬습니다."


def _item() -> Any:
    return parse_item(
        {"id": "x", "company": "다온은행", "answer": ANSWER, "limit": 500,
         "planted": [{"rule": "KO.SPELL", "quote": "역활"}]}, 1
    )  # fmt: skip


def _critique(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "scores": {"mechanics": {"score": 2, "rationale": "맞춤법"}},
        "strengths": [{"point": "분석", "quote": "재무제표를 분석하는"}],
        "improvements": [
            {
                "issue": "맞춤법",
                "why": "오기",
                "suggestion": "'역활'을 '역할'로 고치세요.",
                "severity": "major",
                "quote": "역활을 맡았습니다",
            },
        ],  # fmt: skip
        "summary": "맞춤법을 고치세요.",
        "top_fixes": ["역할"],
    }
    data.update(overrides)
    return data


def test_grounding_counts_verbatim_quotes_only() -> None:
    data = _critique(strengths=[{"point": "p", "quote": "재무제표를  분석하는"}])
    found = metrics.grounding(data, ANSWER)
    assert (found.found, found.total) == (1, 2)  # the doubled space is not verbatim
    assert metrics.grounding(_critique(strengths=[{"point": "p", "quote": ""}]), ANSWER).total == 1


def test_a_quoted_correction_agrees_and_a_repeated_error_contradicts() -> None:
    item = _item()
    flags = run_checks(ANSWER, item.request.check_context())
    assert "LEN.UNDER" in {f.rule_id for f in flags}  # a short suggestion does not repeat it
    assert metrics.contradictions(item, _critique(), flags) == []
    wrong = _critique(
        improvements=[
            {
                "issue": "i",
                "why": "w",
                "suggestion": "역활을 더 자세히 쓰세요.",
                "severity": "minor",
                "quote": "",
            }
        ]  # fmt: skip
    )
    assert any("KO.SPELL" in c for c in metrics.contradictions(item, wrong, flags))
    praise = _critique(strengths=[{"point": "좋음", "quote": "역활을 맡았습니다"}])
    assert any("praises" in c for c in metrics.contradictions(item, praise, flags))


def test_mechanics_cannot_be_high_while_a_critical_finding_stands() -> None:
    item = parse_item({"company": "한빛물류", "other_companies": ["대한운송"],
                       "answer": "대한운송에 지원합니다. 입고 검수를 했습니다."}, 1)  # fmt: skip
    flags = run_checks(item.request.text, item.request.check_context())
    high = _critique(scores={"mechanics": {"score": 5, "rationale": "r"}}, strengths=[])
    assert any("mechanics 5/5" in c for c in metrics.contradictions(item, high, flags))


def test_planted_defects_are_found_by_quote_or_by_name() -> None:
    item = _item()
    assert metrics.planted_found_by_model(item, _critique()) == [True]
    by_name = _critique(
        improvements=[
            {
                "issue": "'역활'은 오기",
                "why": "w",
                "suggestion": "s",
                "severity": "major",
                "quote": "",
            }
        ]  # fmt: skip
    )
    assert metrics.planted_found_by_model(item, by_name) == [True]
    elsewhere = _critique(
        improvements=[
            {
                "issue": "i",
                "why": "w",
                "suggestion": "s",
                "severity": "minor",
                "quote": "여신 조건을",
            }
        ]  # fmt: skip
    )
    assert metrics.planted_found_by_model(item, elsewhere) == [False]


def test_chrf_is_100_for_the_reference_itself_and_lower_otherwise() -> None:
    data = _critique()
    from desktop.engine.evaluation.items import critique_text

    assert metrics.chrf(data, critique_text(data)) == pytest.approx(100.0)
    other = metrics.chrf(data, "전혀 다른 내용의 참고 첨삭입니다.")
    assert other is not None and other < 30


def test_the_shipped_set_loads_and_the_checks_find_its_rule_defects() -> None:
    items = load_items(PLANTED)
    assert len(items) >= 8 and sum(len(i.planted) for i in items) >= 12
    assert all(i.reference for i in items)
    vague = next(i for i in items if i.id == "vague-evidence")
    flags = run_checks(vague.request.text, vague.request.check_context())
    assert metrics.planted_found_by_checks(vague, flags) == [False, False]  # the model's job


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 1: not JSON"),
        ('{"answer": "글", "planted": [{"rule": "X", "quote": "없음"}]}', "not found"),
        ('{"answer": "글", "colour": "red"}', "unknown field"),
        ('{"question": "q"}', "text"),
    ],
)
def test_a_bad_set_names_the_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(EvalDataError, match=message):
        load_items(path)


def test_the_report_has_tables_a_chart_and_a_verdict(tmp_path: Path) -> None:
    good = ModelResult("good.gguf", "llama_cpp", [
        ItemResult("a", True, quotes_found=2, quotes=2, planted_model=[True],
                   planted_checks=[True], chrf=40.0, seconds=2.0, first_token_s=0.5, tokens=100,
                   source="model+analysis", gate_passed=True),
    ], 1.0)  # fmt: skip
    weak = ModelResult("weak.gguf", "llama_cpp", [
        ItemResult("a", False, "not JSON", planted_model=[False], planted_checks=[True],
                   source="analysis", rejected={"placeholder": 1, "invalid_json": 1}),
    ], 1.0)  # fmt: skip
    written = write_report([good, weak], tmp_path, set_path=PLANTED, lang="ko")
    md = written["md"].read_text(encoding="utf-8")
    rates = "| 100 % " * 6
    assert f"| good.gguf {rates}| 40.0 | 50.0 | 2.00 | 0.50 |" in md
    assert "| weak.gguf | 0 % |" in md and "종합 1위: good.gguf" in md
    assert "weak.gguf: invalid_json 1, placeholder 1" in md  # the gate's reasons, by model
    assert "| a | ✗ not JSON | 0/0 | – | 0/1 | invalid_json 1, placeholder 1 |" in md
    page = written["html"].read_text(encoding="utf-8")
    assert 'src="data:image/png;base64,' in page and "not JSON" in page
    assert written["chart"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    raw = json.loads(written["json"].read_text(encoding="utf-8"))
    assert raw[0]["summary"]["validity"] == 1.0 and raw[1]["items"][0]["error"] == "not JSON"


def test_jaso_eval_on_the_tiny_model(tiny_model: TestModel, tmp_path: Path) -> None:
    out = tmp_path / "report"
    run = subprocess.run(
        [sys.executable, "-m", "desktop", "eval", str(PLANTED), "--model",
         str(tiny_model.gguf("q8_0")), "--out", str(out), "--limit", "2", "--threads", "1"],
        capture_output=True, text=True, timeout=pace.seconds(600), check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    summary = json.loads(run.stdout.splitlines()[0])
    assert summary["items"] == 2 and summary["validity"] == 1.0  # constrained decoding
    # Random weights write valid JSON, never a critique: the gate shows the analysis instead.
    assert summary["gate_pass"] == 0.0 and summary["rejected"]
    assert summary["tokens_per_s"] > 0 and summary["latency_s"] > 0
    assert summary["checks_recall"] == 1.0  # both items carry rule defects
    assert {p.name for p in out.iterdir()} == {
        "report.md",
        "report.html",
        "chart.png",
        "results.json",
    }
    assert "[q8_0" not in run.stderr and "2/2" in run.stderr
