"""Resource classes: Provider, Client, Connector, AzureOidcConnector, CognitoOidcConnector."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypedDict

import pulumi

from pulumi_dex.model import resources as model
from pulumi_dex.model.properties import snake_case
from pulumi_dex.sdk._props import options, to_wire, wire_name

Str = pulumi.Input[str]
StrList = pulumi.Input[Sequence[pulumi.Input[str]]]
Bool = pulumi.Input[bool]


class OidcClaimMappingArgs(TypedDict, total=False):
    """Claim names Dex reads from the upstream token."""

    preferred_username: Str
    email: Str
    groups: Str


class OidcProviderDiscoveryOverridesArgs(TypedDict, total=False):
    """Endpoints used instead of the discovered ones."""

    token_url: Str
    auth_url: Str
    jwks_url: Str


class OidcConfigArgs(TypedDict, total=False):
    """Typed configuration of Dex's oidc connector (see the user guide for each field)."""

    issuer: Str
    client_id: Str
    client_secret: Str
    redirect_uri: Str
    scopes: StrList
    user_name_key: Str
    user_id_key: Str
    insecure_skip_email_verified: Bool
    insecure_enable_groups: Bool
    get_user_info: Bool
    basic_auth_unsupported: Bool
    prompt_type: Str
    override_claim_mapping: Bool
    claim_mapping: OidcClaimMappingArgs
    allowed_groups: StrList
    pkce_challenge: Str
    root_cas: StrList
    hosted_domains: StrList
    acr_values: StrList
    insecure_skip_verify: Bool
    provider_discovery_overrides: OidcProviderDiscoveryOverridesArgs
    extra: Mapping[str, Any]


class _DexResource(pulumi.CustomResource):
    """Outputs appear as snake_case attributes (`client.client_id`, `connector.issuer`)."""

    def translate_output_property(self, prop: str) -> str:
        return snake_case(prop)

    def translate_input_property(self, prop: str) -> str:
        return wire_name(prop)


class Provider(pulumi.ProviderResource):
    """A connection to one Dex; pass it as `opts=pulumi.ResourceOptions(provider=...)`."""

    def translate_output_property(self, prop: str) -> str:
        return snake_case(prop)

    def translate_input_property(self, prop: str) -> str:
        return wire_name(prop)

    def __init__(
        self,
        resource_name: str,
        *,
        host: Str | None = None,
        ca_cert: Str | None = None,
        client_cert: Str | None = None,
        client_key: Str | None = None,
        server_name: Str | None = None,
        insecure: Bool | None = None,
        insecure_skip_verify: Bool | None = None,
        timeout_seconds: pulumi.Input[float] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        args = dict(locals())
        props = to_wire(model.PROVIDER, args)
        super().__init__("dex", resource_name, props, options(model.PROVIDER, opts))


class Client(_DexResource):
    """An OAuth2 client of Dex. Changing client_id, secret or public replaces it."""

    client_id: pulumi.Output[str]
    name: pulumi.Output[str]
    secret: pulumi.Output[str]
    redirect_uris: pulumi.Output[list[str] | None]
    trusted_peers: pulumi.Output[list[str] | None]
    public: pulumi.Output[bool | None]
    logo_url: pulumi.Output[str | None]

    def __init__(
        self,
        resource_name: str,
        *,
        client_id: Str,
        name: Str,
        secret: Str | None = None,
        redirect_uris: StrList | None = None,
        trusted_peers: StrList | None = None,
        public: Bool | None = None,
        logo_url: Str | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        props = to_wire(model.CLIENT, dict(locals()))
        super().__init__(model.CLIENT.token, resource_name, props, options(model.CLIENT, opts))


class Connector(_DexResource):
    """An upstream identity provider; give exactly one of oidc_config and raw_config."""

    connector_id: pulumi.Output[str]
    type: pulumi.Output[str]
    name: pulumi.Output[str]
    oidc_config: pulumi.Output[dict[str, Any] | None]
    raw_config: pulumi.Output[str | None]

    def __init__(
        self,
        resource_name: str,
        *,
        connector_id: Str,
        type: Str,
        name: Str,
        oidc_config: pulumi.Input[OidcConfigArgs] | None = None,
        raw_config: Str | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        props = to_wire(model.CONNECTOR, dict(locals()))
        spec = model.CONNECTOR
        super().__init__(spec.token, resource_name, props, options(spec, opts))


class AzureOidcConnector(_DexResource):
    """A Microsoft Entra ID tenant; changing tenant_id or connector_id replaces it."""

    connector_id: pulumi.Output[str]
    issuer: pulumi.Output[str]

    def __init__(
        self,
        resource_name: str,
        *,
        connector_id: Str,
        name: Str,
        tenant_id: Str,
        client_id: Str,
        client_secret: Str,
        redirect_uri: Str,
        scopes: StrList | None = None,
        user_name_source: Str | None = None,
        authority_host: Str | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        props = to_wire(model.AZURE, dict(locals()))
        super().__init__(model.AZURE.token, resource_name, props, options(model.AZURE, opts))


class CognitoOidcConnector(_DexResource):
    """An AWS Cognito user pool; changing region, user_pool_id or connector_id replaces it."""

    connector_id: pulumi.Output[str]
    issuer: pulumi.Output[str]

    def __init__(
        self,
        resource_name: str,
        *,
        connector_id: Str,
        name: Str,
        region: Str,
        user_pool_id: Str,
        client_id: Str,
        client_secret: Str,
        redirect_uri: Str,
        scopes: StrList | None = None,
        user_name_source: Str | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        props = to_wire(model.COGNITO, dict(locals()))
        spec = model.COGNITO
        super().__init__(spec.token, resource_name, props, options(spec, opts))
