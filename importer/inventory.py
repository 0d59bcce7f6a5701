"""Everything one Dex holds, read once, with the warnings about what could not be read."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from pulumi_dex.dex import errors
from pulumi_dex.dex.clients import ClientRecord, ClientsApi
from pulumi_dex.dex.connection import DexConnection
from pulumi_dex.dex.connectors import ConnectorRecord, ConnectorsApi

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Inventory:
    """Clients and connectors sorted by ID; `warnings` name what is missing and why."""

    clients: tuple[ClientRecord, ...] = ()
    connectors: tuple[ConnectorRecord, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def partial(self) -> bool:
        """True when part of Dex could not be read."""
        return bool(self.warnings)


def _clients(connection: DexConnection, warnings: list[str]) -> list[ClientRecord]:
    try:
        return ClientsApi(connection).list()
    except errors.DexTooOldError as err:
        # Dex before API 3 (v2.41 and older) has no ListClients; connectors still work.
        warnings.append(f"clients skipped: {err}")
        return []


def _connectors(connection: DexConnection, warnings: list[str]) -> list[ConnectorRecord]:
    try:
        return ConnectorsApi(connection).list()
    except errors.ConnectorApiDisabledError as err:
        warnings.append(f"connectors skipped: {err}")
        return []


def read(connection: DexConnection) -> Inventory:
    """Read Dex; DexUnreachableError and other DexErrors propagate to the caller."""
    connection.version()
    warnings: list[str] = []
    clients = sorted(_clients(connection, warnings), key=lambda c: c.id)
    connectors = sorted(_connectors(connection, warnings), key=lambda c: c.id)
    log.debug(
        "read dex host=%s clients=%d connectors=%d", connection.host, len(clients), len(connectors)
    )
    return Inventory(tuple(clients), tuple(connectors), tuple(warnings))
