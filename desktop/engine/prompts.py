"""Fitting prompts into a model's context: instructions stay, the oldest answer text goes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop.engine.errors import PromptTooLong
from desktop.messages import say


@dataclass(frozen=True)
class Fitted:
    context: str
    truncated_chars: int

    @property
    def truncated(self) -> bool:
        return self.truncated_chars > 0


def fit_context(
    *, fixed_tokens: int, context: str, count_tokens: Callable[[str], int], budget: int
) -> Fitted:
    """Keep the newest part of ``context`` so that ``fixed_tokens`` plus it fit ``budget``.

    The instructions (``fixed_tokens``) are never cut; the answer text loses its beginning,
    which matters least for continuing it. Raises ``PromptTooLong`` when the instructions alone
    do not fit.
    """
    if fixed_tokens > budget:
        raise PromptTooLong(
            say(
                f"지시문만으로 {fixed_tokens}토큰이 필요한데 모델은 {budget}토큰까지 받습니다.",
                f"The instructions alone need {fixed_tokens} tokens; the model allows {budget}.",
            )
        )
    if fixed_tokens + count_tokens(context) <= budget:
        return Fitted(context, 0)
    low, high = 0, len(context)  # the smallest cut that fits, by binary search
    while low < high:
        middle = (low + high) // 2
        if fixed_tokens + count_tokens(context[middle:]) <= budget:
            high = middle
        else:
            low = middle + 1
    return Fitted(context[low:], low)
