"""Names of imported objects: Python variables, Pulumi resource names and config keys."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass

_NOT_IDENTIFIER = re.compile(r"[^0-9A-Za-z_]")
# Dots are left out: `pulumi config set --path` reads them as nesting.
_NOT_CONFIG_KEY = re.compile(r"[^0-9A-Za-z_-]")


@dataclass(frozen=True)
class ObjectNames:
    """How one Dex object is named in the generated program, import file and stack config."""

    variable: str
    config_prefix: str

    @property
    def resource(self) -> str:
        """The Pulumi resource name; the same as the variable, so both are easy to find."""
        return self.variable

    def config_key(self, field: str) -> str:
        """The stack config key holding one secret field of this object."""
        return f"{self.config_prefix}-{field}"


def _digest(object_id: str) -> str:
    return hashlib.sha256(object_id.encode()).hexdigest()[:6]


def _base(kind: str, object_id: str) -> ObjectNames:
    variable = f"{kind}_{_NOT_IDENTIFIER.sub('_', object_id)}"
    return ObjectNames(variable, f"{kind}-{_NOT_CONFIG_KEY.sub('-', object_id)}")


def assign(kind: str, object_ids: list[str]) -> dict[str, ObjectNames]:
    """Names for every ID of one kind ("client", "connector"), unique within the kind.

    IDs that clean up to the same name (`a-b` and `a.b`) each get a short hash of
    their own ID appended, so a name depends only on its ID and its clashes.
    """
    bases = {object_id: _base(kind, object_id) for object_id in object_ids}
    variables = Counter(names.variable for names in bases.values())
    prefixes = Counter(names.config_prefix for names in bases.values())
    named: dict[str, ObjectNames] = {}
    for object_id, names in bases.items():
        clash = variables[names.variable] > 1 or prefixes[names.config_prefix] > 1
        if clash:
            suffix = _digest(object_id)
            names = ObjectNames(f"{names.variable}_{suffix}", f"{names.config_prefix}-{suffix}")
        named[object_id] = names
    return named
