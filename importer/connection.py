"""How the commands reach Dex: flags, then a stack's config or provider, then DEX_* variables."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pulumi_dex.dex.connection import ConnectionSettings
from pulumi_dex.provider import config

PROVIDER_NAMESPACE = "dex:"

# The provider's names for its settings (schema and Python), and the dex-import flag for each.
_FLAGS = {
    "host": "--host",
    "caCert": "--ca-cert",
    "ca_cert": "--ca-cert",
    "clientCert": "--client-cert",
    "client_cert": "--client-cert",
    "clientKey": "--client-key",
    "client_key": "--client-key",
    "serverName": "--server-name",
    "server_name": "--server-name",
    "timeoutSeconds": "--timeout",
    "timeout_seconds": "--timeout",
}
_NAMES = "|".join(sorted(_FLAGS, key=len, reverse=True))
_CAMEL_NAMES = "|".join(name for name in _FLAGS if name != name.lower())
# `name` in backticks, or after "provider setting"; a bare camelCase name unless it follows
# "dex:", where it is a stack config key the remedy names on purpose.
_PROVIDER_NAME = re.compile(
    rf"`({_NAMES})`|provider setting ({_NAMES})\b|(?<![\w:])({_CAMEL_NAMES})\b"
)
_PEM_REMEDY = re.compile(r"give the file's contents, e\.g\. `pulumi config set dex:(\w+) -- [^`]*`")
_FLAGLESS = re.compile(
    r"provider setting (" + "|".join(k for k in config.ENV_VARS if k not in _FLAGS) + r")\b"
)


class SettingsError(Exception):
    """The connection settings are missing or malformed; the message names the remedy."""


@dataclass(frozen=True)
class Flags:
    """The connection flags of one command; None means not given."""

    host: str | None = None
    ca_cert: Path | None = None
    client_cert: Path | None = None
    client_key: Path | None = None
    server_name: str | None = None
    insecure: bool = False
    timeout: float | None = None

    @classmethod
    def of(cls, options: dict[str, Any]) -> Flags:
        """The flags found among a command's options."""
        values: dict[str, Any] = {name: options.get(name) for name in cls.__dataclass_fields__}
        values["insecure"] = bool(values["insecure"])
        return cls(**values)

    def arguments(self) -> dict[str, Any]:
        """The flags as provider settings; files are read here."""
        return {
            "host": self.host,
            "caCert": _pem(self.ca_cert, "--ca-cert"),
            "clientCert": _pem(self.client_cert, "--client-cert"),
            "clientKey": _pem(self.client_key, "--client-key"),
            "serverName": self.server_name,
            # An unset flag must leave config or DEX_INSECURE in charge, so False is unset.
            "insecure": True if self.insecure else None,
            "timeoutSeconds": self.timeout,
        }


def _pem(path: Path | None, flag: str) -> str | None:
    if path is None:
        return None
    if "-----BEGIN" in str(path):
        # Never echo what was given: it may be a private key pasted in place of a path.
        raise SettingsError(
            f"{flag} expects the path of a PEM file, not PEM text; pass PEM text through "
            "the DEX_* environment variable or the stack's dex:* config instead"
        )
    try:
        return path.read_text()
    except OSError as err:
        raise SettingsError(
            f"{flag} {path}: cannot read the file ({err.strerror}); check the path"
        ) from None


def provider_variables(stack_config: dict[str, str]) -> dict[str, str]:
    """Only the `dex:*` keys of a stack's config, as the provider reads them."""
    return {k: v for k, v in stack_config.items() if k.startswith(PROVIDER_NAMESPACE)}


def settings(
    flags: Flags, variables: dict[str, str] | None = None, where: str = ""
) -> ConnectionSettings:
    """Flags win over `variables` (stack config or provider inputs), which win over DEX_*."""
    values = config.merge(variables or {}, flags.arguments())
    if not values.get("host"):
        source = f" in {where}" if where else ""
        raise SettingsError(
            f"no Dex host given{source}; pass --host HOST:PORT, set DEX_HOST, "
            "or use --stack with dex:host in its config"
        )
    try:
        return config.settings(values)
    except config.ConfigError as err:
        raise SettingsError(str(err)) from err


def in_flag_terms(message: str) -> str:
    """A provider or Dex error message with the provider's setting names as dex-import flags."""
    message = message.replace("set the provider's `host`", "pass --host HOST:PORT")
    message = _PEM_REMEDY.sub(
        lambda m: f"pass a PEM file, or PEM text in {config.ENV_VARS[m[1]]} or dex:{m[1]}", message
    )
    # Settings without a flag (insecure arrives as text only from a variable or stack config).
    message = _FLAGLESS.sub(lambda m: f"{config.ENV_VARS[m[1]]} (or dex:{m[1]})", message)

    def flag(match: re.Match[str]) -> str:
        name = next(group for group in match.groups() if group)
        return _FLAGS[name]

    return _PROVIDER_NAME.sub(flag, message)
