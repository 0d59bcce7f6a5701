"""Every way of not reaching Dex ends in one typed error that names the host and the cause."""

import socket
import threading

import pytest

from pulumi_dex.dex import errors
from pulumi_dex.dex.connection import ConnectionSettings, DexConnection


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def silent_server():
    """A TCP server on loopback that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()


def test_refused_connection_names_host_and_cause():
    host = f"127.0.0.1:{_closed_port()}"
    connection = DexConnection(ConnectionSettings(host=host, insecure=True, timeout_seconds=3))
    with pytest.raises(errors.DexUnreachableError) as caught:
        connection.version()
    assert str(caught.value) == (
        f"Dex at {host} is unreachable: the connection was refused; is Dex running and is its "
        "gRPC port right?"
    )


def test_a_server_that_never_answers_hits_the_deadline(silent_server):
    host = f"127.0.0.1:{silent_server}"
    settings = ConnectionSettings(host=host, insecure=True, timeout_seconds=1)
    with pytest.raises(errors.DexUnreachableError, match="exceeded its deadline; raise"):
        DexConnection(settings).version()


def test_host_without_port_is_refused_before_any_call():
    with pytest.raises(errors.DexUnreachableError, match="is not of the form host:port"):
        DexConnection(ConnectionSettings(host="dex.internal", insecure=True)).version()


def test_settings_repr_leaves_tls_material_out():
    settings = ConnectionSettings(host="h:1", client_cert="CERT", client_key="PRIVATE KEY")
    assert "PRIVATE KEY" not in repr(settings) and "CERT" not in repr(settings)
