"""The provider's main job, shown with the real Pulumi CLI against a real Dex (mTLS)."""

from __future__ import annotations

import json

import pytest

from pulumi_dex.dex.clients import ClientRecord, ClientsApi
from pulumi_dex.dex.connection import DexConnection
from pulumi_dex.dex.connectors import ConnectorRecord, ConnectorsApi

TENANT = "6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f"
UPSTREAM_SECRET = "upstream-client-secret-value-1"
AZURE_SECRET = "azure-client-secret-value-22"

ONE_CLIENT = "import pulumi_dex as dex\ndex.Client('web', client_id='web', name='W')\n"

FULL_PROGRAM = f"""
import pulumi
import pulumi_dex as dex

cb = "https://dex.example.com/dex/callback"
web = dex.Client("web", client_id="web", name="Web",
                 redirect_uris=["https://app.example.com/cb"], logo_url="https://a/logo.png")
dex.Connector("up", connector_id="up", type="oidc", name="Upstream",
              oidc_config={{"issuer": "https://idp.example.com", "client_id": "dex",
                           "client_secret": "{UPSTREAM_SECRET}", "redirect_uri": cb}})
dex.Connector("gh", connector_id="gh", type="github", name="GitHub",
              raw_config='{{"clientID": "gh", "clientSecret": "gh-secret-value-333", '
                         '"redirectURI": "' + cb + '"}}')
az = dex.AzureOidcConnector("az", connector_id="az", name="Corp", tenant_id="{TENANT}",
                            client_id="c", client_secret="{AZURE_SECRET}", redirect_uri=cb)
cg = dex.CognitoOidcConnector("cg", connector_id="cg", name="Partners", region="eu-west-1",
                              user_pool_id="eu-west-1_AbC12", client_id="c",
                              client_secret="cognito-secret-value-4444", redirect_uri=cb)
pulumi.export("secret", web.secret)
pulumi.export("azureIssuer", az.issuer)
"""


def _configure(project, dex, client_cert=True):
    for key, value in dex.provider_config(client_cert).items():
        project.config_set(f"dex:{key}", value, secret=key == "clientKey")


def _api(dex):
    connection = DexConnection(dex.connection_settings())
    return ClientsApi(connection), ConnectorsApi(connection)


def _connector_ids(dex) -> set[str]:
    return {c.id for c in _api(dex)[1].list()} - {"local"}


@pytest.fixture
def project(dex, pulumi_project):
    made = pulumi_project()
    _configure(made, dex)
    return made


def test_up_creates_everything_and_a_second_preview_is_empty(dex, project):
    project.write_program(FULL_PROGRAM)
    project.up()

    clients, connectors = _api(dex)
    web = clients.get("web")
    assert web.redirect_uris == ("https://app.example.com/cb",)
    assert len(web.secret or "") >= 40, "a strong secret is generated when none is given"
    stored = {c.id: c for c in connectors.list()}
    assert json.loads(stored["up"].config)["clientID"] == "dex"
    azure = json.loads(stored["az"].config)
    assert azure["issuer"] == f"https://login.microsoftonline.com/{TENANT}/v2.0"
    assert azure["insecureSkipEmailVerified"] is True
    assert stored["gh"].type == "github"

    assert project.outputs()["azureIssuer"].endswith(f"/{TENANT}/v2.0")
    assert project.outputs(show_secrets=True)["secret"] == web.secret
    project.preview("--expect-no-changes")
    project.refresh("--expect-no-changes")


def test_state_holds_no_plaintext_secret(dex, project):
    project.write_program(FULL_PROGRAM)
    project.up()
    exported = json.dumps(project.stack_export())
    generated = _api(dex)[0].get("web").secret
    for secret in (
        UPSTREAM_SECRET,
        AZURE_SECRET,
        "gh-secret-value-333",
        generated,
        dex.pki.client.key_pem.splitlines()[1],
    ):
        assert secret not in exported


def test_preview_changes_nothing_in_dex(dex, project):
    project.write_program(FULL_PROGRAM)
    project.preview()
    assert _api(dex)[0].find("web") is None and _connector_ids(dex) == set()

    project.up()
    before = ({c.id: c for c in _api(dex)[1].list()}, _api(dex)[0].get("web"))
    changed = (
        FULL_PROGRAM.replace('name="Web"', 'name="Web 2"')  # update
        .replace(f'tenant_id="{TENANT}"', 'tenant_id="7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f"')
        .replace('dex.Connector("gh"', '(lambda *a, **k: None)("gh"')  # delete
        + '\ndex.Client("new", client_id="new", name="New")\n'  # create
    )
    project.write_program(changed)
    result = project.preview()
    for planned in ("1 to create", "1 to update", "1 to delete", "1 to replace"):
        assert planned in result.stdout, result.stdout
    after = ({c.id: c for c in _api(dex)[1].list()}, _api(dex)[0].get("web"))
    assert after == before
    assert _api(dex)[0].find("new") is None


def test_secret_change_replaces_the_client_delete_first(dex, project):
    program = (
        "import pulumi_dex as dex\ndex.Client('web', client_id='web', name='W', secret='{}')\n"
    )
    project.write_program(program.format("first-secret-value-0123456789"))
    project.up()
    project.write_program(program.format("second-secret-value-0123456789"))
    result = project.up()
    assert "replaced" in result.stdout
    assert _api(dex)[0].get("web").secret == "second-secret-value-0123456789"


def test_clearing_logo_replaces_renaming_updates(dex, project):
    project.write_program(
        "import pulumi_dex as dex\n"
        "dex.Client('web', client_id='web', name='W', logo_url='https://l')\n"
    )
    project.up()
    project.write_program(
        "import pulumi_dex as dex\n"
        "dex.Client('web', client_id='web', name='W2', logo_url='https://l')\n"
    )
    assert "1 updated" in project.up().stdout
    project.write_program(ONE_CLIENT.replace("name='W'", "name='W2'"))
    assert "1 replaced" in project.up().stdout
    assert _api(dex)[0].get("web").logo_url == ""


def test_refresh_finds_out_of_band_changes(dex, project):
    project.write_program(FULL_PROGRAM)
    project.up()
    clients, connectors = _api(dex)
    clients.delete("web")
    gh = next(c for c in connectors.list() if c.id == "gh")
    connectors.update(ConnectorRecord("gh", "github", "Renamed by hand", gh.config))

    project.refresh()
    urns = json.dumps(project.stack_export())
    assert "dex:index:Client::web" not in urns
    assert "Renamed by hand" in urns
    result = project.preview(check=False)
    assert "+ " in result.stdout and "~ " in result.stdout


def test_deleting_an_object_already_gone_warns_and_succeeds(dex, project):
    project.write_program(ONE_CLIENT)
    project.up()
    _api(dex)[0].delete("web")
    result = project.destroy()
    assert "already gone from Dex" in result.output


def test_existing_object_is_never_adopted(dex, project):
    _api(dex)[0].create(ClientRecord(id="web", name="Made by hand", secret="x" * 32))
    project.write_program(ONE_CLIENT)
    result = project.up(check=False)
    assert result.code != 0
    assert "client 'web' already exists in Dex" in result.output
    assert "pulumi import dex:index:Client" in result.output
    assert "Traceback" not in result.output
    assert _api(dex)[0].get("web").name == "Made by hand"


def test_import_then_preview_shows_no_changes(dex, project):
    clients, connectors = _api(dex)
    clients.create(
        ClientRecord(
            id="legacy",
            name="Legacy",
            secret="legacy-secret-0123456789",
            redirect_uris=("https://legacy/cb",),
        )
    )
    oidc = {
        "issuer": f"https://login.microsoftonline.com/{TENANT}/v2.0",
        "clientID": "c",
        "clientSecret": "s" * 24,
        "redirectURI": "https://d/callback",
        "scopes": ["openid", "profile", "email"],
        "userNameKey": "preferred_username",
        "insecureSkipEmailVerified": True,
    }
    connectors.create(ConnectorRecord("corp", "oidc", "Corp", json.dumps(oidc).encode()))
    project.write_program(f"""
        import pulumi_dex as dex
        dex.Client("legacy", client_id="legacy", name="Legacy", secret="legacy-secret-0123456789",
                   redirect_uris=["https://legacy/cb"])
        dex.AzureOidcConnector("corp", connector_id="corp", name="Corp", tenant_id="{TENANT}",
                               client_id="c", client_secret="{"s" * 24}",
                               redirect_uri="https://d/callback")
    """)
    import_file = project.workdir / "import.json"
    import_file.write_text(
        json.dumps(
            {
                "resources": [
                    {"type": "dex:index:Client", "name": "legacy", "id": "legacy"},
                    {"type": "dex:index:AzureOidcConnector", "name": "corp", "id": "corp"},
                ]
            }
        )
    )
    # The language host we can build has no GenerateProgram; the program is written above.
    project.import_file(import_file, "--generate-code=false")
    project.preview("--expect-no-changes")
    assert _api(dex)[0].get("legacy").secret == "legacy-secret-0123456789"


def test_connector_api_off_names_the_flag_and_clients_still_work(dex_factory, pulumi_project):
    dex = dex_factory(connectors_crud=False)
    project = pulumi_project()
    _configure(project, dex)
    project.write_program(FULL_PROGRAM)
    result = project.up(check=False)
    assert result.code != 0
    assert "DEX_API_CONNECTORS_CRUD=true" in result.output
    assert "Traceback" not in result.output
    assert _api(dex)[0].get("web").name == "Web"


def test_missing_client_certificate_fails_clearly(dex, pulumi_project):
    project = pulumi_project()
    _configure(project, dex, client_cert=False)
    project.write_program(ONE_CLIENT)
    result = project.up(check=False)
    assert result.code != 0
    assert f"Dex at {dex.grpc_address} is unreachable" in result.output
    assert "client certificate" in result.output
    assert "Traceback" not in result.output
    # No partial state: the failed create left no client in the stack.
    resources = project.stack_export()["deployment"].get("resources", [])
    assert not [r for r in resources if r["type"] == "dex:index:Client"]


BAD_INPUTS = {
    "raw_config": (
        """dex.Connector("bad", connector_id="bad", type="github", name="Bad",
                     raw_config='{"clientID": "x",,}')""",
        "rawConfig is not valid JSON: Expecting property name enclosed in double quotes "
        "at line 1 column 18",
    ),
    "both_configs": (
        """dex.Connector("bad", connector_id="bad", type="oidc", name="Bad", raw_config="{}",
                     oidc_config={"issuer": "https://i", "client_id": "c",
                                  "client_secret": "s", "redirect_uri": "https://d/callback"})""",
        "set exactly one of oidcConfig and rawConfig",
    ),
    "tenant": (
        """dex.AzureOidcConnector("az", connector_id="az", name="A", tenant_id="contoso",
                               client_id="c", client_secret="s", redirect_uri="https://d/cb")""",
        "tenantId 'contoso' is not a GUID",
    ),
    "cognito_region": (
        """dex.CognitoOidcConnector("cg", connector_id="cg", name="C", region="eu-west-1",
                                 user_pool_id="us-east-1_X", client_id="c", client_secret="s",
                                 redirect_uri="https://d/callback")""",
        "userPoolId 'us-east-1_X' belongs to region us-east-1, not eu-west-1",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_inputs_fail_at_preview_with_the_field_named(case, dex, project):
    declaration, message = BAD_INPUTS[case]
    project.write_program("import pulumi_dex as dex\n" + declaration + "\n")
    result = project.preview(check=False)
    assert result.code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert _connector_ids(dex) == set()


def test_each_provider_instance_talks_to_its_own_dex(dex_factory, pulumi_project):
    first, second = dex_factory(), dex_factory()
    project = pulumi_project()
    for name, server in (("one", first), ("two", second)):
        for key, value in server.provider_config().items():
            project.config_set(f"{name}{key[0].upper()}{key[1:]}", value, secret=key == "clientKey")
    project.write_program("""
        import pulumi
        import pulumi_dex as dex
        cfg = pulumi.Config()
        for name in ("one", "two"):
            p = dex.Provider(name, host=cfg.require(name + "Host"),
                             ca_cert=cfg.require(name + "CaCert"),
                             client_cert=cfg.require(name + "ClientCert"),
                             client_key=cfg.require_secret(name + "ClientKey"))
            dex.Client("web-" + name, client_id="web-" + name, name=name,
                       opts=pulumi.ResourceOptions(provider=p))
    """)
    project.up()
    assert _api(first)[0].find("web-one") and not _api(first)[0].find("web-two")
    assert _api(second)[0].find("web-two") and not _api(second)[0].find("web-one")
