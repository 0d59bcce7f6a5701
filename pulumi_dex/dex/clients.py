"""OAuth2 clients in Dex: records and the calls that manage them."""

from __future__ import annotations

from dataclasses import dataclass, field

from pulumi_dex.dex import errors
from pulumi_dex.dex.connection import DexConnection
from pulumi_dex.dexapi import api_pb2

# ListClients arrived with Dex's API version 3.
LIST_CLIENTS_API = 3


@dataclass(frozen=True)
class ClientRecord:
    """A client as Dex holds it. `secret` is None when Dex did not return it."""

    id: str
    name: str
    secret: str | None = None
    redirect_uris: tuple[str, ...] = ()
    trusted_peers: tuple[str, ...] = ()
    public: bool = False
    logo_url: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False)


def _from_proto(client: api_pb2.Client | api_pb2.ClientInfo) -> ClientRecord:
    return ClientRecord(
        id=client.id,
        name=client.name,
        secret=getattr(client, "secret", None),
        redirect_uris=tuple(client.redirect_uris),
        trusted_peers=tuple(client.trusted_peers),
        public=client.public,
        logo_url=client.logo_url,
    )


class ClientsApi:
    """Create, read, update, delete and list clients of one Dex."""

    def __init__(self, connection: DexConnection) -> None:
        self._dex = connection

    def get(self, client_id: str) -> ClientRecord:
        """The client with its secret; NotFoundError when Dex has none by that ID."""
        what = f"client {client_id!r}"
        reply = self._dex.call("GetClient", api_pb2.GetClientReq(id=client_id), what)
        return _from_proto(reply.client)

    def find(self, client_id: str) -> ClientRecord | None:
        """Like get, but None for a missing client."""
        try:
            return self.get(client_id)
        except errors.NotFoundError:
            return None

    def create(self, record: ClientRecord) -> None:
        """Create the client; AlreadyExistsError when the ID is taken."""
        request = api_pb2.CreateClientReq(
            client=api_pb2.Client(
                id=record.id,
                name=record.name,
                secret=record.secret or "",
                redirect_uris=list(record.redirect_uris),
                trusted_peers=list(record.trusted_peers),
                public=record.public,
                logo_url=record.logo_url,
            )
        )
        reply = self._dex.call("CreateClient", request, f"creating client {record.id!r}")
        if reply.already_exists:
            raise errors.AlreadyExistsError(f"client {record.id!r} already exists in Dex")

    def update(self, record: ClientRecord) -> None:
        """Update name, logo and URI lists; Dex keeps secret and `public` as they are."""
        request = api_pb2.UpdateClientReq(
            id=record.id,
            name=record.name,
            logo_url=record.logo_url,
            redirect_uris=list(record.redirect_uris),
            trusted_peers=list(record.trusted_peers),
        )
        reply = self._dex.call("UpdateClient", request, f"updating client {record.id!r}")
        if reply.not_found:
            raise errors.NotFoundError(f"client {record.id!r} is gone from Dex")

    def delete(self, client_id: str) -> bool:
        """Delete the client; False when it was already gone."""
        what = f"deleting client {client_id!r}"
        reply = self._dex.call("DeleteClient", api_pb2.DeleteClientReq(id=client_id), what)
        return not reply.not_found

    def list(self) -> list[ClientRecord]:
        """Every client, without secrets (Dex leaves them out of listings)."""
        self._dex.require_api(LIST_CLIENTS_API, "listing clients (ListClients)")
        reply = self._dex.call("ListClients", api_pb2.ListClientReq(), "listing clients")
        return [_from_proto(client) for client in reply.clients]
