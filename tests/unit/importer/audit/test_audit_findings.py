"""Comparing a state document with Dex's: categories, differences, secrets kept out."""

from __future__ import annotations

import dataclasses

from importer.audit import hosts
from importer.audit.findings import Category, Difference, Finding, differences
from importer.audit.hosts import LiveObjects
from importer.audit.state import StackState
from importer.static_objects import StaticObjects
from pulumi_dex.dex.connectors import ConnectorRecord
from tests.unit.importer.conftest import CLIENTS, CONNECTORS

HOST = "dex.test:5557"


def _live(clients=CLIENTS, connectors=CONNECTORS, listed: bool = True) -> LiveObjects:
    return LiveObjects({c.id: c for c in clients}, {c.id: c for c in connectors}, listed)


def _categories(findings: list[Finding]) -> dict[str, Category]:
    return {f.key: f.category for f in findings}


def test_untouched_dex_is_in_sync(stack_state: StackState) -> None:
    findings = hosts.judge(HOST, list(stack_state.objects), _live(), StaticObjects())

    assert set(_categories(findings).values()) == {Category.IN_SYNC}
    assert len(findings) == len(CLIENTS) + len(CONNECTORS)


def test_renamed_client_shows_both_names() -> None:
    found = differences({"name": "Web", "secret": "a"}, {"name": "Web 2", "secret": "a"})

    assert found == (Difference("name", "changed", "Web", "Web 2"),)
    assert found[0].describe() == "name: 'Web' in state, 'Web 2' in Dex"


def test_changed_secret_says_so_without_any_value() -> None:
    found = differences({"secret": "old-Vq81"}, {"secret": "new-Vq82"})

    assert found == (Difference("secret", "changed", secret=True),)
    assert found[0].describe() == "secret: secret changed"


def test_every_key_of_a_raw_config_is_secret() -> None:
    before = {"config": {"redirectURI": "https://a"}}
    after = {"config": {"redirectURI": "https://b"}}

    found = differences(before, after, all_config_secret=True)

    assert found == (Difference("config.redirectURI", "changed", secret=True),)


def test_credential_keys_are_secret_in_any_config() -> None:
    found = differences({"config": {"bindPW": "x1"}}, {"config": {"bindPW": "x2"}})

    assert found[0].secret


def test_value_known_as_secret_stays_hidden_under_another_key() -> None:
    found = differences(
        {"config": {"note": "hush-1"}},
        {"config": {"note": "hush-2"}},
        secret_values=frozenset({"hush-1"}),
    )

    assert found[0].secret


def test_out_of_band_changes_give_each_category(stack_state: StackState) -> None:
    clients = [
        dataclasses.replace(c, name="Renamed") if c.id == "batch.jobs" else c
        for c in CLIENTS
        if c.id != "cli"
    ]
    stray = ConnectorRecord("stray", "github", "Stray", b"{}")
    static = StaticObjects(connectors=frozenset({"github", "local"}), known=True)
    local = ConnectorRecord("local", "local", "Email", b"{}")

    findings = hosts.judge(
        HOST, list(stack_state.objects), _live(clients, (*CONNECTORS, stray, local)), static
    )

    assert _categories(findings) == {
        "client/batch.jobs": Category.CHANGED,
        "client/cli": Category.MISSING,
        "client/web": Category.IN_SYNC,
        "connector/corp-sso": Category.IN_SYNC,
        "connector/entra": Category.IN_SYNC,
        "connector/github": Category.SHADOWED,
        "connector/ldap": Category.IN_SYNC,
        "connector/local": Category.UNMANAGED,
        "connector/pool": Category.IN_SYNC,
        "connector/stray": Category.UNMANAGED,
    }
    drifted = {f.key for f in findings if f.drifted}
    assert drifted == {"client/batch.jobs", "client/cli", "connector/github", "connector/stray"}


def test_unreadable_connectors_are_not_judged(stack_state: StackState) -> None:
    live = LiveObjects({c.id: c for c in CLIENTS}, None, True)

    findings = hosts.judge(HOST, list(stack_state.objects), live, StaticObjects())

    assert {f.kind for f in findings} == {"client"}


def test_every_category_has_a_meaning() -> None:
    from importer.audit.findings import MEANINGS

    assert set(MEANINGS) == set(Category)
