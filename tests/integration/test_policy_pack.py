"""`pulumi preview --policy-pack policies/` with the real CLI: bad programs stop, Dex untouched."""

from __future__ import annotations

import json

import pytest

from pulumi_dex.dex.clients import ClientsApi
from pulumi_dex.dex.connection import DexConnection
from tests.harness.toolchain import REPO_ROOT

PACK = str(REPO_ROOT / "policies")
GOOD_SECRET = "q7Vf2LxR9mKp4TzW8sYb3NcHj6DgEa1UzX0wQe5R"

COMPLIANT = f"""
import pulumi_dex as dex
dex.Client("web", client_id="web", name="Web", secret="{GOOD_SECRET}",
           redirect_uris=["https://app.example.com/callback"])
dex.Connector("up", connector_id="up", type="oidc", name="Up", oidc_config={{
    "issuer": "https://idp.example.com", "client_id": "dex", "client_secret": "{GOOD_SECRET}",
    "redirect_uri": "https://dex.example.com/dex/callback"}})
"""

# One program per policy group, each breaking it once.
VIOLATIONS = {
    "transport": (
        f"""
        import pulumi_dex as dex
        p = dex.Provider("plain", host="127.0.0.1:1", insecure=True)
        dex.Client("web", client_id="web", name="Web", secret="{GOOD_SECRET}",
                   opts=__import__("pulumi").ResourceOptions(provider=p))
        """,
        "dex-provider-verified-tls",
    ),
    "secrets": (
        """
        import pulumi_dex as dex
        dex.Client("web", client_id="web", name="Web", secret="ZXhhbXBsZS1hcHAtc2VjcmV0")
        """,
        "dex-client-secret-strength",
    ),
    "redirect_uris": (
        f"""
        import pulumi_dex as dex
        dex.Client("web", client_id="web", name="Web", secret="{GOOD_SECRET}",
                   redirect_uris=["http://app.example.com/callback#frag"])
        """,
        "dex-client-redirect-uris",
    ),
    "stack": (
        f"""
        import pulumi_dex as dex
        dex.Client("a", client_id="web", name="A", secret="{GOOD_SECRET}",
                   trusted_peers=["no-such-client"])
        """,
        "dex-trusted-peers-exist",
    ),
}


@pytest.fixture
def project(dex, pulumi_project):
    made = pulumi_project()
    for key, value in dex.provider_config().items():
        made.config_set(f"dex:{key}", value, secret=key == "clientKey")
    return made


def _clients(dex) -> ClientsApi:
    return ClientsApi(DexConnection(dex.connection_settings()))


def test_a_compliant_program_passes_the_pack(dex, project):
    project.write_program(COMPLIANT)
    result = project.preview("--policy-pack", PACK)
    assert "Policies:" in result.stdout and "pulumi-dex" in result.stdout


@pytest.mark.parametrize("group", sorted(VIOLATIONS))
def test_each_policy_group_stops_a_bad_program(group, dex, project):
    program, policy = VIOLATIONS[group]
    project.write_program(program)
    result = project.preview("--policy-pack", PACK, check=False)
    assert result.code != 0
    assert f"[mandatory]  {policy}" in result.stdout
    assert _clients(dex).find("web") is None


def test_lowering_a_policy_to_advisory_lets_the_program_through(dex, project, tmp_path):
    program, policy = VIOLATIONS["secrets"]
    project.write_program(program)
    config = tmp_path / "policy-config.json"
    config.write_text(json.dumps({policy: "advisory"}))
    result = project.up("--policy-pack", PACK, "--policy-pack-config", str(config))
    assert f"[advisory]  {policy}" in result.stdout
    assert _clients(dex).get("web").name == "Web"
