from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.store import Database, NotFound, trash
from desktop.store import applications as apps
from desktop.store import questions as qs
from desktop.store.search import search


def test_create_and_read_with_limits_parsed(db: Database) -> None:
    app_id = db.run(
        apps.create_application,
        company="다온은행",
        role="기업금융 RM",
        deadline=date(2026, 12, 1),
        blind_hiring=True,
        client_name="김하늘",
        questions=[
            apps.NewQuestion("본인 성격의 장단점 (공백 제외 500자)"),
            apps.NewQuestion("자유 기술", char_limit=800),
        ],
    )
    record = db.run(apps.get_application, application_id=app_id)
    assert (record.company, record.role, record.blind_hiring) == ("다온은행", "기업금융 RM", True)
    assert record.client_name == "김하늘"
    assert [(q.char_limit, q.profile) for q in record.questions] == [
        (500, "chars_excl_spaces"),
        (800, "chars_incl_spaces"),
    ]


def test_invalid_fields_are_rejected(db: Database) -> None:
    with pytest.raises(ValueError, match="status"):
        db.run(apps.create_application, company="x", status="won")
    with pytest.raises(ValueError, match="unknown"):
        db.run(apps.create_application, company="x", salary=1)


def test_list_sorted_by_deadline_and_filtered(db: Database) -> None:
    for company, deadline, status in (
        ("C", None, "draft"),
        ("B", date(2026, 12, 5), "submitted"),
        ("A", date(2026, 12, 1), "draft"),
    ):
        db.run(apps.create_application, company=company, deadline=deadline, status=status)
    assert [r.company for r in db.run(apps.list_applications)] == ["A", "B", "C"]
    assert [r.company for r in db.run(apps.list_applications, status="draft")] == ["A", "C"]


def test_autosaves_coalesce_into_one_revision_per_burst(db: Database) -> None:
    app_id = db.run(apps.create_application, company="x", questions=[apps.NewQuestion("q")])
    qid = db.run(apps.get_application, application_id=app_id).questions[0].id
    t0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    for seconds, text in ((0, "가"), (1, "가나"), (2, "가나다")):
        db.run(qs.save_answer, question_id=qid, text=text, at=t0 + timedelta(seconds=seconds))
    assert [r.text for r in db.run(qs.list_revisions, question_id=qid)] == ["가나다"]
    db.run(qs.save_answer, question_id=qid, text="가나다라", at=t0 + timedelta(minutes=6))
    assert [r.text for r in db.run(qs.list_revisions, question_id=qid)] == ["가나다라", "가나다"]
    db.run(qs.save_answer, question_id=qid, text="가나다라", at=t0 + timedelta(minutes=7))
    assert len(db.run(qs.list_revisions, question_id=qid)) == 2  # unchanged text adds nothing


def test_restore_keeps_the_replaced_text(db: Database) -> None:
    app_id = db.run(apps.create_application, company="x", questions=[apps.NewQuestion("q")])
    qid = db.run(apps.get_application, application_id=app_id).questions[0].id
    db.run(qs.save_answer, question_id=qid, text="first draft", reason="manual")
    first = db.run(qs.list_revisions, question_id=qid)[0]
    db.run(qs.save_answer, question_id=qid, text="second draft", reason="manual")
    assert db.run(qs.restore_revision, revision_id=first.id) == "first draft"
    assert db.run(qs.get_question, question_id=qid).answer == "first draft"
    history = db.run(qs.list_revisions, question_id=qid)
    assert [r.text for r in history][:2] == ["first draft", "second draft"]
    assert history[0].reason == "restore"


def test_reorder_questions(db: Database) -> None:
    app_id = db.run(
        apps.create_application,
        company="x",
        questions=[apps.NewQuestion(t) for t in ("one", "two", "three")],
    )
    ids = [q.id for q in db.run(apps.get_application, application_id=app_id).questions]
    db.run(qs.move_question, question_id=ids[2], offset=-1)
    assert [q.text for q in db.run(apps.get_application, application_id=app_id).questions] == [
        "one",
        "three",
        "two",
    ]
    db.run(qs.move_question, question_id=ids[0], offset=-5)  # clamps at the top
    new_id = db.run(qs.add_question, application_id=app_id, spec=apps.NewQuestion("four"))
    assert db.run(apps.get_application, application_id=app_id).questions[-1].id == new_id


def test_trash_restore_and_purge(db: Database, sample_ids: list[int]) -> None:
    first = sample_ids[0]
    question_id = db.run(apps.get_application, application_id=sample_ids[1]).questions[0].id
    db.run(apps.trash_application, application_id=first)
    db.run(qs.trash_question, question_id=question_id)
    assert first not in [r.id for r in db.run(apps.list_applications)]
    with pytest.raises(NotFound):
        db.run(apps.get_application, application_id=first)
    assert first not in {h.application_id for h in db.run(search, query="오차율")}  # trashed
    items = db.run(trash.list_trash)
    assert {(i.kind, i.id) for i in items} == {("application", first), ("question", question_id)}
    db.run(trash.restore_from_trash, kind="application", item_id=first)
    assert db.run(apps.get_application, application_id=first).company == "한빛물류"
    db.run(trash.purge, kind="question", item_id=question_id)
    assert db.run(trash.list_trash) == []
    with pytest.raises(NotFound):
        db.run(trash.purge, kind="application", item_id=first)  # not in the trash


def test_reuse_for_another_company_copies_and_renames(db: Database, sample_ids: list[int]) -> None:
    source = db.run(apps.get_application, application_id=sample_ids[0])
    new_id = db.run(
        apps.reuse_application, application_id=source.id, company="다온은행", role="기업금융"
    )
    copy = db.run(apps.get_application, application_id=new_id)
    assert (copy.company, copy.role, copy.status) == ("다온은행", "기업금융", "draft")
    assert copy.questions[0].text.startswith("다온은행을 지원한 이유")
    assert "다온은행의 풀필먼트" in copy.questions[0].answer
    assert "한빛물류" not in copy.questions[0].answer
    assert db.run(apps.get_application, application_id=source.id).questions == source.questions
    plain = db.run(
        apps.reuse_application,
        application_id=source.id,
        company="새벽택배",
        replace_company_name=False,
    )
    assert "한빛물류" in db.run(apps.get_application, application_id=plain).questions[0].answer


@pytest.mark.parametrize(
    ("query", "expected_company"),
    [
        ("물류", "한빛물류"),
        ("오차율", "한빛물류"),
        ("풀필먼트 센터", "한빛물류"),
        ("Bluefield", "Bluefield Robotics"),
        ("예방정비", "한결에너지공사"),
        ("가", None),
    ],
)
def test_full_text_search_hangul_substrings(
    db: Database, sample_ids: list[int], query: str, expected_company: str | None
) -> None:
    hits = db.run(search, query=query)
    companies = {
        db.run(apps.get_application, application_id=h.application_id).company for h in hits
    }
    if expected_company is None:
        assert hits  # one syllable still works (by scanning)
    else:
        assert expected_company in companies
        assert any(query.lower() in h.snippet.lower() for h in hits)


def test_search_handles_quotes_and_wildcards(db: Database, sample_ids: list[int]) -> None:
    assert db.run(search, query='"') == []
    assert db.run(search, query="100%") == []
    assert db.run(search, query="   ") == []


def test_reuse_refits_every_ending_and_leaves_what_it_cannot_for_the_checks(db: Database) -> None:
    from desktop.writing.checks import run_checks
    from desktop.writing.flags import CheckContext

    answer = "한빛물산이랑 일했고 한빛물산이다. 한빛물산이기에 지원했다. 한빛물산은행과는 다르다."
    source = db.run(
        apps.create_application,
        company="한빛물산",
        role="영업",
        questions=[apps.NewQuestion("한빛물산에 지원한 이유", None, "chars_incl_spaces", answer)],
    )
    new_id = db.run(apps.reuse_application, application_id=source, company="다온테크")
    copy = db.run(apps.get_application, application_id=new_id)
    assert copy.questions[0].answer == (
        "다온테크랑 일했고 다온테크이다. 다온테크이기에 지원했다. 한빛물산은행과는 다르다."
    )
    others = tuple(db.run(apps.other_companies, application_id=new_id))
    flags = run_checks(
        copy.questions[0].answer, CheckContext(company="다온테크", other_companies=others)
    )
    left = [(f.rule_id, f.severity) for f in flags if f.rule_id == "COMPANY.OTHER"]
    assert left == [("COMPANY.OTHER", "critical")]
    reused = db.run(apps.other_application_answers, application_id=new_id)
    assert reused == [("한빛물산 · 영업", answer)]
