"""``jaso interview --json`` without a model: questions from the essay, and clear refusals."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

from tests import pace

ESSAY = {
    "company": "한빛물류",
    "role": "물류 SCM 기획",
    "answers": [
        {
            "question": "지원 동기 (700자)",
            "answer": "물류센터 아르바이트 당시 재고 오차율이 3.5%였고, 입고 기록 1,200건을 "
            "분석했습니다. 바코드 재확인 절차를 제안해 오차율을 0.8%로 낮췄습니다.",
        }
    ],
}


def _run(request: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "interview", "--json"],
        input=json.dumps(request, ensure_ascii=False),
        capture_output=True,
        text=True,
        timeout=pace.seconds(120),
        check=False,
    )


def test_questions_from_the_essay_alone() -> None:
    run = _run(ESSAY)
    assert run.returncode == 0, run.stderr
    questions = json.loads(run.stdout)["questions"]
    assert 5 <= len(questions) <= 7
    assert (
        questions[0]["kind"] == "number" and questions[0]["source"] in ESSAY["answers"][0]["answer"]
    )


def test_bad_requests_exit_2_with_one_line() -> None:
    for request, message in (
        ({**ESSAY, "practice": {"question": 0, "answer": "답"}}, "needs --model"),
        ({**ESSAY, "practice": {"answer": "답"}}, "bad interview request"),
        ({**ESSAY, "answers": [{"question": "q"}]}, "bad interview request"),
        ({**ESSAY, "answers": [{"question": "q", "answer": " "}]}, "at least one answer"),
    ):
        run = _run(request)
        assert run.returncode == 2 and message in run.stderr, (request, run.stderr)
        assert len(run.stderr.strip().splitlines()) == 1
