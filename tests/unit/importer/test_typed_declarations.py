"""dex-import declares connectors of Dex's own types with their typed resources."""

from __future__ import annotations

import base64
import json

from importer import declarations, program
from importer.inventory import Inventory
from pulumi_dex.dex.connectors import ConnectorRecord

PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
CALLBACK = "https://dex.example.test/callback"


def _record(connector_id: str, kind: str, doc: dict[str, object]) -> ConnectorRecord:
    return ConnectorRecord(connector_id, kind, connector_id.upper(), json.dumps(doc).encode())


RECORDS = (
    _record(
        "gl",
        "gitlab",
        {
            "clientID": "g",
            "clientSecret": "gitlab-secret-Zx1",
            "redirectURI": CALLBACK,
            "groups": ["staff"],
        },
    ),
    _record(
        "goog",
        "google",
        {
            "clientID": "g",
            "clientSecret": "google-secret-Zx2",
            "redirectURI": CALLBACK,
            "domainToAdminEmail": {"Corp.example": "admin@corp.example"},
            "serviceAccountFilePath": "/sa.json",
        },
    ),
    _record(
        "ld",
        "ldap",
        {
            "host": "ldap:636",
            "bindPW": "ldap-secret-Zx3",
            "rootCAData": base64.b64encode(PEM.encode()).decode(),
            "userSearch": {"baseDN": "dc=x", "username": "uid"},
            "groupSearch": {
                "baseDN": "dc=x",
                "nameAttr": "cn",
                "userMatchers": [{"userAttr": "DN", "groupAttr": "member"}],
            },
        },
    ),
    _record(
        "ms",
        "microsoft",
        {
            "clientID": "m",
            "clientSecret": "ms-secret-Zx4",
            "redirectURI": CALLBACK,
            "tenant": "organizations",
        },
    ),
    _record(
        "sm",
        "saml",
        {
            "ssoURL": "https://idp/sso",
            "caData": base64.b64encode(PEM.encode()).decode(),
            "redirectURI": CALLBACK,
            "usernameAttr": "name",
            "emailAttr": "mail",
        },
    ),
)


def _plan(*records: ConnectorRecord) -> declarations.Plan:
    return declarations.plan(Inventory(connectors=records))


def test_each_dex_type_gets_its_typed_resource():
    plan = _plan(*RECORDS)

    assert [d.sdk_class for d in plan.declarations] == [
        "GitLabConnector",
        "GoogleConnector",
        "LdapConnector",
        "MicrosoftConnector",
        "SamlConnector",
    ]
    assert plan.secret_keys == (
        "connector-gl-clientSecret",
        "connector-goog-clientSecret",
        "connector-ld-bindPw",
        "connector-ms-clientSecret",
    )
    assert plan.warnings == ()


def test_typed_program_holds_no_secret_and_python_names():
    text = program.generate(_plan(*RECORDS))

    compile(text, "__main__.py", "exec")
    assert not [s for s in ("Zx1", "Zx2", "Zx3", "Zx4") if s in text]
    assert '"user_matchers": [{"user_attr": "DN", "group_attr": "member"}]' in text
    # Map keys are the user's data, not property names: they keep their spelling.
    assert '{"Corp.example": "admin@corp.example"}' in text
    assert "root_ca_data=" in text and "BEGIN CERTIFICATE" in text


def test_a_config_the_typed_resource_cannot_hold_stays_raw():
    legacy = _record(
        "gh",
        "github",
        {"clientID": "g", "clientSecret": "s", "redirectURI": CALLBACK, "org": "acme"},
    )
    incomplete = _record("ld", "ldap", {"host": "ldap:636"})

    plan = _plan(legacy, incomplete)

    assert [d.sdk_class for d in plan.declarations] == ["Connector", "Connector"]
    assert plan.warnings == ()
