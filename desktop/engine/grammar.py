"""JSON Schema to GBNF for llama.cpp's constrained decoding, for the subset Jaso's tasks use.

Written here because llama-cpp-python's Python converter lets control characters (raw line
breaks) into strings and ignores integer bounds, so its output is not always valid JSON or not
valid against the schema. Supported: object (properties, required; no extra keys), array
(items, minItems, maxItems), string (minLength, maxLength, enum,
``pattern`` as anchored runs of bracket classes), integer (minimum, maximum),
number, boolean, null, enum and const. Every string and array should be bounded so generation
always ends.
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

_PRELUDE: Final = [
    r"space ::= [ ]?",
    r'char ::= [^"\\\x7F\x00-\x1F] | "\\" (["\\/bfnrt] | "u" [0-9a-fA-F]{4})',
    r'integer ::= "-"? ([0-9] | [1-9] [0-9]{1,15}) space',
    r'number ::= "-"? ([0-9] | [1-9] [0-9]{1,15}) ("." [0-9]{1,8})? space',
    r'boolean ::= ("true" | "false") space',
    r'null ::= "null" space',
    r'string ::= "\"" char{0,2000} "\"" space',
]
_MAX_ENUMERATED_INTEGERS: Final = 100


class UnsupportedSchema(ValueError):
    pass


def _literal(value: Any) -> str:
    """A GBNF string literal matching ``value``'s JSON text exactly."""
    text = json.dumps(value, ensure_ascii=False)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class _Converter:
    def __init__(self) -> None:
        self.rules: dict[str, str] = {}

    def add(self, name: str, body: str) -> str:
        rule = name
        suffix = 1
        while rule in self.rules and self.rules[rule] != body:
            suffix += 1
            rule = f"{name}{suffix}"
        self.rules[rule] = body
        return rule

    def visit(self, schema: dict[str, Any], name: str) -> str:
        if "const" in schema:
            return self.add(name, f"{_literal(schema['const'])} space")
        if "enum" in schema:
            return self.add(name, "(" + " | ".join(_literal(v) for v in schema["enum"]) + ") space")
        kind = schema.get("type")
        if kind == "object":
            return self._object(schema, name)
        if kind == "array":
            return self._array(schema, name)
        if kind == "string" and "pattern" in schema:
            return self.add(name, _pattern_string(schema))
        if kind == "string":
            min_length = int(schema.get("minLength", 0))
            max_length = schema.get("maxLength")
            repeat = (
                f"{{{min_length},{int(max_length)}}}"
                if max_length is not None
                else f"{{{min_length},}}"
            )
            return self.add(name, f'"\\"" char{repeat} "\\"" space')
        if kind == "integer":
            minimum, maximum = schema.get("minimum"), schema.get("maximum")
            if (
                minimum is not None
                and maximum is not None
                and maximum - minimum < _MAX_ENUMERATED_INTEGERS
            ):
                values = " | ".join(f'"{v}"' for v in range(int(minimum), int(maximum) + 1))
                return self.add(name, f"({values}) space")
            return "integer"
        if kind in ("number", "boolean", "null"):
            return str(kind)
        raise UnsupportedSchema(f"unsupported schema at {name}: {schema}")

    def _object(self, schema: dict[str, Any], name: str) -> str:
        properties: dict[str, Any] = schema.get("properties", {})
        required = set(schema.get("required", []))
        if set(properties) != required:
            raise UnsupportedSchema(f"{name}: every property must be required")
        parts = []
        for index, (key, sub) in enumerate(properties.items()):
            value_rule = self.visit(sub, f"{name}-{key}".replace("_", "-"))
            separator = '"," space ' if index else ""
            parts.append(f'{separator}{_literal(key)} space ":" space {value_rule}')
        return self.add(name, '"{" space ' + " ".join(parts) + ' "}" space')

    def _array(self, schema: dict[str, Any], name: str) -> str:
        item = self.visit(schema.get("items", {"type": "string", "maxLength": 200}), f"{name}-item")
        low = int(schema.get("minItems", 0))
        high = schema.get("maxItems")
        if high is None:
            rest = f'("," space {item})*'
        else:
            rest = f'("," space {item}){{{max(0, low - 1)},{max(0, int(high) - 1)}}}'
        body = f"{item} {rest}"
        if low == 0:
            body = f"({body})?"
        return self.add(name, f'"[" space {body} "]" space')


# The patterns Jaso's schemas use: anchored runs of bracket classes, the middle one repeated
# (``^[가-힣][^{}\[\]<>]*$``, ``^[A-Z][^?]*[?]$``). Written by hand: a general regex converter
# is far beyond what the servers' grammar needs to say.
_CLASS_RUN: Final = re.compile(r"\[(\^?)((?:\\.|[^\]])*)\](\*?)")
_JSON_UNSAFE: Final = '"\\\\\\x7F\\x00-\\x1F'


def _pattern_string(schema: dict[str, Any]) -> str:
    """A GBNF string body for ``pattern`` within ``minLength``/``maxLength``."""
    pattern = str(schema["pattern"])
    if not (pattern.startswith("^") and pattern.endswith("$")):
        raise UnsupportedSchema(f"unsupported pattern {pattern!r}")
    runs = list(_CLASS_RUN.finditer(pattern, 1, len(pattern) - 1))
    if "".join(m.group() for m in runs) != pattern[1:-1] or sum(1 for m in runs if m[3]) > 1:
        raise UnsupportedSchema(f"unsupported pattern {pattern!r}")
    fixed = sum(1 for m in runs if not m[3])
    low = max(0, int(schema.get("minLength", 0)) - fixed)
    high = schema.get("maxLength")
    parts = []
    for match in runs:
        negated, body, star = match[1], match[2], match[3]
        # a character of the JSON string itself: never a quote, a backslash or a control
        char = f"[^{_JSON_UNSAFE}{body}]" if negated else f"[{body}]"
        if star:
            char += f"{{{low},{int(high) - fixed}}}" if high is not None else f"{{{low},}}"
        parts.append(char)
    return '"\\"" ' + " ".join(parts) + ' "\\"" space'


def schema_to_gbnf(schema: dict[str, Any]) -> str:
    """A GBNF grammar whose every sentence is JSON valid against ``schema``."""
    converter = _Converter()
    root = converter.visit(schema, "value")
    lines = [f"root ::= {root}"] if root != "root" else []
    lines += [f"{name} ::= {body}" for name, body in converter.rules.items()]
    return "\n".join(lines + _PRELUDE)
