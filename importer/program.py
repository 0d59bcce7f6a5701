"""The Python Pulumi program that declares every imported object, as source text."""

from __future__ import annotations

import json

from importer.declarations import RAW_CONFIG_FIELD, Declaration, Plan
from importer.literal import INDENT, render

_HEADER = '''"""Clients and connectors of one Dex, written by dex-import.
'''


def _adopt_step(import_file: str | None) -> str:
    if import_file is None:
        return (
            "\nAdopt the existing objects first (this program is already written): write\n"
            "the import file with `dex-import generate --import-file import.json`, then\n"
            "    pulumi import --file import.json --generate-code=false\n"
        )
    return (
        "\nAdopt the existing objects first (this program is already written):\n"
        f"    pulumi import --file {import_file} --generate-code=false\n"
    )


def _docstring(plan: Plan, import_file: str | None, secrets_stack: str | None) -> str:
    text = _HEADER + _adopt_step(import_file)
    if plan.secret_keys and secrets_stack is not None:
        text += f"\nThe secrets the program reads are set in stack {secrets_stack}'s config.\n"
    elif plan.secret_keys:
        text += "\nSet every secret the program reads before `pulumi up`:\n"
        text += "".join(f"    pulumi config set --secret {key} VALUE\n" for key in plan.secret_keys)
    if any(key.endswith(f"-{RAW_CONFIG_FIELD}") for key in plan.secret_keys):
        text += "A *-rawConfig key holds the connector's whole JSON config, as Dex stores it.\n"
    return text + '"""\n'


def _imports(plan: Plan) -> str:
    lines = ["import pulumi\n\n"] if plan.secret_keys else []
    lines.append("import pulumi_dex as dex\n")
    if plan.secret_keys:
        lines.append("\nconfig = pulumi.Config()\n")
    return "".join(lines)


def _declaration(decl: Declaration) -> str:
    lines = [
        f"{decl.names.variable} = dex.{decl.sdk_class}(",
        f"{INDENT}{json.dumps(decl.names.resource)},",
    ]
    for name, value in decl.args:
        lines.append(f"{INDENT}{name}={render(value, 1, len(name) + 1)},")
    lines.append(")")
    return "\n".join(lines) + "\n"


def _static_note(static: tuple[str, ...]) -> str:
    lines = ["# Left out: defined in Dex's config file, so read-only through Dex's API."]
    lines.extend(f"# - {key}" for key in static)
    return "\n".join(lines) + "\n"


def generate(
    plan: Plan,
    static: tuple[str, ...] = (),
    import_file: str | None = "import.json",
    secrets_stack: str | None = None,
) -> str:
    """The whole program; secrets appear only as stack config keys.

    `static` names (as `kind/id`) the objects left out because Dex's config file holds them;
    `import_file` is the import file written alongside (None: none was), `secrets_stack`
    the stack whose config already holds the secrets.
    """
    parts = [_docstring(plan, import_file, secrets_stack), _imports(plan)]
    if static:
        parts.append(_static_note(static))
    parts.extend(_declaration(decl) for decl in plan.declarations)
    return "\n\n".join(part.rstrip("\n") for part in parts) + "\n"
