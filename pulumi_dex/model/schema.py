"""The Pulumi package schema, built from the resource model."""

from __future__ import annotations

import json
from typing import Any

from pulumi_dex.model.properties import ObjectType, Prop, ResourceSpec, schema_type
from pulumi_dex.model.resources import CONNECTOR_OBJECTS, PACKAGE, PROVIDER, RESOURCES
from pulumi_dex.version import VERSION


def _property(prop: Prop) -> dict[str, Any]:
    entry = schema_type(prop.type, CONNECTOR_OBJECTS)
    entry["description"] = prop.description
    if prop.secret:
        entry["secret"] = True
    if prop.replaces:
        entry["replaceOnChanges"] = True
    return entry


def _properties(props: tuple[Prop, ...]) -> dict[str, Any]:
    return {p.name: _property(p) for p in props}


def _required(props: tuple[Prop, ...]) -> list[str]:
    return [p.name for p in props if p.required]


def _resource(spec: ResourceSpec) -> dict[str, Any]:
    return {
        "description": spec.description,
        "properties": _properties(spec.props),
        "required": _required(spec.props) + [p.name for p in spec.props if p.output_only],
        "inputProperties": _properties(spec.inputs),
        "requiredInputs": _required(spec.inputs),
    }


def _object(obj: ObjectType) -> dict[str, Any]:
    return {
        "type": "object",
        "description": obj.description,
        "properties": _properties(obj.props),
        "required": _required(obj.props),
    }


def package_schema() -> dict[str, Any]:
    """The whole schema as a JSON-ready dict."""
    provider = _resource(PROVIDER)
    return {
        "name": PACKAGE,
        "displayName": "Dex",
        "version": VERSION,
        "description": "Manage Dex's OAuth2 clients and upstream connectors.",
        "keywords": ["pulumi", "dex", "oidc", "category/utility"],
        "config": {
            "variables": provider["inputProperties"],
            "defaults": [],
        },
        "provider": provider,
        "resources": {spec.token: _resource(spec) for spec in RESOURCES},
        "types": {obj.token: _object(obj) for obj in CONNECTOR_OBJECTS.values()},
        "language": {"python": {"packageName": "pulumi_dex"}},
    }


def schema_json() -> str:
    return json.dumps(package_schema(), indent=2, sort_keys=True)
