"""Python source for plain values: the literals of the generated program."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

INDENT = "    "
MAX_WIDTH = 100


@dataclass(frozen=True)
class Code:
    """Source written as is, such as a call that reads a secret from stack config."""

    source: str


def _inline(value: Any) -> str:
    if isinstance(value, Code):
        return value.source
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        # JSON escapes are valid Python escapes; ASCII-only keeps odd characters visible.
        return json.dumps(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_inline(item) for item in value) + "]"
    if isinstance(value, dict):
        items = ", ".join(f"{json.dumps(str(k))}: {_inline(v)}" for k, v in value.items())
        return "{" + items + "}"
    raise TypeError(f"no Python literal for {type(value).__name__}")


def _multiline(value: Any, depth: int) -> str:
    inner = INDENT * (depth + 1)
    if isinstance(value, dict):
        lines = []
        for key, item in value.items():
            label = f"{json.dumps(str(key))}: "
            lines.append(f"{inner}{label}{render(item, depth + 1, len(label))},")
        return "{\n" + "\n".join(lines) + f"\n{INDENT * depth}}}"
    lines = [f"{inner}{render(item, depth + 1)}," for item in value]
    return "[\n" + "\n".join(lines) + f"\n{INDENT * depth}]"


def render(value: Any, depth: int, prefix_width: int = 0) -> str:
    """The value as source at `depth` indents; split over lines when it would not fit.

    `prefix_width` counts what precedes the value on its first line (a key or `name=`).
    """
    inline = _inline(value)
    fits = len(INDENT * depth) + prefix_width + len(inline) + 1 <= MAX_WIDTH
    # Objects of several fields read best one field per line, even when short.
    spread = isinstance(value, dict) and len(value) > 2
    if (fits and not spread) or not isinstance(value, (dict, list, tuple)) or not value:
        return inline
    return _multiline(value, depth)
