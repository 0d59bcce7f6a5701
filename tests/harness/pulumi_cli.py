"""The real Pulumi CLI on a throwaway project with a local file backend."""

from __future__ import annotations

import json
import os
import subprocess
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tests.harness.toolchain import REPO_ROOT, VENV_BIN

COMMAND_TIMEOUT_SECONDS = 300.0
STACK = "test"
PASSPHRASE = "pulumi-dex-test-passphrase"
DEFAULT_PROGRAM = "import pulumi\n"
# For every command that could otherwise wait on a prompt no one will answer.
UNATTENDED = ("--yes", "--non-interactive")


@dataclass(frozen=True)
class Result:
    """What one CLI run returned."""

    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


class PulumiCommandError(AssertionError):
    """A CLI run that was expected to succeed did not."""


def _visible(args: tuple[str, ...]) -> str:
    # Everything after `--` is a config value and may be a secret (a key, a password).
    if "--" in args:
        args = (*args[: args.index("--")], "-- <value hidden>")
    return " ".join(args)


class PulumiProject:
    """A Pulumi Python project in its own folder, with stack `test` initialised."""

    def __init__(
        self,
        workdir: Path,
        pulumi_dir: Path,
        pulumi_home: Path,
        name: str = "pulumi-dex-test",
        env: dict[str, str] | None = None,
    ) -> None:
        self.workdir = workdir
        self.pulumi_dir = pulumi_dir
        self.name = name
        self.backend = workdir / "backend"
        self.backend.mkdir(parents=True, exist_ok=True)
        self.env = self._environment(pulumi_home, env or {})
        self._write_project()
        self.write_program(DEFAULT_PROGRAM)
        self.run("stack", "init", STACK)

    def _environment(self, pulumi_home: Path, extra: dict[str, str]) -> dict[str, str]:
        # Inherited PULUMI_* settings (a token, another backend) must not reach the CLI.
        env = {k: v for k, v in os.environ.items() if not k.startswith("PULUMI_")}
        env.update(
            PULUMI_BACKEND_URL=self.backend.as_uri(),
            PULUMI_CONFIG_PASSPHRASE=PASSPHRASE,
            PULUMI_SKIP_UPDATE_CHECK="true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION="true",
            PULUMI_HOME=str(pulumi_home),
            PATH=os.pathsep.join([str(self.pulumi_dir), str(VENV_BIN), os.environ["PATH"]]),
            # Programs import the repo's SDK (pulumi_dex) without installing the project.
            PYTHONPATH=str(REPO_ROOT),
        )
        env.update(extra)
        return env

    def _write_project(self) -> None:
        project = {
            "name": self.name,
            "runtime": {
                "name": "python",
                "options": {"virtualenv": str(REPO_ROOT / ".venv")},
            },
            # The provider plugin (pulumi-resource-dex) is installed as a venv script.
            "plugins": {"providers": [{"name": "dex", "path": str(VENV_BIN)}]},
        }
        (self.workdir / "Pulumi.yaml").write_text(yaml.safe_dump(project, sort_keys=False))

    def write_program(self, source: str) -> None:
        """Replace the program (__main__.py); common indentation is removed."""
        (self.workdir / "__main__.py").write_text(textwrap.dedent(source))

    def run(
        self, *args: str, check: bool = True, timeout: float = COMMAND_TIMEOUT_SECONDS
    ) -> Result:
        """Run `pulumi ARGS` in the project; check=True raises when it exits non-zero."""
        command = [str(self.pulumi_dir / "pulumi"), "--color", "never", *args]
        try:
            done = subprocess.run(
                command,
                cwd=self.workdir,
                env=self.env,
                capture_output=True,
                text=True,
                stdin=subprocess.DEVNULL,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired as err:
            raise PulumiCommandError(
                f"`pulumi {_visible(args)}` ran over {timeout:.0f}s in {self.workdir}"
            ) from err
        result = Result(done.returncode, done.stdout, done.stderr)
        if check and result.code != 0:
            raise PulumiCommandError(
                f"`pulumi {_visible(args)}` exited {result.code} in {self.workdir}:\n"
                f"--- stdout\n{result.stdout[-6000:]}\n--- stderr\n{result.stderr[-6000:]}"
            )
        return result

    def config_set(self, key: str, value: str, secret: bool = False) -> None:
        """Set stack config; `--` lets values that start with a dash (PEM) through."""
        flags = ("--secret",) if secret else ("--plaintext",)
        self.run("config", "set", *flags, key, "--", value)

    def up(self, *extra: str, skip_preview: bool = False, check: bool = True) -> Result:
        """`pulumi up`, unattended; the preview is skipped only when asked."""
        skip = ("--skip-preview",) if skip_preview else ()
        return self.run("up", *UNATTENDED, *skip, *extra, check=check)

    def preview(self, *extra: str, check: bool = True) -> Result:
        """`pulumi preview`, unattended."""
        return self.run("preview", "--non-interactive", *extra, check=check)

    def refresh(self, *extra: str, check: bool = True) -> Result:
        """`pulumi refresh`, unattended."""
        return self.run("refresh", *UNATTENDED, *extra, check=check)

    def destroy(self, *extra: str, check: bool = True) -> Result:
        """`pulumi destroy`, unattended."""
        return self.run("destroy", *UNATTENDED, *extra, check=check)

    def import_file(
        self, path: Path, *extra: str, protect: bool = False, check: bool = True
    ) -> Result:
        """`pulumi import --file PATH`; unprotected by default so tests can destroy after."""
        flags = ("--file", str(path), f"--protect={'true' if protect else 'false'}")
        return self.run("import", *UNATTENDED, *flags, *extra, check=check)

    def stack_export(self) -> dict[str, Any]:
        """The stack's checkpoint as Pulumi exports it, secrets still encrypted."""
        return dict(json.loads(self.run("stack", "export").stdout))

    def outputs(self, show_secrets: bool = False) -> dict[str, Any]:
        """The stack outputs; secrets read "[secret]" unless show_secrets is set."""
        flags = ("--show-secrets",) if show_secrets else ()
        return dict(json.loads(self.run("stack", "output", "--json", *flags).stdout))
