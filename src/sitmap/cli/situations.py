"""``sitmap situations``, ``outlets``, ``check``, ``eval situations``: many sources, one picture."""

from __future__ import annotations

from pathlib import Path
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
from sitmap.cli.corpus import _centre

SITUATION_TABLE_COLUMNS = ["id", "date", "plover", "source", "target", "place", "country",
                           "sources", "articles", "outlets", "first", "disagree"]  # fmt: skip


@app.command()
def situations(
    actor: ActorOption = None,
    type: TypeOption = None,
    status: Annotated[
        str | None, typer.Option(help="Status group: factual, predicted, hypothetical, negated.")
    ] = None,
    outlet: Annotated[
        str | None, typer.Option(help="Situations with a report from this outlet.")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    place: PlaceOption = None,
    near: NearOption = None,
    radius: RadiusOption = 50.0,
    country: CountryOption = None,
    min_sources: Annotated[
        int | None, typer.Option("--min-sources", help="At least N independent outlets.")
    ] = None,
    limit: LimitOption = 100,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Merge every stored event again first (read-write).")
    ] = False,
    db: DbOption = DEFAULT_DB,
    format: FormatOption = Format.table,
) -> None:
    """List situations: the same real-world event told by one or more outlets, merged.

    `sources` counts independent outlets (copies, wire re-runs and reports citing another
    member's outlet are one voice); `articles` counts every document, copies included. JSON
    output carries each situation's members (event, document, outlet, url, evidence).

    Example: sitmap situations --min-sources 2 --type ASSAULT --since 2017-10-01 --db syria.duckdb
    """
    from sitmap import situations as api
    from sitmap.store import Store

    if rebuild:
        with Store(db) as store:
            api.build(store)
    centre = _centre(near, radius) if near else None
    nested = format in (Format.json, Format.jsonl)
    with Store.reader(db) as store:
        found = api.query(
            store, plover=type, status_group=status, actor=actor, outlet=outlet,
            country=country, place=place, since=since, until=until, min_sources=min_sources,
            near=centre, limit=limit, nested=nested,
        )  # fmt: skip
        if nested:
            render([], format, records=found)
            return
        if format == Format.csv:
            members = _members(store, [r["id"] for r in found])
            rows = [{**r, "outlets": "; ".join(r["outlets"]),
                     "disagreements": ",".join(d["field"] for d in r["disagreements"]),
                     "events": members.get(r["id"], {}).get("events", ""),
                     "documents": members.get(r["id"], {}).get("documents", ""),
                     "urls": members.get(r["id"], {}).get("urls", "")} for r in found]  # fmt: skip
            render(rows, format, columns=[*api.FLAT_COLUMNS, "urls"])
            return
    rows = [_short(r) for r in found]
    render(rows, format, columns=SITUATION_TABLE_COLUMNS, title=f"{len(found)} situations")


@app.command()
def outlets(
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    since: Annotated[str | None, typer.Option(help="Published from (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Published up to (YYYY-MM-DD).")] = None,
    min_events: Annotated[int, typer.Option(help="Outlets with at least N events.")] = 1,
    db: DbOption = DEFAULT_DB,
    format: FormatOption = Format.table,
) -> None:
    """Each outlet's track record: corroboration within THIS STORE, not truth.

    Per outlet: events by status; the share of its claims (asserted, reported or quoted
    events) corroborated by an independent outlet within 7 days; the share it reported first
    (of those with 2+ sources); the share resting on it alone; its predictions fulfilled, not
    fulfilled or still open. Each share is shown as k/n, percent and Wilson 95% interval.
    A low score can mean wrong, early, or simply alone in covering a place.

    Example: sitmap outlets --min-events 20 --db syria.duckdb
    """
    from sitmap.situations import track
    from sitmap.store import Store

    with Store.reader(db) as store:
        rows = track.outlets(store, outlet=outlet, since=since, until=until,
                             min_events=min_events)  # fmt: skip
    if format in (Format.json, Format.jsonl):
        render([], format, records=rows)
        return
    flat = [track.flat(r) for r in rows]
    render(flat, format, columns=list(flat[0]) if flat else ["outlet"],
           title="outlet track record (corroboration in this store, not truth)")  # fmt: skip


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Articles to check (what ingest reads).")],
    db: DbOption = DEFAULT_DB,
    source: SourceOption = None,
    published: PublishedOption = None,
    format: FormatOption = Format.table,
) -> None:
    """Hold articles against a store: for each event, who else reports it, and who differs.

    Nothing is stored. Each event is listed with the situations it matches, the corroborating
    documents (outlet, url, date, evidence sentence) and the reports that conflict (another
    date, place, actors or fatalities), or "not found"; then one summary line per article.

    Example: sitmap check claim.txt --published 2017-10-16 --source "Daily Planet" --db demo.duckdb
    """
    from sitmap.situations.check import check as run

    results = list(run(paths, db=db, source=source, published=published))
    _render_check(results, format)
    if not any(r["kind"] == "article" for r in results):
        raise typer.Exit(1)  # nothing could be read: every input was skipped


def _render_check(results: list[dict[str, Any]], format: Format) -> None:
    if format == Format.json:
        render([], format, records=results)
        return
    if format == Format.jsonl:
        records = []
        for r in results:
            records += [{"kind": "event", **e} for e in r.get("events", [])]
            records.append({k: v for k, v in r.items() if k != "events"})
        render([], format, records=records)
        return
    rows = [_check_row(e) for r in results for e in r.get("events", [])]
    columns = ["article", "plover", "status", "evidence", "verdict", "corroborating",
               "conflicts"]  # fmt: skip
    if format == Format.csv:
        render(rows, format, columns=columns)
        return
    render(rows, format, columns=columns, title="sitmap check")
    out = Console(highlight=False, soft_wrap=True, markup=False, emoji=False)  # verbatim
    for r in results:
        if r["kind"] == "skip":
            out.print(f"skipped {r['path']}: {r['message']}")
        else:
            out.print(r["summary"])


def demo_situations(db: str) -> None:
    """The demo's second part: situations told by several outlets, and one ``check``."""
    from sitmap import demo
    from sitmap import situations as api
    from sitmap.store import Store

    with Store.reader(db) as store:
        found = api.query(store, min_sources=2, limit=None)
    title = (f"{len(found)} situations told by 2+ independent outlets "
             f"(try: sitmap situations --db {db} --min-sources 2 --format json)")  # fmt: skip
    render([_short(r) for r in found], Format.table, columns=SITUATION_TABLE_COLUMNS, title=title)
    results = demo.check_example(db)
    rows = [_check_row(e) for r in results for e in r.get("events", [])]
    columns = ["plover", "status", "evidence", "verdict", "corroborating", "conflicts"]
    example = "sitmap check check-example.txt --published 2017-10-18 --source 'Example Blog'"
    render(rows, Format.table, columns=columns, title=f"{example} --db {db}")
    out = Console(highlight=False, soft_wrap=True, markup=False, emoji=False)  # verbatim
    for r in results:
        out.print(r.get("summary") or r.get("message"))


def _check_row(e: dict[str, Any]) -> dict[str, Any]:
    corr = list({c["doc_id"]: c for s in e["situations"] for c in s["corroborating"]}.values())
    conflicts = [c for s in e["situations"] for c in s["conflicts"]]
    return {
        "article": e["article_url"] or e["article_id"],
        "plover": e["plover"],
        "status": e["status"],
        "evidence": _cut(e["evidence"], 100),
        "verdict": e["verdict"],
        "corroborating": "\n".join(
            f"{c['outlet']} {c['published'] or ''} {c['url'] or c['doc_id']}" for c in corr
        ),
        "conflicts": "\n".join(
            f"{c['field']}: {c['outlet']} says {c['theirs']} (here {c['ours']})" for c in conflicts
        ),
    }


def _members(store: Any, ids: list[str]) -> dict[str, dict[str, str]]:
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    rows = store.con.execute(
        f"SELECT situation_id, string_agg(event_id, ' ' ORDER BY event_id), "
        f"string_agg(DISTINCT doc_id, ' '), string_agg(DISTINCT url, ' ') "
        f"FROM situation_members WHERE situation_id IN ({marks}) GROUP BY 1",
        ids,
    ).fetchall()
    return {s: {"events": e, "documents": d, "urls": u or ""} for s, e, d, u in rows}


def _short(r: dict[str, Any]) -> dict[str, Any]:
    def actor(side: str) -> str | None:
        code, name = r.get(f"{side}_code"), r.get(f"{side}_name")
        return f"{code or '?'} {name}" if code or name else None

    return {
        "id": r["id"],
        "date": r["event_date"] or (f"~{r['date_end']}" if r["date_end"] else None),
        "plover": r["plover"]
        + ("" if r["status_group"] == "factual" else f" ({r['status_group']})"),
        "source": actor("source"),
        "target": actor("target"),
        "place": r["place_name"],
        "country": r["country"],
        "sources": r["sources"],
        "articles": r["articles"],
        "outlets": ", ".join(r["outlets"]),
        "first": r["first_outlet"],
        "disagree": ", ".join(d["field"] for d in r["disagreements"]),
    }


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 3] + "..."


# -- sitmap eval situations -------------------------------------------------------------------


def _register_eval() -> None:
    from sitmap.cli.evaluate import eval_app

    @eval_app.command("situations")
    def eval_situations(
        gold: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Gold file.")],
        corpora: Annotated[
            Path | None,
            typer.Option(
                help="Folder of the corpora the gold's origins name (default: "
                "../shared/corpora, then shared/corpora)."
            ),
        ] = None,
        errors: Annotated[
            bool, typer.Option("--errors", help="Also list each wrong pair with its sentences.")
        ] = False,
        json_out: Annotated[
            Path | None, typer.Option("--json", help="Write the full scores as JSON to this file.")
        ] = None,
        fmt: Annotated[
            Format, typer.Option("--format", help="table, or json (jsonl/csv also print JSON).")
        ] = Format.table,
    ) -> None:
        """Cross-document event coreference: pairwise P/R/F1 and B-cubed against gold pairs.

        The articles the gold names go through the whole pipeline into a throw-away store,
        are merged into situations, and each gold pair is judged by whether its two mentions
        landed in one situation.

        Example: sitmap eval situations eval/situations-dev.jsonl --errors
        """
        import json

        from sitmap.evaluate.situations import score_situations_file

        scores = score_situations_file(gold, corpora=corpora)
        data = scores.to_dict(errors=errors)
        if json_out:
            json_out.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
        if fmt != Format.table:
            render([], Format.json, records=data)
            return
        pct = lambda v: "–" if v is None else f"{v:.1%}"  # noqa: E731
        rows = []
        for name, m in (("pairwise", data["pairwise"]), ("B-cubed", data["bcubed"])):
            rows.append({"measure": name, **{k: pct(m[k]) for k in ("precision", "recall", "f1")}})
        title = (f"{data['pairs']} pairs ({data['same']} same), {data['mentions']} mentions, "
                 f"{data['mentions_found']} found by sitmap")  # fmt: skip
        render(rows, Format.table, columns=["measure", "precision", "recall", "f1"], title=title)
        if data["missed_by_reason"]:
            reasons = [{"reason": k, "pairs": v} for k, v in data["missed_by_reason"].items()]
            render(reasons, Format.table, columns=["reason", "pairs"], title="Missed merges")
        if data["mentions_missed"]:
            causes = [{"cause": k, "mentions": v} for k, v in data["mentions_missed"].items()]
            render(causes, Format.table, columns=["cause", "mentions"],
                   title="Gold mentions without an event")  # fmt: skip
        if errors:
            for e in data.get("errors", []):
                why = f" [{e['reason']}]" if e.get("reason") else ""
                a, b = (f"{e[s]}" + (f"  ({e[s + '_missed']}" if e.get(s + "_missed") else "")
                        + (f": {'; '.join(e[s + '_acts'])}" if e.get(s + "_acts") else "")
                        + (")" if e.get(s + "_missed") else "")
                        for s in ("a", "b"))  # fmt: skip
                typer.echo(f"{e['kind']}{why} {e['id']}: {e['why']}\n  a: {a}\n  b: {b}")


_register_eval()
