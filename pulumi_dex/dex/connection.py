"""The one place that knows gRPC: channel, TLS, deadlines and error translation.

Everything above this module speaks in Dex objects and the typed errors of
`pulumi_dex.dex.errors`; a raw `grpc.RpcError` never leaves `DexConnection.call`.
"""

from __future__ import annotations

import logging
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import grpc

from pulumi_dex.dex import errors
from pulumi_dex.dexapi import api_pb2, api_pb2_grpc

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_SECONDS = 10.0

Reply = TypeVar("Reply")


@dataclass(frozen=True)
class ConnectionSettings:
    """How to reach one Dex; the key is a secret and never appears in repr or logs."""

    host: str
    ca_cert: str | None = None
    client_cert: str | None = None
    client_key: str | None = None
    server_name: str | None = None
    insecure: bool = False
    insecure_skip_verify: bool = False
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS

    def __repr__(self) -> str:
        # TLS material stays out of tracebacks and debug output.
        return (
            f"ConnectionSettings(host={self.host!r}, insecure={self.insecure}, "
            f"insecure_skip_verify={self.insecure_skip_verify}, "
            f"mtls={self.client_cert is not None}, timeout_seconds={self.timeout_seconds})"
        )


def _split_host(host: str) -> tuple[str, int]:
    name, _, port = host.rpartition(":")
    if not name or not port.isdigit():
        raise errors.DexUnreachableError(
            f"Dex host {host!r} is not of the form host:port; set the provider's `host`"
        )
    return name.strip("[]"), int(port)


def _pinned_server_cert(host: str, timeout: float) -> bytes:
    """Fetch the server's own certificate to trust it as is (insecure_skip_verify)."""
    name, port = _split_host(host)
    try:
        pem = ssl.get_server_certificate((name, port), timeout=timeout)
    except OSError as err:
        raise errors.DexUnreachableError(
            f"Dex at {host}: could not fetch its TLS certificate: {err}"
        ) from err
    return pem.encode()


def _credentials(settings: ConnectionSettings) -> grpc.ChannelCredentials:
    root = settings.ca_cert.encode() if settings.ca_cert else None
    if settings.insecure_skip_verify:
        root = _pinned_server_cert(settings.host, settings.timeout_seconds)
    key = settings.client_key.encode() if settings.client_key else None
    chain = settings.client_cert.encode() if settings.client_cert else None
    return grpc.ssl_channel_credentials(
        root_certificates=root, private_key=key, certificate_chain=chain
    )


def open_channel(settings: ConnectionSettings) -> grpc.Channel:
    """A channel to Dex; connecting happens on the first call, under its deadline."""
    _split_host(settings.host)
    if settings.insecure:
        return grpc.insecure_channel(settings.host)
    options: list[tuple[str, Any]] = []
    if settings.server_name:
        options.append(("grpc.ssl_target_name_override", settings.server_name))
    return grpc.secure_channel(settings.host, _credentials(settings), options=options)


def _transport_cause(details: str) -> str:
    """Name the cause of an UNAVAILABLE status in words a user can act on."""
    lowered = details.lower()
    if "dns" in lowered or "resolv" in lowered or "lookup" in lowered:
        return "the host name does not resolve; check `host`"
    if "refused" in lowered:
        return "the connection was refused; is Dex running and is its gRPC port right?"
    if "certificate" in lowered or "handshake" in lowered or "ssl" in lowered or "tls" in lowered:
        return (
            "the TLS handshake failed (certificate rejected, or Dex requires a client "
            "certificate); check `ca_cert`, `client_cert`, `client_key` and `server_name`"
        )
    if "unwrap failed" in lowered or "tsi_data_corrupted" in lowered:
        return (
            "Dex rejected our TLS client: the client certificate is missing or not signed "
            "by the CA Dex trusts (tlsClientCA); check `client_cert` and `client_key`"
        )
    if "socket closed" in lowered or "connection reset" in lowered or "eof" in lowered:
        return (
            "Dex closed the connection during the TLS handshake; it probably requires a "
            "client certificate (set `client_cert` and `client_key`) or speaks plaintext"
        )
    return details


def translate(err: grpc.RpcError, host: str, what: str) -> errors.DexError:
    """Turn a gRPC failure into the typed error a caller can act on."""
    code = err.code()
    details = err.details() or ""
    if code == grpc.StatusCode.DEADLINE_EXCEEDED:
        return errors.DexUnreachableError(
            f"Dex at {host}: {what} exceeded its deadline; raise `timeout_seconds` "
            "or check the network path to Dex"
        )
    if code == grpc.StatusCode.UNAVAILABLE:
        cause = _transport_cause(details)
        return errors.DexUnreachableError(f"Dex at {host} is unreachable: {cause}")
    if code == grpc.StatusCode.UNIMPLEMENTED:
        return errors.DexTooOldError(
            f"Dex at {host} does not implement {what}; upgrade Dex to a release that has it"
        )
    if "feature flag is not enabled" in details:
        return errors.ConnectorApiDisabledError(
            f"Dex at {host} has its connector API turned off; {errors.CONNECTORS_FLAG_REMEDY}"
        )
    if "read-only" in details:
        return errors.StaticObjectError(details)
    if details.strip() == "not found":
        return errors.NotFoundError(f"{what}: not found in Dex at {host}")
    return errors.DexRejectedError(f"Dex at {host} rejected {what}: {details}")


class DexConnection:
    """One channel to one Dex, made once and shared by every operation."""

    def __init__(self, settings: ConnectionSettings) -> None:
        self.settings = settings
        self._channel: grpc.Channel | None = None
        self._stub: api_pb2_grpc.DexStub | None = None
        self._version: api_pb2.VersionResp | None = None
        self._lock = threading.Lock()
        self._version_lock = threading.Lock()

    @property
    def host(self) -> str:
        return self.settings.host

    def _ensure_stub(self) -> api_pb2_grpc.DexStub:
        with self._lock:
            if self._stub is None:
                self._channel = open_channel(self.settings)
                # The generated stubs carry no annotations.
                self._stub = api_pb2_grpc.DexStub(self._channel)  # type: ignore[no-untyped-call]
            return self._stub

    def _invoke(self, method: str, request: Any, what: str) -> Any:
        rpc: Callable[..., Any] = getattr(self._ensure_stub(), method)
        log.debug("dex call method=%s host=%s", method, self.host)
        try:
            return rpc(request, timeout=self.settings.timeout_seconds)
        except grpc.RpcError as err:
            raise translate(err, self.host, what) from err

    def version(self) -> api_pb2.VersionResp:
        """Dex's release and API number; the first call also proves the connection works."""
        with self._version_lock:
            if self._version is None:
                self._version = self._invoke("GetVersion", api_pb2.VersionReq(), "GetVersion")
            return self._version

    def call(self, method: str, request: Any, what: str) -> Any:
        """Call one RPC under the deadline, after checking Dex once with GetVersion."""
        self.version()
        return self._invoke(method, request, what)

    def require_api(self, level: int, feature: str) -> None:
        """Fail early when Dex's API number is below what `feature` needs."""
        have = self.version().api
        if have < level:
            raise errors.DexTooOldError(
                f"Dex at {self.host} ({self.version().server}, API {have}) lacks {feature}, "
                f"which needs API {level}; upgrade Dex"
            )

    def close(self) -> None:
        with self._lock:
            if self._channel is not None:
                self._channel.close()
            self._channel = None
            self._stub = None
