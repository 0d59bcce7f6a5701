"""dex-import audit against a real Dex and the real Pulumi CLI, after out-of-band changes.

Each category comes from a change made through Dex's API (or Dex's config file) after
`pulumi up`. Dex opens every stored connector when it starts, so the oidc connector points
at a second Dex on loopback: the restart that brings in a static twin reaches no other
host. Dex v2.41.1 cannot list clients, so clients outside the stack go unseen and the
report carries that warning.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from devtools.localdex.config import upstream_idp
from importer.audit.formats import ReportFormat
from importer.cli import EXIT_DRIFT, EXIT_PARTIAL, app
from pulumi_dex.dex.clients import ClientsApi
from pulumi_dex.dex.connection import DexConnection
from pulumi_dex.dex.connectors import ConnectorRecord, ConnectorsApi

GOLDEN = Path(__file__).parent / "golden" / "audit"
CALLBACK = "https://dex.example.test/dex/callback"
SECRETS = (
    "up-secret-Rw52",
    "gh-secret-Lm93",
    "unused-Tc17",
    "shadow-secret-Ka40",
    "web-secret-0123456789-Nx",
    "rotated-up-secret-Hq66",
)


def _program(issuer: str) -> str:
    return f"""
import pulumi_dex as dex

dex.Client("web", client_id="web", name="Web", secret="{SECRETS[4]}",
           redirect_uris=["https://app.example.test/cb"])
dex.Client("batch", client_id="batch", name="Batch", secret="{SECRETS[4]}-b")
dex.Connector("up", connector_id="up", type="oidc", name="Upstream",
              oidc_config={{"issuer": "{issuer}", "client_id": "dex",
                           "client_secret": "{SECRETS[0]}", "redirect_uri": "{CALLBACK}"}})
dex.Connector("gh", connector_id="gh", type="github", name="GitHub",
              raw_config='{{"clientID": "gh", "clientSecret": "{SECRETS[1]}", '
                         '"redirectURI": "{CALLBACK}"}}')
dex.Connector("shadow", connector_id="shadow", type="github", name="Shadowed",
              raw_config='{{"clientID": "s", "clientSecret": "{SECRETS[3]}"}}')
"""


STATIC_SHADOW = {
    "type": "github",
    "id": "shadow",
    "name": "Static twin",
    "config": {
        "clientID": "t",
        "clientSecret": "static-twin-secret-Gp05",
        "redirectURI": CALLBACK,
    },
}


def _explain(result: Result) -> str:
    return f"exit {result.exit_code}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


def _normalised(text: str, host: str) -> str:
    text = text.replace(host, "HOST")
    text = re.sub(r"\d{4}-\d\d-\d\dT[\d:.]+(\+00:00)?", "TIMESTAMP", text)
    return re.sub(r'("durationSeconds": |time=")[\d.]+', r"\g<1>0", text)


def _matches_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    # UPDATE_GOLDEN=1 rewrites the files; review the diff before keeping it.
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(text)
    assert text == path.read_text(), f"{name} differs; rerun with UPDATE_GOLDEN=1 and review"


@pytest.fixture
def deployed(dex_factory, pulumi_project):
    """A Dex on sqlite3 (it keeps API objects across a restart) and a stack that `up` filled."""
    upstream = dex_factory(upstream_idp(redirect_uri=CALLBACK))
    dex = dex_factory(storage="sqlite3")
    project = pulumi_project()
    for key, value in dex.provider_config().items():
        project.config_set(f"dex:{key}", value, secret=key == "clientKey")
    project.write_program(_program(upstream.issuer))
    project.up()
    return dex, project


def _audit(project, dex, *extra: str) -> Result:
    # No connection flags: the audit reads it from the default provider in the state.
    args = [
        "audit",
        "--stack",
        "test",
        "--cwd",
        str(project.workdir),
        "--dex-config",
        str(dex.config_path),
        *extra,
    ]
    return CliRunner(env=project.env).invoke(app, args)


def test_audit_right_after_up_finds_no_drift(deployed) -> None:
    dex, project = deployed

    result = _audit(project, dex, "--format", "json")

    assert result.exit_code == EXIT_PARTIAL, _explain(result)
    counts = json.loads(result.stdout)["counts"]
    assert counts == {"in_sync": 5, "changed": 0, "missing": 0, "unmanaged": 1, "shadowed": 0}
    assert "no drift" in result.stderr


def test_each_out_of_band_change_gives_its_category(deployed, tmp_path: Path) -> None:
    dex, project = deployed
    connection = DexConnection(dex.connection_settings())
    clients, connectors = ClientsApi(connection), ConnectorsApi(connection)
    web = clients.get("web")
    clients.update(dataclasses.replace(web, name="Web (edited by hand)"))
    clients.delete("batch")
    up = next(c for c in connectors.list() if c.id == "up")
    doc = json.loads(up.config) | {"clientSecret": SECRETS[5], "scopes": ["openid", "email"]}
    connectors.update(dataclasses.replace(up, config=json.dumps(doc).encode()))
    connectors.create(ConnectorRecord("stray", "github", "Made by hand", b'{"clientID": "x"}'))
    connection.close()
    # The API-stored `shadow` stays in sqlite; a static twin in the config now hides it.
    dex.options = dataclasses.replace(dex.options, static_connectors=(STATIC_SHADOW,))
    dex.restart()
    files = {f: tmp_path / f"report.{f.value}" for f in ReportFormat}

    result = _audit(
        project, dex, *(a for f, p in files.items() for a in ("--output", f"{f.value}={p}"))
    )

    assert result.exit_code == EXIT_DRIFT, _explain(result)
    for report_format, path in files.items():
        _matches_golden(
            f"report.{report_format.value}", _normalised(path.read_text(), dex.grpc_address)
        )
    _matches_golden("summary.txt", _normalised(result.stderr, dex.grpc_address))
    everything = result.stdout + result.stderr + "".join(p.read_text() for p in files.values())
    assert [s for s in SECRETS if s in everything] == []
