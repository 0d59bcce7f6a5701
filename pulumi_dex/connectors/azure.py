"""Microsoft Entra ID (Azure AD) through Dex's oidc connector.

Settings chosen for Entra ID, and why:
- issuer `{authorityHost}/{tenantId}/v2.0`: the tenant-specific v2.0 endpoint, so only
  that tenant's users can log in (the `common` endpoint has no single issuer).
- insecureSkipEmailVerified: Entra ID tokens carry no `email_verified` claim, and Dex
  rejects a login whose email is not verified unless this is set.
- scopes openid, profile, email by default: enough for name and email claims.
- userNameKey from `userNameSource` (preferred_username by default; upn needs the
  optional claim configured in the app registration).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlparse

from pulumi_dex.connectors import oidc_family
from pulumi_dex.connectors.oidc import Failure

DEFAULT_AUTHORITY = "https://login.microsoftonline.com"
DEFAULT_SCOPES = ["openid", "profile", "email"]
USER_NAME_SOURCES = ("preferred_username", "upn", "email")
_GUID = re.compile(r"^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$")
_ISSUER = re.compile(r"^(?P<host>https?://.+?)/(?P<tenant>[0-9a-fA-F-]{36})/v2\.0/?$")


def with_defaults(inputs: dict[str, Any]) -> dict[str, Any]:
    """Inputs with every default spelled out, so state and Dex compare equal."""
    filled = dict(inputs)
    filled.setdefault("authorityHost", DEFAULT_AUTHORITY)
    filled.setdefault("userNameSource", "preferred_username")
    if not filled.get("scopes"):
        filled["scopes"] = list(DEFAULT_SCOPES)
    return filled


def _secure_or_loopback(url: str) -> bool:
    # Plain http only for an authority on this machine (tests, local emulators).
    parsed = urlparse(url)
    return parsed.scheme == "https" or parsed.hostname in ("127.0.0.1", "::1")


def issuer(inputs: dict[str, Any]) -> str:
    return f"{str(inputs['authorityHost']).rstrip('/')}/{inputs['tenantId']}/v2.0"


def check(inputs: dict[str, Any]) -> list[Failure]:
    failures: list[Failure] = []
    tenant = inputs.get("tenantId")
    if isinstance(tenant, str) and not _GUID.match(tenant):
        failures.append(
            (
                "tenantId",
                f"tenantId {tenant!r} is not a GUID; copy the Directory (tenant) ID "
                "from the app registration's overview in the Entra admin center",
            )
        )
    elif isinstance(tenant, str) and tenant != tenant.lower():
        # Entra ID writes the tenant in lowercase in its issuer, and Dex compares issuers
        # exactly, so an uppercase GUID would fail every login.
        failures.append(("tenantId", f"tenantId must be lowercase: {tenant.lower()!r}"))
    host = inputs.get("authorityHost")
    if isinstance(host, str) and not _secure_or_loopback(host):
        failures.append(("authorityHost", "authorityHost must be an https:// URL"))
    source = inputs.get("userNameSource")
    if isinstance(source, str) and source not in USER_NAME_SOURCES:
        failures.append(("userNameSource", f"userNameSource must be one of {USER_NAME_SOURCES}"))
    return failures


def to_oidc(inputs: dict[str, Any]) -> dict[str, Any]:
    """The generic oidc config this connector stands for."""
    return {
        "issuer": issuer(inputs),
        "clientId": inputs["clientId"],
        "clientSecret": inputs["clientSecret"],
        "redirectUri": inputs["redirectUri"],
        "scopes": list(inputs["scopes"]),
        "userNameKey": inputs["userNameSource"],
        "insecureSkipEmailVerified": True,
    }


def from_oidc(oidc: dict[str, Any]) -> dict[str, Any] | None:
    """The inputs of an oidc config this connector would write, or None."""
    return oidc_family.typed_inputs(
        oidc,
        _ISSUER,
        lambda m: {"authorityHost": m["host"], "tenantId": m["tenant"]},
        with_defaults,
        to_oidc,
    )
