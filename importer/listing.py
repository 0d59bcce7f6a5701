"""The `list` report: every client and connector with its type and name, never a secret.

Static objects (those from Dex's config file) are listed like the others: Dex's API
does not mark them, only a write reveals them as read-only. Telling them apart is
left out for now (no tracking issue filed yet).
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from enum import StrEnum

from rich.console import Console
from rich.table import Table
from rich.text import Text

from importer.inventory import Inventory

TABLE_WIDTH = 100
Row = dict[str, str]


class OutputFormat(StrEnum):
    """Formats of the `list` report."""

    TABLE = "table"
    JSON = "json"


def rows(inventory: Inventory) -> list[Row]:
    """One row per object; only ID, kind, type and name, so no secret can slip in."""
    clients = [
        {
            "kind": "client",
            "id": c.id,
            "type": "public" if c.public else "confidential",
            "name": c.name,
        }
        for c in inventory.clients
    ]
    connectors = [
        {"kind": "connector", "id": c.id, "type": c.type, "name": c.name}
        for c in inventory.connectors
    ]
    return clients + connectors


def render_table(inventory: Inventory) -> str:
    """A table for people."""
    table = Table("Kind", "ID", "Type", "Name")
    for row in rows(inventory):
        # Text, not str: names from Dex are data, never rich markup.
        table.add_row(*(Text(row[key]) for key in ("kind", "id", "type", "name")))
    buffer = io.StringIO()
    Console(file=buffer, width=TABLE_WIDTH, no_color=True, highlight=False).print(table)
    return buffer.getvalue()


def render_json(inventory: Inventory) -> str:
    """JSON for scripts: {"objects": [...], "warnings": [...]}."""
    doc = {"objects": rows(inventory), "warnings": list(inventory.warnings)}
    return json.dumps(doc, indent=2) + "\n"


RENDERERS: dict[OutputFormat, Callable[[Inventory], str]] = {
    OutputFormat.TABLE: render_table,
    OutputFormat.JSON: render_json,
}
