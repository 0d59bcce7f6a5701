"""The ResourceProvider gRPC service: Pulumi's protocol in, handler calls out.

Errors a user can fix reach the engine as a one-line message (no traceback);
anything else is a provider bug and says so.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import grpc
from google.protobuf import empty_pb2
from pulumi.runtime.proto import plugin_pb2, provider_pb2, provider_pb2_grpc

from pulumi_dex.connectors import github, gitlab, google, ldap, microsoft, saml
from pulumi_dex.dex import errors
from pulumi_dex.dex.connection import DexConnection
from pulumi_dex.model.resources import secret_paths
from pulumi_dex.model.schema import schema_json
from pulumi_dex.provider import config, wire
from pulumi_dex.provider.engine_log import EngineLog
from pulumi_dex.provider.handlers.base import Context, DexApis, UserError
from pulumi_dex.provider.handlers.clients import ClientHandler
from pulumi_dex.provider.handlers.connectors import (
    AzureHandler,
    CognitoHandler,
    GenericConnectorHandler,
    TypedConnectorHandler,
)
from pulumi_dex.version import VERSION

log = logging.getLogger(__name__)

TYPED_FAMILIES = (github, gitlab, google, microsoft, ldap, saml)
_ALL_HANDLERS: tuple[Any, ...] = (
    ClientHandler(),
    GenericConnectorHandler(),
    AzureHandler(),
    CognitoHandler(),
    *(TypedConnectorHandler(family) for family in TYPED_FAMILIES),
)
HANDLERS: dict[str, Any] = {h.spec.token: h for h in _ALL_HANDLERS}
T = TypeVar("T")


def _type_of(urn: str) -> str:
    return urn.split("::")[2].split("$")[-1]


def _failure(prop: str, reason: str) -> provider_pb2.CheckFailure:
    """A check failure without a property path, so the engine never prints the value.

    With a path, the engine's message quotes the input's value, secret or not (a raw
    config, a client key); our reasons already name the property instead.
    """
    text = reason if reason.startswith(prop.split(".")[0]) else f"{prop}: {reason}"
    return provider_pb2.CheckFailure(property="", reason=text)


def _object_key(handler: Any, object_id: str) -> tuple[str, str]:
    """Clients and connectors are separate ID spaces in Dex, whatever the resource type."""
    kind = "client" if handler.spec.id_property == "clientId" else "connector"
    return kind, object_id


class DexProvider(provider_pb2_grpc.ResourceProviderServicer):
    """One provider instance: configuration and one Dex connection, made once."""

    def __init__(self, engine_address: str | None) -> None:
        self._log = EngineLog(engine_address)
        self._values: dict[str, Any] = {}
        self._dex: DexApis | None = None
        # (kind, id) -> URN of the resource that declared it in this run (Check).
        self._claims: dict[tuple[str, str], str] = {}
        # (kind, id) created by this process, i.e. in this run of the engine.
        self._created: set[tuple[str, str]] = set()
        self._lock = threading.Lock()

    # --- plumbing -----------------------------------------------------------------

    def _open(self) -> DexApis:
        with self._lock:
            if self._dex is None:
                settings = config.settings(self._values)
                if settings.insecure or settings.insecure_skip_verify:
                    self._log.warn(
                        f"dex provider for {settings.host}: insecure transport is for local "
                        "development only; use TLS with a CA certificate and a client certificate"
                    )
                self._dex = DexApis.on(DexConnection(settings))
            return self._dex

    def _guarded(self, context: grpc.ServicerContext, call: Callable[[], T]) -> T:
        try:
            return call()
        except (UserError, errors.DexError, config.ConfigError) as err:
            context.abort(grpc.StatusCode.UNKNOWN, str(err))
        except config.UnknownConfig:
            context.abort(
                grpc.StatusCode.UNKNOWN,
                "the dex provider's configuration is not "
                "known yet; it depends on resources that are still to be created",
            )
        except Exception as err:  # noqa: BLE001 - everything else is our bug
            log.exception("unexpected failure")
            context.abort(
                grpc.StatusCode.INTERNAL,
                f"pulumi-dex internal error ({type(err).__name__}); please report it with "
                "the output of `pulumi up -v=9 --logtostderr`",
            )
        raise AssertionError("unreachable")

    def _context(self, urn: str) -> Context:
        return Context(dex=self._open, log=self._log, urn=urn)

    # --- plugin and configuration ----------------------------------------------------

    def Handshake(self, request: Any, context: Any) -> provider_pb2.ProviderHandshakeResponse:
        return provider_pb2.ProviderHandshakeResponse(accept_secrets=True)

    def GetPluginInfo(self, request: Any, context: Any) -> plugin_pb2.PluginInfo:
        return plugin_pb2.PluginInfo(version=VERSION)

    def GetSchema(self, request: Any, context: Any) -> provider_pb2.GetSchemaResponse:
        return provider_pb2.GetSchemaResponse(schema=schema_json())

    def CheckConfig(self, request: Any, context: Any) -> provider_pb2.CheckResponse:
        # Only the explicit settings arrive here (DEX_* variables are read at Configure);
        # what is certain to fail is reported at preview, not at the first call.
        news = config.merge({}, wire.decode(request.news))
        failures = [_failure(key, reason) for key, reason in config.problems(news)]
        return provider_pb2.CheckResponse(inputs=request.news, failures=failures)

    def DiffConfig(self, request: Any, context: Any) -> provider_pb2.DiffResponse:
        olds, news = wire.decode(request.olds), wire.decode(request.news)
        changed = sorted(k for k in set(olds) | set(news) if olds.get(k) != news.get(k))
        response = provider_pb2.DiffResponse
        kind = response.DIFF_SOME if changed else response.DIFF_NONE
        return provider_pb2.DiffResponse(changes=kind, diffs=changed)

    def Configure(self, request: Any, context: Any) -> provider_pb2.ConfigureResponse:
        self._values = config.merge(dict(request.variables), wire.decode(request.args))
        return provider_pb2.ConfigureResponse(
            acceptSecrets=True, supportsPreview=True, acceptResources=False
        )

    def Cancel(self, request: Any, context: Any) -> empty_pb2.Empty:
        return empty_pb2.Empty()

    # --- resources ---------------------------------------------------------------------

    def Check(self, request: Any, context: Any) -> provider_pb2.CheckResponse:
        handler = HANDLERS[_type_of(request.urn)]
        olds, news = wire.decode(request.olds), wire.decode(request.news)
        inputs, failures = self._guarded(
            context, lambda: handler.check(olds, news, bytes(request.randomSeed))
        )
        failures = failures or self._claim(handler, request.urn, inputs)
        return provider_pb2.CheckResponse(
            inputs=wire.encode(inputs, secret_paths(handler.spec)),
            failures=[_failure(prop, reason) for prop, reason in failures],
        )

    def _claim(self, handler: Any, urn: str, inputs: dict[str, Any]) -> list[tuple[str, str]]:
        """Two resources of one program for the same Dex object: refuse at preview."""
        object_id = inputs.get(handler.spec.id_property)
        if not isinstance(object_id, str) or wire.is_unknown(object_id):
            return []
        key = _object_key(handler, object_id)
        owner = self._claims.setdefault(key, urn)
        if owner == urn:
            return []
        other = owner.split("::")[-1]
        return [
            (
                handler.spec.id_property,
                f"{handler.spec.id_property} {object_id!r} is also declared by resource "
                f"{other!r} on the same Dex, which keeps one {key[0]} per ID; give each "
                "resource its own ID",
            )
        ]

    def Diff(self, request: Any, context: Any) -> provider_pb2.DiffResponse:
        handler = HANDLERS[_type_of(request.urn)]
        result = handler.diff(wire.decode(request.olds), wire.decode(request.news))
        if not result.changed:
            return provider_pb2.DiffResponse(changes=provider_pb2.DiffResponse.DIFF_NONE)
        kinds = provider_pb2.PropertyDiff
        detailed = {
            name: kinds(
                kind=kinds.UPDATE_REPLACE if name in result.replaces else kinds.UPDATE,
                inputDiff=True,
            )
            for name in result.changed
        }
        return provider_pb2.DiffResponse(
            changes=provider_pb2.DiffResponse.DIFF_SOME,
            diffs=result.changed,
            replaces=result.replaces,
            # IDs are chosen by the user, so the old object must go before the new one.
            deleteBeforeReplace=bool(result.replaces),
            detailedDiff=detailed,
            hasDetailedDiff=True,
        )

    def Create(self, request: Any, context: Any) -> provider_pb2.CreateResponse:
        handler = HANDLERS[_type_of(request.urn)]
        inputs = wire.decode(request.properties)
        ctx = self._context(request.urn)
        resource_id, outputs = self._guarded(
            context, lambda: handler.create(ctx, inputs, request.preview)
        )
        if not request.preview:
            self._created.add(_object_key(handler, resource_id))
        return provider_pb2.CreateResponse(
            id=resource_id, properties=wire.encode(outputs, secret_paths(handler.spec))
        )

    def Read(self, request: Any, context: Any) -> provider_pb2.ReadResponse:
        handler = HANDLERS[_type_of(request.urn)]
        state = wire.decode(request.properties) or wire.decode(request.inputs)
        ctx = self._context(request.urn)
        result = self._guarded(context, lambda: handler.read(ctx, request.id, state))
        if result.id is None:
            return provider_pb2.ReadResponse(id="")
        secrets = secret_paths(handler.spec)
        return provider_pb2.ReadResponse(
            id=result.id,
            properties=wire.encode(result.outputs, secrets),
            inputs=wire.encode(result.inputs, secrets),
        )

    def Update(self, request: Any, context: Any) -> provider_pb2.UpdateResponse:
        handler = HANDLERS[_type_of(request.urn)]
        news = wire.decode(request.news)
        ctx = self._context(request.urn)
        outputs = self._guarded(
            context, lambda: handler.update(ctx, request.id, news, request.preview)
        )
        return provider_pb2.UpdateResponse(
            properties=wire.encode(outputs, secret_paths(handler.spec))
        )

    def Delete(self, request: Any, context: Any) -> empty_pb2.Empty:
        handler = HANDLERS[_type_of(request.urn)]
        state = wire.decode(request.properties)
        ctx = self._context(request.urn)
        if _object_key(handler, request.id) in self._created:
            # A replacement under the same ID was created earlier in this run; deleting
            # "the original" now would delete that new object (IDs are the user's).
            ctx.log.warn(
                f"{request.id!r} was created again earlier in this update; the old object is "
                "already gone, so Dex is left as it is",
                request.urn,
            )
            return empty_pb2.Empty()
        self._guarded(context, lambda: handler.delete(ctx, request.id, state))
        return empty_pb2.Empty()
