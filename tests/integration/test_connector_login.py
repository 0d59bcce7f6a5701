"""Connectors made by `pulumi up` really log a user in: authorization code to ID token."""

from __future__ import annotations

import base64
import json

import requests

from devtools.localdex.config import UPSTREAM_USER, upstream_idp
from tests.harness.login import password_login

TENANT = "6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f"
APP_REDIRECT = "http://127.0.0.1:5555/callback"
APP_SECRET = "app-client-secret-0123456789abcdef"


def _id_token_claims(issuer: str, code: str) -> dict[str, object]:
    reply = requests.post(
        f"{issuer}/token",
        data={"grant_type": "authorization_code", "code": code, "redirect_uri": APP_REDIRECT},
        auth=("app", APP_SECRET),
        timeout=10,
    )
    assert reply.status_code == 200, reply.text
    payload = reply.json()["id_token"].split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def _log_in_through(dex, pulumi_project, upstream, connector_source: str) -> dict[str, object]:
    project = pulumi_project()
    for key, value in dex.provider_config().items():
        project.config_set(f"dex:{key}", value, secret=key == "clientKey")
    project.write_program(f"""
        import pulumi_dex as dex
        dex.Client("app", client_id="app", name="App", secret="{APP_SECRET}",
                   redirect_uris=["{APP_REDIRECT}"])
        {connector_source}
    """)
    project.up()
    result = password_login(
        dex.issuer,
        "app",
        APP_REDIRECT,
        UPSTREAM_USER.email,
        UPSTREAM_USER.password,
        connector_id="upstream",
    )
    assert any(hop.startswith(upstream.issuer) for hop in result.hops), result.hops
    return _id_token_claims(dex.issuer, result.code)


def test_oidc_connector_from_pulumi_logs_the_upstream_user_in(dex, dex_factory, pulumi_project):
    upstream = dex_factory(upstream_idp(f"{dex.issuer}/callback"))
    claims = _log_in_through(
        dex,
        pulumi_project,
        upstream,
        f"""dex.Connector(
            "upstream", connector_id="upstream", type="oidc", name="Upstream",
            oidc_config={{"issuer": "{upstream.issuer}", "client_id": "downstream-dex",
                          "client_secret": "downstream-dex-secret",
                          "redirect_uri": "{dex.issuer}/callback"}})""",
    )
    assert claims["email"] == UPSTREAM_USER.email
    assert claims["aud"] == "app"


def test_azure_connector_logs_in_against_a_tenant_shaped_issuer(dex, dex_factory, pulumi_project):
    upstream = dex_factory(upstream_idp(f"{dex.issuer}/callback", issuer_path=f"/{TENANT}/v2.0"))
    authority = upstream.issuer.removesuffix(f"/{TENANT}/v2.0")
    # Dex as the upstream sends no preferred_username claim (Entra ID does); email it is.
    claims = _log_in_through(
        dex,
        pulumi_project,
        upstream,
        f"""dex.AzureOidcConnector(
            "upstream", connector_id="upstream", name="Corp", tenant_id="{TENANT}",
            authority_host="{authority}", user_name_source="email", client_id="downstream-dex",
            client_secret="downstream-dex-secret", redirect_uri="{dex.issuer}/callback")""",
    )
    assert claims["email"] == UPSTREAM_USER.email
