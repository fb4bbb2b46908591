"""The model thread with the real llama.cpp backend: jobs end exactly once, cancel is prompt."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.engine.backend import (
    Backend,
    GenerationResult,
    LoadOptions,
    SamplingParams,
    create_backend,
)
from desktop.engine.chat import Message
from desktop.engine.tasks.io import TaskIO
from desktop.engine.testmodel import TestModel, build_test_model
from desktop.ui.models.llm_worker import LlmClient, TaskJob


def generate(
    prompt: str = "", params: SamplingParams | None = None, messages: tuple[Message, ...] = ()
) -> TaskJob:
    """A job that streams one generation (the prompt, or the messages in the model's template)."""

    def run(backend: Backend, io: TaskIO) -> GenerationResult:
        text = backend.render_chat(messages) if messages else prompt
        result = GenerationResult(text="", prompt_tokens=backend.count_tokens(text))
        for chunk in backend.stream(backend.tokenize(text), params or SamplingParams(), io.cancel):
            if chunk.text:
                result.text += chunk.text
                io.on_text(chunk.text)
            if chunk.token_id is not None:
                result.token_ids.append(chunk.token_id)
        return result

    return TaskJob(run, "generate")


@pytest.fixture(scope="module")
def tiny_model() -> TestModel:
    return build_test_model("tiny")


class Recorder:
    def __init__(self, client: LlmClient) -> None:
        self.ends: list[tuple[str, int]] = []
        self.text: dict[int, str] = {}
        self.threads: set[str] = set()
        client.text_ready.connect(self.on_text)
        client.job_finished.connect(lambda job_id, _r: self.ends.append(("finished", job_id)))
        client.job_failed.connect(lambda job_id, _m, _d: self.ends.append(("failed", job_id)))
        client.job_cancelled.connect(lambda job_id: self.ends.append(("cancelled", job_id)))

    def on_text(self, job_id: int, text: str) -> None:
        self.text[job_id] = self.text.get(job_id, "") + text
        self.threads.add(threading.current_thread().name)


@pytest.fixture
def client(qtbot: QtBot) -> Iterator[LlmClient]:
    instance = LlmClient(create_backend)
    yield instance
    assert instance.shutdown()


def test_load_generate_and_every_job_ends_once(
    qtbot: QtBot, client: LlmClient, tiny_model: TestModel
) -> None:
    recorder = Recorder(client)
    with qtbot.waitSignal(client.job_finished, timeout=20_000) as loaded:
        load_id = client.load("llama_cpp", LoadOptions(tiny_model.gguf("q8_0"), n_ctx=512))
    assert loaded.args[0] == load_id and loaded.args[1]["n_ctx"] == 512
    job = generate(
        messages=({"role": "user", "content": "지원동기"},),
        params=SamplingParams(max_tokens=20, temperature=0),
    )
    with qtbot.waitSignal(client.job_finished, timeout=20_000) as done:
        gen_id = client.submit(job)
    result = done.args[1]
    assert isinstance(result, GenerationResult) and len(result.token_ids) == 20
    assert recorder.text[gen_id] == result.text  # batched text adds up to the result
    assert recorder.threads == {threading.main_thread().name}
    assert recorder.ends == [("finished", load_id), ("finished", gen_id)]


def test_cancel_ends_the_job_as_cancelled(
    qtbot: QtBot, client: LlmClient, tiny_model: TestModel
) -> None:
    recorder = Recorder(client)
    with qtbot.waitSignal(client.job_finished, timeout=20_000):
        client.load("llama_cpp", LoadOptions(tiny_model.gguf("q8_0"), n_ctx=2048))
    job_id = client.submit(generate("자기소개서", SamplingParams(max_tokens=1800, temperature=0.9)))
    qtbot.waitUntil(lambda: job_id in recorder.text, timeout=10_000)
    started = time.perf_counter()
    with qtbot.waitSignal(client.job_cancelled, timeout=2000) as cancelled:
        client.cancel(job_id)
    assert cancelled.args == [job_id]
    assert time.perf_counter() - started < 0.5
    qtbot.wait(100)
    assert recorder.ends.count(("cancelled", job_id)) == 1
    assert [end for end in recorder.ends if end[1] == job_id] == [("cancelled", job_id)]


def test_cancel_before_start_and_queued_jobs(
    qtbot: QtBot, client: LlmClient, tiny_model: TestModel
) -> None:
    recorder = Recorder(client)
    load_id = client.load("llama_cpp", LoadOptions(tiny_model.gguf("q4_0"), n_ctx=512))
    ids = [client.submit(generate("가", SamplingParams(max_tokens=5))) for _ in range(5)]
    client.cancel(ids[2])
    qtbot.waitUntil(lambda: len(recorder.ends) == 6, timeout=20_000)
    qtbot.wait(100)  # nothing more may arrive
    expected = [("finished", load_id)] + [
        ("cancelled" if job_id == ids[2] else "finished", job_id) for job_id in ids
    ]
    assert recorder.ends == expected  # in order, each exactly once


def test_bad_model_fails_with_a_message_and_the_thread_lives_on(
    qtbot: QtBot, client: LlmClient, tiny_model: TestModel, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.gguf"
    bad.write_bytes(b"GGUF" + b"\x00" * 10)
    with qtbot.waitSignal(client.job_failed, timeout=10_000) as failed:
        client.load("llama_cpp", LoadOptions(bad))
    assert "GGUF" in failed.args[1] or "truncated" in failed.args[1]
    with qtbot.waitSignal(client.job_failed, timeout=10_000) as not_loaded:
        client.submit(generate("가"))
    assert "No model is loaded" in not_loaded.args[1]
    with qtbot.waitSignal(client.job_finished, timeout=20_000):
        client.load("llama_cpp", LoadOptions(tiny_model.gguf("q4_0"), n_ctx=256))


def test_real_backend_suggestions_through_the_assistant(
    qtbot: QtBot, client: LlmClient, smollm2_gguf: Path
) -> None:
    """The whole path: editor, controller, assistant, worker thread, llama.cpp, and back."""
    from desktop.ui.assist.suggestions import SuggestionController
    from desktop.ui.editor.answer_edit import AnswerEdit
    from desktop.ui.models.assistant import Assistant
    from desktop.writing.essay import EssayRequest

    assistant = Assistant(client)
    with qtbot.waitSignal(assistant.state_changed, timeout=20_000):
        assistant.load("llama_cpp", smollm2_gguf, 2048)
    qtbot.waitUntil(lambda: assistant.ready, timeout=20_000)
    edit = AnswerEdit()
    qtbot.addWidget(edit)
    edit.setPlainText("In my internship at a logistics firm, I learned to measure first.")
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    controller = SuggestionController(
        edit, assistant, lambda text: EssayRequest(text=text, limit=500, lang="en"), n=3,
        auto=False,
    )  # fmt: skip
    controller.request_now()
    qtbot.waitUntil(
        lambda: controller.job is None and len(controller.candidates) == 3, timeout=30_000
    )
    assert edit.ghost_text == controller.candidates[0].text
    assert all(c.remaining_after is not None for c in controller.candidates)
