"""The generated program runs against the real SDK under Pulumi's mocks."""

from __future__ import annotations

from typing import Any

import pulumi
import pytest

from importer import declarations, program
from importer.inventory import Inventory

PROJECT = "imported"
# Mocks see secrets in their wire wrapping: {<this signature>: <secret sig>, "value": ...}.
_SIGNATURE_KEY = "4dabf18193072939515e22adb298388d"


def _unsecret(value: Any) -> Any:
    if isinstance(value, dict) and _SIGNATURE_KEY in value:
        return value["value"]
    return value


class _Mocks(pulumi.runtime.Mocks):
    def __init__(self) -> None:
        self.created: dict[str, dict[str, Any]] = {}

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        self.created[args.name] = dict(args.inputs)
        return f"{args.name}-id", dict(args.inputs)

    def call(self, args: pulumi.runtime.MockCallArgs) -> tuple[dict[str, Any], list[Any]]:
        return {}, []


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_generated_program_declares_every_object_with_sdk_arguments(
    inventory: Inventory,
) -> None:
    plan = declarations.plan(inventory)
    mocks = _Mocks()
    pulumi.runtime.set_mocks(mocks, project=PROJECT, preview=False)
    for key in plan.secret_keys:
        pulumi.runtime.set_config(f"{PROJECT}:{key}", "from-config")

    @pulumi.runtime.test
    def run() -> pulumi.Output[Any]:
        namespace: dict[str, Any] = {}
        exec(compile(program.generate(plan), "__main__.py", "exec"), namespace)
        return pulumi.Output.all(*(namespace[d.names.variable].urn for d in plan.declarations))

    run()

    assert sorted(mocks.created) == sorted(d.names.resource for d in plan.declarations)
    assert mocks.created["connector_entra"]["tenantId"] == "0f2b7a51-3c4d-4e5f-8a9b-0c1d2e3f4a5b"
    oidc_config = _unsecret(mocks.created["connector_corp_sso"]["oidcConfig"])
    assert oidc_config["claimMapping"] == {
        "preferredUsername": "login",
        "groups": "roles",
    }
    assert oidc_config["extra"] == {"vendorApiToken": "from-config", "vendorMode": "strict"}
    assert _unsecret(mocks.created["client_web"]["secret"]) == "from-config"
