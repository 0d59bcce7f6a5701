"""Ignore rules: gitignore-style patterns on `kind/id`, such as `connector/legacy-*`."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from pathlib import Path

try:
    import pathspec
except ImportError:  # pragma: no cover - pathspec is optional; fnmatch covers the usual cases
    pathspec = None  # type: ignore[assignment]


class IgnoreFileError(Exception):
    """The ignore file could not be read."""


class IgnoreRules:
    """Which `kind/id` keys the audit leaves out; blank lines and `#` comments are skipped."""

    def __init__(self, patterns: Iterable[str] = ()) -> None:
        lines = [line.strip() for line in patterns]
        self._patterns = [line for line in lines if line and not line.startswith("#")]
        self._spec = (
            pathspec.GitIgnoreSpec.from_lines(self._patterns) if pathspec is not None else None
        )

    @classmethod
    def from_file(cls, path: Path | None) -> IgnoreRules:
        """The rules of one file; no file, no rules."""
        if path is None:
            return cls()
        try:
            return cls(path.read_text().splitlines())
        except OSError as err:
            raise IgnoreFileError(
                f"--ignore-file {path}: cannot read ({err.strerror}); check the path"
            ) from err

    def ignores(self, key: str) -> bool:
        """True when a pattern matches `kind/id` (the last matching pattern decides)."""
        if self._spec is not None:
            return bool(self._spec.match_file(key))
        ignored = False
        for pattern in self._patterns:
            negated = pattern.startswith("!")
            if fnmatch.fnmatchcase(key, pattern.lstrip("!")):
                ignored = not negated
        return ignored
