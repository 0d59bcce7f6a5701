"""Refresh at scale: 1,000 connectors; counts Dex's ListConnectors calls and times refresh.

Dex has no call that returns one connector, so a naive Read would list them all once per
connector. The count comes from Dex's own gRPC metrics, not from the plugin.
"""

from __future__ import annotations

from bench.lab import Figure, free_port, grpc_calls, lab, timed

CONNECTORS = 1000

PROGRAM = f"""
import json
import pulumi_dex as dex

for i in range({CONNECTORS}):
    dex.Connector(f"k{{i}}", connector_id=f"gh-{{i}}", type="github", name=f"GitHub {{i}}",
                  raw_config=json.dumps({{"clientID": f"id-{{i}}", "clientSecret": "g" * 32,
                                          "redirectURI": "https://dex.example.com/callback"}}))
"""


def run() -> list[Figure]:
    with lab() as bench:
        metrics = free_port()
        dex = bench.dex(telemetry_port=metrics)
        project = bench.project(dex, "refresh")
        project.write_program(PROGRAM)
        up = timed(lambda: project.up(skip_preview=True))
        before = grpc_calls(metrics, "ListConnectors")
        refresh = timed(lambda: project.refresh())
        calls = grpc_calls(metrics, "ListConnectors") - before
    return [
        Figure(f"pulumi up, {CONNECTORS} connectors", up, "s"),
        Figure(f"pulumi refresh, {CONNECTORS} connectors", refresh, "s"),
        Figure("ListConnectors calls during that refresh", calls, "", "a few dozen at most"),
    ]


if __name__ == "__main__":
    from bench.lab import report

    print(report(run()))
