"""llama.cpp and transformers on the same real weights (SmolLM2-135M-Instruct, dequantized).

Greedy decoding with the app's own settings (repeat penalty 1.1 for suggestions, 1.05 for
critiques, over the last 64 generated tokens in both backends) must give the same ids; where
float summation order (llama.cpp's flash attention, its matrix kernels) flips a near tie, the
test reports the first step where they part and the two top logits' margin there, and requires
that margin to be a rounding-sized one.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest

from desktop.engine.backend import LoadOptions, SamplingParams
from desktop.engine.hf_backend import TransformersBackend
from desktop.engine.llama_backend import LlamaCppBackend
from desktop.engine.twin_model import Twin, build_twin
from tests.engine.agreement import compare

PROMPTS = [
    "I am applying for the Junior Data Analyst role at Daon Bank because",
    "In my internship at a logistics firm, I cleaned 40,000 shipment records and",
    "Dear Hiring Manager,\n\nI am writing to apply for",
    "My greatest strength is that I",
]
MESSAGES = [
    [{"role": "user", "content": "Give one tip for a cover letter."}],
    [
        {"role": "system", "content": "You review cover letters as a hiring manager would."},
        {"role": "user", "content": "Review: I improved a process and cut errors by 30%."},
    ],
]
SETTINGS = [
    SamplingParams(max_tokens=32, temperature=0.0, repeat_penalty=1.1),
    SamplingParams(max_tokens=32, temperature=0.0, repeat_penalty=1.05),
]


@pytest.fixture(scope="module")
def twin(smollm2_gguf: Path) -> Twin:
    return build_twin(smollm2_gguf)


@pytest.fixture(scope="module")
def backends(twin: Twin) -> Iterator[tuple[LlamaCppBackend, TransformersBackend]]:
    llama = LlamaCppBackend()
    llama.load(LoadOptions(twin.gguf, n_ctx=1024))
    hf = TransformersBackend()
    hf.load(LoadOptions(twin.hf_dir, n_ctx=1024, device="cpu"))
    yield llama, hf
    llama.close()
    hf.close()


@pytest.mark.parametrize("params", SETTINGS, ids=["penalty-1.1", "penalty-1.05"])
def test_greedy_ids_agree_on_plain_prompts(
    backends: tuple[LlamaCppBackend, TransformersBackend], params: SamplingParams
) -> None:
    llama, hf = backends
    outcomes = []
    for text in PROMPTS:
        tokens = llama.tokenize(text)
        assert tokens == hf.tokenize(text)
        outcomes.append(compare(llama, hf, tokens, params))
    print(f"\nrepeat penalty {params.repeat_penalty}: {outcomes}")
    assert outcomes.count("same") >= len(PROMPTS) - 1


@pytest.mark.parametrize("messages", MESSAGES, ids=["user", "system+user"])
def test_chat_prompts_match_and_greedy_ids_agree(
    backends: tuple[LlamaCppBackend, TransformersBackend], messages: list[dict[str, str]]
) -> None:
    llama, hf = backends
    expected = hf.tokenizer.apply_chat_template(
        messages, tokenize=False, add_generation_prompt=True
    )
    assert llama.render_chat(messages) == hf.render_chat(messages) == expected
    outcome = compare(llama, hf, llama.tokenize(expected), SETTINGS[0])
    print(f"\n{outcome}")


def test_constrained_json_on_transformers(
    backends: tuple[LlamaCppBackend, TransformersBackend],
) -> None:
    """llguidance holds the transformers backend to the schema too."""
    _, hf = backends
    schema = {
        "type": "object",
        "properties": {
            "tip": {"type": "string", "minLength": 5, "maxLength": 80},
            "score": {"type": "integer", "minimum": 1, "maximum": 5},
        },
        "required": ["tip", "score"],
    }
    prompt = hf.render_chat([{"role": "user", "content": "Give one cover-letter tip as JSON."}])
    params = SamplingParams(max_tokens=120, temperature=0.7, seed=3, json_schema=schema)
    text = "".join(c.text for c in hf.stream(prompt, params, threading.Event()))
    data = json.loads(text)
    jsonschema.validate(data, {**schema, "additionalProperties": False})
