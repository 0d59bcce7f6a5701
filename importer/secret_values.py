"""The values behind the config keys a generated program reads, found in Dex.

They go straight into a stack's encrypted config and nowhere else.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from importer.declarations import RAW_CONFIG_FIELD, Declaration, Plan
from importer.inventory import Inventory
from pulumi_dex.dex.clients import ClientsApi

log = logging.getLogger(__name__)


def _connector_value(config: bytes, field: str) -> str | None:
    if field == RAW_CONFIG_FIELD:
        return config.decode()
    try:
        doc: Any = json.loads(config)
    except ValueError:
        return None
    # The oidc clientSecret and any credential kept among the untyped keys sit at the top.
    value = doc.get(field) if isinstance(doc, dict) else None
    return value if isinstance(value, str) else None


def _field(decl: Declaration, key: str) -> str:
    return key[len(decl.names.config_prefix) + 1 :]


def collect(
    plan: Plan, inventory: Inventory, clients: ClientsApi
) -> tuple[dict[str, str], list[str]]:
    """Config key -> secret value for every key found, and a warning per key not found."""
    configs = {c.id: c.config for c in inventory.connectors}
    values: dict[str, str] = {}
    warnings: list[str] = []
    for decl in plan.declarations:
        for key in decl.secret_keys:
            if decl.token == "dex:index:Client":
                # Listings leave secrets out; GetClient returns them.
                value = clients.get(decl.dex_id).secret or None
            else:
                value = _connector_value(configs.get(decl.dex_id, b""), _field(decl, key))
            if value is None:
                warnings.append(f"{key}: no value found in Dex; set it with pulumi config set")
                continue
            values[key] = value
            log.debug("found secret key=%s", key)
    return values, warnings
