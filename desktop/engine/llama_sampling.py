"""Choosing each token: repeat penalty, llama.cpp's sampler chain, then the grammar's check.

The repeat penalty is applied here, to the logits in place, over the last ``PENALTY_WINDOW``
generated tokens (what llama-cpp-python's ``generate`` does: the prompt is not penalised), so
the transformers backend can apply exactly the same rule. The chain is llama.cpp's own
(top-k, top-p, temperature, then a seeded draw; or greedy). A grammar only costs a full token
mask when the freely chosen token is one it forbids.
"""

from __future__ import annotations

from collections import deque
from typing import Any, Final

import llama_cpp
import numpy as np
import numpy.typing as npt

from desktop.engine.backend import PENALTY_WINDOW, SamplingParams
from desktop.engine.constraint import Constraint, GrammarUnusable
from desktop.messages import say

RANDOM_SEED: Final = 0xFFFFFFFF  # LLAMA_DEFAULT_SEED: llama.cpp draws one


def apply_repeat_penalty(
    logits: npt.NDArray[np.float32], recent: list[int] | deque[int], penalty: float
) -> None:
    """llama.cpp's rule: each distinct recent token's logit divided by (or, below 0, times)
    ``penalty``."""
    if penalty == 1.0 or not recent:
        return
    ids = np.unique(np.fromiter(recent, dtype=np.int64))
    values = logits[ids]
    logits[ids] = np.where(values > 0, values / penalty, values * penalty)


class TokenSampler:
    """One sequence's sampler: its own seed, its own penalty window, its own grammar."""

    def __init__(self, params: SamplingParams, constraint: Constraint | None = None) -> None:
        self._chain: Any = llama_cpp.llama_sampler_chain_init(
            llama_cpp.llama_sampler_chain_default_params()
        )
        add = llama_cpp.llama_sampler_chain_add
        if params.temperature <= 0:
            add(self._chain, llama_cpp.llama_sampler_init_greedy())
        else:
            add(self._chain, llama_cpp.llama_sampler_init_top_k(params.top_k))
            add(self._chain, llama_cpp.llama_sampler_init_top_p(params.top_p, 1))
            add(self._chain, llama_cpp.llama_sampler_init_temp(params.temperature))
            seed = RANDOM_SEED if params.seed is None else params.seed & 0xFFFFFFFF
            add(self._chain, llama_cpp.llama_sampler_init_dist(seed))
        self._penalty = params.repeat_penalty
        self._recent: deque[int] = deque(maxlen=PENALTY_WINDOW)
        self.constraint = constraint
        self.masked = 0  # steps where the free choice broke the grammar

    def choose(self, ctx: Any, logits: npt.NDArray[np.float32], index: int) -> int:
        """The next token from batch entry ``index`` (whose logits row is ``logits``)."""
        apply_repeat_penalty(logits, self._recent, self._penalty)
        token = int(llama_cpp.llama_sampler_sample(self._chain, ctx, index))
        constraint = self.constraint
        if constraint is not None:
            if not constraint.allows(token):
                self.masked += 1
                if not constraint.mask(logits):
                    raise GrammarUnusable(
                        say(
                            "모델이 답변 형식을 벗어났습니다.", "The model left the answer's form."
                        ),
                        "empty mask",
                    )
                token = int(llama_cpp.llama_sampler_sample(self._chain, ctx, index))
            constraint.accept(token)
        self._recent.append(token)
        return token

    def record(self, tokens: list[int]) -> None:
        """Tokens that were not sampled (forced by the grammar) still count as recent."""
        self._recent.extend(tokens)

    def close(self) -> None:
        if self._chain is not None:
            llama_cpp.llama_sampler_free(self._chain)
            self._chain = None

    def __del__(self) -> None:
        self.close()
