"""No secret value of Dex reaches any output of the importer."""

from __future__ import annotations

from importer import declarations, import_file, program
from importer.inventory import Inventory
from importer.listing import RENDERERS, OutputFormat


def _outputs(inventory: Inventory) -> dict[str, str]:
    plan = declarations.plan(inventory)
    texts = {"program": program.generate(plan), "import file": import_file.generate(plan)}
    texts.update({f"list {f.value}": RENDERERS[f](inventory) for f in OutputFormat})
    return texts


def test_no_secret_value_in_any_output(inventory: Inventory, secrets: tuple[str, ...]) -> None:
    outputs = _outputs(inventory)

    leaks = [(s, name) for s in secrets for name, text in outputs.items() if s in text]

    assert leaks == [], f"secrets leaked (value, output): {leaks}"


def test_every_secret_is_read_from_stack_config(inventory: Inventory) -> None:
    text = program.generate(declarations.plan(inventory))

    assert text.count("config.require_secret(") == 8
