"""The redirect URI policies on clients and connectors."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pulumi_policy import EnforcementLevel
from pulumi_policy.proxy import UNKNOWN_ARRAY_VALUE, UNKNOWN_BOOLEAN_VALUE, UNKNOWN_STRING_VALUE

from policies.redirect_uris import (
    CLIENT_REDIRECT_URIS,
    CONNECTOR_REDIRECT_URI,
    LOCALHOST_REDIRECT_URIS,
)

CLIENT = "dex:index:Client"
CONNECTOR = "dex:index:Connector"
AZURE = "dex:index:AzureOidcConnector"
COGNITO = "dex:index:CognitoOidcConnector"
ABSOLUTE = "give scheme, host and path, e.g. https://app.example.com/callback"


def client(*uris: str, public: Any = False) -> dict[str, Any]:
    """Return a client's inputs with the given redirect URIs."""
    return {"clientId": "web", "public": public, "redirectUris": list(uris)}


def client_messages(check: Any, uri: str, public: Any = False) -> list[str]:
    """Run the client policy on a client whose only redirect URI is uri."""
    messages: list[str] = check(
        CLIENT_REDIRECT_URIS, CLIENT, client(uri, public=public), name="web"
    )
    return messages


def test_enforcement_levels() -> None:
    assert CLIENT_REDIRECT_URIS.enforcement_level is EnforcementLevel.MANDATORY
    assert CONNECTOR_REDIRECT_URI.enforcement_level is EnforcementLevel.MANDATORY
    assert LOCALHOST_REDIRECT_URIS.enforcement_level is EnforcementLevel.ADVISORY


def test_compliant_clients_pass(check: Any) -> None:
    confidential = client("https://app.example.com/callback", "http://127.0.0.1:8000/cb")
    native = client("com.example.app:/callback", "http://[::1]/cb", public=True)

    assert check(CLIENT_REDIRECT_URIS, CLIENT, confidential) == []
    assert check(CLIENT_REDIRECT_URIS, CLIENT, native) == []


@pytest.mark.parametrize(
    ("uri", "problem"),
    [
        (
            "https://*.example.com/callback",
            "contains a wildcard, but Dex compares redirect URIs exactly; list each URI in full",
        ),
        ("/callback", f"is not absolute; {ABSOLUTE}"),
        ("app.example.com/callback", f"is not absolute; {ABSOLUTE}"),
        ("https:///callback", f"is not absolute; {ABSOLUTE}"),
        ("https://app.example.com:port/cb", f"is not a valid URI; {ABSOLUTE}"),
        (
            "https://app.example.com/cb#done",
            "has a fragment, which RFC 6749 §3.1.2 forbids; remove the part from '#'",
        ),
        (
            "http://app.example.com/callback",
            "uses http for host 'app.example.com'; use https, or http://127.0.0.1 or "
            "http://[::1] for a native app's loopback listener",
        ),
        (
            "http://localhost:8000/callback",
            "uses http for host 'localhost'; use https, or http://127.0.0.1 or "
            "http://[::1] for a native app's loopback listener",
        ),
        (
            "com.example.app:/callback",
            "uses the scheme 'com.example.app', which only public (native) clients may use; "
            "use https",
        ),
    ],
)
def test_bad_redirect_uri_is_reported(check: Any, uri: str, problem: str) -> None:
    assert client_messages(check, uri) == [f"{CLIENT} 'web': redirectUris[0] '{uri}' {problem}."]


def test_user_info_is_reported_without_the_password(check: Any) -> None:
    assert client_messages(check, "https://bob:hunter2@app.example.com/cb") == [
        f"{CLIENT} 'web': redirectUris[0] 'https://***@app.example.com/cb' carries user info "
        "before '@'; remove it, Dex would send it on every redirect."
    ]


def test_private_use_scheme_must_be_a_reverse_domain(check: Any) -> None:
    assert client_messages(check, "myapp:/callback", public=True) == [
        f"{CLIENT} 'web': redirectUris[0] 'myapp:/callback' uses the private-use scheme "
        "'myapp', which is not a reverse domain name (RFC 8252 §7.1); use a scheme such as "
        "com.example.app."
    ]


def test_public_client_without_redirect_uris_is_reported(check: Any) -> None:
    assert check(CLIENT_REDIRECT_URIS, CLIENT, {"public": "true"}, name="cli") == [
        f"{CLIENT} 'cli': public is true but redirectUris is empty; list at least one redirect "
        "URI, e.g. http://127.0.0.1/callback for a native app."
    ]


def test_each_bad_uri_is_reported_by_index(check: Any) -> None:
    props = client("https://ok.example.com/cb", "http://a.example.com/cb", "/relative")

    messages = check(CLIENT_REDIRECT_URIS, CLIENT, props)

    assert [message.split(" uses ")[0].split(" is ")[0] for message in messages] == [
        f"{CLIENT} 'main': redirectUris[1] 'http://a.example.com/cb'",
        f"{CLIENT} 'main': redirectUris[2] '/relative'",
    ]


def test_unknown_values_are_skipped(check: Any) -> None:
    unknown_list = {"public": True, "redirectUris": UNKNOWN_ARRAY_VALUE}
    unknown_item = client("https://ok.example.com/cb", UNKNOWN_STRING_VALUE)
    unknown_public = client("com.example.app:/cb", public=UNKNOWN_BOOLEAN_VALUE)

    for props in (unknown_list, unknown_item, unknown_public):
        assert check(CLIENT_REDIRECT_URIS, CLIENT, props) == []


@pytest.mark.parametrize(
    ("resource_type", "props", "path"),
    [
        (CONNECTOR, {"oidcConfig": {"redirectUri": "{uri}"}}, "oidcConfig.redirectUri"),
        (CONNECTOR, {"rawConfig": json.dumps({"redirectURI": "{uri}"})}, "rawConfig.redirectURI"),
        (AZURE, {"redirectUri": "{uri}"}, "redirectUri"),
        (COGNITO, {"redirectUri": "{uri}"}, "redirectUri"),
    ],
)
def test_connector_redirect_uri_is_found_in_every_connector_type(
    check: Any, resource_type: str, props: dict[str, Any], path: str
) -> None:
    def with_uri(uri: str) -> dict[str, Any]:
        changed: dict[str, Any] = json.loads(json.dumps(props).replace("{uri}", uri))
        return changed

    good = with_uri("https://dex.example.com/dex/callback")
    bad = with_uri("https://dex.example.com/dex/cb")

    # rawConfig is a secret as a whole: its URI is not quoted.
    shown = path if path.startswith("rawConfig") else f"{path} 'https://dex.example.com/dex/cb'"
    assert check(CONNECTOR_REDIRECT_URI, resource_type, good, name="corp") == []
    assert check(CONNECTOR_REDIRECT_URI, resource_type, bad, name="corp") == [
        f"{resource_type} 'corp': {shown} does not end in /callback, Dex's callback path; set "
        "it to {issuer}/callback."
    ]


def test_raw_config_redirect_uri_problems_quote_nothing_of_it(check: Any) -> None:
    props = {"rawConfig": json.dumps({"redirectURI": "http://qv7rtz.internal/zz"})}

    assert check(CONNECTOR_REDIRECT_URI, CONNECTOR, props) == [
        f"{CONNECTOR} 'main': rawConfig.redirectURI uses http for a host that is not a "
        "loopback address; use https, or http://127.0.0.1 or http://[::1] for a native app's "
        "loopback listener."
    ]


def test_connector_redirect_uri_must_match_the_configured_issuer(check: Any) -> None:
    config = {"issuer": "https://dex.example.com/dex/"}
    props = {"redirectUri": "https://dex.example.com/callback"}

    assert check(CONNECTOR_REDIRECT_URI, AZURE, props, config=config) == [
        f"{AZURE} 'main': redirectUri 'https://dex.example.com/callback' is not "
        "https://dex.example.com/dex/callback, the callback of the configured Dex issuer; set "
        "it to that."
    ]


def test_connector_redirect_uri_may_not_use_private_schemes(check: Any) -> None:
    props = {"redirectUri": "com.example.dex:/callback"}

    [message] = check(CONNECTOR_REDIRECT_URI, COGNITO, props)

    assert "only public (native) clients may use; use https." in message


def test_connector_http_redirect_uri_is_reported(check: Any) -> None:
    props = {"oidcConfig": {"redirectUri": "http://dex.example.com/callback"}}

    [message] = check(CONNECTOR_REDIRECT_URI, CONNECTOR, props)

    assert "uses http for host 'dex.example.com'" in message


def test_unknown_connector_redirect_uri_is_skipped(check: Any) -> None:
    assert check(CONNECTOR_REDIRECT_URI, AZURE, {"redirectUri": UNKNOWN_STRING_VALUE}) == []


def test_localhost_is_advised_for_clients_and_connectors(check: Any) -> None:
    props = client("https://app.example.com/cb", "https://localhost:8443/cb")

    assert check(LOCALHOST_REDIRECT_URIS, CLIENT, props) == [
        f"{CLIENT} 'main': redirectUris[1] 'https://localhost:8443/cb' uses the name localhost, "
        "which may resolve off the loopback interface (RFC 8252 §8.3); use 127.0.0.1 or [::1]."
    ]
    assert len(check(LOCALHOST_REDIRECT_URIS, AZURE, {"redirectUri": "http://localhost/callback"}))
    assert check(LOCALHOST_REDIRECT_URIS, CLIENT, client("http://127.0.0.1/cb")) == []
