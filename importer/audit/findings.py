"""What the audit finds per object: its category and, when changed, each difference.

Secret values are compared but never carried: a secret difference holds no value, no
hash and no length, only the path and the words "secret changed".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from deepdiff import DeepDiff

# Config keys treated as credentials wherever they appear in a connector's document.
SECRET_KEY = re.compile(r"secret|password|passwd|token|credential|private|key$|pw$", re.I)


class Category(StrEnum):
    """Where an object stands between the stacks and Dex."""

    IN_SYNC = "in_sync"
    CHANGED = "changed"
    MISSING = "missing"
    UNMANAGED = "unmanaged"
    SHADOWED = "shadowed"


# What each category means, for reports that show an object without differences.
MEANINGS: dict[Category, str] = {
    Category.IN_SYNC: "Dex holds what the stack's state says",
    Category.CHANGED: "Dex holds something else than the stack's state",
    Category.MISSING: "in the stack's state, gone from Dex",
    Category.UNMANAGED: "in Dex, in none of the audited stacks",
    Category.SHADOWED: "hidden by a static object with the same ID in Dex's config file",
}


@dataclass(frozen=True)
class Difference:
    """One property that differs; `expected` and `actual` are None for secrets."""

    path: str
    change: str
    expected: Any = None
    actual: Any = None
    secret: bool = False

    def describe(self) -> str:
        """One line for people; a secret never shows more than that it changed."""
        if self.secret:
            return f"{self.path}: secret {self.change}"
        if self.change == "added":
            return f"{self.path}: added in Dex ({_show(self.actual)})"
        if self.change == "removed":
            return f"{self.path}: removed from Dex (was {_show(self.expected)})"
        return f"{self.path}: {_show(self.expected)} in state, {_show(self.actual)} in Dex"


@dataclass(frozen=True)
class Finding:
    """One object of one Dex host, as the audit classed it."""

    host: str
    kind: str
    id: str
    category: Category
    stack: str | None = None
    static: bool = False
    differences: tuple[Difference, ...] = ()

    @property
    def key(self) -> str:
        """`kind/id`, what ignore patterns match."""
        return f"{self.kind}/{self.id}"

    @property
    def drifted(self) -> bool:
        """True when Pulumi and Dex disagree; a static object nobody manages is expected."""
        if self.category is Category.IN_SYNC:
            return False
        return not (self.category is Category.UNMANAGED and self.static)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _path(parts: list[Any]) -> str:
    return ".".join(str(part) for part in parts)


def _is_secret(
    parts: list[Any], values: tuple[Any, ...], known: frozenset[str], all_config: bool
) -> bool:
    if parts and parts[0] == "secret":
        return True
    if all_config and parts and parts[0] == "config":
        return True
    if any(isinstance(part, str) and SECRET_KEY.search(part) for part in parts[1:]):
        return True
    # A value the stack holds as a secret stays one wherever it turns up.
    return any(_holds_secret(value, known) for value in values)


def _holds_secret(value: Any, known: frozenset[str]) -> bool:
    if isinstance(value, str):
        return value in known
    if isinstance(value, dict):
        return any(_holds_secret(item, known) for item in value.values())
    if isinstance(value, list):
        return any(_holds_secret(item, known) for item in value)
    return False


_CHANGES = {
    "values_changed": "changed",
    "type_changes": "changed",
    "dictionary_item_added": "added",
    "dictionary_item_removed": "removed",
    "iterable_item_added": "added",
    "iterable_item_removed": "removed",
}


def differences(
    expected: dict[str, Any],
    actual: dict[str, Any],
    secret_values: frozenset[str] = frozenset(),
    all_config_secret: bool = False,
) -> tuple[Difference, ...]:
    """Every property where Dex's document departs from the state's, sorted by path."""
    if expected == actual:
        # Most objects are in sync; a plain comparison spares DeepDiff's bookkeeping.
        return ()
    tree = DeepDiff(expected, actual, view="tree")
    found: list[Difference] = []
    for report_type, change in _CHANGES.items():
        for level in tree.get(report_type, ()):
            parts = level.path(output_format="list")
            old = None if change == "added" else level.t1
            new = None if change == "removed" else level.t2
            if _is_secret(parts, (old, new), secret_values, all_config_secret):
                found.append(Difference(_path(parts), change, secret=True))
            else:
                found.append(Difference(_path(parts), change, old, new))
    return tuple(sorted(found, key=lambda d: (d.path, d.change)))
