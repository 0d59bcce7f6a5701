"""Dex's ldap connector: an LDAP directory, with Dex's own username and password form.

rootCaData is PEM in the resource and base64 in Dex's document, because Dex's Config
declares it as []byte, which Go's JSON decoder reads as base64.
"""

from __future__ import annotations

from typing import Any

from pulumi_dex.connectors import document
from pulumi_dex.connectors.document import Failure
from pulumi_dex.model.connector_types import LDAP

TYPE = "ldap"
SPEC = LDAP
SCOPES = ("sub", "one")


def _tls_failures(inputs: dict[str, Any]) -> list[Failure | None]:
    failures: list[Failure | None] = [document.pem_failure("rootCaData", inputs.get("rootCaData"))]
    if inputs.get("insecureNoSsl") and inputs.get("startTls"):
        # Dex would silently connect without TLS: insecureNoSSL wins over startTLS.
        failures.append(
            (
                "startTls",
                "insecureNoSsl and startTls exclude each other; remove "
                "insecureNoSsl to upgrade the connection with StartTLS",
            )
        )
    if bool(inputs.get("clientCert")) != bool(inputs.get("clientKey")):
        # Dex uses a client certificate only when both paths are set, ignoring one alone.
        failures.append(("clientKey", "set both clientCert and clientKey, or neither"))
    return failures


def check(inputs: dict[str, Any]) -> list[Failure]:
    """What Dex would refuse when it opens the connector, or would silently ignore."""
    failures = _tls_failures(inputs)
    for block in ("userSearch", "groupSearch"):
        scope = (inputs.get(block) or {}).get("scope")
        failures.append(document.one_of(f"{block}.scope", scope, SCOPES))
    failures += document.nested_required(document.config_props(SPEC), inputs)
    return [f for f in failures if f is not None]


def to_dex(inputs: dict[str, Any]) -> dict[str, Any]:
    """The JSON document Dex's ldap connector reads."""
    return document.props_to_dex(document.config_props(SPEC), inputs)


def from_dex(doc: dict[str, Any]) -> dict[str, Any]:
    """The typed inputs of an ldap document; Misfit when it holds what we do not type."""
    return document.props_from_dex(document.config_props(SPEC), doc)
