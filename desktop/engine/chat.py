"""Chat prompts rendered with the model's own template, in a sandboxed Jinja environment.

The environment is the one transformers builds for ``apply_chat_template`` (same options,
filters, globals and the ``{% generation %}`` tag), so prompts match it exactly. Templates are
untrusted code from a model file, so on top of Jinja's sandbox: ``*`` and ``**`` are bounded,
the output is capped, and rendering has a budget of executed template lines (and a deadline),
which ends loops that print nothing. A template that refuses a system message gets the system
text folded into the first user turn. A model without a template (a base model) gets a plain
document: the messages' text, no role markers.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from datetime import datetime
from types import FrameType
from typing import Any, Final

from jinja2 import TemplateError as JinjaTemplateError
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.ext import Extension, loopcontrols
from jinja2.parser import Parser
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace

from desktop.engine.errors import TemplateError
from desktop.messages import say

Message = dict[str, str]

# The largest string or list a template may build with ``*``, and the largest exponent of ``**``:
# Jinja's sandbox blocks attribute escapes but not ``'x' * 10**10``, which would exhaust memory.
MAX_REPEAT: Final = 1_000_000
MAX_EXPONENT: Final = 256
# A rendered prompt may add this much to the messages' own text (the template's markup).
OUTPUT_ALLOWANCE: Final = 200_000
# Template lines one rendering may execute, and its wall-clock limit. The largest shipped
# template (tool use, thinking) runs a few thousand lines for a short chat.
MAX_STEPS: Final = 2_000_000
MAX_SECONDS: Final = 5.0
_TEMPLATE_FILE: Final = "<template>"


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


class _TemplateDict:
    """``dict(...)`` for templates without exposing the type itself (as transformers does)."""

    def __call__(self, *args: Any, **kwargs: Any) -> dict[Any, Any]:
        return dict(*args, **kwargs)

    def fromkeys(self, *args: Any, **kwargs: Any) -> dict[Any, Any]:
        return dict.fromkeys(*args, **kwargs)


class _TemplateNamespace(Namespace):
    """A namespace that refuses underscore names (CPython internals)."""

    def __init__(*args: Any, **kwargs: Any) -> None:  # noqa: N805 (Jinja's own signature trick)
        self, rest = args[0], args[1:]
        for name in dict(*rest, **kwargs):
            _TemplateNamespace._check(name)
        Namespace.__init__(self, *rest, **kwargs)

    def __setitem__(self, name: str, value: Any) -> None:
        _TemplateNamespace._check(name)
        Namespace.__setitem__(self, name, value)

    @staticmethod
    def _check(name: Any) -> None:
        if isinstance(name, str) and name.startswith("_"):
            raise SecurityError(f"a namespace attribute may not start with '_': {name!r}")


class _Generation(Extension):
    """``{% generation %}…{% endgeneration %}`` marks the assistant's text; it renders as is."""

    tags = {"generation"}

    def parse(self, parser: Parser) -> nodes.Node:
        lineno = next(parser.stream).lineno
        body = parser.parse_statements(("name:endgeneration",), drop_needle=True)
        return nodes.CallBlock(self.call_method("_body"), [], [], body).set_lineno(lineno)

    def _body(self, caller: Any) -> str:
        return str(caller())


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
    env = _Sandbox(trim_blocks=True, lstrip_blocks=True, extensions=[_Generation, loopcontrols])
    env.filters["tojson"] = _tojson
    env.globals["raise_exception"] = _raise
    env.globals["strftime_now"] = lambda fmt: datetime.now().strftime(fmt)
    env.globals["dict"] = _TemplateDict()
    env.globals["namespace"] = _TemplateNamespace
    return env


class _Budget:
    """Counts the template's executed lines (a trace on template frames only)."""

    def __init__(self) -> None:
        self.steps = 0
        self.deadline = time.monotonic() + MAX_SECONDS

    def on_call(self, frame: FrameType, event: str, arg: Any) -> Any:
        if frame.f_code.co_filename == _TEMPLATE_FILE:
            return self.on_line
        return None

    def on_line(self, frame: FrameType, event: str, arg: Any) -> Any:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise SecurityError(f"the template ran more than {MAX_STEPS:,} steps")
        if self.steps % 10_000 == 0 and time.monotonic() > self.deadline:
            raise SecurityError(f"the template ran longer than {MAX_SECONDS:g} s")
        return self.on_line


def plain_prompt(
    messages: Sequence[Message], add_generation_prompt: bool = True, bos_token: str = ""
) -> str:
    """A document for a model without a chat template: the texts, a blank line apart."""
    text = "\n\n".join(m.get("content", "") for m in messages)
    return bos_token + text + ("\n\n" if add_generation_prompt else "")


def fold_system(messages: Sequence[Message]) -> list[Message]:
    """The system message's text put at the head of the first user turn."""
    system = [m["content"] for m in messages if m.get("role") == "system"]
    rest = [dict(m) for m in messages if m.get("role") != "system"]
    if not system:
        return rest
    for message in rest:
        if message.get("role") == "user":
            message["content"] = "\n\n".join([*system, message.get("content", "")])
            return rest
    return [{"role": "user", "content": "\n\n".join(system)}, *rest]


def _render(
    template: str, messages: Sequence[Message], add_generation_prompt: bool, variables: Any
) -> str:
    compiled = _environment().from_string(template)
    limit = 2 * sum(len(m.get("content", "")) for m in messages) + OUTPUT_ALLOWANCE
    budget = _Budget()
    previous = sys.gettrace()
    parts: list[str] = []
    size = 0
    sys.settrace(budget.on_call)
    try:
        for part in compiled.generate(
            messages=list(messages), add_generation_prompt=add_generation_prompt, **variables
        ):
            size += len(part)
            if size > limit:
                raise SecurityError(f"the rendered prompt passed {limit} characters")
            parts.append(part)
    finally:
        sys.settrace(previous)
    return "".join(parts)


def render_chat(
    template: str | None,
    messages: Sequence[Message],
    *,
    add_generation_prompt: bool = True,
    bos_token: str = "",
    eos_token: str = "",
) -> str:
    """Render ``messages`` with ``template``; a missing template gets ``plain_prompt``.

    Raises ``TemplateError`` when the template fails or tries to reach outside its sandbox.
    """
    if not template:
        return plain_prompt(messages, add_generation_prompt, bos_token)
    # tools and documents as transformers passes them: None, not undefined (``is not none``)
    variables = {"bos_token": bos_token, "eos_token": eos_token, "tools": None, "documents": None}
    try:
        try:
            return _render(template, messages, add_generation_prompt, variables)
        except JinjaTemplateError as exc:
            has_system = any(m.get("role") == "system" for m in messages)
            if not has_system or isinstance(exc, SecurityError):
                raise
            # Gemma's and Mistral's templates raise "System role not supported"; the others
            # that fail on a system turn fail the same way. The text goes to the user turn.
            return _render(template, fold_system(messages), add_generation_prompt, variables)
    except SecurityError as exc:
        raise TemplateError(
            say(
                "모델의 채팅 템플릿이 안전하지 않은 동작을 시도해 거부했습니다.",
                "The model's chat template tried something unsafe and was refused.",
            ),
            str(exc),
        ) from exc
    except (JinjaTemplateError, ArithmeticError, LookupError, TypeError, ValueError) as exc:
        # the sandbox's own guards raise OverflowError; a broken template raises the others
        raise TemplateError(
            say(
                "모델의 채팅 템플릿을 적용하지 못했습니다.",
                "The model's chat template could not be rendered.",
            ),
            str(exc),
        ) from exc
