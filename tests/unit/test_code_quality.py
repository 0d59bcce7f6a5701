"""The style gates of STYLE.md, held by CI: ruff lint and format, mypy --strict."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GATES = {
    "ruff check": [sys.executable, "-m", "ruff", "check", "."],
    "ruff format": [sys.executable, "-m", "ruff", "format", "--check", "."],
    "mypy --strict": [sys.executable, "-m", "mypy"],
}


@pytest.mark.parametrize("gate", sorted(GATES))
def test_code_passes(gate):
    done = subprocess.run(GATES[gate], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{gate} failed:\n{done.stdout[-4000:]}{done.stderr[-2000:]}"
