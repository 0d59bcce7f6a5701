"""No policy message quotes any part of a secret, whatever policy reports on which resource."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pulumi_policy import PolicyProviderResource, PolicyResource, ResourceValidationPolicy

from policies import redirect_uris, secrets, stack, transport
from tests.unit.policies.conftest import Check, CheckStack

ALL = [*transport.POLICIES, *secrets.POLICIES, *redirect_uris.POLICIES, *stack.POLICIES]

# Each value is secret where it stands below; the resources around them break every policy.
CLIENT_SECRET = "Zq8wJx"
CONNECTOR_SECRET = "Xy9$kLmN0pQrStUv_REALSECRET"
BIND_PASSWORD = "hunter2${PW_TAIL}"
EXTRA_CREDENTIAL = "vQ3$Tk9Rmz_CRED"
RAW_HOST = "qv7rtzwx"
PROVIDER_KEY = "-----BEGIN PRIVATE KEY-----Mh4Kp2Wn-----END PRIVATE KEY-----"
SECRETS = (CLIENT_SECRET, CONNECTOR_SECRET, BIND_PASSWORD, EXTRA_CREDENTIAL, RAW_HOST)

RESOURCES: list[tuple[str, dict[str, Any]]] = [
    (
        "pulumi:providers:dex",
        {"host": "dex.example.com:5557", "insecure": True, "clientKey": PROVIDER_KEY},
    ),
    ("dex:index:Client", {"clientId": "web", "secret": CLIENT_SECRET, "redirectUris": ["x"]}),
    (
        "dex:index:Connector",
        {
            "connectorId": "raw",
            "type": "oidc",
            "rawConfig": json.dumps(
                {
                    "clientSecret": CONNECTOR_SECRET,
                    "bindPW": BIND_PASSWORD,
                    "vendorCredential": EXTRA_CREDENTIAL,
                    "redirectURI": f"http://{RAW_HOST}/cb",
                    "insecureSkipVerify": True,
                    "insecureSkipEmailVerified": True,
                }
            ),
        },
    ),
    (
        "dex:index:Connector",
        {
            "connectorId": "oidc",
            "type": "oidc",
            "oidcConfig": {
                "clientSecret": CONNECTOR_SECRET,
                "redirectUri": "https://dex.example.com/cb",
                "extra": {"vendorCredential": EXTRA_CREDENTIAL},
                "insecureSkipVerify": True,
            },
        },
    ),
    (
        "dex:index:LdapConnector",
        {"connectorId": "ldap", "bindPw": BIND_PASSWORD, "insecureNoSsl": True},
    ),
    (
        "dex:index:GitHubConnector",
        {"connectorId": "gh", "clientSecret": CONNECTOR_SECRET, "redirectUri": "http://gh/cb"},
    ),
]


def _windows(secret: str) -> set[str]:
    return {secret[i : i + 4] for i in range(len(secret) - 3)}


def _messages(
    check: Check,
    check_stack: CheckStack,
    make_resource: Callable[..., PolicyResource],
    make_provider: Callable[..., PolicyProviderResource],
) -> list[str]:
    messages: list[str] = []
    for policy in ALL:
        if isinstance(policy, ResourceValidationPolicy):
            for resource_type, props in RESOURCES:
                messages += check(policy, resource_type, props)
            continue
        on = make_provider("dex.example.com:5557")
        found = [make_resource(t, f"r{i}", p, on) for i, (t, p) in enumerate(RESOURCES * 2)]
        messages += [message for message, _ in check_stack(policy, found)]
    return messages


def test_no_policy_message_quotes_any_part_of_a_secret(
    check: Check,
    check_stack: CheckStack,
    make_resource: Callable[..., PolicyResource],
    make_provider: Callable[..., PolicyProviderResource],
) -> None:
    messages = _messages(check, check_stack, make_resource, make_provider)

    # Every policy has something to say about these resources, so every message is looked at.
    assert len(messages) >= 15
    for secret in (*SECRETS, "Mh4Kp2Wn"):
        leaked = [m for m in messages if any(part in m for part in _windows(secret))]
        assert leaked == [], secret
