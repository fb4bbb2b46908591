"""The gate across a batch: a model that gives the same score vector to answers the automatic
analysis rates clearly differently does not score them (``same_scores``); those answers get the
analysis alone."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop.counsel.runner import run_batch
from desktop.critique_types import DIMENSIONS, CritiqueData
from desktop.engine import gate
from desktop.engine.backend import Chunk
from desktop.engine.gate_tasks import CLEAR_GAP, ScoreWatch
from desktop.engine.tasks.io import TaskIO
from desktop.store import Database
from desktop.store import applications as apps
from desktop.store import critiques as cs
from desktop.store.batches import answered_questions, create_batch
from desktop.writing.essay import EssayRequest
from tests.ui.fakes import FakeBackend

# Three answers the analysis scores (3,5,5,4,5,4), (2,1,3,3,2,3) and (2,2,4,5,4,3).
ANSWERS = (
    "[현장의 오차를 숫자로 줄였습니다] 저는 한빛물류 운송관리 직무에 지원합니다. 물류센터 "
    "아르바이트에서 입고 기록 1,200건을 분석해 오차 원인을 찾았고, 바코드 재확인 절차를 "
    "제안해 오차율을 3.5%에서 0.8%로 낮췄습니다. 입사 후 이 경험으로 배송 지연을 줄이는 데 "
    "기여하겠습니다.",
    "어릴 적부터 저는 성실한 사람이었습니다. 항상 최선을 다하는 사람입니다. 뽑아주신다면 "
    "최선을 다하겠습니다.",
    "저는 학교에서 동아리 회장을 했습니다. 여러 사람과 함께 일하는 것이 좋았고 많은 것을 "
    "배웠다고 생각합니다. 한빛물류에서도 열심히 하겠습니다.",
)


def test_the_same_vector_for_answers_rated_apart_is_rejected_from_the_second_on() -> None:
    watch = ScoreWatch()
    same = (3, 4, 5, 3, 4, 5)
    assert watch.same_scores(same, (3, 5, 5, 4, 5, 4)) is None  # nothing to compare with yet
    verdict = watch.same_scores(same, (2, 1, 3, 3, 2, 3))
    assert verdict is not None and verdict.reason == gate.SAME_SCORES
    assert verdict.text == "3/4/5/3/4/5"
    # Answers the analysis rates (nearly) alike may get the same vector.
    close = (3, 5, 5, 4, 5, 3 + CLEAR_GAP - 1)
    assert ScoreWatch().same_scores(same, (3, 5, 5, 4, 5, 3)) is None
    watch = ScoreWatch()
    watch.same_scores(same, (3, 5, 5, 4, 5, 3))
    assert watch.same_scores(same, close) is None
    # Different vectors for different answers: a model that scores.
    watch = ScoreWatch()
    assert watch.same_scores((4, 5, 5, 4, 5, 4), (3, 5, 5, 4, 5, 4)) is None
    assert watch.same_scores((2, 2, 3, 3, 2, 3), (2, 1, 3, 3, 2, 3)) is None


class Scoring(FakeBackend):
    """The fake model with a score vector per answer: ``vectors`` gives it by the answer's
    index in ANSWERS (the fake's own vector, 3/4/5/3/4/5, for all by default)."""

    def __init__(self, vectors: Sequence[Sequence[int]] | None = None) -> None:
        super().__init__()
        self.vectors = vectors

    def stream(self, prompt: Any, params: Any, cancel: Any, on_progress: Any = None) -> Any:
        for chunk in super().stream(prompt, params, cancel, on_progress):
            if params.json_schema is None or "scores" not in params.json_schema["properties"]:
                yield chunk
                continue
            data = json.loads(chunk.text)
            answer = next(a for a in ANSWERS if a in prompt)
            if self.vectors is not None:
                vector = self.vectors[ANSWERS.index(answer)]
                for name, score in zip(DIMENSIONS, vector, strict=True):
                    data["scores"][name]["score"] = score
            yield Chunk(json.dumps(data, ensure_ascii=False))


def _review(tmp_path: Path, backend: FakeBackend) -> list[CritiqueData]:
    """``jaso review``'s runner over one application with the three answers, in order."""
    db = Database(tmp_path / "jaso.sqlite3")
    try:
        app_id = db.run(
            apps.create_application,
            company="한빛물류",
            role="운송관리",
            questions=[apps.NewQuestion(f"지원동기 {i} (300자)", answer=a) for i, a in
                       enumerate(ANSWERS)],
        )  # fmt: skip
        ids = db.run(answered_questions)[app_id]
        batch = db.run(create_batch, question_ids=ids, owner="cli:test")
        progress = run_batch(db, batch, backend, owner="cli:test", seed=0)
        assert (progress.done, progress.failed) == (3, 0)
        return [db.run(cs.list_critiques, question_id=q)[0].data for q in ids]
    finally:
        db.close()


def test_a_model_that_gives_every_answer_the_same_scores_is_left_out_after_the_first(
    tmp_path: Path,
) -> None:
    first, second, third = _review(tmp_path, Scoring())
    assert first["source"] == "model+analysis"  # nothing to compare it with yet
    for data in (second, third):
        assert data["source"] == "analysis"
        assert data["gate"]["passed"] is False
        assert data["gate"]["rejected"] == {gate.SAME_SCORES: 1}
        assert "same_scores" in data["gate"]["message"]
        assert data["gate"]["scores"] == dict(zip(DIMENSIONS, (3, 4, 5, 3, 4, 5), strict=True))
        assert not any(item.get("origin") == "model" for item in data["improvements"])
        assert "근거는 좋지만" not in data["summary"]  # the model's summary is not shown
    # The analysis shown is the answer's own: the three are scored apart.
    vectors = {tuple(d["scores"][n]["score"] for n in DIMENSIONS) for d in (first, second, third)}
    assert len(vectors) == 3


def test_a_model_that_scores_each_answer_keeps_its_critiques(tmp_path: Path) -> None:
    vectors = ((4, 5, 5, 4, 5, 4), (2, 2, 3, 3, 2, 3), (2, 2, 4, 4, 4, 3))
    critiques = _review(tmp_path, Scoring(vectors))
    assert [d["source"] for d in critiques] == ["model+analysis"] * 3
    assert all(d["gate"]["passed"] for d in critiques)


def test_a_single_critique_keeps_the_models_own_scores() -> None:
    """critique() keeps them in gate.scores: the batch compares those, not the shown scores
    (the analysis's, moved at most one point toward the model's)."""
    from desktop.engine.tasks.critique import critique

    request = EssayRequest(text=ANSWERS[1], question="지원동기 (300자)", company="한빛물류",
                           role="운송관리", limit=300)  # fmt: skip
    data = critique(Scoring(), request, TaskIO())
    assert data["source"] == "model+analysis"
    assert data["gate"]["scores"] == dict(zip(DIMENSIONS, (3, 4, 5, 3, 4, 5), strict=True))
    assert [data["scores"][n]["score"] for n in DIMENSIONS] != [3, 4, 5, 3, 4, 5]
