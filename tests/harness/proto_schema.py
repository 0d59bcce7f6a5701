"""A small reader of proto3 files: messages, their scalar fields, and a service's rpcs.

It understands exactly what Dex's api.proto uses and refuses anything else, so a
construct it does not know fails loudly instead of being compared wrongly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/", re.DOTALL)
_STRINGS = re.compile(r'"[^"\n]*"')
_BLOCK = re.compile(r"\b(message|service)\s+(\w+)\s*\{", re.MULTILINE)
_FIELD = re.compile(r"^(repeated\s+)?([\w.]+)\s+(\w+)\s*=\s*(\d+)\s*(\[[^\]]*\])?$")
_RPC = re.compile(
    r"^rpc\s+(\w+)\s*\(\s*(stream\s+)?([\w.]+)\s*\)\s*returns\s*"
    r"\(\s*(stream\s+)?([\w.]+)\s*\)\s*(\{\s*\})?$"
)
_TOP_LEVEL = re.compile(r"^(syntax|package|option|import)\b")


class ProtoParseError(ValueError):
    """The file holds a construct this reader does not handle."""


@dataclass(frozen=True)
class Field:
    """One field of a message; the wire format is fixed by number, type and label."""

    name: str
    type: str
    repeated: bool


@dataclass(frozen=True)
class Rpc:
    """One method of a service."""

    request: str
    response: str
    client_stream: bool = False
    server_stream: bool = False


@dataclass
class Schema:
    """Everything read from one .proto file."""

    package: str = ""
    messages: dict[str, dict[int, Field]] = field(default_factory=dict)
    rpcs: dict[str, Rpc] = field(default_factory=dict)


def _closing_brace(text: str, opening: int) -> int:
    depth = 0
    for index in range(opening, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    raise ProtoParseError(f"unbalanced braces after offset {opening}")


def _statements(body: str) -> list[str]:
    # An rpc's empty option block `{}` ends a statement just like `;` does.
    body = re.sub(r"\{\s*\}", "{};", body)
    return [s.strip() for s in body.split(";") if s.strip()]


def _message(name: str, body: str) -> dict[int, Field]:
    if "{" in body:
        raise ProtoParseError(f"message {name}: nested blocks (messages, oneof, enum) unsupported")
    fields: dict[int, Field] = {}
    for statement in _statements(body):
        match = _FIELD.match(" ".join(statement.split()))
        if match is None:
            raise ProtoParseError(f"message {name}: cannot read {statement!r}")
        number = int(match.group(4))
        if number in fields:
            raise ProtoParseError(f"message {name}: field number {number} used twice")
        fields[number] = Field(match.group(3), match.group(2), bool(match.group(1)))
    return fields


def _service(name: str, body: str) -> dict[str, Rpc]:
    rpcs: dict[str, Rpc] = {}
    for statement in _statements(body):
        match = _RPC.match(" ".join(statement.split()))
        if match is None:
            raise ProtoParseError(f"service {name}: cannot read {statement!r}")
        rpcs[match.group(1)] = Rpc(
            request=match.group(3),
            response=match.group(5),
            client_stream=bool(match.group(2)),
            server_stream=bool(match.group(4)),
        )
    return rpcs


def parse(text: str) -> Schema:
    """Read a proto3 file's package, messages and rpcs."""
    # String values only occur in options, which are not compared; a `;` inside one
    # (go_package "...;api") must not end a statement.
    text = _STRINGS.sub('""', _COMMENTS.sub("", text))
    schema = Schema()
    outside: list[str] = []
    position = 0
    for match in _BLOCK.finditer(text):
        if match.start() < position:
            continue
        end = _closing_brace(text, match.end() - 1)
        outside.append(text[position : match.start()])
        kind, name, body = match.group(1), match.group(2), text[match.end() : end]
        if kind == "message":
            schema.messages[name] = _message(name, body)
        else:
            schema.rpcs.update(_service(name, body))
        position = end + 1
    outside.append(text[position:])
    for statement in _statements("".join(outside)):
        if not _TOP_LEVEL.match(statement):
            raise ProtoParseError(f"top level: cannot read {statement!r}")
        if statement.startswith("package"):
            schema.package = statement.split()[1]
    return schema
