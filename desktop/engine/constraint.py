"""Grammar-constrained decoding with llguidance, the engine llama.cpp itself adopted.

A backend samples freely, asks ``allows`` whether the chosen token fits the grammar, and only
when it does not computes the full token mask and samples again (what llama.cpp's common
sampler does). llguidance computes a mask in tens of microseconds even for a 262k-token
vocabulary, where llama.cpp's GBNF sampler checked every token against the grammar at every step.
"""

from __future__ import annotations

from typing import Any, Final, cast

import llguidance
import numpy as np
import numpy.typing as npt

from desktop.engine.errors import EngineError
from desktop.messages import say

# Raw UTF-8 is allowed in strings, so no ``\uXXXX`` escape is needed, and a lone surrogate
# escape can never be written; ``\n`` and ``\t`` stay (answers have line breaks).
_JSON_OPTIONS: Final[dict[str, Any]] = {
    "whitespace_flexible": False,
    "item_separator": ", ",
    "key_separator": ": ",
    "json_allowed_escapes": 'nt"\\',
}


class GrammarUnusable(EngineError):
    """The schema or grammar could not be compiled for constrained decoding."""


def closed(schema: Any) -> Any:
    """``schema`` with ``additionalProperties: false`` on every object that does not say.

    JSON Schema allows extra keys by default, and a grammar that allows them lets a small model
    invent keys forever (``"skills"``, ``"team_company_fit"``…) instead of ending the object.
    """
    if isinstance(schema, list):
        return [closed(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    result = {key: closed(value) for key, value in schema.items()}
    if result.get("type") == "object" and "additionalProperties" not in result:
        result["additionalProperties"] = False
    return result


def json_grammar(schema: dict[str, Any]) -> str:
    """The llguidance grammar for JSON valid against ``schema``: compact separators, no keys
    beyond the schema's."""
    try:
        return str(
            llguidance.LLMatcher.grammar_from_json_schema(
                closed(schema), defaults=cast(Any, _JSON_OPTIONS)
            )
        )
    except ValueError as exc:
        raise GrammarUnusable(
            say("답변 형식(스키마)을 사용할 수 없습니다.", "The answer's schema is not usable."),
            str(exc),
        ) from exc


class Constraint:
    """One sequence's position in a grammar."""

    def __init__(self, tokenizer: llguidance.LLTokenizer, grammar: str, n_vocab: int) -> None:
        self._matcher = llguidance.LLMatcher(tokenizer, grammar, log_level=0)
        if self._matcher.is_error():
            raise GrammarUnusable(
                say(
                    "답변 형식(스키마)을 사용할 수 없습니다.", "The answer's schema is not usable."
                ),
                self._matcher.get_error(),
            )
        self._n_vocab = n_vocab
        self._words = np.zeros((tokenizer.vocab_size + 31) // 32, dtype=np.int32)

    def allows(self, token: int) -> bool:
        return bool(self._matcher.validate_tokens([token]) == 1)

    def allowed(self) -> npt.NDArray[np.bool_]:
        """Which of the ``n_vocab`` tokens may come next."""
        self._matcher.unsafe_compute_mask_ptr(self._words.ctypes.data, self._words.nbytes)
        bits = np.unpackbits(self._words.view(np.uint8), bitorder="little")
        allowed = np.zeros(self._n_vocab, dtype=bool)
        shared = min(self._n_vocab, bits.size)
        allowed[:shared] = bits[:shared].astype(bool)
        return allowed

    def mask(self, logits: npt.NDArray[np.float32]) -> bool:
        """Set every token the grammar forbids to -inf in place; False if none is left."""
        allowed = self.allowed()
        if not allowed.any():
            return False
        logits[~allowed] = -np.inf
        return True

    def accept(self, token: int) -> None:
        if not self._matcher.consume_token(token):
            raise GrammarUnusable(
                say("모델이 답변 형식을 벗어났습니다.", "The model left the answer's form."),
                self._matcher.get_error() or str(token),
            )

    def forced(self) -> list[int]:
        """Tokens the grammar allows no alternative to (a key, its quotes and colon), already
        accepted: the backend decodes them in one batch instead of sampling each."""
        tokens = list(self._matcher.compute_ff_tokens())
        if tokens and not self._matcher.consume_tokens(tokens):
            raise GrammarUnusable(
                say("모델이 답변 형식을 벗어났습니다.", "The model left the answer's form."),
                self._matcher.get_error(),
            )
        return tokens

    @property
    def finished(self) -> bool:
        """Nothing more can follow (the JSON value is complete)."""
        return bool(self._matcher.is_stopped())

    @property
    def can_end(self) -> bool:
        return bool(self._matcher.is_accepting())
