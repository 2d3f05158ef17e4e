"""The vectorised build (``sitmap.situations.pairs``) against the rule-by-rule path.

Random events in a small world so that many collide: towns, districts, regions, countries and
no place (held to the places the document names); days, weeks, months and years, no date;
coded, sector-only, person, unidentified and missing actors; factual, predicted and negated;
several events of one document, some told by one sentence; symmetric and counterpart types.
The directed candidate pairs must be exactly the buckets' (``Merger.candidates``), the cheap
rules may only drop pairs ``rules.linked`` rejects, and the situations must be identical.
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta

import pytest
from _situation_samples import report

from sitmap import situations
from sitmap.model import Actor, DateExpr, Document, Event, Place
from sitmap.situations import pairs, rules, tables
from sitmap.situations.merge import Merger
from sitmap.store import Store

TYPES = ("ASSAULT", "ASSAULT", "ASSAULT", "PROTEST", "COERCE", "CONSULT", "AGREE", "THREATEN")
STATUS = ("asserted", "asserted", "reported", "quoted", "predicted", "negated")
CODES = ("SOMGOV", "SOMMIL", "SOM", "INS", "SOMINSSHB", "KENMIL", "KEN", "UAF", "MIL",
         "IMGINSISI", "SOMREB", "KENCOP")  # fmt: skip


def _world(rng: random.Random) -> list[dict]:
    places = []
    for c, cc in enumerate(("SO", "KE", "ET")):
        lat0, lon0 = 2.0 + 3 * c, 40.0 + 2 * c
        places.append({"name": f"Country {cc}", "geonameid": 900 + c, "country": cc,
                       "lat": lat0, "lon": lon0, "feature_class": "A",
                       "feature_code": "PCLI"})  # fmt: skip
        for r in range(2):
            places.append({"name": f"Region {cc}{r}", "geonameid": 800 + 10 * c + r,
                           "country": cc, "admin1": f"{cc}{r}", "lat": lat0 + r, "lon": lon0,
                           "feature_class": "A", "feature_code": "ADM1"})  # fmt: skip
            places.append({"name": f"District {cc}{r}", "geonameid": 700 + 10 * c + r,
                           "country": cc, "admin1": f"{cc}{r}", "lat": lat0 + r + 0.1,
                           "lon": lon0 + 0.1, "feature_class": "A",
                           "feature_code": "ADM2"})  # fmt: skip
        for t in range(5):  # towns 0.1-0.5 degrees apart: some within the radius, some not
            places.append({"name": f"Town {cc}{t}", "geonameid": 1000 + 10 * c + t,
                           "country": cc, "admin1": f"{cc}{t % 2}",
                           "lat": lat0 + rng.uniform(-0.4, 0.4),
                           "lon": lon0 + rng.uniform(-0.4, 0.4), "feature_class": "P",
                           "feature_code": "PPL"})  # fmt: skip
    return places


def _actor(rng: random.Random) -> Actor | None:
    r = rng.random()
    if r < 0.3:
        return None
    code = rng.choice(CODES)
    kind = "group"
    name = None
    if r > 0.9:
        kind, code, name = "person", "SOMGOV", rng.choice(("Hassan Sheikh", "Mohamed Farmajo"))
    country = "SOM" if code.startswith("SOM") else "KEN" if code.startswith("KEN") else None
    return Actor(text=name or code, start=0, end=1, code=code, country=country, kind=kind,
                 name=name)  # fmt: skip


WIRE = (
    "Armed men stormed a police checkpoint outside the provincial capital before dawn, killing "
    "several officers, a regional official said.",
    "Protesters blocked the main highway into the port city for a third day, demanding the "
    "release of detained union leaders, organisers said.",
    "The ministry announced new restrictions on fuel imports late on Sunday, citing shortages "
    "caused by the currency crisis, state media reported.",
)


def _evidence(seed: int, sentence: int, d: int) -> str:
    """Mostly a sentence of its own; sometimes a wire sentence re-run with one word dropped
    (``rules.copied``: the copy cells). Its own random stream: the worlds stay as they were."""
    rng = random.Random(f"{seed}-{d}-{sentence}")
    if rng.random() < 0.3:
        words = rng.choice(WIRE).split()
        del words[rng.randrange(len(words))]
        return " ".join(words)
    return f"sentence {sentence} of {d}"


def random_docs(n_docs: int, seed: int) -> list[Document]:
    """``n_docs`` documents of 1-4 events each (see the module docstring)."""
    rng = random.Random(seed)
    world = _world(rng)
    start = date(2017, 10, 1)
    docs = []
    for d in range(n_docs):
        published = start + timedelta(days=rng.randrange(40)) if rng.random() < 0.97 else None
        doc = Document(text=f"random document {seed}-{d}", source=f"Outlet {rng.randrange(6)}",
                       published=published, url=f"https://example.org/{seed}/{d}")  # fmt: skip
        named = rng.sample(world, rng.choice((0, 1, 2, 3)))
        doc.places = [Place(text=p["name"], start=0, end=1, score=0.9, **p) for p in named]
        sentence = 0
        for _ in range(rng.choice((1, 1, 2, 3, 4))):
            sentence += rng.choice((0, 1))  # some events share a sentence
            ev = Event(doc_id=doc.id, sentence=sentence, start=0, end=10,
                       evidence=_evidence(seed, sentence, d), trigger="hit",
                       plover=rng.choice(TYPES), cameo="19", status=rng.choice(STATUS),
                       source=_actor(rng), target=_actor(rng))  # fmt: skip
            if rng.random() < 0.8:
                p = rng.choice(world)
                ev.place = Place(text=p["name"], start=0, end=1, score=0.9, **p)
            r = rng.random()
            day = start + timedelta(days=rng.randrange(45))
            if r < 0.5:
                ev.date = DateExpr(text="d", start=0, end=1, date=day.isoformat(),
                                   precision="day")  # fmt: skip
            elif r < 0.6:
                ev.date = DateExpr(text="w", start=0, end=1, date=day.isoformat(),
                                   precision="week")  # fmt: skip
            elif r < 0.7:
                ev.date = DateExpr(
                    text="m", start=0, end=1, date=day.replace(day=1).isoformat(), precision="month"
                )
            elif r < 0.73:
                ev.date = DateExpr(text="y", start=0, end=1, date="2017-01-01", precision="year")
            if rng.random() < 0.1:
                ev.fatalities = rng.choice((3, 8))
            ev.id = ""
            ev.__post_init__()
            doc.events.append(ev)
        docs.append(doc)
    return docs


def _keys(docs: list[Document]) -> dict[str, rules.Key]:
    store = Store(":memory:")
    store.write_many(docs)
    return {k.id: k for k in tables.iter_keys(store)}


@pytest.mark.parametrize("seed", [1, 2])
def test_pairs_candidates_are_exactly_the_buckets(seed: int) -> None:
    keys = _keys(random_docs(250, seed))
    merger = Merger()
    merger.load(keys.values(), {})
    ids, a, b = pairs.candidate_pairs(keys, prune=False)
    found: dict[str, set[str]] = {i: set() for i in ids}
    for x, y in zip(a, b, strict=True):
        found[ids[x]].add(ids[y])
    expected = {i: merger.candidates(keys[i]) for i in ids}
    assert sum(map(len, expected.values())) > 2000  # the world is small: many candidates
    assert found == expected
    assert sum(rules.copied(keys[ids[x]], keys[ids[y]]) for x, y in zip(a, b, strict=True)) > 50


@pytest.mark.parametrize("seed", [1, 2])
def test_pairs_cheap_rules_drop_only_pairs_the_rules_reject(seed: int) -> None:
    keys = _keys(random_docs(250, seed))
    ids, a, b = pairs.candidate_pairs(keys, prune=False)
    _, a2, b2 = pairs.candidate_pairs(keys)
    dropped = set(zip(a, b, strict=True)) - set(zip(a2, b2, strict=True))
    assert len(dropped) > len(a) // 10  # windows apart, towns apart, other countries
    assert not [p for p in dropped if rules.linked(keys[ids[p[0]]], keys[ids[p[1]]])]
    merger = Merger()
    merger.load(keys.values(), {})
    near = pairs.neighbour_map(keys)
    assert sum(map(len, near.values())) > 50
    assert all(set(near[i]) == set(merger.neighbours(keys[i])) for i in ids)


def _tables(store: Store) -> tuple[list, list]:
    sits = store.con.execute("SELECT * FROM situations ORDER BY id").fetchall()
    members = store.con.execute("SELECT * FROM situation_members ORDER BY event_id").fetchall()
    return sits, members


@pytest.mark.parametrize("seed", [3])
def test_pairs_vectorised_build_equals_rule_by_rule(seed: int) -> None:
    store = Store(":memory:")
    store.write_many(random_docs(300, seed))
    situations.build(store, vectorised=False)
    slow = _tables(store)
    result = situations.build(store)
    assert _tables(store) == slow
    assert result["multi_source"] > 20


def test_pairs_vectorised_build_equals_rule_by_rule_on_written_stories() -> None:
    """Hand-written reports of one bombing, a week later, far away, and a placeless report."""
    wire = "A car bomb killed eight people in Mogadishu on Saturday, police said."
    other = "Eight people died when a car bomb exploded near a checkpoint in Mogadishu."
    later = "Another car bomb killed three people in Mogadishu, a week after the last one."
    vague = "A car bomb killed eight people, officials said."
    docs = [
        report("Demo Wire", "2017-10-15", wire, trigger="killed", place="Mogadishu",
               date="2017-10-14", fatalities=8),
        report("Horn Observer", "2017-10-16", other, trigger="exploded", place="Mogadishu",
               fatalities=8),
        report("Coast Daily", "2017-10-22", later, trigger="killed", place="Mogadishu",
               date="2017-10-21"),
        report("Nile Post", "2017-10-15", vague, trigger="killed", fatalities=8,
               mentions=("Mogadishu",)),
    ]  # fmt: skip
    store = Store(":memory:")
    store.write_many(docs)
    situations.build(store, vectorised=False)
    slow = _tables(store)
    situations.build(store)
    assert _tables(store) == slow
    sizes = sorted(len(ids) for ids in _member_counts(store))
    assert sizes[-1] >= 2 and len(sizes) >= 2  # the bombing merged, the later one apart


def _member_counts(store: Store) -> list[list[str]]:
    rows = store.con.execute(
        "SELECT situation_id, list(event_id) FROM situation_members GROUP BY 1"
    ).fetchall()
    return [ids for _, ids in rows]


def test_pairs_incremental_batches_equal_the_vectorised_build() -> None:
    """Ingest-sized batches (with a document rewritten later) give the build's situations and
    prediction links: the date-ordered facts kept in step, each batch's copies counted."""
    docs = random_docs(240, 5)
    incremental = Store(":memory:")
    updater = situations.Updater(incremental)
    for i in range(0, len(docs), 16):
        batch = docs[i : i + 16]
        incremental.write_many(batch)
        updater.update([d.id for d in batch])
    rewritten = docs[3]
    rewritten.events = rewritten.events[:1]
    incremental.write_many([rewritten])
    updater.update([rewritten.id])
    full = Store(":memory:")
    full.write_many(docs)
    situations.build(full)
    assert _tables(incremental) == _tables(full)
    links = full.con.execute("SELECT count(fulfilled_by) FROM situations").fetchone()[0]
    assert links > 0


def _scan(merger: Merger, sid: str) -> rules.Key | None:
    """The earliest factual event that fulfils a member of ``sid``, from a scan of every fact
    of its members' tags (what the kept earliest facts must equal)."""
    best: rules.Key | None = None
    for event_id in merger.situation_members.get(sid, ()):
        fact = merger._scan_event(merger.keys[event_id])
        if fact is not None and (best is None or fact.order < best.order):
            best = fact
    return best


def test_pairs_incremental_prediction_links_equal_a_full_scan_after_every_batch() -> None:
    """Prediction links kept incrementally (each predicted event's earliest fact, compared
    with a batch's new facts only, kept through re-clusterings) equal a scan of every fact
    after each batch, also when the documents holding the fulfilling facts are rewritten
    without them; and a predicted event is scanned about once, not at every relink."""
    docs = random_docs(400, 7)
    store = Store(":memory:")
    updater = situations.Updater(store)
    merger = updater.merger
    scans, calls = 0, 0
    scan_event, fulfilment = merger._scan_event, merger.fulfilment

    def counted_scan(p: rules.Key) -> rules.Key | None:
        nonlocal scans
        scans += 1
        return scan_event(p)

    def counted(sid: str) -> str | None:
        nonlocal calls
        calls += 1
        return fulfilment(sid)

    merger._scan_event, merger.fulfilment = counted_scan, counted  # type: ignore[method-assign]
    for i in range(0, len(docs), 10):
        batch = docs[i : i + 10]
        if i and i % 100 == 0:  # rewrite the documents of some fulfilling facts without them
            targets = {t for t in updater.links.values() if t}
            holders = {merger.keys[e].doc_id for t in sorted(targets)[:5]
                       for e in merger.situation_members.get(t, ())}  # fmt: skip
            for doc in docs[:i]:
                if doc.id in holders:
                    doc.events = [e for e in doc.events if e.status == "predicted"]
                    batch = [*batch, doc]
        store.write_many(batch)
        updater.update([d.id for d in batch])
        merger._scan_event = scan_event  # type: ignore[method-assign]  (not counted)
        for sid, target in updater.links.items():
            best = _scan(merger, sid)
            assert target == (merger.situation.get(best.id) if best else None), sid
        merger._scan_event = counted_scan  # type: ignore[method-assign]
    assert sum(1 for t in updater.links.values() if t) > 20
    predicted = sum(1 for k in merger.keys.values() if k.group == "predicted")
    assert scans < 1.5 * predicted < calls  # scanned once (again when its fact left)
    full = Store(":memory:")
    full.write_many(docs)
    situations.build(full)
    assert _tables(store) == _tables(full)


@pytest.mark.parametrize("seed", [8, 9])
def test_pairs_kept_neighbours_equal_a_fresh_lookup_after_every_batch(seed: int) -> None:
    """The neighbours kept between reclusters (of short and long windows: new short and long
    ones join them as they come) equal a fresh bucket lookup after every batch, also when
    documents are rewritten; the situations equal a build's."""
    docs = random_docs(300, seed)
    store = Store(":memory:")
    updater = situations.Updater(store)
    merger = updater.merger
    for i in range(0, len(docs), 12):
        batch = docs[i : i + 12]
        if i and i % 60 == 0:
            for doc in docs[i - 50 : i - 45]:
                doc.events = doc.events[1:]
                batch = [*batch, doc]
        store.write_many(batch)
        updater.update([d.id for d in batch])
        for event_id, kept in merger._kept.items():
            key = merger.keys[event_id]
            fresh = {o for o in merger.candidates(key) if rules.linked(key, merger.keys[o])}
            assert set(kept) == fresh and len(kept) == len(fresh), event_id
    assert len(merger._kept) > len(merger.keys) // 2
    assert sum(map(len, merger._kept.values())) > 40
    full = Store(":memory:")
    full.write_many(docs)
    situations.build(full)
    assert _tables(store) == _tables(full)


def test_pairs_a_resumed_run_merges_and_links_as_a_build() -> None:
    """A second ingest run (a new ``Updater``: nothing kept in memory, the earliest facts of
    the stored predictions unknown) continues with the same situations and links as a build:
    a new fact is compared with the stored predictions it may fulfil."""
    _resumed_equals_build(random_docs(260, 12))


def test_pairs_a_resumed_run_relinks_a_stored_prediction_whose_fact_moved(monkeypatch) -> None:
    """A prediction linked in the first run, whose fulfilling fact's situation the second run
    re-clusters under a new id, is linked to the new one (the new ``Updater`` never learnt
    which fact it was: the stored links of the re-clustered targets are redone), not left
    pointing at a situation that is gone."""

    def evidence(seed: int, sentence: int, d: int) -> str:  # another stream: such a case
        rng = random.Random(f"{d}-{seed}-{sentence}")
        if rng.random() < 0.3:
            words = rng.choice(WIRE).split()
            del words[rng.randrange(len(words))]
            return " ".join(words)
        return f"sentence {sentence} of {d}"

    monkeypatch.setattr(sys.modules[__name__], "_evidence", evidence)
    store = _resumed_equals_build(random_docs(260, 12))
    dangling = store.con.execute(
        "SELECT count(*) FROM situations WHERE fulfilled_by IS NOT NULL AND fulfilled_by NOT IN "
        "(SELECT id FROM situations)"
    ).fetchone()[0]
    assert dangling == 0


def _resumed_equals_build(docs: list[Document]) -> Store:
    """Two ingest runs (each a new ``Updater``) give the tables of a build; the runs' store."""
    store = Store(":memory:")
    for run in (docs[:130], docs[130:]):
        updater = situations.Updater(store)
        for i in range(0, len(run), 13):
            batch = run[i : i + 13]
            store.write_many(batch)
            updater.update([d.id for d in batch])
    full = Store(":memory:")
    full.write_many(docs)
    situations.build(full)
    assert _tables(store) == _tables(full)
    assert full.con.execute("SELECT count(fulfilled_by) FROM situations").fetchone()[0] > 5
    return store
