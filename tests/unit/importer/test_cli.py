"""The dex-import command line: exit codes, stdout and stderr, against Dex on 127.0.0.1."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from importer.cli import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, app
from pulumi_dex.dex.connectors import ConnectorRecord

runner = CliRunner(
    env={
        name: None
        for name in (
            "DEX_HOST",
            "DEX_CA_CERT",
            "DEX_CLIENT_CERT",
            "DEX_CLIENT_KEY",
            "DEX_SERVER_NAME",
            "DEX_INSECURE",
            "DEX_INSECURE_SKIP_VERIFY",
            "DEX_TIMEOUT_SECONDS",
        )
    }
)
FakeDex = tuple[str, Any]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _invoke(*args: str) -> Result:
    return runner.invoke(app, list(args), terminal_width=100)


def _explain(result: Result) -> str:
    return f"exit {result.exit_code}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


@pytest.mark.parametrize("command", ["list", "generate"])
def test_unreachable_dex_exits_2_with_one_line(command: str) -> None:
    host = f"127.0.0.1:{_closed_port()}"

    result = _invoke(command, "--host", host, "--insecure", "--timeout", "2")

    assert result.exit_code == EXIT_FAILED, _explain(result)
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, _explain(result)
    assert result.stderr.startswith(f"error: Dex at {host} is unreachable"), _explain(result)


def test_missing_host_names_the_flag_and_variable() -> None:
    result = _invoke("list")

    assert result.exit_code == EXIT_FAILED, _explain(result)
    assert result.stderr == (
        "error: no Dex host given; pass --host HOST:PORT, set DEX_HOST, "
        "or use --stack with dex:host in its config\n"
    )


def test_host_from_environment_is_used() -> None:
    host = f"127.0.0.1:{_closed_port()}"

    result = runner.invoke(
        app, ["list"], env={"DEX_HOST": host, "DEX_INSECURE": "true", "DEX_TIMEOUT_SECONDS": "2"}
    )

    assert result.exit_code == EXIT_FAILED, _explain(result)
    assert host in result.stderr


def test_unreadable_ca_file_exits_2(tmp_path: Path) -> None:
    result = _invoke("list", "--host", "127.0.0.1:1", "--ca-cert", str(tmp_path / "none.pem"))

    assert result.exit_code == EXIT_FAILED, _explain(result)
    assert result.stderr.startswith("error: --ca-cert "), _explain(result)


@pytest.mark.parametrize("command", ["list", "generate"])
def test_help_documents_exit_codes(command: str) -> None:
    result = _invoke(command, "--help")

    assert result.exit_code == EXIT_OK, _explain(result)
    assert "Exit codes" in result.stdout


def test_old_dex_lists_connectors_and_warns_about_clients(fake_dex: FakeDex) -> None:
    host, _ = fake_dex

    result = _invoke("list", "--format", "json", "--host", host, "--insecure")

    assert result.exit_code == EXIT_PARTIAL, _explain(result)
    doc = json.loads(result.stdout)
    assert [o["kind"] for o in doc["objects"]] == ["connector"] * 5
    assert result.stderr.startswith("warning: clients skipped: Dex at "), _explain(result)
    assert "needs API 3; upgrade Dex" in result.stderr


def test_generate_on_old_dex_writes_connectors_and_import_file(
    fake_dex: FakeDex, tmp_path: Path, secrets: tuple[str, ...]
) -> None:
    host, _ = fake_dex
    target = tmp_path / "import.json"

    result = _invoke("generate", "--host", host, "--insecure", "--import-file", str(target))

    assert result.exit_code == EXIT_PARTIAL, _explain(result)
    assert "dex.AzureOidcConnector(" in result.stdout
    assert "dex.Client(" not in result.stdout
    assert len(json.loads(target.read_text())["resources"]) == 5
    everything = result.stdout + result.stderr + target.read_text()
    assert [s for s in secrets if s in everything] == []


def test_connector_api_off_lists_clients_with_warning(fake_dex: FakeDex) -> None:
    host, behaviour = fake_dex
    behaviour.api = 3
    behaviour.connectors_enabled = False

    result = _invoke("list", "--host", host, "--insecure")

    assert result.exit_code == EXIT_PARTIAL, _explain(result)
    assert "Web app" in result.stdout
    assert result.stderr == (
        f"warning: connectors skipped: Dex at {host} has its connector API turned off; "
        "start Dex with the environment variable DEX_API_CONNECTORS_CRUD=true\n"
    )


def test_complete_read_exits_0(fake_dex: FakeDex) -> None:
    host, behaviour = fake_dex
    behaviour.api = 3

    result = _invoke("generate", "--host", host, "--insecure")

    assert result.exit_code == EXIT_OK, _explain(result)
    assert result.stderr == ""
    assert result.stdout.count(" = dex.") == 8


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--timeout", "0"], "error: --timeout must be above 0 and at most 3600 seconds\n"),
        (
            ["--host", "dex.example.test"],
            "error: --host 'dex.example.test' is not of the form host:port (for example "
            "dex.internal:5557)\n",
        ),
    ],
)
def test_bad_settings_are_named_by_their_flag(flags: list[str], message: str) -> None:
    result = _invoke("list", "--host", "127.0.0.1:1", *flags)

    assert result.exit_code == EXIT_FAILED, _explain(result)
    assert result.stderr == message


def test_ca_file_that_is_not_pem_is_named_by_its_flag(tmp_path: Path) -> None:
    ca = tmp_path / "ca.pem"
    ca.write_text("not a certificate")

    result = _invoke("list", "--host", "127.0.0.1:1", "--ca-cert", str(ca))

    assert result.exit_code == EXIT_FAILED, _explain(result)
    assert result.stderr == (
        "error: --ca-cert is not PEM (CERTIFICATE block expected); pass a PEM file, or PEM "
        "text in DEX_CA_CERT or dex:caCert\n"
    )


def test_connector_whose_config_is_no_json_object_is_left_out_by_generate(
    fake_dex: FakeDex, tmp_path: Path
) -> None:
    host, behaviour = fake_dex
    behaviour.api = 3
    odd = ConnectorRecord("odd", "custom", "Odd", b'["x"]')
    behaviour.connectors = (*behaviour.connectors, odd)
    target = tmp_path / "import.json"

    result = _invoke("generate", "--host", host, "--insecure", "--import-file", str(target))

    assert result.exit_code == EXIT_PARTIAL, _explain(result)
    assert result.stderr == (
        "warning: connector 'odd' left out: its config in Dex is a JSON array, which no "
        "pulumi-dex resource can declare; make it a JSON object in Dex, or keep the connector "
        "out of Pulumi\n"
    )
    assert result.stdout.count(" = dex.") == 8
    assert "odd" not in result.stdout + target.read_text()
