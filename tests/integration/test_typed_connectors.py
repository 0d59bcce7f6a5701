"""Typed connectors of Dex's own types, through the real Pulumi CLI and a real Dex (mTLS).

One stack holds all six, so the lifecycle runs once: create, update in place, refresh
without a diff, Dex's answer at /auth/{id}, import into a second stack, delete.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

import pytest
import requests

from pulumi_dex.dex.connection import DexConnection
from pulumi_dex.dex.connectors import ConnectorsApi

APP_REDIRECT = "http://127.0.0.1:5555/callback"
TENANT = "6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f"
GITLAB_URL = "https://gitlab.example.test"
SSO_URL = "https://idp.example.test/saml/sso"
# No LDAP server listens here: Dex shows its login form without contacting one.
LDAP_HOST = "127.0.0.1:1"


@dataclass(frozen=True)
class Case:
    """One typed connector: its SDK class, arguments before and after the update."""

    connector_id: str
    sdk_class: str
    dex_type: str
    created: str
    updated: str


def _cases(dex: Any) -> list[Case]:
    pki = dex.pki
    return [
        Case(
            "gh",
            "GitHubConnector",
            "github",
            'orgs=[{"name": "acme"}]',
            f'orgs=[{{"name": "acme", "teams": ["ops", "dev"]}}], team_name_field="slug", '
            f'use_login_as_id=True, host_name="github.example.test", '
            f'root_ca={str(pki.ca.cert_path)!r}, preferred_email_domain="example.test", '
            f"load_all_groups=False",
        ),
        Case(
            "gl",
            "GitLabConnector",
            "gitlab",
            f'base_url="{GITLAB_URL}"',
            f'base_url="{GITLAB_URL}", groups=["staff"], use_login_as_id=True',
        ),
        Case(
            "goog",
            "GoogleConnector",
            "google",
            'hosted_domains=["example.test"]',
            'hosted_domains=["example.test"], groups=["admins@example.test"], '
            'service_account_file_path="/etc/dex/sa.json", '
            'domain_to_admin_email={"example.test": "admin@example.test"}, prompt_type=""',
        ),
        Case(
            "ms",
            "MicrosoftConnector",
            "microsoft",
            f'tenant="{TENANT}"',
            f'tenant="{TENANT}", groups=["staff"], only_security_groups=True, '
            'group_name_format="id", use_groups_as_whitelist=True, '
            'prompt_type="select_account", domain_hint="example.test"',
        ),
        Case(
            "ld",
            "LdapConnector",
            "ldap",
            f'host="{LDAP_HOST}", start_tls=True, '
            'user_search={"base_dn": "ou=people,dc=example,dc=test", "username": "uid"}',
            f'host="{LDAP_HOST}", start_tls=True, root_ca_data={pki.ca.cert_pem!r}, '
            f"client_cert={str(pki.client.cert_path)!r}, "
            f"client_key={str(pki.client.key_path)!r}, "
            'bind_dn="cn=dex,dc=example,dc=test", bind_pw="ldap-bind-password-77", '
            'username_prompt="Corp ID", '
            'user_search={"base_dn": "ou=people,dc=example,dc=test", "username": "uid", '
            '"scope": "one", "id_attr": "uid", "email_attr": "mail", "name_attr": "cn", '
            '"preferred_username_attr": "uid"}, '
            'group_search={"base_dn": "ou=groups,dc=example,dc=test", '
            '"filter": "(objectClass=groupOfNames)", "name_attr": "cn", '
            '"user_matchers": [{"user_attr": "DN", "group_attr": "member"}]}',
        ),
        Case(
            "sm",
            "SamlConnector",
            "saml",
            f'sso_url="{SSO_URL}", ca_data={pki.ca.cert_pem!r}, username_attr="name", '
            'email_attr="email"',
            f'sso_url="{SSO_URL}", ca_data={pki.ca.cert_pem!r}, username_attr="name", '
            'email_attr="email", groups_attr="groups", groups_delim=",", '
            f'allowed_groups=["staff"], entity_issuer="dex", sso_issuer="{SSO_URL}", '
            'name_id_policy_format="emailAddress"',
        ),
    ]


def _expected_documents(dex: Any) -> dict[str, dict[str, Any]]:
    """What Dex must hold after the update, in the keys and JSON types Dex's Configs read."""
    callback = f"{dex.issuer}/callback"
    oauth = {"clientSecret": "upstream-secret-value-0001", "redirectURI": callback}
    ca_b64 = base64.b64encode(dex.pki.ca.cert_pem.encode()).decode()
    return {
        "gh": {
            "clientID": "gh-app",
            **oauth,
            "orgs": [{"name": "acme", "teams": ["ops", "dev"]}],
            "teamNameField": "slug",
            "useLoginAsID": True,
            "hostName": "github.example.test",
            "rootCA": str(dex.pki.ca.cert_path),
            "preferredEmailDomain": "example.test",
        },
        "gl": {
            "baseURL": GITLAB_URL,
            "clientID": "gl-app",
            **oauth,
            "groups": ["staff"],
            "useLoginAsID": True,
        },
        "goog": {
            "clientID": "goog-app",
            **oauth,
            "hostedDomains": ["example.test"],
            "groups": ["admins@example.test"],
            "serviceAccountFilePath": "/etc/dex/sa.json",
            "domainToAdminEmail": {"example.test": "admin@example.test"},
            "promptType": "",
        },
        "ms": {
            "clientID": "ms-app",
            **oauth,
            "tenant": TENANT,
            "groups": ["staff"],
            "onlySecurityGroups": True,
            "groupNameFormat": "id",
            "useGroupsAsWhitelist": True,
            "promptType": "select_account",
            "domainHint": "example.test",
        },
        "ld": {
            "host": LDAP_HOST,
            "startTLS": True,
            "rootCAData": ca_b64,
            "clientCert": str(dex.pki.client.cert_path),
            "clientKey": str(dex.pki.client.key_path),
            "bindDN": "cn=dex,dc=example,dc=test",
            "bindPW": "ldap-bind-password-77",
            "usernamePrompt": "Corp ID",
            "userSearch": {
                "baseDN": "ou=people,dc=example,dc=test",
                "username": "uid",
                "scope": "one",
                "idAttr": "uid",
                "emailAttr": "mail",
                "nameAttr": "cn",
                "preferredUsernameAttr": "uid",
            },
            "groupSearch": {
                "baseDN": "ou=groups,dc=example,dc=test",
                "filter": "(objectClass=groupOfNames)",
                "userMatchers": [{"userAttr": "DN", "groupAttr": "member"}],
                "nameAttr": "cn",
            },
        },
        "sm": {
            "ssoURL": SSO_URL,
            "caData": ca_b64,
            "entityIssuer": "dex",
            "ssoIssuer": SSO_URL,
            "redirectURI": callback,
            "usernameAttr": "name",
            "emailAttr": "email",
            "groupsAttr": "groups",
            "groupsDelim": ",",
            "allowedGroups": ["staff"],
            "nameIDPolicyFormat": "emailAddress",
        },
    }


def _declaration(case: Case, dex: Any, args: str, title: str) -> str:
    oauth = {
        "ldap": "",
        "saml": f'redirect_uri="{dex.issuer}/callback", ',
    }.get(
        case.dex_type,
        f'client_id="{case.connector_id}-app", '
        f'client_secret="upstream-secret-value-0001", redirect_uri="{dex.issuer}/callback", ',
    )
    return (
        f'dex.{case.sdk_class}("{case.connector_id}", connector_id="{case.connector_id}", '
        f'name="{title}", {oauth}{args})\n'
    )


def _program(dex: Any, cases: list[Case], updated: bool, with_client: bool = True) -> str:
    lines = ["import pulumi_dex as dex\n"]
    if with_client:
        lines.append(
            f'dex.Client("app", client_id="app", name="App", '
            f'secret="app-client-secret-0123456789abcdef", '
            f'redirect_uris=["{APP_REDIRECT}"])\n'
        )
    for case in cases:
        args = case.updated if updated else case.created
        title = f"{case.sdk_class} {'v2' if updated else 'v1'}"
        lines.append(_declaration(case, dex, args, title))
    return "".join(lines)


def _configure(project: Any, dex: Any) -> None:
    for key, value in dex.provider_config().items():
        project.config_set(f"dex:{key}", value, secret=key == "clientKey")


def _stored(dex: Any) -> dict[str, Any]:
    listing = ConnectorsApi(DexConnection(dex.connection_settings())).list()
    return {c.id: c for c in listing if c.id != "local"}


def _login_page(dex: Any, connector_id: str) -> requests.Response:
    query = {
        "client_id": "app",
        "redirect_uri": APP_REDIRECT,
        "response_type": "code",
        "scope": "openid",
        "state": "x",
    }
    return requests.get(
        f"{dex.issuer}/auth/{connector_id}", params=query, allow_redirects=False, timeout=10
    )


def _assert_hands_off(dex: Any, connector_id: str, upstream: str) -> None:
    reply = _login_page(dex, connector_id)
    assert reply.status_code in (302, 303), (connector_id, reply.status_code, reply.text)
    assert reply.headers["Location"].startswith(upstream), reply.headers["Location"]


@pytest.fixture
def stack(dex, pulumi_project):
    """A stack holding all six typed connectors, created then updated in place."""
    project = pulumi_project()
    _configure(project, dex)
    cases = _cases(dex)
    project.write_program(_program(dex, cases, updated=False))
    project.up()
    project.write_program(_program(dex, cases, updated=True))
    result = project.up()
    assert "6 updated" in result.output and "replaced" not in result.output, result.output
    return project, cases


def test_typed_connectors_store_the_documents_dex_reads(dex, stack):
    stored = _stored(dex)
    for connector_id, expected in _expected_documents(dex).items():
        record = stored[connector_id]
        assert json.loads(record.config) == expected, connector_id
        assert record.name.endswith(" v2"), record.name
    assert {c.id: c.type for c in stored.values()} == {
        "gh": "github",
        "gl": "gitlab",
        "goog": "google",
        "ms": "microsoft",
        "ld": "ldap",
        "sm": "saml",
    }


def test_refresh_finds_no_diff(stack):
    project, _ = stack
    project.refresh("--expect-no-changes")
    project.preview("--expect-no-changes")


def test_secrets_are_encrypted_in_state(stack):
    project, _ = stack
    state = json.dumps(project.stack_export())
    assert "upstream-secret-value-0001" not in state
    assert "ldap-bind-password-77" not in state


def test_dex_hands_each_login_to_the_upstream(dex, stack):
    _assert_hands_off(dex, "gh", "https://github.example.test/login/oauth/authorize?")
    _assert_hands_off(dex, "gl", f"{GITLAB_URL}/oauth/authorize?")
    _assert_hands_off(
        dex, "ms", f"https://login.microsoftonline.com/{TENANT}/oauth2/v2.0/authorize?"
    )
    # Google is left out: Dex opens it by fetching accounts.google.com's discovery
    # document, and these tests reach no host but 127.0.0.1.

    # Dex v2.41.1 first redirects a password connector to its own form, then shows it.
    reply = _login_page(dex, "ld")
    assert reply.status_code == 302, reply.text
    form = requests.get(_absolute(dex, reply.headers["Location"]), timeout=10)
    assert form.status_code == 200 and 'name="password"' in form.text, form.text
    assert "Corp ID" in form.text

    # A SAML login is handed over with a self-posting form aimed at the IdP, not a redirect.
    reply = _login_page(dex, "sm")
    assert reply.status_code == 200, reply.text
    assert f'action="{SSO_URL}"' in reply.text and "SAMLRequest" in reply.text


def _absolute(dex: Any, location: str) -> str:
    if location.startswith("http"):
        return location
    origin = "/".join(dex.issuer.split("/", 3)[:3])
    return origin + location


def test_import_by_id_then_delete(dex, stack, pulumi_project):
    _, cases = stack
    adopter = pulumi_project()
    _configure(adopter, dex)
    adopter.write_program(_program(dex, cases, updated=True, with_client=False))
    import_file = adopter.workdir / "import.json"
    resources = [
        {"type": f"dex:index:{case.sdk_class}", "name": case.connector_id, "id": case.connector_id}
        for case in cases
    ]
    import_file.write_text(json.dumps({"resources": resources}))
    adopter.import_file(import_file, "--generate-code=false")
    adopter.preview("--expect-no-changes")

    adopter.destroy()
    assert _stored(dex) == {}
