"""The fact-checker's entry point: articles held against a store, nothing stored.

::

    from sitmap.situations.check import check

    for article in check(["claim.txt"], db="sitmap.duckdb"):
        print(article["summary"])
        for ev in article["events"]:
            print(ev["verdict"], ev["evidence"], [c["url"] for s in ev["situations"]
                                                   for c in s["corroborating"]])

Each article is read as ``ingest`` reads it and run through the whole pipeline; each event is
compared with the stored events by the merge rules (``sitmap.situations.rules.linked``). An
event's ``verdict``:

* ``corroborated``: it matches a stored situation with a report from another voice (another
  outlet, not a copy of this article's sentence, not the article itself);
* ``same voice only``: the matching reports are the article's own outlet or copies of it
  (``rules.text_copied``, the test that makes two members of a situation one voice);
* ``not found``: no stored event matches.

For each matching situation: the corroborating documents (outlet, url, published, evidence
sentence) and the members that **conflict** with the article (another stated day, another
place, other actors or another fatality count). The store is opened read-only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sitmap.model import Document, Skip
from sitmap.situations import rules, tables
from sitmap.situations.records import UNKNOWN_OUTLET
from sitmap.situations.track import share
from sitmap.store import EVENT_COLUMNS, Store, event_row


def check(
    paths: str | Path | Iterable[str | Path],
    *,
    db: str | Path | Store,
    source: str | None = None,
    published: date | str | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield one result per article (or one skip record per unreadable input)."""
    from sitmap import ingest
    from sitmap.corpus import process_batch

    if isinstance(paths, str | Path):
        paths = [paths]
    store = db if isinstance(db, Store) else Store(db, read_only=True)
    try:
        items = list(ingest.read([str(p) for p in paths], source=source, published=published))
        docs = [d for d in items if isinstance(d, Document)]
        for item in items:
            if isinstance(item, Skip):
                yield {"kind": "skip", "path": item.path, "reason": item.reason,
                       "message": item.message}  # fmt: skip
        for doc in process_batch(docs) if docs else []:
            if isinstance(doc, Skip):
                yield {"kind": "skip", "path": doc.path, "reason": doc.reason,
                       "message": doc.message}  # fmt: skip
                continue
            yield check_document(store, doc)
    finally:
        if not isinstance(db, Store):
            store.close()


def check_document(store: Store, doc: Document) -> dict[str, Any]:
    """One processed document held against the store (see the module docstring)."""
    events = [check_event(store, doc, ev) for ev in doc.events]
    by_status: dict[str, int] = {}
    for ev in events:
        by_status[ev["status"]] = by_status.get(ev["status"], 0) + 1
    claims = [e for e in events if e["status"] in ("asserted", "reported", "quoted")]
    corroborated = sum(e["verdict"] == "corroborated" for e in claims)
    found = sum(e["verdict"] != "not found" for e in events)
    stats = share(corroborated, len(claims))
    summary = (
        f"{doc.title or doc.path or doc.id}: {len(events)} events ("
        + ", ".join(f"{n} {s}" for s, n in sorted(by_status.items()))
        + f"); {found} found in the store; {corroborated} of {len(claims)} claims corroborated"
        + (f" ({stats['share']:.0%})" if claims else "")
    )
    return {
        "kind": "article",
        "article_id": doc.id,
        "url": doc.url,
        "path": doc.path,
        "title": doc.title,
        "outlet": doc.source,
        "published": doc.published.isoformat() if doc.published else None,
        "in_store": store.has_document(doc.id),
        "events_by_status": by_status,
        "corroborated": stats,
        "summary": summary,
        "events": events,
    }


def check_event(store: Store, doc: Document, ev: Any) -> dict[str, Any]:
    """One event of ``doc``: the stored situations it matches, corroboration and conflicts."""
    row = dict(zip(EVENT_COLUMNS, event_row(ev, doc), strict=True))
    row["doc_places"] = [p.geonameid for p in doc.places if p.geonameid is not None]
    row["doc_countries"] = [p.country for p in doc.places if p.country]
    key = rules.key_of(row)
    matches = [c for c in _candidates(store, key) if c.doc_id != doc.id and rules.linked(key, c)]
    situations: dict[str, list[str]] = {}
    for cand_id, sid in _situations_of(store, [c.id for c in matches]):
        situations.setdefault(sid, []).append(cand_id)
    outlet = (doc.source or "").lower()
    results = []
    for sid, matched in situations.items():
        members = store.con.execute(
            "SELECT event_id FROM situation_members WHERE situation_id = ?", [sid]
        ).fetchall()
        rows = tables.event_rows(store, [m for (m,) in members])
        summary = store.con.execute(
            "SELECT sources, first_outlet, first_published FROM situations WHERE id = ?", [sid]
        ).fetchone()
        corroborating, same_voice, conflicts = [], [], []
        seen: set[str] = set()
        for m in sorted(rows.values(), key=lambda r: (r["doc_id"], r["id"])):
            if m["doc_id"] == doc.id:
                continue
            doc_info = {
                "doc_id": m["doc_id"], "outlet": m.get("outlet") or UNKNOWN_OUTLET,
                "url": m.get("url"), "published": _iso(m.get("published")),
                "evidence": m.get("evidence"), "event_id": m["id"],
            }  # fmt: skip
            for field, theirs, mine in _differences(m, row, key):
                conflicts.append({**doc_info, "field": field, "theirs": theirs, "ours": mine})
            if m["doc_id"] in seen:
                continue
            seen.add(m["doc_id"])
            copy = rules.text_copied(ev.evidence, m.get("evidence") or "")
            if (outlet and (m.get("outlet") or "").lower() == outlet) or copy:
                same_voice.append(doc_info)
            else:
                corroborating.append(doc_info)
        results.append({
            "situation_id": sid,
            "sources": summary[0] if summary else None,
            "first_report": {"outlets": (summary[1] or "").split("; ") if summary else [],
                             "published": _iso(summary[2]) if summary else None},
            "matched_events": sorted(matched),
            "corroborating": sorted(corroborating, key=lambda d: (d["published"] or "", d["url"]
                                                                  or "")),
            "same_voice": same_voice,
            "conflicts": conflicts,
        })  # fmt: skip
    results.sort(key=lambda r: (-len(r["corroborating"]), r["situation_id"]))
    if any(r["corroborating"] for r in results):
        verdict = "corroborated"
    elif results:
        verdict = "same voice only"
    else:
        verdict = "not found"
    return {
        "article_id": doc.id,
        "article_url": doc.url,
        "event_id": ev.id,
        "plover": ev.plover,
        "trigger": ev.trigger,
        "status": ev.status,
        "evidence": ev.evidence,
        "date": row["date"].isoformat() if isinstance(row["date"], date) else row["date"],
        "place": row["place_name"] or row["place_text"],
        "source": row["source_code"] or row["source_name"],
        "target": row["target_code"] or row["target_name"],
        "verdict": verdict,
        "situations": results,
    }


def _candidates(store: Store, key: rules.Key) -> list[rules.Key]:
    """Stored events of the key's family whose date window may overlap its window."""
    if key.start is None or key.end is None:
        return []
    types = [t for t, f in rules.config()["family_of"].items() if f == key.family] or [key.plover]
    dates = rules.config()["dates"]
    slack = int(dates["slack"])
    # an undated report may tell an act up to ``retold_days`` before it (``rules.retold``)
    back = max(int(dates["published_lookback"]), int(dates["retold_days"]))
    lo, hi = rules.first_day(key) - timedelta(days=slack), key.end + timedelta(days=slack)
    marks = ", ".join("?" * len(types))
    statuses = [s for s, g in rules.config()["group_of"].items() if g == key.group]
    where = (
        f"e.plover IN ({marks}) AND e.status IN ({', '.join('?' * len(statuses))}) AND "
        "((e.date IS NOT NULL AND e.date BETWEEN ? AND ?) OR "
        "(e.date IS NULL AND e.published BETWEEN ? AND ?))"
    )
    params: list = [*types, *statuses, lo - timedelta(days=366), hi, lo, hi + timedelta(days=back)]
    # a stored event placed in another country than this one's place (or than every place its
    # document names) can never match (rules.place_points): leave it in the database
    countries = [key.country] if key.level is not None else sorted(key.doc_countries)
    if countries and all(countries):
        where += f" AND (e.country IS NULL OR e.country IN ({', '.join('?' * len(countries))}))"
        params += countries
    rows = store.con.execute(tables.key_query(where), params).fetchall()
    keys = [tables.key_from(r) for r in rows]
    return [k for k in keys if k.group == key.group]


def _situations_of(store: Store, event_ids: list[str]) -> list[tuple[str, str]]:
    """(event id, situation id) of these stored events."""
    if not event_ids:
        return []
    marks = ", ".join("?" * len(event_ids))
    return store.con.execute(
        f"SELECT event_id, situation_id FROM situation_members WHERE event_id IN ({marks}) "
        "ORDER BY event_id",
        event_ids,
    ).fetchall()


def _differences(
    theirs: dict[str, Any], ours: dict[str, Any], key: rules.Key
) -> Iterator[tuple[str, Any, Any]]:
    """Where a stored report differs from the checked one: another stated day, another town,
    an actor the rules hold for someone else, another fatality count."""
    other = rules.key_of(theirs)
    if key.day_stated and other.day_stated and key.start != other.start:
        yield "date", _iso(other.start), _iso(key.start)
    if (
        key.level == other.level == "point"
        and key.geonameid is not None
        and other.geonameid is not None
        and key.geonameid != other.geonameid
    ):
        yield "place", theirs.get("place_name"), ours.get("place_name")
    for side in ("source", "target"):
        if rules.actor_points(getattr(other, side), getattr(key, side)) == rules.CONFLICT:
            yield side, theirs.get(f"{side}_code"), ours.get(f"{side}_code")
    a, b = theirs.get("fatalities"), ours.get("fatalities")
    if a is not None and b is not None and a != b:
        yield "fatalities", a, b


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


__all__ = ["check", "check_document", "check_event"]
