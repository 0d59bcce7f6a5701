"""Reading resource properties that may be absent, JSON-encoded or unknown during a preview."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, Final

from pulumi_policy.proxy import (
    UNKNOWN_ARCHIVE_VALUE,
    UNKNOWN_ARRAY_VALUE,
    UNKNOWN_ASSET_VALUE,
    UNKNOWN_BOOLEAN_VALUE,
    UNKNOWN_NUMBER_VALUE,
    UNKNOWN_OBJECT_VALUE,
    UNKNOWN_STRING_VALUE,
    UnknownValueError,
)

_SENTINELS: Final = frozenset(
    {
        UNKNOWN_ARCHIVE_VALUE,
        UNKNOWN_ARRAY_VALUE,
        UNKNOWN_ASSET_VALUE,
        UNKNOWN_BOOLEAN_VALUE,
        UNKNOWN_NUMBER_VALUE,
        UNKNOWN_OBJECT_VALUE,
        UNKNOWN_STRING_VALUE,
    }
)


class Unknown:
    """The value of a property that is computed and known only once the update runs."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Final = Unknown()


def plain(value: Any) -> Any:
    """Copy a property value into dicts and lists, with UNKNOWN where the engine sent an unknown."""
    if isinstance(value, str):
        return UNKNOWN if value in _SENTINELS else value

    if isinstance(value, Mapping):
        return {key: _item(value, key) for key in value}

    if isinstance(value, Sequence):
        return [_item(value, index) for index in range(len(value))]

    return value


def _item(container: Any, key: Any) -> Any:
    # The SDK's proxies raise on reading an unknown; a policy must skip it, not fail or report.
    try:
        return plain(container[key])
    except UnknownValueError:
        return UNKNOWN


def read(props: Mapping[str, Any], key: str) -> Any:
    """Return props[key] as plain data: None when absent, UNKNOWN when not yet known."""
    try:
        return _item(props, key)
    except KeyError:
        return None


def flag(value: Any) -> bool | None:
    """Read a boolean that may arrive JSON-encoded ("true"); None when absent or unknown."""
    if isinstance(value, bool):
        return value

    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"

    return None


def json_object(value: Any) -> dict[str, Any] | None:
    """Decode a JSON object property such as rawConfig; None when absent, unknown or invalid."""
    if isinstance(value, dict):
        return value

    if not isinstance(value, str):
        return None

    # Malformed JSON is the provider's to reject, with a better message than a policy could give.
    try:
        decoded = json.loads(value)
    except ValueError:
        return None

    return decoded if isinstance(decoded, dict) else None


def subject(resource_type: str, name: str) -> str:
    """Name a resource the way every violation message starts."""
    return f"{resource_type} '{name}'"
