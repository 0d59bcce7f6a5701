"""Build Dex and the Pulumi CLI from the Go module proxy, pinned and cached.

Neither program can be downloaded as a release binary on our machines, so each is
built from a throwaway wrapper module that requires the pinned module versions.
A build lands in the per-user cache under its name and version and is reused by
every later run; a binary already on PATH is used instead when its version fits.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from devtools.versions import DexRelease, Pins

INSTALL_HINT = "run `python3 -m devtools install` (it builds Dex and Pulumi with Go)"


class ToolError(RuntimeError):
    """A tool could not be built or found."""


def cache_root() -> Path:
    """The per-user cache folder of built tools."""
    if explicit := os.environ.get("PULUMI_DEX_CACHE"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "pulumi-dex"


@dataclass(frozen=True)
class GoBuild:
    """One binary built from a wrapper module."""

    key: str
    go_directive: str
    requires: tuple[str, ...]
    package: str
    binary: str
    ldflags: str
    cgo: bool = False
    extra_files: dict[str, str] = field(default_factory=dict)
    # Our own Go sources copied into the wrapper module (then `go mod tidy`).
    sources: tuple[Path, ...] = ()

    @property
    def home(self) -> Path:
        return cache_root() / "tools" / self.key

    @property
    def path(self) -> Path:
        return self.home / "bin" / self.binary


@dataclass(frozen=True)
class Tools:
    """Where the binaries the tests and the demo run are."""

    dex: dict[str, Path]
    pulumi_dir: Path

    @property
    def pulumi(self) -> Path:
        return self.pulumi_dir / "pulumi"


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> None:
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise ToolError(f"`{' '.join(cmd)}` failed in {cwd}:\n{result.stderr[-4000:]}")


def _go_env(cgo: bool) -> dict[str, str]:
    env = dict(os.environ)
    env["CGO_ENABLED"] = "1" if cgo else "0"
    # A private GOFLAGS such as -mod=vendor would break the wrapper module.
    env["GOFLAGS"] = "-buildvcs=false"
    return env


def build(spec: GoBuild, log: Callable[[str], None] = print) -> Path:
    """Build spec's binary unless the cache already holds it; return its path."""
    if spec.path.exists():
        log(f"  {spec.key}: cached at {spec.path}")
        return spec.path
    if shutil.which("go") is None:
        raise ToolError(f"Go is needed to build {spec.key}; install Go 1.22 or newer")

    started = time.monotonic()
    log(f"  {spec.key}: building {spec.package} (first run only, minutes)")
    src = spec.home / "src"
    shutil.rmtree(src, ignore_errors=True)
    src.mkdir(parents=True)
    (src / "go.mod").write_text(f"module example.invalid/wrapper\n\ngo {spec.go_directive}\n")
    env = _go_env(spec.cgo)
    for source in spec.sources:
        shutil.copyfile(source, src / source.name)
    _run(["go", "get", *spec.requires], src, env)
    if spec.sources:
        _run(["go", "mod", "tidy"], src, env)
    tmp = spec.path.with_suffix(".partial")
    tmp.parent.mkdir(parents=True, exist_ok=True)
    _run(["go", "build", "-ldflags", spec.ldflags, "-o", str(tmp), spec.package], src, env)
    for name, content_path in spec.extra_files.items():
        target = spec.path.parent / name
        shutil.copyfile(content_path, target)
        target.chmod(0o755)
    tmp.rename(spec.path)
    log(f"  {spec.key}: built in {time.monotonic() - started:.0f}s")
    return spec.path


def dex_build(release: DexRelease) -> GoBuild:
    """The wrapper build of one Dex release (cgo, for sqlite3 storage)."""
    requires = [
        f"github.com/dexidp/dex/cmd/dex@{release.module}",
        f"github.com/dexidp/dex/api/v2@{release.api_module}",
    ]
    key = f"dex-{release.version}"
    if release.grpc_go:
        requires.append(f"google.golang.org/grpc@{release.grpc_go}")
        key += f"-grpc-{release.grpc_go}"
    return GoBuild(
        key=key,
        go_directive=release.go,
        requires=tuple(requires),
        package="github.com/dexidp/dex/cmd/dex",
        binary="dex",
        ldflags=f"-X main.version={release.version}",
        cgo=True,
    )


def _pulumi_version_flag(version: str) -> str:
    return f"-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v{version}"


LANGHOST_SOURCE = Path(__file__).with_name("langhost") / "main.go"


def pulumi_builds(pins: Pins) -> list[GoBuild]:
    """The CLI and the Python language host (front end and inner host), in one folder."""
    # "-rN": revision of the folder's contents (N=3: the front end reads the virtualenv).
    key = f"pulumi-{pins.pulumi}-r3"
    cli = GoBuild(
        key=key,
        go_directive="1.26.6",
        requires=(f"github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@v{pins.pulumi}",),
        package="github.com/pulumi/pulumi/pkg/v3/cmd/pulumi",
        binary="pulumi",
        ldflags=_pulumi_version_flag(pins.pulumi),
    )
    host_sdk = pins.language_host_sdk
    host = GoBuild(
        key=key,
        go_directive="1.21",
        requires=(
            f"github.com/pulumi/pulumi/sdk/v3/python/cmd/pulumi-language-python@v{host_sdk}",
        ),
        package="github.com/pulumi/pulumi/sdk/v3/python/cmd/pulumi-language-python",
        binary="pulumi-language-python-inner",
        ldflags=_pulumi_version_flag(host_sdk),
        extra_files={"pulumi-language-python-exec": str(_exec_script(pins.pulumi))},
    )
    front = GoBuild(
        key=key,
        go_directive="1.26.6",
        requires=(
            f"github.com/pulumi/pulumi/sdk/v3/proto/go@v{pins.pulumi}",
            "google.golang.org/grpc@v1.82.1",
            "gopkg.in/yaml.v3@v3.0.1",
        ),
        package=".",
        binary="pulumi-language-python",
        ldflags=_pulumi_version_flag(pins.pulumi),
        sources=(LANGHOST_SOURCE,),
    )
    return [cli, host, front]


def _exec_script(sdk_version: str) -> Path:
    """The exec script of the pinned SDK: it accepts every flag the host passes."""
    modcache = subprocess.run(
        ["go", "env", "GOMODCACHE"], capture_output=True, text=True, check=True
    ).stdout.strip()
    module_dir = Path(modcache) / f"github.com/pulumi/pulumi/sdk/v3@v{sdk_version}"
    if not module_dir.exists():
        _run(
            ["go", "mod", "download", f"github.com/pulumi/pulumi/sdk/v3@v{sdk_version}"],
            cache_root(),
            _go_env(False),
        )
    return module_dir / "python" / "cmd" / "pulumi-language-python-exec"


def _version_of(cmd: list[str]) -> str:
    try:
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return result.stdout + result.stderr


def _dex_on_path(version: str) -> Path | None:
    found = shutil.which("dex")
    if found and f"Version: {version}\n" in _version_of([found, "version"]):
        return Path(found)
    return None


def _pulumi_on_path(version: str) -> Path | None:
    found = shutil.which("pulumi")
    if not found or _version_of([found, "version"]).strip() != f"v{version}":
        return None
    folder = Path(found).parent
    if not (folder / "pulumi-language-python").exists():
        return None
    return folder


def install(pins: Pins, log: Callable[[str], None] = print) -> Tools:
    """Make every pinned tool available, building only what is missing."""
    cache_root().mkdir(parents=True, exist_ok=True)
    dex: dict[str, Path] = {}
    for version in sorted(set(pins.dex_matrix) | {pins.dex_default}):
        on_path = _dex_on_path(version)
        if on_path:
            log(f"  dex {version}: using {on_path} from PATH")
        dex[version] = on_path or build(dex_build(pins.dex[version]), log)

    pulumi_dir = _pulumi_on_path(pins.pulumi)
    if pulumi_dir:
        log(f"  pulumi v{pins.pulumi}: using {pulumi_dir} from PATH")
    else:
        built = [build(spec, log) for spec in pulumi_builds(pins)]
        pulumi_dir = built[0].parent
    return Tools(dex=dex, pulumi_dir=pulumi_dir)


def locate(pins: Pins) -> Tools:
    """Find the installed tools without building; fail with the remedy."""
    dex: dict[str, Path] = {}
    for version, release in pins.dex.items():
        path = _dex_on_path(version) or dex_build(release).path
        if path.exists():
            dex[version] = path
    pulumi_dir = _pulumi_on_path(pins.pulumi) or pulumi_builds(pins)[0].path.parent
    if not (pulumi_dir / "pulumi").exists():
        raise ToolError(f"the Pulumi CLI v{pins.pulumi} is not installed; {INSTALL_HINT}")
    return Tools(dex=dex, pulumi_dir=pulumi_dir)
