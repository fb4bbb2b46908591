"""Comparing two backends' greedy ids, and the margin where they part."""

from __future__ import annotations

import threading

import torch

from desktop.engine.backend import PENALTY_WINDOW, SamplingParams
from desktop.engine.hf_backend import TransformersBackend
from desktop.engine.llama_backend import LlamaCppBackend

# A top-two logit margin this small is a near tie that summation order may flip (llama.cpp's
# flash attention and matrix kernels add in another order than torch's eager attention).
ROUNDING = 0.05


def margin(hf: TransformersBackend, prompt: list[int], before: list[int], penalty: float) -> float:
    """The top-two logit margin transformers sees at the step after ``before``."""
    with torch.inference_mode():  # the penalty too: an inference tensor is not updated outside
        logits = hf._model(input_ids=torch.tensor([prompt + before])).logits[0, -1].float()
        recent = sorted(set(before[-PENALTY_WINDOW:]))
        if recent and penalty != 1.0:
            values = logits[recent]
            logits[recent] = torch.where(values > 0, values / penalty, values * penalty)
        top = torch.topk(logits, 2).values
    return float(top[0] - top[1])


def compare(
    llama: LlamaCppBackend, hf: TransformersBackend, prompt: list[int], params: SamplingParams
) -> str:
    a = [c.token_id for c in llama.stream(prompt, params, threading.Event())]
    b = [c.token_id for c in hf.stream(prompt, params, threading.Event())]
    assert len(a) >= 8 and len(b) >= 8
    if a == b:
        return "same"
    step = next(i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y)
    gap = margin(hf, prompt, [int(t) for t in a[:step] if t is not None], params.repeat_penalty)
    assert gap < ROUNDING, f"parted at step {step} with a margin of {gap:.4f}"
    return f"parted at step {step} (margin {gap:.4f})"
