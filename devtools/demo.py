"""The README demo: a local Dex with mTLS, `pulumi up` of examples/basic, then a preview.

Runs inside the project's virtualenv (`python3 -m devtools demo` gets it there). The Dex
launcher and the development CA (devtools.localdex) are the ones the tests use.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from devtools import toolchain, versions
from devtools.localdex.config import DexOptions
from devtools.localdex.pki import create_pki
from devtools.localdex.server import DexServer

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "basic"
# Throwaway demo values; a real stack keeps its own secrets in its encrypted config.
DEMO_SECRETS = {
    "upstreamClientSecret": "demo-upstream-secret-change-me",
    "azureClientSecret": "demo-azure-secret-change-me",
    "cognitoClientSecret": "demo-cognito-secret-change-me",
}


def _say(message: str) -> None:
    print(f"\n==> {message}", flush=True)


def _pulumi(workdir: Path, env: dict[str, str], *args: str) -> None:
    command = ["pulumi", *args, "--non-interactive"]
    subprocess.run(command, cwd=workdir, env=env, check=True, stdin=subprocess.DEVNULL)


def _config(workdir: Path, env: dict[str, str], key: str, value: str, secret: bool) -> None:
    flag = "--secret" if secret else "--plaintext"
    subprocess.run(
        ["pulumi", "config", "set", flag, key, "--", value],
        cwd=workdir,
        env=env,
        check=True,
        stdin=subprocess.DEVNULL,
    )


def run(scratch: Path) -> None:
    pins = versions.load()
    tools = toolchain.locate(pins)
    pki = create_pki(scratch / "pki")
    dex = DexServer(tools.dex[pins.dex_default], DexOptions(), pki, scratch / "dex")
    _say(f"starting Dex {pins.dex_default} with mTLS and DEX_API_CONNECTORS_CRUD=true")
    dex.start()
    try:
        print(f"    gRPC {dex.grpc_address}, issuer {dex.issuer}")
        project = scratch / "project"
        shutil.copytree(EXAMPLE, project)
        (project / "Pulumi.yaml").write_text(
            (EXAMPLE / "Pulumi.yaml").read_text().replace("../../.venv", str(ROOT / ".venv"))
        )
        env = dict(os.environ)
        env.update(
            PULUMI_BACKEND_URL=(scratch / "state").as_uri(),
            PULUMI_CONFIG_PASSPHRASE="pulumi-dex-demo",
            PULUMI_SKIP_UPDATE_CHECK="true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION="true",
            PULUMI_HOME=str(scratch / "pulumi-home"),
        )
        (scratch / "state").mkdir()
        _pulumi(project, env, "stack", "init", "demo")
        for key, value in dex.provider_config().items():
            _config(project, env, f"dex:{key}", value, secret=key == "clientKey")
        _config(project, env, "dexIssuer", dex.issuer, secret=False)
        for key, value in DEMO_SECRETS.items():
            _config(project, env, key, value, secret=True)
        _say("pulumi up: a client, a generic OIDC, an Azure and a Cognito connector")
        _pulumi(project, env, "up", "--yes")
        _say("stack outputs (secrets stay masked)")
        _pulumi(project, env, "stack", "output")
        _say("pulumi preview: Dex already matches the program")
        _pulumi(project, env, "preview", "--expect-no-changes")
        _say("demo done; Dex stops now")
    finally:
        dex.stop()


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="pulumi-dex-demo-") as scratch:
        try:
            run(Path(scratch))
        except (toolchain.ToolError, subprocess.CalledProcessError) as err:
            print(f"demo failed: {err}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
