"""The `list` report: every client and connector with its type and name, never a secret.

Dex's API does not mark static objects (those from its config file); given that file
(`--dex-config`), the report says `static` or `api` in its source field; without it, `unknown`.
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
from importer.static_objects import StaticObjects

TABLE_WIDTH = 100
Row = dict[str, str]
NOTHING_KNOWN = StaticObjects()


class OutputFormat(StrEnum):
    """Formats of the `list` report."""

    TABLE = "table"
    JSON = "json"


def rows(inventory: Inventory, static: StaticObjects = NOTHING_KNOWN) -> list[Row]:
    """One row per object; only ID, kind, type, name and source, so no secret can slip in."""
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
    for row in clients + connectors:
        row["source"] = static.source(row["kind"], row["id"])
    return clients + connectors


def render_table(inventory: Inventory, static: StaticObjects = NOTHING_KNOWN) -> str:
    """A table for people."""
    table = Table("Kind", "ID", "Type", "Name", "Source")
    for row in rows(inventory, static):
        # Text, not str: names from Dex are data, never rich markup.
        table.add_row(*(Text(row[key]) for key in ("kind", "id", "type", "name", "source")))
    buffer = io.StringIO()
    Console(file=buffer, width=TABLE_WIDTH, no_color=True, highlight=False).print(table)
    return buffer.getvalue()


def render_json(inventory: Inventory, static: StaticObjects = NOTHING_KNOWN) -> str:
    """JSON for scripts: {"objects": [...], "warnings": [...]}."""
    doc = {"objects": rows(inventory, static), "warnings": list(inventory.warnings)}
    return json.dumps(doc, indent=2) + "\n"


RENDERERS: dict[OutputFormat, Callable[[Inventory, StaticObjects], str]] = {
    OutputFormat.TABLE: render_table,
    OutputFormat.JSON: render_json,
}
