"""What every benchmark needs: a Dex, a Pulumi project, timers and a results table."""

from __future__ import annotations

import contextlib
import json
import os
import platform
import re
import socket
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import requests

from devtools import toolchain, versions
from devtools.localdex.config import DexOptions
from devtools.localdex.pki import Pki, create_pki
from devtools.localdex.server import DexServer
from tests.harness.pulumi_cli import PulumiProject

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"


@dataclass
class Figure:
    """One measured figure: what, how much, in which unit, against which target."""

    name: str
    value: float
    unit: str
    target: str = ""
    notes: str = ""


@dataclass
class Lab:
    """A scratch folder with a PKI and the tools; starts Dex servers and projects."""

    root: Path
    pki: Pki
    tools: toolchain.Tools
    servers: list[DexServer] = field(default_factory=list)

    def dex(self, **options: object) -> DexServer:
        chosen = DexOptions(**options)  # type: ignore[arg-type]
        version = versions.load().dex_default
        chosen = DexOptions(**{**chosen.__dict__, "version": version})
        server = DexServer(
            self.tools.dex[version], chosen, self.pki, self.root / f"dex-{len(self.servers)}"
        )
        self.servers.append(server)
        server.start()
        return server

    def project(self, dex: DexServer, name: str) -> PulumiProject:
        home = self.root / "pulumi-home"
        home.mkdir(exist_ok=True)
        workdir = self.root / name
        workdir.mkdir()
        made = PulumiProject(workdir, self.tools.pulumi_dir, home)
        for key, value in dex.provider_config().items():
            made.config_set(f"dex:{key}", value, secret=key == "clientKey")
        return made


@contextlib.contextmanager
def lab() -> Iterator[Lab]:
    with tempfile.TemporaryDirectory(prefix="pulumi-dex-bench-") as scratch:
        root = Path(scratch)
        made = Lab(root, create_pki(root / "pki"), toolchain.locate(versions.load()))
        try:
            yield made
        finally:
            for server in made.servers:
                server.stop()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def grpc_calls(metrics_port: int, method: str) -> int:
    """Calls Dex's gRPC server has handled for `method`, from its Prometheus metrics."""
    text = requests.get(f"http://127.0.0.1:{metrics_port}/metrics", timeout=10).text
    pattern = rf'grpc_server_handled_total{{[^}}]*grpc_method="{method}"[^}}]*}} (\d+)'
    return sum(int(n) for n in re.findall(pattern, text))


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


class PeakRss:
    """Polls /proc for the peak resident memory of processes whose command line matches."""

    def __init__(self, needle: str) -> None:
        self.needle = needle
        self.peak_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _poll(self) -> None:
        while not self._stop.is_set():
            for proc in Path("/proc").iterdir():
                self._sample(proc)
            time.sleep(0.1)

    def _sample(self, proc: Path) -> None:
        try:
            if self.needle not in (proc / "cmdline").read_bytes().decode(errors="replace"):
                return
            status = (proc / "status").read_text()
        except OSError:
            return
        match = re.search(r"VmHWM:\s+(\d+) kB", status)
        if match:
            self.peak_kib = max(self.peak_kib, int(match.group(1)))


def machine() -> dict[str, str]:
    return {
        "cpu_count": str(os.cpu_count()),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpu": _cpu_model(),
    }


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor()


def report(figures: list[Figure]) -> str:
    """The figures as a plain-text table."""
    width = max(len(f.name) for f in figures)
    lines = [f"{'benchmark'.ljust(width)}  {'value':>12}  unit  target"]
    for f in figures:
        lines.append(f"{f.name.ljust(width)}  {f.value:>12.2f}  {f.unit:<4}  {f.target}")
        if f.notes:
            lines.append(f"{''.ljust(width)}  {f.notes}")
    return "\n".join(lines)


def save(figures: list[Figure], path: Path = RESULTS) -> None:
    payload = {"machine": machine(), "figures": [f.__dict__ for f in figures]}
    path.write_text(json.dumps(payload, indent=2) + "\n")
