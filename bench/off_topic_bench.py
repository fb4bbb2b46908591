"""The output gate's ``off_topic`` rule (``engine/gate_topic``) on interview questions.

Precision: every question the app builds from the real essays without a model (``seed_questions``,
on each application of ``../shared/peer-fixtures/essays/essays.jsonl``: its answers grouped by
the id's application part) must pass; the rule runs once with the words cut by rule (the GUI
process) and once with the Korean analyzer's nouns. Recall: made-up off-topic questions, in
Korean and English, asked of every application, should be flagged.

    python bench/off_topic_bench.py [ESSAYS.jsonl] [--show 10]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.engine.gate_topic import off_topic  # noqa: E402
from desktop.engine.tasks.interview import EssayAnswer, InterviewRequest, seed_questions  # noqa: E402
from desktop.writing import korean  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ESSAYS = ROOT.parent / "shared" / "peer-fixtures" / "essays" / "essays.jsonl"
ENGLISH = ROOT / "tests" / "data" / "english.jsonl"
# Questions on nothing an application says, as small models write them.
OFF_TOPIC_KO = (
    "한국의 수도는 어디입니까?",
    "가장 좋아하는 음식과 그 이유를 말씀해 주세요.",
    "주말에는 보통 어떤 취미 활동을 하시나요?",
    "최근에 본 영화 중 가장 인상 깊었던 작품은 무엇인가요?",
    "반려동물을 키워 본 적이 있나요?",
    "좋아하는 계절과 날씨는 무엇입니까?",
    "오늘 아침에 무엇을 드셨나요?",
    "여행 가고 싶은 나라는 어디인가요?",
)
OFF_TOPIC_EN = (
    "What is your favourite colour?",
    "Which football club do you support?",
    "What did you have for breakfast this morning?",
    "Which country would you most like to visit on holiday?",
)


def applications(path: Path) -> list[InterviewRequest]:
    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            groups[row["id"].rsplit("-", 1)[0]].append(row)
    return [
        InterviewRequest(
            rows[0]["company"],
            rows[0]["role"],
            tuple(EssayAnswer(r["question"], r["answer"]) for r in rows),
        )  # fmt: skip
        for rows in groups.values()
    ]


def run(requests: list[InterviewRequest], show: int) -> dict[str, int]:
    seeds = flagged = off = caught = 0
    shown = 0
    for request in requests:
        application = request.application
        lang = "en" if request.lang == "en" else "ko"
        for question in seed_questions(request):
            seeds += 1
            if off_topic(question.text, application, lang):
                flagged += 1
                if shown < show:
                    shown += 1
                    print("  flagged:", question.text)
        for text in OFF_TOPIC_EN if lang == "en" else OFF_TOPIC_KO:
            off += 1
            if off_topic(text, application, lang):
                caught += 1
            elif shown < show:
                shown += 1
                print("  missed:", text, "|", request.company, request.role)
    return {"seed questions": seeds, "flagged": flagged, "off-topic": off, "caught": caught}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("essays", nargs="?", type=Path, default=ESSAYS)
    parser.add_argument("--show", type=int, default=10)
    args = parser.parse_args()
    requests = applications(args.essays)
    answers = sum(len(r.answers) for r in requests)
    print(f"{len(requests)} applications, {answers} answers")
    for mode in ("words cut by rule", "analyzer nouns"):
        if mode == "analyzer nouns" and korean.load() is None:
            print("analyzer not installed")
            break
        started = time.perf_counter()
        figures = run(requests, args.show)
        seconds = time.perf_counter() - started
        print(f"{mode}: {figures} ({seconds:.1f} s)")
    english = [
        InterviewRequest(
            row["company"], row["role"], (EssayAnswer(row["question"], row["answer"]),), "en"
        )  # fmt: skip
        for row in map(json.loads, ENGLISH.read_text(encoding="utf-8").splitlines())
    ]
    print(f"English letters ({len(english)}): {run(english, args.show)}")


if __name__ == "__main__":
    main()
