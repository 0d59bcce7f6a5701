"""Property values on the wire: protobuf Structs with Pulumi's secret and unknown markers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from google.protobuf import json_format, struct_pb2

SIG_KEY = "4dabf18193072939515e22adb298388d"
SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270"
UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

Props = dict[str, Any]


def _unwrap(value: Any) -> Any:
    if isinstance(value, dict):
        if value.get(SIG_KEY) == SECRET_SIG:
            return _unwrap(value.get("value"))
        return {k: _unwrap(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_unwrap(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def decode(struct: struct_pb2.Struct | None) -> Props:
    """Plain Python values; secret wrappers are dropped (secretness comes from the schema)."""
    if struct is None:
        return {}
    return _unwrap(json_format.MessageToDict(struct))  # type: ignore[no-any-return]


def is_unknown(value: Any) -> bool:
    """True for a value the engine will only know after an update (preview)."""
    if value == UNKNOWN:
        return True
    if isinstance(value, list):
        return any(is_unknown(v) for v in value)
    if isinstance(value, dict):
        return any(is_unknown(v) for v in value.values())
    return False


def _secret(value: Any) -> dict[str, Any]:
    return {SIG_KEY: SECRET_SIG, "value": value}


def _wrap(props: Props, path: str, secrets: set[str]) -> Props:
    wrapped: Props = {}
    for key, value in props.items():
        here = f"{path}{key}"
        if value is None:
            continue
        if isinstance(value, dict) and any(s.startswith(here + ".") for s in secrets):
            value = _wrap(value, here + ".", secrets)
        wrapped[key] = _secret(value) if here in secrets else value
    return wrapped


def encode(props: Props, secrets: Iterable[str] = ()) -> struct_pb2.Struct:
    """A Struct of props; dotted paths in `secrets` are wrapped as Pulumi secrets."""
    struct = struct_pb2.Struct()
    struct.update(_wrap(props, "", set(secrets)))
    return struct
