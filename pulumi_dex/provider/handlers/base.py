"""What every resource handler shares: its context, results and diff rules."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pulumi_dex.dex.clients import ClientsApi
from pulumi_dex.dex.connection import DexConnection
from pulumi_dex.dex.connectors import ConnectorsApi
from pulumi_dex.model.properties import ResourceSpec
from pulumi_dex.provider import wire
from pulumi_dex.provider.engine_log import EngineLog

Props = dict[str, Any]
Failure = tuple[str, str]


class UserError(Exception):
    """An error the user caused and can fix; shown as is, without a traceback."""


@dataclass(frozen=True)
class DexApis:
    """One Dex: its connection and the object APIs on it, made once per provider.

    Sharing one ConnectorsApi matters: its short-lived listing serves every connector
    Read of a refresh, and its own writes are what invalidate that listing.
    """

    connection: DexConnection
    clients: ClientsApi
    connectors: ConnectorsApi

    @classmethod
    def on(cls, connection: DexConnection) -> DexApis:
        return cls(connection, ClientsApi(connection), ConnectorsApi(connection))


@dataclass
class Context:
    """What a handler may use: Dex (opened on first use, never in preview) and the log."""

    dex: Callable[[], DexApis]
    log: EngineLog
    urn: str = ""


@dataclass
class DiffResult:
    """Changed properties, those among them that force a replacement."""

    changed: list[str] = field(default_factory=list)
    replaces: list[str] = field(default_factory=list)


@dataclass
class ReadResult:
    """What Dex holds now; `id` is None when the object is gone."""

    id: str | None
    outputs: Props
    inputs: Props


def empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


# Dex stores any string, but IDs travel in URLs (/auth/{connector}) and in tokens (aud).
MAX_ID_LENGTH = 255


def _id_failures(spec: ResourceSpec, news: Props) -> list[Failure]:
    name = spec.id_property
    if name is None:
        return []
    value = news.get(name)
    if not isinstance(value, str) or wire.is_unknown(value) or value == "":
        return []
    if value != value.strip() or any(ch.isspace() or ord(ch) < 32 for ch in value):
        return [(name, f"{name} must not contain spaces or control characters")]
    if len(value) > MAX_ID_LENGTH:
        return [(name, f"{name} is {len(value)} characters long; keep it to {MAX_ID_LENGTH}")]
    return []


def input_failures(spec: ResourceSpec, news: Props) -> list[Failure]:
    """Missing required inputs and malformed IDs: what is wrong whatever the resource."""
    return required_failures(spec, news) + _id_failures(spec, news)


def required_failures(spec: ResourceSpec, news: Props) -> list[Failure]:
    return [
        (p.name, f"{p.name} is required")
        for p in spec.inputs
        if p.required and not wire.is_unknown(news.get(p.name)) and empty(news.get(p.name))
    ]


def diff_inputs(
    spec: ResourceSpec, olds: Props, news: Props, clearing_replaces: Iterable[str] = ()
) -> DiffResult:
    """Compare old state with new inputs over the input properties of `spec`."""
    result = DiffResult()
    clearing = set(clearing_replaces)
    for prop in spec.inputs:
        old, new = olds.get(prop.name), news.get(prop.name)
        if empty(old) and empty(new):
            continue
        if old == new and not wire.is_unknown(new):
            continue
        result.changed.append(prop.name)
        cleared = prop.name in clearing and not empty(old) and empty(new)
        if prop.replaces or cleared:
            result.replaces.append(prop.name)
    return result
