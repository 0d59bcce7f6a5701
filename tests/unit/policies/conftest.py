"""Build the argument bags the policy SDK hands to validations, without an engine."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pytest
from pulumi_policy import (
    Policy,
    PolicyCustomTimeouts,
    PolicyProviderResource,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
)
from pulumi_policy.proxy import unknown_checking_proxy

Check = Callable[..., list[str]]
CheckStack = Callable[..., list[tuple[str, str | None]]]


def _options() -> PolicyResourceOptions:
    return PolicyResourceOptions(False, [], None, [], PolicyCustomTimeouts(0, 0, 0), [])


def urn(resource_type: str, name: str) -> str:
    """Return the URN the engine would give a resource in stack 'dev' of project 'p'."""
    return f"urn:pulumi:dev::p::{resource_type}::{name}"


def provider(host: str | None, name: str = "dex") -> PolicyProviderResource:
    """Return a Dex provider reference as the engine passes it along with a resource."""
    props = {} if host is None else {"host": host}
    return PolicyProviderResource(
        "pulumi:providers:dex",
        unknown_checking_proxy(props),
        urn("pulumi:providers:dex", name),
        name,
    )


def resource(
    resource_type: str,
    name: str,
    props: Mapping[str, Any],
    on: PolicyProviderResource | None = None,
) -> PolicyResource:
    """Return a stack resource with its inputs wrapped as the SDK wraps them."""
    return PolicyResource(
        resource_type,
        unknown_checking_proxy(dict(props)),
        urn(resource_type, name),
        name,
        _options(),
        on,
        None,
        [],
        {},
    )


@pytest.fixture
def check() -> Check:
    """Run a resource policy on one resource and return the messages it reported."""

    def run(
        policy: Policy,
        resource_type: str,
        props: Mapping[str, Any],
        name: str = "main",
        config: Mapping[str, Any] | None = None,
    ) -> list[str]:
        assert isinstance(policy, ResourceValidationPolicy)
        reported: list[str] = []
        args = ResourceValidationArgs(
            resource_type,
            unknown_checking_proxy(dict(props)),
            urn(resource_type, name),
            name,
            _options(),
            None,
            config,
        )

        def report(message: str, _urn: str | None = None) -> None:
            reported.append(message)

        policy.validate(args, report)
        return reported

    return run


@pytest.fixture
def check_stack() -> CheckStack:
    """Run a stack policy on some resources and return (message, URN) for each violation."""

    def run(
        policy: Policy,
        resources: list[PolicyResource],
        config: Mapping[str, Any] | None = None,
    ) -> list[tuple[str, str | None]]:
        assert isinstance(policy, StackValidationPolicy)
        reported: list[tuple[str, str | None]] = []
        args = StackValidationArgs(resources, config)

        def report(message: str, at: str | None = None) -> None:
            reported.append((message, at))

        policy.validate(args, report)
        return reported

    return run


@pytest.fixture
def make_provider() -> Callable[..., PolicyProviderResource]:
    """Build Dex provider references for stack resources."""
    return provider


@pytest.fixture
def make_resource() -> Callable[..., PolicyResource]:
    """Build stack resources."""
    return resource
