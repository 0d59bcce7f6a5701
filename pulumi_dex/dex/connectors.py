"""Upstream identity providers (connectors) in Dex: records and calls.

Dex has no call that returns one connector, so reads go through ListConnectors.
One listing is kept per connection for a short while and shared by every read of
a refresh; any write through this object drops it. That keeps `pulumi refresh`
of many connectors linear instead of quadratic in list calls.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from pulumi_dex.dex import errors
from pulumi_dex.dex.connection import DexConnection
from pulumi_dex.dexapi import api_pb2

LISTING_TTL_SECONDS = 5.0


@dataclass(frozen=True)
class ConnectorRecord:
    """A connector as Dex stores it; `config` is its JSON document as bytes."""

    id: str
    type: str
    name: str
    config: bytes


class ConnectorsApi:
    """Create, read, update, delete and list connectors of one Dex."""

    def __init__(self, connection: DexConnection) -> None:
        self._dex = connection
        self._lock = threading.Lock()
        self._listing: dict[str, ConnectorRecord] | None = None
        self._listed_at = 0.0
        self.list_calls = 0

    def _forget_listing(self) -> None:
        with self._lock:
            self._listing = None

    def list(self, fresh: bool = True) -> list[ConnectorRecord]:
        """Every connector Dex holds, config included."""
        return list(self._indexed(fresh).values())

    def _indexed(self, fresh: bool) -> dict[str, ConnectorRecord]:
        with self._lock:
            expired = time.monotonic() - self._listed_at > LISTING_TTL_SECONDS
            if fresh or self._listing is None or expired:
                reply = self._dex.call(
                    "ListConnectors", api_pb2.ListConnectorReq(), "listing connectors"
                )
                self.list_calls += 1
                self._listing = {
                    c.id: ConnectorRecord(c.id, c.type, c.name, bytes(c.config))
                    for c in reply.connectors
                }
                self._listed_at = time.monotonic()
            return self._listing

    def find(self, connector_id: str) -> ConnectorRecord | None:
        """The connector, or None; reuses a recent listing (see module docstring)."""
        return self._indexed(fresh=False).get(connector_id)

    def create(self, record: ConnectorRecord) -> None:
        """Create the connector; AlreadyExistsError when the ID is taken."""
        request = api_pb2.CreateConnectorReq(
            connector=api_pb2.Connector(
                id=record.id, type=record.type, name=record.name, config=record.config
            )
        )
        self._forget_listing()
        reply = self._dex.call("CreateConnector", request, f"creating connector {record.id!r}")
        if reply.already_exists:
            raise errors.AlreadyExistsError(f"connector {record.id!r} already exists in Dex")

    def update(self, record: ConnectorRecord) -> None:
        """Replace type, name and the whole config of the connector."""
        request = api_pb2.UpdateConnectorReq(
            id=record.id, new_type=record.type, new_name=record.name, new_config=record.config
        )
        self._forget_listing()
        reply = self._dex.call("UpdateConnector", request, f"updating connector {record.id!r}")
        if reply.not_found:
            raise errors.NotFoundError(f"connector {record.id!r} is gone from Dex")

    def delete(self, connector_id: str) -> bool:
        """Delete the connector; False when it was already gone."""
        request = api_pb2.DeleteConnectorReq(id=connector_id)
        self._forget_listing()
        reply = self._dex.call("DeleteConnector", request, f"deleting connector {connector_id!r}")
        return not reply.not_found
