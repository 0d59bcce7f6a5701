"""`rawConfig`: a connector's config given as a JSON document."""

from __future__ import annotations

import json
from typing import Any


class RawConfigError(ValueError):
    """The raw config is not a JSON object; the message says where."""


def parse(text: str) -> dict[str, Any]:
    """Parse rawConfig; errors name the line and column of the problem."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as err:
        raise RawConfigError(
            f"rawConfig is not valid JSON: {err.msg} at line {err.lineno} column {err.colno}"
        ) from None
    if not isinstance(doc, dict):
        raise RawConfigError("rawConfig must be a JSON object, not " + type(doc).__name__)
    return doc


def same_document(a: str, b: str) -> bool:
    """True when two raw configs hold the same JSON, whatever their formatting."""
    try:
        return bool(json.loads(a) == json.loads(b))
    except json.JSONDecodeError:
        return a == b
