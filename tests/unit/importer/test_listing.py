"""The `list` report in every format."""

from __future__ import annotations

import json

import pytest

from importer.inventory import Inventory
from importer.listing import RENDERERS, OutputFormat
from pulumi_dex.dex.connectors import ConnectorRecord


@pytest.mark.parametrize("output_format", list(OutputFormat))
def test_every_format_names_every_object(output_format: OutputFormat, inventory: Inventory) -> None:
    text = RENDERERS[output_format](inventory)

    for record in [*inventory.clients, *inventory.connectors]:
        assert record.id in text and record.name in text


def test_json_report_has_kind_type_and_warnings() -> None:
    doc = json.loads(RENDERERS[OutputFormat.JSON](Inventory(warnings=("clients skipped",))))

    assert doc == {"objects": [], "warnings": ["clients skipped"]}


def test_table_shows_names_as_text_not_markup() -> None:
    odd = Inventory(connectors=(ConnectorRecord("x", "github", "[bold]X[/bold]", b"{}"),))

    assert "[bold]X[/bold]" in RENDERERS[OutputFormat.TABLE](odd)
