"""`pulumi up` of 200 clients and 50 connectors, then refresh, preview and destroy."""

from __future__ import annotations

from bench.lab import Figure, PeakRss, lab, timed

CLIENTS = 200
CONNECTORS = 50

PROGRAM = f"""
import pulumi_dex as dex

for i in range({CLIENTS}):
    dex.Client(f"c{{i}}", client_id=f"client-{{i}}", name=f"Client {{i}}", secret="s" * 40,
               redirect_uris=[f"https://app{{i}}.example.com/callback"])
for i in range({CONNECTORS}):
    dex.Connector(f"k{{i}}", connector_id=f"conn-{{i}}", type="oidc", name=f"IdP {{i}}",
                  oidc_config={{"issuer": f"https://idp{{i}}.example.com",
                               "client_id": "dex", "client_secret": "u" * 32,
                               "redirect_uri": "https://dex.example.com/dex/callback"}})
"""


def run() -> list[Figure]:
    with lab() as bench:
        dex = bench.dex(storage="sqlite3")
        project = bench.project(dex, "lifecycle")
        project.write_program(PROGRAM)
        with PeakRss("pulumi-resource-dex") as memory:
            up = timed(lambda: project.up(skip_preview=True))
        refresh = timed(lambda: project.refresh())
        preview = timed(lambda: project.preview("--expect-no-changes"))
        destroy = timed(lambda: project.destroy())
    size = f"{CLIENTS} clients + {CONNECTORS} connectors"
    return [
        Figure(f"pulumi up, {size}", up, "s"),
        Figure("pulumi refresh, same stack", refresh, "s"),
        Figure("pulumi preview, no changes", preview, "s"),
        Figure("pulumi destroy, same stack", destroy, "s"),
        Figure("plugin peak memory during up", memory.peak_kib / 1024, "MiB"),
    ]


if __name__ == "__main__":
    from bench.lab import report

    print(report(run()))
