"""Counselor review in the store: pinned comments, reviewed critiques, clients, the batch queue."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import pytest

from desktop.store import Database, StorageError
from desktop.store import applications as apps
from desktop.store import batches as bs
from desktop.store import clients as cl
from desktop.store import comments as cm
from desktop.store import critiques as cs
from desktop.store import questions as qs
from desktop.store import reviews as rv
from desktop.store.errors import NotRunning
from desktop.store.owners import is_running, this_process

ANSWER = "물류센터에서 재고 오차율을 3.5%에서 0.8%로 낮췄습니다. 바코드 재검수를 도입했습니다."
CRITIQUE = {
    "scores": {"evidence": {"score": 4, "rationale": "숫자가 있습니다"}},
    "strengths": [{"point": "수치가 분명합니다", "quote": "3.5%에서 0.8%로"}],
    "improvements": [
        {"issue": "역할", "why": "본인 역할이 흐립니다", "suggestion": "맡은 일을 쓰세요",
         "severity": "major", "quote": ""},
        {"issue": "어투", "why": "-", "suggestion": "-", "severity": "minor", "quote": ""},
    ],
    "summary": "좋습니다",
    "top_fixes": ["역할을 쓰세요"],
}  # fmt: skip


def _question(db: Database, client: str = "김지원", answer: str = ANSWER) -> int:
    app_id = db.run(
        apps.create_application,
        company="한빛물류",
        client_name=client,
        questions=[apps.NewQuestion("지원동기 (700자)", answer=answer)],
    )
    return db.run(apps.get_application, application_id=app_id).questions[0].id


def test_comment_follows_its_quote_through_edits_and_detaches_when_it_is_gone(
    db: Database,
) -> None:
    qid = _question(db)
    start = ANSWER.index("바코드")
    cid = db.run(
        cm.add_comment,
        question_id=qid,
        start=start,
        end=start + len("바코드 재검수를"),
        body="언제요?",
    )
    db.run(qs.save_answer, question_id=qid, text="2024년 여름, " + ANSWER)
    [moved] = db.run(cm.list_comments, question_id=qid)
    text = "2024년 여름, " + ANSWER
    assert moved.id == cid and text[moved.start : moved.end] == "바코드 재검수를"
    # The new offsets were stored: a later edit elsewhere starts from them.
    db.run(qs.save_answer, question_id=qid, text=text.replace("바코드 재검수를", "재검수 절차를"))
    [gone] = db.run(cm.list_comments, question_id=qid)
    assert gone.start is None and gone.quote == "바코드 재검수를" and gone.body == "언제요?"


def test_nearest_occurrence_wins_when_the_quote_repeats(db: Database) -> None:
    qid = _question(db, answer="팀장으로 일했습니다. 그리고 팀장으로 다시 일했습니다.")
    second = "팀장으로 일했습니다. 그리고 팀장으로 다시 일했습니다.".rindex("팀장으로")
    db.run(cm.add_comment, question_id=qid, start=second, end=second + 4, body="중복")
    db.run(qs.save_answer, question_id=qid, text="저는 팀장으로 일했습니다. 그리고 팀장으로 다시.")
    [comment] = db.run(cm.list_comments, question_id=qid)
    assert comment.start == "저는 팀장으로 일했습니다. 그리고 팀장으로 다시.".rindex("팀장으로")


def test_proposed_replacement_applies_to_the_moved_span(db: Database) -> None:
    qid = _question(db)
    start = ANSWER.index("낮췄습니다")
    cid = db.run(
        cm.add_comment,
        question_id=qid,
        start=start,
        end=start + 5,
        body="",
        replacement="줄였습니다",
    )
    db.run(qs.save_answer, question_id=qid, text="저는 " + ANSWER)
    [proposal] = db.run(cm.list_comments, question_id=qid)
    assert proposal.is_proposal and proposal.state == "open"
    assert cm.apply_replacement("저는 " + ANSWER, proposal) == "저는 " + ANSWER.replace(
        "낮췄습니다", "줄였습니다"
    )
    db.run(cm.set_comment_state, comment_id=cid, state="accepted")
    assert db.run(cm.list_comments, question_id=qid)[0].state == "accepted"
    with pytest.raises(ValueError):
        cm.apply_replacement("전혀 다른 글", proposal)
    with pytest.raises(ValueError):
        db.run(cm.add_comment, question_id=qid, start=5, end=5, body="빈 범위")
    with pytest.raises(ValueError):
        db.run(cm.set_comment_state, comment_id=cid, state="maybe")


def test_review_edits_are_kept_apart_from_the_model_output(db: Database) -> None:
    qid = _question(db)
    record = db.run(cs.save_critique, question_id=qid, text=ANSWER, data=CRITIQUE)
    review = rv.current_review(record)
    assert [i["state"] for i in review["improvements"]] == ["pending", "pending"]
    review["improvements"][1]["state"] = "rejected"
    review["improvements"][0]["suggestion"] = "물류센터에서 맡은 검수 담당 역할을 먼저 쓰세요"
    review["strengths"].append(
        {
            "point": "도입한 방법이 구체적입니다",
            "quote": "",
            "state": "accepted",
            "origin": "counselor",
        }
    )
    review["scores"]["evidence"]["score"] = 3
    saved = db.run(rv.save_review, critique_id=record.id, review=review)
    assert saved.approved_at is None and saved.data == CRITIQUE
    approved = db.run(rv.save_review, critique_id=record.id, review=saved.review, approve=True)
    assert approved.approved_at is not None
    final = rv.final_critique(approved)
    assert [i["issue"] for i in final["improvements"]] == ["역할"]
    assert final["improvements"][0]["state"] == "accepted"  # pending settled on approval
    assert final["improvements"][0]["suggestion"].startswith("물류센터에서 맡은")
    assert len(final["strengths"]) == 2 and final["scores"]["evidence"]["score"] == 3
    review["scores"]["evidence"]["score"] = 9
    with pytest.raises(ValueError):
        db.run(rv.save_review, critique_id=record.id, review=review)


def test_only_approved_critiques_of_consenting_clients_are_training_data(db: Database) -> None:
    yes, no = _question(db, "김지원"), _question(db, "박서준")
    ids = []
    for qid in (yes, no):
        record = db.run(cs.save_critique, question_id=qid, text=ANSWER, data=CRITIQUE)
        ids.append(record.id)
        db.run(
            rv.save_review, critique_id=record.id, review=rv.current_review(record), approve=True
        )
    draft = db.run(cs.save_critique, question_id=yes, text=ANSWER, data=CRITIQUE)
    db.run(cl.set_training_consent, name="김지원", consent=True)
    assert db.run(cl.client_names) == ["김지원", "박서준"]
    assert db.run(cl.has_training_consent, name="김지원")
    assert db.run(rv.approved_critique_ids) == [ids[0]]
    assert db.run(rv.approved_critique_ids, consenting_only=False) == ids
    assert draft.id not in db.run(rv.approved_critique_ids, consenting_only=False)
    db.run(cl.set_training_consent, name="김지원", consent=False)
    assert db.run(rv.approved_critique_ids) == []


def test_batch_runs_in_order_lists_failures_and_estimates_time(db: Database) -> None:
    qids = [_question(db) for _ in range(4)]
    batch = db.run(bs.create_batch, question_ids=qids + [qids[0]])
    first = db.run(bs.claim_next, batch_id=batch)
    assert first is not None and first.question_id == qids[0]
    assert db.run(bs.batch_progress, batch_id=batch).eta_seconds is None
    db.run(bs.complete_item, item_id=first.id, text=ANSWER, data=CRITIQUE, seconds=10.0)
    second = db.run(bs.claim_next, batch_id=batch)
    assert second is not None
    db.run(bs.fail_item, item_id=second.id, error="the model ran out of memory")
    progress = db.run(bs.batch_progress, batch_id=batch)
    assert (progress.total, progress.done, progress.failed, progress.queued) == (4, 1, 1, 2)
    assert progress.eta_seconds == 20.0
    [failure] = db.run(bs.batch_failures, batch_id=batch)
    assert failure.question_id == qids[1] and "memory" in failure.error
    assert len(db.run(cs.list_critiques, question_id=qids[0])) == 1
    with pytest.raises(NotRunning):  # done is done: a late duplicate cannot store twice
        db.run(bs.complete_item, item_id=first.id, text=ANSWER, data=CRITIQUE, seconds=1.0)


def test_text_sqlite_cannot_encode_is_a_storage_error_and_stores_nothing(db: Database) -> None:
    qid = _question(db)
    batch = db.run(bs.create_batch, question_ids=[qid])
    item = db.run(bs.claim_next, batch_id=batch)
    assert item is not None
    broken = {**CRITIQUE, "summary": "요약\udc80"}  # a lone surrogate cannot be UTF-8
    with pytest.raises(StorageError, match="broken character"):
        db.run(bs.complete_item, item_id=item.id, text=ANSWER, data=broken, seconds=1.0)
    assert db.run(cs.list_critiques, question_id=qid) == []
    assert db.run(bs.batch_progress, batch_id=batch).running == 1  # rolled back, not half-done
    db.run(bs.fail_item, item_id=item.id, error="could not be saved")
    assert db.run(bs.batch_progress, batch_id=batch).failed == 1


def _owner_of(proc: subprocess.Popen[bytes]) -> str:
    return f"{socket.gethostname()}:{proc.pid}:earlier"


def test_pause_resume_cancel_and_requeue_after_a_crash(db: Database) -> None:
    qids = [_question(db) for _ in range(3)]
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    batch = db.run(bs.create_batch, question_ids=qids, owner=_owner_of(gone))
    claimed = db.run(bs.claim_next, batch_id=batch)
    assert claimed is not None
    # The process died here: the item stays "running" in the file, and the owner is gone.
    me = this_process()
    assert db.run(bs.unfinished_batch, owner=me) == batch
    assert db.run(bs.take_batch, batch_id=batch, owner=me)
    assert db.run(bs.batch_progress, batch_id=batch).queued == 3  # the running item is back
    db.run(bs.set_batch_state, batch_id=batch, state="paused")
    assert db.run(bs.claim_next, batch_id=batch) is None
    assert db.run(bs.unfinished_batch, owner=me) == batch  # paused batches are still offered
    db.run(bs.set_batch_state, batch_id=batch, state="running")
    again = db.run(bs.claim_next, batch_id=batch)
    assert again is not None and again.question_id == qids[0]
    assert db.run(bs.take_batch, batch_id=batch, owner=me)  # its own: nothing is requeued
    assert db.run(bs.batch_progress, batch_id=batch).running == 1
    db.run(bs.requeue_item, item_id=again.id)
    db.run(bs.set_batch_state, batch_id=batch, state="cancelled")
    progress = db.run(bs.batch_progress, batch_id=batch)
    assert (progress.state, progress.cancelled, progress.queued) == ("cancelled", 3, 0)
    assert db.run(bs.unfinished_batch, owner=me) is None
    assert db.run(bs.claim_next, batch_id=batch) is None


def test_a_batch_another_running_process_owns_is_left_alone(db: Database) -> None:
    qids = [_question(db) for _ in range(2)]
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        owner = _owner_of(other)
        assert is_running(owner) and is_running(this_process())
        batch = db.run(bs.create_batch, question_ids=qids, owner=owner)
        item = db.run(bs.claim_next, batch_id=batch)
        assert item is not None
        me = this_process()
        assert db.run(bs.unfinished_batch, owner=me) is None
        assert not db.run(bs.take_batch, batch_id=batch, owner=me)
        assert db.run(bs.batch_progress, batch_id=batch).running == 1  # its item is untouched
        db.run(bs.release_batch, batch_id=batch, owner=me)  # not ours: nothing happens
        assert not db.run(bs.take_batch, batch_id=batch, owner=me)
    finally:
        other.kill()
        other.wait()
    assert not is_running(owner)
    assert db.run(bs.unfinished_batch, owner=me) == batch
    assert db.run(bs.take_batch, batch_id=batch, owner=me)
    assert db.run(bs.batch_progress, batch_id=batch).queued == 2
    db.run(bs.release_batch, batch_id=batch, owner=me)
    assert db.run(bs.take_batch, batch_id=batch, owner="another-host:1:x")
    assert not is_running("another-host:1:x") and not is_running("") and not is_running("a:b")


def test_finished_batch_is_done_and_trashed_questions_fail(db: Database) -> None:
    qids = [_question(db) for _ in range(2)]
    batch = db.run(bs.create_batch, question_ids=qids)
    db.run(qs.trash_question, question_id=qids[0])
    item = db.run(bs.claim_next, batch_id=batch)
    assert item is not None and item.question_id == qids[1]
    db.run(bs.complete_item, item_id=item.id, text=ANSWER, data=CRITIQUE, seconds=2.0)
    assert db.run(bs.claim_next, batch_id=batch) is None
    progress = db.run(bs.batch_progress, batch_id=batch)
    assert (progress.state, progress.done, progress.failed) == ("done", 1, 1)


def test_other_companies_are_the_same_clients_only(db: Database) -> None:
    mine = db.run(apps.create_application, company="한빛물류", client_name="김지원")
    db.run(apps.create_application, company="다온은행", client_name="김지원")
    db.run(apps.create_application, company="누리바이오", client_name="박서준")
    alone = db.run(apps.create_application, company="모아커머스")
    assert db.run(apps.other_companies, application_id=mine) == ["다온은행"]
    # Without a client name (a job seeker's own list) every other application counts.
    assert db.run(apps.other_companies, application_id=alone) == [
        "누리바이오",
        "다온은행",
        "한빛물류",
    ]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_killed_owner_nobody_waited_for_is_gone() -> None:
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    owner = _owner_of(proc)
    assert is_running(owner)
    proc.kill()
    deadline = time.monotonic() + 10
    while is_running(owner) and time.monotonic() < deadline:  # a zombie until it is reaped
        time.sleep(0.05)
    assert not is_running(owner)
    proc.wait()


def _claim_order(db: Database, batch: int) -> list[int]:
    order = []
    while (item := db.run(bs.claim_next, batch_id=batch)) is not None:
        order.append(item.question_id)
    return order


def test_a_review_goes_ahead_of_what_a_batch_still_has_queued(db: Database) -> None:
    a, b, c, d = (_question(db) for _ in range(4))
    batch = db.run(bs.create_batch, question_ids=[a, b, c])
    running = db.run(bs.claim_next, batch_id=batch)
    assert running is not None and running.question_id == a
    # d is new, c moves ahead of b, a is running already: not queued twice.
    assert db.run(bs.add_to_batch, batch_id=batch, question_ids=[d, c, a], first=True) == 1
    assert _claim_order(db, batch) == [d, c, b]
    assert db.run(bs.batch_progress, batch_id=batch).total == 4


def test_a_batch_added_to_an_open_one_goes_to_its_end_without_repeats(db: Database) -> None:
    a, b, c = (_question(db) for _ in range(3))
    batch = db.run(bs.create_batch, question_ids=[a, b])
    assert db.run(bs.add_to_batch, batch_id=batch, question_ids=[b, c, c]) == 1
    assert _claim_order(db, batch) == [a, b, c]


def test_a_question_reviewed_earlier_in_the_batch_can_be_reviewed_again(db: Database) -> None:
    a = _question(db)
    batch = db.run(bs.create_batch, question_ids=[a])
    item = db.run(bs.claim_next, batch_id=batch)
    assert item is not None
    db.run(bs.fail_item, item_id=item.id, error="the model ran out of memory")
    db.run(bs.set_batch_state, batch_id=batch, state="paused")  # still open
    assert db.run(bs.add_to_batch, batch_id=batch, question_ids=[a], first=True) == 1
    db.run(bs.set_batch_state, batch_id=batch, state="running")
    assert _claim_order(db, batch) == [a]


@pytest.mark.parametrize("state", ["done", "cancelled"])
def test_nothing_is_added_to_a_batch_that_ended(db: Database, state: str) -> None:
    a = _question(db)
    batch = db.run(bs.create_batch, question_ids=[a])
    if state == "cancelled":
        db.run(bs.set_batch_state, batch_id=batch, state="cancelled")
    else:
        item = db.run(bs.claim_next, batch_id=batch)
        assert item is not None
        db.run(bs.fail_item, item_id=item.id, error="x")
        assert db.run(bs.claim_next, batch_id=batch) is None  # marks it done
    with pytest.raises(NotRunning):
        db.run(bs.add_to_batch, batch_id=batch, question_ids=[a])
