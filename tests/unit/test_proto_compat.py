"""Our api.proto must speak Dex's wire format: same messages, field numbers, types and rpcs."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from google.protobuf.descriptor import FieldDescriptor

from devtools import versions
from devtools.toolchain import INSTALL_HINT
from pulumi_dex.dexapi import api_pb2
from tests.harness.proto_schema import Field, ProtoParseError, Schema, parse

REPO_ROOT = Path(__file__).resolve().parents[2]

OUR_PROTO = REPO_ROOT / "protos" / "pulumi_dex" / "dexapi" / "api.proto"
# Dex's API number 3 added client listing; releases before it lack exactly these.
API_3_ONLY = {
    "message ClientInfo",
    "message ListClientReq",
    "message ListClientResp",
    "rpc ListClients",
}
RELEASES = sorted(versions.load().dex)


def _gomodcache() -> Path:
    try:
        found = subprocess.run(
            ["go", "env", "GOMODCACHE"], capture_output=True, text=True, check=True, timeout=60
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError) as err:
        pytest.fail(f"cannot ask Go for its module cache ({err}); {INSTALL_HINT}", pytrace=False)
    return Path(found)


def _upstream(release: str) -> Schema:
    api_module = versions.load().dex[release].api_module
    path = _gomodcache() / f"github.com/dexidp/dex/api/v2@{api_module}" / "api.proto"
    if not path.exists():
        pytest.fail(
            f"Dex {release}'s api.proto is missing at {path}; {INSTALL_HINT}", pytrace=False
        )
    return parse(path.read_text())


def _ours() -> Schema:
    return parse(OUR_PROTO.read_text())


def _missing_upstream(ours: Schema, upstream: Schema) -> set[str]:
    messages = {f"message {m}" for m in ours.messages if m not in upstream.messages}
    return messages | {f"rpc {r}" for r in ours.rpcs if r not in upstream.rpcs}


@pytest.mark.parametrize("release", RELEASES)
def test_every_shared_message_has_upstreams_numbers_types_and_labels(release):
    ours, upstream = _ours(), _upstream(release)

    differences = [
        f"{name}.{number}: ours {ours_field}, Dex {upstream.messages[name].get(number)}"
        for name, fields in ours.messages.items()
        if name in upstream.messages
        for number, ours_field in fields.items()
        if upstream.messages[name].get(number) != ours_field
    ]

    assert ours.package == upstream.package == "api"
    assert differences == []


@pytest.mark.parametrize("release", RELEASES)
def test_every_shared_rpc_has_upstreams_request_and_response(release):
    ours, upstream = _ours(), _upstream(release)

    differences = {
        name: (rpc, upstream.rpcs[name])
        for name, rpc in ours.rpcs.items()
        if name in upstream.rpcs and upstream.rpcs[name] != rpc
    }

    assert differences == {}


@pytest.mark.parametrize("release", RELEASES)
def test_only_api_3_additions_are_absent_from_a_release(release):
    ours, upstream = _ours(), _upstream(release)

    expected = set() if "ListClients" in upstream.rpcs else API_3_ONLY

    assert _missing_upstream(ours, upstream) == expected


def _descriptor_type(field: FieldDescriptor) -> str:
    if field.message_type is not None:
        return str(field.message_type.name)
    scalar_names = {
        value: name.removeprefix("TYPE_").lower()
        for name, value in vars(FieldDescriptor).items()
        if name.startswith("TYPE_") and isinstance(value, int)
    }
    return scalar_names[field.type]


def test_generated_stubs_match_our_proto_file():
    generated = {
        name: {
            f.number: Field(f.name, _descriptor_type(f), f.label == FieldDescriptor.LABEL_REPEATED)
            for f in message.fields
        }
        for name, message in api_pb2.DESCRIPTOR.message_types_by_name.items()
    }
    service = api_pb2.DESCRIPTOR.services_by_name["Dex"]

    assert generated == _ours().messages
    assert {m.name for m in service.methods} == set(_ours().rpcs)


@pytest.mark.parametrize(
    "source",
    [
        "message A { map<string, string> labels = 1; }",
        "message A { oneof kind { string x = 1; } }",
        "message A { string a = 1; string b = 1; }",
        "enum Colour { RED = 0; }",
    ],
)
def test_reader_refuses_what_it_does_not_understand(source):
    with pytest.raises(ProtoParseError):
        parse(source)
