"""The pinned tool versions, read from versions.toml beside this module."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

VERSIONS_FILE = Path(__file__).with_name("versions.toml")


@dataclass(frozen=True)
class DexRelease:
    """A Dex release and the Go pseudo-versions that pin its source."""

    version: str
    module: str
    api_module: str
    go: str
    grpc_go: str | None = None


@dataclass(frozen=True)
class Pins:
    """Everything versions.toml pins."""

    pulumi: str
    language_host_sdk: str
    dex: dict[str, DexRelease]
    dex_default: str
    dex_matrix: tuple[str, ...]


def load(path: Path = VERSIONS_FILE) -> Pins:
    """Read the pins; a malformed file fails here, not halfway through a build."""
    data = tomllib.loads(path.read_text())
    releases = {
        version: DexRelease(
            version, spec["module"], spec["api_module"], spec["go"], spec.get("grpc_go")
        )
        for version, spec in data["dex"].items()
    }
    defaults = data["dex_defaults"]
    return Pins(
        pulumi=data["pulumi"]["version"],
        language_host_sdk=data["pulumi"]["language_host"]["sdk_version"],
        dex=releases,
        dex_default=defaults["default"],
        dex_matrix=tuple(defaults["matrix"]),
    )
