"""Structured (JSON) output: constrained where the backend can, always validated, retried once."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import jsonschema

from desktop.engine.backend import (
    Backend,
    Message,
    Progress,
    ProgressCallback,
    SamplingParams,
    check_fits_context,
)
from desktop.engine.errors import EngineError, OutputRejected
from desktop.engine.gate import Verdict
from desktop.engine.schema_budget import fit_to_budget
from desktop.messages import say


def string_field(max_length: int, min_length: int = 1) -> dict[str, Any]:
    """A bounded string: constrained generation must always be able to end it."""
    return {"type": "string", "minLength": min_length, "maxLength": max_length}


def object_field(properties: dict[str, Any]) -> dict[str, Any]:
    """An object with exactly these properties, all required, and no others."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


class InvalidStructuredOutput(EngineError):
    """The model's output was not valid JSON for the schema, even after one retry."""


# Judges a valid answer (``engine/gate``): the reasons it must not be shown, none if it may.
Judge = Callable[[Any], Sequence[Verdict]]
ATTEMPTS = 2


def rejected_error(counts: dict[str, int], details: str = "") -> OutputRejected:
    reasons = ", ".join(sorted(counts))
    return OutputRejected(
        say(
            f"이 모델의 답변은 보여 드릴 수 없습니다 (점검에서 걸러짐: {reasons}).",
            f"This model's answer cannot be shown (the output check rejected it: {reasons}).",
        ),
        details,
        counts,
    )


_BROKEN = re.compile("[\ufffd\ud800-\udfff]")


def _without_broken_characters(value: Any) -> Any:
    """Strings without U+FFFD or lone surrogates.

    A character whose bytes were split over tokens that do not join decodes to one replacement
    mark per byte, which is noise and can push a string past its ``maxLength`` even though the
    grammar counted it as one character. A JSON escape such as ``"\\udc80"`` (the grammar allows
    any ``\\uXXXX``) parses to a lone surrogate, which cannot be encoded as UTF-8: SQLite, files
    and Qt would all refuse or drop it. (``json.loads`` joins a valid escaped pair into one
    character, so any surrogate left is a lone one.)
    """
    if isinstance(value, str):
        return _BROKEN.sub("", value)
    if isinstance(value, list):
        return [_without_broken_characters(v) for v in value]
    if isinstance(value, dict):
        return {k: _without_broken_characters(v) for k, v in value.items()}
    return value


def parse_and_validate(text: str, schema: dict[str, Any]) -> Any:
    """The parsed JSON if it is valid against ``schema``; raises ``InvalidStructuredOutput``."""
    start, end = text.find("{"), text.rfind("}")
    candidate = text[start : end + 1] if 0 <= start < end else text
    try:
        data = _without_broken_characters(json.loads(candidate))
        jsonschema.validate(data, schema)
    except (ValueError, jsonschema.ValidationError) as exc:
        raise InvalidStructuredOutput(
            say(
                "모델의 답변이 기대한 형식이 아니었습니다.",
                "The model's answer was not in the expected form.",
            ),
            f"{exc}\n---\n{text[:2000]}",
        ) from exc
    return data


def json_section(text: str, keys: Iterable[str]) -> str | None:
    """The top-level key of a streamed JSON object that ``text`` (its start) is writing now:
    the one of ``keys`` named last as a key. Approximate by design (a quote naming a key would
    mislead it); it only labels progress."""
    best: tuple[int, str | None] = (-1, None)
    for key in keys:
        at = text.rfind(f'"{key}"')
        if at > best[0]:
            best = (at, key)
    return best[1]


def _streamed(
    backend: Backend,
    prompt: str,
    request: SamplingParams,
    cancel: threading.Event,
    on_progress: ProgressCallback | None,
    phases: Mapping[str, str] | None,
) -> str:
    """The whole text of one generation; token progress named by ``phases`` when given."""
    if on_progress is None or not phases:
        return "".join(c.text for c in backend.stream(prompt, request, cancel, on_progress))
    parts: list[str] = []
    section: list[str] = ["tokens"]
    report = on_progress

    def named(update: Progress) -> None:
        report(
            Progress(section[0], update.done, update.total) if update.phase == "tokens" else update
        )

    for chunk in backend.stream(prompt, request, cancel, named):
        parts.append(chunk.text)
        key = json_section("".join(parts[-64:]), phases)  # the key named last, nearby
        if key is not None:
            section[0] = phases[key]
    return "".join(parts)


def generate_json(
    backend: Backend,
    prompt: str,
    schema: dict[str, Any],
    params: SamplingParams,
    cancel: threading.Event,
    on_progress: ProgressCallback | None = None,
    attempts: list[int] | None = None,
    judge: Judge | None = None,
    rejected: dict[str, int] | None = None,
    phases: Mapping[str, str] | None = None,
) -> Any:
    """Generate JSON valid against ``schema``; ``attempts`` gets how many tries it took.

    With ``phases`` (a top-level key of the answer → a phase name, as ``{"scores": "scoring"}``)
    the token progress is reported under the phase of the key being written, so the user sees
    what the model is at.

    Backends with constrained decoding get the schema; the others are told the schema in the
    prompt, and an invalid answer is retried once with the error appended. A constrained answer
    can still fail validation (a bound the grammar cannot express exactly); it is retried once
    with another seed. A valid answer that ``judge`` rejects (the output gate) is sampled again
    with another seed within the same two attempts; ``rejected`` gets the count of each gate
    reason, and when the last attempt is rejected too, ``OutputRejected`` is raised.
    """
    constrained = backend.capabilities.json_schema
    request = SamplingParams(**{**params.__dict__, "json_schema": schema if constrained else None})
    attempt_prompt = prompt
    last_error: EngineError | None = None
    counts: dict[str, int] = rejected if rejected is not None else {}
    for attempt in range(1, ATTEMPTS + 1):
        text = _streamed(backend, attempt_prompt, request, cancel, on_progress, phases)
        seed = None if request.seed is None else request.seed + 1
        try:
            data = parse_and_validate(text, schema)
        except InvalidStructuredOutput as exc:
            last_error = exc
            if constrained:
                request = SamplingParams(**{**request.__dict__, "seed": seed})
                continue
            attempt_prompt = (
                f"{prompt}{text}\n\nThat was not valid. Answer again with only JSON matching "
                f"this schema: {json.dumps(schema, ensure_ascii=False)}\n"
            )
            continue
        verdicts = judge(data) if judge is not None else ()
        if not verdicts:
            if attempts is not None:
                attempts.append(attempt)
            return data
        for reason in {v.reason for v in verdicts}:
            counts[reason] = counts.get(reason, 0) + 1
        details = "\n".join(f"{v.reason} {v.field}: {v.text[:120]}" for v in verdicts)
        last_error = rejected_error(counts, details)
        request = SamplingParams(**{**request.__dict__, "seed": seed})
        attempt_prompt = prompt
    if attempts is not None:
        attempts.append(ATTEMPTS)
    assert last_error is not None
    if counts and not isinstance(last_error, OutputRejected):
        raise rejected_error(counts, last_error.details)
    raise last_error


def generate_json_reply(
    backend: Backend,
    messages: list[Message],
    schema: dict[str, Any],
    cancel: threading.Event,
    on_progress: ProgressCallback | None = None,
    *,
    temperature: float,
    seed: int | None,
    top_p: float = 0.9,
    repeat_penalty: float = SamplingParams.repeat_penalty,
    max_tokens: int | None = None,
    attempts: list[int] | None = None,
    per_char: float | None = None,
    judge: Judge | None = None,
    rejected: dict[str, int] | None = None,
    phases: Mapping[str, str] | None = None,
) -> Any:
    """The model's reply to ``messages`` as JSON valid against ``schema``.

    ``max_tokens`` defaults to all the context the prompt leaves. With ``per_char`` (this
    model's tokens per character of the reply's language) the schema's strings are shortened
    where its longest answer would not fit those tokens (``schema_budget``), so a constrained
    answer always ends as complete JSON.
    """
    prompt = backend.render_chat(messages)
    prompt_tokens = backend.count_tokens(prompt)
    budget = max_tokens or max(1, backend.n_ctx - prompt_tokens)
    check_fits_context(prompt_tokens, budget, backend.n_ctx)
    if per_char is not None and backend.capabilities.json_schema:
        schema = fit_to_budget(schema, budget, per_char)
    params = SamplingParams(
        max_tokens=budget,
        temperature=temperature,
        top_p=top_p,
        repeat_penalty=repeat_penalty,
        seed=seed,
    )
    return generate_json(
        backend, prompt, schema, params, cancel, on_progress, attempts, judge, rejected, phases
    )
