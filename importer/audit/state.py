"""The Dex objects a stack manages, read from its exported state, with secrets unwrapped."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from importer import stack as stacks
from pulumi_dex.connectors import document, raw
from pulumi_dex.dex.clients import ClientRecord
from pulumi_dex.dex.connectors import ConnectorRecord
from pulumi_dex.model import resources as model
from pulumi_dex.provider.handlers.connectors import ConnectorHandler
from pulumi_dex.provider.server import HANDLERS

# The provider's own handlers turn state into the record it writes, so the audit expects
# exactly what `pulumi up` would have stored, for every connector resource there is.
CONNECTOR_HANDLERS: dict[str, ConnectorHandler] = {
    token: handler for token, handler in HANDLERS.items() if isinstance(handler, ConnectorHandler)
}
# What reading values of unexpected shape out of a state raises.
_STATE_ERRORS = (KeyError, TypeError, ValueError, AttributeError)
# Provider inputs Pulumi adds itself; they say nothing about where Dex is.
_ENGINE_INPUTS = ("__internal", "version")


@dataclass(frozen=True)
class ManagedObject:
    """One Dex object in a stack: the document Dex should hold and what in it is secret."""

    stack: str
    urn: str
    kind: str
    id: str
    expected: dict[str, Any]
    provider: str
    secret_values: frozenset[str] = frozenset()
    # A rawConfig is one secret as a whole, so every key of its document is treated as one.
    all_config_secret: bool = False
    # Why the state's values say nothing Dex could hold; such an object is not compared.
    problem: str | None = None


@dataclass(frozen=True)
class StackState:
    """The managed objects of one stack and the inputs of each of its dex providers."""

    name: str
    objects: tuple[ManagedObject, ...]
    providers: dict[str, dict[str, str]]


def client_document(record: ClientRecord) -> dict[str, Any]:
    """What is compared of a client."""
    return {
        "name": record.name,
        "secret": record.secret or "",
        "redirectUris": list(record.redirect_uris),
        "trustedPeers": list(record.trusted_peers),
        "public": record.public,
        "logoUrl": record.logo_url,
    }


def connector_document(record: ConnectorRecord) -> dict[str, Any]:
    """What is compared of a connector; a config that is not JSON is compared as text."""
    try:
        config: Any = json.loads(record.config)
    except ValueError:
        config = record.config.decode(errors="replace")
    return {"type": record.type, "name": record.name, "config": config}


def _client(outputs: dict[str, Any]) -> dict[str, Any]:
    return client_document(
        ClientRecord(
            id=outputs["clientId"],
            name=outputs.get("name", ""),
            secret=outputs.get("secret"),
            redirect_uris=tuple(outputs.get("redirectUris") or ()),
            trusted_peers=tuple(outputs.get("trustedPeers") or ()),
            public=bool(outputs.get("public")),
            logo_url=outputs.get("logoUrl") or "",
        )
    )


def _provider_inputs(resource: dict[str, Any]) -> dict[str, str]:
    inputs, _ = stacks.decode(resource.get("inputs") or {})
    return {
        f"dex:{key}": value if isinstance(value, str) else json.dumps(value)
        for key, value in inputs.items()
        if key not in _ENGINE_INPUTS
    }


def _connector_expected(token: str, outputs: dict[str, Any]) -> dict[str, Any]:
    """The document Dex should hold for a connector's state, as the provider would write it."""
    try:
        return connector_document(CONNECTOR_HANDLERS[token].record(outputs))
    except raw.RawConfigError:
        if token != model.CONNECTOR.token:
            raise
    # `pulumi import` stores any config Dex holds, JSON object or not, though the provider
    # would write none but objects; compare it as Dex holds it.
    text = outputs["rawConfig"]
    record = ConnectorRecord(
        outputs["connectorId"], outputs["type"], outputs["name"], text.encode()
    )
    return connector_document(record)


def _managed(name: str, resource: dict[str, Any]) -> ManagedObject | None:
    token = resource.get("type", "")
    if token != model.CLIENT.token and token not in CONNECTOR_HANDLERS:
        return None

    kind = "client" if token == model.CLIENT.token else "connector"
    common = {
        "stack": name,
        "urn": resource.get("urn", ""),
        "kind": kind,
        "id": str(resource.get("id", "")),
        "provider": str(resource.get("provider", "")),
    }
    raw_outputs = resource.get("outputs") or {}
    try:
        outputs, _ = stacks.decode(raw_outputs)
        secrets = frozenset(stacks.secret_strings(raw_outputs))
        if kind == "client":
            expected = _client(outputs)
        else:
            expected = _connector_expected(token, outputs)
    except (*_STATE_ERRORS, raw.RawConfigError, document.Misfit) as err:
        # The message of a provider error may quote the state's values, which may be secrets.
        problem = f"its state holds values pulumi-dex cannot turn into a {kind} ({_reason(err)})"
        return ManagedObject(expected={}, problem=problem, **common)

    return ManagedObject(
        expected=expected,
        secret_values=secrets,
        all_config_secret=kind == "connector" and outputs.get("rawConfig") not in (None, ""),
        **common,
    )


def _reason(err: Exception) -> str:
    if isinstance(err, KeyError):
        return f"no {err.args[0]}" if err.args else "a value is missing"
    if isinstance(err, raw.RawConfigError):
        return "rawConfig is not a JSON object"
    return f"{type(err).__name__}"


def parse(name: str, export: dict[str, Any]) -> StackState:
    """The Dex objects and dex providers of one `pulumi stack export`."""
    resources = (export.get("deployment") or {}).get("resources") or []
    providers: dict[str, dict[str, str]] = {}
    objects: list[ManagedObject] = []
    for resource in resources:
        if resource.get("type") == model.PROVIDER_TOKEN:
            ref = f"{resource.get('urn', '')}::{resource.get('id', '')}"
            try:
                providers[ref] = _provider_inputs(resource)
            except _STATE_ERRORS as err:
                raise stacks.StackError(
                    f"stack {name}: provider {ref.split('::')[-2]} has state inputs that cannot "
                    f"be read ({type(err).__name__}); run `pulumi refresh --stack {name}`"
                ) from err
            continue
        if resource.get("delete") or resource.get("pendingReplacement"):
            continue
        managed = _managed(name, resource)
        if managed is not None:
            objects.append(managed)
    return StackState(name, tuple(objects), providers)
