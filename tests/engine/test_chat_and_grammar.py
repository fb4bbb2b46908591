from __future__ import annotations

import json
import threading

import jsonschema
import pytest

from desktop.engine.backend import Chunk, LoadOptions, SamplingParams
from desktop.engine.chat import MAX_STEPS, fold_system, plain_prompt, render_chat
from desktop.engine.errors import TemplateError
from desktop.engine.grammar import schema_to_gbnf
from desktop.engine.llama_backend import LlamaCppBackend
from desktop.engine.structured import InvalidStructuredOutput, parse_and_validate
from desktop.engine.testmodel import TestModel

MESSAGES = [{"role": "user", "content": "안녕하세요"}]


@pytest.mark.parametrize(
    "template",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ messages.__class__.__init__.__globals__ }}",
        "{% set x = messages.append({'role': 'x'}) %}",
    ],
)
def test_templates_that_leave_the_sandbox_are_refused(template: str) -> None:
    with pytest.raises(TemplateError):
        render_chat(template, MESSAGES)


def test_template_raise_exception_is_a_template_error() -> None:
    with pytest.raises(TemplateError):
        render_chat("{{ raise_exception('no system role') }}", MESSAGES)


def test_a_model_without_a_template_gets_a_plain_document() -> None:
    """A base model continues documents; a made-up "### User:" chat is noise to it."""
    messages = [
        {"role": "system", "content": "지시"},
        {"role": "user", "content": "회사: 한빛물류"},
    ]
    prompt = render_chat(None, messages, bos_token="<bos>")
    assert prompt == plain_prompt(messages, bos_token="<bos>") == "<bos>지시\n\n회사: 한빛물류\n\n"
    assert "###" not in prompt and "User" not in prompt


def test_a_template_that_refuses_a_system_turn_gets_it_folded_into_the_user_turn() -> None:
    template = (
        "{% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}"
        "{% endif %}{% for m in messages %}<{{ m['role'] }}>{{ m['content'] }}{% endfor %}"
    )
    messages = [{"role": "system", "content": "SYS"}, {"role": "user", "content": "hi"}]
    assert render_chat(template, messages) == "<user>SYS\n\nhi"
    assert fold_system([{"role": "system", "content": "S"}]) == [{"role": "user", "content": "S"}]


def test_loops_that_print_nothing_end_on_the_step_budget() -> None:
    """Nested range loops with an empty body pass the output cap; the line budget ends them."""
    import time

    template = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    started = time.perf_counter()
    with pytest.raises(TemplateError) as caught:
        render_chat(template, MESSAGES)
    assert f"{MAX_STEPS:,} steps" in caught.value.details or "longer than" in caught.value.details
    assert time.perf_counter() - started < 30


def test_generation_tags_render_their_body() -> None:
    """transformers' {% generation %} tag (assistant masks for training) renders as its body."""
    template = (
        "{% for m in messages %}{% if m['role'] == 'assistant' %}{% generation %}"
        "{{ m['content'] }}{% endgeneration %}{% else %}{{ m['content'] }}{% endif %}{% endfor %}"
    )
    messages = [{"role": "user", "content": "Q"}, {"role": "assistant", "content": "A"}]
    assert render_chat(template, messages) == "QA"


CRITIQUE_LIKE = {
    "type": "object",
    "properties": {
        "scores": {
            "type": "object",
            "properties": {
                k: {"type": "integer", "minimum": 1, "maximum": 5}
                for k in ("question_fit", "evidence", "structure")
            },
            "required": ["question_fit", "evidence", "structure"],
        },
        "strengths": {
            "type": "array",
            "maxItems": 3,
            "items": {
                "type": "object",
                "properties": {
                    "quote": {"type": "string", "maxLength": 30},
                    "comment": {"type": "string", "maxLength": 40},
                },
                "required": ["quote", "comment"],
            },
        },
        "severity": {"enum": ["critical", "major", "minor"]},
        "summary": {"type": "string", "minLength": 1, "maxLength": 60},
        "ok": {"type": "boolean"},
    },
    "required": ["scores", "strengths", "severity", "summary", "ok"],
}


def test_grammar_rejects_schemas_it_cannot_guarantee() -> None:
    from desktop.engine.grammar import UnsupportedSchema

    with pytest.raises(UnsupportedSchema):
        schema_to_gbnf({"type": "object", "properties": {"a": {"type": "string"}}, "required": []})


@pytest.mark.parametrize("seed", range(10))
def test_constrained_output_validates_for_random_weights(tiny_model: TestModel, seed: int) -> None:
    backend = LlamaCppBackend()
    backend.load(LoadOptions(tiny_model.gguf("q4_0"), n_ctx=1024))
    params = SamplingParams(max_tokens=600, temperature=1.0, seed=seed, json_schema=CRITIQUE_LIKE)
    text = "".join(c.text for c in backend.stream("평가:", params, threading.Event()))
    jsonschema.validate(json.loads(text), CRITIQUE_LIKE)
    backend.close()


def test_parse_and_validate() -> None:
    schema = {"type": "object", "properties": {"a": {"type": "integer"}}, "required": ["a"]}
    assert parse_and_validate('noise {"a": 1} trailing', schema) == {"a": 1}
    with pytest.raises(InvalidStructuredOutput):
        parse_and_validate('{"a": "x"}', schema)
    with pytest.raises(InvalidStructuredOutput):
        parse_and_validate("not json", schema)


def test_split_characters_do_not_push_a_string_past_its_bound() -> None:
    schema = {"type": "object", "properties": {"a": {"type": "string", "maxLength": 3}}}
    # one character whose bytes were decoded apart: three replacement marks, no real character
    assert parse_and_validate('{"a": "ab\\ufffd\\ufffd\\ufffd"}', schema) == {"a": "ab"}
    with pytest.raises(InvalidStructuredOutput):
        parse_and_validate('{"a": "abcd"}', schema)


def test_escaped_lone_surrogates_are_dropped_and_pairs_kept() -> None:
    # The JSON grammar allows any \\uXXXX escape; a lone surrogate cannot be stored as UTF-8.
    schema = {"type": "object", "properties": {"a": {"type": "array", "items": {"type": "string"}}}}
    data = parse_and_validate('{"a": ["x\\udc80y", "\\ud83d\\ude00", "\\ud83d"]}', schema)
    assert data == {"a": ["xy", "\U0001f600", ""]}
    "".join(data["a"]).encode("utf-8")


def test_a_constrained_answer_that_fails_validation_is_retried_with_another_seed() -> None:
    from desktop.engine.structured import generate_json
    from tests.ui.fakes import FakeBackend

    class Flaky(FakeBackend):
        def stream(self, prompt, params, cancel, on_progress=None):  # type: ignore[no-untyped-def]
            self.calls.append(params)
            text = '{"a": "too long"}' if len(self.calls) == 1 else '{"a": "ok"}'
            yield from [Chunk(text)]

    schema = {"type": "object", "properties": {"a": {"type": "string", "maxLength": 3}}}
    backend = Flaky()
    data = generate_json(backend, "p", schema, SamplingParams(seed=7), threading.Event())
    assert data == {"a": "ok"} and [c.seed for c in backend.calls] == [7, 8]
