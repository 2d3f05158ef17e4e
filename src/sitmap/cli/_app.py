"""The Typer application and the entry point that turns SitmapError into one line + exit 1."""

from __future__ import annotations

import sys

import typer
from rich.console import Console
from rich.text import Text

from sitmap.errors import SitmapError

app = typer.Typer(
    name="sitmap",
    help="News articles in, a situation map out: coded, geolocated, attributed events, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, emoji=False)


def main() -> None:
    """Console-script entry point: any failure is one line on stderr and exit status 1."""
    try:
        app()
    except SitmapError as exc:
        _fail(str(exc))
    except BrokenPipeError:  # `sitmap events | head`: the reader left, nothing to report
        sys.stderr.close()
        sys.exit(1)
    except OSError as exc:  # a full disk, an unwritable output ...: one line, no traceback
        where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
        _fail(f"cannot read or write{where}: {exc.strerror or exc}")
    except MemoryError:
        _fail("out of memory", hint="lower --workers or --max-bytes")
    except Exception as exc:  # a DuckDB error no store method turned into a StoreError
        if not type(exc).__module__.lstrip("_").startswith("duckdb"):
            raise
        _fail(f"database error: {str(exc).strip().splitlines()[0]}")


def _fail(message: str, *, hint: str | None = None) -> None:
    text = Text("error:", style="bold red")
    text.append(f" {message}" + (f" — {hint}" if hint else ""))
    err.print(text, soft_wrap=True)
    sys.exit(1)
