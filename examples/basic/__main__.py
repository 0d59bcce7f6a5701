"""One OAuth2 client and three upstream identity providers on the Dex in stack config."""

import pulumi

import pulumi_dex as dex

config = pulumi.Config()
issuer = config.require("dexIssuer")
callback = f"{issuer}/callback"

web = dex.Client(
    "web",
    client_id="example-web",
    name="Example web app",
    redirect_uris=["https://app.example.com/oauth2/callback", "http://127.0.0.1:8000/callback"],
)

upstream = dex.Connector(
    "upstream",
    connector_id="upstream-oidc",
    type="oidc",
    name="Upstream OIDC",
    oidc_config=dex.OidcConfigArgs(
        issuer="https://idp.example.com",
        client_id="dex",
        client_secret=config.require_secret("upstreamClientSecret"),
        redirect_uri=callback,
        scopes=["openid", "profile", "email"],
    ),
)

azure = dex.AzureOidcConnector(
    "azure",
    connector_id="azure-corp",
    name="Corporate (Entra ID)",
    tenant_id="6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f",
    client_id="00000000-0000-0000-0000-00000000c11e",
    client_secret=config.require_secret("azureClientSecret"),
    redirect_uri=callback,
)

cognito = dex.CognitoOidcConnector(
    "cognito",
    connector_id="cognito-partners",
    name="Partners (Cognito)",
    region="eu-west-1",
    user_pool_id="eu-west-1_Example1",
    client_id="3n4mpl3cl13nt1d",
    client_secret=config.require_secret("cognitoClientSecret"),
    redirect_uri=callback,
)

pulumi.export("clientId", web.client_id)
pulumi.export("clientSecret", web.secret)
pulumi.export("azureIssuer", azure.issuer)
pulumi.export("cognitoIssuer", cognito.issuer)
