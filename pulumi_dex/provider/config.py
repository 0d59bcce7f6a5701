"""Provider configuration: `dex.Provider` arguments, stack config `dex:*`, or DEX_* variables."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any

from pulumi_dex.dex.connection import DEFAULT_TIMEOUT_SECONDS, ConnectionSettings
from pulumi_dex.provider import wire

# Provider key -> environment variable consulted when the key is not set.
ENV_VARS = {
    "host": "DEX_HOST",
    "caCert": "DEX_CA_CERT",
    "clientCert": "DEX_CLIENT_CERT",
    "clientKey": "DEX_CLIENT_KEY",
    "serverName": "DEX_SERVER_NAME",
    "insecure": "DEX_INSECURE",
    "insecureSkipVerify": "DEX_INSECURE_SKIP_VERIFY",
    "timeoutSeconds": "DEX_TIMEOUT_SECONDS",
}


class ConfigError(ValueError):
    """The provider configuration is incomplete or malformed."""


class UnknownConfig(Exception):
    """Part of the configuration is only known after an update (preview)."""


def _from_variables(variables: Mapping[str, str]) -> dict[str, Any]:
    # Stack config arrives as strings keyed "dex:<key>"; non-strings are JSON-encoded.
    values: dict[str, Any] = {}
    for full_key, raw in variables.items():
        key = full_key.split(":", 1)[-1].split(":config:")[-1]
        try:
            values[key] = (
                json.loads(raw)
                if key not in ("caCert", "clientCert", "clientKey", "host", "serverName")
                else raw
            )
        except json.JSONDecodeError:
            values[key] = raw
    return values


def _as_bool(key: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in {"true", "1", "yes"}:
        return True
    if isinstance(value, str) and value.lower() in {"false", "0", "no", ""}:
        return False
    raise ConfigError(f"provider setting {key} must be true or false, not {value!r}")


def merge(variables: Mapping[str, str], args: dict[str, Any]) -> dict[str, Any]:
    """Provider arguments win over stack config, which wins over environment variables."""
    merged = {key: os.environ[env] for key, env in ENV_VARS.items() if os.environ.get(env)}
    merged.update(_from_variables(variables))
    merged.update({k: v for k, v in args.items() if v is not None})
    return merged


def settings(values: dict[str, Any]) -> ConnectionSettings:
    """Connection settings; UnknownConfig while a value is still unknown at preview."""
    if any(wire.is_unknown(v) for v in values.values()):
        raise UnknownConfig()
    host = values.get("host")
    if not host:
        raise ConfigError(
            "the dex provider has no host; set `host` on dex.Provider, "
            "`pulumi config set dex:host HOST:PORT`, or DEX_HOST"
        )
    try:
        timeout = float(values.get("timeoutSeconds") or DEFAULT_TIMEOUT_SECONDS)
    except ValueError as err:
        raise ConfigError("provider setting timeoutSeconds must be a number") from err
    if timeout <= 0:
        raise ConfigError("provider setting timeoutSeconds must be above zero")
    cert, key = values.get("clientCert"), values.get("clientKey")
    if bool(cert) != bool(key):
        raise ConfigError("set both clientCert and clientKey for mTLS, or neither")
    return ConnectionSettings(
        host=str(host),
        ca_cert=values.get("caCert") or None,
        client_cert=cert or None,
        client_key=key or None,
        server_name=values.get("serverName") or None,
        insecure=_as_bool("insecure", values.get("insecure", False)),
        insecure_skip_verify=_as_bool(
            "insecureSkipVerify", values.get("insecureSkipVerify", False)
        ),
        timeout_seconds=timeout,
    )
