"""A typed connector's properties to and from the JSON document Dex stores, and shared checks.

The family modules (github, gitlab, google, microsoft, ldap, saml) describe their
connector with a ResourceSpec whose `dex_key`s name Dex's JSON keys; this module walks
those specs in both directions, nested objects and lists of objects included.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlparse

from pulumi_dex.model.properties import (
    BOOLEAN,
    STRING,
    STRING_LIST,
    STRING_MAP,
    ObjectType,
    Prop,
    ResourceSpec,
    item_type,
)
from pulumi_dex.model.resources import CONNECTOR_OBJECTS

Failure = tuple[str, str]
PEM_CERTIFICATE = "-----BEGIN CERTIFICATE-----"


class Misfit(ValueError):
    """A Dex document holds a key or a value the typed resource cannot represent."""


def _value_to_dex(type_name: str, value: Any) -> Any:
    item = item_type(type_name)
    if item in CONNECTOR_OBJECTS and isinstance(value, list):
        return [_value_to_dex(item, entry) for entry in value]
    obj = CONNECTOR_OBJECTS.get(type_name)
    if obj is not None and isinstance(value, dict):
        return props_to_dex(obj.props, value)
    return value


def props_to_dex(props: Iterable[Prop], values: dict[str, Any]) -> dict[str, Any]:
    """The Dex JSON object of typed values; unset values are left out."""
    doc: dict[str, Any] = {}
    for prop in props:
        value = values.get(prop.name)
        if value is not None and prop.dex_key is not None:
            doc[prop.dex_key] = (
                pem_to_dex(value) if prop.dex_bytes else _value_to_dex(prop.type, value)
            )
    return doc


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _value_from_dex(prop: Prop, value: Any) -> Any:
    item = item_type(prop.type)
    if item in CONNECTOR_OBJECTS and isinstance(value, list):
        return [_object_from_dex(CONNECTOR_OBJECTS[item], entry) for entry in value]
    obj = CONNECTOR_OBJECTS.get(prop.type)
    if obj is not None:
        return _object_from_dex(obj, value)
    fits = {
        STRING: isinstance(value, str),
        BOOLEAN: isinstance(value, bool),
        STRING_LIST: _strings(value),
        STRING_MAP: isinstance(value, dict) and _strings(list(value.values())),
    }
    if not fits.get(prop.type, False):
        raise Misfit(f"{prop.dex_key} holds {type(value).__name__}, not {prop.type}")
    return value


def _object_from_dex(obj: ObjectType, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Misfit(f"{obj.token} is not a JSON object")
    return props_from_dex(obj.props, value)


def props_from_dex(props: Iterable[Prop], doc: dict[str, Any]) -> dict[str, Any]:
    """Typed values of a Dex JSON object; Misfit names a key the props do not cover."""
    by_key = {p.dex_key: p for p in props if p.dex_key}
    values: dict[str, Any] = {}
    for key, value in doc.items():
        prop = by_key.get(key)
        if prop is None:
            raise Misfit(f"{key} has no typed property")
        # null and false are Go's zero values: Dex reads them as if the key were absent.
        if value is not None and value is not False:
            values[prop.name] = (
                pem_from_dex(value) if prop.dex_bytes else _value_from_dex(prop, value)
            )
    return values


def without_false(value: Any) -> Any:
    """Values with every false boolean dropped, so state matches what Read returns."""
    if isinstance(value, dict):
        return {k: without_false(v) for k, v in value.items() if v is not False}
    if isinstance(value, list):
        return [without_false(v) for v in value]
    return value


def config_props(spec: ResourceSpec) -> tuple[Prop, ...]:
    """The properties stored in the connector's config (not its ID or name)."""
    return tuple(p for p in spec.props if p.dex_key is not None)


def _nested_required(obj: ObjectType, value: Any, path: str) -> list[Failure]:
    if not isinstance(value, dict):
        return []
    failures = [
        (f"{path}.{p.name}", f"{path}.{p.name} is required")
        for p in obj.props
        if p.required and value.get(p.name) in (None, "", [])
    ]
    return failures + nested_required(obj.props, value, path + ".")


def nested_required(props: Iterable[Prop], values: dict[str, Any], path: str = "") -> list[Failure]:
    """Required fields missing inside nested objects and lists of objects."""
    failures: list[Failure] = []
    for prop in props:
        value = values.get(prop.name)
        item = item_type(prop.type)
        if item in CONNECTOR_OBJECTS and isinstance(value, list):
            for index, entry in enumerate(value):
                where = f"{path}{prop.name}[{index}]"
                failures += _nested_required(CONNECTOR_OBJECTS[item], entry, where)
        elif prop.type in CONNECTOR_OBJECTS:
            failures += _nested_required(CONNECTOR_OBJECTS[prop.type], value, path + prop.name)
    return failures


def url_failure(name: str, value: Any, callback: bool = False) -> Failure | None:
    """A failure when `value` is not an absolute http(s) URL (ending in /callback if asked)."""
    if not isinstance(value, str):
        return None
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        return (name, f"{name} {value!r} must be an absolute http(s) URL")
    if callback and not parsed.path.endswith("/callback"):
        # Dex compares the connector's redirect URI with its own {issuer}/callback at login.
        return (name, f"{name} {value!r} must be Dex's callback, {{issuer}}/callback")
    return None


def pem_failure(name: str, value: Any) -> Failure | None:
    """A failure when `value` holds no PEM certificate."""
    if isinstance(value, str) and PEM_CERTIFICATE not in value:
        return (name, f"{name} must be PEM text holding at least one {PEM_CERTIFICATE} block")
    return None


def one_of(name: str, value: Any, allowed: tuple[str, ...]) -> Failure | None:
    """A failure when `value` is set and not one of `allowed`."""
    if isinstance(value, str) and value not in allowed:
        return (name, f"{name} {value!r} must be one of {', '.join(allowed)}")
    return None


def pem_to_dex(pem: str) -> str:
    """Dex reads []byte fields as base64 in JSON; PEM in, base64 out."""
    return base64.b64encode(pem.encode()).decode()


def pem_from_dex(data: Any) -> str:
    """The PEM text of a base64 []byte field; Misfit when it is not base64 of text."""
    try:
        return base64.b64decode(str(data), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError) as err:
        raise Misfit("a base64 certificate field does not decode to PEM text") from err
