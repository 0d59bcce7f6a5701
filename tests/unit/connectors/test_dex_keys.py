"""Every typed connector writes the JSON keys and types that Dex's own Config structs read.

The structs are read from the Go module cache, at the pinned release's commit, so a key
spelled wrong (which Dex would silently ignore) fails here.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from devtools import versions
from devtools.toolchain import INSTALL_HINT
from pulumi_dex.model.connector_types import GITHUB, GITLAB, GOOGLE, LDAP, MICROSOFT, SAML
from pulumi_dex.model.properties import (
    BOOLEAN,
    STRING,
    STRING_LIST,
    STRING_MAP,
    ObjectType,
    Prop,
    item_type,
)
from pulumi_dex.model.resources import CONNECTOR_OBJECTS

RELEASE = "v2.41.1"
_FIELD = re.compile(r'^\s*(?P<name>[A-Z]\w*)\s+(?P<type>[\w\[\]*.]+)\s*(`json:"(?P<key>[^",]*))?')
_NESTED_START = re.compile(r"^\s*(?P<name>[A-Z]\w*)\s+struct\s*\{")
_NESTED_END = re.compile(r'^\s*\}\s*`json:"(?P<key>[^",]*)')
# Go types that arrive as a JSON string; []byte is read as base64.
_JSON_TYPES = {
    STRING: {"string", "*string", "GroupNameFormat", "[]byte"},
    BOOLEAN: {"bool"},
    STRING_LIST: {"[]string"},
    STRING_MAP: {"map[string]string"},
}


@dataclass
class GoStruct:
    """Fields of a Go struct by JSON key: the Go type, or the nested struct."""

    fields: dict[str, str | GoStruct] = field(default_factory=dict)
    # Untagged fields: Go's decoder matches their name case-insensitively.
    untagged: set[str] = field(default_factory=set)

    def lookup(self, key: str) -> str | GoStruct | None:
        if key in self.fields:
            return self.fields[key]
        by_lower = {k.lower(): k for k in self.untagged}
        return self.fields.get(by_lower.get(key.lower(), ""))


def _dex_source() -> Path:
    try:
        cache = subprocess.run(
            ["go", "env", "GOMODCACHE"], capture_output=True, text=True, check=True, timeout=60
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError) as err:
        pytest.fail(f"cannot ask Go for its module cache ({err}); {INSTALL_HINT}", pytrace=False)
    module = versions.load().dex[RELEASE].module
    root = Path(cache) / f"github.com/dexidp/dex@{module}" / "connector"
    if not root.exists():
        pytest.fail(f"Dex {RELEASE}'s source is missing at {root}; {INSTALL_HINT}", pytrace=False)
    return root


def _struct(source: str, name: str) -> GoStruct:
    lines = source.split(f"type {name} struct {{", 1)[1].splitlines()
    top, nested = GoStruct(), None
    for line in lines:
        start, end, plain = _NESTED_START.match(line), _NESTED_END.match(line), _FIELD.match(line)
        if nested is None and line.startswith("}"):
            return top
        if start:
            nested = GoStruct()
        elif end and nested is not None:
            top.fields[end["key"]], nested = nested, None
        elif plain:
            target = nested if nested is not None else top
            key = plain["key"] or plain["name"]
            target.fields[key] = plain["type"]
            if plain["key"] is None:
                target.untagged.add(key)
    raise AssertionError(f"struct {name} has no end")


def _mismatches(props: tuple[Prop, ...], go: GoStruct, source: str, where: str) -> list[str]:
    problems = []
    for prop in props:
        if prop.dex_key is None:
            continue
        found = go.lookup(prop.dex_key)
        path = f"{where}.{prop.dex_key}"
        item = item_type(prop.type)
        if found is None:
            problems.append(f"{path}: Dex's Config has no such key")
        elif prop.type in CONNECTOR_OBJECTS:
            assert isinstance(found, GoStruct), path
            problems += _mismatches(CONNECTOR_OBJECTS[prop.type].props, found, source, path)
        elif item in CONNECTOR_OBJECTS:
            assert isinstance(found, str) and found.startswith("[]"), path
            obj: ObjectType = CONNECTOR_OBJECTS[item]
            problems += _mismatches(obj.props, _struct(source, found[2:]), source, path)
        elif found not in _JSON_TYPES[prop.type]:
            problems.append(f"{path}: Dex reads Go {found}, we write {prop.type}")
    return problems


@pytest.mark.parametrize(
    "spec", [GITHUB, GITLAB, GOOGLE, MICROSOFT, LDAP, SAML], ids=lambda s: s.token
)
def test_every_key_we_write_is_read_by_dexs_config(spec):
    family = spec.token.removeprefix("dex:index:").removesuffix("Connector").lower()
    source = (_dex_source() / family / f"{family}.go").read_text()

    assert _mismatches(spec.props, _struct(source, "Config"), source, family) == []


def test_the_pinned_gitlab_has_no_get_groups_permission():
    # Asked for in issue #8; it arrived in a later Dex. The user guide says so.
    source = (_dex_source() / "gitlab" / "gitlab.go").read_text()

    assert _struct(source, "Config").lookup("getGroupsPermission") is None
