"""The bounded situations update (``sitmap.situations.bounded``): past ``component_cap`` a
story grows by attaching new reports to its situations, writing only the ones they join."""

from __future__ import annotations

import itertools

from _situation_samples import report
from test_situations_pairs import random_docs

from sitmap import situations
from sitmap.situations import bounded, rules, tables
from sitmap.store import Store

# a car bomb on a Saturday, told by six outlets; another on the Monday, told by two; and an
# undated report of a blast published on the Monday (its window reaches back to the Saturday:
# linked to both, so one story of nine reports and two attacks)
SATURDAY = [
    ("Coast Wire", "A car bomb exploded at a market in Kismayo on Saturday, police said."),
    ("Horn Daily", "At least five people died when a car bomb hit Kismayo's main market."),
    ("Jubba Radio", "Witnesses in Kismayo described a huge explosion near the market stalls."),
    ("Gulf Monitor", "Kismayo market was struck by a bomb hidden in a parked car on Saturday."),
    ("Ocean Times", "A parked car packed with explosives detonated in Kismayo on Saturday."),
    ("Savanna Post", "Police blamed militants for Saturday's car bombing in Kismayo."),
]
MONDAY = [
    ("Coast Wire", "A second bomb went off at a checkpoint in Kismayo on Monday."),
    ("Horn Daily", "Another blast hit a Kismayo checkpoint on Monday, two days after the first."),
]
UNDATED = ("Valley Voice", "A blast shook Kismayo, residents said.")
LATE = ("Delta Herald", "Saturday's market bombing in Kismayo killed five, officials confirmed.")


def _sat(outlet: str, text: str):
    return report(outlet, "2017-11-18", text, trigger=text.split()[2], place="Kismayo",
                  date="2017-11-18")  # fmt: skip


def _mon(outlet: str, text: str):
    return report(outlet, "2017-11-20", text, trigger=text.split()[2], place="Kismayo",
                  date="2017-11-20")  # fmt: skip


def _story() -> list:
    docs = [_sat(o, t) for o, t in SATURDAY] + [_mon(o, t) for o, t in MONDAY]
    docs.append(report(UNDATED[0], "2017-11-20", UNDATED[1], trigger="blast", place="Kismayo"))
    return docs


def _ingest(store: Store, updater: situations.Updater, docs: list) -> dict:
    store.write_many(docs)
    return updater.update([d.id for d in docs])


def _consistent(store: Store, updater: situations.Updater) -> None:
    """Every stored event in exactly one situation, as the merger holds it; each situation row
    counts its member rows; members of a situation are compatible with each other."""
    events = {r[0] for r in store.con.execute("SELECT id FROM events").fetchall()}
    rows = store.con.execute("SELECT event_id, situation_id FROM situation_members").fetchall()
    assert sorted(e for e, _ in rows) == sorted(events)
    assert dict(rows) == {e: updater.merger.situation[e] for e in events}
    counts = store.con.execute(
        "SELECT s.events, count(m.event_id) FROM situations s "
        "JOIN situation_members m ON m.situation_id = s.id GROUP BY s.id, s.events"
    ).fetchall()
    assert all(a == b for a, b in counts)
    assert store.con.execute("SELECT count(*) FROM situations").fetchone()[0] == len(
        {s for _, s in rows}
    )
    keys = updater.merger.keys
    for members in updater.merger.situation_members.values():
        for a, b in itertools.combinations(members, 2):
            assert rules.compatible(keys[a], keys[b]), (a, b)


def test_bounded_a_late_report_joins_its_attack_and_only_that_one_is_written() -> None:
    store = Store(":memory:")
    updater = situations.Updater(store, cap=4)  # the story (9 reports) is past the cap
    _ingest(store, updater, _story())
    before = {s["id"]: s["events"] for s in situations.query(store, limit=None)}
    assert sorted(before.values()) == [2, 7]  # the undated blast told with the Saturday one
    result = _ingest(store, updater, [_sat(*LATE)])
    assert result["situations_written"] == 1
    after = {s["id"]: s for s in situations.query(store, limit=None)}
    assert sorted(s["events"] for s in after.values()) == [2, 8]
    (grown,) = [s for s in after.values() if s["events"] == 8]
    assert grown["sources"] == 8 and grown["place_name"] == "Kismayo"
    _consistent(store, updater)
    # clustered whole (no cap), the same report rewrites every situation of the story
    whole = Store(":memory:")
    uncapped = situations.Updater(whole, cap=None)
    _ingest(whole, uncapped, _story())
    assert _ingest(whole, uncapped, [_sat(*LATE)])["situations_written"] == 2
    assert sorted(s["events"] for s in situations.query(whole, limit=None)) == [2, 8]


def test_bounded_a_story_under_the_cap_is_clustered_as_a_build() -> None:
    docs = [*_story(), _sat(*LATE)]
    store = Store(":memory:")
    updater = situations.Updater(store)  # the default cap is far above ten reports
    assert bounded.component_cap() > len(docs)
    for doc in docs:
        _ingest(store, updater, [doc])
    full = Store(":memory:")
    full.write_many(docs)
    situations.build(full)
    query = "SELECT * FROM situations ORDER BY id"
    assert store.con.execute(query).fetchall() == full.con.execute(query).fetchall()


def test_bounded_a_rewritten_report_leaves_its_attack_and_the_rest_stay() -> None:
    store = Store(":memory:")
    updater = situations.Updater(store, cap=4)
    docs = _story()
    _ingest(store, updater, docs)
    gone = docs[1]  # Horn Daily's Saturday report, rewritten without its event
    gone.events = []
    result = _ingest(store, updater, [gone])
    assert result["situations_written"] == 1  # the Saturday attack, one report fewer
    assert sorted(s["events"] for s in situations.query(store, limit=None)) == [2, 6]
    _consistent(store, updater)


def test_bounded_random_batches_stay_consistent_and_write_less() -> None:
    """Random reports in a small world, in batches, with documents rewritten: with a cap of 3
    every event stays in exactly one situation of compatible members, the tables match the
    merger, and fewer situations are written than by re-clustering every component whole."""
    written = {}
    for cap in (3, None):
        docs = random_docs(300, 7)
        store = Store(":memory:")
        updater = situations.Updater(store, cap=cap)
        total = 0
        for i in range(0, len(docs), 12):
            batch = docs[i : i + 12]
            if i and i % 60 == 0:
                for doc in docs[i - 50 : i - 46]:
                    doc.events = doc.events[1:]
                    batch = [*batch, doc]
            total += _ingest(store, updater, batch)["situations_written"]
            if cap is not None:
                _consistent(store, updater)
        written[cap] = total
        if cap is None:  # clustered whole: as a build
            full = Store(":memory:")
            full.write_many(docs)
            situations.build(full)
            assert tables.stored_situations(store) == tables.stored_situations(full)
    assert written[3] < written[None]


def test_bounded_a_large_situation_is_compared_through_its_sample(monkeypatch) -> None:
    """Past the cap, a new report is compared with the earliest and latest members of each
    large situation only (here one of each end), and still joins it."""
    monkeypatch.setitem(rules.config()["update"], "sample", 1)
    store = Store(":memory:")
    updater = situations.Updater(store, cap=4)
    _ingest(store, updater, _story())
    merger = updater.merger
    (big,) = [m for m in merger.situation_members.values() if len(m) == 7]
    late = _sat(*LATE)
    store.write_many([late])
    key = next(tables.iter_keys(store, [late.id]))
    near = set(merger.neighbours(key)) & set(big)
    assert near == {big[0], big[-1]}  # of the seven, the first and the last
    _ingest(store, updater, [late])
    assert len(merger.situation_members[merger.situation[key.id]]) == 8
    _consistent(store, updater)


def test_bounded_unsampled_members_are_out_of_the_buckets_and_a_resumed_run_knows(
    monkeypatch,
) -> None:
    """The members a lookup skips (the middle of a large situation past the cap) are kept out
    of the buckets, so a lookup never reads them; a new ``Updater`` on the same store (a
    resumed run) holds the same ones out, and a report that joins the situation moves the
    edge of its sample."""
    monkeypatch.setitem(rules.config()["update"], "sample", 1)
    store = Store(":memory:")
    updater = situations.Updater(store, cap=4)
    _ingest(store, updater, _story())
    merger = updater.merger
    (big,) = [m for m in merger.situation_members.values() if len(m) == 7]
    assert merger.hidden == set(big[1:-1])
    in_buckets = {i for ids in merger._buckets.values() for i in ids}
    assert not in_buckets & merger.hidden and set(big[:1] + big[-1:]) <= in_buckets
    resumed = situations.Updater(store, cap=4)
    assert resumed.merger.hidden == merger.hidden
    late = _sat(*LATE)
    _ingest(store, resumed, [late])
    grown = resumed.merger.situation_members[resumed.merger.situation[big[0]]]
    assert len(grown) == 8 and resumed.merger.hidden == set(grown[1:-1])
    _consistent(store, resumed)


def test_bounded_keeping_members_out_of_the_buckets_changes_no_situation(monkeypatch) -> None:
    """Random reports in batches, documents rewritten, a small cap and sample: the situations
    are the same whether the skipped members are kept out of the buckets or not."""
    monkeypatch.setitem(rules.config()["update"], "sample", 1)
    out = []
    for hide in (True, False):
        if not hide:
            monkeypatch.setattr(bounded, "hide", lambda *a, **k: None)
        docs = random_docs(300, 5)
        store = Store(":memory:")
        updater = situations.Updater(store, cap=3)
        hidden = 0
        for i in range(0, len(docs), 12):
            batch = docs[i : i + 12]
            if i and i % 60 == 0:
                for doc in docs[i - 50 : i - 46]:
                    doc.events = doc.events[1:]
                    batch = [*batch, doc]
            _ingest(store, updater, batch)
            hidden = max(hidden, len(updater.merger.hidden))
        assert (hidden > 0) == hide
        out.append(tables.stored_situations(store))
    assert out[0] == out[1]


def test_bounded_kept_neighbours_are_bounded_and_change_no_situation(monkeypatch) -> None:
    """An update keeps the neighbours of at most ``update.kept_events`` events between batches
    (the rest are looked up again when needed): memory that does not grow with the store, and
    the same situations as a build."""
    monkeypatch.setitem(rules.config()["update"], "kept_events", 3)
    docs = random_docs(200, 3)
    store = Store(":memory:")
    updater = situations.Updater(store)
    for i in range(0, len(docs), 12):
        _ingest(store, updater, docs[i : i + 12])
        assert len(updater.merger._kept) <= 3
    full = Store(":memory:")
    full.write_many(docs)
    situations.build(full)
    assert tables.stored_situations(store) == tables.stored_situations(full)


def _other_attacks() -> list:
    """Gunmen attacking a Kismayo checkpoint on each other day of three weeks, told by two
    outlets each: the same family, place and weeks as the car bombs, none linked to them (their
    days conflict), so they fill the buckets a report of the bombs is looked up in."""
    out = []
    for day in range(8, 30):
        if day in (18, 19, 20):  # (the bombs' days, and the day the undated blast was told)
            continue
        when = f"2017-11-{day:02d}"
        for outlet in ("Coast Wire", "Jubba Radio"):
            text = f"Gunmen attacked a checkpoint in Kismayo on November {day}, {outlet} said."
            out.append(report(outlet, when, text, trigger="attacked", place="Kismayo", date=when))
    return out


def test_bounded_a_lookup_reads_the_events_of_each_bucket_nearest_in_date(monkeypatch) -> None:
    """Past ``update.bucket_events`` a lookup reads that many events of each bucket of the
    merge index, those nearest in date to its own: a late report of the Saturday bombing is
    compared with a bounded number of reports however many the three weeks hold, and still
    joins the six reports of its attack, as it does when every event is read."""
    from sitmap.situations import blocks

    read = {}
    for cap in (4, None):
        if cap is not None:
            monkeypatch.setitem(rules.config()["update"], "bucket_events", cap)
        store = Store(":memory:")
        updater = situations.Updater(store)
        merger = updater.merger
        if cap is None:
            merger.bucket_cap = None  # every event of every bucket
        _ingest(store, updater, _other_attacks())
        _ingest(store, updater, _story())
        late = _sat(*LATE)
        _ingest(store, updater, [late])
        (event_id,) = [e.id for e in late.events]
        members = merger.situation_members[merger.situation[event_id]]
        outlets = sorted(merger.keys[m].outlet for m in members)
        assert outlets == sorted([o for o, _ in SATURDAY] + [LATE[0]])  # the six, and it
        _consistent(store, updater)
        key = merger.keys[event_id]
        read[cap] = merger.candidates(key)
        if cap is not None:
            buckets = (blocks._span_keys(key, blocks._cells(key, lookup=True))
                       + blocks._copy_keys(key, lookup=True))  # fmt: skip
            assert len(read[cap]) <= cap * len(buckets) and event_id in merger._cut
    assert read[4] < read[None]  # (a part of the attacks and bombs of its days)


def test_bounded_random_batches_with_a_small_bucket_cap_stay_consistent(monkeypatch) -> None:
    """Random reports in batches, documents rewritten, each lookup reading at most two events
    of each bucket: lookups are cut, and every event stays in exactly one situation of
    compatible members, the tables matching the merger."""
    monkeypatch.setitem(rules.config()["update"], "bucket_events", 2)
    docs = random_docs(300, 9)
    store = Store(":memory:")
    updater = situations.Updater(store)
    cut: set[str] = set()
    for i in range(0, len(docs), 12):
        batch = docs[i : i + 12]
        if i and i % 60 == 0:
            for doc in docs[i - 50 : i - 46]:
                doc.events = doc.events[1:]
                batch = [*batch, doc]
        _ingest(store, updater, batch)
        _consistent(store, updater)
        for doc in batch:  # (a lookup outside an update: ``_cut`` says which were cut)
            for ev in doc.events:
                if ev.id in updater.merger.keys:
                    updater.merger.candidates(updater.merger.keys[ev.id])
        cut |= updater.merger._cut
    assert len(cut) > 20


def test_bounded_a_new_fact_reads_only_the_forecasts_it_may_fulfil(monkeypatch) -> None:
    """The forecasts of a tag are indexed by the last day a fact may start and fulfil them
    (the predicted window, or the horizon after they were said): an attack in November is
    compared with October's warning, which it fulfils, and never with February's, whose
    horizon ended in May; the links are those every forecast compared gives."""
    said = (("2017-02-10", "February"), ("2017-10-30", "October"))
    old, recent = (
        report(
            "Daily Planet",
            day,
            f"Analysts warned in {month} that al-Shabaab will attack Mogadishu again.",
            trigger="attack",
            source="al-Shabaab",
            place="Mogadishu",
            status="predicted",
        )
        for day, month in said
    )
    text = "Fighters of al-Shabaab attacked a base in Mogadishu on Wednesday."
    attack = report("Demo Wire", "2017-11-02", text, trigger="attacked", source="al-Shabaab",
                    place="Mogadishu", date="2017-11-01")  # fmt: skip
    store = Store(":memory:")
    updater = situations.Updater(store)
    _ingest(store, updater, [old, recent])
    compared: list[str] = []
    fulfils = rules.fulfils

    def counting(prediction, fact):
        compared.append(prediction.doc_id)
        return fulfils(prediction, fact)

    monkeypatch.setattr(rules, "fulfils", counting)
    _ingest(store, updater, [attack])
    assert recent.id in compared and old.id not in compared
    (fact,) = situations.query(store, status_group="factual")
    links = {s["first_published"]: s["fulfilled_by"]
             for s in situations.query(store, status_group="predicted")}  # fmt: skip
    assert links == {"2017-10-30": fact["id"], "2017-02-10": None}
