"""The generated program and import file, compared whole against golden files."""

from __future__ import annotations

import json
import os
from pathlib import Path

from importer import declarations, import_file, program
from importer.inventory import Inventory
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


def test_unparsable_oidc_config_falls_back_to_raw_config_with_warning() -> None:
    broken = Inventory(connectors=(ConnectorRecord("odd", "oidc", "Odd", b"not json"),))
    plan = declarations.plan(broken)

    assert plan.declarations[0].sdk_class == "Connector"
    assert plan.secret_keys == ("connector-odd-rawConfig",)
    assert plan.warnings == (
        "connector 'odd': its oidc config is not a JSON object; "
        "declared with raw_config instead of oidc_config",
    )
