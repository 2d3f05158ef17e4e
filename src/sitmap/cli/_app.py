"""The Typer application and the entry point that turns SitmapError into one line + exit 1."""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from sitmap.errors import SitmapError

app = typer.Typer(
    name="sitmap",
    help="News articles in, a situation map out: coded, geolocated, attributed events, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except SitmapError as exc:
        err.print(f"[bold red]error:[/] {exc}", soft_wrap=True)
        sys.exit(1)
