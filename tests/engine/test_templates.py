"""Every chat template shipped in the pinned llama-cpp-python archive renders every task.

For each template in ``vendor/llama.cpp/models/templates/`` and each task's messages
(suggestion header, critique, draft, interview questions, interview feedback, in Korean and
English), transformers' own ``render_jinja_template`` is the reference: where it renders the
messages (or, for a template that refuses a system turn, the messages with the system text
folded into the user turn), Jaso must render exactly the same text, holding the company and
the question. Templates transformers cannot render at all are counted, not hidden.
"""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest
from transformers.utils.chat_template_utils import render_jinja_template

from desktop.engine.chat import fold_system, render_chat
from desktop.engine.errors import TemplateError
from desktop.engine.tasks.critique import critique_messages
from desktop.engine.tasks.draft import draft_messages
from desktop.engine.tasks.interview import InterviewQuestion, InterviewRequest, question_messages
from desktop.engine.tasks.interview_feedback import feedback_messages
from desktop.engine.tasks.suggest import header_messages
from desktop.engine.testmodel import default_cache_dir, source_archive
from desktop.writing.essay import EssayRequest

COMPANY, QUESTION = "한빛물류", "지원동기 (700자)"
KO = EssayRequest(text="오차율을 3.5%에서 0.8%로 낮췄습니다.", question=QUESTION,
                  company=COMPANY, role="운송관리", limit=700)  # fmt: skip
EN = EssayRequest(text="I cut errors by 30%.", question=QUESTION, company=COMPANY,
                  role="Analyst", lang="en")  # fmt: skip


def _tasks() -> dict[str, list[dict[str, str]]]:
    tasks: dict[str, list[dict[str, str]]] = {}
    for request in (KO, EN):
        interview = InterviewRequest.from_json(
            {"company": COMPANY, "role": request.role, "lang": request.lang,
             "answers": [{"question": QUESTION, "answer": request.text}]}
        )  # fmt: skip
        asked = InterviewQuestion(f"{COMPANY}에 지원한 이유는 무엇입니까? {QUESTION}", "", "motive")
        lang = request.lang
        tasks[f"suggest-{lang}"] = header_messages(request)
        tasks[f"critique-{lang}"] = critique_messages(request, [])
        tasks[f"draft-{lang}"] = draft_messages(request, "물류센터, 오차율", 600)
        tasks[f"interview-{lang}"] = question_messages(interview, 6)
        tasks[f"feedback-{lang}"] = feedback_messages(interview, asked, "열심히 했습니다.", {})
    return tasks


def _templates() -> dict[str, str]:
    with tarfile.open(source_archive(default_cache_dir())) as tar:
        found = {}
        for member in tar.getmembers():
            if "/vendor/llama.cpp/models/templates/" in member.name and member.name.endswith(
                ".jinja"
            ):
                handle = tar.extractfile(member)
                assert handle is not None
                found[Path(member.name).stem] = handle.read().decode("utf-8")
    return found


def _reference(template: str, messages: list[dict[str, str]]) -> str | None:
    for attempt in (messages, fold_system(messages)):
        try:
            rendered, _ = render_jinja_template(
                conversations=[attempt], chat_template=template, add_generation_prompt=True,
                bos_token="<s>", eos_token="</s>",
            )  # fmt: skip
            return str(rendered[0])
        except Exception:  # noqa: BLE001 (any failure of transformers' renderer: try the next)
            continue
    return None


TEMPLATES = _templates()
TASKS = _tasks()


def test_the_archive_ships_the_template_families() -> None:
    assert len(TEMPLATES) >= 60
    families = ["Qwen-Qwen2.5-7B-Instruct", "google-gemma-2-2b-it"]
    families += ["meta-llama-Llama-3.2-3B-Instruct", "microsoft-Phi-3.5-mini-instruct"]
    assert set(families) <= set(TEMPLATES)


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_every_task_renders_like_transformers(name: str) -> None:
    template = TEMPLATES[name]
    unrenderable = []
    for task, messages in TASKS.items():
        expected = _reference(template, messages)
        if expected is None:
            unrenderable.append(task)
            with pytest.raises(TemplateError):  # a clear error, never a crash
                render_chat(template, messages, bos_token="<s>", eos_token="</s>")
            continue
        ours = render_chat(template, messages, bos_token="<s>", eos_token="</s>")
        assert ours == expected, task
        assert COMPANY in ours and QUESTION.split(" ")[0] in ours, task
    # A template transformers cannot render for any task is reported; none may fail only some.
    assert unrenderable in ([], list(TASKS)), unrenderable
