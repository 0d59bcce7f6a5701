"""The Dex objects a stack manages, read from its exported state, with secrets unwrapped."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from importer import stack as stacks
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


def _managed(name: str, resource: dict[str, Any]) -> ManagedObject | None:
    token = resource.get("type", "")
    raw = resource.get("outputs") or {}
    outputs, _ = stacks.decode(raw)
    secrets = frozenset(stacks.secret_strings(raw))
    provider = str(resource.get("provider", ""))
    common = {"stack": name, "urn": resource["urn"], "provider": provider}
    if token == model.CLIENT.token:
        return ManagedObject(
            kind="client",
            id=resource["id"],
            expected=_client(outputs),
            secret_values=secrets,
            **common,
        )
    handler = CONNECTOR_HANDLERS.get(token)
    if handler is None:
        return None
    record = handler.record(outputs)
    return ManagedObject(
        kind="connector",
        id=resource["id"],
        expected=connector_document(record),
        secret_values=secrets,
        all_config_secret=outputs.get("rawConfig") not in (None, ""),
        **common,
    )


def parse(name: str, export: dict[str, Any]) -> StackState:
    """The Dex objects and dex providers of one `pulumi stack export`."""
    resources = (export.get("deployment") or {}).get("resources") or []
    providers: dict[str, dict[str, str]] = {}
    objects: list[ManagedObject] = []
    for resource in resources:
        if resource.get("type") == model.PROVIDER_TOKEN:
            providers[f"{resource['urn']}::{resource.get('id', '')}"] = _provider_inputs(resource)
            continue
        if resource.get("delete") or resource.get("pendingReplacement"):
            continue
        managed = _managed(name, resource)
        if managed is not None:
            objects.append(managed)
    return StackState(name, tuple(objects), providers)
