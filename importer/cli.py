"""dex-import: list what a running Dex holds, write the program that manages it, audit drift.

Exit codes:
    0  everything was read and written; for `audit`, no drift.
    1  partial: output was written, but part of Dex could not be read or declared (Dex too
       old to list clients, its connector API turned off, a connector config that is no JSON
       object, a state the audit cannot read); the warnings on stderr say what.
    2  nothing written: Dex or a stack unreachable, bad options or settings.
    3  `audit` only: drift found (the report says where); takes precedence over 1.
"""

from __future__ import annotations

import os

# gRPC's C core prints TLS failures to stderr ahead of our one-line message; the message
# already says what failed, so keep its noise out unless the user asks for it.
os.environ.setdefault("GRPC_VERBOSITY", "NONE")

import time  # noqa: E402
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from importer import connection as connect
from importer import declarations, import_file, inventory, program, secret_values
from importer import static_objects as statics
from importer.audit import hosts, summary
from importer.audit import state as audit_state
from importer.audit.formats import RENDERERS as REPORTS
from importer.audit.formats import ReportFormat
from importer.audit.ignore import IgnoreFileError, IgnoreRules
from importer.audit.report import AuditReport
from importer.listing import RENDERERS, OutputFormat
from importer.stack import Stack, StackError
from pulumi_dex.dex import errors
from pulumi_dex.dex.clients import ClientsApi
from pulumi_dex.dex.connection import DexConnection

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_FAILED = 2
EXIT_DRIFT = 3

EXIT_CODES_HELP = (
    "Exit codes: 0 all read (audit: no drift); 1 output written but part of Dex could not "
    "be read (see warnings); 2 nothing written (Dex or stack unreachable, bad options); "
    "3 audit found drift."
)

app = typer.Typer(
    help="Import the clients and connectors of a running Dex into Pulumi. " + EXIT_CODES_HELP,
    no_args_is_help=True,
    add_completion=False,
)
# soft_wrap: each message stays one line, whatever the terminal width.
stderr = Console(stderr=True, highlight=False, soft_wrap=True)

Host = Annotated[str | None, typer.Option(help="Dex gRPC address host:port (env DEX_HOST).")]
CaCert = Annotated[
    Path | None,
    typer.Option(
        help="PEM file of the CA that signed Dex's certificate (env DEX_CA_CERT: PEM text).",
        dir_okay=False,
    ),
]
ClientCert = Annotated[
    Path | None,
    typer.Option(
        help="PEM client certificate file for mTLS (env DEX_CLIENT_CERT: PEM text).",
        dir_okay=False,
    ),
]
ClientKey = Annotated[
    Path | None,
    typer.Option(
        help="PEM key file of the client certificate (env DEX_CLIENT_KEY: PEM text).",
        dir_okay=False,
    ),
]
ServerName = Annotated[
    str | None, typer.Option(help="Name to verify in Dex's certificate (env DEX_SERVER_NAME).")
]
Insecure = Annotated[
    bool,
    typer.Option("--insecure", help="Plaintext gRPC; local development only (env DEX_INSECURE)."),
]
Timeout = Annotated[
    float | None,
    typer.Option(help="Deadline of each call in seconds, 10 by default (env DEX_TIMEOUT_SECONDS)."),
]
StackName = Annotated[
    str | None,
    typer.Option(
        "--stack",
        help="Read the connection from this Pulumi stack's dex:* config; generate also "
        "stores the secrets it finds in that stack's encrypted config.",
    ),
]
Cwd = Annotated[
    Path | None,
    typer.Option(help="Folder of the Pulumi project the stacks belong to.", file_okay=False),
]
DexConfig = Annotated[
    Path | None,
    typer.Option(
        "--dex-config",
        help="Dex's config file; its staticClients and connectors are marked static.",
        dir_okay=False,
    ),
]


class _Stop(Exception):
    """A failure already worded for the user; the CLI prints it and exits 2."""


def _run(body: Callable[[], None]) -> None:
    """Run a command body, turning a worded failure into one stderr line and exit 2."""
    try:
        body()
    except (
        _Stop,
        connect.SettingsError,
        StackError,
        statics.DexConfigError,
        IgnoreFileError,
        errors.DexError,
    ) as err:
        # The provider and its Dex client name settings their own way; speak in our flags.
        stderr.print(f"error: {connect.in_flag_terms(str(err))}", markup=False)
        raise typer.Exit(EXIT_FAILED) from err


def _connection(options: dict[str, Any]) -> DexConnection:
    """Flags first, then the stack's dex:* config, then the DEX_* variables."""
    variables: dict[str, str] = {}
    if options.get("stack"):
        stack_config = Stack(options["stack"], options.get("cwd")).config()
        variables = connect.provider_variables(stack_config)
    where = f"stack {options['stack']}" if options.get("stack") else ""
    return DexConnection(connect.settings(connect.Flags.of(options), variables, where))


def _static(path: Path | None) -> statics.StaticObjects:
    return statics.read(path) if path is not None else statics.StaticObjects()


def _warn(warnings: tuple[str, ...] | list[str]) -> None:
    for warning in warnings:
        stderr.print(f"warning: {warning}", markup=False)


def _finish(warnings: tuple[str, ...]) -> None:
    _warn(warnings)
    raise typer.Exit(EXIT_PARTIAL if warnings else EXIT_OK)


@app.command("list", epilog=EXIT_CODES_HELP)
def list_objects(
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="Report format.")
    ] = OutputFormat.TABLE,
    host: Host = None,
    ca_cert: CaCert = None,
    client_cert: ClientCert = None,
    client_key: ClientKey = None,
    server_name: ServerName = None,
    insecure: Insecure = False,
    timeout: Timeout = None,
    stack: StackName = None,
    cwd: Cwd = None,
    dex_config: DexConfig = None,
) -> None:
    """List Dex's clients and connectors with their type and name; secrets are never shown."""
    options = dict(locals())

    def body() -> None:
        static = _static(dex_config)
        dex = _connection(options)
        try:
            found = inventory.read(dex)
        finally:
            dex.close()
        typer.echo(RENDERERS[output_format](found, static), nl=False)
        _finish(found.warnings)

    _run(body)


def _without_static(
    found: inventory.Inventory, static: statics.StaticObjects
) -> tuple[inventory.Inventory, tuple[str, ...]]:
    clients = tuple(c for c in found.clients if not static.holds("client", c.id))
    connectors = tuple(c for c in found.connectors if not static.holds("connector", c.id))
    left_out = [f"client/{c.id}" for c in found.clients if c not in clients]
    left_out += [f"connector/{c.id}" for c in found.connectors if c not in connectors]
    return inventory.Inventory(clients, connectors, found.warnings), tuple(left_out)


def _store_secrets(stack: Stack, values: dict[str, str]) -> None:
    for key, value in values.items():
        stack.set_secret(key, value)
    if values:
        stderr.print(
            f"set {len(values)} secret(s) in stack {stack.name}: {', '.join(values)}",
            markup=False,
        )


@app.command(epilog=EXIT_CODES_HELP)
def generate(
    import_path: Annotated[
        Path | None,
        typer.Option(
            "--import-file",
            help="Also write the JSON `pulumi import --file` reads.",
            dir_okay=False,
        ),
    ] = None,
    host: Host = None,
    ca_cert: CaCert = None,
    client_cert: ClientCert = None,
    client_key: ClientKey = None,
    server_name: ServerName = None,
    insecure: Insecure = False,
    timeout: Timeout = None,
    stack: StackName = None,
    cwd: Cwd = None,
    dex_config: DexConfig = None,
) -> None:
    """Write to stdout a Python Pulumi program declaring every object; secrets come from config."""
    options = dict(locals())

    def body() -> None:
        static = _static(dex_config)
        dex = _connection(options)
        try:
            found, left_out = _without_static(inventory.read(dex), static)
            plan = declarations.plan(found)
            warnings = [f"{key} left out: defined in Dex's config file" for key in left_out]
            values: dict[str, str] = {}
            if stack is not None:
                values, missing = secret_values.collect(plan, found, ClientsApi(dex))
                warnings += missing
        finally:
            dex.close()
        if import_path is not None:
            try:
                import_path.write_text(import_file.generate(plan))
            except OSError as err:
                raise _Stop(f"--import-file {import_path}: cannot write ({err.strerror})") from err
        if stack is not None:
            _store_secrets(Stack(stack, cwd), values)
        written = str(import_path) if import_path is not None else None
        text = program.generate(plan, left_out, written, stack if values else None)
        typer.echo(text, nl=False)
        _warn(warnings)
        _finish(found.warnings + plan.warnings)

    _run(body)


def _outputs(specs: list[str]) -> list[tuple[ReportFormat, Path]]:
    parsed = []
    for spec in specs:
        name, sep, path = spec.partition("=")
        if not sep or name not in {f.value for f in ReportFormat} or not path:
            choices = "|".join(f.value for f in ReportFormat)
            raise _Stop(f"--output {spec!r}: expected FORMAT=FILE with FORMAT one of {choices}")
        parsed.append((ReportFormat(name), Path(path)))
    return parsed


def _audit_report(options: dict[str, Any], names: list[str]) -> AuditReport:
    started, clock = datetime.now(UTC), time.monotonic()
    cwd = options.get("cwd")
    states = [audit_state.parse(name, Stack(name, cwd).export()) for name in names]
    targets = hosts.targets(
        states, connect.Flags.of(options), lambda name: Stack(name, cwd).config()
    )
    findings, warnings, ignored = hosts.audit(
        targets, _static(options["dex_config"]), IgnoreRules.from_file(options["ignore_file"])
    )
    return AuditReport(
        tuple(names),
        tuple(findings),
        tuple(warnings),
        ignored,
        started,
        time.monotonic() - clock,
    )


@app.command(epilog=EXIT_CODES_HELP)
def audit(
    stacks: Annotated[
        list[str],
        typer.Option("--stack", help="A stack to audit; repeat for several (required)."),
    ],
    output_format: Annotated[
        ReportFormat | None, typer.Option("--format", help="Write this report to stdout.")
    ] = None,
    outputs: Annotated[
        list[str] | None,
        typer.Option("--output", help="Write a report to a file, as FORMAT=FILE; repeatable."),
    ] = None,
    ignore_file: Annotated[
        Path | None,
        typer.Option(help="Patterns on kind/id to leave out (gitignore style).", dir_okay=False),
    ] = None,
    host: Host = None,
    ca_cert: CaCert = None,
    client_cert: ClientCert = None,
    client_key: ClientKey = None,
    server_name: ServerName = None,
    insecure: Insecure = False,
    timeout: Timeout = None,
    cwd: Cwd = None,
    dex_config: DexConfig = None,
) -> None:
    """Compare the stacks' state with the live Dex; a summary goes to stderr, never a secret."""
    options = dict(locals())

    def body() -> None:
        files = _outputs(outputs or [])
        report = _audit_report(options, stacks)
        for file_format, path in files:
            try:
                path.write_text(REPORTS[file_format](report))
            except OSError as err:
                raise _Stop(f"--output {path}: cannot write ({err.strerror})") from err
        if output_format is not None:
            typer.echo(REPORTS[output_format](report), nl=False)
        _warn(report.warnings)
        stderr.print(summary.render(report), markup=False, end="")
        if report.drifted:
            raise typer.Exit(EXIT_DRIFT)
        raise typer.Exit(EXIT_PARTIAL if report.warnings else EXIT_OK)

    _run(body)


def main() -> None:
    """Entry point of the `dex-import` console script."""
    app()
