"""``sitmap extract``, ``sitmap demo`` and ``sitmap doctor``."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from sitmap import pipeline
from sitmap.cli._app import app
from sitmap.cli._output import Format, render
from sitmap.model import Document, Event

EVENT_COLUMNS = [
    "sent",
    "type",
    "cameo",
    "source",
    "target",
    "place",
    "date",
    "status",
    "according to",
    "trigger",
    "mode",
]


def event_row(event: Event) -> dict[str, Any]:
    """A flat, readable row for one event (table and CSV output)."""
    place = event.place
    where = None
    if place is not None:
        where = place.name or place.text
        if place.qualifier:
            where = f"{where} ({place.qualifier})"
    chain = [s.name for s in event.attribution if s.role != "outlet"]
    return {
        "sent": event.sentence,
        "type": event.plover,
        "cameo": event.cameo,
        "source": _actor(event.source),
        "target": _actor(event.target),
        "place": where,
        "date": (event.date.date or f"?{event.date.text}") if event.date else None,
        "status": event.status + (" (past)" if event.historical else ""),
        "according to": " → ".join(chain) or None,
        "trigger": event.trigger,
        "mode": event.mode,
    }


def _actor(actor: Any) -> str | None:
    if actor is None:
        return None
    return f"{actor.code or '?'} {actor.text}"


def render_document(doc: Document, fmt: Format) -> None:
    """Print a document's events in the chosen format."""
    rows = [event_row(e) for e in doc.events]
    if fmt == Format.json:
        render([], fmt, records=doc.to_dict())
    elif fmt == Format.jsonl:
        render([], fmt, records=[e.to_dict() for e in doc.events])
    else:
        title = f"{len(doc.events)} events in {doc.title or doc.id}"
        render(rows, fmt, columns=EVENT_COLUMNS, title=title)


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="A text file, or - to read standard input.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date (e.g. 2017-09-01): anchors 'on Monday'.")
    ] = None,
    source: Annotated[str | None, typer.Option(help="The outlet that published it.")] = None,
    encoding: Annotated[
        str | None, typer.Option(help="Text encoding when not UTF-8 (e.g. latin-1).")
    ] = None,
    max_bytes: Annotated[
        int, typer.Option(help="Largest input read, in bytes; a larger one is refused.")
    ] = 5_000_000,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    document_place: Annotated[
        bool,
        typer.Option(
            "--document-place",
            help="Give events the text does not place the article's main place "
            "(place_basis=document, a guess).",
        ),
    ] = False,
) -> None:
    """Extract coded, attributed, geolocated events from one news article.

    Example: sitmap extract article.txt --published 2017-09-01 --source Anti-Media
    """
    doc = pipeline.extract_path(
        path, source=source, published=published, encoding=encoding,
        document_place=document_place, max_bytes=max_bytes,
    )  # fmt: skip
    render_document(doc, format)


@app.command()
def demo(
    db: Annotated[
        str, typer.Option(help="The DuckDB file to create or update.")
    ] = "sitmap-demo.duckdb",
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Ingest the built-in demo corpus into a DuckDB file and print its events, the situations
    several outlets report, and a `sitmap check` of an example article.

    Example: sitmap demo --db sitmap-demo.duckdb
    """
    from sitmap import demo as demo_run
    from sitmap.cli.corpus import EVENT_TABLE_COLUMNS, _short
    from sitmap.store import Store

    summary = demo_run.run(db)
    with Store.reader(db) as store:
        found = store.events(limit=None, nested=format in (Format.json, Format.jsonl))
    if format in (Format.json, Format.jsonl):
        render([], format, records=found)
        return
    title = (
        f"{len(found)} events from {summary.stored + summary.already} demo articles "
        f"in {db} (try: sitmap events --db {db} --type ASSAULT)"
    )
    render([_short(r) for r in found], format, columns=EVENT_TABLE_COLUMNS, title=title)
    from sitmap.cli.situations import demo_situations

    demo_situations(db)


@app.command()
def doctor(
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Check that the model, the gazetteer and the data files are usable.

    Example: sitmap doctor
    """
    from sitmap import health

    checks = health.check()
    render(checks, format, columns=["check", "ok", "detail"], title="sitmap doctor")
    if not all(c["ok"] for c in checks):
        raise typer.Exit(1)
