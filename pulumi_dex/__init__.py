"""pulumi-dex: manage Dex's clients and connectors as Pulumi resources.

import pulumi_dex as dex
dex.Client("web", client_id="web", name="Web app", redirect_uris=[...])
"""

from pulumi_dex.sdk.connector_types import (
    GitHubConnector,
    GitHubOrgArgs,
    GitLabConnector,
    GoogleConnector,
    LdapConnector,
    LdapGroupSearchArgs,
    LdapUserMatcherArgs,
    LdapUserSearchArgs,
    MicrosoftConnector,
    SamlConnector,
)
from pulumi_dex.sdk.resources import (
    AzureOidcConnector,
    Client,
    CognitoOidcConnector,
    Connector,
    OidcClaimMappingArgs,
    OidcConfigArgs,
    OidcProviderDiscoveryOverridesArgs,
    Provider,
)
from pulumi_dex.version import VERSION as __version__

__all__ = [
    "AzureOidcConnector",
    "Client",
    "CognitoOidcConnector",
    "Connector",
    "GitHubConnector",
    "GitHubOrgArgs",
    "GitLabConnector",
    "GoogleConnector",
    "LdapConnector",
    "LdapGroupSearchArgs",
    "LdapUserMatcherArgs",
    "LdapUserSearchArgs",
    "MicrosoftConnector",
    "OidcClaimMappingArgs",
    "OidcConfigArgs",
    "OidcProviderDiscoveryOverridesArgs",
    "Provider",
    "SamlConnector",
    "__version__",
]
