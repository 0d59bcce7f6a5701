"""dex-import audit at scale: one stack of 5,000 clients and 1,000 connectors.

The clients live in the fake Dex of the unit tests (Dex v2.41.1 cannot list them), the
connectors in a real Dex; the stack's state has one provider for each, so the audit reads
two hosts. The state is built here in the shape `pulumi stack export --show-secrets`
gives, rather than by a `pulumi up` of 6,000 resources. No figure is asserted.
"""

from __future__ import annotations

import json
from typing import Any
from unittest import mock

from bench.importer import CLIENTS, CONNECTORS, clients, connectors, fake_dex, measured
from bench.lab import Figure, lab, report
from importer.stack import SECRET_SIGNATURE, Stack
from pulumi_dex.dex.connection import DexConnection
from pulumi_dex.dex.connectors import ConnectorsApi

PROJECT = "bench"


def _secret(value: str) -> dict[str, str]:
    return {SECRET_SIGNATURE: "1b47061264138c4ac30d75fd1eb44270", "plaintext": json.dumps(value)}


def _provider(name: str, inputs: dict[str, Any]) -> tuple[dict[str, Any], str]:
    urn = f"urn:pulumi:bench::{PROJECT}::pulumi:providers:dex::{name}"
    return {
        "urn": urn,
        "type": "pulumi:providers:dex",
        "id": name,
        "inputs": inputs,
    }, f"{urn}::{name}"


def _resource(token: str, object_id: str, outputs: dict[str, Any], ref: str) -> dict[str, Any]:
    urn = f"urn:pulumi:bench::{PROJECT}::{token}::{object_id}"
    return {"urn": urn, "type": token, "id": object_id, "outputs": outputs, "provider": ref}


def export(fake_host: str, dex_config: dict[str, str]) -> dict[str, Any]:
    """The stack's state: clients on the fake Dex, connectors (as rawConfig) on the real one."""
    fake, fake_ref = _provider("fake", {"host": fake_host, "insecure": "true"})
    inputs: dict[str, Any] = dict(dex_config)
    inputs["clientKey"] = _secret(inputs["clientKey"])
    real, real_ref = _provider("real", inputs)
    made = [fake, real]
    for c in clients():
        outputs = {
            "clientId": c.id,
            "name": c.name,
            "secret": _secret(c.secret or ""),
            "redirectUris": list(c.redirect_uris),
            "logoUrl": c.logo_url,
        }
        made.append(_resource("dex:index:Client", c.id, outputs, fake_ref))
    for k in connectors():
        outputs = {
            "connectorId": k.id,
            "type": k.type,
            "name": k.name,
            "rawConfig": _secret(k.config.decode()),
        }
        made.append(_resource("dex:index:Connector", k.id, outputs, real_ref))
    return {"version": 3, "deployment": {"resources": made}}


def run() -> list[Figure]:
    """Every figure of this benchmark."""
    with lab() as bench, fake_dex() as fake_host:
        dex = bench.dex()
        api = ConnectorsApi(DexConnection(dex.connection_settings()))
        for record in connectors():
            api.create(record)
        state = export(fake_host, dex.provider_config())
        # The state names both hosts; no stack config is needed beyond it.
        with (
            mock.patch.object(Stack, "export", lambda self: state),
            mock.patch.object(Stack, "config", lambda self: {}),
        ):
            seconds, peak = measured(["audit", "--stack", "bench", "--format", "json"])
    label = f"audit, {CLIENTS} clients (fake Dex) + {CONNECTORS} connectors (real Dex)"
    return [Figure(label, seconds, "s"), Figure(f"{label}, peak traced memory", peak, "MiB")]


if __name__ == "__main__":
    print(report(run()))
