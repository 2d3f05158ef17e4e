"""ACLED/GTD record scoring: hand-computed scores on records written for the tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitmap.errors import InputError
from sitmap.evaluate.acled import (
    ConflictRecord,
    evaluate_conflict,
    read_conflict_gold,
    strip_remarks,
)
from sitmap.model import Actor, DateExpr, Document, Event, Place

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "gold"


def acled(**fields) -> dict:
    """An ACLED-style record (invented) with the fields the scorer reads."""
    base = {
        "event_id_cnty": "XYZ1",
        "event_date": "2019-02-01",
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "actor1": "Unidentified Armed Group (Kenya)",
        "inter1": 3,
        "actor2": "Civilians (Kenya)",
        "inter2": 7,
        "country": "Kenya",
        "iso3": "KEN",
        "admin1": "Garissa",
        "latitude": 0.45,
        "longitude": 39.65,
        "time_precision": 1,
        "fatalities": 2,
        "notes_date_matches_event_date": True,
        "text": "On 1 February 2019, gunmen shot dead two herders near Garissa.",
    }
    return {**base, **fields}


def event(
    plover: str = "ASSAULT",
    *,
    mode: str | None = None,
    trigger: str = "shot",
    source: Actor | None = None,
    target: Actor | None = None,
    place: Place | None = None,
    day: str | None = None,
) -> Event:
    return Event(
        doc_id="d",
        sentence=0,
        start=0,
        end=10,
        evidence="",
        trigger=trigger,
        plover=plover,
        cameo="18",
        mode=mode,
        source=source,
        target=target,
        place=place,
        date=DateExpr(text=day, start=0, end=1, date=day) if day else None,
    )


def actor(code: str, sector: str | None, country: str | None) -> Actor:
    return Actor(text=code, start=0, end=1, code=code, sector=sector, country=country)


GARISSA = Place(
    text="Garissa",
    start=0,
    end=7,
    name="Garissa",
    country="KE",
    admin1="Garissa",
    lat=0.4532,
    lon=39.6461,
)
NAIROBI = Place(
    text="Nairobi",
    start=0,
    end=7,
    name="Nairobi",
    country="KE",
    admin1="Nairobi",
    lat=-1.2833,
    lon=36.8167,
)


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("Police dispersed the crowd. [size=no report]", "Police dispersed the crowd."),
        (
            "Rebels took the village of Ndoula, coded to Gamboula (Gamboula, Mambere-Kadei). "
            "Soldiers fled.",
            "Rebels took the village of Ndoula. Soldiers fled.",
        ),
        (
            "Soldiers clashed with rebels in Vakaga prefecture (coded as Birao). "
            "Fatalities coded as 3.",
            "Soldiers clashed with rebels in Vakaga prefecture.",
        ),
        ("Arrests: Police arrested two men in Kisumu.", "Police arrested two men in Kisumu."),
        (
            "Three fatalities were reported, split in two events.",
            "Three fatalities were reported.",
        ),
    ],
)
def test_strip_remarks_removes_coder_text(note, expected):
    assert strip_remarks(note) == expected


def test_acled_record_reads_types_precision_and_actor_country():
    rec = ConflictRecord.from_dict(
        acled(actor1="Police Forces of Kenya (2013-)", inter1=1, time_precision=2), 1
    )
    assert rec.kind == "acled" and rec.types == frozenset({"ASSAULT"})
    assert rec.precision == "week" and rec.actor1_country == "KEN" and rec.state_forces
    other = ConflictRecord.from_dict(
        acled(sub_event_type="Other", event_type="Strategic developments"), 2
    )
    assert other.types is None  # ACLED "Other": any type
    # ACLED's user-assigned code for Kosovo is sitmap's CAMEO code, by the country's name
    kosovo = ConflictRecord.from_dict(
        acled(actor1="Police Forces of Kosovo (2017-)", inter1=1, country="Kosovo", iso3="XKX"), 3
    )
    assert (kosovo.country, kosovo.actor1_country, kosovo.state_forces) == ("KSV", "KSV", True)


def test_scores_some_event_right_per_record_hand_computed():
    # Record A: two events; the second is right on type, sub-event (Attack: ASSAULT on
    # civilians), date, place, admin1 and actor; neither has fatalities -> fatalities wrong.
    # Record B (a protest in Nairobi, week precision): one PROTEST event dated 3 days later in
    # the same ISO week, placed in Garissa (330 km away) -> type, sub-event, date right; place
    # and admin1 wrong; actor1 "Protesters (Kenya)" [6] matched by KENPRO.
    # Record C: nothing found -> every measure wrong.
    a = ConflictRecord.from_dict(acled(), 1)
    b = ConflictRecord.from_dict(
        acled(
            event_id_cnty="XYZ2",
            event_type="Protests",
            sub_event_type="Peaceful protest",
            actor1="Protesters (Kenya)",
            inter1=6,
            actor2="",
            inter2=0,
            admin1="Nairobi",
            latitude=-1.28,
            longitude=36.82,
            time_precision=2,
            event_date="2019-02-05",
            fatalities=0,
        ),
        2,
    )
    c = ConflictRecord.from_dict(acled(event_id_cnty="XYZ3", fatalities=0), 3)
    civilians = actor("KENCVL", "civilians", "KEN")
    gunmen = actor("KENUAF", "unidentified", "KEN")
    doc_a = Document(text="a")
    doc_a.events = [
        event("PROTEST", trigger="marched", place=NAIROBI, day="2019-01-30"),
        event(source=gunmen, target=civilians, place=GARISSA, day="2019-02-01"),
    ]
    doc_b = Document(text="b")
    doc_b.events = [
        event(
            "PROTEST",
            trigger="protested",
            source=actor("KENPRO", "protesters", "KEN"),
            place=GARISSA,
            day="2019-02-07",
        ),
    ]
    scores = evaluate_conflict([a, b, c], [doc_a, doc_b, Document(text="c")]).to_dict()
    m = {k: (v["correct"], v["total"]) for k, v in scores["measures"].items()}
    assert m["detected"] == (2, 3)
    assert m["type"] == (2, 3)
    assert m["sub_event_type"] == (2, 3)
    assert m["date"] == (2, 3)
    assert m["place_50km"] == (1, 3)
    assert m["admin1"] == (1, 3)
    assert m["actor1"] == (2, 3)
    assert m["fatalities"] == (0, 1)  # only record A states fatalities
    assert "state_forces" not in m  # no state-forces actor in any record
    missed = {(e["id"], e["measure"]) for e in scores["errors"]}
    assert ("XYZ2", "place_50km") in missed and ("XYZ1", "place_50km") not in missed


def test_week_precision_is_the_same_iso_week_only():
    rec = ConflictRecord.from_dict(acled(time_precision=2, event_date="2019-02-03"), 1)  # Sunday
    doc = Document(text="x")
    doc.events = [event(day="2019-02-04")]  # next Monday: another ISO week
    m = evaluate_conflict([rec], [doc]).to_dict()["measures"]
    assert m["date"]["correct"] == 0


def test_gtd_record_and_bad_lines(tmp_path):
    good = {
        "text": "01/17/2013: A bomb exploded in Tacoma.",
        "date": "2013-01-17",
        "attacktype1_txt": "Bombing/Explosion",
        "latitude": 47.25,
        "longitude": -122.44,
        "provstate": "Washington",
        "gname": "Unknown",
        "nkill": 0.0,
    }
    path = tmp_path / "gtd.jsonl"
    path.write_text(json.dumps(good) + "\n")
    (rec,) = read_conflict_gold(path)
    assert rec.kind == "gtd" and rec.types == frozenset({"ASSAULT"}) and rec.fatalities == 0
    path.write_text(json.dumps({"text": "no coding"}) + "\n")
    with pytest.raises(InputError, match=r"gtd\.jsonl:1"):
        read_conflict_gold(path)


@pytest.mark.skipif(not (SHARED / "acled-dev.jsonl").is_file(), reason="needs ../shared")
def test_reads_the_development_files():
    records = read_conflict_gold(SHARED / "acled-dev.jsonl")
    assert len(records) == 733 and all(r.kind == "acled" for r in records)
    assert sum(r.date_stated for r in records) == 397
    gtd = read_conflict_gold(SHARED / "gtd-dev.jsonl")
    assert len(gtd) == 293 and all(r.kind == "gtd" for r in gtd)


def test_date_with_year_counts_only_notes_whose_date_has_its_year():
    """ "On 1 February 2019," can be dated from the note alone; "On February 1," only with a
    publication date (these records carry no ``timestamp``): both count for ``date``, only the
    first for ``date_with_year``."""
    full = ConflictRecord.from_dict(acled(), 1)
    bare = ConflictRecord.from_dict(
        acled(event_id_cnty="XYZ2", text="On February 1, gunmen shot dead two herders."), 2
    )
    dated = Document(text="a")
    dated.events = [event(day="2019-02-01")]
    undated = Document(text="b")
    undated.events = [event(day=None)]
    m = evaluate_conflict([full, bare], [dated, undated]).to_dict()["measures"]
    assert (m["date"]["correct"], m["date"]["total"]) == (1, 2)
    assert (m["date_with_year"]["correct"], m["date_with_year"]["total"]) == (1, 1)


def test_admin1_counts_only_in_the_records_country():
    # A Sri Lankan note whose admin1 is "Northern": an event placed in Ghana's Northern region
    # has the same admin1 name but the wrong country -> admin1 wrong; one placed in Sri Lanka's
    # Northern Province -> right.
    rec = ConflictRecord.from_dict(
        acled(country="Sri Lanka", iso3="LKA", admin1="Northern", latitude=9.27, longitude=80.81),
        1,
    )
    ghana = Place(
        text="Northern",
        start=0,
        end=8,
        name="Northern",
        country="GH",
        admin1="Northern",
        lat=9.5,
        lon=-1.0,
    )
    lanka = Place(
        text="Mullaitivu",
        start=0,
        end=10,
        name="Mullaitivu",
        country="LK",
        admin1="Northern Province",
        lat=9.27,
        lon=80.81,
    )
    wrong, right = Document(text="w"), Document(text="r")
    wrong.events = [event(place=ghana, day="2019-02-01")]
    right.events = [event(place=lanka, day="2019-02-01")]
    for doc, expected in ((wrong, (0, 1)), (right, (1, 1))):
        m = evaluate_conflict([rec], [doc]).to_dict()["measures"]
        assert (m["admin1"]["correct"], m["admin1"]["total"]) == expected


def test_a_note_is_published_at_its_records_timestamp():
    """ACLED's ``timestamp`` (the record's upload, Unix seconds) is the note's publication
    date: "On April 11," in a note uploaded on 2 May 2019 is 11 April 2019, as in any dated
    report; the record's own ``event_date`` is never read to date it. GTD has none."""
    from sitmap.evaluate.acled import predict

    note = "On April 11, gunmen shot dead a trader in his shop near Kaya."
    rec = ConflictRecord.from_dict(
        acled(event_date="2019-04-11", text=note, timestamp=1556755200),
        1,  # 2019-05-02
    )
    assert str(rec.published) == "2019-05-02"
    assert ConflictRecord.from_dict(acled(timestamp="n/a"), 2).published is None
    docs, _ = predict([rec])
    assert "2019-04-11" in {e.date.date for e in docs[0].events if e.date}
    m = evaluate_conflict([rec], docs).to_dict()["measures"]
    assert m["date_month_day"]["correct"] == 1
    assert m.get("date_with_year", {}).get("total", 0) == 0


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "plover", "right"),
    [
        # a crowd's burning or looting is COERCE in PLOVER (CAMEO 1711/1712), a riot to ACLED
        ("Riots", "Violent demonstration", "COERCE", True),
        ("Riots", "Mob violence", "COERCE", True),
        # an armed group's detention of people: ACLED's abduction, PLOVER's COERCE
        ("Violence against civilians", "Abduction/forced disappearance", "COERCE", True),
        ("Violence against civilians", "Attack", "COERCE", False),
        ("Protests", "Peaceful protest", "COERCE", False),
    ],
)
def test_type_accepts_the_plover_types_that_code_the_acled_type(
    event_type, sub_event_type, plover, right
):
    rec = ConflictRecord.from_dict(acled(event_type=event_type, sub_event_type=sub_event_type), 1)
    doc = Document(text="x")
    doc.events = [event(plover, trigger="burned")]
    m = evaluate_conflict([rec], [doc]).to_dict()["measures"]["type"]
    assert (m["correct"] == 1) is right
