"""``sitmap eval events|geo``: score sitmap against gold files (see ``sitmap.evaluate``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from sitmap import evaluate
from sitmap.cli._app import app
from sitmap.cli._output import Format, render

eval_app = typer.Typer(
    help="Score sitmap against gold annotations (events, geoparsing).", no_args_is_help=True
)
app.add_typer(eval_app, name="eval")

GOLD = typer.Argument(..., exists=True, dir_okay=False, help="Gold file.")
ERRORS = typer.Option(False, "--errors", help="Also list the mismatches with their sentences.")
JSON_OUT = typer.Option(None, "--json", help="Write the full scores as JSON to this file.")
FORMAT = typer.Option(Format.table, "--format", help="table, or json (jsonl/csv also print JSON).")
LIMIT = typer.Option(None, "--limit", min=1, help="Score only the first N documents.")
PREDICTIONS = typer.Option(
    None, "--predictions", exists=True, dir_okay=False, help="Document JSON lines to score."
)
GOLD_SPANS = typer.Option(
    False, "--gold-spans", help="Resolve the gold toponym spans: resolution measured alone."
)
FULL = typer.Option(False, "--full", help="Run every pipeline stage, not only nlp + geo.")
SCOPE = typer.Option("pragmatic", "--scope", help="GeoWebNews toponym types: pragmatic or literal.")


@eval_app.command("events")
def events(
    gold: Path = GOLD,
    predictions: Path | None = PREDICTIONS,
    errors: bool = ERRORS,
    json_out: Path | None = JSON_OUT,
    fmt: Format = FORMAT,
    limit: int | None = LIMIT,
) -> None:
    """Event detection P/R/F1, per-field accuracy, macro-F1 and confusion over PLOVER types.

    Whole articles (items with a title and events anchored by their evidence span) run through
    the whole pipeline; the summary adds the share of events right in every field and how well
    the events' confidence separates real from spurious events (ROC AUC, precision by threshold).

    Example: sitmap eval events eval/articles-dev.jsonl --errors --json scores.json
    """
    scores = evaluate.score_events_file(gold, predictions=predictions, limit=limit)
    data = scores.to_dict()
    _write(json_out, data)
    if fmt != Format.table:
        render([], Format.json, records=data if errors else _without_errors(data))
        return
    det = data["detection"]
    summary = {
        "documents": data["documents"],
        "gold": data["gold"],
        "predicted": data["predicted"],
        "matched": data["matched"],
        "precision": _pct(det["precision"]),
        "recall": _pct(det["recall"]),
        "f1": _pct(det["f1"]),
        "macro_f1": _pct(data["macro_f1"]),
        "all_fields_right": _pct(data["all_fields_right"]["share"]),
        "confidence_auc": _num(data["confidence_auc"], 3),
    }
    render([summary], Format.table, title="Event detection (precision = real events)")
    fields = [
        {"field": k, "correct": v["correct"], "of": v["total"], "accuracy": _pct(v["accuracy"])}
        for k, v in data["fields"].items()
    ]
    render(fields, Format.table, title="Fields of matched (real) events")
    curve = [
        {
            "min_confidence": row["threshold"],
            "events": row["events"],
            "precision": _pct(row["precision"]),
            "recall": _pct(row["recall"]),
        }
        for row in data["confidence_curve"]
    ]
    render(curve, Format.table, title="Events kept by confidence")
    types = [
        {"type": t, **{k: _pct(v) if isinstance(v, float) else v for k, v in s.items()}}
        for t, s in data["per_type"].items()
    ]
    if types:
        render(types, Format.table, title="Per PLOVER type")
    if data["confusion"]:
        cols = sorted({p for row in data["confusion"].values() for p in row})
        cols = [c for c in cols if c != "MISSING"] + ["MISSING"] * ("MISSING" in cols)
        rows = [{"gold \\ predicted": g, **row} for g, row in data["confusion"].items()]
        render(rows, Format.table, columns=["gold \\ predicted", *cols], title="Confusion")
    if data["skipped"]:
        render(data["skipped"], Format.table, title="Documents the pipeline refused")
    if errors and data["errors"]:
        cols = ["doc", "kind", "field", "trigger", "gold", "predicted", "sentence"]
        rows = [{k: _cell(v) for k, v in e.items()} for e in data["errors"]]
        render(rows, Format.table, columns=cols, title="Errors")


@eval_app.command("acled")
def acled(
    gold: Path = GOLD,
    errors: bool = ERRORS,
    json_out: Path | None = JSON_OUT,
    fmt: Format = FORMAT,
    limit: int | None = LIMIT,
) -> None:
    """ACLED records: detected, type, sub-event type, date, place, actor type, fatalities.

    Example: sitmap eval acled ../shared/gold/acled-dev.jsonl --limit 100 --errors
    """
    _conflict(gold, errors, json_out, fmt, limit, "ACLED")


@eval_app.command("gtd")
def gtd(
    gold: Path = GOLD,
    errors: bool = ERRORS,
    json_out: Path | None = JSON_OUT,
    fmt: Format = FORMAT,
    limit: int | None = LIMIT,
) -> None:
    """GTD incidents: detected, type, date, place within 50 km, fatalities.

    Example: sitmap eval gtd ../shared/gold/gtd-dev.jsonl --json gtd.json
    """
    _conflict(gold, errors, json_out, fmt, limit, "GTD")


def _conflict(
    gold: Path, errors: bool, json_out: Path | None, fmt: Format, limit: int | None, label: str
) -> None:
    from sitmap.evaluate import acled

    data = acled.score_conflict_file(gold, limit=limit).to_dict()
    _write(json_out, data)
    if fmt != Format.table:
        render([], Format.json, records=data if errors else _without_errors(data))
        return
    rows = [
        {"measure": k, "correct": v["correct"], "of": v["total"], "score": _pct(v["accuracy"])}
        for k, v in data["measures"].items()
    ]
    render(rows, Format.table, title=f"{label} records ({data['records']}): some event right")
    if data["skipped"]:
        render(data["skipped"], Format.table, title="Records the pipeline refused")
    if errors and data["errors"]:
        cols = ["id", "measure", "gold", "predicted", "text"]
        rows = [{k: _cell(e[k]) for k in cols} for e in data["errors"]]
        render(rows, Format.table, columns=cols, title="Errors")


@eval_app.command("geo")
def geo(
    gold: Path = GOLD,
    scope: str = SCOPE,
    gold_spans: bool = GOLD_SPANS,
    full: bool = FULL,
    errors: bool = ERRORS,
    json_out: Path | None = JSON_OUT,
    fmt: Format = FORMAT,
    limit: int | None = LIMIT,
) -> None:
    """Toponym recognition P/R/F1 and resolution (acc@161 km, mean/median km, AUC).

    GOLD is LGL XML, GeoWebNews XML or sitmap JSONL (detected).
    Example: sitmap eval geo ../shared/gold/lgl.xml --limit 100 --json lgl.json
    """
    scores = evaluate.score_geo_file(
        gold, limit=limit, scope=scope, gold_spans=gold_spans, full=full
    )
    data = scores.to_dict()
    _write(json_out, data)
    if fmt != Format.table:
        render([], Format.json, records=data if errors else _without_errors(data))
        return
    rec, res = data["recognition"], data["resolution"]
    summary = {
        "documents": data["documents"],
        "gold": data["gold"],
        "predicted": data["predicted"],
        "matched": rec["tp"],
        "precision": _pct(rec["precision"]),
        "recall": _pct(rec["recall"]),
        "f1": _pct(rec["f1"]),
    }
    render([summary], Format.table, title=f"Toponym recognition (scope: {data['scope']})")
    resolution = {
        "scored": res["n"],
        "acc@161km": _pct(res["acc_161"]),
        "without_approx": _pct(data["resolution_without_approximate"]["acc_161"]),
        "mean_km": _num(res["mean_km"], 1),
        "median_km": _num(res["median_km"], 1),
        "auc": _num(res["auc"], 3),
        "unresolved": data["unresolved"],
        "approximate": data["approximate"],
        "unscorable": data["unscorable_matched"],
        "gold_without_coords": data["gold_without_coords"],
    }
    render([resolution], Format.table, title="Toponym resolution (matched toponyms)")
    if len(data["by_type"]) > 1:
        rows = [
            {
                "type": t,
                "gold": c["gold"],
                "found": c["found"],
                "recall": _pct(c["found"] / c["gold"]),
            }
            for t, c in data["by_type"].items()
        ]
        render(rows, Format.table, title="Recall by gold toponym type")
    if errors and data["errors"]:
        rows = [
            {
                "doc": e["doc"],
                "phrase": e["phrase"],
                "error_km": e["error_km"],
                "gold": f"{e['gold']['lat']:.3f},{e['gold']['lon']:.3f}",
                "predicted": f"{e['predicted']['name']} ({e['predicted']['country']}) "
                f"{e['predicted']['lat']:.3f},{e['predicted']['lon']:.3f}",
                "sentence": e["sentence"],
            }
            for e in data["errors"]
        ]
        render(rows, Format.table, title="Toponyms off by 161 km or more")


def _write(path: Path | None, data: dict[str, Any]) -> None:
    if path is not None:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _without_errors(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "errors"}


def _cell(value: Any) -> Any:
    """A place dict as "name (lat, lon)"; anything else as is."""
    if isinstance(value, dict) and "lat" in value:
        where = "" if value["lat"] is None else f" ({value['lat']:.2f}, {value['lon']:.2f})"
        return f"{value.get('name') or '?'}{where}"
    return value


def _pct(value: float | None) -> str | None:
    return None if value is None else f"{100 * value:.1f}"


def _num(value: float | None, digits: int = 0) -> str | None:
    return None if value is None else f"{value:,.{digits}f}"
