"""Policies on the redirect URIs of clients and the callback URIs of connectors."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final
from urllib.parse import SplitResult, urlsplit

from pulumi_policy import (
    EnforcementLevel,
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
)

from policies.properties import UNKNOWN, flag, json_object, read, subject

CLIENT_TYPE: Final = "dex:index:Client"
CONNECTOR_TYPE: Final = "dex:index:Connector"
# Typed connectors with a top-level redirectUri (LdapConnector has none: Dex shows its own form).
TYPED_CONNECTOR_TYPES: Final = (
    "dex:index:AzureOidcConnector",
    "dex:index:CognitoOidcConnector",
    "dex:index:GitHubConnector",
    "dex:index:GitLabConnector",
    "dex:index:GoogleConnector",
    "dex:index:MicrosoftConnector",
    "dex:index:SamlConnector",
)
LOOPBACK_IPS: Final = ("127.0.0.1", "::1")


def _shown(uri: str) -> str:
    # User info may hold a password; a violation message must not repeat it.
    parts = urlsplit(uri)
    if "@" not in parts.netloc:
        return uri
    return parts._replace(netloc="***@" + parts.netloc.rsplit("@", 1)[1]).geturl()


def _secret_path(path: str) -> bool:
    # rawConfig is a secret as a whole, so nothing read from it may appear in a message.
    return path.startswith("rawConfig")


def _named(path: str, uri: str) -> str:
    """The property path, followed by the URI unless the URI sits inside a secret."""
    return path if _secret_path(path) else f"{path} '{_shown(uri)}'"


def _scheme_problem(parts: SplitResult, private_schemes: bool, reveal: bool) -> str | None:
    if parts.scheme == "https":
        return None

    if parts.scheme == "http":
        if parts.hostname in LOOPBACK_IPS:
            return None
        host = f"host '{parts.hostname}'" if reveal else "a host that is not a loopback address"
        return (
            f"uses http for {host}; use https, or http://127.0.0.1 or "
            "http://[::1] for a native app's loopback listener"
        )

    if not private_schemes:
        scheme = f"the scheme '{parts.scheme}'" if reveal else "a scheme other than http(s)"
        return f"uses {scheme}, which only public (native) clients may use; use https"

    if "." not in parts.scheme or "" in parts.scheme.split("."):
        return (
            f"uses the private-use scheme '{parts.scheme}', which is not a reverse domain name "
            "(RFC 8252 §7.1); use a scheme such as com.example.app"
        )

    return None


def uri_problem(uri: str, private_schemes: bool, reveal: bool = True) -> str | None:
    """Say what is wrong with a redirect URI and how to fix it, or None when it is fine.

    With `reveal` false the answer quotes no part of the URI, for URIs kept in a secret.
    """
    if "*" in uri:
        return "contains a wildcard, but Dex compares redirect URIs exactly; list each URI in full"

    try:
        parts = urlsplit(uri)
        parts.port  # noqa: B018 - parsing the port raises on a malformed authority
    except ValueError:
        return (
            "is not a valid URI; give scheme, host and path, e.g. https://app.example.com/callback"
        )

    web = parts.scheme in ("http", "https")
    if not parts.scheme or (web and not parts.hostname):
        return "is not absolute; give scheme, host and path, e.g. https://app.example.com/callback"

    if "#" in uri:
        return "has a fragment, which RFC 6749 §3.1.2 forbids; remove the part from '#'"

    if "@" in parts.netloc:
        return "carries user info before '@'; remove it, Dex would send it on every redirect"

    return _scheme_problem(parts, private_schemes, reveal)


def client_problems(name: str, props: Mapping[str, Any]) -> list[str]:
    """Return a message for each bad redirect URI of a client, and for a public client with none."""
    who = subject(CLIENT_TYPE, name)
    uris = read(props, "redirectUris")
    public = read(props, "public")
    is_public = flag(public)
    if uris is UNKNOWN:
        return []

    uris = uris or []
    if is_public and not uris:
        return [
            f"{who}: public is true but redirectUris is empty; list at least one redirect URI, "
            "e.g. http://127.0.0.1/callback for a native app."
        ]

    # While public is unknown, allow private-use schemes rather than report a false violation.
    private_schemes = is_public is True or public is UNKNOWN
    problems = []
    for index, uri in enumerate(uris):
        if not isinstance(uri, str):
            continue
        problem = uri_problem(uri, private_schemes)
        if problem:
            problems.append(f"{who}: redirectUris[{index}] '{_shown(uri)}' {problem}.")
    return problems


def connector_redirect_uri(resource_type: str, props: Mapping[str, Any]) -> tuple[str, Any]:
    """Return the property path and value of a connector's redirect URI, in any connector type."""
    if resource_type in TYPED_CONNECTOR_TYPES:
        return "redirectUri", read(props, "redirectUri")

    oidc = read(props, "oidcConfig")
    if isinstance(oidc, dict) and oidc.get("redirectUri") is not None:
        return "oidcConfig.redirectUri", oidc["redirectUri"]

    raw = json_object(read(props, "rawConfig")) or {}
    return "rawConfig.redirectURI", raw.get("redirectURI")


def connector_problem(uri: str, issuer: str | None, reveal: bool = True) -> str | None:
    """Say what is wrong with a connector's callback URI, or None when it is fine."""
    problem = uri_problem(uri, private_schemes=False, reveal=reveal)
    if problem:
        return problem

    if issuer:
        expected = issuer.rstrip("/") + "/callback"
        if uri != expected:
            return f"is not {expected}, the callback of the configured Dex issuer; set it to that"
        return None

    if not urlsplit(uri).path.endswith("/callback"):
        return "does not end in /callback, Dex's callback path; set it to {issuer}/callback"

    return None


def _validate_clients(args: ResourceValidationArgs, report: ReportViolation) -> None:
    if args.resource_type != CLIENT_TYPE:
        return

    for message in client_problems(args.name, args.props):
        report(message, None)


def _validate_connectors(args: ResourceValidationArgs, report: ReportViolation) -> None:
    if args.resource_type not in (CONNECTOR_TYPE, *TYPED_CONNECTOR_TYPES):
        return

    path, uri = connector_redirect_uri(args.resource_type, args.props)
    if not isinstance(uri, str):
        return

    problem = connector_problem(uri, args.get_config().get("issuer"), not _secret_path(path))
    if problem:
        report(f"{subject(args.resource_type, args.name)}: {_named(path, uri)} {problem}.", None)


def _localhost_uris(args: ResourceValidationArgs) -> list[tuple[str, str]]:
    if args.resource_type == CLIENT_TYPE:
        uris = read(args.props, "redirectUris")
        listed = uris if isinstance(uris, list) else []
        return [(f"redirectUris[{i}]", uri) for i, uri in enumerate(listed)]

    if args.resource_type in (CONNECTOR_TYPE, *TYPED_CONNECTOR_TYPES):
        return [connector_redirect_uri(args.resource_type, args.props)]

    return []


def _validate_localhost(args: ResourceValidationArgs, report: ReportViolation) -> None:
    for path, uri in _localhost_uris(args):
        if not isinstance(uri, str):
            continue
        try:
            host = urlsplit(uri).hostname
        except ValueError:
            continue
        if host == "localhost":
            report(
                f"{subject(args.resource_type, args.name)}: {_named(path, uri)} uses the name "
                "localhost, which may resolve off the loopback interface (RFC 8252 §8.3); "
                "use 127.0.0.1 or [::1].",
                None,
            )


CLIENT_REDIRECT_URIS = ResourceValidationPolicy(
    name="dex-client-redirect-uris",
    description="Require exact, absolute, HTTPS or loopback redirect URIs on every client.",
    enforcement_level=EnforcementLevel.MANDATORY,
    validate=_validate_clients,
)

CONNECTOR_REDIRECT_URI = ResourceValidationPolicy(
    name="dex-connector-redirect-uri",
    description="Require every connector's redirect URI to be Dex's own HTTPS callback.",
    enforcement_level=EnforcementLevel.MANDATORY,
    validate=_validate_connectors,
    config_schema=PolicyConfigSchema(
        properties={
            "issuer": {
                "type": "string",
                "description": "Dex's issuer URL; connectors must then use {issuer}/callback.",
            }
        }
    ),
)

LOCALHOST_REDIRECT_URIS = ResourceValidationPolicy(
    name="dex-redirect-uri-localhost",
    description="Warn when a redirect URI names localhost instead of a loopback IP address.",
    enforcement_level=EnforcementLevel.ADVISORY,
    validate=_validate_localhost,
)

POLICIES: Final = [CLIENT_REDIRECT_URIS, CONNECTOR_REDIRECT_URI, LOCALHOST_REDIRECT_URIS]
