"""Fixtures that start real Dex servers and real Pulumi projects for the tests."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Generator, Iterator
from pathlib import Path

import pytest

# tests/ has no __init__.py, so pytest puts only tests/ on sys.path; the harness,
# devtools and pulumi_dex are imported from the repository root.
REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from devtools.localdex.config import DexOptions  # noqa: E402
from devtools.localdex.pki import Pki, create_pki  # noqa: E402
from devtools.localdex.server import DexServer  # noqa: E402
from devtools.toolchain import Tools  # noqa: E402
from tests.harness import toolchain  # noqa: E402
from tests.harness.pulumi_cli import PulumiProject  # noqa: E402

DexFactory = Callable[..., DexServer]
ProjectFactory = Callable[..., PulumiProject]
LOG_TAIL_LINES = 60


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run tests marked `dex_versions` once per Dex release of the matrix."""
    if "dex_version" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("dex_versions") is None:
        return
    metafunc.parametrize("dex_version", toolchain.dex_matrix(), ids=lambda v: f"dex-{v}")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Keep each phase's report on the item so teardown knows whether the test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def _failed(request: pytest.FixtureRequest) -> bool:
    return any(
        getattr(getattr(request.node, f"report_{phase}", None), "failed", False)
        for phase in ("setup", "call")
    )


@pytest.fixture(scope="session")
def tools() -> Tools:
    """The installed Dex and Pulumi binaries; a missing one fails the test, never skips it."""
    try:
        return toolchain.locate_tools()
    except toolchain.MissingToolError as err:
        problem = str(err)
    pytest.fail(problem, pytrace=False)


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    """A CA, Dex's server certificate, a trusted client and a rogue client."""
    return create_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def dex_version() -> str:
    """The Dex release under test: DEX_VERSION, else versions.toml's default."""
    return toolchain.default_dex_version()


@pytest.fixture
def dex_factory(
    request: pytest.FixtureRequest,
    tools: Tools,
    pki: Pki,
    dex_version: str,
    tmp_path: Path,
) -> Iterator[DexFactory]:
    """Start Dex servers on demand; every one is stopped when the test ends, pass or fail."""
    servers: list[DexServer] = []

    def start(options: DexOptions | None = None, **changes: object) -> DexServer:
        chosen = dataclasses.replace(options or DexOptions(), **changes)  # type: ignore[arg-type]
        if chosen.version is None:
            chosen = dataclasses.replace(chosen, version=dex_version)
        try:
            binary = toolchain.dex_binary(tools, chosen.version or dex_version)
        except toolchain.MissingToolError as err:
            pytest.fail(str(err), pytrace=False)  # noqa: B904 (the message is the whole story)
        server = DexServer(binary, chosen, pki, tmp_path / f"dex-{len(servers)}")
        servers.append(server)
        server.start()
        return server

    try:
        yield start
    finally:
        for server in servers:
            server.stop()
        if _failed(request):
            for server in servers:
                tail = "\n".join(server.log_text().splitlines()[-LOG_TAIL_LINES:])
                print(f"--- last lines of {server.log_path}\n{tail}")


@pytest.fixture
def dex(dex_factory: DexFactory) -> DexServer:
    """A Dex with mTLS gRPC, memory storage and the connector API turned on."""
    return dex_factory()


@pytest.fixture(scope="session")
def pulumi_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """PULUMI_HOME for the session: plugins and credentials stay out of the user's home."""
    return tmp_path_factory.mktemp("pulumi-home")


@pytest.fixture
def pulumi_project(tools: Tools, pulumi_home: Path, tmp_path: Path) -> ProjectFactory:
    """Make Pulumi projects (stack `test` initialised) in the test's temp folder."""
    made: list[PulumiProject] = []

    def make(env: dict[str, str] | None = None, name: str = "pulumi-dex-test") -> PulumiProject:
        workdir = tmp_path / f"project-{len(made)}"
        workdir.mkdir()
        project = PulumiProject(workdir, tools.pulumi_dir, pulumi_home, name=name, env=env)
        made.append(project)
        return project

    return make
