"""The generated program and import file, compared whole against golden files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from importer import declarations, import_file, program
from importer.inventory import Inventory
from importer.literal import Code
from pulumi_dex.dex.connectors import ConnectorRecord

GOLDEN = Path(__file__).parent / "golden"


def _matches_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    # UPDATE_GOLDEN=1 rewrites the files; review the diff before keeping it.
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(text)
    assert text == path.read_text(), f"{name} differs; rerun with UPDATE_GOLDEN=1 and review"


def test_program_matches_golden(inventory: Inventory) -> None:
    _matches_golden("program.py.golden", program.generate(declarations.plan(inventory)))


def test_import_file_matches_golden(inventory: Inventory) -> None:
    _matches_golden("import.json.golden", import_file.generate(declarations.plan(inventory)))


def test_program_is_valid_python(inventory: Inventory) -> None:
    compile(program.generate(declarations.plan(inventory)), "__main__.py", "exec")


def test_import_file_names_match_program_resources(inventory: Inventory) -> None:
    plan = declarations.plan(inventory)
    text = program.generate(plan)
    entries = json.loads(import_file.generate(plan))["resources"]

    ids = [e["id"] for e in entries]
    assert ids == ["batch.jobs", "cli", "web", "corp-sso", "entra", "github", "ldap", "pool"]
    for entry in entries:
        assert f'\n    "{entry["name"]}",\n' in text


def test_generation_is_deterministic_whatever_the_input_order(inventory: Inventory) -> None:
    shuffled = Inventory(inventory.clients[::-1], inventory.connectors[::-1])

    assert program.generate(declarations.plan(shuffled)) == program.generate(
        declarations.plan(inventory)
    )


@pytest.mark.parametrize(
    ("config", "held"),
    [
        (b'["x"]', "a JSON array"),
        (b"3", "a JSON number"),
        (b"null", "a JSON null"),
        (b"not json", "text that is not valid JSON"),
    ],
)
@pytest.mark.parametrize("connector_type", ["oidc", "ldap", "custom"])
def test_connector_whose_config_is_no_json_object_is_left_out_with_a_warning(
    config: bytes, held: str, connector_type: str
) -> None:
    odd = ConnectorRecord("odd", connector_type, "Odd", config)
    fine = ConnectorRecord("fine", "custom", "Fine", b"{}")

    plan = declarations.plan(Inventory(connectors=(odd, fine)))

    assert [decl.dex_id for decl in plan.declarations] == ["fine"]
    assert plan.warnings == (
        f"connector 'odd' left out: its config in Dex is {held}, which no pulumi-dex resource "
        "can declare; make it a JSON object in Dex, or keep the connector out of Pulumi",
    )
    assert "odd" not in program.generate(plan) + import_file.generate(plan)


def test_non_string_extra_oidc_values_stay_literal_in_the_program() -> None:
    config = {
        "issuer": "https://sso.example.test",
        "clientID": "dex",
        "clientSecret": "s3cret-Value",
        "redirectURI": "https://dex.example.test/callback",
        "weirdKey": {"nested": [1, 2]},
        "retryCount": 3,
        "apiToken": "t0ken-Value",
    }
    record = ConnectorRecord("sso", "oidc", "SSO", json.dumps(config).encode())

    plan = declarations.plan(Inventory(connectors=(record,)))

    [decl] = plan.declarations
    assert dict(decl.args)["oidc_config"]["extra"] == {
        "weirdKey": {"nested": [1, 2]},
        "retryCount": 3,
        "apiToken": Code('config.require_secret("connector-sso-apiToken")'),
    }
    assert decl.secret_keys == ("connector-sso-clientSecret", "connector-sso-apiToken")


@pytest.mark.parametrize(
    "change",
    [{"scopes": 3}, {"claimMapping": {"groups": 1}}, {"redirectURI": None}, {"issuer": "nope"}],
)
def test_oidc_config_the_provider_would_reject_is_declared_as_raw_config(
    change: dict[str, object],
) -> None:
    config = {
        "issuer": "https://login.microsoftonline.com/0f2b7a51-3c4d-4e5f-8a9b-0c1d2e3f4a5b/v2.0",
        "clientID": "app",
        "clientSecret": "s3cret-Value",
        "redirectURI": "https://dex.example.test/callback",
    }
    record = ConnectorRecord("sso", "oidc", "SSO", json.dumps(config | change).encode())

    plan = declarations.plan(Inventory(connectors=(record,)))

    assert plan.declarations[0].sdk_class == "Connector"
    assert plan.secret_keys == ("connector-sso-rawConfig",)
    assert plan.warnings == ()


def test_docstring_follows_what_generate_wrote_and_set(inventory: Inventory) -> None:
    plan = declarations.plan(inventory)
    assert plan.secret_keys, "the fixture must have secrets for this test to mean anything"

    without_file = program.generate(plan, import_file=None)
    assert "dex-import generate --import-file import.json" in without_file

    stored = program.generate(plan, import_file="adopt.json", secrets_stack="prod")
    assert "pulumi import --file adopt.json --generate-code=false" in stored
    assert "set in stack prod's config" in stored
    assert "pulumi config set --secret" not in stored
