"""Dex's github connector: GitHub.com and GitHub Enterprise."""

from __future__ import annotations

from typing import Any

from pulumi_dex.connectors import document
from pulumi_dex.connectors.document import Failure
from pulumi_dex.model.connector_types import GITHUB

TYPE = "github"
SPEC = GITHUB
TEAM_NAME_FIELDS = ("name", "slug", "both")


def check(inputs: dict[str, Any]) -> list[Failure]:
    """What Dex would refuse when it opens the connector at a user's login."""
    failures = [
        document.url_failure("redirectUri", inputs.get("redirectUri"), callback=True),
        document.one_of("teamNameField", inputs.get("teamNameField"), TEAM_NAME_FIELDS),
    ]
    host = inputs.get("hostName")
    if isinstance(host, str) and "/" in host:
        failures.append(
            (
                "hostName",
                f"hostName {host!r} must be a bare host name such as "
                "github.example.com, without scheme or path",
            )
        )
    if inputs.get("rootCa") and not host:
        failures.append(
            (
                "rootCa",
                "rootCa needs hostName: it is the CA of a GitHub "
                "Enterprise server; set hostName or remove rootCa",
            )
        )
    domain = inputs.get("preferredEmailDomain")
    if isinstance(domain, str) and domain.endswith("*"):
        failures.append(
            (
                "preferredEmailDomain",
                "preferredEmailDomain may not end in '*'; "
                "Dex allows a wildcard only at the start, e.g. *.example.com",
            )
        )
    return [f for f in failures if f is not None]


def to_dex(inputs: dict[str, Any]) -> dict[str, Any]:
    """The JSON document Dex's github connector reads."""
    return document.props_to_dex(document.config_props(SPEC), inputs)


def from_dex(doc: dict[str, Any]) -> dict[str, Any]:
    """The typed inputs of a github document; Misfit when it holds what we do not type."""
    return document.props_from_dex(document.config_props(SPEC), doc)
