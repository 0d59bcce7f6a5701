"""The schema and the SDK classes come from one model; these tests hold them together."""

import inspect
import json

import pulumi_dex as dex
from pulumi_dex.model.connector_types import GITHUB, GITLAB, GOOGLE, LDAP, MICROSOFT, SAML
from pulumi_dex.model.resources import AZURE, CLIENT, COGNITO, CONNECTOR, PROVIDER, RESOURCES
from pulumi_dex.model.schema import package_schema

SDK_CLASSES = {
    CLIENT.token: dex.Client,
    CONNECTOR.token: dex.Connector,
    AZURE.token: dex.AzureOidcConnector,
    COGNITO.token: dex.CognitoOidcConnector,
    GITHUB.token: dex.GitHubConnector,
    GITLAB.token: dex.GitLabConnector,
    GOOGLE.token: dex.GoogleConnector,
    MICROSOFT.token: dex.MicrosoftConnector,
    LDAP.token: dex.LdapConnector,
    SAML.token: dex.SamlConnector,
    PROVIDER.token: dex.Provider,
}


def _sdk_arguments(cls: type) -> set[str]:
    params = inspect.signature(cls.__init__).parameters
    return set(params) - {"self", "resource_name", "opts"}


def test_every_schema_input_is_an_sdk_argument_and_back():
    schema = package_schema()
    entries = {**schema["resources"], PROVIDER.token: schema["provider"]}
    for token, cls in SDK_CLASSES.items():
        spec_names = {p.python_name for p in _spec(token).inputs}
        assert spec_names == _sdk_arguments(cls), token
        assert set(entries[token]["inputProperties"]) == {p.name for p in _spec(token).inputs}


def test_required_sdk_arguments_are_the_required_schema_inputs():
    schema = package_schema()
    for token, entry in schema["resources"].items():
        params = inspect.signature(SDK_CLASSES[token].__init__).parameters
        required = {n for n, p in params.items() if p.default is inspect.Parameter.empty}
        required -= {"self", "resource_name"}
        wanted = {_spec(token).prop(name).python_name for name in entry["requiredInputs"]}
        assert required == wanted, token


def test_secret_fields_are_declared_secret_in_the_schema():
    schema = package_schema()
    assert schema["resources"][CLIENT.token]["properties"]["secret"]["secret"] is True
    assert schema["resources"][CONNECTOR.token]["properties"]["rawConfig"]["secret"] is True
    oidc = schema["types"]["dex:index:OidcConfig"]["properties"]
    assert oidc["clientSecret"]["secret"] is True
    assert schema["provider"]["inputProperties"]["clientKey"]["secret"] is True
    for spec in (GITHUB, GITLAB, GOOGLE, MICROSOFT):
        assert schema["resources"][spec.token]["properties"]["clientSecret"]["secret"] is True
    assert schema["resources"][LDAP.token]["properties"]["bindPw"]["secret"] is True
    assert schema["resources"][LDAP.token]["properties"]["clientKey"]["secret"] is True


def test_schema_is_valid_json_with_the_agreed_tokens():
    schema = json.loads(json.dumps(package_schema()))
    assert set(schema["resources"]) == {
        "dex:index:Client",
        "dex:index:Connector",
        "dex:index:AzureOidcConnector",
        "dex:index:CognitoOidcConnector",
        "dex:index:GitHubConnector",
        "dex:index:GitLabConnector",
        "dex:index:GoogleConnector",
        "dex:index:MicrosoftConnector",
        "dex:index:LdapConnector",
        "dex:index:SamlConnector",
    }
    assert schema["name"] == "dex"


def _spec(token):
    return {s.token: s for s in (*RESOURCES, PROVIDER)}[token]
