"""The one definition of every resource: the schema and the SDK classes come from here."""

from __future__ import annotations

from pulumi_dex.model.connector_types import TYPED_CONNECTOR_OBJECTS, TYPED_CONNECTORS
from pulumi_dex.model.properties import (
    ANY_MAP,
    BOOLEAN,
    NUMBER,
    STRING,
    STRING_LIST,
    ObjectType,
    Prop,
    ResourceSpec,
    connector_identity,
)

PACKAGE = "dex"
PROVIDER_TOKEN = "pulumi:providers:dex"

PROVIDER = ResourceSpec(
    token=PROVIDER_TOKEN,
    description="Connection to one Dex server's gRPC API.",
    props=(
        Prop("host", STRING, "Dex's gRPC address, host:port (env DEX_HOST).", required=True),
        Prop("caCert", STRING, "PEM of the CA that signed Dex's certificate (env DEX_CA_CERT)."),
        Prop("clientCert", STRING, "PEM client certificate for mTLS (env DEX_CLIENT_CERT)."),
        Prop("clientKey", STRING, "PEM key of the client certificate.", secret=True),
        Prop("serverName", STRING, "Name to verify in Dex's certificate (env DEX_SERVER_NAME)."),
        Prop("insecure", BOOLEAN, "Plaintext gRPC; local development only (env DEX_INSECURE)."),
        Prop("insecureSkipVerify", BOOLEAN, "TLS without verifying Dex; development only."),
        Prop("timeoutSeconds", NUMBER, "Deadline of every call to Dex, 10 by default."),
    ),
)

CLIENT = ResourceSpec(
    token="dex:index:Client",
    description="An OAuth2 client of Dex.",
    id_property="clientId",
    props=(
        Prop(
            "clientId", STRING, "The client ID; a change replaces the client.", True, replaces=True
        ),
        Prop("name", STRING, "Display name shown on Dex's approval screen.", required=True),
        Prop(
            "secret",
            STRING,
            "Client secret; generated once when omitted. A change replaces the client.",
            secret=True,
            replaces=True,
        ),
        Prop("redirectUris", STRING_LIST, "Allowed redirect URIs, compared exactly by Dex."),
        Prop("trustedPeers", STRING_LIST, "Clients allowed to mint tokens for this client."),
        Prop(
            "public",
            BOOLEAN,
            "A public (native or browser) client; a change replaces it.",
            replaces=True,
        ),
        Prop("logoUrl", STRING, "Logo shown on Dex's approval screen."),
    ),
)

CLAIM_MAPPING = ObjectType(
    token="dex:index:OidcClaimMapping",
    description="Which upstream claims Dex reads for username, email and groups.",
    props=(
        Prop("preferredUsername", STRING, "Claim for the username.", dex_key="preferred_username"),
        Prop("email", STRING, "Claim for the email address.", dex_key="email"),
        Prop("groups", STRING, "Claim for the groups.", dex_key="groups"),
    ),
)

DISCOVERY_OVERRIDES = ObjectType(
    token="dex:index:OidcProviderDiscoveryOverrides",
    description="Endpoints used instead of those the issuer's discovery document names.",
    props=(
        Prop("tokenUrl", STRING, "Token endpoint.", dex_key="tokenURL"),
        Prop("authUrl", STRING, "Authorization endpoint.", dex_key="authURL"),
        Prop("jwksUrl", STRING, "JSON Web Key Set endpoint.", dex_key="jwksURL"),
    ),
)

OIDC_CONFIG = ObjectType(
    token="dex:index:OidcConfig",
    description="Configuration of Dex's generic OpenID Connect connector.",
    props=(
        Prop("issuer", STRING, "Issuer URL of the upstream provider.", True, dex_key="issuer"),
        Prop("clientId", STRING, "Client ID registered upstream.", True, dex_key="clientID"),
        Prop(
            "clientSecret",
            STRING,
            "Client secret registered upstream.",
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
        Prop(
            "scopes",
            STRING_LIST,
            "Scopes to request; Dex asks for profile and email when empty.",
            dex_key="scopes",
        ),
        Prop("userNameKey", STRING, "Claim used as the user's name.", dex_key="userNameKey"),
        Prop("userIdKey", STRING, "Claim used as the user's ID.", dex_key="userIDKey"),
        Prop(
            "insecureSkipEmailVerified",
            BOOLEAN,
            "Accept tokens without email_verified.",
            dex_key="insecureSkipEmailVerified",
        ),
        Prop(
            "insecureEnableGroups",
            BOOLEAN,
            "Read groups from the upstream token.",
            dex_key="insecureEnableGroups",
        ),
        Prop(
            "getUserInfo", BOOLEAN, "Call the UserInfo endpoint for claims.", dex_key="getUserInfo"
        ),
        Prop(
            "basicAuthUnsupported",
            BOOLEAN,
            "Send client credentials in the body.",
            dex_key="basicAuthUnsupported",
        ),
        Prop("promptType", STRING, "OIDC prompt parameter sent upstream.", dex_key="promptType"),
        Prop(
            "overrideClaimMapping",
            BOOLEAN,
            "Let claimMapping win over standard claims.",
            dex_key="overrideClaimMapping",
        ),
        Prop("claimMapping", CLAIM_MAPPING.token, "Claim names to read.", dex_key="claimMapping"),
        Prop(
            "allowedGroups",
            STRING_LIST,
            "Only members of these groups may log in.",
            dex_key="allowedGroups",
        ),
        Prop(
            "pkceChallenge",
            STRING,
            "PKCE method towards upstream (Dex 2.43 and newer).",
            dex_key="pkceChallenge",
        ),
        Prop("rootCas", STRING_LIST, "PEM CAs trusted for the upstream issuer.", dex_key="rootCAs"),
        Prop(
            "hostedDomains",
            STRING_LIST,
            "Google hosted domains allowed to log in.",
            dex_key="hostedDomains",
        ),
        Prop(
            "acrValues",
            STRING_LIST,
            "Authentication context class references.",
            dex_key="acrValues",
        ),
        Prop(
            "insecureSkipVerify",
            BOOLEAN,
            "Skip TLS verification upstream; never in production.",
            dex_key="insecureSkipVerify",
        ),
        Prop(
            "providerDiscoveryOverrides",
            DISCOVERY_OVERRIDES.token,
            "Endpoint overrides.",
            dex_key="providerDiscoveryOverrides",
        ),
        Prop("extra", ANY_MAP, "Further keys of Dex's oidc config, written as given."),
    ),
)

CONNECTOR_OBJECTS = {
    OIDC_CONFIG.token: OIDC_CONFIG,
    CLAIM_MAPPING.token: CLAIM_MAPPING,
    DISCOVERY_OVERRIDES.token: DISCOVERY_OVERRIDES,
    **TYPED_CONNECTOR_OBJECTS,
}

CONNECTOR = ResourceSpec(
    token="dex:index:Connector",
    description="An upstream identity provider of any type Dex supports.",
    id_property="connectorId",
    objects=CONNECTOR_OBJECTS,
    props=(
        *connector_identity(),
        Prop("type", STRING, "Dex connector type: oidc, github, ldap, saml, ...", True),
        Prop("oidcConfig", OIDC_CONFIG.token, "Typed config; only with type oidc."),
        Prop("rawConfig", STRING, "The connector's config as a JSON document.", secret=True),
    ),
)

_SHARED_OIDC = (
    Prop("clientId", STRING, "Client (application) ID registered upstream.", True),
    Prop("clientSecret", STRING, "Client secret registered upstream.", True, secret=True),
    Prop("redirectUri", STRING, "Dex's callback URL, {issuer}/callback.", True),
    Prop("scopes", STRING_LIST, "Scopes to request; sensible defaults when empty."),
    Prop("userNameSource", STRING, "Claim for the username: preferred_username, upn or email."),
    Prop("issuer", STRING, "The derived issuer URL.", output_only=True),
)

AZURE = ResourceSpec(
    token="dex:index:AzureOidcConnector",
    description="A Microsoft Entra ID (Azure AD) tenant through Dex's oidc connector.",
    id_property="connectorId",
    props=(
        *connector_identity(),
        Prop(
            "tenantId",
            STRING,
            "Directory (tenant) ID, a GUID; a change replaces it.",
            True,
            replaces=True,
        ),
        Prop(
            "authorityHost",
            STRING,
            "Login host; https://login.microsoftonline.com by "
            "default, set it for the sovereign clouds.",
        ),
        *_SHARED_OIDC,
    ),
)

COGNITO = ResourceSpec(
    token="dex:index:CognitoOidcConnector",
    description="An AWS Cognito user pool through Dex's oidc connector.",
    id_property="connectorId",
    props=(
        *connector_identity(),
        Prop(
            "region",
            STRING,
            "AWS region of the user pool; a change replaces it.",
            True,
            replaces=True,
        ),
        Prop(
            "userPoolId",
            STRING,
            "User pool ID, {region}_{id}; a change replaces it.",
            True,
            replaces=True,
        ),
        *_SHARED_OIDC,
    ),
)

RESOURCES = (CLIENT, CONNECTOR, AZURE, COGNITO, *TYPED_CONNECTORS)
BY_TOKEN = {spec.token: spec for spec in RESOURCES}


def secret_paths(spec: ResourceSpec) -> tuple[str, ...]:
    """Dotted paths of every secret property, nested objects included, for state."""
    return tuple(_secret_paths(spec.props, ""))


def _secret_paths(props: tuple[Prop, ...], prefix: str) -> list[str]:
    paths: list[str] = []
    for prop in props:
        here = f"{prefix}{prop.name}"
        if prop.secret:
            paths.append(here)
        nested = CONNECTOR_OBJECTS.get(prop.type)
        if nested is not None:
            paths.extend(_secret_paths(nested.props, here + "."))
    return paths
