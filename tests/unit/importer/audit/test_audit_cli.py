"""`dex-import audit` against a fake Dex on 127.0.0.1, stacks read from prepared exports."""

from __future__ import annotations

import dataclasses
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from importer.audit.formats import RENDERERS, ReportFormat
from importer.cli import EXIT_DRIFT, EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, app
from importer.stack import Stack
from pulumi_dex.dex.connectors import ConnectorRecord
from tests.unit.importer.audit.conftest import export
from tests.unit.importer.conftest import CLIENTS, CONNECTORS, SECRETS

GOLDEN = Path(__file__).parent / "golden"
runner = CliRunner(env={"DEX_HOST": None, "DEX_INSECURE": None})
NEW_SECRETS = ("rotated-web-secret-Jt12", "rotated-corp-secret-Fy38")


def _matches_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    # UPDATE_GOLDEN=1 rewrites the files; review the diff before keeping it.
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(text)
    assert text == path.read_text(), f"{name} differs; rerun with UPDATE_GOLDEN=1 and review"


def normalised(text: str, host: str) -> str:
    """The report with what changes between runs (port, clock) replaced by fixed words."""
    text = text.replace(host, "HOST")
    text = re.sub(r"\d{4}-\d\d-\d\dT[\d:.]+(\+00:00)?", "TIMESTAMP", text)
    return re.sub(r'("durationSeconds": |time=")[\d.]+', r"\g<1>0", text)


@pytest.fixture
def stacks(monkeypatch: pytest.MonkeyPatch) -> dict[str, dict[str, Any]]:
    """Stack name -> export; Stack.export and Stack.config read from here, not the CLI."""
    exports: dict[str, dict[str, Any]] = {}
    monkeypatch.setattr(Stack, "export", lambda self: exports[self.name])
    monkeypatch.setattr(Stack, "config", lambda self: {})
    return exports


def _audit(*args: str) -> Result:
    return runner.invoke(app, ["audit", *args], terminal_width=100)


def _explain(result: Result) -> str:
    return f"exit {result.exit_code}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


def _drift(behaviour: Any) -> None:
    clients = {c.id: c for c in CLIENTS}
    del clients["cli"]
    clients["web"] = dataclasses.replace(clients["web"], secret=NEW_SECRETS[0])
    clients["batch.jobs"] = dataclasses.replace(clients["batch.jobs"], name="Nightly jobs")
    connectors = {c.id: c for c in CONNECTORS}
    corp = json.loads(connectors["corp-sso"].config)
    corp |= {"clientSecret": NEW_SECRETS[1], "issuer": "https://sso2.corp.example.test"}
    connectors["corp-sso"] = dataclasses.replace(
        connectors["corp-sso"], config=json.dumps(corp).encode()
    )
    connectors["stray"] = ConnectorRecord("stray", "github", "Made by hand", b"{}")
    behaviour.clients = tuple(clients.values())
    behaviour.connectors = tuple(connectors.values())


def test_untouched_dex_exits_0(fake_dex: Any, stacks: dict[str, Any]) -> None:
    host, behaviour = fake_dex
    behaviour.api = 3
    stacks["prod"] = export("prod", host)

    result = _audit("--stack", "prod")

    assert result.exit_code == EXIT_OK, _explain(result)
    assert result.stdout == ""
    assert result.stderr.endswith("no drift\n"), _explain(result)


def test_drift_exits_3_and_every_report_matches_golden(
    fake_dex: Any, stacks: dict[str, Any], tmp_path: Path
) -> None:
    host, behaviour = fake_dex
    behaviour.api = 3
    stacks["prod"] = export("prod", host)
    _drift(behaviour)
    files = {f: tmp_path / f"report.{f.value}" for f in ReportFormat}

    result = _audit(
        "--stack",
        "prod",
        "--format",
        "json",
        *(arg for f, path in files.items() for arg in ("--output", f"{f.value}={path}")),
    )

    assert result.exit_code == EXIT_DRIFT, _explain(result)
    assert result.stdout == files[ReportFormat.JSON].read_text()
    for report_format, path in files.items():
        _matches_golden(f"audit.{report_format.value}", normalised(path.read_text(), host))
    _matches_golden("audit.summary", normalised(result.stderr, host))


def test_no_secret_reaches_any_output(
    fake_dex: Any, stacks: dict[str, Any], tmp_path: Path
) -> None:
    host, behaviour = fake_dex
    behaviour.api = 3
    stacks["prod"] = export("prod", host)
    _drift(behaviour)
    outputs = [("--output", f"{f.value}={tmp_path / f.value}") for f in ReportFormat]

    result = _audit("--stack", "prod", "--format", "markdown", *sum(outputs, ()))

    everything = result.stdout + result.stderr
    everything += "".join((tmp_path / f.value).read_text() for f in ReportFormat)
    assert [s for s in (*SECRETS, *NEW_SECRETS) if s in everything] == []


def test_ignore_file_hides_drift(fake_dex: Any, stacks: dict[str, Any], tmp_path: Path) -> None:
    host, behaviour = fake_dex
    behaviour.api = 3
    stacks["prod"] = export("prod", host)
    _drift(behaviour)
    ignore = tmp_path / ".dexauditignore"
    ignore.write_text("client/*\nconnector/corp-*\nconnector/stray\n")

    result = _audit("--stack", "prod", "--ignore-file", str(ignore))

    assert result.exit_code == EXIT_OK, _explain(result)
    assert "5 ignored" in result.stderr


def test_unmanaged_is_computed_over_the_union_of_stacks(
    fake_dex: Any, stacks: dict[str, Any]
) -> None:
    host, behaviour = fake_dex
    behaviour.api = 3
    stacks["apps"] = export("apps", host, only={"web", "cli", "batch.jobs"})
    stacks["idps"] = export("idps", host, only={c.id for c in CONNECTORS})

    alone = _audit("--stack", "apps", "--format", "json")
    both = _audit("--stack", "apps", "--stack", "idps", "--format", "json")

    assert alone.exit_code == EXIT_DRIFT, _explain(alone)
    assert json.loads(alone.stdout)["counts"]["unmanaged"] == len(CONNECTORS)
    assert both.exit_code == EXIT_OK, _explain(both)


def test_old_dex_without_drift_is_partial(fake_dex: Any, stacks: dict[str, Any]) -> None:
    host, _ = fake_dex
    stacks["prod"] = export("prod", host)

    result = _audit("--stack", "prod")

    assert result.exit_code == EXIT_PARTIAL, _explain(result)
    assert "warning: clients outside the stacks not looked for" in result.stderr


def test_bad_output_spec_exits_2(stacks: dict[str, Any]) -> None:
    result = _audit("--stack", "prod", "--output", "yaml=x")

    assert result.exit_code == EXIT_FAILED, _explain(result)
    assert result.stderr.startswith("error: --output 'yaml=x': expected FORMAT=FILE")


@pytest.mark.parametrize("report_format", list(ReportFormat))
def test_every_format_names_every_object(
    report_format: ReportFormat, fake_dex: Any, stacks: dict[str, Any], tmp_path: Path
) -> None:
    host, behaviour = fake_dex
    behaviour.api = 3
    stacks["prod"] = export("prod", host)
    _drift(behaviour)

    result = _audit("--stack", "prod", "--format", report_format.value)

    assert result.exit_code == EXIT_DRIFT, _explain(result)
    assert report_format in RENDERERS
    for key in ("client/cli", "client/web", "client/batch.jobs", "connector/stray"):
        assert key in result.stdout, report_format


def _add_to_state(doc: dict[str, Any], token: str, object_id: str, outputs: Any) -> None:
    resources = doc["deployment"]["resources"]
    resources.append(
        {
            "urn": f"urn:pulumi:prod::dex-prod::{token}::{object_id}",
            "type": token,
            "id": object_id,
            "outputs": outputs,
            "provider": resources[1]["provider"],
        }
    )


def test_connector_config_that_is_no_json_object_is_audited_without_a_traceback(
    fake_dex: Any, stacks: dict[str, Any]
) -> None:
    host, behaviour = fake_dex
    behaviour.api = 3
    behaviour.connectors = (*CONNECTORS, ConnectorRecord("odd", "custom", "Odd", b'["x"]'))
    stacks["prod"] = export("prod", host)
    alone = _audit("--stack", "prod", "--format", "json")
    outputs = {"connectorId": "odd", "type": "custom", "name": "Odd", "rawConfig": '["x"]'}
    _add_to_state(stacks["prod"], "dex:index:Connector", "odd", outputs)

    imported = _audit("--stack", "prod", "--format", "json")

    assert alone.exit_code == EXIT_DRIFT, _explain(alone)
    assert json.loads(alone.stdout)["counts"]["unmanaged"] == 1
    assert imported.exit_code == EXIT_OK, _explain(imported)
    assert json.loads(imported.stdout)["counts"]["in_sync"] == len(CLIENTS) + len(CONNECTORS) + 1


def test_state_the_provider_cannot_read_is_reported_per_object(
    fake_dex: Any, stacks: dict[str, Any]
) -> None:
    host, behaviour = fake_dex
    behaviour.api = 3
    behaviour.connectors = (*CONNECTORS, ConnectorRecord("gh2", "github", "GH", b"{}"))
    stacks["prod"] = export("prod", host)
    _add_to_state(stacks["prod"], "dex:index:GitHubConnector", "gh2", {"connectorId": "gh2"})

    result = _audit("--stack", "prod")

    assert result.exit_code == EXIT_PARTIAL, _explain(result)
    assert result.stderr.startswith(
        f"warning: stack prod: connector/gh2 on {host} not audited: its state holds values "
        "pulumi-dex cannot turn into a connector (no name); run `pulumi refresh --stack prod` "
        "and audit again\n"
    ), _explain(result)
    assert "Traceback" not in result.stderr
