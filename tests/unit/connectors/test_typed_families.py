"""The typed connector families: checks at preview, and Dex documents in both directions."""

from __future__ import annotations

import base64

import pytest

from pulumi_dex.connectors import document, github, gitlab, google, ldap, microsoft, saml

PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
CALLBACK = "https://dex.example.com/callback"
TENANT = "6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f"
LDAP_INPUTS = {"host": "ldap.example.com", "userSearch": {"baseDn": "dc=x", "username": "uid"}}


def test_redirect_uri_must_be_dexs_callback():
    assert github.check({"redirectUri": "https://dex.example.com/cb"}) == [
        (
            "redirectUri",
            "redirectUri 'https://dex.example.com/cb' must be Dex's callback, {issuer}/callback",
        )
    ]
    assert gitlab.check({"redirectUri": "dex/callback"}) == [
        ("redirectUri", "redirectUri 'dex/callback' must be an absolute http(s) URL")
    ]


def test_github_refuses_what_dex_refuses_when_opening_it():
    failures = github.check(
        {
            "redirectUri": CALLBACK,
            "teamNameField": "title",
            "hostName": "https://ghe.example.com",
            "rootCa": "/ca.pem",
            "preferredEmailDomain": "example.*",
        }
    )

    assert [prop for prop, _ in failures] == ["teamNameField", "hostName", "preferredEmailDomain"]
    assert github.check({"rootCa": "/ca.pem"}) == [
        (
            "rootCa",
            "rootCa needs hostName: it is the CA of a GitHub Enterprise server; set "
            "hostName or remove rootCa",
        )
    ]


def test_microsoft_tenant_forms():
    assert microsoft.check({"tenant": "organizations"}) == []
    assert microsoft.check({"tenant": TENANT}) == []
    assert microsoft.check({"tenant": "contoso.onmicrosoft.com"}) == []
    assert [p for p, _ in microsoft.check({"tenant": "contoso tenant"})] == ["tenant"]


def test_microsoft_groups_need_a_single_tenant():
    assert microsoft.check({"groups": ["staff"]}) == [
        (
            "tenant",
            "groups need a single tenant, but tenant is 'common', for which Dex ignores "
            "groups; set tenant to your tenant ID or domain",
        )
    ]
    assert microsoft.check({"groups": ["staff"], "tenant": TENANT}) == []


def test_google_service_account_needs_an_admin():
    assert [p for p, _ in google.check({"serviceAccountFilePath": "/sa.json"})] == [
        "serviceAccountFilePath"
    ]
    assert (
        google.check(
            {"serviceAccountFilePath": "/sa.json", "domainToAdminEmail": {"*": "admin@example.com"}}
        )
        == []
    )


def test_ldap_insecure_no_ssl_and_start_tls_exclude_each_other():
    failures = ldap.check({**LDAP_INPUTS, "insecureNoSsl": True, "startTls": True})

    assert failures == [
        (
            "startTls",
            "insecureNoSsl and startTls exclude each other; remove insecureNoSsl to "
            "upgrade the connection with StartTLS",
        )
    ]


def test_ldap_checks_nested_blocks_and_certificates():
    inputs = {
        "host": "ldap",
        "rootCaData": "not pem",
        "clientCert": "/c.pem",
        "userSearch": {"baseDn": "dc=x", "scope": "base"},
        "groupSearch": {"baseDn": "dc=x", "userMatchers": [{"userAttr": "uid"}]},
    }

    assert [p for p, _ in ldap.check(inputs)] == [
        "rootCaData",
        "clientKey",
        "userSearch.scope",
        "userSearch.username",
        "groupSearch.nameAttr",
        "groupSearch.userMatchers[0].groupAttr",
    ]


def test_saml_name_id_formats_are_dexs():
    base = {"redirectUri": CALLBACK, "ssoUrl": "https://idp/sso", "caData": PEM}

    assert saml.check({**base, "nameIdPolicyFormat": "persistent"}) == []
    assert (
        saml.check(
            {**base, "nameIdPolicyFormat": "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"}
        )
        == []
    )
    assert [p for p, _ in saml.check({**base, "nameIdPolicyFormat": "email"})] == [
        "nameIdPolicyFormat"
    ]


def test_pem_fields_are_base64_in_dex_and_pem_in_the_resource():
    inputs = {**LDAP_INPUTS, "rootCaData": PEM}

    doc = ldap.to_dex(inputs)

    assert doc["rootCAData"] == base64.b64encode(PEM.encode()).decode()
    assert ldap.from_dex(doc) == inputs


@pytest.mark.parametrize("family", [github, gitlab, google, microsoft])
def test_oauth_documents_round_trip(family):
    inputs = {"clientId": "c", "clientSecret": "s", "redirectUri": CALLBACK}

    assert family.to_dex(inputs) == {"clientID": "c", "clientSecret": "s", "redirectURI": CALLBACK}
    assert family.from_dex(family.to_dex(inputs)) == inputs


def test_github_orgs_are_a_list_of_objects():
    inputs = {"orgs": [{"name": "acme", "teams": ["ops"]}], "useLoginAsId": True}

    assert github.to_dex(inputs) == {
        "orgs": [{"name": "acme", "teams": ["ops"]}],
        "useLoginAsID": True,
    }


def test_false_and_null_read_as_unset():
    assert gitlab.from_dex({"clientID": "c", "useLoginAsID": False, "groups": None}) == {
        "clientId": "c"
    }


def test_a_key_we_do_not_type_is_a_misfit():
    with pytest.raises(document.Misfit, match="org has no typed property"):
        github.from_dex({"clientID": "c", "org": "legacy-single-org"})
    with pytest.raises(document.Misfit, match="useLoginAsID holds str"):
        gitlab.from_dex({"useLoginAsID": "yes"})
