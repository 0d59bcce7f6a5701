"""Connector checks that turn login-time failures into preview-time errors."""

from pulumi_dex.provider.handlers.connectors import AzureHandler, GenericConnectorHandler

generic = GenericConnectorHandler()
OIDC = {
    "issuer": "https://idp",
    "clientId": "c",
    "clientSecret": "s",
    "redirectUri": "https://dex/callback",
}


def _check(**inputs):
    base = {"connectorId": "up", "type": "oidc", "name": "Up"}
    return generic.check({}, {**base, **inputs}, b"")[1]


def test_both_or_neither_config_is_refused():
    message = [("oidcConfig", "set exactly one of oidcConfig and rawConfig")]
    assert _check() == message
    assert _check(oidcConfig=OIDC, rawConfig="{}") == message


def test_oidc_config_needs_type_oidc():
    failures = generic.check(
        {}, {"connectorId": "gh", "type": "github", "name": "GH", "oidcConfig": OIDC}, b""
    )[1]
    assert failures == [
        (
            "oidcConfig",
            "oidcConfig needs type 'oidc', not 'github'; use rawConfig for other connector types",
        )
    ]


def test_malformed_raw_config_reports_its_position():
    assert _check(rawConfig='{"clientID": "x",,}') == [
        (
            "rawConfig",
            "rawConfig is not valid JSON: Expecting property name enclosed in double "
            "quotes at line 1 column 18",
        )
    ]


def test_changing_tenant_replaces_an_azure_connector():
    olds = {"connectorId": "az", "name": "A", "tenantId": "6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f"}
    news = {**olds, "tenantId": "7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f"}
    assert AzureHandler().diff(olds, news).replaces == ["tenantId"]


def test_renaming_a_connector_is_in_place():
    olds = {"connectorId": "up", "type": "oidc", "name": "Up", "oidcConfig": OIDC}
    assert generic.diff(olds, {**olds, "name": "Upstream"}).replaces == []
