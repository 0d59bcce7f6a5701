"""A Pulumi stack, reached through the Pulumi CLI: its config, its state, secret config writes.

Values after `--` and every value we read may be secrets, so no command line, config
value or CLI output containing them ever enters a message.
"""

from __future__ import annotations

import json
import logging
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

PULUMI_TIMEOUT_SECONDS = 120.0
# What `pulumi stack export --show-secrets` puts in place of a secret value.
SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d"


class StackError(Exception):
    """The Pulumi CLI could not read or write the stack; the message names stack and remedy."""


@dataclass(frozen=True)
class Stack:
    """One stack of the Pulumi project in `cwd` (None: the current directory)."""

    name: str
    cwd: Path | None = None

    def _run(self, *args: str, what: str, value: str | None = None) -> str:
        if self.cwd is not None and not self.cwd.is_dir():
            # subprocess reports a missing cwd as a missing program; say what is really missing.
            raise StackError(
                f"stack {self.name}: the folder {self.cwd} does not exist; check --cwd"
            )
        command = ["pulumi", *args, "--stack", self.name, "--non-interactive"]
        if value is not None:
            command += ["--", value]
        try:
            done = subprocess.run(
                command,
                cwd=self.cwd,
                capture_output=True,
                text=True,
                stdin=subprocess.DEVNULL,
                timeout=PULUMI_TIMEOUT_SECONDS,
            )
        except FileNotFoundError as err:
            raise StackError(
                f"stack {self.name}: the pulumi command was not found; install the Pulumi CLI "
                "or put it on PATH"
            ) from err
        except subprocess.TimeoutExpired as err:
            raise StackError(
                f"stack {self.name}: `pulumi` did not finish {what} within "
                f"{PULUMI_TIMEOUT_SECONDS:.0f}s; check the backend login"
            ) from err
        if done.returncode != 0:
            # Only the last line: Pulumi's own error, never an echo of our arguments.
            reason = (done.stderr.strip().splitlines() or ["no message"])[-1]
            raise StackError(
                f"stack {self.name}: `pulumi` failed {what} ({reason}); check --stack and --cwd"
            )
        return done.stdout

    def config(self) -> dict[str, str]:
        """Stack config as `namespace:key` -> string value, secrets decrypted."""
        text = self._run("config", "--show-secrets", "--json", what="reading config")
        entries: dict[str, Any] = self._json(text or "{}", "reading config")
        values: dict[str, str] = {}
        for key, entry in entries.items():
            if "value" in entry:
                values[key] = str(entry["value"])
            elif "objectValue" in entry:
                values[key] = json.dumps(entry["objectValue"])
        log.debug("read stack config stack=%s keys=%d", self.name, len(values))
        return values

    def export(self) -> dict[str, Any]:
        """The stack's checkpoint with secrets in plaintext (see `decode`)."""
        text = self._run("stack", "export", "--show-secrets", what="exporting state")
        return self._json(text, "exporting state")

    def _json(self, text: str, what: str) -> dict[str, Any]:
        try:
            doc = json.loads(text)
        except ValueError:
            doc = None
        if not isinstance(doc, dict):
            # Never quote the output: it holds decrypted secrets.
            raise StackError(
                f"stack {self.name}: `pulumi` printed no JSON object {what}; check the Pulumi "
                "CLI version and run the command by hand"
            )
        return doc

    def set_secret(self, key: str, value: str) -> None:
        """Store one encrypted config value; `--` lets PEM text that starts with a dash in."""
        self._run("config", "set", "--secret", key, what=f"setting {key}", value=value)
        log.debug("set secret config stack=%s key=%s", self.name, key)


def decode(value: Any) -> tuple[Any, bool]:
    """A state value with secrets unwrapped, and whether any part of it was secret."""
    if isinstance(value, dict) and SECRET_SIGNATURE in value:
        plaintext = value.get("plaintext")
        inner = json.loads(plaintext) if isinstance(plaintext, str) else plaintext
        return decode(inner)[0], True
    if isinstance(value, dict):
        pairs = {key: decode(item) for key, item in value.items()}
        return {k: v for k, (v, _) in pairs.items()}, any(s for _, s in pairs.values())
    if isinstance(value, list):
        items = [decode(item) for item in value]
        return [v for v, _ in items], any(s for _, s in items)
    return value, False


def secret_strings(value: Any) -> set[str]:
    """Every string inside the secret parts of a state value."""
    if isinstance(value, dict) and SECRET_SIGNATURE in value:
        return _strings(decode(value)[0])
    if isinstance(value, dict):
        return set().union(*(secret_strings(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(secret_strings(item) for item in value))
    return set()


def _strings(value: Any) -> set[str]:
    if isinstance(value, str):
        found = {value}
        try:
            # A rawConfig is a JSON document in one string; its values are secrets too.
            found |= _strings(json.loads(value))
        except ValueError:
            pass
        return found
    if isinstance(value, dict):
        return set().union(*(_strings(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(_strings(item) for item in value))
    return set()
