"""Policies on secrets and upstream trust in clients and connectors.

A policy sees plain values and cannot tell whether a value is a Pulumi secret; the provider
schema marks client and connector secrets as secret, so they are encrypted in state either way.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Final
from urllib.parse import urlsplit

from pulumi_policy import (
    EnforcementLevel,
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
)

from policies.properties import flag, json_object, read, subject
from pulumi_dex.model.resources import RESOURCES

CLIENT_TYPE: Final = "dex:index:Client"
CONNECTOR_TYPE: Final = "dex:index:Connector"
LDAP_TYPE: Final = "dex:index:LdapConnector"
GITLAB_TYPE: Final = "dex:index:GitLabConnector"
LOOPBACK_HOSTS: Final = ("127.0.0.1", "::1")
# Every typed connector resource and its input properties, from the provider's own model.
TYPED_CONNECTOR_INPUTS: Final = {
    spec.token: tuple(prop.name for prop in spec.inputs)
    for spec in RESOURCES
    if spec.id_property == "connectorId" and spec.token != CONNECTOR_TYPE
}
DEFAULT_MIN_LENGTH: Final = 32
DEFAULT_MIN_ENTROPY_BITS: Final = 100

# Example secrets published in Dex's documentation and sample configs; copies of them are common.
DOCUMENTED_SECRETS: Final = frozenset(
    {"ZXhhbXBsZS1hcHAtc2VjcmV0", "example-app-secret", "app-secret", "secret", "changeme"}
)

# Dex runs os.ExpandEnv over its config file only, so these reach Dex verbatim through the API.
_PLACEHOLDER: Final = re.compile(r"\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)")

_REGENERATE: Final = "generate a random one, e.g. `openssl rand -base64 32`"


def entropy_bits(secret: str) -> float:
    """Estimate a secret's entropy from its own character frequencies (Shannon)."""
    counts = Counter(secret)
    per_char = -sum(n / len(secret) * math.log2(n / len(secret)) for n in counts.values())
    return per_char * len(secret)


def _number(value: float) -> str:
    # Pack config reaches policies through protobuf Structs, so an integer arrives as 32.0.
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def secret_problem(
    name: str,
    secret: Any,
    min_length: int = DEFAULT_MIN_LENGTH,
    min_entropy_bits: float = DEFAULT_MIN_ENTROPY_BITS,
    denied: Sequence[str] = (),
) -> str | None:
    """Return why a client secret is weak, without repeating it, or None when it is fine."""
    if not isinstance(secret, str) or not secret:
        return None

    who = subject(CLIENT_TYPE, name)
    if secret in DOCUMENTED_SECRETS or secret in denied:
        return f"{who}: secret is a published example or denied value; {_REGENERATE}."

    if len(secret) < min_length:
        return (
            f"{who}: secret has {len(secret)} characters, fewer than the {_number(min_length)} "
            f"required; {_REGENERATE}."
        )

    bits = entropy_bits(secret)
    if bits < min_entropy_bits:
        return (
            f"{who}: secret carries about {bits:.0f} bits of entropy, fewer than the "
            f"{_number(min_entropy_bits)} required; {_REGENERATE}."
        )

    return None


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")


def _placeholder_paths(resource_type: str, props: Mapping[str, Any]) -> list[str]:
    if resource_type == CONNECTOR_TYPE:
        found = list(_strings(json_object(read(props, "rawConfig")), "rawConfig"))
        found += _strings(read(props, "oidcConfig"), "oidcConfig")
    else:
        found = []
        for prop in TYPED_CONNECTOR_INPUTS.get(resource_type, ()):
            found += _strings(read(props, prop), prop)

    paths = [path for path, text in found if _PLACEHOLDER.search(text)]
    return list(dict.fromkeys(paths))


def placeholder_problems(
    name: str, props: Mapping[str, Any], resource_type: str = CONNECTOR_TYPE
) -> list[str]:
    """Return a message for each property of a connector that holds a $VAR or ${VAR} placeholder.

    The message names the property only: the value around the placeholder may be a secret.
    """
    return [
        f"{subject(resource_type, name)}: {path} holds a $VAR-style placeholder, which Dex "
        "expands only in its config file, never for connectors created through its API; pass "
        "the value itself, e.g. from pulumi.Config().require_secret()."
        for path in _placeholder_paths(resource_type, props)
    ]


def upstream_tls_problems(name: str, props: Mapping[str, Any]) -> list[str]:
    """Return a message for each setting that turns off TLS or its verification upstream."""
    who = subject(CONNECTOR_TYPE, name)
    raw = json_object(read(props, "rawConfig")) or {}
    oidc = read(props, "oidcConfig")
    problems = []

    if isinstance(oidc, dict) and flag(oidc.get("insecureSkipVerify")):
        problems.append(
            f"{who}: oidcConfig.insecureSkipVerify is true, so Dex accepts any certificate "
            "from the upstream provider; remove it and set oidcConfig.rootCas to the upstream's CA."
        )

    if flag(raw.get("insecureSkipVerify")):
        problems.append(
            f"{who}: rawConfig.insecureSkipVerify is true, so Dex accepts any certificate "
            "from the upstream server; remove it and set rootCAs (rootCA for LDAP) instead."
        )

    if flag(raw.get("insecureNoSSL")):
        problems.append(
            f"{who}: rawConfig.insecureNoSSL is true, so Dex sends bind credentials to the "
            "LDAP server in clear text; remove it and use ldaps (port 636) or startTLS."
        )

    return problems


def typed_upstream_tls_problems(
    resource_type: str, name: str, props: Mapping[str, Any]
) -> list[str]:
    """Return a message for each typed connector setting that turns off TLS upstream."""
    who = subject(resource_type, name)
    problems = []

    if resource_type == LDAP_TYPE and flag(read(props, "insecureSkipVerify")):
        problems.append(
            f"{who}: insecureSkipVerify is true, so Dex accepts any certificate from the LDAP "
            "server; remove it and set rootCaData to the server's CA."
        )

    if resource_type == LDAP_TYPE and flag(read(props, "insecureNoSsl")):
        problems.append(
            f"{who}: insecureNoSsl is true, so Dex sends bind credentials and user passwords to "
            "the LDAP server in clear text; remove it and use ldaps (port 636) or startTls."
        )

    base_url = read(props, "baseUrl")
    if resource_type == GITLAB_TYPE and isinstance(base_url, str):
        try:
            parts = urlsplit(base_url)
        except ValueError:
            parts = None
        if parts and parts.scheme == "http" and parts.hostname not in LOOPBACK_HOSTS:
            problems.append(
                f"{who}: baseUrl '{base_url}' uses http, so Dex fetches tokens from GitLab "
                "without TLS; use https."
            )

    return problems


def email_verification_problems(name: str, props: Mapping[str, Any]) -> list[str]:
    """Return a message when a generic connector trusts email addresses nobody verified."""
    oidc = read(props, "oidcConfig")
    raw = json_object(read(props, "rawConfig")) or {}
    paths = []

    if isinstance(oidc, dict) and flag(oidc.get("insecureSkipEmailVerified")):
        paths.append("oidcConfig.insecureSkipEmailVerified")
    if flag(raw.get("insecureSkipEmailVerified")):
        paths.append("rawConfig.insecureSkipEmailVerified")

    return [
        f"{subject(CONNECTOR_TYPE, name)}: {path} is true, so Dex trusts email addresses the "
        "upstream never verified and a user may claim someone else's; remove it, or use "
        "AzureOidcConnector for Entra ID, whose tokens carry no email_verified claim."
        for path in paths
    ]


def _validate_client_secret(args: ResourceValidationArgs, report: ReportViolation) -> None:
    if args.resource_type != CLIENT_TYPE:
        return

    config = args.get_config()
    problem = secret_problem(
        args.name,
        read(args.props, "secret"),
        min_length=config.get("minLength", DEFAULT_MIN_LENGTH),
        min_entropy_bits=config.get("minEntropyBits", DEFAULT_MIN_ENTROPY_BITS),
        denied=config.get("deniedSecrets", ()),
    )
    if problem:
        report(problem, None)


def _validate_upstream_tls(args: ResourceValidationArgs, report: ReportViolation) -> None:
    if args.resource_type == CONNECTOR_TYPE:
        messages = upstream_tls_problems(args.name, args.props)
    else:
        messages = typed_upstream_tls_problems(args.resource_type, args.name, args.props)
    for message in messages:
        report(message, None)


def _connector_check(
    check: Callable[[str, Mapping[str, Any]], list[str]],
) -> ResourceValidation:
    def validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
        if args.resource_type != CONNECTOR_TYPE:
            return
        for message in check(args.name, args.props):
            report(message, None)

    return validate


CLIENT_SECRET_STRENGTH = ResourceValidationPolicy(
    name="dex-client-secret-strength",
    description="Reject client secrets that are short, predictable or published examples.",
    enforcement_level=EnforcementLevel.MANDATORY,
    validate=_validate_client_secret,
    config_schema=PolicyConfigSchema(
        properties={
            "minLength": {"type": "integer", "minimum": 1, "default": DEFAULT_MIN_LENGTH},
            "minEntropyBits": {"type": "number", "minimum": 0, "default": DEFAULT_MIN_ENTROPY_BITS},
            "deniedSecrets": {
                "type": "array",
                "items": {"type": "string"},
                "default": [],
                "description": "Secrets to reject besides the examples from Dex's documentation.",
            },
        }
    ),
)


def _validate_placeholders(args: ResourceValidationArgs, report: ReportViolation) -> None:
    if args.resource_type != CONNECTOR_TYPE and args.resource_type not in TYPED_CONNECTOR_INPUTS:
        return

    for message in placeholder_problems(args.name, args.props, args.resource_type):
        report(message, None)


CONNECTOR_PLACEHOLDERS = ResourceValidationPolicy(
    name="dex-connector-no-env-placeholders",
    description="Reject $VAR placeholders in connector configs, which Dex never expands there.",
    enforcement_level=EnforcementLevel.MANDATORY,
    validate=_validate_placeholders,
)

CONNECTOR_UPSTREAM_TLS = ResourceValidationPolicy(
    name="dex-connector-upstream-tls",
    description="Require connectors to verify the TLS certificate of the upstream provider.",
    enforcement_level=EnforcementLevel.MANDATORY,
    validate=_validate_upstream_tls,
)

CONNECTOR_EMAIL_VERIFICATION = ResourceValidationPolicy(
    name="dex-connector-email-verification",
    description="Warn when a connector trusts email addresses the upstream did not verify.",
    enforcement_level=EnforcementLevel.ADVISORY,
    validate=_connector_check(email_verification_problems),
)

POLICIES: Final = [
    CLIENT_SECRET_STRENGTH,
    CONNECTOR_PLACEHOLDERS,
    CONNECTOR_UPSTREAM_TLS,
    CONNECTOR_EMAIL_VERIFICATION,
]
