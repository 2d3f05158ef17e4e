"""``sitmap ingest``, ``events``, ``sql``, ``stats`` and ``export``: a corpus in a DuckDB store."""

from __future__ import annotations

import json
import re
import sys
import time
from typing import Annotated, Any

import typer
from rich.console import Console

from sitmap.cli._app import app
from sitmap.cli._options import (
    DEFAULT_DB,
    ActorOption,
    CountryOption,
    DbOption,
    FormatOption,
    LimitOption,
    NearOption,
    PlaceOption,
    PublishedOption,
    RadiusOption,
    SinceOption,
    SourceOption,
    TypeOption,
    UntilOption,
)
from sitmap.cli._output import Format, render
from sitmap.engines.base import BATCH_SIZE
from sitmap.errors import SitmapError

EVENT_TABLE_COLUMNS = ["event_date", "plover", "cameo", "source", "target", "place", "country",
                       "status", "confidence", "outlet", "evidence"]  # fmt: skip


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders (txt, html, json, jsonl, csv, warc, rss, .gz), or - for stdin."
        ),
    ],
    db: DbOption = DEFAULT_DB,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (default: one per CPU core).")
    ] = None,
    engine: Annotated[
        str, typer.Option(help="Where the pipeline runs: local processes, or dask workers.")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(help="A dask scheduler's address (tcp://HOST:8786) for --engine dask."),
    ] = None,
    batch_size: Annotated[
        int, typer.Option(min=1, help="Documents sent to a worker at a time.")
    ] = BATCH_SIZE,
    source: SourceOption = None,
    published: PublishedOption = None,
    max_bytes: Annotated[
        int | None, typer.Option(help="Largest article read, in bytes (default 5,000,000).")
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(help="Text encoding of files that are not UTF-8 (latin-1, cp1252, utf-16)."),
    ] = None,
    field: Annotated[
        list[str] | None,
        typer.Option(
            "--field",
            help="NAME=KEY: the JSON key or CSV column holding text, title, published, source, "
            "url or id (repeatable).",
        ),
    ] = None,
    format: Annotated[
        Format, typer.Option("--format", "-f", help="Format of the summary.")
    ] = Format.table,
) -> None:
    """Read, deduplicate and process many articles into a store; re-run to resume.

    Every bad file is recorded as a skip with a reason; duplicates (exact and near) are linked
    to their first copy and not processed twice; killing the run loses nothing already written.

    Example: sitmap ingest news/ feeds/world.jsonl --db syria.duckdb --workers 2

    A CSV in Latin-1 whose text is in a 'body' column:
    sitmap ingest old.csv --encoding latin-1 --field text=body

    On a dask cluster: sitmap ingest news/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from sitmap.corpus import ingest as run

    with _Progress() as progress:
        summary = run(
            paths, db=db, workers=workers, source=source, published=published,
            max_bytes=max_bytes, progress=progress.update, engine=engine, scheduler=scheduler,
            batch_size=batch_size, encoding=encoding, fields=_fields(field),
        )  # fmt: skip
    data = summary.to_dict()
    if format in (Format.json, Format.jsonl):
        render([], format, records=[data] if format == Format.jsonl else data)
        return
    rows = [{"": k, "value": _cell(v)} for k, v in data.items() if k != "skips"]
    rows += [{"": f"skipped: {k}", "value": v} for k, v in data["skips"].items()]
    render(rows, format, columns=["", "value"], title=f"ingested into {db}")


@app.command()
def events(
    actor: ActorOption = None,
    type: TypeOption = None,
    status: Annotated[
        list[str] | None,
        typer.Option(help="asserted, reported, quoted, predicted, hypothetical, negated."),
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="Publishing outlet, e.g. Reuters.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    place: PlaceOption = None,
    near: NearOption = None,
    radius: RadiusOption = 50.0,
    country: CountryOption = None,
    min_confidence: Annotated[
        float | None,
        typer.Option(min=0.0, max=1.0, help="Only events at least this likely real (0-1)."),
    ] = None,
    limit: LimitOption = 100,
    db: DbOption = DEFAULT_DB,
    format: FormatOption = Format.table,
) -> None:
    """List stored events matching every filter given, oldest first.

    Example: sitmap events --actor SYR --type ASSAULT --near "Deir ez-Zor" --radius 100

    Example: sitmap events --min-confidence 0.7 --format csv
    """
    from sitmap.store import FLAT_EVENT_COLUMNS, Store

    centre = _centre(near, radius) if near else None
    nested = format in (Format.json, Format.jsonl)
    with Store.reader(db) as store:
        found = store.events(
            actor=actor, plover=type, status=status, outlet=outlet, since=since, until=until,
            place=place, near=centre, country=country, min_confidence=min_confidence,
            limit=limit, nested=nested,
        )  # fmt: skip
    if nested:
        render([], format, records=found)
    elif format == Format.csv:
        cols = list(FLAT_EVENT_COLUMNS) + (["distance_km"] if centre else [])
        render(found, format, columns=cols)
    else:
        render([_short(r) for r in found], format, columns=EVENT_TABLE_COLUMNS,
               title=f"{len(found)} events")  # fmt: skip


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="One SELECT (or WITH … SELECT) statement.")],
    db: DbOption = DEFAULT_DB,
    format: FormatOption = Format.table,
) -> None:
    """Run a read-only SQL query on the store (tables: documents, events, actors, places, ...).

    Example: sitmap sql "SELECT plover, count(*) AS n FROM events GROUP BY 1 ORDER BY n DESC"
    """
    from sitmap.store import Store

    with Store.reader(db) as store:
        columns, rows = store.sql(query)
    render([dict(zip(columns, r, strict=True)) for r in rows], format, columns=columns)


@app.command()
def stats(
    db: DbOption = DEFAULT_DB,
    format: FormatOption = Format.table,
) -> None:
    """Counts for a store: documents, duplicates, events by type and status, skips by reason.

    Example: sitmap stats --db syria.duckdb
    """
    from sitmap.store import Store

    with Store.reader(db) as store:
        data = store.stats()
    if format in (Format.json, Format.jsonl):
        render([], format, records=[data] if format == Format.jsonl else data)
        return
    rows: list[dict[str, Any]] = []
    for key, value in data.items():
        if isinstance(value, dict):
            rows += [{"": f"{key}: {k}", "value": v} for k, v in value.items()]
        else:
            rows.append({"": key, "value": _cell(value)})
    render(rows, format, columns=["", "value"], title=f"sitmap store {db}")


@app.command()
def export(
    format: Annotated[
        str, typer.Option("--format", "-f", help="jsonl, csv, acled, gdelt, geojson or parquet.")
    ],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Output file (default: stdout); a folder for parquet."),
    ] = None,
    min_confidence: Annotated[
        float | None,
        typer.Option(min=0.0, max=1.0, help="Only events at least this likely real (0-1)."),
    ] = None,
    db: DbOption = DEFAULT_DB,
    document_places: Annotated[
        bool,
        typer.Option(
            "--document-places",
            help="Keep places that are only the article's main place (place_basis=document).",
        ),
    ] = False,
    partition: Annotated[
        str | None,
        typer.Option(
            help="parquet only: write (or add this store to) a Hive-partitioned dataset in the "
            "--output folder, by year or month; query it with --db FOLDER.",
        ),
    ] = None,
) -> None:
    """Export the store's events (ACLED/GDELT-style tables, GeoJSON, ...) or all its tables.

    Events left out of a format (no coordinates for GeoJSON, statements for ACLED, ...) are
    counted on stderr, never dropped silently. An event placed only by the article's main place
    (place_basis=document) goes without a place unless --document-places is given.

    Example: sitmap export --format acled --output events-acled.csv --db syria.duckdb
    Example: sitmap export --format parquet --partition month --output news-ds/ --db a.duckdb
    """
    from sitmap.export import export as run

    filters: dict = {} if min_confidence is None else {"min_confidence": min_confidence}
    if partition:
        filters["partition"] = partition
    summary = run(db, format, output, document_places=document_places, **filters)
    err = Console(stderr=True, highlight=False, markup=False, emoji=False)
    skipped = ", ".join(f"{n} {why}" for why, n in summary["skipped"].items())
    where = output if format == "parquet" else (", ".join(summary["files"]) or "stdout")
    err.print(f"{summary['written']} events written to {where}" +
              (f"; left out: {skipped}" if skipped else ""))  # fmt: skip


# -- helpers ------------------------------------------------------------------------------------


def _fields(pairs: list[str] | None) -> dict[str, str] | None:
    """``--field text=body --field title=headline`` as ``{"text": "body", ...}``."""
    if not pairs:
        return None
    from sitmap.ingest.readers import _FIELDS

    out = {}
    for pair in pairs:
        name, sep, key = pair.partition("=")
        name = name.strip().lower()
        if not sep or not key.strip() or name not in _FIELDS:
            raise SitmapError(
                f"--field {pair!r}: expected NAME=KEY with NAME one of {', '.join(_FIELDS)}",
                hint="e.g. --field text=body",
            )
        out[name] = key.strip()
    return out


def _centre(near: str, radius: float) -> tuple[float, float, float]:
    """``--near`` as (lat, lon, km): 'lat,lon' or a place name looked up in the gazetteer."""
    m = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*", near)
    if m:
        return float(m.group(1)), float(m.group(2)), radius
    from sitmap import geo

    found = geo.lookup(near)
    if found is None or found.lat is None or found.lon is None:
        raise SitmapError(
            f"--near: no place called {near!r} in the gazetteer",
            hint="check the spelling, or give coordinates as 'lat,lon'",
        )
    return found.lat, found.lon, radius


def _short(row: dict[str, Any]) -> dict[str, Any]:
    def actor(side: str) -> str | None:
        code, name = row.get(f"{side}_code"), row.get(f"{side}_name") or row.get(f"{side}_text")
        return f"{code or '?'} {name}" if name or code else None

    place = row.get("place_name") or row.get("place_text")
    if place and row.get("qualifier"):
        place = f"{place} ({row['qualifier']})"
    if place and row.get("distance_km") is not None:
        place = f"{place} [{row['distance_km']:.0f} km]"
    evidence = row.get("evidence") or ""
    return {
        "event_date": row["event_date"],
        "plover": row["plover"],
        "cameo": row["cameo"],
        "source": actor("source"),
        "target": actor("target"),
        "place": place,
        "country": row.get("country"),
        "status": row["status"],
        "confidence": row.get("confidence"),
        "outlet": row.get("outlet"),
        "evidence": evidence if len(evidence) <= 120 else evidence[:117] + "...",
    }


def _cell(value: Any) -> Any:
    return json.dumps(value) if isinstance(value, list | dict) else value


class _Progress:
    """A Rich progress line on a terminal (docs/s, events, skips); plain lines otherwise."""

    def __init__(self) -> None:
        self.console = Console(stderr=True, highlight=False)
        self._bar: Any = None
        self._task: Any = None
        self._last = 0.0

    def __enter__(self) -> _Progress:
        if self.console.is_terminal:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._bar = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                TimeElapsedColumn(),
                console=self.console,
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("starting (loading the model) ...", total=None)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def update(self, summary: Any) -> None:
        text = (
            f"{summary.stored} stored · {summary.docs_per_s:.1f} docs/s · "
            f"{summary.events} events · {summary.duplicates + summary.near_duplicates} dups · "
            f"{summary.already} already · {summary.skipped} skipped"
        )
        if self._bar is not None:
            self._bar.update(self._task, description=text)
            return
        now = time.monotonic()
        if now - self._last >= 1.0:  # plain log lines, at most one a second
            self._last = now
            print(f"progress: {text}", file=sys.stderr, flush=True)
