"""What a test Dex looks like (DexOptions) and the config file Dex reads from it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from devtools.localdex.pki import Pki

TlsMode = Literal["plaintext", "tls", "mtls"]
StorageType = Literal["memory", "sqlite3"]


@dataclass(frozen=True)
class StaticUser:
    """A user of Dex's password database, with the password the hash was made from."""

    email: str
    username: str
    user_id: str
    password: str
    bcrypt_hash: str

    def as_config(self) -> dict[str, str]:
        """The entry of Dex's `staticPasswords` list."""
        return {
            "email": self.email,
            "username": self.username,
            "userID": self.user_id,
            "hash": self.bcrypt_hash,
        }


# The hash is precomputed (bcrypt, cost 10) so nothing here needs a bcrypt package;
# tests/integration/test_foundation.py logs this user in, which proves the pair matches.
UPSTREAM_USER = StaticUser(
    email="ada@example.com",
    username="ada",
    user_id="0b1e7c1a-5d52-4b8e-9f0a-3c9d2a1f6e01",
    password="upstream-user-password",
    bcrypt_hash="$2b$10$XV/KJgFmR1GKAD6Bn53/VOE7z/z2M5P.uuLIzRN1Y2aPFcKiYwec6",
)


@dataclass(frozen=True)
class DexOptions:
    """How one test Dex is set up; the defaults are the provider's usual target."""

    tls: TlsMode = "mtls"
    storage: StorageType = "memory"
    connectors_crud: bool = True
    # Entries in Dex's own config format (keys such as `redirectURIs`, `trustedPeers`).
    static_clients: Sequence[dict[str, Any]] = ()
    static_connectors: Sequence[dict[str, Any]] = ()
    static_passwords: Sequence[StaticUser] = ()
    # Dex refuses to start with no connector at all; the password DB adds the static
    # connector `local`, so it is on unless the test brings static connectors of its own.
    enable_password_db: bool = True
    # Any path works, e.g. "/tenant-guid/v2.0" to look like an Azure AD issuer.
    issuer_path: str = "/dex"
    skip_approval_screen: bool = True
    # None means the session's Dex version (DEX_VERSION or versions.toml's default).
    version: str | None = None
    extra_env: dict[str, str] = field(default_factory=dict)
    # Serve Prometheus metrics (gRPC calls per method) on this loopback port.
    telemetry_port: int | None = None


def upstream_idp(
    redirect_uri: str,
    client_id: str = "downstream-dex",
    client_secret: str = "downstream-dex-secret",
    issuer_path: str = "/upstream",
    user: StaticUser = UPSTREAM_USER,
) -> DexOptions:
    """A Dex acting as an upstream OIDC IdP: one password user, one client for `redirect_uri`.

    Plaintext gRPC and memory storage: this Dex is only ever logged into, never managed.
    """
    client = {
        "id": client_id,
        "secret": client_secret,
        "name": "Downstream Dex",
        "redirectURIs": [redirect_uri],
    }
    return DexOptions(
        tls="plaintext",
        connectors_crud=False,
        static_clients=(client,),
        static_passwords=(user,),
        enable_password_db=True,
        issuer_path=issuer_path,
    )


@dataclass(frozen=True)
class Ports:
    """The loopback ports one Dex listens on."""

    http: int
    grpc: int


def issuer_url(options: DexOptions, ports: Ports) -> str:
    """The issuer URL of a Dex with these options on these ports."""
    path = "/" + options.issuer_path.strip("/") if options.issuer_path.strip("/") else ""
    return f"http://127.0.0.1:{ports.http}{path}"


def _grpc_section(options: DexOptions, ports: Ports, pki: Pki) -> dict[str, Any]:
    section: dict[str, Any] = {"addr": f"127.0.0.1:{ports.grpc}"}
    if options.tls in ("tls", "mtls"):
        section["tlsCert"] = str(pki.server.cert_path)
        section["tlsKey"] = str(pki.server.key_path)
    if options.tls == "mtls":
        section["tlsClientCA"] = str(pki.ca.cert_path)
    return section


def _storage_section(options: DexOptions, data_dir: Path) -> dict[str, Any]:
    if options.storage == "sqlite3":
        return {"type": "sqlite3", "config": {"file": str(data_dir / "dex.db")}}
    return {"type": "memory"}


def render(options: DexOptions, ports: Ports, pki: Pki, data_dir: Path) -> dict[str, Any]:
    """The whole Dex config as a mapping, ready to be written as YAML."""
    config: dict[str, Any] = {
        "issuer": issuer_url(options, ports),
        "storage": _storage_section(options, data_dir),
        "web": {"http": f"127.0.0.1:{ports.http}"},
        "grpc": _grpc_section(options, ports, pki),
        "logger": {"level": "debug", "format": "text"},
        "oauth2": {"skipApprovalScreen": options.skip_approval_screen},
        "enablePasswordDB": options.enable_password_db,
    }
    if options.telemetry_port:
        config["telemetry"] = {"http": f"127.0.0.1:{options.telemetry_port}"}
    if options.static_clients:
        config["staticClients"] = list(options.static_clients)
    if options.static_connectors:
        config["connectors"] = list(options.static_connectors)
    if options.static_passwords:
        config["staticPasswords"] = [user.as_config() for user in options.static_passwords]
    return config
