"""dex-import at scale: `list` and `generate` over 5,000 clients and 1,000 connectors.

Dex v2.41.1 cannot list clients, so the clients come from the fake Dex of the unit tests
(gRPC on 127.0.0.1, API 3); the connectors are created in a real Dex through its API.
Each command runs twice in-process: once timed, once under tracemalloc for peak memory.
No figure is asserted.
"""

from __future__ import annotations

import json
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager

from typer.testing import CliRunner

from bench.lab import Figure, lab, report
from importer.cli import app
from pulumi_dex.dex.clients import ClientRecord
from pulumi_dex.dex.connection import DexConnection
from pulumi_dex.dex.connectors import ConnectorRecord, ConnectorsApi
from tests.unit.importer.conftest import FakeDexBehaviour, start_fake_dex

CLIENTS = 5000
CONNECTORS = 1000
CALLBACK = "https://dex.example.test/dex/callback"


def clients(count: int = CLIENTS) -> tuple[ClientRecord, ...]:
    """Confidential clients with a secret, redirect URIs and a logo each."""
    return tuple(
        ClientRecord(
            f"app-{i:05d}",
            f"Application {i}",
            f"bench-client-secret-{i:05d}-0123456789",
            (f"https://app-{i}.example.test/callback",),
            logo_url=f"https://app-{i}.example.test/logo.png",
        )
        for i in range(count)
    )


def connectors(count: int = CONNECTORS) -> tuple[ConnectorRecord, ...]:
    """GitHub and generic oidc connectors, alternating."""
    made = []
    for i in range(count):
        secret = f"bench-connector-secret-{i:04d}"
        if i % 2:
            doc = {"clientID": f"gh-{i}", "clientSecret": secret, "redirectURI": CALLBACK}
            made.append(ConnectorRecord(f"gh-{i:04d}", "github", f"GitHub {i}", _json(doc)))
        else:
            doc = {
                "issuer": f"https://idp-{i}.example.test",
                "clientID": "dex",
                "clientSecret": secret,
                "redirectURI": CALLBACK,
                "scopes": ["openid"],
            }
            made.append(ConnectorRecord(f"sso-{i:04d}", "oidc", f"SSO {i}", _json(doc)))
    return tuple(made)


def _json(doc: dict[str, object]) -> bytes:
    return json.dumps(doc).encode()


@contextmanager
def fake_dex(count: int = CLIENTS) -> Iterator[str]:
    """The fake Dex holding `count` clients and no connectors; yields its host:port."""
    server, host = start_fake_dex(FakeDexBehaviour(api=3, clients=clients(count), connectors=()))
    try:
        yield host
    finally:
        server.stop(grace=None)


def measured(args: list[str], env: dict[str, str | None] | None = None) -> tuple[float, float]:
    """Seconds of one in-process run, and peak traced memory in MiB of a second run."""
    runner = CliRunner(env=env)
    started = time.perf_counter()
    result = runner.invoke(app, args)
    seconds = time.perf_counter() - started
    if result.exit_code not in (0, 1, 3):
        raise RuntimeError(f"dex-import {args[0]} exited {result.exit_code}: {result.stderr}")
    tracemalloc.start()
    runner.invoke(app, args)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return seconds, peak


def _figures(label: str, args: list[str], env: dict[str, str | None]) -> list[Figure]:
    figures = []
    for command in ("list", "generate"):
        seconds, peak = measured([command, *args], env)
        figures.append(Figure(f"{command}, {label}", seconds, "s"))
        figures.append(Figure(f"{command}, {label}, peak traced memory", peak, "MiB"))
    return figures


def run() -> list[Figure]:
    """Every figure of this benchmark."""
    with fake_dex() as host:
        figures = _figures(f"{CLIENTS} clients (fake Dex)", ["--host", host, "--insecure"], {})
    with lab() as bench:
        dex = bench.dex()
        api = ConnectorsApi(DexConnection(dex.connection_settings()))
        for record in connectors():
            api.create(record)
        env: dict[str, str | None] = {f"DEX_{k}": v for k, v in _env(dex.provider_config()).items()}
        figures += _figures(f"{CONNECTORS} connectors (Dex {dex.options.version})", [], env)
    return figures


def _env(config: dict[str, str]) -> dict[str, str]:
    names = {
        "host": "HOST",
        "caCert": "CA_CERT",
        "clientCert": "CLIENT_CERT",
        "clientKey": "CLIENT_KEY",
        "insecure": "INSECURE",
    }
    return {names[key]: value for key, value in config.items() if key in names}


if __name__ == "__main__":
    print(report(run()))
