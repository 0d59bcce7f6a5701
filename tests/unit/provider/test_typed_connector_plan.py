"""Typed connectors of Dex's own types: check, diff and reading Dex's records back."""

from __future__ import annotations

import json

import pytest

from pulumi_dex.connectors import github, ldap
from pulumi_dex.dex.connectors import ConnectorRecord
from pulumi_dex.model.resources import secret_paths
from pulumi_dex.provider.handlers.base import UserError
from pulumi_dex.provider.handlers.connectors import TypedConnectorHandler
from pulumi_dex.provider.server import HANDLERS

GITHUB = TypedConnectorHandler(github)
BASE = {
    "connectorId": "gh",
    "name": "GitHub",
    "clientId": "c",
    "clientSecret": "s",
    "redirectUri": "https://dex.example.com/callback",
}


def test_false_flags_are_dropped_so_state_matches_a_read():
    inputs, failures = GITHUB.check({}, {**BASE, "useLoginAsId": False}, b"")

    assert failures == [] and "useLoginAsId" not in inputs


def test_missing_required_fields_fail_before_family_checks():
    failures = GITHUB.check({}, {"connectorId": "gh", "name": "GitHub"}, b"")[1]

    assert failures == [
        ("clientId", "clientId is required"),
        ("clientSecret", "clientSecret is required"),
        ("redirectUri", "redirectUri is required"),
    ]


def test_only_the_connector_id_replaces():
    changed = {**BASE, "name": "GH", "clientSecret": "t", "orgs": [{"name": "acme"}]}

    result = GITHUB.diff(BASE, changed)

    assert result.replaces == [] and set(result.changed) == {"name", "clientSecret", "orgs"}
    assert GITHUB.diff(BASE, {**BASE, "connectorId": "gh2"}).replaces == ["connectorId"]


def test_record_carries_dexs_type_and_document():
    record = GITHUB.record({**BASE, "loadAllGroups": True})

    assert (record.type, record.name) == ("github", "GitHub")
    assert json.loads(record.config) == {
        "clientID": "c",
        "clientSecret": "s",
        "redirectURI": BASE["redirectUri"],
        "loadAllGroups": True,
    }


def test_a_record_read_back_gives_the_inputs():
    assert GITHUB.props_from(GITHUB.record(BASE), {}) == BASE


def test_another_type_does_not_fit():
    record = ConnectorRecord("gh", "gitlab", "GitLab", b"{}")

    assert GITHUB.props_from(record, {}) is None


def test_an_untyped_key_names_the_way_out():
    record = ConnectorRecord("gh", "github", "GitHub", b'{"org": "legacy"}')

    with pytest.raises(
        UserError, match="org has no typed property; import it as dex:index:Connector instead"
    ):
        GITHUB.props_from(record, {})


def test_ldap_secrets_are_wrapped_in_state():
    handler = HANDLERS["dex:index:LdapConnector"]

    assert handler.family is ldap
    assert set(secret_paths(handler.spec)) == {"bindPw", "clientKey"}
