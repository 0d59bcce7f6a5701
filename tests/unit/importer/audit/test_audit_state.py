"""Reading stacks' state for the audit: which Dex each object is on, and odd states."""

from __future__ import annotations

from typing import Any

from importer import connection as connect
from importer.audit import hosts, state
from importer.audit.findings import Category
from importer.audit.hosts import LiveObjects
from importer.static_objects import StaticObjects
from pulumi_dex.dex.connectors import ConnectorRecord
from tests.unit.importer.audit.conftest import export, secret

HOST_IN_STATE = "dex-a.test:5557"
HOST_IN_CONFIG = "dex-b.test:5557"


def _config(_stack: str) -> dict[str, str]:
    return {"dex:host": HOST_IN_CONFIG, "dex:insecure": "true", "dex:timeoutSeconds": "7"}


def _with(resource: dict[str, Any]) -> dict[str, Any]:
    """An export of stack prod holding the default provider and this one resource."""
    doc = export("prod", HOST_IN_STATE, only=set())
    provider = doc["deployment"]["resources"][0]
    resource["provider"] = f"{provider['urn']}::{provider['id']}"
    resource["urn"] = f"urn:pulumi:prod::dex-prod::{resource['type']}::{resource['id']}"
    doc["deployment"]["resources"].append(resource)
    return doc


def _raw_connector(config: str) -> dict[str, Any]:
    outputs = {"connectorId": "odd", "type": "custom", "name": "Odd", "rawConfig": secret(config)}
    return {"type": "dex:index:Connector", "id": "odd", "outputs": outputs}


def test_host_in_the_state_wins_over_the_stack_config() -> None:
    parsed = state.parse("prod", export("prod", HOST_IN_STATE))

    found = hosts.targets([parsed], connect.Flags(), _config)

    assert list(found) == [HOST_IN_STATE]
    assert len(found[HOST_IN_STATE].objects) == len(parsed.objects)
    # Stack config still fills what the state's inputs leave out.
    assert found[HOST_IN_STATE].settings.timeout_seconds == 7


def test_stack_config_decides_for_objects_without_a_provider_in_the_state() -> None:
    doc = export("prod", HOST_IN_STATE)
    resources = doc["deployment"]["resources"]
    doc["deployment"]["resources"] = [r for r in resources if "provider" in r]
    for resource in doc["deployment"]["resources"]:
        resource["provider"] = ""

    found = hosts.targets([state.parse("prod", doc)], connect.Flags(), _config)

    assert list(found) == [HOST_IN_CONFIG]


def test_raw_config_that_is_no_json_object_is_compared_as_dex_holds_it() -> None:
    [managed] = state.parse("prod", _with(_raw_connector('["x"]'))).objects
    same = ConnectorRecord("odd", "custom", "Odd", b'["x"]')
    other = ConnectorRecord("odd", "custom", "Odd", b'["y"]')

    [in_sync] = hosts.judge("h", [managed], LiveObjects({}, {"odd": same}, True), StaticObjects())
    [changed] = hosts.judge("h", [managed], LiveObjects({}, {"odd": other}, True), StaticObjects())

    assert managed.problem is None
    assert in_sync.category is Category.IN_SYNC
    assert changed.category is Category.CHANGED
    assert all(d.secret for d in changed.differences)


def test_state_the_provider_cannot_read_is_a_problem_not_a_crash() -> None:
    outputs = {"connectorId": "gh", "clientSecret": secret("s3cret-Gh")}
    resource = {"type": "dex:index:GitHubConnector", "id": "gh", "outputs": outputs}

    [managed] = state.parse("prod", _with(resource)).objects
    live = LiveObjects({}, {"gh": ConnectorRecord("gh", "github", "GitHub", b"{}")}, True)

    assert managed.problem == (
        "its state holds values pulumi-dex cannot turn into a connector (no name)"
    )
    assert hosts.judge("h", [managed], live, StaticObjects()) == []
