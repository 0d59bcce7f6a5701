"""Typed connector configs map to Dex's JSON keys and back without loss."""

import pytest

from pulumi_dex.connectors import azure, cognito, oidc, raw

TENANT = "6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f"


def test_oidc_config_uses_the_json_keys_dex_reads():
    doc = oidc.to_dex(
        {
            "issuer": "https://idp.example.com",
            "clientId": "dex",
            "clientSecret": "s",
            "redirectUri": "https://dex.example.com/callback",
            "userIdKey": "sub",
            "rootCas": ["PEM"],
            "claimMapping": {"preferredUsername": "upn"},
            "providerDiscoveryOverrides": {"jwksUrl": "https://idp.example.com/keys"},
            "extra": {"futureKey": 1},
        }
    )
    assert doc == {
        "issuer": "https://idp.example.com",
        "clientID": "dex",
        "clientSecret": "s",
        "redirectURI": "https://dex.example.com/callback",
        "userIDKey": "sub",
        "rootCAs": ["PEM"],
        "claimMapping": {"preferred_username": "upn"},
        "providerDiscoveryOverrides": {"jwksURL": "https://idp.example.com/keys"},
        "futureKey": 1,
    }


def test_oidc_round_trip_keeps_unknown_keys_in_extra():
    doc = {"issuer": "https://i", "clientID": "c", "newThing": {"a": 1}}
    assert oidc.from_dex(doc) == {
        "issuer": "https://i",
        "clientId": "c",
        "extra": {"newThing": {"a": 1}},
    }
    assert oidc.to_dex(oidc.from_dex(doc)) == doc


def test_oidc_check_names_missing_and_malformed_fields():
    failures = oidc.check({"issuer": "not a url", "clientId": "c"})
    assert ("oidcConfig.clientSecret", "oidcConfig.clientSecret is required") in failures
    assert ("oidcConfig.issuer", "oidcConfig.issuer must be an absolute http(s) URL") in failures


def test_raw_config_error_names_line_and_column():
    with pytest.raises(raw.RawConfigError, match="line 2 column 1"):
        raw.parse('{"a": 1,\n}')
    with pytest.raises(raw.RawConfigError, match="must be a JSON object"):
        raw.parse("[1]")


def test_azure_issuer_and_defaults():
    inputs = azure.with_defaults(
        {
            "tenantId": TENANT,
            "clientId": "c",
            "clientSecret": "s",
            "redirectUri": "https://d/callback",
        }
    )
    oidc_config = azure.to_oidc(inputs)
    assert oidc_config["issuer"] == f"https://login.microsoftonline.com/{TENANT}/v2.0"
    assert oidc_config["insecureSkipEmailVerified"] is True
    assert azure.from_oidc(oidc_config) == {k: v for k, v in inputs.items()}


def test_azure_rejects_a_tenant_that_is_not_a_guid():
    [(prop, reason)] = azure.check({"tenantId": "contoso.onmicrosoft.com"})
    assert prop == "tenantId" and "not a GUID" in reason


def test_azure_sovereign_cloud_authority():
    inputs = azure.with_defaults(
        {"tenantId": TENANT, "authorityHost": "https://login.microsoftonline.us"}
    )
    assert azure.issuer(inputs) == f"https://login.microsoftonline.us/{TENANT}/v2.0"


def test_cognito_pool_must_match_region():
    failures = cognito.check({"region": "eu-west-1", "userPoolId": "us-east-1_AbC"})
    assert failures == [
        (
            "userPoolId",
            "userPoolId 'us-east-1_AbC' belongs to region us-east-1, "
            "not eu-west-1; fix region or userPoolId",
        )
    ]


def test_cognito_round_trip():
    inputs = cognito.with_defaults(
        {
            "region": "eu-west-1",
            "userPoolId": "eu-west-1_AbC",
            "clientId": "c",
            "clientSecret": "s",
            "redirectUri": "https://d/callback",
        }
    )
    oidc_config = cognito.to_oidc(inputs)
    assert oidc_config["issuer"] == "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC"
    assert cognito.from_oidc(oidc_config) == inputs


def test_a_config_the_typed_resource_cannot_express_is_not_claimed():
    inputs = azure.with_defaults(
        {"tenantId": TENANT, "clientId": "c", "clientSecret": "s", "redirectUri": "https://d/cb"}
    )
    changed_by_hand = {**azure.to_oidc(inputs), "insecureSkipEmailVerified": False}
    assert azure.from_oidc(changed_by_hand) is None
    with_extra = {
        **cognito.to_oidc(
            cognito.with_defaults(
                {
                    "region": "eu-west-1",
                    "userPoolId": "eu-west-1_AbC",
                    "clientId": "c",
                    "clientSecret": "s",
                    "redirectUri": "https://d/cb",
                }
            )
        ),
        "getUserInfo": True,
    }
    assert cognito.from_oidc(with_extra) is None
