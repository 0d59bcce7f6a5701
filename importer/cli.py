"""dex-import: list what a running Dex holds, or write the Pulumi program that manages it.

Exit codes:
    0  everything was read and written.
    1  partial: output was written, but part of Dex could not be read (Dex too old to
       list clients, or its connector API turned off); the warnings on stderr say what.
    2  nothing written: Dex unreachable or rejecting us, bad options or settings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from importer import declarations, import_file, inventory, program
from importer.listing import RENDERERS, OutputFormat
from pulumi_dex.dex import errors
from pulumi_dex.dex.connection import DexConnection
from pulumi_dex.provider import config

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_FAILED = 2

EXIT_CODES_HELP = (
    "Exit codes: 0 all read; 1 output written but part of Dex could not be read "
    "(see warnings); 2 nothing written (Dex unreachable, bad options)."
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
        help="PEM client certificate file for mTLS (env DEX_CLIENT_CERT: PEM text).", dir_okay=False
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


class _Stop(Exception):
    """A failure already worded for the user; the CLI prints it and exits 2."""


def _pem(path: Path | None, flag: str) -> str | None:
    if path is None:
        return None
    try:
        return path.read_text()
    except OSError as err:
        raise _Stop(
            f"{flag} {path}: cannot read the file ({err.strerror}); check the path"
        ) from err


def _connection(options: dict[str, Any]) -> DexConnection:
    """A connection from flags, falling back to the DEX_* variables the provider reads."""
    args = {
        "host": options["host"],
        "caCert": _pem(options["ca_cert"], "--ca-cert"),
        "clientCert": _pem(options["client_cert"], "--client-cert"),
        "clientKey": _pem(options["client_key"], "--client-key"),
        "serverName": options["server_name"],
        # An unset flag must leave DEX_INSECURE in charge, so False counts as unset.
        "insecure": True if options["insecure"] else None,
        "timeoutSeconds": options["timeout"],
    }
    values = config.merge({}, args)
    if not values.get("host"):
        raise _Stop("no Dex host given; pass --host HOST:PORT or set DEX_HOST")
    try:
        settings = config.settings(values)
    except config.ConfigError as err:
        raise _Stop(str(err)) from err
    return DexConnection(settings)


def _read(options: dict[str, Any]) -> inventory.Inventory:
    connection = _connection(options)
    try:
        return inventory.read(connection)
    except errors.DexError as err:
        raise _Stop(str(err)) from err
    finally:
        connection.close()


def _warn(warnings: tuple[str, ...]) -> None:
    for warning in warnings:
        stderr.print(f"warning: {warning}", markup=False)


def _finish(warnings: tuple[str, ...]) -> None:
    _warn(warnings)
    raise typer.Exit(EXIT_PARTIAL if warnings else EXIT_OK)


def _run(body: Any) -> None:
    """Run a command body, turning a worded failure into one stderr line and exit 2."""
    try:
        body()
    except _Stop as err:
        stderr.print(f"error: {err}", markup=False)
        raise typer.Exit(EXIT_FAILED) from err


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
) -> None:
    """List Dex's clients and connectors with their type and name; secrets are never shown."""
    options = dict(locals())

    def body() -> None:
        found = _read(options)
        typer.echo(RENDERERS[output_format](found), nl=False)
        _finish(found.warnings)

    _run(body)


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
) -> None:
    """Write to stdout a Python Pulumi program declaring every object; secrets come from config."""
    options = dict(locals())

    def body() -> None:
        found = _read(options)
        plan = declarations.plan(found)
        if import_path is not None:
            try:
                import_path.write_text(import_file.generate(plan))
            except OSError as err:
                raise _Stop(f"--import-file {import_path}: cannot write ({err.strerror})") from err
        typer.echo(program.generate(plan), nl=False)
        _finish(found.warnings + plan.warnings)

    _run(body)


def main() -> None:
    """Entry point of the `dex-import` console script."""
    app()
