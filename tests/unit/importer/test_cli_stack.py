"""`--stack` and `--dex-config` on list and generate, against the fake Dex on 127.0.0.1.

This is the client half of the import round trip: Dex v2.41.1 cannot list clients, so
listing clients and storing their secrets in the stack is shown here on the fake Dex.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from importer.cli import EXIT_FAILED, EXIT_OK, app
from importer.stack import Stack, StackError

runner = CliRunner(env={"DEX_HOST": None, "DEX_INSECURE": None})


def _explain(result: Result) -> str:
    return f"exit {result.exit_code}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


@pytest.fixture
def stack_config(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What `pulumi config` returns and what `pulumi config set --secret` received."""
    seen: dict[str, Any] = {"config": {}, "set": {}}
    monkeypatch.setattr(Stack, "config", lambda self: seen["config"])
    monkeypatch.setattr(
        Stack, "set_secret", lambda self, key, value: seen["set"].__setitem__(key, value)
    )
    return seen


def _dex_config(tmp_path: Path) -> Path:
    path = tmp_path / "dex.yaml"
    path.write_text("staticClients:\n- id: cli\nconnectors:\n- id: ldap\n  type: ldap\n")
    return path


def test_list_takes_the_host_from_the_stack(fake_dex: Any, stack_config: dict[str, Any]) -> None:
    host, behaviour = fake_dex
    behaviour.api = 3
    stack_config["config"] = {"dex:host": host, "dex:insecure": "true", "app:other": "x"}

    result = runner.invoke(app, ["list", "--stack", "prod", "--format", "json"])

    assert result.exit_code == EXIT_OK, _explain(result)
    assert len(json.loads(result.stdout)["objects"]) == 8


def test_list_marks_static_objects(
    fake_dex: Any, stack_config: dict[str, Any], tmp_path: Path
) -> None:
    host, behaviour = fake_dex
    behaviour.api = 3
    args = ["list", "--host", host, "--insecure", "--format", "json"]

    result = runner.invoke(app, [*args, "--dex-config", str(_dex_config(tmp_path))])

    sources = {o["id"]: o["source"] for o in json.loads(result.stdout)["objects"]}
    assert sources["cli"] == sources["ldap"] == "static"
    assert sources["web"] == "api"


def test_stack_without_host_names_the_stack(stack_config: dict[str, Any]) -> None:
    result = runner.invoke(app, ["list", "--stack", "prod"])

    assert result.exit_code == EXIT_FAILED, _explain(result)
    assert result.stderr.startswith("error: no Dex host given in stack prod;")


def test_generate_stores_every_secret_in_the_stack_and_prints_none(
    fake_dex: Any, stack_config: dict[str, Any], tmp_path: Path, secrets: tuple[str, ...]
) -> None:
    host, behaviour = fake_dex
    behaviour.api = 3
    stack_config["config"] = {"dex:host": host, "dex:insecure": "true"}

    result = runner.invoke(
        app, ["generate", "--stack", "prod", "--dex-config", str(_dex_config(tmp_path))]
    )

    assert result.exit_code == EXIT_OK, _explain(result)
    stored = stack_config["set"]
    assert "client-web-secret" in stored and "client-batch-jobs-secret" in stored
    assert "client-cli-secret" not in stored, "static and public clients have no key"
    assert not any(key.startswith("connector-ldap-") for key in stored)
    assert f"set {len(stored)} secret(s) in stack prod: " in result.stdout + result.stderr
    assert "# - client/cli" in result.stdout and "# - connector/ldap" in result.stdout
    assert set(stored.values()) <= set(secrets) | {c.decode() for c in _raw(behaviour)}
    everything = result.stdout + result.stderr
    assert [s for s in secrets if s in everything] == []


def _raw(behaviour: Any) -> list[bytes]:
    return [c.config for c in behaviour.connectors]


def test_missing_cwd_is_named_as_such(tmp_path: Path) -> None:
    missing = tmp_path / "nonexistent"

    result = runner.invoke(app, ["list", "--stack", "dev", "--cwd", str(missing)])

    assert result.exit_code == EXIT_FAILED, _explain(result)
    assert result.stderr == (
        f"error: stack dev: the folder {missing} does not exist; check --cwd\n"
    ), _explain(result)


def test_output_of_pulumi_that_is_no_json_object_is_a_stack_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(Stack, "_run", lambda self, *args, what, value=None: "[1, 2]")

    with pytest.raises(StackError, match=r"^stack dev: `pulumi` printed no JSON object"):
        Stack("dev").export()
