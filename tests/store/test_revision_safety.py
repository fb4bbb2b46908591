"""No autosave turns a non-empty answer into an empty (or mostly deleted) one without a revision
that still holds the text it replaced."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from desktop.store import Database
from desktop.store import applications as apps
from desktop.store import questions as qs

START = datetime(2026, 3, 2, 9, 0).astimezone()


def _question(db: Database, answer: str = "") -> int:
    app_id = db.run(
        apps.create_application,
        company="한빛물류",
        questions=[apps.NewQuestion("지원 동기 (700자)", answer=answer)],
    )
    return db.run(apps.get_application, application_id=app_id).questions[0].id


def _history(db: Database, question_id: int) -> list[str]:
    return [r.text for r in db.run(qs.list_revisions, question_id=question_id)]


def test_emptying_an_answer_within_the_autosave_span_keeps_the_old_text(db: Database) -> None:
    qid = _question(db)
    db.run(qs.save_answer, question_id=qid, text="물류센터에서", at=START)
    written = "물류센터에서 재고 오차율을 낮췄습니다."
    db.run(qs.save_answer, question_id=qid, text=written, at=START + timedelta(seconds=3))
    db.run(qs.save_answer, question_id=qid, text="", at=START + timedelta(seconds=6))
    assert written in _history(db, qid)
    [revision] = [r for r in db.run(qs.list_revisions, question_id=qid) if r.text == written]
    assert db.run(qs.restore_revision, revision_id=revision.id) == written  # one click
    assert db.run(qs.get_question, question_id=qid).answer == written


def test_an_answer_no_revision_holds_is_kept_before_it_is_replaced(db: Database) -> None:
    qid = _question(db, answer="가져온 답변입니다. 고객 응대를 배웠습니다.")
    assert _history(db, qid) == []
    db.run(qs.save_answer, question_id=qid, text="", at=START)
    assert "가져온 답변입니다. 고객 응대를 배웠습니다." in _history(db, qid)


def test_small_edits_still_extend_one_revision(db: Database) -> None:
    qid = _question(db)
    for second, text in enumerate(("저는", "저는 물류", "저는 물류센터에서", "저는 물류센터")):
        db.run(qs.save_answer, question_id=qid, text=text, at=START + timedelta(seconds=second))
    assert _history(db, qid) == ["저는 물류센터"]


def test_no_sequence_of_autosaves_loses_a_non_empty_answer(db: Database) -> None:
    """Random autosave sequences (typing, deleting, undoing, emptying, seconds apart): every
    time a stored non-empty answer is replaced by an empty or much shorter one, a revision
    still holds it afterwards, however many saves follow."""
    rng = random.Random(29)
    words = ["저는", "물류센터에서", "재고", "오차율을", "0.8%로", "낮췄습니다.", "고객", "응대"]
    for _trial in range(20):
        qid = _question(db)
        text = ""
        at = START
        must_keep: set[str] = set()
        for _step in range(40):
            move = rng.random()
            if move < 0.55:
                text = (text + " " + rng.choice(words)).strip()
            elif move < 0.75:
                text = text[: rng.randrange(len(text) + 1)]
            elif move < 0.9:
                text = ""
            else:
                text = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 12)))
            previous = db.run(qs.get_question, question_id=qid).answer
            at += timedelta(seconds=rng.randrange(1, 90))
            db.run(qs.save_answer, question_id=qid, text=text, at=at)
            if previous.strip() and (not text.strip() or len(text) < len(previous) // 2):
                must_keep.add(previous)
            history = set(_history(db, qid))
            assert must_keep <= history
