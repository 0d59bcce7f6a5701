"""Policies across the whole stack: unique IDs per Dex host, and trusted peers that exist."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from pulumi_policy import (
    EnforcementLevel,
    PolicyConfigSchema,
    PolicyResource,
    ReportViolation,
    StackValidationArgs,
    StackValidationPolicy,
)

from policies.properties import UNKNOWN, read, subject
from pulumi_dex.model.resources import CLIENT, RESOURCES

CLIENT_TYPE: Final = CLIENT.token
# Every resource that is a Dex connector, typed or not, from the provider's own model.
CONNECTOR_TYPES: Final = tuple(
    spec.token for spec in RESOURCES if spec.id_property == "connectorId"
)
DEFAULT_PROVIDER: Final = "the default provider's host"


@dataclass(frozen=True)
class DexObject:
    """A client or connector as the stack policies see it: its ID and the Dex host holding it."""

    resource: PolicyResource
    kind: str
    object_id: Any
    host: str


def dex_host(resource: PolicyResource) -> str:
    """Name the Dex server a resource lives on: its provider's host, else that provider's URN."""
    provider = resource.provider
    if provider is None:
        return DEFAULT_PROVIDER

    host = read(provider.props, "host")
    return f"'{host}'" if isinstance(host, str) else f"the host of provider '{provider.name}'"


def dex_objects(resources: Iterable[PolicyResource]) -> list[DexObject]:
    """Pick the clients and connectors out of a stack."""
    found = []
    for resource in resources:
        if resource.resource_type == CLIENT_TYPE:
            kind, key = "client", "clientId"
        elif resource.resource_type in CONNECTOR_TYPES:
            kind, key = "connector", "connectorId"
        else:
            continue
        found.append(DexObject(resource, kind, read(resource.props, key), dex_host(resource)))
    return found


def duplicate_problems(objects: Sequence[DexObject]) -> list[tuple[str, str]]:
    """Return (message, URN) for each client or connector whose ID is taken on its host."""
    first: dict[tuple[str, str, str], DexObject] = {}
    problems = []
    for obj in objects:
        if not isinstance(obj.object_id, str):
            continue
        key = (obj.kind, obj.host, obj.object_id)
        if key not in first:
            first[key] = obj
            continue
        other = first[key].resource
        problems.append(
            (
                f"{subject(obj.resource.resource_type, obj.resource.name)}: {obj.kind} ID "
                f"'{obj.object_id}' on {obj.host} is also used by "
                f"{subject(other.resource_type, other.name)}, and Dex keeps one {obj.kind} per "
                "ID; give each a distinct ID or place them on different Dex servers.",
                obj.resource.urn,
            )
        )
    return problems


def trusted_peer_problems(
    objects: Sequence[DexObject], external_ids: Sequence[str]
) -> list[tuple[str, str]]:
    """Return (message, URN) for each trustedPeers entry naming a client nobody declares."""
    ids: dict[str, set[Any]] = defaultdict(set)
    for obj in objects:
        if obj.kind == "client":
            ids[obj.host].add(obj.object_id)

    problems = []
    for obj in objects:
        # An ID not known until the update could be any peer; judge that host after it.
        if obj.kind != "client" or UNKNOWN in ids[obj.host]:
            continue
        peers = read(obj.resource.props, "trustedPeers")
        for index, peer in enumerate(peers if isinstance(peers, list) else []):
            if not isinstance(peer, str) or peer in ids[obj.host] or peer in external_ids:
                continue
            problems.append(
                (
                    f"{subject(obj.resource.resource_type, obj.resource.name)}: "
                    f"trustedPeers[{index}] '{peer}' names no client of this stack on "
                    f"{obj.host}; declare that client, or add '{peer}' to externalClientIds "
                    "if it is managed elsewhere.",
                    obj.resource.urn,
                )
            )
    return problems


def _validate_unique_ids(args: StackValidationArgs, report: ReportViolation) -> None:
    for message, urn in duplicate_problems(dex_objects(args.resources)):
        report(message, urn)


def _validate_trusted_peers(args: StackValidationArgs, report: ReportViolation) -> None:
    external = args.get_config().get("externalClientIds", [])
    for message, urn in trusted_peer_problems(dex_objects(args.resources), external):
        report(message, urn)


UNIQUE_IDS = StackValidationPolicy(
    name="dex-unique-ids",
    description="Forbid two clients or two connectors with the same ID on one Dex server.",
    enforcement_level=EnforcementLevel.MANDATORY,
    validate=_validate_unique_ids,
)

TRUSTED_PEERS = StackValidationPolicy(
    name="dex-trusted-peers-exist",
    description="Require every trusted peer to be a client of the stack or an allowed one.",
    enforcement_level=EnforcementLevel.MANDATORY,
    validate=_validate_trusted_peers,
    config_schema=PolicyConfigSchema(
        properties={
            "externalClientIds": {
                "type": "array",
                "items": {"type": "string"},
                "default": [],
                "description": "Client IDs managed outside this stack that may be trusted peers.",
            }
        }
    ),
)

POLICIES: Final = [UNIQUE_IDS, TRUSTED_PEERS]
