"""Dex's google connector: Google accounts and Workspace domains.

Dex opens this connector by fetching Google's discovery document, so the connector
can be created offline but a login needs Dex to reach accounts.google.com.
"""

from __future__ import annotations

from typing import Any

from pulumi_dex.connectors import document
from pulumi_dex.connectors.document import Failure
from pulumi_dex.model.connector_types import GOOGLE

TYPE = "google"
SPEC = GOOGLE


def check(inputs: dict[str, Any]) -> list[Failure]:
    """What Dex would refuse when it opens the connector at a user's login."""
    failures: list[Failure | None] = [
        document.url_failure("redirectUri", inputs.get("redirectUri"), callback=True),
    ]
    has_admin = bool(inputs.get("adminEmail") or inputs.get("domainToAdminEmail"))
    if inputs.get("serviceAccountFilePath") and not has_admin:
        failures.append(
            (
                "serviceAccountFilePath",
                "serviceAccountFilePath needs the admin "
                "the service account acts as; set domainToAdminEmail",
            )
        )
    return [f for f in failures if f is not None]


def to_dex(inputs: dict[str, Any]) -> dict[str, Any]:
    """The JSON document Dex's google connector reads."""
    return document.props_to_dex(document.config_props(SPEC), inputs)


def from_dex(doc: dict[str, Any]) -> dict[str, Any]:
    """The typed inputs of a google document; Misfit when it holds what we do not type."""
    return document.props_from_dex(document.config_props(SPEC), doc)
