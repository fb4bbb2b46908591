"""The critique prompt is told the question's sub-asks and the analyzer's findings as facts."""

from __future__ import annotations

from desktop.engine.tasks.critique import critique_messages
from desktop.writing.checks import merge_flags, run_checks
from desktop.writing.essay import EssayRequest
from desktop.writing.flags import Flag


def test_sub_asks_and_analyzer_findings_are_facts() -> None:
    spacing = Flag("KO.SPACING", "minor", 0, 4, "띄어쓰기: '할수있다' → '할 수 있다'", "할 수 있다")
    request = EssayRequest(
        text="할수있다. 한빛물류에 지원한 이유는 데이터입니다.",
        question="지원 동기와 입사 후 포부를 기술하시오.",
        company="한빛물류",
        analyzer_findings=(spacing,),
    )
    findings = merge_flags(run_checks(request.text, request.check_context()), [spacing])
    user = critique_messages(request, findings)[1]["content"]
    assert "문항이 묻는 것: 지원 동기; 입사 후 포부" in user
    assert "[KO.SPACING] 띄어쓰기: '할수있다' → '할 수 있다'" in user
    simple = EssayRequest(text="글", question="성장과정을 기술하시오.")
    assert "문항이 묻는 것" not in critique_messages(simple, [])[1]["content"]
