"""Place accuracy with named areas (AREA_KM 2000) and 50 km alone (AREA_KM 0) for GOLD."""

import json
import sys
import tempfile
from pathlib import Path

from typer.testing import CliRunner

import sitmap.evaluate.events as ev
from sitmap.cli import app

for km in (2000.0, 0.0):
    ev.AREA_KM = km
    out = tempfile.mktemp(suffix=".json")
    r = CliRunner().invoke(app, ["eval", "events", sys.argv[1], "--json", out])
    f = json.loads(Path(out).read_text())["fields"]["place"]
    print(f"AREA_KM {km}: place {f['correct']}/{f['total']} = {100 * f['accuracy']:.1f}")
