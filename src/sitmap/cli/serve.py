"""``sitmap serve``: the read-only HTTP API and the offline map over a store."""

from __future__ import annotations

from typing import Annotated

import typer

from sitmap.cli._app import app

DEFAULT_DB = "sitmap.duckdb"


@app.command()
def serve(
    db: Annotated[str, typer.Option(help="The DuckDB store file.")] = DEFAULT_DB,
    host: Annotated[
        str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
) -> None:
    """Serve the map (/) and the read-only JSON API (/api, /docs) for a store; Ctrl-C stops.

    Nothing is fetched from the internet: Leaflet, borders and API docs come from the
    installed packages.

    Example: sitmap serve --db sitmap-demo.duckdb --port 8000
    """
    from sitmap.serve import serve as run

    run(db, host=host, port=port)
