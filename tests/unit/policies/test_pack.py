"""Conventions every policy of the pack follows, and the files the CLI reads."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pulumi_policy import Policy

from policies import redirect_uris, secrets, stack, transport

PACK_DIR = Path(__file__).resolve().parents[3] / "policies"
ALL = [*transport.POLICIES, *secrets.POLICIES, *redirect_uris.POLICIES, *stack.POLICIES]
VERBS = {"Require", "Reject", "Warn", "Forbid"}


@pytest.mark.parametrize("policy", ALL, ids=lambda p: p.name)
def test_policy_is_named_in_kebab_case_with_a_verb_description(policy: Policy) -> None:
    assert re.fullmatch(r"dex(-[a-z]+)+", policy.name)
    assert policy.description.split()[0] in VERBS
    assert policy.enforcement_level is not None


def test_policy_names_are_unique() -> None:
    assert len({policy.name for policy in ALL}) == len(ALL) == 11


def test_example_config_names_only_real_policies_and_settings() -> None:
    config = json.loads((PACK_DIR / "example-config.json").read_text())
    by_name = {policy.name: policy for policy in ALL}

    for name, value in config.items():
        policy = by_name[name]
        if isinstance(value, str):
            assert value in {"advisory", "mandatory", "disabled"}
            continue
        assert policy.config_schema is not None
        assert set(value) <= set(policy.config_schema.properties)


def test_pack_runs_python_from_the_repository_virtualenv() -> None:
    text = (PACK_DIR / "PulumiPolicy.yaml").read_text()

    assert re.search(r"^runtime:\n  name: python\n  options:\n", text, re.MULTILINE)
    assert "virtualenv: ../.venv" in text
