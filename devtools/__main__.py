"""Set up and run the project: `python3 -m devtools install|demo|test [pytest args]`.

Runs on the system Python (3.11+) with the standard library only: it builds the
tools, makes the virtualenv, then hands over to the virtualenv's Python.
"""

from __future__ import annotations

import sys

# Checked before the imports below, which need 3.11 (tomllib); this runs on whatever
# python3 the machine has.
if sys.version_info < (3, 11):  # noqa: UP036
    raise SystemExit("pulumi-dex needs Python 3.11 or newer")

import hashlib
import os
import subprocess
import time
from pathlib import Path

from devtools import toolchain, versions

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _ensure_venv() -> Path:
    """Create .venv with the project (editable) and its dev extras; reuse when current."""
    python = VENV / "bin" / "python"
    stamp = VENV / ".pulumi-dex-stamp"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if python.exists() and stamp.exists() and stamp.read_text() == wanted:
        _log(f"  virtualenv: up to date at {VENV}")
        return python
    started = time.monotonic()
    _log(f"  virtualenv: installing the project and its dev dependencies into {VENV}")
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", f"{ROOT}[dev]"], check=True)
    stamp.write_text(wanted)
    _log(f"  virtualenv: ready in {time.monotonic() - started:.0f}s")
    return python


def _environment(tools: toolchain.Tools) -> dict[str, str]:
    """PATH with the virtualenv first (the dex plugin), then the Pulumi CLI."""
    env = dict(os.environ)
    path = [str(VENV / "bin"), str(tools.pulumi_dir), env.get("PATH", "")]
    env["PATH"] = os.pathsep.join(path)
    env["PULUMI_SKIP_UPDATE_CHECK"] = "true"
    return env


def install() -> tuple[toolchain.Tools, Path]:
    """Build or find every tool, then make the virtualenv."""
    started = time.monotonic()
    _log("pulumi-dex set-up:")
    try:
        tools = toolchain.install(versions.load(), log=_log)
    except toolchain.ToolError as err:
        raise SystemExit(f"set-up failed: {err}") from err
    python = _ensure_venv()
    _log(f"set-up done in {time.monotonic() - started:.0f}s")
    return tools, python


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("", [])
    if command not in {"install", "demo", "test"}:
        _log(__doc__ or "")
        return 2
    tools, python = install()
    if command == "install":
        return 0
    env = _environment(tools)
    if command == "demo":
        return subprocess.run([str(python), "-m", "devtools.demo", *rest], env=env).returncode
    return subprocess.run([str(python), "-m", "pytest", *rest], env=env, cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
