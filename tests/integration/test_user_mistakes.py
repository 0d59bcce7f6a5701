"""Mistakes users make, caught early and safely: found by trying to break the provider."""

from __future__ import annotations

import pytest

from pulumi_dex.dex.clients import ClientsApi
from pulumi_dex.dex.connection import DexConnection

STATIC = {
    "id": "static-web",
    "name": "Static",
    "secret": "static-secret-value-0123456789",
    "redirectURIs": ["https://static.example.com/cb"],
}


def _configure(project, dex, **overrides):
    for key, value in {**dex.provider_config(), **overrides}.items():
        project.config_set(f"dex:{key}", value, secret=key == "clientKey")


def _client(program_id: str) -> str:
    return f"import pulumi_dex as dex\ndex.Client('app', client_id='{program_id}', name='App')\n"


@pytest.fixture
def project(dex, pulumi_project):
    made = pulumi_project()
    _configure(made, dex)
    return made


def test_a_failed_check_never_prints_the_secret_value(project):
    project.write_program("""
        import pulumi
        import pulumi_dex as dex
        dex.Connector("gh", connector_id="gh", type="github", name="GH",
                      raw_config=pulumi.Output.secret('{"clientSecret": "TOPSECRET-77" ,,}'))
    """)
    result = project.preview(check=False)
    assert result.code != 0
    assert "rawConfig is not valid JSON" in result.output
    assert "TOPSECRET-77" not in result.output


def test_two_resources_for_one_client_id_fail_at_preview(project):
    project.write_program("""
        import pulumi_dex as dex
        dex.Client("a", client_id="same", name="A")
        dex.Client("b", client_id="same", name="B")
    """)
    result = project.preview(check=False)
    assert result.code != 0
    assert "clientId 'same' is also declared by resource" in result.output


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("timeoutSeconds", "abc", "timeoutSeconds must be a number"),
        ("timeoutSeconds", "nan", "timeoutSeconds must be above 0 and at most 3600"),
        ("host", "127.0.0.1", "is not of the form host:port"),
        ("caCert", "not a pem", "caCert is not PEM"),
    ],
)
def test_provider_settings_that_cannot_work_fail_at_preview(
    key, value, message, dex, pulumi_project
):
    project = pulumi_project()
    _configure(project, dex, **{key: value})
    project.write_program(_client("app"))
    result = project.preview(check=False)
    assert result.code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_replacing_onto_a_static_id_and_back_keeps_the_client(dex_factory, pulumi_project):
    dex = dex_factory(static_clients=[STATIC])
    project = pulumi_project()
    _configure(project, dex)
    project.write_program(_client("qa-life"))
    project.up()

    project.write_program(_client("static-web"))
    failed = project.up(check=False)
    assert "is defined in Dex's config file" in failed.output

    project.write_program(_client("qa-life"))
    project.up()
    clients = ClientsApi(DexConnection(dex.connection_settings()))
    assert clients.get("qa-life").name == "App"
    project.refresh("--expect-no-changes")


def test_an_imported_static_client_can_be_destroyed(dex_factory, pulumi_project):
    dex = dex_factory(static_clients=[STATIC])
    project = pulumi_project()
    _configure(project, dex)
    project.write_program("""
        import pulumi_dex as dex
        dex.Client("s", client_id="static-web", name="Static",
                   secret="static-secret-value-0123456789",
                   redirect_uris=["https://static.example.com/cb"])
    """)
    project.run(
        "import",
        "dex:index:Client",
        "s",
        "static-web",
        "--yes",
        "--non-interactive",
        "--protect=false",
        "--generate-code=false",
    )
    result = project.destroy()
    assert "is defined in Dex's config file; it leaves the stack" in result.output
    clients = ClientsApi(DexConnection(dex.connection_settings()))
    assert clients.get("static-web").name == "Static"
