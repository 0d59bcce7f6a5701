"""Run every benchmark, print one table, write bench/results.json: `python -m bench`.

Needs the tools and the virtualenv (`python3 -m devtools install`); takes a few minutes.
Benchmarks measure and print; nothing here fails on a slow figure.
"""

from __future__ import annotations

import importlib
import sys

from bench.lab import Figure, machine, report, save

# Modules with run() -> list[Figure], in the order of docs/performance.md.
MODULES = [
    "bench.plugin_start",
    "bench.operation_overhead",
    "bench.stack_lifecycle",
    "bench.refresh_scale",
    "bench.importer",
    "bench.audit",
]


def main(selected: list[str]) -> int:
    figures: list[Figure] = []
    for name in MODULES:
        if selected and name.rsplit(".", 1)[-1] not in selected:
            continue
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        runner = getattr(module, "run", None)
        if runner is None:
            continue
        print(f"running {name} ...", file=sys.stderr, flush=True)
        figures.extend(runner())
    print(", ".join(f"{k}: {v}" for k, v in machine().items()))
    print(report(figures))
    save(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
