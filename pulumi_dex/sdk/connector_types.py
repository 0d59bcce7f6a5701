"""Typed connectors stored as Dex's own connector types: GitHub, GitLab, Google, ...

Every change but connector_id updates the connector in place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypedDict

import pulumi

from pulumi_dex.model import connector_types as model
from pulumi_dex.model.properties import ResourceSpec
from pulumi_dex.sdk._props import options, to_wire
from pulumi_dex.sdk.resources import Bool, Str, StrList, _DexResource


class GitHubOrgArgs(TypedDict, total=False):
    """A GitHub organization, and optionally the teams whose members may log in."""

    name: Str
    teams: StrList


class LdapUserSearchArgs(TypedDict, total=False):
    """How Dex finds the user's entry; base_dn and username are required."""

    base_dn: Str
    filter: Str
    username: Str
    scope: Str
    id_attr: Str
    email_attr: Str
    name_attr: Str
    preferred_username_attr: Str
    email_suffix: Str


class LdapUserMatcherArgs(TypedDict, total=False):
    """A group attribute that must equal a user attribute."""

    user_attr: Str
    group_attr: Str


class LdapGroupSearchArgs(TypedDict, total=False):
    """How Dex finds the user's groups; base_dn and name_attr are required."""

    base_dn: Str
    filter: Str
    scope: Str
    user_matchers: Sequence[LdapUserMatcherArgs]
    name_attr: Str


class _TypedConnector(_DexResource):
    """Shared by the typed connectors: the ID and name every one of them has."""

    connector_id: pulumi.Output[str]
    name: pulumi.Output[str]

    def _register(
        self,
        spec: ResourceSpec,
        resource_name: str,
        args: dict[str, object],
        opts: pulumi.ResourceOptions | None,
    ) -> None:
        props = to_wire(spec, args)
        super().__init__(spec.token, resource_name, props, options(spec, opts))


class GitHubConnector(_TypedConnector):
    """GitHub or GitHub Enterprise (set host_name) through Dex's github connector."""

    def __init__(
        self,
        resource_name: str,
        *,
        connector_id: Str,
        name: Str,
        client_id: Str,
        client_secret: Str,
        redirect_uri: Str,
        orgs: pulumi.Input[Sequence[pulumi.Input[GitHubOrgArgs]]] | None = None,
        team_name_field: Str | None = None,
        use_login_as_id: Bool | None = None,
        host_name: Str | None = None,
        root_ca: Str | None = None,
        preferred_email_domain: Str | None = None,
        load_all_groups: Bool | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        self._register(model.GITHUB, resource_name, dict(locals()), opts)


class GitLabConnector(_TypedConnector):
    """GitLab.com, or a self-managed GitLab at base_url, through Dex's gitlab connector."""

    def __init__(
        self,
        resource_name: str,
        *,
        connector_id: Str,
        name: Str,
        client_id: Str,
        client_secret: Str,
        redirect_uri: Str,
        base_url: Str | None = None,
        groups: StrList | None = None,
        use_login_as_id: Bool | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        self._register(model.GITLAB, resource_name, dict(locals()), opts)


class GoogleConnector(_TypedConnector):
    """Google accounts and Workspace domains through Dex's google connector."""

    def __init__(
        self,
        resource_name: str,
        *,
        connector_id: Str,
        name: Str,
        client_id: Str,
        client_secret: Str,
        redirect_uri: Str,
        hosted_domains: StrList | None = None,
        groups: StrList | None = None,
        service_account_file_path: Str | None = None,
        admin_email: Str | None = None,
        domain_to_admin_email: pulumi.Input[Mapping[str, Str]] | None = None,
        prompt_type: Str | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        self._register(model.GOOGLE, resource_name, dict(locals()), opts)


class MicrosoftConnector(_TypedConnector):
    """Microsoft accounts and Entra ID through Dex's microsoft connector (Graph groups)."""

    def __init__(
        self,
        resource_name: str,
        *,
        connector_id: Str,
        name: Str,
        client_id: Str,
        client_secret: Str,
        redirect_uri: Str,
        tenant: Str | None = None,
        groups: StrList | None = None,
        only_security_groups: Bool | None = None,
        group_name_format: Str | None = None,
        use_groups_as_whitelist: Bool | None = None,
        prompt_type: Str | None = None,
        domain_hint: Str | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        self._register(model.MICROSOFT, resource_name, dict(locals()), opts)


class LdapConnector(_TypedConnector):
    """An LDAP directory through Dex's ldap connector; bind_pw and client_key are secrets."""

    def __init__(
        self,
        resource_name: str,
        *,
        connector_id: Str,
        name: Str,
        host: Str,
        user_search: pulumi.Input[LdapUserSearchArgs],
        insecure_no_ssl: Bool | None = None,
        insecure_skip_verify: Bool | None = None,
        start_tls: Bool | None = None,
        root_ca_data: Str | None = None,
        client_cert: Str | None = None,
        client_key: Str | None = None,
        bind_dn: Str | None = None,
        bind_pw: Str | None = None,
        username_prompt: Str | None = None,
        group_search: pulumi.Input[LdapGroupSearchArgs] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        self._register(model.LDAP, resource_name, dict(locals()), opts)


class SamlConnector(_TypedConnector):
    """A SAML 2.0 identity provider through Dex's saml connector; ca_data is PEM."""

    def __init__(
        self,
        resource_name: str,
        *,
        connector_id: Str,
        name: Str,
        sso_url: Str,
        ca_data: Str,
        redirect_uri: Str,
        username_attr: Str,
        email_attr: Str,
        entity_issuer: Str | None = None,
        sso_issuer: Str | None = None,
        groups_attr: Str | None = None,
        groups_delim: Str | None = None,
        allowed_groups: StrList | None = None,
        name_id_policy_format: Str | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        self._register(model.SAML, resource_name, dict(locals()), opts)
