"""Dex's microsoft connector: Microsoft accounts and Entra ID through Microsoft Graph."""

from __future__ import annotations

import re
from typing import Any

from pulumi_dex.connectors import document
from pulumi_dex.connectors.document import Failure
from pulumi_dex.model.connector_types import MICROSOFT

TYPE = "microsoft"
SPEC = MICROSOFT
MULTI_TENANT = ("common", "organizations", "consumers")
GROUP_NAME_FORMATS = ("name", "id")
_GUID = re.compile(r"^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$")
_DOMAIN = re.compile(
    r"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
    r"[A-Za-z]{2,63}$"
)


def _tenant_failure(tenant: Any) -> Failure | None:
    if not isinstance(tenant, str) or tenant in MULTI_TENANT:
        return None
    if _GUID.match(tenant) or _DOMAIN.match(tenant):
        return None
    return (
        "tenant",
        f"tenant {tenant!r} must be common, organizations, consumers, a "
        "Directory (tenant) ID or a verified domain such as contoso.onmicrosoft.com",
    )


def _groups_failure(inputs: dict[str, Any]) -> Failure | None:
    # Dex reads groups only for a single tenant; with a multi-tenant value it skips them
    # silently, so the group requirement would let everyone in.
    tenant = inputs.get("tenant") or "common"
    if inputs.get("groups") and tenant in MULTI_TENANT:
        return (
            "tenant",
            f"groups need a single tenant, but tenant is {tenant!r}, for which "
            "Dex ignores groups; set tenant to your tenant ID or domain",
        )
    return None


def check(inputs: dict[str, Any]) -> list[Failure]:
    """What Dex would refuse, or silently ignore, at a user's login."""
    failures = [
        document.url_failure("redirectUri", inputs.get("redirectUri"), callback=True),
        _tenant_failure(inputs.get("tenant")),
        _groups_failure(inputs),
        document.one_of("groupNameFormat", inputs.get("groupNameFormat"), GROUP_NAME_FORMATS),
    ]
    return [f for f in failures if f is not None]


def to_dex(inputs: dict[str, Any]) -> dict[str, Any]:
    """The JSON document Dex's microsoft connector reads."""
    return document.props_to_dex(document.config_props(SPEC), inputs)


def from_dex(doc: dict[str, Any]) -> dict[str, Any]:
    """The typed inputs of a microsoft document; Misfit when it holds what we do not type."""
    return document.props_from_dex(document.config_props(SPEC), doc)
