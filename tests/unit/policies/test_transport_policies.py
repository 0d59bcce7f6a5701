"""The provider transport policies: TLS with verification, and a client certificate."""

from __future__ import annotations

from typing import Any

import pytest
from pulumi_policy import EnforcementLevel
from pulumi_policy.proxy import UNKNOWN_STRING_VALUE

from policies.transport import CLIENT_CERTIFICATE, VERIFIED_TLS

PROVIDER = "pulumi:providers:dex"
WHO = "pulumi:providers:dex 'default_0_1_0'"
COMPLIANT: dict[str, Any] = {
    "host": "dex.example.com:5557",
    "caCert": "-----BEGIN CERTIFICATE-----",
    "clientCert": "-----BEGIN CERTIFICATE-----",
    "clientKey": "-----BEGIN PRIVATE KEY-----",
    "insecure": "false",
}


def test_both_policies_are_mandatory() -> None:
    assert VERIFIED_TLS.enforcement_level is EnforcementLevel.MANDATORY
    assert CLIENT_CERTIFICATE.enforcement_level is EnforcementLevel.MANDATORY


@pytest.mark.parametrize("policy", [VERIFIED_TLS, CLIENT_CERTIFICATE])
def test_compliant_provider_passes(check: Any, policy: Any) -> None:
    assert check(policy, PROVIDER, COMPLIANT, name="default_0_1_0") == []


@pytest.mark.parametrize("value", [True, "true", "True"])
def test_insecure_in_any_encoding_is_reported(check: Any, value: Any) -> None:
    props = {**COMPLIANT, "insecure": value}

    assert check(VERIFIED_TLS, PROVIDER, props, name="default_0_1_0") == [
        f"{WHO}: insecure is true, so the provider sends credentials to Dex without TLS; "
        "remove insecure and set caCert (or dex:caCert) to the CA of Dex's gRPC certificate."
    ]


def test_insecure_skip_verify_is_reported(check: Any) -> None:
    props = {**COMPLIANT, "insecureSkipVerify": "true"}

    assert check(VERIFIED_TLS, PROVIDER, props, name="default_0_1_0") == [
        f"{WHO}: insecureSkipVerify is true, so the provider accepts any certificate for Dex; "
        "remove insecureSkipVerify and set caCert (or dex:caCert) to the CA that signed it."
    ]


def test_unknown_insecure_is_skipped(check: Any) -> None:
    props = {**COMPLIANT, "insecure": UNKNOWN_STRING_VALUE}

    assert check(VERIFIED_TLS, PROVIDER, props) == []


def test_other_resource_types_are_ignored(check: Any) -> None:
    assert check(VERIFIED_TLS, "dex:index:Client", {"insecure": True}) == []


def test_missing_client_certificate_is_reported(check: Any) -> None:
    props = {key: v for key, v in COMPLIANT.items() if key not in ("clientCert", "clientKey")}

    assert check(CLIENT_CERTIFICATE, PROVIDER, props, name="default_0_1_0") == [
        f"{WHO}: clientCert and clientKey are not set, so the provider reaches host "
        "'dex.example.com:5557' without a client certificate (mTLS); set clientCert and "
        "clientKey (or dex:clientCert and dex:clientKey), or list the host in "
        "hostsWithoutClientCertificate."
    ]


def test_missing_client_key_alone_is_reported(check: Any) -> None:
    props = {**COMPLIANT, "clientKey": ""}

    [message] = check(CLIENT_CERTIFICATE, PROVIDER, props)

    assert message.startswith(f"{PROVIDER} 'main': clientKey is not set, so the provider")


@pytest.mark.parametrize("host", ["127.0.0.1:5557", "[::1]:5557", "LOCALHOST:5557"])
def test_loopback_hosts_need_no_client_certificate_by_default(check: Any, host: str) -> None:
    assert check(CLIENT_CERTIFICATE, PROVIDER, {"host": host}) == []


def test_exempt_hosts_come_from_the_pack_config(check: Any) -> None:
    config = {"hostsWithoutClientCertificate": ["dex.internal"]}

    assert check(CLIENT_CERTIFICATE, PROVIDER, {"host": "dex.internal:5557"}, config=config) == []
    assert len(check(CLIENT_CERTIFICATE, PROVIDER, {"host": "127.0.0.1:5557"}, config=config)) == 1


def test_unknown_client_certificate_is_skipped(check: Any) -> None:
    props = {**COMPLIANT, "clientCert": UNKNOWN_STRING_VALUE, "clientKey": UNKNOWN_STRING_VALUE}

    assert check(CLIENT_CERTIFICATE, PROVIDER, props) == []


def test_unknown_host_is_skipped(check: Any) -> None:
    assert check(CLIENT_CERTIFICATE, PROVIDER, {"host": UNKNOWN_STRING_VALUE}) == []


def test_absent_host_still_needs_a_client_certificate(check: Any) -> None:
    [message] = check(CLIENT_CERTIFICATE, PROVIDER, {})

    assert "reaches its host without a client certificate" in message


def test_config_schema_defaults_to_loopback_hosts() -> None:
    assert CLIENT_CERTIFICATE.config_schema is not None
    schema = CLIENT_CERTIFICATE.config_schema.properties["hostsWithoutClientCertificate"]

    assert schema["default"] == ["127.0.0.1", "::1", "localhost"]
