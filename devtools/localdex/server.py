"""One real Dex process on loopback: config, ports, start, readiness, restart and stop."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path

import grpc
import requests
import yaml

from devtools.localdex import config as dex_config
from devtools.localdex.config import DexOptions, Ports
from devtools.localdex.pki import Pki
from pulumi_dex.dex.connection import ConnectionSettings
from pulumi_dex.dexapi import api_pb2, api_pb2_grpc

READY_DEADLINE_SECONDS = 30.0
PROBE_TIMEOUT_SECONDS = 2.0
STOP_GRACE_SECONDS = 5.0
# A port picked free can be taken before Dex binds it; such a start is tried again.
PORT_ATTEMPTS = 3
# gRPC C-core (grpcio) refuses a TLS peer that selects no ALPN protocol, and Dex builds
# with grpc-go < 1.68 select none when tlsClientCA is set (dexidp/dex#3860): waiting is futile.
ALPN_REFUSAL = "missing selected ALPN property"
ALPN_HELP = (
    "serves mTLS without negotiating ALPN h2, which grpcio rejects (dexidp/dex#3860); "
    "this dex binary needs building against google.golang.org/grpc >= 1.68"
)


class DexStartError(RuntimeError):
    """Dex exited or did not become ready before the deadline."""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _free_ports() -> Ports:
    http = _free_port()
    grpc_port = _free_port()
    while grpc_port == http:
        grpc_port = _free_port()
    return Ports(http=http, grpc=grpc_port)


class DexServer:
    """A Dex serving on 127.0.0.1 from a config written into its own folder."""

    def __init__(self, binary: Path, options: DexOptions, pki: Pki, workdir: Path) -> None:
        self.binary = binary
        self.options = options
        self.pki = pki
        self.workdir = workdir
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.config_path = workdir / "config.yaml"
        self.log_path = workdir / "dex.log"
        self.ports = _free_ports()
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def issuer(self) -> str:
        return dex_config.issuer_url(self.options, self.ports)

    @property
    def grpc_address(self) -> str:
        return f"127.0.0.1:{self.ports.grpc}"

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def log_text(self) -> str:
        """Everything Dex has written to stdout and stderr so far."""
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def connection_settings(self, client_cert: bool = True) -> ConnectionSettings:
        """Settings for our client layer; client_cert=False leaves the mTLS pair out."""
        if self.options.tls == "plaintext":
            return ConnectionSettings(host=self.grpc_address, insecure=True)
        with_pair = client_cert and self.options.tls == "mtls"
        return ConnectionSettings(
            host=self.grpc_address,
            ca_cert=self.pki.ca.cert_pem,
            client_cert=self.pki.client.cert_pem if with_pair else None,
            client_key=self.pki.client.key_pem if with_pair else None,
        )

    def provider_config(self, client_cert: bool = True) -> dict[str, str]:
        """The provider settings (`dex:<key>` config or env vars); absent keys are unset."""
        settings = self.connection_settings(client_cert)
        config = {"host": settings.host, "insecure": "true" if settings.insecure else "false"}
        for key, value in (
            ("caCert", settings.ca_cert),
            ("clientCert", settings.client_cert),
            ("clientKey", settings.client_key),
        ):
            if value is not None:
                config[key] = value
        return config

    def start(self) -> None:
        """Start Dex and wait until it serves both HTTP and gRPC; retry on a port clash."""
        for attempt in range(1, PORT_ATTEMPTS + 1):
            try:
                self._start_once()
                return
            except DexStartError:
                clash = "address already in use" in self.log_text()
                if not clash or attempt == PORT_ATTEMPTS:
                    raise
                self.ports = _free_ports()

    def restart(self) -> None:
        """Stop and start on the same ports; sqlite3 storage keeps its data file."""
        self.stop()
        self._start_once()

    def stop(self) -> None:
        """Terminate Dex, killing it when it does not exit in time; safe to call twice."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_GRACE_SECONDS)

    def _environment(self) -> dict[str, str]:
        env = dict(os.environ)
        # Dex reads feature flags from DEX_<NAME>; always set, so the caller's env cannot leak in.
        env["DEX_API_CONNECTORS_CRUD"] = "true" if self.options.connectors_crud else "false"
        env.update(self.options.extra_env)
        return env

    def _start_once(self) -> None:
        config = dex_config.render(self.options, self.ports, self.pki, self.workdir)
        self.config_path.write_text(yaml.safe_dump(config, sort_keys=False))
        with self.log_path.open("ab") as log:
            log.write(f"--- dex serve {self.config_path}\n".encode())
            log.flush()
            self._process = subprocess.Popen(
                [str(self.binary), "serve", str(self.config_path)],
                cwd=self.workdir,
                env=self._environment(),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        try:
            self._wait_ready()
        except DexStartError:
            self.stop()
            raise

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + READY_DEADLINE_SECONDS
        last_problem = "no probe ran"
        while time.monotonic() < deadline:
            if not self.running:
                raise DexStartError(self._failure("exited during start-up"))
            last_problem = self._probe()
            if not last_problem:
                return
            time.sleep(0.1)
        raise DexStartError(
            self._failure(f"not ready after {READY_DEADLINE_SECONDS:.0f}s ({last_problem})")
        )

    def _probe(self) -> str:
        """An empty string when Dex is ready, else what is still missing."""
        try:
            reply = requests.get(f"{self.issuer}/healthz", timeout=PROBE_TIMEOUT_SECONDS)
        except requests.RequestException as err:
            return f"healthz: {type(err).__name__}"
        if reply.status_code != 200:
            return f"healthz answered {reply.status_code}"
        try:
            self._get_version()
        except grpc.RpcError as err:
            if ALPN_REFUSAL in (err.details() or ""):
                raise DexStartError(self._failure(ALPN_HELP)) from err
            return f"GetVersion: {err.code().name} {err.details()}"
        return ""

    def _get_version(self) -> api_pb2.VersionResp:
        settings = self.connection_settings(client_cert=True)
        if settings.insecure:
            channel = grpc.insecure_channel(self.grpc_address)
        else:
            credentials = grpc.ssl_channel_credentials(
                root_certificates=(settings.ca_cert or "").encode(),
                private_key=settings.client_key.encode() if settings.client_key else None,
                certificate_chain=settings.client_cert.encode() if settings.client_cert else None,
            )
            channel = grpc.secure_channel(self.grpc_address, credentials)
        with channel:
            stub = api_pb2_grpc.DexStub(channel)  # type: ignore[no-untyped-call]
            reply: api_pb2.VersionResp = stub.GetVersion(
                api_pb2.VersionReq(), timeout=PROBE_TIMEOUT_SECONDS
            )
            return reply

    def _failure(self, what: str) -> str:
        tail = "\n".join(self.log_text().splitlines()[-40:])
        version = self.options.version or "(version unset)"
        return (
            f"Dex {version} (gRPC {self.grpc_address}, issuer {self.issuer}) {what}; "
            f"config {self.config_path}, log {self.log_path}:\n{tail}"
        )
