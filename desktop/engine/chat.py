"""Chat prompts rendered with the model's own template, in a sandboxed Jinja environment."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from jinja2 import TemplateError as JinjaTemplateError
from jinja2.exceptions import SecurityError
from jinja2.ext import loopcontrols
from jinja2.sandbox import ImmutableSandboxedEnvironment

from desktop.engine.errors import TemplateError

Message = dict[str, str]


def _raise(message: str) -> None:
    raise JinjaTemplateError(message)


def _tojson(
    value: Any,
    ensure_ascii: bool = False,
    indent: int | None = None,
    separators: Any = None,
    sort_keys: bool = False,
) -> str:
    return json.dumps(
        value, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys
    )


# The largest string or list a template may build with ``*``, and the largest exponent of ``**``:
# Jinja's sandbox blocks attribute escapes but not ``'x' * 10**10``, which would exhaust memory.
MAX_REPEAT = 1_000_000
MAX_EXPONENT = 256
# A rendered prompt may add this much to the messages' own text (the template's markup).
OUTPUT_ALLOWANCE = 200_000


class _Sandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and right > MAX_EXPONENT:
            raise SecurityError(f"exponent {right} is above the limit of {MAX_EXPONENT}")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(times, int):
                    if len(seq) * times > MAX_REPEAT:
                        raise SecurityError(f"a repeated sequence above {MAX_REPEAT} items")
        return super().call_binop(context, operator, left, right)


def _environment() -> ImmutableSandboxedEnvironment:
    # The same environment transformers uses, so prompts match apply_chat_template exactly.
    env = _Sandbox(trim_blocks=True, lstrip_blocks=True, extensions=[loopcontrols])
    env.filters["tojson"] = _tojson
    env.globals["raise_exception"] = _raise
    env.globals["strftime_now"] = lambda fmt: datetime.now().strftime(fmt)
    return env


def fallback_prompt(messages: Sequence[Message], add_generation_prompt: bool = True) -> str:
    """A plain format for models that ship no chat template."""
    parts = [f"### {m['role'].capitalize()}:\n{m['content']}\n" for m in messages]
    if add_generation_prompt:
        parts.append("### Assistant:\n")
    return "\n".join(parts)


def render_chat(
    template: str | None,
    messages: Sequence[Message],
    *,
    add_generation_prompt: bool = True,
    bos_token: str = "",
    eos_token: str = "",
) -> str:
    """Render ``messages`` with ``template``; a missing template gets ``fallback_prompt``.

    Raises ``TemplateError`` when the template fails or tries to reach outside its sandbox.
    """
    if not template:
        return fallback_prompt(messages, add_generation_prompt)
    try:
        compiled = _environment().from_string(template)
        limit = 2 * sum(len(m.get("content", "")) for m in messages) + OUTPUT_ALLOWANCE
        parts: list[str] = []
        size = 0
        for part in compiled.generate(
            messages=list(messages),
            add_generation_prompt=add_generation_prompt,
            bos_token=bos_token,
            eos_token=eos_token,
        ):
            size += len(part)
            if size > limit:
                raise SecurityError(f"the rendered prompt passed {limit} characters")
            parts.append(part)
        return "".join(parts)
    except SecurityError as exc:
        raise TemplateError(
            "The model's chat template tried something unsafe and was refused.", str(exc)
        ) from exc
    except (JinjaTemplateError, ArithmeticError, LookupError, TypeError, ValueError) as exc:
        # the sandbox's own guards raise OverflowError; a broken template raises the others
        raise TemplateError("The model's chat template could not be rendered.", str(exc)) from exc
