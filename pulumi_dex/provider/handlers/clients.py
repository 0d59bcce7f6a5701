"""dex:index:Client: OAuth2 clients."""

from __future__ import annotations

import base64
import hashlib
import secrets

from pulumi_dex.dex import errors
from pulumi_dex.dex.clients import ClientRecord
from pulumi_dex.model.resources import CLIENT
from pulumi_dex.provider.handlers.base import (
    Context,
    DiffResult,
    Failure,
    Props,
    ReadResult,
    UserError,
    diff_inputs,
    input_failures,
)

# Dex's UpdateClient reads an empty string or list as "keep the stored value", so
# clearing one of these can only be done by creating the client anew.
CLEARING_REPLACES = ("logoUrl", "trustedPeers", "redirectUris")


def _generated_secret(seed: bytes) -> str:
    """A strong secret; derived from the engine's seed so previews are stable."""
    material = hashlib.sha256(seed).digest() if seed else secrets.token_bytes(32)
    return base64.urlsafe_b64encode(material).decode().rstrip("=")


def _record(props: Props) -> ClientRecord:
    return ClientRecord(
        id=props["clientId"],
        name=props["name"],
        secret=props.get("secret"),
        redirect_uris=tuple(props.get("redirectUris") or ()),
        trusted_peers=tuple(props.get("trustedPeers") or ()),
        public=bool(props.get("public")),
        logo_url=props.get("logoUrl") or "",
    )


def _props(record: ClientRecord, like: Props) -> Props:
    """State for a record; optional fields stay absent when the user left them out."""
    props: Props = {"clientId": record.id, "name": record.name, "secret": record.secret}
    optional = {
        "redirectUris": list(record.redirect_uris),
        "trustedPeers": list(record.trusted_peers),
        "public": record.public,
        "logoUrl": record.logo_url,
    }
    for key, value in optional.items():
        if value or key in like:
            props[key] = value
    return props


def _raise_for(err: errors.DexError, client_id: str) -> None:
    if isinstance(err, errors.AlreadyExistsError):
        raise UserError(
            f"client {client_id!r} already exists in Dex; pulumi-dex never adopts it silently. "
            f"Import it with `pulumi import dex:index:Client <name> {client_id}`, "
            "or choose another client_id"
        ) from err
    if isinstance(err, errors.StaticObjectError):
        raise UserError(
            f"client {client_id!r} is defined in Dex's config file (staticClients) and is "
            "read-only through the API; remove it there or leave it out of the program"
        ) from err
    raise err


class ClientHandler:
    """Check, diff and CRUD of clients."""

    spec = CLIENT

    def check(self, olds: Props, news: Props, seed: bytes) -> tuple[Props, list[Failure]]:
        inputs = dict(news)
        if not inputs.get("secret"):
            inputs["secret"] = olds.get("secret") or _generated_secret(seed)
        return inputs, input_failures(self.spec, news)

    def diff(self, olds: Props, news: Props) -> DiffResult:
        return diff_inputs(self.spec, olds, news, CLEARING_REPLACES)

    def create(self, ctx: Context, inputs: Props, preview: bool) -> tuple[str, Props]:
        if preview:
            return inputs["clientId"], dict(inputs)
        record = _record(inputs)
        try:
            ctx.dex().clients.create(record)
        except (errors.AlreadyExistsError, errors.StaticObjectError) as err:
            _raise_for(err, record.id)
        return record.id, _props(record, inputs)

    def read(self, ctx: Context, resource_id: str, state: Props) -> ReadResult:
        found = ctx.dex().clients.find(resource_id)
        if found is None:
            return ReadResult(None, {}, {})
        props = _props(found, state)
        return ReadResult(found.id, props, dict(props))

    def update(self, ctx: Context, resource_id: str, news: Props, preview: bool) -> Props:
        if preview:
            return dict(news)
        record = _record(news)
        try:
            ctx.dex().clients.update(record)
        except errors.StaticObjectError as err:
            _raise_for(err, resource_id)
        except errors.NotFoundError as err:
            raise UserError(
                f"client {resource_id!r} is gone from Dex; run `pulumi refresh`, then "
                "`pulumi up` to create it again"
            ) from err
        return _props(record, news)

    def delete(self, ctx: Context, resource_id: str, state: Props) -> None:
        try:
            existed = ctx.dex().clients.delete(resource_id)
        except errors.StaticObjectError:
            # Nothing here can delete it; keeping it in state would block every destroy.
            ctx.log.warn(
                f"client {resource_id!r} is defined in Dex's config file; it leaves the stack "
                "and stays in Dex",
                ctx.urn,
            )
            return
        if not existed:
            ctx.log.warn(f"client {resource_id!r} was already gone from Dex", ctx.urn)
