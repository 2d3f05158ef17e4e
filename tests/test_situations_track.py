"""Outlet track record and ``sitmap check`` on hand-built stores (no spaCy needed)."""

from __future__ import annotations

import json
import math

import pytest
from _situation_samples import report
from typer.testing import CliRunner

from sitmap import situations
from sitmap.cli import app
from sitmap.situations import track
from sitmap.situations.check import check_document
from sitmap.store import Store

BOMB = ("A truck bomb killed more than 200 people in central Mogadishu on Saturday, police "
        "said.")  # fmt: skip
BOMB_OTHER = ("Hundreds died when al-Shabaab militants detonated an explosives-laden lorry in "
              "Mogadishu on Saturday.")  # fmt: skip
KISMAYO = "A suicide bomber killed four soldiers in Kismayo on Friday."
WARNING = "Analysts warned that al-Shabaab will attack Mogadishu again."
WARNING_2 = "Analysts warned that al-Shabaab will attack Kismayo next year."


def _docs():
    return [
        report("Demo Wire", "2017-10-15", BOMB, trigger="killed", place="Mogadishu",
               date="2017-10-14"),
        report("Horn Observer", "2017-10-16", BOMB_OTHER, trigger="detonated",
               source="al-Shabaab", place="Mogadishu", date="2017-10-14"),
        report("Horn Observer", "2017-10-21", KISMAYO, trigger="killed", place="Kismayo",
               date="2017-10-20"),
        report("Daily Planet", "2017-10-01", WARNING, trigger="attack", source="al-Shabaab",
               place="Mogadishu", status="predicted"),
        report("Daily Planet", "2017-06-01", WARNING_2, trigger="attack", source="al-Shabaab",
               place="Kismayo", status="predicted", date="2018-01-01", precision="year"),
    ]  # fmt: skip


@pytest.fixture
def store():
    s = Store(":memory:")
    s.write_many(_docs())
    situations.build(s)
    yield s
    s.close()


def test_situations_track_wilson_interval_hand_computed() -> None:
    lo, hi = track.wilson(8, 10)
    # p = 0.8, n = 10, z = 1.96: centre (0.8 + 0.19208) / 1.38416, half-width from the formula
    assert math.isclose(lo, 0.4902, abs_tol=1e-4) and math.isclose(hi, 0.9433, abs_tol=1e-4)
    assert track.wilson(0, 0) is None
    assert track.wilson(0, 5)[0] == 0.0 and track.wilson(5, 5)[1] == 1.0


def test_situations_track_outlets(store) -> None:
    rows = {r["outlet"]: r for r in track.outlets(store)}
    horn, wire, planet = rows["Horn Observer"], rows["Demo Wire"], rows["Daily Planet"]
    # Horn Observer: the bomb (corroborated by Demo Wire, a day later) and Kismayo (alone).
    assert horn["claims"] == 2
    assert (horn["corroborated"]["k"], horn["corroborated"]["n"]) == (1, 2)
    assert horn["corroborated"]["ci95"] == [round(v, 4) for v in track.wilson(1, 2)]
    assert (horn["alone"]["k"], horn["first"]["k"], horn["first"]["n"]) == (1, 0, 1)
    assert (wire["first"]["k"], wire["first"]["n"]) == (1, 1)  # published the bomb first
    # Daily Planet: one prediction fulfilled (Mogadishu), one still open (2018).
    assert planet["predictions"]["fulfilled"] == 1 and planet["predictions"]["open"] == 1
    assert planet["predictions"]["fulfilled_share"]["n"] == 1
    assert planet["by_status"]["predicted"] == 2 and planet["claims"] == 0


def test_situations_track_corroboration_window_is_seven_days() -> None:
    late = report("Horn Observer", "2017-10-30", BOMB_OTHER.replace("on Saturday", "two weeks "
                  "ago"), trigger="detonated", source="al-Shabaab", place="Mogadishu",
                  date="2017-10-14")  # fmt: skip
    s = Store(":memory:")
    s.write_many([_docs()[0], late])
    situations.build(s)
    assert situations.query(s)[0]["sources"] == 2  # same event, told 15 days apart ...
    rows = {r["outlet"]: r for r in track.outlets(s)}
    assert rows["Horn Observer"]["corroborated"]["k"] == 0  # ... but not within 7 days


def test_situations_check_document_lists_corroboration_and_conflicts(store) -> None:
    claim = report("Example Blog", "2017-10-17", "Militants of al-Shabaab bombed Mogadishu on "
                   "Sunday, killing hundreds.", trigger="bombed", source="al-Shabaab",
                   place="Mogadishu", date="2017-10-15")  # fmt: skip
    result = check_document(store, claim)
    (ev,) = result["events"]
    assert ev["verdict"] == "corroborated"
    (sit,) = ev["situations"]
    assert {c["outlet"] for c in sit["corroborating"]} == {"Demo Wire", "Horn Observer"}
    assert all(c["url"] and c["evidence"] for c in sit["corroborating"])
    assert {(c["field"], c["theirs"], c["ours"]) for c in sit["conflicts"]} == {
        ("date", "2017-10-14", "2017-10-15")}  # fmt: skip
    assert result["article_id"] == claim.id and ev["article_url"] == claim.url
    assert "1 of 1 claims corroborated" in result["summary"]
    assert not store.has_document(claim.id)  # nothing stored


def test_situations_check_document_not_found_and_same_voice(store) -> None:
    elsewhere = report("Example Blog", "2017-10-17", "A car bomb killed ten people in Kismayo "
                       "on Sunday.", trigger="killed", place="Kismayo",
                       date="2017-10-15")  # fmt: skip
    assert check_document(store, elsewhere)["events"][0]["verdict"] == "not found"
    own = report("Demo Wire", "2017-10-16", BOMB + " Rescuers searched the rubble.",
                 trigger="killed", place="Mogadishu", date="2017-10-14")  # fmt: skip
    (ev,) = check_document(store, own)["events"]
    # Demo Wire's own earlier report is the same voice; Horn Observer still corroborates
    assert [c["outlet"] for s in ev["situations"] for c in s["same_voice"]] == ["Demo Wire"]
    assert ev["verdict"] == "corroborated"


def test_situations_cli_situations_and_outlets(tmp_path) -> None:
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        s.write_many(_docs())  # events, no situations yet: --rebuild merges them
    runner = CliRunner()
    out = runner.invoke(app, ["situations", "--db", str(db), "-f", "json"])
    assert out.exit_code == 0 and json.loads(out.output) == []
    args = ["situations", "--db", str(db), "--min-sources", "2", "-f", "json", "--rebuild"]
    out = runner.invoke(app, args)
    assert out.exit_code == 0, out.output
    (sit,) = json.loads(out.output)
    assert sit["sources"] == 2 and len(sit["members"]) == 2
    assert all(m["url"] and m["doc_id"] and m["event_id"] for m in sit["members"])
    out = runner.invoke(app, ["situations", "--db", str(db), "-f", "csv", "--type", "ASSAULT"])
    assert out.exit_code == 0 and "urls" in out.output.splitlines()[0]
    out = runner.invoke(app, ["outlets", "--db", str(db), "--format", "csv"])
    assert out.exit_code == 0 and "Horn Observer" in out.output
    out = runner.invoke(app, ["outlets", "--db", str(db), "--format", "table"])
    assert "not truth" in out.output
    out = runner.invoke(app, ["situations", "--db", str(tmp_path / "none.duckdb")])
    assert out.exit_code != 0


KIRKUK_WIRE = ("Iraqi government forces seized the city of Kirkuk on Monday after Kurdish "
               "Peshmerga fighters withdrew from positions around the oil-rich province, Iraqi "
               "officials said.")  # fmt: skip
KIRKUK_OTHER = ("Iraqi troops captured Kirkuk on Monday as Kurdish Peshmerga forces pulled out "
                "of the city without a fight, Iraqi commanders said.")  # fmt: skip


@pytest.mark.model
def test_situations_check_end_to_end_with_the_pipeline(tmp_path) -> None:
    """Real text through ingest and check: told in other words by another outlet, it merges;
    the checked article is corroborated by both outlets, with their urls, and is not stored."""
    from sitmap.corpus import ingest

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in [
        {"id": "1", "title": "Iraqi forces take Kirkuk", "text": KIRKUK_WIRE,
         "published": "2017-10-17", "source": "Demo Wire", "url": "https://wire.example/1"},
        {"id": "2", "title": "Peshmerga pull out of Kirkuk", "text": KIRKUK_OTHER,
         "published": "2017-10-17", "source": "Gulf Monitor", "url": "https://gulf.example/2"},
    ]) + "\n", encoding="utf-8")  # fmt: skip
    db = tmp_path / "k.duckdb"
    ingest([corpus], db=db, workers=1)
    with Store.reader(db) as store:
        (sit,) = [s for s in situations.query(store, plover="ASSAULT") if s["sources"] == 2]
        assert sit["place_name"] == "Kirkuk" and sit["event_date"] == "2017-10-16"
    claim = tmp_path / "claim.txt"
    claim.write_text("Iraqi forces captured Kirkuk on Monday after Kurdish fighters withdrew "
                     "from the city.\n", encoding="utf-8")  # fmt: skip
    args = ["--published", "2017-10-18", "--source", "Example Blog", "-f", "json"]
    out = CliRunner().invoke(app, ["check", str(claim), "--db", str(db), *args])
    assert out.exit_code == 0, out.output
    (article,) = json.loads(out.output)
    verdicts = {e["plover"]: e for e in article["events"]}
    urls = {c["url"] for s in verdicts["ASSAULT"]["situations"] for c in s["corroborating"]}
    assert verdicts["ASSAULT"]["verdict"] == "corroborated"
    assert urls == {"https://wire.example/1", "https://gulf.example/2"}
    with Store.reader(db) as store:
        assert store.stats()["documents"] == 2  # nothing stored


def test_situations_check_same_voice_is_the_situations_copy_test(store) -> None:
    # Another outlet re-running Demo Wire's bomb sentence with a word added: a copy, so the
    # same voice, as the situation's record counts it; Horn Observer's own telling corroborates.
    rerun = report("Example Blog", "2017-10-16", BOMB.replace("police said", "police officials "
                   "said"), trigger="killed", place="Mogadishu", date="2017-10-14")  # fmt: skip
    (ev,) = check_document(store, rerun)["events"]
    (sit,) = ev["situations"]
    assert [c["outlet"] for c in sit["same_voice"]] == ["Demo Wire"]
    assert [c["outlet"] for c in sit["corroborating"]] == ["Horn Observer"]
    # Horn Observer's short Kismayo sentence told by another outlet with "police said" added:
    # too short to be a telling of its own (fewer than ten words of three letters or more, a
    # stock sentence), so another voice, though over every word it would pass for a copy.
    short = report("Example Blog", "2017-10-21", KISMAYO.replace(".", ", police said."),
                   trigger="killed", place="Kismayo", date="2017-10-20")  # fmt: skip
    (ev,) = check_document(store, short)["events"]
    (sit,) = ev["situations"]
    assert [c["outlet"] for c in sit["corroborating"]] == ["Horn Observer"]
    assert not sit["same_voice"] and ev["verdict"] == "corroborated"
