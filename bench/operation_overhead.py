"""Per-operation overhead: Client CRUD through the plugin's gRPC interface vs Dex directly."""

from __future__ import annotations

import subprocess

import grpc
from pulumi.runtime.proto import provider_pb2, provider_pb2_grpc

from bench.lab import ROOT, Figure, lab, median_ms, timed
from pulumi_dex.dex.clients import ClientRecord, ClientsApi
from pulumi_dex.dex.connection import DexConnection
from pulumi_dex.provider import wire

ROUNDS = 50
PLUGIN = ROOT / ".venv" / "bin" / "pulumi-resource-dex"
URN = "urn:pulumi:bench::bench::dex:index:Client::c{}"


def _plugin() -> tuple[subprocess.Popen[bytes], provider_pb2_grpc.ResourceProviderStub]:
    process = subprocess.Popen([str(PLUGIN)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    port = process.stdout.readline().decode().strip()
    channel = grpc.insecure_channel(f"127.0.0.1:{port}")
    return process, provider_pb2_grpc.ResourceProviderStub(channel)


def _props(i: int, name: str) -> object:
    return wire.encode({"clientId": f"p{i}", "name": name, "secret": "s" * 40})


def _through_plugin(stub: provider_pb2_grpc.ResourceProviderStub) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"create": [], "read": [], "update": [], "delete": []}
    for i in range(ROUNDS):
        urn = URN.format(i)
        times["create"].append(timed(lambda: stub.Create(
            provider_pb2.CreateRequest(urn=urn, properties=_props(i, "a")))))
        times["read"].append(timed(lambda: stub.Read(
            provider_pb2.ReadRequest(id=f"p{i}", urn=urn, properties=_props(i, "a")))))
        times["update"].append(timed(lambda: stub.Update(provider_pb2.UpdateRequest(
            id=f"p{i}", urn=urn, olds=_props(i, "a"), news=_props(i, "b")))))
        times["delete"].append(timed(lambda: stub.Delete(
            provider_pb2.DeleteRequest(id=f"p{i}", urn=urn, properties=_props(i, "b")))))
    return times


def _direct(clients: ClientsApi) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"create": [], "read": [], "update": [], "delete": []}
    for i in range(ROUNDS):
        record = ClientRecord(id=f"d{i}", name="a", secret="s" * 40)
        times["create"].append(timed(lambda: clients.create(record)))
        times["read"].append(timed(lambda: clients.get(f"d{i}")))
        renamed = ClientRecord(id=f"d{i}", name="b", secret="s" * 40)
        times["update"].append(timed(lambda: clients.update(renamed)))
        times["delete"].append(timed(lambda: clients.delete(f"d{i}")))
    return times


def run() -> list[Figure]:
    with lab() as bench:
        dex = bench.dex()
        clients = ClientsApi(DexConnection(dex.connection_settings()))
        direct = _direct(clients)
        process, stub = _plugin()
        try:
            variables = {f"dex:{k}": v for k, v in dex.provider_config().items()}
            stub.Configure(provider_pb2.ConfigureRequest(variables=variables, acceptSecrets=True))
            plugin = _through_plugin(stub)
        finally:
            process.kill()
    figures = []
    for op in ("create", "read", "update", "delete"):
        added = median_ms(plugin[op]) - median_ms(direct[op])
        figures.append(Figure(f"client {op}: added by the plugin (median)", added, "ms",
                              "<= 2 ms", f"direct {median_ms(direct[op]):.2f} ms"))
    return figures


if __name__ == "__main__":
    from bench.lab import report

    print(report(run()))
