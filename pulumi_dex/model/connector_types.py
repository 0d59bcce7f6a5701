"""Typed connectors stored as Dex's own connector types (github, gitlab, google, ...).

Each `dex_key` is the JSON key of the Config struct of that connector in Dex v2.41.1;
tests/unit/connectors/test_dex_keys.py compares them with Dex's source.
"""

from __future__ import annotations

from pulumi_dex.model.properties import (
    BOOLEAN,
    STRING,
    STRING_LIST,
    STRING_MAP,
    ObjectType,
    Prop,
    ResourceSpec,
    connector_identity,
    list_of,
)


def _oauth(where: str) -> tuple[Prop, ...]:
    return (
        Prop(
            "clientId",
            STRING,
            f"Client ID of the OAuth app registered in {where}.",
            True,
            dex_key="clientID",
        ),
        Prop(
            "clientSecret",
            STRING,
            "Client secret of that OAuth app.",
            True,
            secret=True,
            dex_key="clientSecret",
        ),
        Prop(
            "redirectUri",
            STRING,
            "Dex's callback URL, {issuer}/callback.",
            True,
            dex_key="redirectURI",
        ),
    )


GITHUB_ORG = ObjectType(
    token="dex:index:GitHubOrg",
    description="A GitHub organization whose members (or whose teams' members) may log in.",
    props=(
        Prop("name", STRING, "Organization name.", True, dex_key="name"),
        Prop(
            "teams",
            STRING_LIST,
            "Only members of these teams; any member when empty.",
            dex_key="teams",
        ),
    ),
)

GITHUB = ResourceSpec(
    token="dex:index:GitHubConnector",
    description="GitHub or GitHub Enterprise through Dex's github connector.",
    id_property="connectorId",
    objects={GITHUB_ORG.token: GITHUB_ORG},
    props=(
        *connector_identity("GitHub"),
        *_oauth("GitHub"),
        Prop(
            "orgs",
            list_of(GITHUB_ORG.token),
            "Organizations allowed to log in; anyone with a GitHub account when empty.",
            dex_key="orgs",
        ),
        Prop(
            "teamNameField",
            STRING,
            "Team name in the groups claim: name, slug or both.",
            dex_key="teamNameField",
        ),
        Prop(
            "useLoginAsId",
            BOOLEAN,
            "Use the GitHub login instead of the numeric user ID.",
            dex_key="useLoginAsID",
        ),
        Prop(
            "hostName",
            STRING,
            "GitHub Enterprise host name, without scheme or path.",
            dex_key="hostName",
        ),
        Prop(
            "rootCa",
            STRING,
            "Path, on the Dex host, of the PEM CA of GitHub Enterprise.",
            dex_key="rootCA",
        ),
        Prop(
            "preferredEmailDomain",
            STRING,
            "Domain of the email address to prefer.",
            dex_key="preferredEmailDomain",
        ),
        Prop(
            "loadAllGroups",
            BOOLEAN,
            "List every org and team of the user as groups.",
            dex_key="loadAllGroups",
        ),
    ),
)

GITLAB = ResourceSpec(
    token="dex:index:GitLabConnector",
    description="GitLab.com or a self-managed GitLab through Dex's gitlab connector.",
    id_property="connectorId",
    props=(
        *connector_identity("GitLab"),
        Prop("baseUrl", STRING, "GitLab's URL; https://gitlab.com when unset.", dex_key="baseURL"),
        *_oauth("GitLab"),
        Prop("groups", STRING_LIST, "Only members of these groups may log in.", dex_key="groups"),
        Prop(
            "useLoginAsId",
            BOOLEAN,
            "Use the GitLab username instead of the numeric ID.",
            dex_key="useLoginAsID",
        ),
    ),
)

GOOGLE = ResourceSpec(
    token="dex:index:GoogleConnector",
    description="Google accounts and Workspace domains through Dex's google connector.",
    id_property="connectorId",
    props=(
        *connector_identity("Google"),
        *_oauth("Google Cloud"),
        Prop(
            "hostedDomains",
            STRING_LIST,
            "Only users of these Workspace domains.",
            dex_key="hostedDomains",
        ),
        Prop("groups", STRING_LIST, "Only members of these Workspace groups.", dex_key="groups"),
        Prop(
            "serviceAccountFilePath",
            STRING,
            "Path, on the Dex host, of the service account JSON used to read group memberships.",
            dex_key="serviceAccountFilePath",
        ),
        Prop(
            "adminEmail",
            STRING,
            "Workspace admin the service account acts as (deprecated "
            "by Dex; prefer domainToAdminEmail).",
            dex_key="adminEmail",
        ),
        Prop(
            "domainToAdminEmail",
            STRING_MAP,
            "Workspace domain to the admin the service account acts as there; `*` for any domain.",
            dex_key="domainToAdminEmail",
        ),
        Prop(
            "promptType",
            STRING,
            "OIDC prompt sent to Google; consent when unset, none when empty.",
            dex_key="promptType",
        ),
    ),
)

MICROSOFT = ResourceSpec(
    token="dex:index:MicrosoftConnector",
    description="Microsoft accounts and Entra ID through Dex's microsoft connector.",
    id_property="connectorId",
    props=(
        *connector_identity("Microsoft"),
        *_oauth("the Entra admin center"),
        Prop(
            "tenant",
            STRING,
            "common (default), organizations, consumers, a tenant ID (GUID) or a verified domain.",
            dex_key="tenant",
        ),
        Prop(
            "groups",
            STRING_LIST,
            "Only members of these groups may log in; needs a single tenant.",
            dex_key="groups",
        ),
        Prop(
            "onlySecurityGroups",
            BOOLEAN,
            "Read security groups only.",
            dex_key="onlySecurityGroups",
        ),
        Prop(
            "groupNameFormat", STRING, "Groups as name (default) or id.", dex_key="groupNameFormat"
        ),
        Prop(
            "useGroupsAsWhitelist",
            BOOLEAN,
            "Report only the groups listed in `groups`.",
            dex_key="useGroupsAsWhitelist",
        ),
        Prop(
            "promptType", STRING, "OAuth prompt parameter sent to Microsoft.", dex_key="promptType"
        ),
        Prop(
            "domainHint",
            STRING,
            "domain_hint sent to Microsoft to skip the account picker.",
            dex_key="domainHint",
        ),
    ),
)

LDAP_USER_SEARCH = ObjectType(
    token="dex:index:LdapUserSearch",
    description="How Dex finds the entry of the user who logs in.",
    props=(
        Prop("baseDn", STRING, "Where the search starts.", True, dex_key="baseDN"),
        Prop("filter", STRING, "Extra filter, such as (objectClass=person).", dex_key="filter"),
        Prop(
            "username",
            STRING,
            "Attribute matched against what the user types.",
            True,
            dex_key="username",
        ),
        Prop("scope", STRING, "sub (default) or one.", dex_key="scope"),
        Prop("idAttr", STRING, "Attribute for the user ID; uid by default.", dex_key="idAttr"),
        Prop("emailAttr", STRING, "Attribute for the email; mail by default.", dex_key="emailAttr"),
        Prop("nameAttr", STRING, "Attribute for the display name.", dex_key="nameAttr"),
        Prop(
            "preferredUsernameAttr",
            STRING,
            "Attribute for preferred_username.",
            dex_key="preferredUsernameAttr",
        ),
        Prop(
            "emailSuffix",
            STRING,
            "Email is {idAttr}@{emailSuffix} when set.",
            dex_key="emailSuffix",
        ),
    ),
)

LDAP_USER_MATCHER = ObjectType(
    token="dex:index:LdapUserMatcher",
    description="A group attribute that must equal a user attribute.",
    props=(
        Prop("userAttr", STRING, "Attribute of the user entry.", True, dex_key="userAttr"),
        Prop("groupAttr", STRING, "Attribute of the group entry.", True, dex_key="groupAttr"),
    ),
)

LDAP_GROUP_SEARCH = ObjectType(
    token="dex:index:LdapGroupSearch",
    description="How Dex finds the groups of the user who logs in.",
    props=(
        Prop("baseDn", STRING, "Where the search starts.", True, dex_key="baseDN"),
        Prop(
            "filter", STRING, "Extra filter, such as (objectClass=groupOfNames).", dex_key="filter"
        ),
        Prop("scope", STRING, "sub (default) or one.", dex_key="scope"),
        Prop(
            "userMatchers",
            list_of(LDAP_USER_MATCHER.token),
            "Pairs that tie a group to the user.",
            dex_key="userMatchers",
        ),
        Prop("nameAttr", STRING, "Attribute for the group's name.", True, dex_key="nameAttr"),
    ),
)

LDAP = ResourceSpec(
    token="dex:index:LdapConnector",
    description="An LDAP directory through Dex's ldap connector (username and password).",
    id_property="connectorId",
    objects={
        LDAP_USER_SEARCH.token: LDAP_USER_SEARCH,
        LDAP_GROUP_SEARCH.token: LDAP_GROUP_SEARCH,
        LDAP_USER_MATCHER.token: LDAP_USER_MATCHER,
    },
    props=(
        *connector_identity("the directory"),
        Prop(
            "host",
            STRING,
            "host or host:port; port 636 (389 with insecureNoSsl) when omitted.",
            True,
            dex_key="host",
        ),
        Prop(
            "insecureNoSsl",
            BOOLEAN,
            "Plain LDAP without TLS; never in production.",
            dex_key="insecureNoSSL",
        ),
        Prop(
            "insecureSkipVerify",
            BOOLEAN,
            "Accept any server certificate; never in production.",
            dex_key="insecureSkipVerify",
        ),
        Prop(
            "startTls",
            BOOLEAN,
            "Connect in plain text, then upgrade with StartTLS.",
            dex_key="startTLS",
        ),
        Prop(
            "rootCaData",
            STRING,
            "PEM of the CAs trusted for the server (stored base64-encoded, as Dex reads it).",
            dex_key="rootCAData",
            dex_bytes=True,
        ),
        Prop(
            "clientCert",
            STRING,
            "Path, on the Dex host, of a client certificate.",
            dex_key="clientCert",
        ),
        Prop(
            "clientKey",
            STRING,
            "Path, on the Dex host, of its key.",
            secret=True,
            dex_key="clientKey",
        ),
        Prop("bindDn", STRING, "DN of the service account that searches.", dex_key="bindDN"),
        Prop("bindPw", STRING, "Password of the service account.", secret=True, dex_key="bindPW"),
        Prop(
            "usernamePrompt",
            STRING,
            "Label of the username field; Username by default.",
            dex_key="usernamePrompt",
        ),
        Prop(
            "userSearch", LDAP_USER_SEARCH.token, "How users are found.", True, dex_key="userSearch"
        ),
        Prop(
            "groupSearch", LDAP_GROUP_SEARCH.token, "How groups are found.", dex_key="groupSearch"
        ),
    ),
)

SAML = ResourceSpec(
    token="dex:index:SamlConnector",
    description="A SAML 2.0 identity provider through Dex's saml connector.",
    id_property="connectorId",
    props=(
        *connector_identity("the identity provider"),
        Prop(
            "ssoUrl", STRING, "The identity provider's single sign-on URL.", True, dex_key="ssoURL"
        ),
        Prop(
            "caData",
            STRING,
            "PEM of the CA (or certificate) that signs responses (stored "
            "base64-encoded, as Dex reads it).",
            True,
            dex_key="caData",
            dex_bytes=True,
        ),
        Prop("entityIssuer", STRING, "Issuer Dex names in its requests.", dex_key="entityIssuer"),
        Prop("ssoIssuer", STRING, "Issuer required in responses.", dex_key="ssoIssuer"),
        Prop(
            "redirectUri",
            STRING,
            "Dex's callback URL, {issuer}/callback.",
            True,
            dex_key="redirectURI",
        ),
        Prop("usernameAttr", STRING, "Attribute for the username.", True, dex_key="usernameAttr"),
        Prop("emailAttr", STRING, "Attribute for the email.", True, dex_key="emailAttr"),
        Prop("groupsAttr", STRING, "Attribute for the groups.", dex_key="groupsAttr"),
        Prop(
            "groupsDelim",
            STRING,
            "Split one groups value on this delimiter.",
            dex_key="groupsDelim",
        ),
        Prop(
            "allowedGroups",
            STRING_LIST,
            "Only members of these groups may log in.",
            dex_key="allowedGroups",
        ),
        Prop(
            "nameIdPolicyFormat",
            STRING,
            "Requested NameID format, in full or its last part (persistent by default).",
            dex_key="nameIDPolicyFormat",
        ),
    ),
)

TYPED_CONNECTORS = (GITHUB, GITLAB, GOOGLE, MICROSOFT, LDAP, SAML)
TYPED_CONNECTOR_OBJECTS = {
    token: obj for spec in TYPED_CONNECTORS for token, obj in spec.objects.items()
}
