"""The stack policies: unique IDs per Dex host, and trusted peers that exist."""

from __future__ import annotations

from typing import Any

from pulumi_policy import EnforcementLevel
from pulumi_policy.proxy import UNKNOWN_STRING_VALUE

from policies.stack import TRUSTED_PEERS, UNIQUE_IDS

CLIENT = "dex:index:Client"
CONNECTOR = "dex:index:Connector"
AZURE = "dex:index:AzureOidcConnector"


def test_enforcement_levels() -> None:
    assert UNIQUE_IDS.enforcement_level is EnforcementLevel.MANDATORY
    assert TRUSTED_PEERS.enforcement_level is EnforcementLevel.MANDATORY


def test_compliant_stack_passes(check_stack: Any, make_resource: Any) -> None:
    resources = [
        make_resource(CLIENT, "web", {"clientId": "web", "trustedPeers": ["cli"]}),
        make_resource(CLIENT, "cli", {"clientId": "cli", "public": True}),
        make_resource(CONNECTOR, "corp", {"connectorId": "corp"}),
        make_resource("random:index:RandomPassword", "pw", {"length": 32}),
    ]

    assert check_stack(UNIQUE_IDS, resources) == []
    assert check_stack(TRUSTED_PEERS, resources) == []


def test_duplicate_client_id_on_the_default_provider_is_reported(
    check_stack: Any, make_resource: Any
) -> None:
    second = make_resource(CLIENT, "web-copy", {"clientId": "web"})
    resources = [make_resource(CLIENT, "web", {"clientId": "web"}), second]

    assert check_stack(UNIQUE_IDS, resources) == [
        (
            f"{CLIENT} 'web-copy': client ID 'web' on the default provider's host is also used "
            f"by {CLIENT} 'web', and Dex keeps one client per ID; give each a distinct ID or "
            "place them on different Dex servers.",
            second.urn,
        )
    ]


def test_duplicate_connector_id_across_connector_types_is_reported(
    check_stack: Any, make_resource: Any, make_provider: Any
) -> None:
    prod = make_provider("dex.example.com:5557", name="prod")
    prod_again = make_provider("dex.example.com:5557", name="prod-admin")
    resources = [
        make_resource(CONNECTOR, "corp", {"connectorId": "corp"}, on=prod),
        make_resource(AZURE, "entra", {"connectorId": "corp"}, on=prod_again),
    ]

    [(message, _)] = check_stack(UNIQUE_IDS, resources)

    assert message.startswith(
        f"{AZURE} 'entra': connector ID 'corp' on 'dex.example.com:5557' is also used by "
        f"{CONNECTOR} 'corp', and Dex keeps one connector per ID;"
    )


def test_typed_connectors_share_the_connector_id_space(
    check_stack: Any, make_resource: Any
) -> None:
    resources = [
        make_resource("dex:index:GitHubConnector", "gh", {"connectorId": "corp"}),
        make_resource("dex:index:LdapConnector", "ldap", {"connectorId": "corp"}),
    ]

    [(message, _)] = check_stack(UNIQUE_IDS, resources)

    assert "connector ID 'corp'" in message and "dex:index:GitHubConnector 'gh'" in message


def test_same_id_on_different_hosts_or_kinds_passes(
    check_stack: Any, make_resource: Any, make_provider: Any
) -> None:
    resources = [
        make_resource(CLIENT, "a", {"clientId": "x"}, on=make_provider("a.example.com:5557")),
        make_resource(CLIENT, "b", {"clientId": "x"}, on=make_provider("b.example.com:5557")),
        make_resource(CONNECTOR, "c", {"connectorId": "x"}),
        make_resource(CLIENT, "d", {"clientId": "x"}),
    ]

    assert check_stack(UNIQUE_IDS, resources) == []


def test_unknown_ids_are_skipped(check_stack: Any, make_resource: Any) -> None:
    resources = [
        make_resource(CLIENT, "a", {"clientId": UNKNOWN_STRING_VALUE}),
        make_resource(CLIENT, "b", {"clientId": UNKNOWN_STRING_VALUE}),
    ]

    assert check_stack(UNIQUE_IDS, resources) == []


def test_unknown_trusted_peer_is_reported(check_stack: Any, make_resource: Any) -> None:
    web = make_resource(CLIENT, "web", {"clientId": "web", "trustedPeers": ["web", "kubectl"]})

    assert check_stack(TRUSTED_PEERS, [web]) == [
        (
            f"{CLIENT} 'web': trustedPeers[1] 'kubectl' names no client of this stack on the "
            "default provider's host; declare that client, or add 'kubectl' to "
            "externalClientIds if it is managed elsewhere.",
            web.urn,
        )
    ]


def test_external_client_ids_come_from_the_pack_config(
    check_stack: Any, make_resource: Any
) -> None:
    web = make_resource(CLIENT, "web", {"clientId": "web", "trustedPeers": ["kubectl"]})

    assert check_stack(TRUSTED_PEERS, [web], {"externalClientIds": ["kubectl"]}) == []


def test_trusted_peer_on_another_host_is_reported(
    check_stack: Any, make_resource: Any, make_provider: Any
) -> None:
    other = make_provider("other.example.com:5557", name="other")
    resources = [
        make_resource(CLIENT, "web", {"clientId": "web", "trustedPeers": ["cli"]}),
        make_resource(CLIENT, "cli", {"clientId": "cli"}, on=other),
    ]

    [(message, _)] = check_stack(TRUSTED_PEERS, resources)

    assert "names no client of this stack on the default provider's host" in message


def test_peers_are_not_judged_while_a_client_id_is_unknown(
    check_stack: Any, make_resource: Any
) -> None:
    resources = [
        make_resource(CLIENT, "web", {"clientId": "web", "trustedPeers": ["cli"]}),
        make_resource(CLIENT, "cli", {"clientId": UNKNOWN_STRING_VALUE}),
    ]

    assert check_stack(TRUSTED_PEERS, resources) == []


def test_provider_without_known_host_is_named_by_provider(
    check_stack: Any, make_resource: Any, make_provider: Any
) -> None:
    hidden = make_provider(None, name="from-env")
    resources = [
        make_resource(CLIENT, "a", {"clientId": "x"}, on=hidden),
        make_resource(CLIENT, "b", {"clientId": "x"}, on=hidden),
    ]

    [(message, _)] = check_stack(UNIQUE_IDS, resources)

    assert "client ID 'x' on the host of provider 'from-env' is also used by" in message
