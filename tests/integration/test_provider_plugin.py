"""The plugin as Pulumi's tools see it: schema, logs, imports, and Dex's limits."""

from __future__ import annotations

import json
import subprocess

from pulumi_dex.dex.connection import ConnectionSettings, DexConnection
from pulumi_dex.dex.connectors import ConnectorRecord, ConnectorsApi
from pulumi_dex.model.schema import package_schema
from tests.harness.pulumi_cli import VENV_BIN

SECRET = "client-secret-that-must-not-be-logged-0001"


def _configure(project, dex):
    for key, value in dex.provider_config().items():
        project.config_set(f"dex:{key}", value, secret=key == "clientKey")


def test_get_schema_returns_the_model_schema(tools, tmp_path):
    plugin = str(VENV_BIN / "pulumi-resource-dex")
    done = subprocess.run(
        [str(tools.pulumi), "package", "get-schema", plugin],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        check=True,
    )
    served, model = json.loads(done.stdout), package_schema()
    # The CLI re-serialises the schema (dropping empty lists), so compare what users rely on.
    assert served["name"] == "dex" and served["version"] == model["version"]
    assert set(served["resources"]) == set(model["resources"])
    for token, entry in model["resources"].items():
        got = served["resources"][token]
        assert got["inputProperties"] == entry["inputProperties"], token
        assert sorted(got.get("requiredInputs", [])) == sorted(entry["requiredInputs"]), token
    assert served["provider"]["inputProperties"] == model["provider"]["inputProperties"]


def test_plugin_logs_hold_no_secret_even_at_debug(dex, pulumi_project):
    project = pulumi_project(env={"PULUMI_DEX_LOG_LEVEL": "DEBUG"})
    _configure(project, dex)
    project.write_program(f"""
        import pulumi_dex as dex
        dex.Client("web", client_id="web", name="W", secret="{SECRET}")
        dex.Connector("gh", connector_id="gh", type="github", name="GH",
                      raw_config='{{"clientID": "gh", "clientSecret": "{SECRET}"}}')
    """)
    result = project.up("-v=9", "--logtostderr", "--logflow")
    plugin_lines = [line for line in result.stderr.splitlines() if "pulumi-resource-dex " in line]
    assert any("dex call method=CreateClient" in line for line in plugin_lines)
    key_line = dex.pki.client.key_pem.splitlines()[1]
    assert not [line for line in plugin_lines if SECRET in line or key_line in line]


def test_every_connector_kind_imports_without_a_diff(dex, pulumi_project):
    connectors = ConnectorsApi(DexConnection(dex.connection_settings()))
    documents = {
        "cg": (
            "oidc",
            {
                "issuer": "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC",
                "clientID": "c",
                "clientSecret": "s" * 20,
                "redirectURI": "https://d/cb",
                "scopes": ["openid", "profile", "email"],
                "userNameKey": "cognito:username",
                "insecureEnableGroups": True,
                "claimMapping": {"groups": "cognito:groups"},
            },
        ),
        "up": (
            "oidc",
            {
                "issuer": "https://idp.example.com",
                "clientID": "c",
                "clientSecret": "s" * 20,
                "redirectURI": "https://d/callback",
                "getUserInfo": True,
                "someFutureKey": "kept",
            },
        ),
        "gh": (
            "github",
            {"clientID": "gh", "clientSecret": "g" * 20, "redirectURI": "https://d/callback"},
        ),
    }
    for connector_id, (kind, doc) in documents.items():
        connectors.create(
            ConnectorRecord(connector_id, kind, connector_id.upper(), json.dumps(doc).encode())
        )
    project = pulumi_project()
    _configure(project, dex)
    project.write_program(f"""
        import json
        import pulumi_dex as dex
        dex.CognitoOidcConnector("cg", connector_id="cg", name="CG", region="eu-west-1",
                                 user_pool_id="eu-west-1_AbC", client_id="c",
                                 client_secret="{"s" * 20}", redirect_uri="https://d/cb")
        dex.Connector("up", connector_id="up", type="oidc", name="UP", oidc_config={{
            "issuer": "https://idp.example.com", "client_id": "c", "client_secret": "{"s" * 20}",
            "redirect_uri": "https://d/callback", "get_user_info": True,
            "extra": {{"someFutureKey": "kept"}}}})
        dex.Connector("gh", connector_id="gh", type="github", name="GH",
                      raw_config=json.dumps({json.dumps(documents["gh"][1])}))
    """)
    import_file = project.workdir / "import.json"
    import_file.write_text(
        json.dumps(
            {
                "resources": [
                    {"type": "dex:index:CognitoOidcConnector", "name": "cg", "id": "cg"},
                    {"type": "dex:index:Connector", "name": "up", "id": "up"},
                    {"type": "dex:index:Connector", "name": "gh", "id": "gh"},
                ]
            }
        )
    )
    project.import_file(import_file, "--generate-code=false")
    project.preview("--expect-no-changes")


def test_a_field_newer_than_dex_fails_before_writing(dex, pulumi_project):
    project = pulumi_project()
    _configure(project, dex)
    project.write_program("""
        import pulumi_dex as dex
        dex.Connector("up", connector_id="up", type="oidc", name="UP", oidc_config={
            "issuer": "https://idp.example.com", "client_id": "c", "client_secret": "s",
            "redirect_uri": "https://d/callback", "pkce_challenge": "S256"})
    """)
    result = project.up(check=False)
    assert result.code != 0
    assert "lacks oidcConfig.pkceChallenge, which needs API 3; upgrade Dex" in result.output
    stored = ConnectorsApi(DexConnection(dex.connection_settings())).list()
    assert "up" not in {c.id for c in stored}


def test_insecure_skip_verify_trusts_what_dex_presents(dex_factory):
    server = dex_factory(tls="tls")
    settings = ConnectionSettings(
        host=server.grpc_address, insecure_skip_verify=True, timeout_seconds=5
    )
    assert DexConnection(settings).version().server == server.options.version


def test_refresh_lists_connectors_once_not_once_per_connector(dex_factory, pulumi_project):
    import socket

    import requests

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        metrics_port = sock.getsockname()[1]
    server = dex_factory(telemetry_port=metrics_port)
    project = pulumi_project()
    _configure(project, server)
    project.write_program("""
        import pulumi_dex as dex
        for i in range(30):
            dex.Connector(f"k{i}", connector_id=f"gh-{i}", type="github", name=f"GH {i}",
                          raw_config='{"clientID": "x", "clientSecret": "y"}')
    """)
    project.up(skip_preview=True)

    def list_calls() -> int:
        text = requests.get(f"http://127.0.0.1:{metrics_port}/metrics", timeout=10).text
        lines = [
            ln
            for ln in text.splitlines()
            if ln.startswith("grpc_server_handled_total") and 'grpc_method="ListConnectors"' in ln
        ]
        return sum(int(float(ln.rsplit(" ", 1)[1])) for ln in lines)

    before = list_calls()
    project.refresh("--expect-no-changes")
    # One listing serves every Read of the refresh; a naive Read would make 30 calls.
    assert list_calls() - before <= 3


def test_plugin_is_found_through_pulumi_yaml_without_the_virtualenv_on_path(
    dex, pulumi_project, tools
):
    import os
    from pathlib import Path

    venv_bin = VENV_BIN.resolve()
    path = [str(tools.pulumi_dir)] + [
        entry
        for entry in os.environ["PATH"].split(os.pathsep)
        if entry and Path(entry).resolve() != venv_bin
    ]
    # The interpreter (runtime.options.virtualenv) and the plugin (plugins.providers) both
    # come from Pulumi.yaml alone.
    project = pulumi_project(env={"PATH": os.pathsep.join(path)})
    del project.env["PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION"]
    _configure(project, dex)
    project.write_program(
        "import pulumi_dex as dex\ndex.Client('web', client_id='web', name='W')\n"
    )
    result = project.up()
    assert "download" not in result.output.lower()
