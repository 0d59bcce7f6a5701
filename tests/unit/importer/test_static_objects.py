"""Static objects read from Dex's config file."""

from __future__ import annotations

from pathlib import Path

import pytest

from importer import static_objects
from importer.static_objects import DexConfigError


def test_static_clients_connectors_and_password_db(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(
        "staticClients:\n- {id: web, secret: s3cret-Zx91}\n"
        "connectors:\n- {id: gh, type: github}\nenablePasswordDB: true\n"
    )

    found = static_objects.read(path)

    assert found.clients == {"web"} and found.connectors == {"gh", "local"}
    assert found.source("client", "web") == "static"
    assert found.source("client", "other") == "api"


def test_nothing_known_without_a_file() -> None:
    assert static_objects.StaticObjects().source("client", "web") == "unknown"


def test_bad_yaml_error_quotes_no_line_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("staticClients:\n- id: web\n  secret: [s3cret-Zx91\n")

    with pytest.raises(DexConfigError) as caught:
        static_objects.read(path)

    assert "s3cret-Zx91" not in str(caught.value)
    assert str(caught.value).startswith(f"--dex-config {path}: not valid YAML at line")
