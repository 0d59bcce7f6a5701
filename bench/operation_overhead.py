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


def _plugin_round(stub: provider_pb2_grpc.ResourceProviderStub, i: int) -> dict[str, float]:
    urn, cid = URN.format(i), f"p{i}"
    created = _props(i, "a")
    renamed = _props(i, "b")
    return {
        "create": timed(
            lambda: stub.Create(provider_pb2.CreateRequest(urn=urn, properties=created))
        ),
        "read": timed(
            lambda: stub.Read(provider_pb2.ReadRequest(id=cid, urn=urn, properties=created))
        ),
        "update": timed(
            lambda: stub.Update(
                provider_pb2.UpdateRequest(id=cid, urn=urn, olds=created, news=renamed)
            )
        ),
        "delete": timed(
            lambda: stub.Delete(provider_pb2.DeleteRequest(id=cid, urn=urn, properties=renamed))
        ),
    }


def _direct_round(clients: ClientsApi, i: int) -> dict[str, float]:
    cid = f"d{i}"
    return {
        "create": timed(lambda: clients.create(ClientRecord(id=cid, name="a", secret="s" * 40))),
        "read": timed(lambda: clients.get(cid)),
        "update": timed(lambda: clients.update(ClientRecord(id=cid, name="b", secret="s" * 40))),
        "delete": timed(lambda: clients.delete(cid)),
    }


def _collect(rounds: list[dict[str, float]]) -> dict[str, list[float]]:
    return {op: [r[op] for r in rounds] for op in ("create", "read", "update", "delete")}


def run() -> list[Figure]:
    with lab() as bench:
        dex = bench.dex()
        clients = ClientsApi(DexConnection(dex.connection_settings()))
        direct = _collect([_direct_round(clients, i) for i in range(ROUNDS)])
        process, stub = _plugin()
        try:
            variables = {f"dex:{k}": v for k, v in dex.provider_config().items()}
            stub.Configure(provider_pb2.ConfigureRequest(variables=variables, acceptSecrets=True))
            plugin = _collect([_plugin_round(stub, i) for i in range(ROUNDS)])
        finally:
            process.kill()
    figures = []
    for op in ("create", "read", "update", "delete"):
        added = median_ms(plugin[op]) - median_ms(direct[op])
        figures.append(
            Figure(
                f"client {op}: added by the plugin (median)",
                added,
                "ms",
                "<= 2 ms",
                f"direct {median_ms(direct[op]):.2f} ms",
            )
        )
    return figures


if __name__ == "__main__":
    from bench.lab import report

    print(report(run()))
