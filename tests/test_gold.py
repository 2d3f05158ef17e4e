"""The gold sets in eval/ are valid, disjoint, and scored by sitmap eval."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = [ROOT / "eval" / "dev.jsonl", ROOT / "eval" / "heldout.jsonl"]


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.name)
def test_gold_file_passes_the_checker(path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "check_gold.py"), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


def test_heldout_articles_are_not_in_dev():
    def articles(path: Path) -> set[str]:
        return {json.loads(line)["origin"] for line in path.read_text().splitlines() if line}

    dev, heldout = (articles(p) for p in GOLD)
    assert heldout and not dev & heldout
