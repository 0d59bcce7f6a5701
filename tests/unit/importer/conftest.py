"""Fixed fake Dex objects and a fake Dex gRPC server on 127.0.0.1 for the importer tests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent import futures
from dataclasses import dataclass

import grpc
import pytest

from importer.inventory import Inventory
from pulumi_dex.dex.clients import ClientRecord
from pulumi_dex.dex.connectors import ConnectorRecord
from pulumi_dex.dexapi import api_pb2, api_pb2_grpc

TENANT = "0f2b7a51-3c4d-4e5f-8a9b-0c1d2e3f4a5b"

# Every value here that must never reach an output; each is unique and easy to find.
SECRETS = (
    "web-secret-Vq81",
    "batch-secret-Kd55",
    "azure-secret-Lp22",
    "cognito-secret-Wz73",
    "corp-secret-Hh09",
    "corp-extra-token-Rt64",
    "github-secret-Mn47",
    "ldap-bind-password-Qs30",
)


def _config(doc: dict[str, object]) -> bytes:
    return json.dumps(doc).encode()


CLIENTS = (
    ClientRecord("web", "Web app", SECRETS[0], ("https://app.example.test/callback",), ("cli",)),
    ClientRecord("cli", "Command line", None, ("http://127.0.0.1:5555/callback",), (), True),
    ClientRecord("batch.jobs", "Batch jobs", SECRETS[1], logo_url="https://example.test/l.png"),
)

CONNECTORS = (
    ConnectorRecord(
        "entra",
        "oidc",
        "Entra ID",
        _config(
            {
                "issuer": f"https://login.microsoftonline.com/{TENANT}/v2.0",
                "clientID": "entra-app",
                "clientSecret": SECRETS[2],
                "redirectURI": "https://dex.example.test/callback",
                "scopes": ["openid", "profile", "email"],
                "userNameKey": "preferred_username",
                "insecureSkipEmailVerified": True,
            }
        ),
    ),
    ConnectorRecord(
        "pool",
        "oidc",
        "Cognito",
        _config(
            {
                "issuer": "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123",
                "clientID": "pool-app",
                "clientSecret": SECRETS[3],
                "redirectURI": "https://dex.example.test/callback",
                "scopes": ["openid", "email"],
                "userNameKey": "cognito:username",
                "insecureEnableGroups": True,
                "claimMapping": {"groups": "cognito:groups"},
            }
        ),
    ),
    ConnectorRecord(
        "corp-sso",
        "oidc",
        "Corp SSO",
        _config(
            {
                "issuer": "https://sso.corp.example.test",
                "clientID": "dex",
                "clientSecret": SECRETS[4],
                "redirectURI": "https://dex.example.test/callback",
                "getUserInfo": True,
                "claimMapping": {"preferred_username": "login", "groups": "roles"},
                "providerDiscoveryOverrides": {"tokenURL": "https://sso.corp.example.test/t"},
                "vendorApiToken": SECRETS[5],
                "vendorMode": "strict",
            }
        ),
    ),
    ConnectorRecord(
        "github",
        "github",
        "GitHub",
        _config(
            {
                "clientID": "gh",
                "clientSecret": SECRETS[6],
                "redirectURI": "https://dex/callback",
            }
        ),
    ),
    ConnectorRecord(
        "ldap",
        "ldap",
        "LDAP",
        _config(
            {
                "host": "ldap.example.test:636",
                "bindDN": "cn=dex",
                "bindPW": SECRETS[7],
            }
        ),
    ),
)


@pytest.fixture
def secrets() -> tuple[str, ...]:
    """Every secret value of the fake objects."""
    return SECRETS


@pytest.fixture
def inventory() -> Inventory:
    """Objects as inventory.read returns them: sorted by ID, with no warnings."""
    return Inventory(
        tuple(sorted(CLIENTS, key=lambda c: c.id)),
        tuple(sorted(CONNECTORS, key=lambda c: c.id)),
    )


@dataclass
class FakeDexBehaviour:
    """What the fake Dex answers: its API level, connector CRUD, and the objects it holds."""

    api: int = 2
    connectors_enabled: bool = True
    clients: tuple[ClientRecord, ...] = CLIENTS
    connectors: tuple[ConnectorRecord, ...] = CONNECTORS


class _FakeDex(api_pb2_grpc.DexServicer):
    def __init__(self, behaviour: FakeDexBehaviour) -> None:
        self.behaviour = behaviour

    def GetVersion(self, request: object, context: object) -> api_pb2.VersionResp:
        return api_pb2.VersionResp(server="fake", api=self.behaviour.api)

    def ListClients(self, request: object, context: object) -> api_pb2.ListClientResp:
        # Like Dex, the listing carries no secrets.
        infos = [
            api_pb2.ClientInfo(
                id=c.id,
                name=c.name,
                redirect_uris=list(c.redirect_uris),
                trusted_peers=list(c.trusted_peers),
                public=c.public,
                logo_url=c.logo_url,
            )
            for c in self.behaviour.clients
        ]
        return api_pb2.ListClientResp(clients=infos)

    def GetClient(self, request: api_pb2.GetClientReq, context: grpc.ServicerContext) -> object:
        found = next((c for c in self.behaviour.clients if c.id == request.id), None)
        if found is None:
            # Dex's own wording for a missing client.
            context.abort(grpc.StatusCode.UNKNOWN, "not found")
        return api_pb2.GetClientResp(
            client=api_pb2.Client(
                id=found.id,
                name=found.name,
                secret=found.secret or "",
                redirect_uris=list(found.redirect_uris),
                trusted_peers=list(found.trusted_peers),
                public=found.public,
                logo_url=found.logo_url,
            )
        )

    def ListConnectors(self, request: object, context: grpc.ServicerContext) -> object:
        if not self.behaviour.connectors_enabled:
            # Dex's own wording when DEX_API_CONNECTORS_CRUD is off.
            context.abort(grpc.StatusCode.UNKNOWN, "connector crud feature flag is not enabled")
        connectors = [
            api_pb2.Connector(id=c.id, type=c.type, name=c.name, config=c.config)
            for c in self.behaviour.connectors
        ]
        return api_pb2.ListConnectorResp(connectors=connectors)


def start_fake_dex(behaviour: FakeDexBehaviour) -> tuple[grpc.Server, str]:
    """Serve a fake Dex on a free loopback port; the caller stops the server."""
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    api_pb2_grpc.add_DexServicer_to_server(_FakeDex(behaviour), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    return server, f"127.0.0.1:{port}"


@pytest.fixture
def fake_dex() -> Iterator[tuple[str, FakeDexBehaviour]]:
    """A fake Dex on 127.0.0.1 (free port): its host:port and the behaviour to adjust."""
    behaviour = FakeDexBehaviour()
    server, host = start_fake_dex(behaviour)
    yield host, behaviour
    server.stop(grace=None)
