from __future__ import annotations

import pytest

from desktop.store import Database, NotFound
from desktop.store import applications as apps
from desktop.store import critiques as cs
from desktop.store import questions as qs


def _question(db: Database) -> int:
    app_id = db.run(
        apps.create_application, company="한빛물류", questions=[apps.NewQuestion("지원동기")]
    )
    return db.run(apps.get_application, application_id=app_id).questions[0].id


def test_critique_is_kept_against_the_reviewed_text_and_goes_stale(db: Database) -> None:
    question_id = _question(db)
    db.run(qs.save_answer, question_id=question_id, text="첫 답변")
    first = db.run(
        cs.save_critique,
        question_id=question_id,
        text="첫 답변",
        data={"summary": "짧습니다", "scores": {}},
        model="tiny.gguf",
    )
    assert first.reviewed_text == "첫 답변" and not first.is_stale("첫 답변")
    # Autosave extends its revision in place; the reviewed text must not move with it.
    db.run(qs.save_answer, question_id=question_id, text="첫 답변을 고쳤습니다")
    second = db.run(cs.save_critique, question_id=question_id, text="둘째", data={"summary": "2"})
    history = db.run(cs.list_critiques, question_id=question_id)
    assert [c.id for c in history] == [second.id, first.id]
    assert history[1].reviewed_text == "첫 답변"
    assert history[1].is_stale("첫 답변을 고쳤습니다")
    assert history[1].data == {"summary": "짧습니다", "scores": {}}
    assert history[1].model == "tiny.gguf"
    reasons = [r.reason for r in db.run(qs.list_revisions, question_id=question_id)]
    assert reasons.count("reviewed") == 2
    with pytest.raises(NotFound):
        db.run(cs.save_critique, question_id=9999, text="x", data={})


def test_ai_inserts_keep_the_text_before_and_the_inserted_piece(db: Database) -> None:
    question_id = _question(db)
    db.run(
        cs.record_ai_insert,
        question_id=question_id,
        before="저는 물류",
        inserted=" 현장에서 배웠습니다.",
    )
    assert db.run(cs.list_ai_inserts, question_id=question_id) == [" 현장에서 배웠습니다."]
    revisions = db.run(qs.list_revisions, question_id=question_id)
    assert [(r.reason, r.text) for r in revisions] == [("before-AI-insert", "저는 물류")]


def test_other_companies_are_the_other_live_applications(db: Database) -> None:
    first = db.run(apps.create_application, company="한빛물류", questions=[])
    db.run(apps.create_application, company="다온은행", questions=[])
    gone = db.run(apps.create_application, company="새벽택배", questions=[])
    db.run(apps.create_application, company="한빛물류", questions=[])
    db.run(apps.trash_application, application_id=gone)
    assert db.run(apps.other_companies, application_id=first) == ["다온은행"]
