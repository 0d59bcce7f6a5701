"""AWS Cognito user pools through Dex's oidc connector.

Settings chosen for Cognito, and why:
- issuer `https://cognito-idp.{region}.amazonaws.com/{userPoolId}`: the pool's own
  discovery document lives there.
- userNameKey from `userNameSource`, `cognito:username` by default: the one claim
  every pool user has (email and preferred_username are optional attributes).
- claimMapping.groups `cognito:groups` with insecureEnableGroups: Cognito puts group
  membership in that claim, not in `groups`.
- scopes openid, profile, email by default; Cognito tokens carry `email_verified`, so
  email verification stays on.
"""

from __future__ import annotations

import re
from typing import Any

from pulumi_dex.connectors import oidc_family
from pulumi_dex.connectors.oidc import Failure

DEFAULT_SCOPES = ["openid", "profile", "email"]
USER_NAME_SOURCES = ("cognito:username", "preferred_username", "email")
_REGION = re.compile(r"^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$")
_POOL = re.compile(r"^(?P<region>[a-z0-9-]+)_[A-Za-z0-9]+$")
_ISSUER = re.compile(
    r"^https://cognito-idp\.(?P<region>[a-z0-9-]+)\.amazonaws\.com/(?P<pool>[A-Za-z0-9_-]+)$"
)


def with_defaults(inputs: dict[str, Any]) -> dict[str, Any]:
    filled = dict(inputs)
    filled.setdefault("userNameSource", "cognito:username")
    if not filled.get("scopes"):
        filled["scopes"] = list(DEFAULT_SCOPES)
    return filled


def issuer(inputs: dict[str, Any]) -> str:
    return f"https://cognito-idp.{inputs['region']}.amazonaws.com/{inputs['userPoolId']}"


def check(inputs: dict[str, Any]) -> list[Failure]:
    failures: list[Failure] = []
    region, pool = inputs.get("region"), inputs.get("userPoolId")
    if isinstance(region, str) and not _REGION.match(region):
        failures.append(("region", f"region {region!r} is not an AWS region such as eu-west-1"))
    if isinstance(pool, str):
        match = _POOL.match(pool)
        if not match:
            failures.append(("userPoolId", f"userPoolId {pool!r} is not of the form <region>_<id>"))
        elif isinstance(region, str) and match["region"] != region:
            failures.append(
                (
                    "userPoolId",
                    f"userPoolId {pool!r} belongs to region {match['region']}, "
                    f"not {region}; fix region or userPoolId",
                )
            )
    source = inputs.get("userNameSource")
    if isinstance(source, str) and source not in USER_NAME_SOURCES:
        failures.append(("userNameSource", f"userNameSource must be one of {USER_NAME_SOURCES}"))
    return failures


def to_oidc(inputs: dict[str, Any]) -> dict[str, Any]:
    return {
        "issuer": issuer(inputs),
        "clientId": inputs["clientId"],
        "clientSecret": inputs["clientSecret"],
        "redirectUri": inputs["redirectUri"],
        "scopes": list(inputs["scopes"]),
        "userNameKey": inputs["userNameSource"],
        "insecureEnableGroups": True,
        "claimMapping": {"groups": "cognito:groups"},
    }


def from_oidc(oidc: dict[str, Any]) -> dict[str, Any] | None:
    """The inputs of an oidc config this connector would write, or None."""
    return oidc_family.typed_inputs(
        oidc,
        _ISSUER,
        lambda m: {"region": m["region"], "userPoolId": m["pool"]},
        with_defaults,
        to_oidc,
    )
