"""Plugin cold start: from exec of pulumi-resource-dex to its port line (median of 20)."""

from __future__ import annotations

import subprocess
import time

from bench.lab import ROOT, Figure, median_ms

RUNS = 20
PLUGIN = ROOT / ".venv" / "bin" / "pulumi-resource-dex"


def one_start() -> float:
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(PLUGIN), "127.0.0.1:1"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    assert process.stdout is not None
    process.stdout.readline()
    elapsed = time.perf_counter() - started
    process.kill()
    process.wait()
    return elapsed


def run() -> list[Figure]:
    samples = [one_start() for _ in range(RUNS)]
    return [Figure("plugin cold start (median of 20)", median_ms(samples), "ms", "<= 500 ms")]


if __name__ == "__main__":
    from bench.lab import report

    print(report(run()))
