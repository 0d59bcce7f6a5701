"""dex-import generate, pulumi import, then a preview with nothing to change, on a real Dex.

Dex v2.41.1, the only release built here, has API 2 and so no ListClients: the importer
cannot list clients from it. The client half of the round trip (listing, secrets into the
stack) runs against the fake Dex at unit level (tests/unit/importer/test_cli_stack.py);
here connectors make the whole trip through the real Dex and the real Pulumi CLI.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner, Result

from importer.cli import EXIT_PARTIAL, app
from pulumi_dex.dex.connection import DexConnection
from pulumi_dex.dex.connectors import ConnectorRecord, ConnectorsApi

TENANT = "3a7c0e1b-2d4f-4a6b-9c8d-7e6f5a4b3c2d"
CALLBACK = "https://dex.example.test/dex/callback"
SECRETS = {
    "sso": "sso-secret-Bv61",
    "sso-token": "sso-vendor-token-Pq08",
    "entra": "entra-secret-Ut45",
    "pool": "pool-secret-Dm19",
    "gh": "gh-secret-Yk27",
    "static": "static-gh-secret-Ze83",
}
STATIC_CONNECTOR = {
    "type": "github",
    "id": "static-gh",
    "name": "Static GitHub",
    "config": {"clientID": "s", "clientSecret": SECRETS["static"], "redirectURI": CALLBACK},
}


def _config(doc: dict[str, object]) -> bytes:
    return json.dumps(doc).encode()


CONNECTORS = (
    ConnectorRecord(
        "sso",
        "oidc",
        "Corp SSO",
        _config(
            {
                "issuer": "https://sso.example.test",
                "clientID": "dex",
                "clientSecret": SECRETS["sso"],
                "redirectURI": CALLBACK,
                "scopes": ["openid", "email", "groups"],
                "getUserInfo": True,
                "claimMapping": {"groups": "roles"},
                "vendorApiToken": SECRETS["sso-token"],
            }
        ),
    ),
    ConnectorRecord(
        "entra",
        "oidc",
        "Entra ID",
        _config(
            {
                "issuer": f"https://login.microsoftonline.com/{TENANT}/v2.0",
                "clientID": "entra-app",
                "clientSecret": SECRETS["entra"],
                "redirectURI": CALLBACK,
                "scopes": ["openid", "profile", "email"],
                "userNameKey": "preferred_username",
                "insecureSkipEmailVerified": True,
            }
        ),
    ),
    ConnectorRecord(
        "pool",
        "oidc",
        "Partners",
        _config(
            {
                "issuer": "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123",
                "clientID": "pool-app",
                "clientSecret": SECRETS["pool"],
                "redirectURI": CALLBACK,
                "scopes": ["openid", "email"],
                "userNameKey": "cognito:username",
                "insecureEnableGroups": True,
                "claimMapping": {"groups": "cognito:groups"},
            }
        ),
    ),
    ConnectorRecord(
        "gh",
        "github",
        "GitHub",
        _config(
            {
                "clientID": "gh-app",
                "clientSecret": SECRETS["gh"],
                "redirectURI": CALLBACK,
                "orgs": [{"name": "example", "teams": ["ops"]}],
            }
        ),
    ),
)


def _explain(result: Result) -> str:
    return f"exit {result.exit_code}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


def test_generated_program_imports_every_connector_and_changes_nothing(
    dex_factory, pulumi_project, tmp_path: Path
) -> None:
    dex = dex_factory(static_connectors=(STATIC_CONNECTOR,))
    api = ConnectorsApi(DexConnection(dex.connection_settings()))
    for record in CONNECTORS:
        api.create(record)
    before = {c.id: c for c in api.list()}
    project = pulumi_project()
    for key, value in dex.provider_config().items():
        project.config_set(f"dex:{key}", value, secret=key == "clientKey")
    import_path = tmp_path / "import.json"

    result = CliRunner(env=project.env).invoke(
        app,
        [
            "generate",
            "--stack",
            "test",
            "--cwd",
            str(project.workdir),
            "--dex-config",
            str(dex.config_path),
            "--import-file",
            str(import_path),
        ],
    )

    assert result.exit_code == EXIT_PARTIAL, _explain(result)
    assert "clients skipped" in result.stderr, _explain(result)
    assert "set 5 secret(s) in stack test" in result.stderr, _explain(result)
    assert "connector/static-gh left out" in result.stderr, _explain(result)
    assert "# - connector/static-gh" in result.stdout
    assert "dex.AzureOidcConnector(" in result.stdout
    assert "dex.CognitoOidcConnector(" in result.stdout
    everything = result.stdout + result.stderr + import_path.read_text()
    assert [s for s in SECRETS.values() if s in everything] == []

    project.write_program(result.stdout)
    project.import_file(import_path, "--generate-code=false")
    project.preview("--expect-no-changes")

    assert {c.id: c for c in api.list()} == before
    entries = json.loads(import_path.read_text())["resources"]
    assert [e["id"] for e in entries] == ["entra", "gh", "pool", "sso"]
    assert entries[0]["type"] == "dex:index:AzureOidcConnector"
    assert entries[2]["type"] == "dex:index:CognitoOidcConnector"
