"""sitmap's command line: thin Typer commands that call one library function and render.

Commands live in modules by area (``extract``, ``corpus``, ``evaluate``); each registers on
the one ``app`` from ``sitmap.cli._app``.
"""

from __future__ import annotations

from sitmap import threads

threads.quiet_libraries()  # before numpy and pyarrow load (see sitmap.threads)

from sitmap.cli._app import app, main  # noqa: E402

# Importing the command modules registers their commands on ``app``.
from sitmap.cli import extract  # noqa: F401, E402  isort: skip

for _optional in ("corpus", "evaluate", "situations", "serve"):
    try:
        __import__(f"sitmap.cli.{_optional}")
    except ModuleNotFoundError as _exc:  # area not built yet in this checkout
        if _exc.name != f"sitmap.cli.{_optional}":
            raise

__all__ = ["app", "main"]
