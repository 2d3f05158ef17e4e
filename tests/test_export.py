"""Exports re-read and checked: JSONL, CSV, ACLED, GDELT, GeoJSON, Parquet."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from _store_samples import sample_documents

from sitmap import situations
from sitmap.export import (
    ACLED_COLUMNS,
    GDELT_COLUMNS,
    GDELT_EXTRA,
    ExportError,
    acled_type,
    export,
)
from sitmap.model import DateExpr, Event
from sitmap.store import FLAT_EVENT_COLUMNS, TABLES, Store


@pytest.fixture(scope="module")
def docs():
    return sample_documents()


@pytest.fixture(scope="module")
def db(tmp_path_factory, docs) -> Path:
    path = tmp_path_factory.mktemp("export") / "t.duckdb"
    with Store(path) as store:
        store.write_many(docs)
        situations.build(store)
    return path


def _by_trigger(docs, trigger: str) -> Event:
    return next(e for d in docs for e in d.events if e.trigger == trigger)


def test_export_jsonl_round_trips_events(db: Path, docs, tmp_path: Path) -> None:
    out = tmp_path / "e.jsonl"
    summary = export(db, "jsonl", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert summary["written"] == len(lines) == 8
    back = {r["id"]: r for r in map(json.loads, lines)}
    for d in docs:
        for e in d.events:
            assert Event.from_dict(back[e.id]) == e
            assert back[e.id]["outlet"] == d.source


def test_export_csv_flat_columns(db: Path, docs, tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    export(db, "csv", out, country="SY")
    with out.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    assert reader.fieldnames == list(FLAT_EVENT_COLUMNS)
    assert len(rows) == 4  # the filter applies
    shelled = next(r for r in rows if r["trigger"] == "shelled")
    assert shelled["source_code"] == "SYRMIL" and shelled["lat"] == "35.33588"
    assert shelled["event_date"] == "2017-09-11" and shelled["target_code"] == ""


def _read_acled(db: Path, tmp_path: Path) -> tuple[dict, list[str], dict[str, dict]]:
    out = tmp_path / "acled.csv"
    summary = export(db, "acled", out)
    with out.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = {r["sitmap_event_id"]: r for r in reader}
    return summary, list(reader.fieldnames or []), rows


def test_export_acled_columns_and_mapping(db: Path, docs, tmp_path: Path) -> None:
    _, columns, rows = _read_acled(db, tmp_path)
    assert columns == list(ACLED_COLUMNS)
    shelled = rows[_by_trigger(docs, "shelled").id]
    assert shelled["event_type"] == "Explosions/Remote violence"
    assert shelled["sub_event_type"] == "Shelling/artillery/missile attack"
    assert shelled["disorder_type"] == "Political violence"
    assert shelled["event_date"] == "2017-09-11" and shelled["year"] == "2017"
    assert shelled["time_precision"] == "1"
    assert shelled["country"] == "Syria" and shelled["iso"] == "760"
    assert shelled["event_id_cnty"].startswith("SYR")
    assert shelled["actor1"] == "Syrian Arab Army" and shelled["inter1"] == "1"
    assert shelled["location"] == "Deir ez-Zor" and shelled["geo_precision"] == "1"
    assert shelled["fatalities"] == ""  # never a fake 0
    assert shelled["notes"].startswith("Syrian government forces shelled")
    # The text gives no date for the air strike and the attack: no row (never a publication
    # date standing in for the event's); their types map all the same.
    assert _by_trigger(docs, "struck").id not in rows
    assert _by_trigger(docs, "attacked").id not in rows
    with Store(db, read_only=True) as store:
        flat = {r["trigger"]: r for r in store.events()}
    assert acled_type(flat["struck"])[2] == "Air/drone strike"
    assert acled_type(flat["attacked"])[1:] == ("Battles", "Armed clash")
    protest = rows[_by_trigger(docs, "marched").id]
    assert (protest["event_type"], protest["sub_event_type"]) == ("Protests", "Peaceful protest")
    assert protest["inter1"] == "6" and protest["country"] == "Lebanon"
    pounded = rows[_by_trigger(docs, "pounded").id]
    # the outlets of its situation: Anti-Media told the same shelling
    assert pounded["source"] == "Reuters; Anti-Media; Syrian Observatory for Human Rights"
    assert pounded["sitmap_sources"] == "2"
    assert (
        pounded["sitmap_situation_id"]
        == rows[_by_trigger(docs, "shelled").id]["sitmap_situation_id"]
    )
    assert protest["source"] == "Reuters" and protest["sitmap_sources"] == "1"


def test_export_acled_counts_what_it_leaves_out(db: Path, docs, tmp_path: Path) -> None:
    summary, _, rows = _read_acled(db, tmp_path)
    assert summary["written"] == len(rows) == 3
    assert summary["skipped"] == {"not an ACLED event type": 2, "status negated": 1, "no date": 2}
    assert _by_trigger(docs, "met").id not in rows  # CONSULT: not an ACLED event


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({"plover": "ASSAULT", "mode": "abduct"}, "Abduction/forced disappearance"),
        ({"plover": "ASSAULT", "target_sector": "civilians"}, "Attack"),
        ({"plover": "ASSAULT", "mode": "sexual"}, "Sexual violence"),
        ({"plover": "ASSAULT", "mode": "suicide"}, "Suicide bomb"),
        ({"plover": "ASSAULT", "mode": "grenade"}, "Grenade"),
        # an assault on an armed side, or a fight, is an armed clash; any other an attack
        ({"plover": "ASSAULT", "trigger": "ambushed", "target_sector": "police"}, "Armed clash"),
        ({"plover": "ASSAULT", "trigger": "clashed", "source_sector": "militia"}, "Armed clash"),
        ({"plover": "ASSAULT", "trigger": "shot", "source_sector": "unidentified"}, "Attack"),
        (
            {"plover": "ASSAULT", "source_sector": "police", "target_sector": "protesters"},
            "Excessive force against protesters",
        ),
        (
            {"plover": "COERCE", "trigger": "dispersed", "target_sector": "protesters"},
            "Protest with intervention",
        ),
        ({"plover": "ASSAULT", "trigger": "lynched", "source_sector": "rioters"}, "Mob violence"),
        (
            {"plover": "PROTEST", "trigger": "rampaged", "source_sector": "rioters"},
            "Violent demonstration",
        ),
        (
            {"plover": "ASSAULT", "trigger": "captured", "source_sector": "military"},
            "Government regains territory",
        ),
        (
            {"plover": "ASSAULT", "trigger": "seized", "source_sector": "insurgents"},
            "Non-violent transfer of territory",  # no fight told with it: no mode
        ),
        (
            {
                "plover": "ASSAULT",
                "trigger": "seized",
                "source_sector": "insurgents",
                "mode": "clash",
            },
            "Non-state actor overtakes territory",
        ),
        ({"plover": "PROTEST", "trigger": "rioted"}, "Violent demonstration"),
        ({"plover": "COERCE", "trigger": "arrested"}, "Arrests"),
        ({"plover": "AGREE", "trigger": "signed"}, "Agreement"),
        ({"plover": "ACCUSE", "trigger": "accused"}, None),
        ({"plover": "COERCE", "trigger": "pressured"}, None),
    ],
)
def test_export_acled_type_rules(row: dict, expected: str | None) -> None:
    kind = acled_type(row)
    assert (kind[2] if kind else None) == expected


def test_export_gdelt_columns_and_codes(db: Path, docs, tmp_path: Path) -> None:
    out = tmp_path / "gdelt.tsv"
    summary = export(db, "gdelt", out)
    with out.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        rows = list(reader)
    assert reader.fieldnames == [*GDELT_COLUMNS, *GDELT_EXTRA] and len(GDELT_COLUMNS) == 61
    assert summary["written"] == len(rows) == 4
    assert summary["skipped"] == {"status negated": 1, "status predicted": 1, "no date": 2}
    by_name = {(r["Actor1Code"], r["EventRootCode"], r["SOURCEURL"]): r for r in rows}
    shelled = by_name[("SYRMIL", "19", "antimedia/deir.txt")]
    assert shelled["SQLDATE"] == "20170911" and shelled["MonthYear"] == "201709"
    assert (shelled["EventCode"], shelled["EventBaseCode"], shelled["QuadClass"]) == (
        "190", "190", "4")  # fmt: skip
    assert shelled["GoldsteinScale"] == "-10.0"
    assert shelled["Actor1CountryCode"] == "SYR" and shelled["Actor1Type1Code"] == "MIL"
    assert shelled["ActionGeo_FeatureID"] == "170794" and shelled["ActionGeo_Type"] == "4"
    assert shelled["ActionGeo_FullName"] == "Deir ez-Zor, Syria"
    assert shelled["IsRootEvent"] == "1"
    assert (shelled["sitmap_status"], shelled["sitmap_confidence"]) == ("quoted", "0.8")
    # Corroborated by the Reuters report of the same shelling: two articles, two outlets.
    assert (shelled["NumArticles"], shelled["NumSources"]) == ("2", "2")
    met = next(r for r in rows if r["EventRootCode"] == "04")
    assert (met["EventCode"], met["QuadClass"], met["GoldsteinScale"]) == ("040", "1", "1.0")
    assert (met["NumArticles"], met["NumMentions"]) == ("1", "1")
    assert met["IsRootEvent"] == "0"
    assert met["SOURCEURL"] == "https://www.reuters.com/article/lebanon-protest"
    assert met["AvgTone"] == "" and met["Actor1Geo_Lat"] == ""


def test_export_geojson_counts_events_without_place(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "e.geojson"
    summary = export(db, "geojson", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == summary["written"] == 6
    assert data["skipped"] == summary["skipped"] == {"no coordinates": 2}
    f = next(f for f in data["features"] if f["properties"]["trigger"] == "shelled")
    assert f["geometry"] == {"type": "Point", "coordinates": [40.14084, 35.33588]}
    assert f["properties"]["event_date"] == "2017-09-11"
    assert f["properties"]["attribution"][1]["name"] == "Syrian defence ministry"
    assert f["properties"]["confidence"] == 0.8


@pytest.mark.parametrize("fmt", ["acled", "gdelt", "geojson", "csv"])
def test_export_min_confidence_keeps_likely_events(db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"e.{fmt}"
    summary = export(db, fmt, out, min_confidence=0.85)
    text = out.read_text(encoding="utf-8")
    # only the Beirut protest (0.9) and meeting (0.9, not an ACLED type) pass 0.85
    assert summary["written"] == (1 if fmt == "acled" else 2)
    assert "marched" in text or "Beirut" in text
    assert "Deir ez-Zor" not in text


def test_export_parquet_every_table(db: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    folder = tmp_path / "pq"
    summary = export(db, "parquet", folder)
    assert sorted(Path(f).name for f in summary["files"]) == sorted(
        f"{t}.parquet" for t in (*TABLES, "schema_version")
    )
    events = pq.read_table(folder / "events.parquet")
    assert events.num_rows == 8 and "record" in events.column_names
    assert set(FLAT_EVENT_COLUMNS) <= set(events.column_names)
    documents = pq.read_table(folder / "documents.parquet")
    assert documents.num_rows == 4
    assert sorted(documents.column("source").to_pylist()) == [
        "Anti-Media", "Anti-Media", "Reuters", "Reuters"]  # fmt: skip


def test_export_errors(db: Path, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown export format"):
        export(db, "xml", tmp_path / "x")
    with pytest.raises(ExportError, match="output folder"):
        export(db, "parquet", None)


def test_export_document_place_only_when_asked(tmp_path: Path) -> None:
    docs = sample_documents()
    struck = _by_trigger(docs, "struck")
    struck.place_basis = "document"  # the article's main place, not what the text says
    struck.date = DateExpr(text="on Tuesday", start=0, end=0, date="2017-09-12", precision="day")
    path = tmp_path / "doc-place.duckdb"
    with Store(path) as store:
        store.write_many(docs)
    out = tmp_path / "e.geojson"
    summary = export(path, "geojson", out)
    triggers = {f["properties"]["trigger"] for f in json.loads(out.read_text())["features"]}
    assert "struck" not in triggers and summary["skipped"]["no coordinates"] == 3
    export(path, "geojson", out, document_places=True)
    features = json.loads(out.read_text())["features"]
    kept = next(f for f in features if f["properties"]["trigger"] == "struck")
    assert kept["properties"]["place_basis"] == "document"
    acled = tmp_path / "e.csv"
    export(path, "acled", acled)
    assert "struck" not in acled.read_text()  # no coordinates without the guessed place
    export(path, "acled", acled, document_places=True)
    row = next(r for r in csv.DictReader(acled.open()) if "struck" in r["notes"])
    assert row["geo_precision"] == "2"  # a guessed place is never precise
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("8", "2", "28")


def test_export_acled_fatalities_only_where_the_text_states_them(tmp_path: Path) -> None:
    docs = sample_documents()
    struck = _by_trigger(docs, "struck")
    struck.fatalities = 4
    struck.date = DateExpr(text="on Tuesday", start=0, end=0, date="2017-09-12", precision="day")
    path = tmp_path / "f.duckdb"
    with Store(path) as store:
        store.write_many(docs)
        assert store.sql("SELECT max(fatalities) FROM events")[1] == [(4,)]
    _, _, rows = _read_acled(path, tmp_path)
    assert rows[struck.id]["fatalities"] == "4"
    assert rows[_by_trigger(docs, "shelled").id]["fatalities"] == ""


def test_no_export_invents_a_date_the_text_does_not_give(db: Path, docs, tmp_path: Path) -> None:
    """The air strike's text gives no date: every flat export leaves its event date empty and
    carries the publication date in its own column (issue 12, item 5)."""
    import pyarrow.parquet as pq

    struck = _by_trigger(docs, "struck")
    assert struck.date is None
    export(db, "jsonl", tmp_path / "e.jsonl")
    lines = (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()
    row = next(r for r in map(json.loads, lines) if r["id"] == struck.id)
    assert row["event_date"] is None and row["date"] is None and row["published"]
    export(db, "csv", tmp_path / "e.csv")
    with (tmp_path / "e.csv").open(encoding="utf-8", newline="") as fh:
        flat = next(r for r in csv.DictReader(fh) if r["id"] == struck.id)
    assert flat["event_date"] == "" and flat["published"]
    export(db, "geojson", tmp_path / "e.geojson")
    features = json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))["features"]
    props = next(f["properties"] for f in features if f["properties"]["id"] == struck.id)
    assert props["event_date"] is None
    export(db, "parquet", tmp_path / "pq")
    table = pq.read_table(tmp_path / "pq" / "events.parquet").to_pylist()
    assert next(r for r in table if r["id"] == struck.id)["event_date"] is None
