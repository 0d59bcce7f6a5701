"""Acceptance tests of the harness itself: real Dex, real TLS material, the real Pulumi CLI."""

from __future__ import annotations

import json

import pytest
import requests

from devtools.localdex.config import UPSTREAM_USER, upstream_idp
from pulumi_dex.dex import errors
from pulumi_dex.dex.clients import ClientRecord, ClientsApi
from pulumi_dex.dex.connection import ConnectionSettings, DexConnection
from pulumi_dex.dex.connectors import ConnectorRecord, ConnectorsApi
from tests.harness.login import password_login

# The API number each pinned release reports; a new matrix entry must say its own.
API_OF_RELEASE = {"v2.41.1": 2}
# Nothing listens there: the login helper stops once Dex redirects to it.
CLIENT_REDIRECT = "http://127.0.0.1:5555/callback"
STATIC_CLIENT = {
    "id": "static-app",
    "secret": "static-app-secret",
    "name": "Static App",
    "redirectURIs": [CLIENT_REDIRECT],
}


def _version(settings: ConnectionSettings) -> tuple[str, int]:
    reply = DexConnection(settings).version()
    return reply.server, reply.api


@pytest.mark.dex_versions
def test_get_version_with_client_certificate_names_release_and_api(dex, dex_version):
    assert _version(dex.connection_settings()) == (dex_version, API_OF_RELEASE[dex_version])


def test_missing_client_certificate_is_refused_as_unreachable(dex):
    with pytest.raises(errors.DexUnreachableError) as raised:
        _version(dex.connection_settings(client_cert=False))

    message = str(raised.value).lower()
    assert dex.grpc_address in message
    assert "client certificate" in message or "tls" in message, message


def test_client_certificate_from_another_ca_is_refused(dex, pki):
    rogue = ConnectionSettings(
        host=dex.grpc_address,
        ca_cert=pki.ca.cert_pem,
        client_cert=pki.rogue_client.cert_pem,
        client_key=pki.rogue_client.key_pem,
    )

    with pytest.raises(errors.DexUnreachableError) as raised:
        _version(rogue)

    message = str(raised.value).lower()
    assert "certificate" in message or "tls" in message, message


@pytest.mark.parametrize("tls", ["plaintext", "tls"])
def test_plaintext_and_server_only_tls_serve_the_api(dex_factory, dex_version, tls):
    server = dex_factory(tls=tls)

    assert _version(server.connection_settings()) == (dex_version, API_OF_RELEASE[dex_version])
    assert server.provider_config()["insecure"] == ("true" if tls == "plaintext" else "false")
    assert ("caCert" in server.provider_config()) is (tls == "tls")


def test_sqlite3_storage_keeps_clients_across_a_restart(dex_factory):
    server = dex_factory(storage="sqlite3")
    record = ClientRecord(
        id="kept-app", name="Kept", secret="kept-secret", redirect_uris=(CLIENT_REDIRECT,)
    )
    ClientsApi(DexConnection(server.connection_settings())).create(record)

    server.restart()

    assert ClientsApi(DexConnection(server.connection_settings())).get("kept-app") == record


def test_connector_api_switched_off_refuses_writes_with_the_remedy(dex_factory):
    server = dex_factory(connectors_crud=False)
    connectors = ConnectorsApi(DexConnection(server.connection_settings()))

    with pytest.raises(errors.ConnectorApiDisabledError) as raised:
        connectors.create(ConnectorRecord("github", "github", "GitHub", b"{}"))

    assert "DEX_API_CONNECTORS_CRUD=true" in str(raised.value)


def test_connector_api_switched_on_accepts_writes(dex):
    connectors = ConnectorsApi(DexConnection(dex.connection_settings()))
    config = json.dumps(
        {"clientID": "x", "clientSecret": "y", "redirectURI": "http://127.0.0.1/cb"}
    )

    connectors.create(ConnectorRecord("github", "github", "GitHub", config.encode()))

    assert {c.id for c in connectors.list()} == {"local", "github"}


def test_static_client_from_the_config_file_is_readable(dex_factory):
    server = dex_factory(static_clients=[STATIC_CLIENT])

    client = ClientsApi(DexConnection(server.connection_settings())).get("static-app")

    assert (client.name, client.secret, client.redirect_uris) == (
        "Static App",
        "static-app-secret",
        (CLIENT_REDIRECT,),
    )


def test_upstream_idp_logs_its_static_user_in(dex_factory):
    upstream = dex_factory(upstream_idp(CLIENT_REDIRECT, issuer_path="/tenant-guid/v2.0"))

    result = password_login(
        upstream.issuer,
        "downstream-dex",
        CLIENT_REDIRECT,
        UPSTREAM_USER.email,
        UPSTREAM_USER.password,
    )

    assert result.redirect_url.startswith(CLIENT_REDIRECT) and result.code
    discovery = requests.get(f"{upstream.issuer}/.well-known/openid-configuration", timeout=5)
    assert discovery.json()["issuer"].endswith("/tenant-guid/v2.0")


def test_user_logs_in_through_an_oidc_connector_made_by_the_api(dex_factory):
    downstream = dex_factory(
        static_clients=[STATIC_CLIENT],
        static_connectors=[_mock_connector()],
        enable_password_db=False,
    )
    upstream = dex_factory(upstream_idp(f"{downstream.issuer}/callback"))
    oidc = {
        "issuer": upstream.issuer,
        "clientID": "downstream-dex",
        "clientSecret": "downstream-dex-secret",
        "redirectURI": f"{downstream.issuer}/callback",
    }
    connectors = ConnectorsApi(DexConnection(downstream.connection_settings()))
    connectors.create(ConnectorRecord("upstream", "oidc", "Upstream", json.dumps(oidc).encode()))

    result = password_login(
        downstream.issuer,
        "static-app",
        CLIENT_REDIRECT,
        UPSTREAM_USER.email,
        UPSTREAM_USER.password,
        connector_id="upstream",
    )

    assert result.code
    assert any(hop.startswith(upstream.issuer) for hop in result.hops), result.hops


def _mock_connector() -> dict[str, object]:
    # Dex will not start without a connector; this one never takes part in the login.
    return {"type": "mockCallback", "id": "mock", "name": "Mock"}


def test_pulumi_cli_is_the_pinned_release(pulumi_project):
    assert pulumi_project().run("version").stdout.strip() == "v3.260.0"


def test_pulumi_up_of_a_python_program_exports_its_output(pulumi_project):
    project = pulumi_project()
    project.write_program('import pulumi\npulumi.export("answer", 42)\n')

    project.up()

    assert project.outputs() == {"answer": 42}
    assert project.stack_export()["deployment"]["resources"][0]["type"] == "pulumi:pulumi:Stack"
