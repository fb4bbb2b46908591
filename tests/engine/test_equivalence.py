"""Both backends run the same weights: identical tokens, identical greedy output (or a part
at a near tie, reported with its margin: see agreement.py)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from desktop.engine.backend import LoadOptions, SamplingParams, create_backend
from desktop.engine.hf_backend import TransformersBackend
from desktop.engine.llama_backend import LlamaCppBackend
from desktop.engine.testmodel import TestModel
from tests import pace
from tests.engine.agreement import compare

PROMPTS = [
    "한빛물류를 지원한 이유는",
    "물류센터 아르바이트 당시 재고 오차율이 3.5%였고, 입고 기록 1,200건을 분석한 결과",
    "Dear Hiring Manager, I am applying for the Junior Data Analyst role because",
    "입사 후 3년 안에 WMS 대시보드로",
]
CONVERSATIONS = [
    [{"role": "user", "content": "한빛물류 지원동기를 써 주세요."}],
    [
        {"role": "system", "content": "당신은 자기소개서 첨삭 전문가입니다."},
        {"role": "user", "content": "다음 답변을 평가하세요: 물류센터에서 오차율을 낮췄습니다."},
    ],
    [
        {"role": "system", "content": "You review cover letters."},
        {"role": "user", "content": "Review: I improved a process."},
        {"role": "assistant", "content": "Be specific."},
        {"role": "user", "content": "I cut errors by 30%."},
    ],
]


@pytest.fixture(scope="module")
def backends(tiny_model: TestModel) -> Iterator[tuple[LlamaCppBackend, TransformersBackend]]:
    llama = create_backend("llama_cpp")
    llama.load(LoadOptions(tiny_model.gguf("f32"), n_ctx=1024))
    hf = create_backend("transformers")
    hf.load(LoadOptions(tiny_model.hf_dir, n_ctx=1024, device="cpu"))
    assert isinstance(llama, LlamaCppBackend) and isinstance(hf, TransformersBackend)
    yield llama, hf
    llama.close()
    hf.close()


GREEDY = SamplingParams(max_tokens=24, temperature=0.0, repeat_penalty=1.0)


@pytest.mark.parametrize("prompt", PROMPTS)
def test_same_tokens_and_same_greedy_continuation(
    backends: tuple[LlamaCppBackend, TransformersBackend], prompt: str
) -> None:
    llama, hf = backends
    tokens = llama.tokenize(prompt)
    assert tokens == hf.tokenize(prompt)
    print(compare(llama, hf, tokens, GREEDY))


@pytest.mark.parametrize("messages", CONVERSATIONS)
def test_chat_prompt_matches_transformers(
    backends: tuple[LlamaCppBackend, TransformersBackend], messages: list[dict[str, str]]
) -> None:
    llama, hf = backends
    expected = hf.tokenizer.apply_chat_template(
        messages, tokenize=False, add_generation_prompt=True
    )
    assert llama.render_chat(messages) == expected
    assert hf.render_chat(messages) == expected
    print(compare(llama, hf, llama.tokenize(expected), GREEDY))


def test_sampled_generation_is_reproducible_by_seed(
    backends: tuple[LlamaCppBackend, TransformersBackend],
) -> None:
    llama, _ = backends
    params = SamplingParams(max_tokens=12, temperature=0.9, seed=42)
    first = [c.token_id for c in llama.stream(PROMPTS[0], params, threading.Event())]
    second = [c.token_id for c in llama.stream(PROMPTS[0], params, threading.Event())]
    assert first == second


def test_builder_cache_and_cli(tmp_path: object, tiny_model: TestModel) -> None:
    import json as _json
    import subprocess
    import sys
    import time
    from pathlib import Path

    from desktop.engine.gguf_check import read_gguf
    from desktop.engine.testmodel import build_test_model

    started = time.perf_counter()
    again = build_test_model("tiny")
    assert again.directory == tiny_model.directory  # keyed by recipe: a cache hit
    assert time.perf_counter() - started < 2
    for quant in ("f32", "q8_0", "q4_0"):
        assert (
            read_gguf(tiny_model.gguf(quant)).file_type == {"f32": 0, "q8_0": 7, "q4_0": 2}[quant]
        )
    out = Path(str(tmp_path)) / "model"
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "dev", "make-test-model", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=pace.seconds(300),
    )
    assert result.returncode == 0, result.stderr
    files = _json.loads(result.stdout)["files"]
    assert {"model-f32.gguf", "model-q8_0.gguf", "model-q4_0.gguf", "hf"} <= set(files)
