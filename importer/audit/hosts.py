"""The audit itself: group the stacks' objects by Dex host, read each Dex once, compare."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from importer import connection as connect
from importer.audit.findings import Category, Finding, differences
from importer.audit.ignore import IgnoreRules
from importer.audit.state import (
    ManagedObject,
    StackState,
    client_document,
    connector_document,
)
from importer.static_objects import StaticObjects
from pulumi_dex.dex import errors
from pulumi_dex.dex.clients import ClientRecord, ClientsApi
from pulumi_dex.dex.connection import ConnectionSettings, DexConnection
from pulumi_dex.dex.connectors import ConnectorRecord, ConnectorsApi

log = logging.getLogger(__name__)

# Stack name -> its `namespace:key` config; fetched only when a stack needs it.
ConfigSource = Callable[[str], dict[str, str]]


@dataclass
class Target:
    """One Dex host and every managed object aimed at it, from any stack."""

    settings: ConnectionSettings
    objects: list[ManagedObject] = field(default_factory=list)


@dataclass(frozen=True)
class LiveObjects:
    """What one Dex holds; None for a kind that could not be read at all."""

    clients: dict[str, ClientRecord] | None
    connectors: dict[str, ConnectorRecord] | None
    # False when Dex cannot list clients, so clients outside the stacks go unseen.
    clients_listed: bool


def _stack_settings(
    state: StackState, flags: connect.Flags, config: ConfigSource
) -> dict[str, ConnectionSettings]:
    """Connection settings per provider reference of one stack (key "" for stack config)."""
    if flags.host:
        shared = connect.settings(flags)
        return {ref: shared for ref in state.providers} | {"": shared}
    variables = connect.provider_variables(config(state.name))
    found: dict[str, ConnectionSettings] = {}
    for ref, inputs in state.providers.items():
        where = f"stack {state.name}, provider {ref.split('::')[-2]}"
        # The state's inputs decide; stack config only fills the settings they leave out.
        found[ref] = connect.settings(flags, {**variables, **inputs}, where)
    if variables.get("dex:host") and _needs_stack_config(state):
        found[""] = connect.settings(flags, variables, f"stack {state.name}")
    return found


def _needs_stack_config(state: StackState) -> bool:
    """True when stack config alone must say where Dex is: no provider, or an object without."""
    if not state.providers:
        return True
    return any(managed.provider not in state.providers for managed in state.objects)


def targets(
    states: list[StackState], flags: connect.Flags, config: ConfigSource
) -> dict[str, Target]:
    """Every Dex host the stacks point at, with the objects each one should hold."""
    grouped: dict[str, Target] = {}
    for state in states:
        by_ref = _stack_settings(state, flags, config)
        for settings in by_ref.values():
            grouped.setdefault(settings.host, Target(settings))
        for managed in state.objects:
            chosen = by_ref.get(managed.provider) or by_ref.get("")
            if chosen is None:
                raise connect.SettingsError(
                    f"stack {state.name}: no Dex connection for {managed.urn}; "
                    "pass --host or set dex:host in the stack config"
                )
            grouped[chosen.host].objects.append(managed)
    return grouped


# Concurrent GetClient calls while auditing; Dex handles them in parallel.
FETCH_WORKERS = 8


def _clients(
    dex: DexConnection, wanted: set[str], warnings: list[str]
) -> tuple[dict[str, ClientRecord], bool]:
    api = ClientsApi(dex)
    try:
        listed = {client.id for client in api.list()}
    except errors.DexTooOldError as err:
        warnings.append(f"clients outside the stacks not looked for: {err}")
        listed, complete = set(), False
    else:
        complete = True
    # Listings leave secrets out, so each managed client is fetched whole to compare its
    # secret; the calls share one channel and overlap, as gRPC allows.
    with ThreadPoolExecutor(max_workers=FETCH_WORKERS) as pool:
        fetched = dict(zip(sorted(wanted), pool.map(api.find, sorted(wanted)), strict=True))
    found = {cid: record for cid, record in fetched.items() if record is not None}
    for client_id in listed - wanted:
        found[client_id] = ClientRecord(client_id, "")
    return dict(sorted(found.items())), complete


def read_live(dex: DexConnection, objects: list[ManagedObject], warnings: list[str]) -> LiveObjects:
    """Read one Dex: connectors listed, clients listed when Dex can and fetched by ID."""
    dex.version()
    wanted = {m.id for m in objects if m.kind == "client"}
    clients, listed = _clients(dex, wanted, warnings)
    try:
        connectors: dict[str, ConnectorRecord] | None = {c.id: c for c in ConnectorsApi(dex).list()}
    except errors.ConnectorApiDisabledError as err:
        warnings.append(f"connectors not audited: {err}")
        connectors = None
    return LiveObjects(clients, connectors, listed)


def _judge(host: str, managed: ManagedObject, live: LiveObjects, static: StaticObjects) -> Finding:
    base: dict[str, Any] = {
        "host": host,
        "kind": managed.kind,
        "id": managed.id,
        "stack": managed.stack,
    }
    if static.holds(managed.kind, managed.id):
        # Dex serves the static object; what the API stored under this ID is hidden.
        return Finding(category=Category.SHADOWED, static=True, **base)
    if managed.kind == "client":
        client = (live.clients or {}).get(managed.id)
        actual = client_document(client) if client else None
    else:
        connector = (live.connectors or {}).get(managed.id)
        actual = connector_document(connector) if connector else None
    if actual is None:
        return Finding(category=Category.MISSING, **base)
    diffs = differences(managed.expected, actual, managed.secret_values, managed.all_config_secret)
    category = Category.CHANGED if diffs else Category.IN_SYNC
    return Finding(category=category, differences=diffs, **base)


def judge(
    host: str, objects: list[ManagedObject], live: LiveObjects, static: StaticObjects
) -> list[Finding]:
    """A finding per managed object, then one per object in Dex that no stack manages."""
    readable = {"client": live.clients is not None, "connector": live.connectors is not None}
    # An object whose state could not be read is still managed, so never unmanaged either.
    findings = [
        _judge(host, m, live, static) for m in objects if readable[m.kind] and m.problem is None
    ]
    managed = {(m.kind, m.id) for m in objects}
    in_dex = [("client", i) for i in live.clients or {}] + [
        ("connector", i) for i in live.connectors or {}
    ]
    for kind, object_id in in_dex:
        if (kind, object_id) not in managed:
            findings.append(
                Finding(
                    host, kind, object_id, Category.UNMANAGED, static=static.holds(kind, object_id)
                )
            )
    for finding in findings:
        log.debug("audited host=%s key=%s category=%s", host, finding.key, finding.category)
    return findings


def _shared_objects(host: str, objects: list[ManagedObject]) -> list[str]:
    """Objects that several stacks manage: each update undoes the others' changes."""
    stacks: dict[tuple[str, str], set[str]] = {}
    for managed in objects:
        stacks.setdefault((managed.kind, managed.id), set()).add(managed.stack)
    return [
        f"{kind}/{object_id} on {host} is managed by stacks {', '.join(sorted(names))}; each "
        "`pulumi up` overwrites the others' settings, so keep it in one stack"
        for (kind, object_id), names in sorted(stacks.items())
        if len(names) > 1
    ]


def audit(
    targets_by_host: dict[str, Target], static: StaticObjects, rules: IgnoreRules
) -> tuple[list[Finding], list[str], int]:
    """Findings of every host, the warnings, and how many findings the rules ignored."""
    findings: list[Finding] = []
    warnings: list[str] = []
    for host, target in sorted(targets_by_host.items()):
        warnings.extend(_shared_objects(host, target.objects))
        warnings.extend(
            f"stack {m.stack}: {m.kind}/{m.id} on {host} not audited: {m.problem}; run "
            f"`pulumi refresh --stack {m.stack}` and audit again"
            for m in target.objects
            if m.problem is not None
        )
        dex = DexConnection(target.settings)
        try:
            live = read_live(dex, target.objects, warnings)
        finally:
            dex.close()
        findings.extend(judge(host, target.objects, live, static))
    kept = [f for f in findings if not rules.ignores(f.key)]
    kept.sort(key=lambda f: (f.host, f.kind, f.id, f.stack or ""))
    return kept, warnings, len(findings) - len(kept)
