"""Which Dex and Pulumi binaries a test run uses; a missing one fails with the remedy."""

from __future__ import annotations

import os
from pathlib import Path

from devtools import toolchain, versions
from devtools.toolchain import INSTALL_HINT, ToolError, Tools

REPO_ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = REPO_ROOT / ".venv" / "bin"
VERSION_ENV = "DEX_VERSION"


class MissingToolError(RuntimeError):
    """A binary the tests need is not installed."""


def locate_tools() -> Tools:
    """The installed tools; raises MissingToolError (never skips) when Pulumi is absent."""
    try:
        return toolchain.locate(versions.load())
    except ToolError as err:
        raise MissingToolError(str(err)) from err


def default_dex_version() -> str:
    """DEX_VERSION when set, else the default of devtools/versions.toml."""
    return os.environ.get(VERSION_ENV) or versions.load().dex_default


def dex_matrix() -> tuple[str, ...]:
    """The Dex versions that tests marked `dex_versions` run against."""
    return versions.load().dex_matrix


def dex_binary(tools: Tools, version: str) -> Path:
    """The dex binary of `version`; fails naming the command that installs it."""
    pins = versions.load()
    if version not in pins.dex:
        known = ", ".join(sorted(pins.dex))
        raise MissingToolError(
            f"Dex {version} is not pinned in devtools/versions.toml (pinned: {known}); "
            f"fix {VERSION_ENV} or add the release there"
        )
    binary = tools.dex.get(version)
    if binary is None or not binary.exists():
        raise MissingToolError(f"the dex binary {version} is not installed; {INSTALL_HINT}")
    return binary
