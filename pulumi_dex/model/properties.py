"""The building blocks of the resource model: typed properties and resource specs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

STRING = "string"
BOOLEAN = "boolean"
NUMBER = "number"
STRING_LIST = "array<string>"
ANY_MAP = "map<any>"
STRING_MAP = "map<string>"
_LIST_OF = re.compile(r"^array<(?P<item>.+)>$")


@dataclass(frozen=True)
class Prop:
    """One property: its wire (schema) name, type and lifecycle rules."""

    name: str
    type: str
    description: str
    required: bool = False
    secret: bool = False
    replaces: bool = False
    output_only: bool = False
    # Dex's JSON key, for properties stored inside a connector's config document.
    dex_key: str | None = None
    # Dex reads the field as Go []byte, which JSON carries base64-encoded; users give text.
    dex_bytes: bool = False

    @property
    def python_name(self) -> str:
        return snake_case(self.name)


@dataclass(frozen=True)
class ObjectType:
    """A named object type of the schema (for example the OIDC connector config)."""

    token: str
    description: str
    props: tuple[Prop, ...]

    def prop(self, name: str) -> Prop:
        return next(p for p in self.props if p.name == name)


@dataclass(frozen=True)
class ResourceSpec:
    """A resource type: its token, docs, and properties in declaration order."""

    token: str
    description: str
    props: tuple[Prop, ...]
    id_property: str | None = None
    objects: dict[str, ObjectType] = field(default_factory=dict)

    @property
    def inputs(self) -> tuple[Prop, ...]:
        return tuple(p for p in self.props if not p.output_only)

    @property
    def secret_names(self) -> frozenset[str]:
        return frozenset(p.name for p in self.props if p.secret)

    @property
    def replacing_names(self) -> frozenset[str]:
        return frozenset(p.name for p in self.props if p.replaces)

    def prop(self, name: str) -> Prop:
        return next(p for p in self.props if p.name == name)


def connector_identity(what: str = "") -> tuple[Prop, Prop]:
    """The ID and display name every connector resource starts with."""
    shown = (
        f"Name shown on Dex's login page for {what}."
        if what
        else ("Name shown on Dex's login page.")
    )
    return (
        Prop("connectorId", STRING, "The connector ID; a change replaces it.", True, replaces=True),
        Prop("name", STRING, shown, True),
    )


def snake_case(name: str) -> str:
    """clientId -> client_id, rootCAs -> root_cas, redirectURIs -> redirect_uris."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    spaced = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", spaced)
    return spaced.lower()


def list_of(token: str) -> str:
    """The type name of a list whose items are the object type `token`."""
    return f"array<{token}>"


def item_type(type_name: str) -> str | None:
    """The item type of a list type name, None for any other type."""
    match = _LIST_OF.match(type_name)
    return match["item"] if match else None


def schema_type(type_name: str, objects: dict[str, ObjectType]) -> dict[str, Any]:
    """The JSON schema fragment of one of our type names."""
    item = item_type(type_name)
    if item is not None:
        return {"type": "array", "items": schema_type(item, objects)}
    if type_name == ANY_MAP:
        return {"type": "object", "additionalProperties": {"$ref": "pulumi.json#/Any"}}
    if type_name == STRING_MAP:
        return {"type": "object", "additionalProperties": {"type": "string"}}
    if type_name in objects:
        return {"$ref": f"#/types/{objects[type_name].token}"}
    return {"type": type_name}
