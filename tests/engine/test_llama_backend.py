from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator

import pytest

from desktop.engine.backend import LoadOptions, Progress, SamplingParams
from desktop.engine.errors import GenerationCancelled, PromptTooLong
from desktop.engine.llama_backend import LlamaCppBackend
from desktop.engine.testmodel import TestModel
from tests import pace

SCHEMA = {
    "type": "object",
    "properties": {
        "score": {"type": "integer", "minimum": 1, "maximum": 5},
        "summary": {"type": "string", "maxLength": 40},
        "items": {"type": "array", "maxItems": 2, "items": {"type": "string", "maxLength": 20}},
    },
    "required": ["score", "summary", "items"],
    "additionalProperties": False,
}


@pytest.fixture(scope="module")
def llama(tiny_model: TestModel) -> Iterator[LlamaCppBackend]:
    backend = LlamaCppBackend()
    backend.load(LoadOptions(tiny_model.gguf("q8_0"), n_ctx=2048, n_batch=16))
    yield backend
    backend.close()


def test_prefix_cache_evaluates_only_new_tokens(llama: LlamaCppBackend) -> None:
    base = "물류센터 입고 검수 데이터 " * 60
    params = SamplingParams(max_tokens=2, temperature=0)
    list(llama.stream(base, params, threading.Event()))
    first = llama.last_prompt_evaluated
    list(llama.stream(base + " 바코드 재확인", params, threading.Event()))
    assert first >= 300
    assert 1 <= llama.last_prompt_evaluated <= 6


@pytest.mark.parametrize("seed", range(5))
def test_json_schema_constrained_output_is_valid(llama: LlamaCppBackend, seed: int) -> None:
    params = SamplingParams(max_tokens=200, temperature=1.0, seed=seed, json_schema=SCHEMA)
    text = "".join(c.text for c in llama.stream("JSON:", params, threading.Event()))
    data = json.loads(text)
    assert set(data) == {"score", "summary", "items"}
    assert 1 <= data["score"] <= 5 and len(data["summary"]) <= 40 and len(data["items"]) <= 2


def test_cancel_during_generation_is_prompt(llama: LlamaCppBackend) -> None:
    cancel = threading.Event()
    stream = llama.stream("지원동기", SamplingParams(max_tokens=500, temperature=0.8), cancel)
    next(stream)
    cancel.set()
    started = time.perf_counter()
    with pytest.raises(GenerationCancelled):
        for _ in stream:
            pass
    assert time.perf_counter() - started < 0.5


def test_cancel_during_prompt_evaluation(llama: LlamaCppBackend) -> None:
    cancel = threading.Event()
    seen: list[Progress] = []
    set_at: list[float] = []

    def on_progress(progress: Progress) -> None:
        seen.append(progress)
        if progress.phase == "prompt" and not cancel.is_set():
            cancel.set()
            set_at.append(time.perf_counter())

    prompt = "자기소개서 문항 " * 300  # ~1,800 tokens: many batches of 16
    with pytest.raises(GenerationCancelled):
        list(llama.stream(prompt, SamplingParams(max_tokens=4), cancel, on_progress))
    assert time.perf_counter() - set_at[0] < 0.5
    assert len([p for p in seen if p.phase == "prompt"]) == 1  # stopped after one batch
    # The cache stays consistent: the next call works and reuses what was evaluated.
    text = "".join(
        c.text
        for c in llama.stream(
            prompt, SamplingParams(max_tokens=3, temperature=0), threading.Event()
        )
    )
    assert isinstance(text, str)


def test_stop_strings_and_max_tokens(llama: LlamaCppBackend) -> None:
    chunks = list(
        llama.stream("가", SamplingParams(max_tokens=7, temperature=0), threading.Event())
    )
    assert len(chunks) == 7


def test_prompt_longer_than_context_is_refused(llama: LlamaCppBackend) -> None:
    with pytest.raises(PromptTooLong, match="context"):
        list(llama.stream("가나다라 " * 2000, SamplingParams(max_tokens=8), threading.Event()))


@pytest.mark.parametrize("quant", ["f32", "q8_0", "q4_0"])
def test_each_quantization_loads_and_generates(tiny_model: TestModel, quant: str) -> None:
    backend = LlamaCppBackend()
    backend.load(LoadOptions(tiny_model.gguf(quant), n_ctx=256))
    chunks = list(
        backend.stream("안녕", SamplingParams(max_tokens=4, temperature=0), threading.Event())
    )
    assert len(chunks) == 4 and all(c.token_id is not None for c in chunks)
    backend.close()


def test_cli_generate_json(tiny_model: TestModel) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "generate",
            "--model",
            str(tiny_model.gguf("f32")),
            "--prompt",
            "한빛물류를 지원한 이유는",
            "--max-tokens",
            "16",
            "--json",
            "--n-ctx",
            "256",
        ],
        capture_output=True,
        text=True,
        timeout=pace.seconds(120),
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert len(out["token_ids"]) == 16 and out["prompt_tokens"] > 0 and out["seconds"] > 0
    backend = LlamaCppBackend()
    backend.load(LoadOptions(tiny_model.gguf("f32"), n_ctx=256))
    greedy = SamplingParams(max_tokens=16, temperature=0, repeat_penalty=1.0)
    expected = [
        c.token_id for c in backend.stream("한빛물류를 지원한 이유는", greedy, threading.Event())
    ]
    assert out["token_ids"] == expected
    bad = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "generate",
            "--model",
            "/nope.gguf",
            "--prompt",
            "x",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=pace.seconds(60),
    )
    assert bad.returncode == 1 and "does not exist" in bad.stderr


def test_cli_generate_with_transformers_matches(tiny_model: TestModel) -> None:
    import subprocess
    import sys

    outputs = []
    for backend, model in (
        ("llama_cpp", tiny_model.gguf("f32")),
        ("transformers", tiny_model.hf_dir),
    ):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop",
                "generate",
                "--model",
                str(model),
                "--backend",
                backend,
                "--prompt",
                "지원동기",
                "--chat",
                "--max-tokens",
                "16",
                "--json",
                "--n-ctx",
                "512",
            ],
            capture_output=True,
            text=True,
            timeout=pace.seconds(180),
        )
        assert result.returncode == 0, result.stderr
        outputs.append(json.loads(result.stdout))
    assert outputs[0]["token_ids"] == outputs[1]["token_ids"]
    assert outputs[0]["prompt_tokens"] == outputs[1]["prompt_tokens"]
