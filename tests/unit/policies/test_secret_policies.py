"""The secret and upstream-trust policies on clients and connectors."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pulumi_policy import EnforcementLevel
from pulumi_policy.proxy import UNKNOWN_OBJECT_VALUE, UNKNOWN_STRING_VALUE

from policies.secrets import (
    CLIENT_SECRET_STRENGTH,
    CONNECTOR_EMAIL_VERIFICATION,
    CONNECTOR_PLACEHOLDERS,
    CONNECTOR_UPSTREAM_TLS,
    entropy_bits,
)

CLIENT = "dex:index:Client"
CONNECTOR = "dex:index:Connector"
STRONG = "q7Vf2LxR9mKp4TzW8sYb3NcHj6DgEa1U"  # 32 distinct characters: 160 bits by estimate
REGENERATE = "generate a random one, e.g. `openssl rand -base64 32`."
OIDC: dict[str, Any] = {
    "issuer": "https://accounts.example.com",
    "clientId": "dex",
    "clientSecret": "upstream-secret-value",
    "redirectUri": "https://dex.example.com/callback",
}


def connector(**changes: Any) -> dict[str, Any]:
    """Return a compliant OIDC connector's inputs with some oidcConfig keys changed."""
    return {"connectorId": "corp", "type": "oidc", "oidcConfig": {**OIDC, **changes}}


def raw_connector(config: dict[str, Any], connector_type: str = "ldap") -> dict[str, Any]:
    """Return a connector configured through rawConfig, JSON-encoded as on the wire."""
    return {"connectorId": "corp", "type": connector_type, "rawConfig": json.dumps(config)}


def test_enforcement_levels() -> None:
    assert CLIENT_SECRET_STRENGTH.enforcement_level is EnforcementLevel.MANDATORY
    assert CONNECTOR_PLACEHOLDERS.enforcement_level is EnforcementLevel.MANDATORY
    assert CONNECTOR_UPSTREAM_TLS.enforcement_level is EnforcementLevel.MANDATORY
    assert CONNECTOR_EMAIL_VERIFICATION.enforcement_level is EnforcementLevel.ADVISORY


def test_strong_secret_passes(check: Any) -> None:
    assert check(CLIENT_SECRET_STRENGTH, CLIENT, {"clientId": "web", "secret": STRONG}) == []


@pytest.mark.parametrize("secret", ["ZXhhbXBsZS1hcHAtc2VjcmV0", "example-app-secret"])
def test_documented_example_secret_is_reported(check: Any, secret: str) -> None:
    assert check(CLIENT_SECRET_STRENGTH, CLIENT, {"secret": secret}, name="web") == [
        f"{CLIENT} 'web': secret is a published example or denied value; {REGENERATE}"
    ]


def test_configured_denied_secret_is_reported(check: Any) -> None:
    config = {"deniedSecrets": [STRONG]}

    assert check(CLIENT_SECRET_STRENGTH, CLIENT, {"secret": STRONG}, config=config) == [
        f"{CLIENT} 'main': secret is a published example or denied value; {REGENERATE}"
    ]


def test_short_secret_is_reported(check: Any) -> None:
    assert check(CLIENT_SECRET_STRENGTH, CLIENT, {"secret": STRONG[:20]}) == [
        f"{CLIENT} 'main': secret has 20 characters, fewer than the 32 required; {REGENERATE}"
    ]


def test_min_length_comes_from_the_pack_config(check: Any) -> None:
    config = {"minLength": 16, "minEntropyBits": 0}

    assert check(CLIENT_SECRET_STRENGTH, CLIENT, {"secret": STRONG[:20]}, config=config) == []


def test_low_entropy_secret_is_reported(check: Any) -> None:
    assert check(CLIENT_SECRET_STRENGTH, CLIENT, {"secret": "ab" * 20}) == [
        f"{CLIENT} 'main': secret carries about 40 bits of entropy, fewer than the 100 "
        f"required; {REGENERATE}"
    ]


def test_integer_settings_read_from_the_pack_config_print_without_a_fraction(
    check: Any,
) -> None:
    # The engine hands pack config over as protobuf numbers, so 32 arrives as 32.0.
    config = {"minLength": 32.0, "minEntropyBits": 100.0}

    assert check(CLIENT_SECRET_STRENGTH, CLIENT, {"secret": STRONG[:20]}, config=config) == [
        f"{CLIENT} 'main': secret has 20 characters, fewer than the 32 required; {REGENERATE}"
    ]
    assert check(CLIENT_SECRET_STRENGTH, CLIENT, {"secret": "ab" * 20}, config=config) == [
        f"{CLIENT} 'main': secret carries about 40 bits of entropy, fewer than the 100 "
        f"required; {REGENERATE}"
    ]


def test_min_entropy_comes_from_the_pack_config(check: Any) -> None:
    config = {"minEntropyBits": 200}

    [message] = check(CLIENT_SECRET_STRENGTH, CLIENT, {"secret": STRONG}, config=config)

    assert "about 160 bits of entropy, fewer than the 200 required" in message


def test_message_never_repeats_the_secret(check: Any) -> None:
    [message] = check(CLIENT_SECRET_STRENGTH, CLIENT, {"secret": "tooShortSecret"})

    assert "tooShortSecret" not in message


@pytest.mark.parametrize("secret", [None, UNKNOWN_STRING_VALUE])
def test_absent_or_unknown_secret_is_skipped(check: Any, secret: Any) -> None:
    props = {"public": True} if secret is None else {"secret": secret}

    assert check(CLIENT_SECRET_STRENGTH, CLIENT, props) == []


def test_entropy_estimate_counts_repeated_characters_once() -> None:
    assert entropy_bits("aaaa") == 0
    assert entropy_bits("abcd") == 8


def test_compliant_connector_passes_every_connector_policy(check: Any) -> None:
    for policy in (CONNECTOR_PLACEHOLDERS, CONNECTOR_UPSTREAM_TLS, CONNECTOR_EMAIL_VERIFICATION):
        assert check(policy, CONNECTOR, connector()) == []


@pytest.mark.parametrize("placeholder", ["$LDAP_PASSWORD", "${LDAP_PASSWORD}"])
def test_raw_config_placeholder_is_reported(check: Any, placeholder: str) -> None:
    props = raw_connector({"bindDN": "cn=dex", "bindPW": placeholder})

    assert check(CONNECTOR_PLACEHOLDERS, CONNECTOR, props, name="ldap") == [
        f"{CONNECTOR} 'ldap': rawConfig.bindPW holds a $VAR-style placeholder, which Dex "
        "expands only in its config file, never for connectors created through its API; "
        "pass the value itself, e.g. from pulumi.Config().require_secret()."
    ]


def test_nested_oidc_config_placeholder_is_reported(check: Any) -> None:
    props = connector(scopes=["openid", "$EXTRA_SCOPE"])

    [message] = check(CONNECTOR_PLACEHOLDERS, CONNECTOR, props)

    assert message.startswith(
        f"{CONNECTOR} 'main': oidcConfig.scopes[1] holds a $VAR-style placeholder,"
    )
    assert "EXTRA_SCOPE" not in message


def test_placeholder_message_quotes_no_part_of_the_secret(check: Any) -> None:
    props = raw_connector({"clientSecret": "Xy9$kLmN0pQrStUv_REALSECRET"}, "oidc")

    [message] = check(CONNECTOR_PLACEHOLDERS, CONNECTOR, props)

    assert message.startswith(f"{CONNECTOR} 'main': rawConfig.clientSecret holds a $VAR-style")
    assert "kLmN" not in message and "REALSECRET" not in message


def test_several_placeholders_in_one_value_are_reported_once(check: Any) -> None:
    props = raw_connector({"bindPW": "$A${B}$C"})

    assert len(check(CONNECTOR_PLACEHOLDERS, CONNECTOR, props)) == 1


def test_unknown_connector_config_is_skipped(check: Any) -> None:
    props = {"rawConfig": UNKNOWN_STRING_VALUE, "oidcConfig": UNKNOWN_OBJECT_VALUE}

    for policy in (CONNECTOR_PLACEHOLDERS, CONNECTOR_UPSTREAM_TLS, CONNECTOR_EMAIL_VERIFICATION):
        assert check(policy, CONNECTOR, props) == []


def test_oidc_insecure_skip_verify_is_reported(check: Any) -> None:
    assert check(CONNECTOR_UPSTREAM_TLS, CONNECTOR, connector(insecureSkipVerify=True)) == [
        f"{CONNECTOR} 'main': oidcConfig.insecureSkipVerify is true, so Dex accepts any "
        "certificate from the upstream provider; remove it and set oidcConfig.rootCas to the "
        "upstream's CA."
    ]


def test_raw_insecure_skip_verify_is_reported(check: Any) -> None:
    props = raw_connector({"host": "ldap.example.com:636", "insecureSkipVerify": True})

    assert check(CONNECTOR_UPSTREAM_TLS, CONNECTOR, props) == [
        f"{CONNECTOR} 'main': rawConfig.insecureSkipVerify is true, so Dex accepts any "
        "certificate from the upstream server; remove it and set rootCAs (rootCA for LDAP) "
        "instead."
    ]


def test_ldap_without_tls_is_reported(check: Any) -> None:
    props = raw_connector({"host": "ldap.example.com:389", "insecureNoSSL": True})

    assert check(CONNECTOR_UPSTREAM_TLS, CONNECTOR, props) == [
        f"{CONNECTOR} 'main': rawConfig.insecureNoSSL is true, so Dex sends bind credentials "
        "to the LDAP server in clear text; remove it and use ldaps (port 636) or startTLS."
    ]


def test_skipped_email_verification_is_advised(check: Any) -> None:
    props = connector(insecureSkipEmailVerified=True)

    assert check(CONNECTOR_EMAIL_VERIFICATION, CONNECTOR, props) == [
        f"{CONNECTOR} 'main': oidcConfig.insecureSkipEmailVerified is true, so Dex trusts email "
        "addresses the upstream never verified and a user may claim someone else's; remove it, "
        "or use AzureOidcConnector for Entra ID, whose tokens carry no email_verified claim."
    ]


def test_skipped_email_verification_in_raw_config_is_advised(check: Any) -> None:
    props = raw_connector({"insecureSkipEmailVerified": True}, connector_type="oidc")

    [message] = check(CONNECTOR_EMAIL_VERIFICATION, CONNECTOR, props)

    assert message.startswith(f"{CONNECTOR} 'main': rawConfig.insecureSkipEmailVerified is true")


def test_azure_connector_skips_email_verification_by_design(check: Any) -> None:
    props = {"connectorId": "entra", "tenantId": "t", "insecureSkipEmailVerified": True}

    assert check(CONNECTOR_EMAIL_VERIFICATION, "dex:index:AzureOidcConnector", props) == []


def test_secret_config_schema_defaults() -> None:
    assert CLIENT_SECRET_STRENGTH.config_schema is not None
    schema = CLIENT_SECRET_STRENGTH.config_schema.properties

    assert (schema["minLength"]["default"], schema["minEntropyBits"]["default"]) == (32, 100)
    assert schema["deniedSecrets"]["default"] == []
