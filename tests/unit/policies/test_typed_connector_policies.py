"""The redirect-URI and upstream-TLS policies cover the typed connectors of Dex's own types."""

from __future__ import annotations

from typing import Any

import pytest

from policies.redirect_uris import CONNECTOR_REDIRECT_URI, LOCALHOST_REDIRECT_URIS
from policies.secrets import CONNECTOR_PLACEHOLDERS, CONNECTOR_UPSTREAM_TLS

WITH_REDIRECT = [
    "dex:index:GitHubConnector",
    "dex:index:GitLabConnector",
    "dex:index:GoogleConnector",
    "dex:index:MicrosoftConnector",
    "dex:index:SamlConnector",
]
LDAP = "dex:index:LdapConnector"
GITLAB = "dex:index:GitLabConnector"


@pytest.mark.parametrize("resource_type", WITH_REDIRECT)
def test_http_redirect_uri_of_a_typed_connector_is_reported(check: Any, resource_type: str):
    props = {"connectorId": "c", "redirectUri": "http://dex.example.com/callback"}

    assert check(CONNECTOR_REDIRECT_URI, resource_type, props) == [
        f"{resource_type} 'main': redirectUri 'http://dex.example.com/callback' uses http for "
        "host 'dex.example.com'; use https, or http://127.0.0.1 or http://[::1] for a native "
        "app's loopback listener."
    ]


@pytest.mark.parametrize("resource_type", WITH_REDIRECT)
def test_redirect_uri_must_be_the_configured_issuers_callback(check: Any, resource_type: str):
    props = {"redirectUri": "https://dex.example.com/other/callback"}
    config = {"issuer": "https://dex.example.com/dex"}

    assert check(CONNECTOR_REDIRECT_URI, resource_type, props, config=config) == [
        f"{resource_type} 'main': redirectUri 'https://dex.example.com/other/callback' is not "
        "https://dex.example.com/dex/callback, the callback of the configured Dex issuer; "
        "set it to that."
    ]


def test_localhost_redirect_of_a_typed_connector_is_advised_against(check: Any):
    props = {"redirectUri": "http://localhost:5556/callback"}

    assert len(check(LOCALHOST_REDIRECT_URIS, "dex:index:GitHubConnector", props)) == 1


def test_ldap_without_tls_is_reported(check: Any):
    props = {"host": "ldap.example.com", "insecureNoSsl": True, "insecureSkipVerify": True}

    assert check(CONNECTOR_UPSTREAM_TLS, LDAP, props) == [
        f"{LDAP} 'main': insecureSkipVerify is true, so Dex accepts any certificate from the "
        "LDAP server; remove it and set rootCaData to the server's CA.",
        f"{LDAP} 'main': insecureNoSsl is true, so Dex sends bind credentials and user "
        "passwords to the LDAP server in clear text; remove it and use ldaps (port 636) or "
        "startTls.",
    ]


def test_ldap_with_start_tls_passes(check: Any):
    assert check(CONNECTOR_UPSTREAM_TLS, LDAP, {"host": "ldap", "startTls": True}) == []


def test_gitlab_over_http_is_reported_unless_on_loopback(check: Any):
    assert check(CONNECTOR_UPSTREAM_TLS, GITLAB, {"baseUrl": "http://gitlab.corp"}) == [
        f"{GITLAB} 'main': baseUrl 'http://gitlab.corp' uses http, so Dex fetches tokens "
        "from GitLab without TLS; use https."
    ]
    assert check(CONNECTOR_UPSTREAM_TLS, GITLAB, {"baseUrl": "http://127.0.0.1:8080"}) == []


def test_placeholder_in_a_typed_connectors_secret_is_reported_without_its_value(check: Any):
    props = {"connectorId": "corp", "host": "ldap:636", "bindPw": "hunter2${PW_TAIL}"}

    assert check(CONNECTOR_PLACEHOLDERS, LDAP, props) == [
        f"{LDAP} 'main': bindPw holds a $VAR-style placeholder, which Dex expands only in its "
        "config file, never for connectors created through its API; pass the value itself, "
        "e.g. from pulumi.Config().require_secret()."
    ]


@pytest.mark.parametrize(
    ("resource_type", "props", "path"),
    [
        ("dex:index:GitHubConnector", {"clientSecret": "$GH_SECRET"}, "clientSecret"),
        ("dex:index:GitHubConnector", {"orgs": [{"name": "${ORG}"}]}, "orgs[0].name"),
        (LDAP, {"userSearch": {"baseDn": "ou=$OU"}}, "userSearch.baseDn"),
        ("dex:index:AzureOidcConnector", {"tenantId": "${TENANT}"}, "tenantId"),
    ],
)
def test_placeholders_anywhere_in_typed_connector_inputs_are_reported(
    check: Any, resource_type: str, props: dict[str, Any], path: str
):
    [message] = check(CONNECTOR_PLACEHOLDERS, resource_type, props)

    assert message.startswith(f"{resource_type} 'main': {path} holds a $VAR-style placeholder")


def test_typed_connector_without_placeholders_passes(check: Any):
    props = {"connectorId": "gh", "clientSecret": "plain-Secret-1", "redirectUri": "https://d/cb"}

    assert check(CONNECTOR_PLACEHOLDERS, "dex:index:GitHubConnector", props) == []
