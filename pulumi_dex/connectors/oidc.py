"""Dex's generic oidc connector: typed `oidcConfig` <-> the JSON keys Dex reads."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

from pulumi_dex.connectors import document
from pulumi_dex.model.properties import ObjectType
from pulumi_dex.model.resources import CONNECTOR_OBJECTS, OIDC_CONFIG

OIDC_TYPE = "oidc"
Failure = tuple[str, str]


def _from_dex(obj: ObjectType, doc: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Typed values and the keys the type does not cover."""
    by_key = {p.dex_key: p for p in obj.props if p.dex_key}
    wire: dict[str, Any] = {}
    rest: dict[str, Any] = {}
    for key, value in doc.items():
        prop = by_key.get(key)
        nested = CONNECTOR_OBJECTS.get(prop.type) if prop else None
        if prop is None or (nested and not isinstance(value, dict)):
            rest[key] = value
        elif nested:
            inner, leftover = _from_dex(nested, value)
            if leftover:
                rest[key] = value
            else:
                wire[prop.name] = inner
        else:
            wire[prop.name] = value
    return wire, rest


def to_dex(oidc_config: dict[str, Any]) -> dict[str, Any]:
    """The JSON document Dex stores for a typed oidc config; `extra` keys are added."""
    doc = document.props_to_dex(OIDC_CONFIG.props, oidc_config)
    doc.update(oidc_config.get("extra") or {})
    return doc


def from_dex(doc: dict[str, Any]) -> dict[str, Any]:
    """The typed oidc config of a Dex document; uncovered keys land in `extra`."""
    wire, rest = _from_dex(OIDC_CONFIG, doc)
    if rest:
        wire["extra"] = rest
    return wire


def _is_url(value: Any) -> bool:
    parsed = urlparse(value) if isinstance(value, str) else None
    return bool(parsed and parsed.scheme in {"http", "https"} and parsed.netloc)


def check(oidc_config: dict[str, Any], path: str = "oidcConfig") -> list[Failure]:
    """Failures Dex would only report at a user's login, found at preview instead."""
    failures = [
        (f"{path}.{p.name}", f"{path}.{p.name} is required")
        for p in OIDC_CONFIG.props
        if p.required and oidc_config.get(p.name) in (None, "")
    ]
    for name in ("issuer", "redirectUri"):
        value = oidc_config.get(name)
        if value and isinstance(value, str) and not _is_url(value):
            failures.append((f"{path}.{name}", f"{path}.{name} must be an absolute http(s) URL"))
    typed_keys = {p.dex_key for p in OIDC_CONFIG.props if p.dex_key}
    clashes = sorted(typed_keys & set(oidc_config.get("extra") or {}))
    if clashes:
        failures.append(
            (f"{path}.extra", f"{path}.extra repeats typed keys {clashes}; set the typed fields")
        )
    return failures
