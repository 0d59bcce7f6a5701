"""Typed errors for everything that can go wrong between us and Dex.

Dex reports "not found" and "already exists" as flags in its responses and most
other failures as plain-text errors, not as gRPC status codes. The connection
module turns all of them into these exceptions, so no caller reads a raw status.
"""

from __future__ import annotations

CONNECTORS_FLAG_REMEDY = "start Dex with the environment variable DEX_API_CONNECTORS_CRUD=true"


class DexError(Exception):
    """Base of every error raised when calling Dex."""


class DexUnreachableError(DexError):
    """No connection: name resolution, refused connection, TLS failure or deadline."""


class DexTooOldError(DexError):
    """The Dex server lacks a call or field the program uses."""


class ConnectorApiDisabledError(DexError):
    """Dex was started without the connector CRUD feature flag."""


class NotFoundError(DexError):
    """The object does not exist in Dex."""


class AlreadyExistsError(DexError):
    """An object with the same ID already exists in Dex."""


class StaticObjectError(DexError):
    """The object comes from Dex's config file and is read-only through the API."""


class DexRejectedError(DexError):
    """Dex refused the request; the message is Dex's own."""
