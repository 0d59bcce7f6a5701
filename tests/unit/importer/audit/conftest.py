"""Stack exports of the fake Dex objects, shaped as `pulumi stack export --show-secrets` gives."""

from __future__ import annotations

import json
from typing import Any

import pytest

from importer.audit import state
from importer.audit.state import StackState
from pulumi_dex.connectors import azure, oidc
from tests.unit.importer.conftest import CLIENTS, CONNECTORS

SIGNATURE = "4dabf18193072939515e22adb298388d"
PROJECT = "dex-prod"


def secret(value: Any) -> dict[str, str]:
    """A value wrapped the way an export with --show-secrets wraps secrets."""
    return {SIGNATURE: "1b47061264138c4ac30d75fd1eb44270", "plaintext": json.dumps(value)}


def _urn(stack: str, token: str, name: str) -> str:
    return f"urn:pulumi:{stack}::{PROJECT}::{token}::{name}"


def provider(stack: str, host: str) -> tuple[dict[str, Any], str]:
    """The default dex provider resource of a stack, and its reference."""
    urn = _urn(stack, "pulumi:providers:dex", "default_0_1_0")
    resource = {
        "urn": urn,
        "type": "pulumi:providers:dex",
        "id": "0000-provider",
        "inputs": {"__internal": {}, "host": host, "insecure": "true", "version": "0.1.0"},
    }
    return resource, f"{urn}::0000-provider"


def resources(stack: str, ref: str) -> list[dict[str, Any]]:
    """State entries for every fake client and connector, as pulumi up would leave them."""
    made = []
    for client in CLIENTS:
        outputs: dict[str, Any] = {"clientId": client.id, "name": client.name}
        outputs["secret"] = secret(client.secret or "")
        outputs |= {"redirectUris": list(client.redirect_uris)} if client.redirect_uris else {}
        outputs |= {"trustedPeers": list(client.trusted_peers)} if client.trusted_peers else {}
        outputs |= {"public": True} if client.public else {}
        outputs |= {"logoUrl": client.logo_url} if client.logo_url else {}
        made.append(("dex:index:Client", client.id, outputs))
    for connector in CONNECTORS:
        doc = json.loads(connector.config)
        typed = azure.from_oidc(oidc.from_dex(doc)) if connector.id == "entra" else None
        if typed is not None:
            outputs = {"connectorId": connector.id, "name": connector.name, **typed}
            outputs["clientSecret"] = secret(typed["clientSecret"])
            made.append(("dex:index:AzureOidcConnector", connector.id, outputs))
            continue
        outputs = {"connectorId": connector.id, "type": connector.type, "name": connector.name}
        outputs["rawConfig"] = secret(connector.config.decode())
        made.append(("dex:index:Connector", connector.id, outputs))
    return [
        {"urn": _urn(stack, token, oid), "type": token, "id": oid, "outputs": out, "provider": ref}
        for token, oid, out in made
    ]


def export(stack: str, host: str, only: set[str] | None = None) -> dict[str, Any]:
    """A whole export; `only` keeps the objects whose ID it names."""
    provider_resource, ref = provider(stack, host)
    kept = [r for r in resources(stack, ref) if only is None or r["id"] in only]
    return {"version": 3, "deployment": {"resources": [provider_resource, *kept]}}


@pytest.fixture
def stack_state() -> StackState:
    """The state of stack `prod` managing every fake object on host dex.test:5557."""
    return state.parse("prod", export("prod", "dex.test:5557"))
