"""The suite tests the code of the checkout it lives in, not another installed copy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import sitmap

SRC = Path(__file__).resolve().parents[1] / "src"


def test_sitmap_is_imported_from_this_checkout():
    assert Path(sitmap.__file__).resolve().is_relative_to(SRC)


def test_subprocesses_import_this_checkout():
    out = subprocess.run(
        [sys.executable, "-c", "import sitmap; print(sitmap.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ.copy(),
    ).stdout.strip()
    assert Path(out).resolve().is_relative_to(SRC)
