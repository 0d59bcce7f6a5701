"""Dex's gitlab connector: GitLab.com or a self-managed GitLab."""

from __future__ import annotations

from typing import Any

from pulumi_dex.connectors import document
from pulumi_dex.connectors.document import Failure
from pulumi_dex.model.connector_types import GITLAB

TYPE = "gitlab"
SPEC = GITLAB


def check(inputs: dict[str, Any]) -> list[Failure]:
    """What is certain to fail at a user's login."""
    failures = [
        document.url_failure("redirectUri", inputs.get("redirectUri"), callback=True),
        document.url_failure("baseUrl", inputs.get("baseUrl")),
    ]
    return [f for f in failures if f is not None]


def to_dex(inputs: dict[str, Any]) -> dict[str, Any]:
    """The JSON document Dex's gitlab connector reads."""
    return document.props_to_dex(document.config_props(SPEC), inputs)


def from_dex(doc: dict[str, Any]) -> dict[str, Any]:
    """The typed inputs of a gitlab document; Misfit when it holds what we do not type."""
    return document.props_from_dex(document.config_props(SPEC), doc)
