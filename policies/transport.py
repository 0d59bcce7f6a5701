"""Policies on how the Dex provider reaches Dex's gRPC API: TLS, its verification, mTLS."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final
from urllib.parse import urlsplit

from pulumi_policy import (
    EnforcementLevel,
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
)

from policies.properties import UNKNOWN, flag, read, subject

PROVIDER_TYPE: Final = "pulumi:providers:dex"
DEFAULT_HOSTS_WITHOUT_CLIENT_CERTIFICATE: Final = ("127.0.0.1", "::1", "localhost")


def tls_problems(name: str, props: Mapping[str, Any]) -> list[str]:
    """Return a message for each setting that turns off TLS or its verification."""
    who = subject(PROVIDER_TYPE, name)
    problems = []

    if flag(read(props, "insecure")):
        problems.append(
            f"{who}: insecure is true, so the provider sends credentials to Dex without TLS; "
            "remove insecure and set caCert (or dex:caCert) to the CA of Dex's gRPC certificate."
        )

    if flag(read(props, "insecureSkipVerify")):
        problems.append(
            f"{who}: insecureSkipVerify is true, so the provider accepts any certificate for Dex; "
            "remove insecureSkipVerify and set caCert (or dex:caCert) to the CA that signed it."
        )

    return problems


def host_name(host: str) -> str:
    """Return the lower-case host name of a Dex address such as 'dex:5557' or '[::1]:5557'."""
    try:
        parsed = urlsplit(f"//{host.strip()}").hostname
    except ValueError:
        parsed = None
    return (parsed or host.strip()).lower()


def client_certificate_problems(
    name: str, props: Mapping[str, Any], exempt_hosts: Sequence[str]
) -> list[str]:
    """Return a message when the provider reaches a non-exempt host without a client certificate."""
    host = read(props, "host")
    if host is UNKNOWN:
        return []

    if isinstance(host, str) and host_name(host) in {host_name(h) for h in exempt_hosts}:
        return []

    missing = [key for key in ("clientCert", "clientKey") if read(props, key) in (None, "")]
    if not missing:
        return []

    where = f"host '{host}'" if isinstance(host, str) else "its host"
    verb = "are" if len(missing) > 1 else "is"
    return [
        f"{subject(PROVIDER_TYPE, name)}: {' and '.join(missing)} {verb} not set, so the provider "
        f"reaches {where} without a client certificate (mTLS); set clientCert and clientKey "
        "(or dex:clientCert and dex:clientKey), or list the host in hostsWithoutClientCertificate."
    ]


def _validate_tls(args: ResourceValidationArgs, report: ReportViolation) -> None:
    if args.resource_type != PROVIDER_TYPE:
        return

    for message in tls_problems(args.name, args.props):
        report(message, None)


def _validate_client_certificate(args: ResourceValidationArgs, report: ReportViolation) -> None:
    if args.resource_type != PROVIDER_TYPE:
        return

    config = args.get_config()
    exempt = config.get("hostsWithoutClientCertificate", DEFAULT_HOSTS_WITHOUT_CLIENT_CERTIFICATE)
    for message in client_certificate_problems(args.name, args.props, exempt):
        report(message, None)


VERIFIED_TLS = ResourceValidationPolicy(
    name="dex-provider-verified-tls",
    description="Require every Dex provider to use TLS and to verify Dex's certificate.",
    enforcement_level=EnforcementLevel.MANDATORY,
    validate=_validate_tls,
)

CLIENT_CERTIFICATE = ResourceValidationPolicy(
    name="dex-provider-client-certificate",
    description="Require a client certificate on every Dex provider outside the exempt hosts.",
    enforcement_level=EnforcementLevel.MANDATORY,
    validate=_validate_client_certificate,
    config_schema=PolicyConfigSchema(
        properties={
            "hostsWithoutClientCertificate": {
                "type": "array",
                "items": {"type": "string"},
                "default": list(DEFAULT_HOSTS_WITHOUT_CLIENT_CERTIFICATE),
                "description": "Dex host names (no port) the provider may reach without mTLS.",
            }
        }
    ),
)

POLICIES: Final = [VERIFIED_TLS, CLIENT_CERTIFICATE]
