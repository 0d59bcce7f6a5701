"""What to declare for each Dex object: resource type, name, arguments and secret keys.

Values that are secrets never enter a declaration; in their place stands the call
that reads them from stack config, and the key is listed in `secret_keys`.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from typing import Any

from importer.inventory import Inventory
from importer.literal import Code
from importer.naming import ObjectNames, assign
from pulumi_dex.connectors import (
    azure,
    cognito,
    document,
    github,
    gitlab,
    google,
    ldap,
    microsoft,
    oidc,
    saml,
)
from pulumi_dex.dex.clients import ClientRecord
from pulumi_dex.dex.connectors import ConnectorRecord
from pulumi_dex.model import resources as model
from pulumi_dex.model.properties import ResourceSpec, item_type, snake_case

log = logging.getLogger(__name__)

# Dex connector types with a typed resource of their own, and that resource's SDK class.
TYPED_FAMILIES = {
    family.TYPE: (family, sdk_class)
    for family, sdk_class in (
        (github, "GitHubConnector"),
        (gitlab, "GitLabConnector"),
        (google, "GoogleConnector"),
        (microsoft, "MicrosoftConnector"),
        (ldap, "LdapConnector"),
        (saml, "SamlConnector"),
    )
}

RAW_CONFIG_FIELD = "rawConfig"

# What the provider's connector mappings raise on a document of unexpected shape.
_PROVIDER_ERRORS = (KeyError, TypeError, ValueError, AttributeError)
_JSON_NAMES = {list: "array", str: "string", int: "number", float: "number", bool: "boolean"}
_JSON_NAMES[type(None)] = "null"

# Keys of an oidc config's untyped `extra` part that are treated as credentials.
_SECRET_KEY = re.compile(r"secret|password|passwd|token|credential|private|key$", re.I)


@dataclass(frozen=True)
class Declaration:
    """One resource of the generated program."""

    token: str
    sdk_class: str
    dex_id: str
    names: ObjectNames
    args: tuple[tuple[str, Any], ...]
    secret_keys: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    """Every declaration, clients first, each group sorted by ID, and what was downgraded."""

    declarations: tuple[Declaration, ...]
    warnings: tuple[str, ...] = ()

    @property
    def secret_keys(self) -> tuple[str, ...]:
        """Every stack config key the program reads, in declaration order."""
        return tuple(key for decl in self.declarations for key in decl.secret_keys)


class _Secrets:
    """Hands out config lookups for one object and remembers their keys."""

    def __init__(self, names: ObjectNames) -> None:
        self._names = names
        self.keys: list[str] = []

    def lookup(self, field: str) -> Code:
        key = self._names.config_key(field)
        self.keys.append(key)
        return Code(f"config.require_secret({json.dumps(key)})")


def _client(record: ClientRecord, names: ObjectNames) -> Declaration:
    secrets = _Secrets(names)
    args: list[tuple[str, Any]] = [("client_id", record.id), ("name", record.name)]
    # Public clients log in without a secret (PKCE), so none is asked of the user.
    if not record.public:
        args.append(("secret", secrets.lookup("secret")))
    optional = [
        ("redirect_uris", list(record.redirect_uris)),
        ("trusted_peers", list(record.trusted_peers)),
        ("public", record.public),
        ("logo_url", record.logo_url),
    ]
    args.extend((name, value) for name, value in optional if value)
    return Declaration(
        model.CLIENT.token, "Client", record.id, names, tuple(args), tuple(secrets.keys)
    )


def _snake(value: Any) -> Any:
    if isinstance(value, dict):
        return {snake_case(key): _snake(item) for key, item in value.items()}
    return value


def _family(wire: dict[str, Any]) -> tuple[ResourceSpec, str, dict[str, Any]] | None:
    """The Azure or Cognito resource that writes exactly this oidc config, if any."""
    for spec, sdk_class, family in (
        (model.AZURE, "AzureOidcConnector", azure),
        (model.COGNITO, "CognitoOidcConnector", cognito),
    ):
        try:
            inputs = family.from_oidc(wire)
            # from_oidc matches on the issuer; the round trip also proves the fixed settings
            # (such as insecureSkipEmailVerified) agree, so importing changes nothing.
            fits = inputs is not None and family.to_oidc(family.with_defaults(inputs)) == wire
        except _PROVIDER_ERRORS as err:
            log.debug("no typed oidc family spec=%s reason=%r", spec.token, err)
            continue
        if fits and inputs is not None:
            return spec, sdk_class, inputs
    return None


def _is_credential(key: str, value: Any) -> bool:
    # Stack config holds strings only: any other value would come back as its JSON text.
    return isinstance(value, str) and bool(_SECRET_KEY.search(key))


def _oidc_args(wire: dict[str, Any], secrets: _Secrets) -> list[tuple[str, Any]]:
    typed = {key: value for key, value in wire.items() if key != "extra"}
    if "clientSecret" in typed:
        typed["clientSecret"] = secrets.lookup("clientSecret")
    config = _snake(typed)
    extra = {
        key: secrets.lookup(key) if _is_credential(key, value) else value
        for key, value in (wire.get("extra") or {}).items()
    }
    if extra:
        config["extra"] = extra
    return [("oidc_config", config)]


def _python_value(type_name: str, value: Any) -> Any:
    """A typed value with object keys in Python names; maps keep their own keys."""
    item = model.CONNECTOR_OBJECTS.get(item_type(type_name) or "")
    if item is not None and isinstance(value, list):
        return [_python_value(item.token, entry) for entry in value]
    obj = model.CONNECTOR_OBJECTS.get(type_name)
    if obj is None or not isinstance(value, dict):
        return value
    return {
        p.python_name: _python_value(p.type, value[p.name]) for p in obj.props if p.name in value
    }


def _typed_inputs(record: ConnectorRecord, doc: dict[str, Any]) -> dict[str, Any] | None:
    """The typed resource's inputs for this connector, or None when it does not fit one.

    Not fitting loses nothing, since raw_config carries the whole config, so it is no warning.
    """
    family = TYPED_FAMILIES[record.type][0]
    try:
        inputs: dict[str, Any] = family.from_dex(doc)
        missing = [
            p.name
            for p in family.SPEC.inputs
            if p.required and p.dex_key and inputs.get(p.name) in (None, "", [])
        ]
        problems = missing + [prop for prop, _ in family.check(inputs)]
    except (document.Misfit, *_PROVIDER_ERRORS) as err:
        log.debug("untyped connector id=%s type=%s reason=%s", record.id, record.type, err)
        return None
    if problems:
        # The typed resource would fail its own preview; raw_config keeps Dex's config as is.
        log.debug(
            "untyped connector id=%s type=%s failing=%s", record.id, record.type, ",".join(problems)
        )
        return None
    return inputs


def _typed_connector(
    record: ConnectorRecord, names: ObjectNames, inputs: dict[str, Any]
) -> Declaration:
    family, sdk_class = TYPED_FAMILIES[record.type]
    spec: ResourceSpec = family.SPEC
    secrets = _Secrets(names)
    args: list[tuple[str, Any]] = [("connector_id", record.id), ("name", record.name)]
    for prop in spec.inputs:
        if prop.name not in inputs:
            continue
        value = _python_value(prop.type, inputs[prop.name])
        args.append((prop.python_name, secrets.lookup(prop.name) if prop.secret else value))
    return Declaration(spec.token, sdk_class, record.id, names, tuple(args), tuple(secrets.keys))


def _raw_connector(record: ConnectorRecord, names: ObjectNames) -> Declaration:
    secrets = _Secrets(names)
    args: list[tuple[str, Any]] = [
        ("connector_id", record.id),
        ("type", record.type),
        ("name", record.name),
    ]
    # Any connector type may hold credentials anywhere in its config, so all of it is secret.
    args.append(("raw_config", secrets.lookup(RAW_CONFIG_FIELD)))
    return Declaration(
        model.CONNECTOR.token, "Connector", record.id, names, tuple(args), tuple(secrets.keys)
    )


def _oidc_wire(record: ConnectorRecord, doc: dict[str, Any]) -> dict[str, Any] | None:
    """The typed oidc config of a document, or None when its typed keys hold other types."""
    wire = oidc.from_dex(doc)
    typed = {key: value for key, value in doc.items() if key not in (wire.get("extra") or {})}
    try:
        document.props_from_dex(model.OIDC_CONFIG.props, typed)
    except document.Misfit as err:
        log.debug("untyped connector id=%s type=oidc reason=%s", record.id, err)
        return None
    if oidc.check(wire):
        # oidc_config would fail the provider's own check; raw_config keeps the config as is.
        log.debug("untyped connector id=%s type=oidc reason=fails check", record.id)
        return None
    return wire


def _oidc_connector(
    record: ConnectorRecord, names: ObjectNames, wire: dict[str, Any]
) -> Declaration:
    secrets = _Secrets(names)
    head: list[tuple[str, Any]] = [("connector_id", record.id)]
    family = _family(wire)
    if family is not None:
        spec, sdk_class, inputs = family
        inputs = {**inputs, "clientSecret": secrets.lookup("clientSecret")}
        args = [*head, ("name", record.name)]
        args.extend((snake_case(key), value) for key, value in inputs.items())
        return Declaration(
            spec.token, sdk_class, record.id, names, tuple(args), tuple(secrets.keys)
        )

    args = [*head, ("type", record.type), ("name", record.name), *_oidc_args(wire, secrets)]
    return Declaration(
        model.CONNECTOR.token, "Connector", record.id, names, tuple(args), tuple(secrets.keys)
    )


def _connector(record: ConnectorRecord, names: ObjectNames, doc: dict[str, Any]) -> Declaration:
    if record.type in TYPED_FAMILIES:
        inputs = _typed_inputs(record, doc)
        if inputs is not None:
            return _typed_connector(record, names, inputs)

    wire = _oidc_wire(record, doc) if record.type == oidc.OIDC_TYPE else None
    if wire is None:
        return _raw_connector(record, names)
    return _oidc_connector(record, names, wire)


def _config_object(record: ConnectorRecord) -> tuple[dict[str, Any] | None, str]:
    """A connector's config as a JSON object, or None and what Dex holds instead."""
    try:
        doc = json.loads(record.config)
    except (ValueError, UnicodeDecodeError):
        return None, "text that is not valid JSON"
    if not isinstance(doc, dict):
        return None, f"a JSON {_JSON_NAMES.get(type(doc), type(doc).__name__)}"
    return doc, "a JSON object"


def plan(inventory: Inventory) -> Plan:
    """Declarations for every object of the inventory."""
    clients = sorted(inventory.clients, key=lambda c: c.id)
    warnings: list[str] = []
    connectors: list[tuple[ConnectorRecord, dict[str, Any]]] = []
    for record in sorted(inventory.connectors, key=lambda c: c.id):
        doc, held = _config_object(record)
        if doc is None:
            # rawConfig takes JSON objects only, so any declaration would fail at preview.
            warnings.append(
                f"connector {record.id!r} left out: its config in Dex is {held}, which no "
                "pulumi-dex resource can declare; make it a JSON object in Dex, or keep the "
                "connector out of Pulumi"
            )
            continue
        connectors.append((record, doc))
    client_names = assign("client", [c.id for c in clients])
    connector_names = assign("connector", [c.id for c, _ in connectors])
    declarations = [_client(c, client_names[c.id]) for c in clients]
    declarations.extend(_connector(c, connector_names[c.id], doc) for c, doc in connectors)
    for decl in declarations:
        log.debug("declared id=%s token=%s", decl.dex_id, decl.token)
    return Plan(tuple(declarations), tuple(warnings))
