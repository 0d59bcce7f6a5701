"""The resource list `pulumi import --file` reads, as JSON text."""

from __future__ import annotations

import json

from importer.declarations import Plan


def generate(plan: Plan) -> str:
    """One entry per declaration; the names match those of the generated program."""
    resources = [
        {"type": decl.token, "name": decl.names.resource, "id": decl.dex_id}
        for decl in plan.declarations
    ]
    return json.dumps({"resources": resources}, indent=2) + "\n"
