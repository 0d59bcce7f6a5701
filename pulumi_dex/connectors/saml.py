"""Dex's saml connector: a SAML 2.0 identity provider.

caData is PEM in the resource and base64 in Dex's document, because Dex's Config
declares it as []byte, which Go's JSON decoder reads as base64.
"""

from __future__ import annotations

from typing import Any

from pulumi_dex.connectors import document
from pulumi_dex.connectors.document import Failure
from pulumi_dex.model.connector_types import SAML

TYPE = "saml"
SPEC = SAML
_NAME_ID_PREFIXES = (
    "urn:oasis:names:tc:SAML:1.1:nameid-format:",
    "urn:oasis:names:tc:SAML:2.0:nameid-format:",
)
# The formats Dex v2.41.1 knows, by the last part of their URN.
NAME_ID_FORMATS = {
    "emailAddress": _NAME_ID_PREFIXES[0],
    "unspecified": _NAME_ID_PREFIXES[0],
    "X509SubjectName": _NAME_ID_PREFIXES[0],
    "WindowsDomainQualifiedName": _NAME_ID_PREFIXES[0],
    "encrypted": _NAME_ID_PREFIXES[1],
    "entity": _NAME_ID_PREFIXES[1],
    "kerberos": _NAME_ID_PREFIXES[1],
    "persistent": _NAME_ID_PREFIXES[1],
    "transient": _NAME_ID_PREFIXES[1],
}


def _name_id_failure(value: Any) -> Failure | None:
    known = {*NAME_ID_FORMATS, *(prefix + name for name, prefix in NAME_ID_FORMATS.items())}
    if isinstance(value, str) and value not in known:
        return (
            "nameIdPolicyFormat",
            f"nameIdPolicyFormat {value!r} is not a NameID format "
            f"Dex knows; use one of {', '.join(NAME_ID_FORMATS)} or its full URN",
        )
    return None


def check(inputs: dict[str, Any]) -> list[Failure]:
    """What Dex would refuse when it opens the connector at a user's login."""
    failures = [
        document.url_failure("redirectUri", inputs.get("redirectUri"), callback=True),
        document.url_failure("ssoUrl", inputs.get("ssoUrl")),
        document.pem_failure("caData", inputs.get("caData")),
        _name_id_failure(inputs.get("nameIdPolicyFormat")),
    ]
    return [f for f in failures if f is not None]


def to_dex(inputs: dict[str, Any]) -> dict[str, Any]:
    """The JSON document Dex's saml connector reads."""
    return document.props_to_dex(document.config_props(SPEC), inputs)


def from_dex(doc: dict[str, Any]) -> dict[str, Any]:
    """The typed inputs of a saml document; Misfit when it holds what we do not type."""
    return document.props_from_dex(document.config_props(SPEC), doc)
