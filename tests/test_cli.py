"""CLI: extract on good and bad input, doctor, and the README documenting every command."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sitmap.cli import app

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from sitmap.cli import main; main()", *args],
        input=stdin,
        capture_output=True,
        timeout=300,
    )


@pytest.mark.model
def test_cli_extract_json_on_the_reference_article(seed_path):
    out = _run(
        "extract",
        str(seed_path),
        "--published",
        "2017-09-01",
        "--source",
        "Anti-Media",
        "--format",
        "json",
    )
    assert out.returncode == 0, out.stderr.decode()
    doc = json.loads(out.stdout)
    assert doc["source"] == "Anti-Media" and doc["published"] == "2017-09-01"
    assert any(e["plover"] == "ASSAULT" and e["status"] == "reported" for e in doc["events"])


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "PNG"),
        (
            "Les forces syriennes ont encerclé l'État islamique à Deir ez-Zor lundi, selon "
            "l'agence, après des semaines de combats violents dans la province orientale du pays "
            "et des frappes aériennes russes.".encode("latin-1"),
            "encoding",
        ),
        (
            "Les forces syriennes ont encerclé l'État islamique à Deir ez-Zor lundi, selon "
            "l'agence, après des semaines de combats violents dans la province orientale du pays "
            "et des frappes aériennes russes contre les positions des jihadistes.".encode(),
            "French",
        ),
    ],
    ids=["empty", "binary", "latin-1", "non-english"],
)
def test_cli_extract_bad_input_one_line_no_traceback(tmp_path, data, needle):
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    out = _run("extract", str(path))
    err = out.stderr.decode()
    assert out.returncode != 0
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and needle in err


def test_cli_extract_missing_file():
    out = _run("extract", "/nonexistent/article.txt")
    assert out.returncode != 0 and "no such file" in out.stderr.decode()


def test_cli_every_command_and_option_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    import typer.main

    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        assert f"sitmap {name}" in readme, f"README lacks `sitmap {name}`"
        sub = getattr(command, "commands", None) or {"": command}
        for sub_name, cmd in sub.items():
            if sub_name:
                assert f"sitmap {name} {sub_name}" in readme, (
                    f"README lacks sitmap {name} {sub_name}"
                )
            for param in cmd.params:
                for opt in param.opts:
                    if opt.startswith("--") and opt not in {"--help"}:
                        assert opt in readme, f"README lacks {opt} of sitmap {name} {sub_name}"


def test_cli_every_command_help_has_an_example():
    import typer.main

    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        cmds = getattr(command, "commands", None) or {name: command}
        for sub_name, cmd in cmds.items():
            assert re.search(r"Example", cmd.help or ""), f"{name} {sub_name} help has no example"
