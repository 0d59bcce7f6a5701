"""Turning typed keyword arguments into the wire properties the provider reads."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi

from pulumi_dex.model.properties import ObjectType, ResourceSpec, item_type
from pulumi_dex.model.resources import CONNECTOR_OBJECTS, PACKAGE
from pulumi_dex.version import VERSION


def _value_to_wire(type_name: str, value: Any) -> Any:
    """A nested object, or a list of them, in wire names; other values as given."""
    if value is None:
        return None
    nested = CONNECTOR_OBJECTS.get(type_name)
    if nested is not None:
        return _object_to_wire(nested, value)
    item = CONNECTOR_OBJECTS.get(item_type(type_name) or "")
    if item is None:
        return value
    if isinstance(value, pulumi.Output):
        return value.apply(lambda v: _value_to_wire(type_name, v))
    if not isinstance(value, (list, tuple)):
        return value
    return [_object_to_wire(item, entry) for entry in value]


def _object_to_wire(obj: ObjectType, value: Any) -> Any:
    if isinstance(value, pulumi.Output):
        return value.apply(lambda v: _object_to_wire(obj, v))
    if not isinstance(value, Mapping):
        return value
    wire: dict[str, Any] = {}
    for prop in obj.props:
        item = value.get(prop.python_name, value.get(prop.name))
        if item is None:
            continue
        item = _value_to_wire(prop.type, item)
        wire[prop.name] = pulumi.Output.secret(item) if prop.secret else item
    unknown = set(value) - {p.python_name for p in obj.props} - {p.name for p in obj.props}
    if unknown:
        raise TypeError(f"{obj.token} has no field(s) {sorted(unknown)}")
    return wire


def to_wire(spec: ResourceSpec, args: Mapping[str, Any]) -> dict[str, Any]:
    """Resource properties keyed by Python name; nested objects already in wire names.

    The top-level keys are turned into wire names by `wire_name` (Pulumi's
    translate_input_property), and back by snake_case for the output attributes.
    """
    props: dict[str, Any] = {}
    for prop in spec.props:
        if prop.output_only:
            props[prop.python_name] = None
            continue
        value = _value_to_wire(prop.type, args.get(prop.python_name))
        if prop.secret and value is not None:
            value = pulumi.Output.secret(value)
        props[prop.python_name] = value
    return props


def _wire_names() -> dict[str, str]:
    from pulumi_dex.model.resources import PROVIDER, RESOURCES

    names: dict[str, str] = {}
    for spec in (PROVIDER, *RESOURCES):
        names.update({p.python_name: p.name for p in spec.props})
    return names


_WIRE_NAMES = _wire_names()


def wire_name(python_name: str) -> str:
    """The schema name of a top-level property; unknown names pass through."""
    return _WIRE_NAMES.get(python_name, python_name)


def options(spec: ResourceSpec, opts: pulumi.ResourceOptions | None) -> pulumi.ResourceOptions:
    """Resource options with secret outputs declared and the plugin version pinned."""
    secrets = [p.name for p in spec.props if p.secret]
    base = pulumi.ResourceOptions(additional_secret_outputs=secrets, version=VERSION)
    return pulumi.ResourceOptions.merge(base, opts)


__all__ = ["PACKAGE", "options", "to_wire", "wire_name"]
