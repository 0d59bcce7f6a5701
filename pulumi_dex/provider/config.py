"""Provider configuration: `dex.Provider` arguments, stack config `dex:*`, or DEX_* variables."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
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


# A deadline longer than this is a typo (or inf), not a slow network.
MAX_TIMEOUT_SECONDS = 3600.0
_PEM_MARKERS = {
    "caCert": "CERTIFICATE",
    "clientCert": "CERTIFICATE",
    "clientKey": "PRIVATE KEY",
}


def _timeout(raw: Any) -> float:
    try:
        timeout = float(raw if raw not in (None, "") else DEFAULT_TIMEOUT_SECONDS)
    except (TypeError, ValueError):
        raise ConfigError("provider setting timeoutSeconds must be a number") from None
    if not 0 < timeout <= MAX_TIMEOUT_SECONDS:  # also false for nan
        raise ConfigError(
            f"provider setting timeoutSeconds must be above 0 and at most "
            f"{MAX_TIMEOUT_SECONDS:.0f} seconds"
        )
    return timeout


def _check_host(host: Any) -> None:
    name, _, port = str(host).rpartition(":")
    if not name or not port.isdigit():
        raise ConfigError(
            f"provider setting host {host!r} is not of the form host:port (for example "
            "dex.internal:5557)"
        )


def _check_pem(values: dict[str, Any]) -> None:
    for name, marker in _PEM_MARKERS.items():
        value = values.get(name)
        if value and ("-----BEGIN" not in str(value) or marker not in str(value)):
            # Never quote the value: it may be a key.
            raise ConfigError(
                f"provider setting {name} is not PEM ({marker} block expected); give the "
                f'file\'s contents, e.g. `pulumi config set dex:{name} -- "$(cat FILE)"`'
            )
    if bool(values.get("clientCert")) != bool(values.get("clientKey")):
        raise ConfigError("set both clientCert and clientKey for mTLS, or neither")


def problems(values: dict[str, Any]) -> list[tuple[str, str]]:
    """What is wrong with the known settings, found before any call (CheckConfig)."""
    known = {k: v for k, v in values.items() if not wire.is_unknown(v)}
    checks: list[tuple[str, Callable[[], object]]] = [
        ("host", lambda: _check_host(known["host"]) if known.get("host") else None),
        ("timeoutSeconds", lambda: _timeout(known.get("timeoutSeconds"))),
        ("caCert", lambda: _check_pem(known)),
    ]
    found: list[tuple[str, str]] = []
    for key, check in checks:
        try:
            check()
        except ConfigError as err:
            found.append((key, str(err)))
    return found


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
    _check_host(host)
    timeout = _timeout(values.get("timeoutSeconds"))
    _check_pem(values)
    cert, key = values.get("clientCert"), values.get("clientKey")
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
