"""Messages to the user through the Pulumi engine (shown in the CLI's output)."""

from __future__ import annotations

import logging

import grpc
from pulumi.runtime.proto import engine_pb2, engine_pb2_grpc

log = logging.getLogger(__name__)


class EngineLog:
    """Sends warnings to the engine; falls back to the plugin log when unreachable."""

    def __init__(self, engine_address: str | None) -> None:
        self._stub = None
        if engine_address:
            channel = grpc.insecure_channel(engine_address)
            self._stub = engine_pb2_grpc.EngineStub(channel)

    def warn(self, message: str, urn: str = "") -> None:
        request = engine_pb2.LogRequest(severity=engine_pb2.WARNING, message=message, urn=urn)
        if self._stub is None:
            log.warning("%s", message)
            return
        try:
            self._stub.Log(request, timeout=5)
        except grpc.RpcError:
            log.warning("%s", message)
