"""A throwaway PKI for one test session: a CA, Dex's server cert, good and rogue clients."""

from __future__ import annotations

import datetime
import ipaddress
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

# Long enough for any test run, short enough that nobody mistakes these for real certs.
VALIDITY = datetime.timedelta(days=2)
SERVER_NAMES = ("localhost",)
SERVER_IPS = ("127.0.0.1",)


@dataclass(frozen=True)
class KeyPair:
    """A certificate and its private key, as PEM text and as files on disk."""

    cert_pem: str
    key_pem: str
    cert_path: Path
    key_path: Path


@dataclass(frozen=True)
class Pki:
    """Everything a test needs for TLS and mTLS against Dex."""

    ca: KeyPair
    server: KeyPair
    client: KeyPair
    # Signed by a CA Dex does not trust: for wrong-client-certificate tests.
    rogue_ca: KeyPair
    rogue_client: KeyPair


@dataclass(frozen=True)
class _Issued:
    cert: x509.Certificate
    key: ec.EllipticCurvePrivateKey


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "pulumi-dex tests"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _builder(
    subject: str, issuer: x509.Name, key: ec.EllipticCurvePrivateKey
) -> x509.CertificateBuilder:
    # Back-dated a little so a clock a few seconds behind still accepts the certs.
    now = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=5)
    return (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + VALIDITY)
    )


def _new_ca(common_name: str) -> _Issued:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        _builder(common_name, _name(common_name), key)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_ca_usage(), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .sign(key, hashes.SHA256())
    )
    return _Issued(cert, key)


def _ca_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=True,
        crl_sign=True,
        encipher_only=False,
        decipher_only=False,
    )


def _leaf(ca: _Issued, common_name: str, server: bool) -> _Issued:
    key = ec.generate_private_key(ec.SECP256R1())
    usage = ExtendedKeyUsageOID.SERVER_AUTH if server else ExtendedKeyUsageOID.CLIENT_AUTH
    builder = (
        _builder(common_name, ca.cert.subject, key)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), False
        )
    )
    if server:
        # gRPC checks the SAN, never the CN, so both the IP and the name must be listed.
        alt_names: list[x509.GeneralName] = [x509.DNSName(n) for n in SERVER_NAMES]
        alt_names += [x509.IPAddress(ipaddress.ip_address(ip)) for ip in SERVER_IPS]
        builder = builder.add_extension(x509.SubjectAlternativeName(alt_names), critical=False)
    return _Issued(builder.sign(ca.key, hashes.SHA256()), key)


def _save(issued: _Issued, folder: Path, stem: str) -> KeyPair:
    cert_pem = issued.cert.public_bytes(serialization.Encoding.PEM).decode()
    key_pem = issued.key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    cert_path = folder / f"{stem}.crt"
    key_path = folder / f"{stem}.key"
    cert_path.write_text(cert_pem)
    key_path.write_text(key_pem)
    key_path.chmod(0o600)
    return KeyPair(cert_pem, key_pem, cert_path, key_path)


def create_pki(folder: Path) -> Pki:
    """Generate the whole PKI into `folder` (created if needed)."""
    folder.mkdir(parents=True, exist_ok=True)
    ca = _new_ca("pulumi-dex test CA")
    rogue_ca = _new_ca("pulumi-dex rogue CA")
    return Pki(
        ca=_save(ca, folder, "ca"),
        server=_save(_leaf(ca, "dex-server", server=True), folder, "server"),
        client=_save(_leaf(ca, "pulumi-dex-client", server=False), folder, "client"),
        rogue_ca=_save(rogue_ca, folder, "rogue-ca"),
        rogue_client=_save(_leaf(rogue_ca, "rogue-client", server=False), folder, "rogue-client"),
    )
