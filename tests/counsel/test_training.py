"""Training JSONL: approved critiques of consenting clients, chat format, contacts masked."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from desktop.counsel.training import training_examples, write_jsonl
from desktop.engine.tasks.critique_schema import DIMENSIONS, SCHEMA
from desktop.store import Database
from desktop.store import applications as apps
from desktop.store import clients as cl
from desktop.store import critiques as cs
from desktop.store import reviews as rv
from desktop.writing.checks import mask_contacts
from tests.counsel.test_reports import CRITIQUE

CONTACT = "연락처 010-1234-5678, jiwon.kim@example.com, 주민번호 990101-1234567."
ANSWER = f"물류센터에서 재고 오차율을 3.5%에서 0.8%로 낮췄습니다. {CONTACT}"


def _approved(db: Database, client: str, *, approve: bool = True, grow: bool = False) -> int:
    app_id = db.run(
        apps.create_application,
        company="한빛물류",
        role="물류 SCM 기획",
        client_name=client,
        questions=[apps.NewQuestion("지원 동기 (700자)", answer=ANSWER)],
    )
    qid = db.run(apps.get_application, application_id=app_id).questions[0].id
    data = json.loads(json.dumps(CRITIQUE))
    data["scores"] = {name: {"score": 3, "rationale": "보통"} for name in DIMENSIONS}
    data["improvements"][0]["quote"] = "010-1234-5678"  # the model quoted the contact line
    record = db.run(cs.save_critique, question_id=qid, text=ANSWER, data=data)
    review = rv.current_review(record)
    review["improvements"][1]["state"] = "rejected"
    review["summary"] = f"{client} 님, 잘 썼습니다. 문의는 counsel@example.org 로."
    if grow:  # more improvements than the model may produce
        review["improvements"] += [dict(review["improvements"][0], state="accepted")] * 4
    db.run(rv.save_review, critique_id=record.id, review=review, approve=approve)
    return qid


def test_jsonl_is_chat_format_schema_valid_and_free_of_contacts(
    db: Database, tmp_path: Path
) -> None:
    _approved(db, "김지원")
    _approved(db, "김지원", approve=False)  # a draft is not training data
    _approved(db, "박서준")  # no consent
    _approved(db, "김지원", grow=True)  # outside the schema: skipped, counted
    db.run(cl.set_training_consent, name="김지원", consent=True)
    export = db.run(training_examples)
    assert len(export.examples) == 1 and export.skipped == 1
    path = tmp_path / "train.jsonl"
    write_jsonl(path, export.examples)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    for line in lines:
        assert mask_contacts(line, "X") == line, "a contact survived the export"
        messages = json.loads(line)["messages"]
        assert [m["role"] for m in messages] == ["system", "user", "assistant"]
        user = messages[1]["content"]
        for part in (
            "한빛물류",
            "물류 SCM 기획",
            "지원 동기 (700자)",
            "3.5%에서 0.8%로",
            "[연락처]",
        ):
            assert part in user, part
        target = json.loads(messages[2]["content"])
        jsonschema.validate(target, SCHEMA)
        assert [i["issue"] for i in target["improvements"]] == ["본인 역할이 흐립니다"]
        assert target["improvements"][0]["quote"] == "[연락처]"
        assert "state" not in target["strengths"][0] and "start" not in target["strengths"][0]
        assert "박서준" not in line and "counsel@example.org" not in line
        assert "김지원" not in line and "[이름] 님" in target["summary"]  # the client's name too
