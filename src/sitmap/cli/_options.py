"""Typer options that several commands share, defined once.

Each alias is an ``Annotated`` type a command parameter uses as is (``db: DbOption =
DEFAULT_DB``), so the option's name, help and checks read the same in every command:
``ingest``/``check`` read articles the same way, ``events``/``situations`` filter the same way.
"""

from __future__ import annotations

from typing import Annotated

import typer

from sitmap.cli._output import Format

DEFAULT_DB = "sitmap.duckdb"
DB_HELP = "The DuckDB store file."

DbOption = Annotated[str, typer.Option(help=DB_HELP)]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]

# -- reading articles (ingest, check) -------------------------------------------------------------

SourceOption = Annotated[
    str | None, typer.Option(help="Outlet for documents that do not name one.")
]
PublishedOption = Annotated[
    str | None, typer.Option(help="Publication date for documents without one.")
]

# -- filters (events, situations) -----------------------------------------------------------------

ActorOption = Annotated[
    str | None, typer.Option(help="Actor code prefix (SYR, SYRMIL) or name substring.")
]
TypeOption = Annotated[
    list[str] | None, typer.Option("--type", help="PLOVER event type (repeatable).")
]
SinceOption = Annotated[str | None, typer.Option(help="Event date from (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option(help="Event date up to (YYYY-MM-DD).")]
PlaceOption = Annotated[str | None, typer.Option(help="Place or admin1 name substring.")]
NearOption = Annotated[
    str | None, typer.Option(help="A place name or 'lat,lon': results within --radius.")
]
RadiusOption = Annotated[float, typer.Option(help="Radius in km for --near.")]
CountryOption = Annotated[
    str | None, typer.Option(help="Country of the event's place (SY or SYR).")
]
LimitOption = Annotated[int | None, typer.Option(help="At most this many results.")]

__all__ = [
    "DB_HELP",
    "DEFAULT_DB",
    "ActorOption",
    "CountryOption",
    "DbOption",
    "FormatOption",
    "LimitOption",
    "NearOption",
    "PlaceOption",
    "PublishedOption",
    "RadiusOption",
    "SinceOption",
    "SourceOption",
    "TypeOption",
    "UntilOption",
]
