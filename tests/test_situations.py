"""Situations: the merge rules, sources, predictions, incremental merging (no spaCy needed).

The documents are hand-built (``_situation_samples.report``): one sentence each, as different
outlets tell the same or different events, with the events sitmap's stages give for them.
"""

from __future__ import annotations

import pytest
from _situation_samples import built as _store
from _situation_samples import merged as _merged
from _situation_samples import report

from sitmap import situations
from sitmap.situations import rules, tables
from sitmap.store import Store

WIRE = ("A truck bomb killed more than 200 people in central Mogadishu on Saturday, police "
        "said, the deadliest attack in Somalia in years.")  # fmt: skip
OTHER_WORDS = ("Hundreds died when al-Shabaab militants detonated an explosives-laden lorry "
               "at a busy junction in Mogadishu.")  # fmt: skip


def bomb(outlet: str, published: str, sentence: str = WIRE, **kw):
    kw.setdefault("trigger", "killed" if "killed" in sentence else "detonated")
    kw.setdefault("place", "Mogadishu")
    return report(outlet, published, sentence, **kw)


def test_situations_pair_told_in_different_words_merges() -> None:
    store = _store(
        bomb("Demo Wire", "2017-10-15", date="2017-10-14"),
        bomb("Horn Observer", "2017-10-15", OTHER_WORDS, source="al-Shabaab"),
    )
    (sit,) = situations.query(store, nested=True)
    assert sit["sources"] == 2 and sit["events"] == 2 and sit["documents"] == 2
    assert sit["outlets"] == ["Demo Wire", "Horn Observer"]
    # canonical fields: the most precise date and actor the members give
    assert sit["event_date"] == "2017-10-14" and sit["source_code"] == "IMGINSSHB"
    assert sit["place_name"] == "Mogadishu" and sit["place_precision"] == "point"
    assert {m["url"] for m in sit["members"]} == {m["url"] for m in sit["members"] if m["url"]}
    assert sit["first_report"] == {"outlets": ["Demo Wire", "Horn Observer"],
                                   "published": "2017-10-15"}  # fmt: skip


def test_situations_same_place_a_week_later_does_not_merge() -> None:
    store = _store(
        bomb("Demo Wire", "2017-10-15", date="2017-10-14"),
        bomb("Horn Observer", "2017-10-22", "A car bomb killed five people in Mogadishu on "
             "Saturday.", date="2017-10-21"),
    )  # fmt: skip
    assert _merged(store) == [["Demo Wire"], ["Horn Observer"]]


def test_situations_same_day_far_away_does_not_merge() -> None:
    store = _store(
        bomb("Demo Wire", "2017-10-15", date="2017-10-14"),
        bomb("Horn Observer", "2017-10-15", "A suicide bomber killed four soldiers in Kismayo "
             "on Saturday.", place="Kismayo", date="2017-10-14"),
    )  # fmt: skip
    assert _merged(store) == [["Demo Wire"], ["Horn Observer"]]


def test_situations_same_day_and_place_other_kind_does_not_merge() -> None:
    store = _store(
        bomb("Demo Wire", "2017-10-15", date="2017-10-14"),
        report("Horn Observer", "2017-10-15", "Thousands of protesters marched in Mogadishu on "
               "Saturday against the government.", trigger="marched", plover="PROTEST",
               cameo="14", source="protesters", place="Mogadishu", date="2017-10-14"),
    )  # fmt: skip
    assert _merged(store) == [["Demo Wire"], ["Horn Observer"]]


def test_situations_wire_copy_adds_no_source() -> None:
    # The same wire sentence re-run by another outlet is one voice; an independent report
    # in other words is a second source.
    store = _store(
        bomb("Demo Wire", "2017-10-15", date="2017-10-14"),
        bomb("Capital Daily", "2017-10-15", WIRE + " ", date="2017-10-14"),
    )
    (sit,) = situations.query(store)
    assert sit["events"] == 2 and sit["sources"] == 1
    store.write_many([bomb("Horn Observer", "2017-10-16", OTHER_WORDS, source="al-Shabaab")])
    situations.build(store)
    (sit,) = situations.query(store)
    assert sit["events"] == 3 and sit["sources"] == 2


def test_situations_citing_outlet_is_not_independent() -> None:
    store = _store(
        bomb("Demo Wire", "2017-10-15", date="2017-10-14"),
        bomb("Capital Daily", "2017-10-15", OTHER_WORDS, status="reported", cited="Demo Wire"),
    )
    (sit,) = situations.query(store)
    assert sit["events"] == 2 and sit["sources"] == 1


def test_situations_near_duplicate_document_counts_as_article_not_source() -> None:
    store = Store(":memory:")
    first = bomb("Demo Wire", "2017-10-15", date="2017-10-14")
    store.write_many([first])
    copy = bomb("Capital Daily", "2017-10-15", WIRE + " Copyright Capital Daily.")
    store.add_duplicate(copy, duplicate_of=first.id, kind="near", similarity=0.9)
    updater = situations.Updater(store)
    updater.update(None)
    updater.count_copies()
    (sit,) = situations.query(store)
    assert sit["sources"] == 1 and sit["articles"] == 2 and sit["documents"] == 1


def test_situations_prediction_linked_to_fulfilment() -> None:
    prediction = report("Daily Planet", "2017-10-10", "Analysts warned that al-Shabaab will attack "
                        "Mogadishu again before the elections, analysts warned.", trigger="attack",
                        source="al-Shabaab", place="Mogadishu", status="predicted")  # fmt: skip
    store = _store(prediction, bomb("Demo Wire", "2017-10-15", date="2017-10-14"))
    pred = situations.query(store, status_group="predicted", nested=True)[0]
    fact = situations.query(store, status_group="factual", nested=True)[0]
    assert pred["fulfilled_by"] == fact["id"]
    assert fact["sources"] == 1  # the prediction is linked, never merged


def test_situations_prediction_not_merged_with_assertion_nor_linked_backwards() -> None:
    prediction = report("Daily Planet", "2017-10-20", "Analysts warned that al-Shabaab will "
                        "attack Mogadishu again.", trigger="attack", source="al-Shabaab",
                        place="Mogadishu", status="predicted")  # fmt: skip
    store = _store(prediction, bomb("Demo Wire", "2017-10-15", date="2017-10-14"))
    pred = situations.query(store, status_group="predicted")[0]
    assert pred["fulfilled_by"] is None  # the attack came before the prediction
    assert len(situations.query(store)) == 2


@pytest.mark.parametrize(
    ("a", "b", "points"),
    [
        (dict(code="SOMMIL", country="SOM"), dict(code="SOMMIL", country="SOM"), 1),
        (dict(code="SOM", country="SOM"), dict(code="SOMMIL", country="SOM"), 1),  # its sector
        (dict(code="SOMCOP", country="SOM"), dict(code="SOMMIL", country="SOM"), rules.CONFLICT),
        (dict(code="SOMMIL", country="SOM"), dict(code="KENMIL", country="KEN"), rules.CONFLICT),
        (dict(), dict(code="IMGINSSHB"), 0),  # unknown is compatible with known
        (dict(code="USAGOV", country="USA", kind="person", name="rex tillerson"),
         dict(code="USAGOV", country="USA", kind="person", name="james mattis"), rules.CONFLICT),
        (dict(code="USAGOV", country="USA", kind="person", name="rex tillerson"),
         dict(code="USAGOV", country="USA"), 1),  # a named official and his government
        (dict(code="RUSGOV", country="RUS", kind="person", name="vladimir putin"),
         dict(code="RUSGOV", country="RUS", kind="person", name="vladimir putin"), 2),
        # one person coded by two roles (opposition leader / former prime minister): the
        # very same full name in one country is the same person
        (dict(code="KENOPP", country="KEN", kind="person", name="raila odinga"),
         dict(code="KENGOV", country="KEN", kind="person", name="raila odinga"), 2),
        (dict(code="USAPTY", country="USA", kind="person", name="jane doe"),
         dict(code="BUS", kind="person", name="jane doe"), 2),  # no country against it
        (dict(code="KENOPP", country="KEN", kind="person", name="raila odinga"),
         dict(code="KENLEG", country="KEN", kind="person", name="oburu odinga"), rules.CONFLICT),
        (dict(code="SOMGOV", country="SOM", kind="person", name="mohamed abdi"),
         dict(code="KENGOV", country="KEN", kind="person", name="mohamed abdi"), rules.CONFLICT),
        (dict(code="USAPTY", country="USA", kind="person", name="moore"),
         dict(code="USAJUD", country="USA", kind="person", name="moore"), rules.CONFLICT),
        (dict(code="INS"), dict(code="SOMINSSHB"), 1),  # a bare sector and a named group of it
        (dict(code="COP"), dict(code="SOMINSSHB"), rules.CONFLICT),
        (dict(code="SOMUAF", country="SOM"), dict(code="SOMINSSHB"), 0),  # unidentified gunmen
    ],
)  # fmt: skip
def test_situations_rules_actor_points(a: dict, b: dict, points: int) -> None:
    x, y = rules.ActorKey(**a), rules.ActorKey(**b)
    assert rules.actor_points(x, y) == points
    # memoised: the same answer again, from equal keys, and after the memo is emptied
    assert rules.actor_points(rules.ActorKey(**a), rules.ActorKey(**b)) == points
    assert rules.actor_points(y, x) == rules._actor_points(y, x)
    rules._POINTS.clear()
    assert rules.actor_points(x, y) == points


def _key(**row):
    base = dict(id="e", doc_id="d", plover="ASSAULT", status="asserted", published="2017-10-15")
    return rules.key_of({**base, **row})


def test_situations_rules_place_precision() -> None:
    town = dict(geonameid=53654, country="SO", admin1="Banaadir", lat=2.037, lon=45.344,
                feature_class="P", feature_code="PPLC")  # fmt: skip
    near_town = dict(geonameid=58933, country="SO", admin1="Lower Shabeelle", lat=2.138,
                     lon=45.121, feature_class="P", feature_code="PPL")  # fmt: skip
    region = dict(geonameid=64833, country="SO", admin1="Banaadir", lat=2.06, lon=45.33,
                  feature_class="A", feature_code="ADM1")  # fmt: skip
    other_region = dict(region, geonameid=1, admin1="Lower Juba")
    k = _key(**town)
    assert rules.place_points(k, _key(**town)) == 3
    # another town 27 km away is another place (radius 25 km for towns) ...
    assert rules.place_points(k, _key(**near_town)) == rules.CONFLICT
    # ... but a district 27 km away may contain the town (radius 60 km)
    assert rules.place_points(_key(**dict(near_town, feature_class="A", feature_code="ADM2")),
                              k) == 2  # fmt: skip
    assert rules.place_points(k, _key(**region)) == 1  # the region that contains it
    assert rules.place_points(k, _key(**other_region)) == rules.CONFLICT
    assert rules.place_points(k, _key(**dict(town, country="KE", geonameid=2))) == rules.CONFLICT
    assert rules.place_points(k, _key()) == 0  # unknown place


def test_situations_rules_date_windows() -> None:
    day = _key(date="2017-10-14", date_precision="day")
    assert rules.date_points(day, _key(date="2017-10-14", date_precision="day")) == 1
    assert rules.date_points(day, _key(date="2017-10-15", date_precision="day")) == 1  # slack
    later = _key(date="2017-10-17", date_precision="day", published="2017-10-18")
    assert rules.date_points(day, later) == rules.CONFLICT
    assert rules.date_points(day, _key(date="2017-10-01", date_precision="month")) == 0
    assert rules.date_points(day, _key(date="2017-09-01", date_precision="month")) == (
        rules.CONFLICT
    )
    # no date in the text: the days up to publication
    assert rules.date_points(day, _key(published="2017-10-16")) == 0
    assert rules.date_points(day, _key(published="2017-10-25")) == rules.CONFLICT


def test_situations_incremental_equals_build_and_is_idempotent() -> None:
    docs = [
        bomb("Demo Wire", "2017-10-15", date="2017-10-14"),
        bomb("Horn Observer", "2017-10-15", OTHER_WORDS, source="al-Shabaab"),
        bomb("Horn Observer", "2017-10-22", "A car bomb killed five people in Mogadishu on "
             "Saturday.", date="2017-10-21"),
        bomb("Capital Daily", "2017-10-22", "Five people were killed by a car bomb in the "
             "Somali capital Mogadishu.", trigger="killed"),
        report("Daily Planet", "2017-10-10", "Analysts warned that al-Shabaab will attack "
               "Mogadishu again.", trigger="attack", source="al-Shabaab", place="Mogadishu",
               status="predicted"),
    ]  # fmt: skip
    incremental = Store(":memory:")
    updater = situations.Updater(incremental)
    for doc in reversed(docs):  # another order, one document at a time
        incremental.write_many([doc])
        updater.update([doc.id])
    full = _store(*docs)

    def snapshot(store: Store) -> list[tuple]:
        return [(s["id"], s["sources"], s["fulfilled_by"],
                 tuple(sorted(m["event_id"] for m in s["members"])))
                for s in situations.query(store, nested=True, limit=None)]  # fmt: skip

    assert snapshot(incremental) == snapshot(full)
    assert len(snapshot(full)) == 3
    assert [s[2] is not None for s in snapshot(full)].count(True) == 1  # the prediction's link
    situations.Updater(full).update([d.id for d in docs])  # a re-run changes nothing
    assert snapshot(full) == snapshot(_store(*docs))


def test_situations_disagreements_listed() -> None:
    store = _store(
        bomb("Demo Wire", "2017-10-15", date="2017-10-14"),
        bomb("Horn Observer", "2017-10-15", OTHER_WORDS, date="2017-10-15"),
    )
    (sit,) = situations.query(store, nested=True)
    (dis,) = sit["disagreements"]
    assert dis["field"] == "date"
    assert [(v["value"], v["outlets"]) for v in dis["values"]] == [
        ("2017-10-14", ["Demo Wire"]), ("2017-10-15", ["Horn Observer"])]  # fmt: skip


def test_situations_query_filters() -> None:
    store = _store(
        bomb("Demo Wire", "2017-10-15", date="2017-10-14"),
        bomb("Horn Observer", "2017-10-15", OTHER_WORDS, source="al-Shabaab"),
        bomb("Horn Observer", "2017-10-22", "A suicide bomber killed four soldiers in Kismayo "
             "on Saturday.", place="Kismayo", date="2017-10-21"),
    )  # fmt: skip
    assert len(situations.query(store)) == 2
    assert [s["sources"] for s in situations.query(store, min_sources=2)] == [2]
    assert [s["place_name"] for s in situations.query(store, since="2017-10-20")] == ["Kismayo"]
    assert len(situations.query(store, outlet="demo wire")) == 1
    assert len(situations.query(store, near=(2.0, 45.3, 30))) == 1
    assert len(situations.query(store, country="SOM")) == 2
    sid = situations.query(store, min_sources=2)[0]["id"]
    assert situations.get(store, sid)["sources"] == 2
    assert situations.get(store, "nope") is None


def test_situations_event_without_place_held_to_its_documents_places() -> None:
    # Told without a place of its own, in an article that names Mogadishu: it merges with the
    # Mogadishu report of the same day and actor ...
    placed = bomb("Horn Observer", "2017-10-15", OTHER_WORDS, source="al-Shabaab",
                  date="2017-10-14")  # fmt: skip
    unplaced = report("Demo Wire", "2017-10-15", "Al-Shabaab militants carried out the attack "
                      "on Saturday, officials said.".replace("Al-Shabaab", "al-Shabaab"),
                      trigger="attack", source="al-Shabaab", date="2017-10-14",
                      mentions=("Mogadishu",))  # fmt: skip
    store = _store(placed, unplaced)
    assert _merged(store) == [["Demo Wire", "Horn Observer"]]
    # ... but not when its article names only Kismayo, far away
    elsewhere = report("Demo Wire", "2017-10-15", "Officials said al-Shabaab militants carried "
                       "out the attack on Saturday.", trigger="attack", source="al-Shabaab",
                       date="2017-10-14", mentions=("Kismayo",))  # fmt: skip
    assert _merged(_store(placed, elsewhere)) == [["Demo Wire"], ["Horn Observer"]]


# -- both sides known, no place, no day: politics as the news tells it -------------------------

RECOGNISE = ("Trump recognised Jerusalem as the capital of Israel, reversing decades of U.S. "
             "policy.")  # fmt: skip
RECOGNISE_OTHER = (
    "The United States now officially sees the holy city as the capital of Israel, "
    "its president has declared, a move denounced across the Arab world."
)


def recognition(outlet: str, published: str, sentence: str = RECOGNISE, **kw):
    kw.setdefault("trigger", "recognised" if "recognised" in sentence else "declared")
    kw.setdefault("source", "Trump" if "Trump" in sentence else "The United States")
    kw.setdefault("target", "Israel")
    return report(outlet, published, sentence, plover="SUPPORT", cameo="05", **kw)


def test_situations_both_sides_in_close_reports_merge_without_place_or_day() -> None:
    # no place, no stated day: the same kind of act by Trump / the United States (his state)
    # to Israel, reported a day apart
    store = _store(
        recognition("Demo Wire", "2017-12-06"),
        recognition("Capital Daily", "2017-12-07", RECOGNISE_OTHER),
    )
    assert _merged(store) == [["Capital Daily", "Demo Wire"]]
    (sit,) = situations.query(store, nested=True)
    assert sit["sources"] == 2


def test_situations_both_sides_a_week_later_do_not_merge() -> None:
    store = _store(
        recognition("Demo Wire", "2017-12-06"),
        recognition("Capital Daily", "2017-12-13", RECOGNISE_OTHER),
    )
    assert _merged(store) == [["Capital Daily"], ["Demo Wire"]]


def test_situations_both_sides_other_kind_or_one_side_do_not_merge() -> None:
    # the same two actors, another kind of act (an accusation, not support)
    accuse = report("Capital Daily", "2017-12-07", "Trump accused Israel of stalling the talks.",
                    trigger="accused", plover="ACCUSE", cameo="11", source="Trump",
                    target="Israel")  # fmt: skip
    assert _merged(_store(recognition("Demo Wire", "2017-12-06"), accuse)) == [
        ["Capital Daily"], ["Demo Wire"]]  # fmt: skip
    # only the source known in one report: Trump supports many things in two days
    one_side = recognition(
        "Capital Daily",
        "2017-12-07",
        "Trump has declared the holy city a capital, a move denounced across the Arab world.",
        target=None,
    )
    pair = _store(recognition("Demo Wire", "2017-12-06"), one_side)
    assert _merged(pair) == [["Capital Daily"], ["Demo Wire"]]
    assert rules.score(*tables.iter_keys(pair)) == 2  # the same person, nothing more
    # an event dated only to a year ("in 2016") is not close, whatever its publication
    old = recognition("Capital Daily", "2017-12-07", RECOGNISE_OTHER, date="2016-01-01",
                      precision="year")  # fmt: skip
    assert not rules.close_reports(
        rules.key_of({"id": "a", "published": "2017-12-06"}),
        rules.key_of({"id": "b", "published": "2017-12-07", "date": "2016-01-01",
                      "date_precision": "year"}))  # fmt: skip
    assert _merged(_store(recognition("Demo Wire", "2017-12-06"), old)) == [
        ["Capital Daily"], ["Demo Wire"]]  # fmt: skip


def test_situations_both_sides_need_one_very_same_actor() -> None:
    # Trump / "Washington" and "the United States" / Congress are compatible side by side (an
    # official and his government, a state and its legislature) but name no one in common:
    # two domestic meetings, not one
    meet = report("Demo Wire", "2017-11-28", "Trump met the United States envoys.",
                  trigger="met", plover="CONSULT", cameo="04", source="Trump",
                  target="the United States")  # fmt: skip
    other = report("Capital Daily", "2017-11-28", "Washington officials met Congress leaders.",
                   trigger="met", plover="CONSULT", cameo="04", source="Washington",
                   target="Congress")  # fmt: skip
    assert rules.compatible(*tables.iter_keys(_store(meet, other)))
    assert _merged(_store(meet, other)) == [["Capital Daily"], ["Demo Wire"]]
    # the same named person on one side and a compatible actor on the other do merge
    again = report("Capital Daily", "2017-11-29", "Trump held talks with the United States "
                   "envoys at the White House.", trigger="held talks", plover="CONSULT",
                   cameo="04", source="Trump", target="the United States")  # fmt: skip
    assert _merged(_store(meet, again)) == [["Capital Daily", "Demo Wire"]]


def test_situations_blocking_by_latitude_band_misses_no_near_town() -> None:
    from sitmap.situations.merge import Merger, _band

    edge = 12 * float(rules.config()["radius_km"]["point"]) / 111.0  # a band boundary
    town = dict(country="SO", feature_class="P", feature_code="PPL", lon=45.0,
                date="2017-10-14", date_precision="day")  # fmt: skip
    south = _key(id="s", doc_id="ds", lat=edge - 0.05, geonameid=1, **town)
    north = _key(id="n", doc_id="dn", lat=edge + 0.05, geonameid=2, **town)  # 11 km away
    far = _key(id="f", doc_id="df", lat=edge + 3.0, geonameid=3, **town)  # 330 km away
    region = _key(id="r", doc_id="dr", lat=edge + 1.0, geonameid=4, admin1="X",
                  **dict(town, feature_class="A", feature_code="ADM1"))  # fmt: skip
    assert _band(south.lat) != _band(north.lat)
    merger = Merger()
    merger.add([south, north, far, region])
    assert merger.candidates(south) == {"n", "r"}  # not the far town
    assert merger.candidates(north) == {"s", "r"}
    assert merger.candidates(region) == {"s", "n", "f"}  # every town of its country
    assert merger.candidates(far) == {"r"}


def test_situations_blocking_month_windows_and_status_groups() -> None:
    from sitmap.situations.merge import Merger

    place = dict(country="SO", feature_class="A", feature_code="PCLI")
    month = _key(id="m", doc_id="dm", date="2017-10-01", date_precision="month",
                 published="2017-10-31", **place)  # fmt: skip
    inside = _key(id="i", doc_id="di", date="2017-10-31", published="2017-11-01", **place)
    later = _key(id="l", doc_id="dl", date="2017-12-20", published="2017-12-21", **place)
    predicted = _key(id="p", doc_id="dp", date="2017-10-31", published="2017-10-30",
                     status="predicted", **place)  # fmt: skip
    merger = Merger()
    merger.add([month, inside, later, predicted])
    assert merger.candidates(inside) == {"m"}  # its month's vague report; not the prediction
    assert merger.candidates(month) == {"i"}
    assert merger.candidates(later) == set()


def test_situations_blocking_long_window_without_a_place() -> None:
    # a meeting dated only by its year, in two documents that give it no place of its own: the
    # year window is looked up by the countries its documents name and by its two actors
    told = "Kenyan opposition leader Raila Odinga met Yoweri Museveni in Kampala in 2016, "
    wire = report("East Wire", "2017-11-01", told + "the wire said.", trigger="met",
                  plover="CONSULT", cameo="04", source="Odinga", target="Museveni",
                  date="2016-01-01", precision="year", mentions=("Kenya",))  # fmt: skip
    paper = report("Lake Herald", "2017-11-03", "Raila Odinga, who met Yoweri Museveni in "
                   "2016, flew to Nairobi on Friday.", trigger="met", plover="CONSULT",
                   cameo="04", source="Odinga", target="Museveni", date="2016-01-01",
                   precision="year", mentions=("Kenya",))  # fmt: skip
    assert _merged(_store(wire, paper)) == [["East Wire", "Lake Herald"]]
    # documents naming no place at all: the actor pair alone finds the candidate
    bare = [report(o, p, s, trigger="met", plover="CONSULT", cameo="04", source="Odinga",
                   target="Museveni", date="2016-01-01", precision="year")
            for o, p, s in (("East Wire", "2017-11-01", "Raila Odinga met Yoweri Museveni in "
                             "2016."),
                            ("Lake Herald", "2017-11-03", "In 2016 Raila Odinga met Yoweri "
                             "Museveni, his aides recall."))]  # fmt: skip
    assert _merged(_store(*bare)) == [["East Wire", "Lake Herald"]]
    # the same year, another counterpart: another meeting
    other = report("Lake Herald", "2017-11-03", "Raila Odinga met Paul Kagame in 2016.",
                   trigger="met", plover="CONSULT", cameo="04", source="Odinga",
                   target="Kagame", date="2016-01-01", precision="year")  # fmt: skip
    assert _merged(_store(bare[0], other)) == [["East Wire"], ["Lake Herald"]]
