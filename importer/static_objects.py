"""Objects defined in Dex's config file, which Dex's API serves without marking them.

A static object is read-only through the API, but finding that out means attempting a
write; reading the config file Dex was started with tells the same without touching Dex.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

# Dex adds this connector itself when enablePasswordDB is set.
PASSWORD_DB_CONNECTOR = "local"


class DexConfigError(Exception):
    """The Dex config file could not be read; the message names the file and the remedy."""


@dataclass(frozen=True)
class StaticObjects:
    """IDs of static clients (`staticClients`) and connectors (`connectors`)."""

    clients: frozenset[str] = frozenset()
    connectors: frozenset[str] = frozenset()
    # False when no config file was given, so nothing is known either way.
    known: bool = False

    def holds(self, kind: str, object_id: str) -> bool:
        """True when the object of this kind ("client", "connector") is static."""
        ids = self.clients if kind == "client" else self.connectors
        return object_id in ids

    def source(self, kind: str, object_id: str) -> str:
        """ "static", "api", or "unknown" when no config file was read."""
        if not self.known:
            return "unknown"
        return "static" if self.holds(kind, object_id) else "api"


def _ids(doc: dict[str, object], section: str, path: Path) -> frozenset[str]:
    entries = doc.get(section) or []
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise DexConfigError(f"--dex-config {path}: `{section}` is not a list of objects")
    return frozenset(str(entry["id"]) for entry in entries if "id" in entry)


def read(path: Path) -> StaticObjects:
    """The static objects of one Dex config file."""
    try:
        doc = yaml.safe_load(path.read_text())
    except OSError as err:
        raise DexConfigError(f"--dex-config {path}: cannot read ({err.strerror})") from err
    except yaml.YAMLError as err:
        # Only the position: YAML's own message quotes the line, which may hold a secret.
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise DexConfigError(f"--dex-config {path}: not valid YAML{where}; fix the file") from err
    if not isinstance(doc, dict):
        raise DexConfigError(f"--dex-config {path}: not a Dex config (expected a mapping)")
    connectors = _ids(doc, "connectors", path)
    if doc.get("enablePasswordDB"):
        connectors |= {PASSWORD_DB_CONNECTOR}
    return StaticObjects(_ids(doc, "staticClients", path), connectors, known=True)
