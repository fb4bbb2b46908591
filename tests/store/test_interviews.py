"""Interview practice sessions in the store."""

from __future__ import annotations

import pytest

from desktop.store import Database
from desktop.store.applications import NewQuestion, create_application
from desktop.store.errors import NotFound
from desktop.store.interviews import (
    NewInterviewQuestion,
    create_session,
    delete_session,
    get_session,
    list_sessions,
    save_practice_answer,
)


def test_a_session_keeps_its_questions_answers_and_feedback(db: Database) -> None:
    app_id = db.run(create_application, company="한빛물류", questions=[NewQuestion("q")])
    first = db.run(
        create_session,
        application_id=app_id,
        questions=[
            NewInterviewQuestion("오차율은 어떻게 측정했나요?", "오차율이 3.5%였고", "number"),
            NewInterviewQuestion("왜 한빛물류입니까?", kind="motive"),
        ],
        model="tiny.gguf",
    )
    second = db.run(create_session, application_id=app_id, questions=[])
    record = db.run(get_session, session_id=first)
    assert [i.question for i in record.items] == [
        "오차율은 어떻게 측정했나요?",
        "왜 한빛물류입니까?",
    ]
    assert record.items[0].source == "오차율이 3.5%였고" and record.answered == 0
    db.run(
        save_practice_answer,
        item_id=record.items[0].id,
        answer="바코드 재확인 전후의 오차 건수를 비교했습니다.",
        feedback={"total": 6, "scores": {}},
    )
    db.run(save_practice_answer, item_id=record.items[1].id, answer="쓰는 중", feedback=None)
    record = db.run(get_session, session_id=first)
    assert record.answered == 1 and record.score == (6, 8)
    assert record.items[1].answer == "쓰는 중" and record.items[1].feedback is None
    assert [s.id for s in db.run(list_sessions, application_id=app_id)] == [second, first]
    db.run(delete_session, session_id=first)
    assert [s.id for s in db.run(list_sessions, application_id=app_id)] == [second]
    with pytest.raises(NotFound):
        db.run(get_session, session_id=first)
