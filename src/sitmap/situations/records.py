"""A situation's record from its member events: canonical fields, voices, first report,
disagreements.

* **canonical fields**: the most precise place the members give (town before district before
  region before country; the members agree on it, or they would not have merged), the most
  precise date the texts give, the most specific coded actor on each side;
* **voices**: members from one outlet are one voice; so are reports whose evidence sentences
  are copies of each other (``rules.text_copied``: the copy rule's words, length and figure,
  without its publication window: a wire story re-run under another name) and a report citing
  another member's outlet ("..., Reuters reported");
  documents without an outlet are one voice together. ``sources`` = the number of voices;
  ``articles`` = member documents plus their stored exact and near-duplicate copies (GDELT's
  NumArticles), ``documents`` = member documents;
* **first report**: the earliest publication date among the members (several outlets when they
  tie on the day);
* **disagreements**: fields on which members differ (stated day, place, ``source`` or
  ``target`` actor code, fatalities), each value with the events and outlets that give it;
  a member that gives no value for a field does not disagree on it, nor does one that names an
  actor more or less precisely (``INS`` insurgents / ``SOMINSSHB`` al-Shabaab).
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from sitmap.situations import rules
from sitmap.situations.rules import Key

UNKNOWN_OUTLET = "(unknown outlet)"

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_PLACE_RANK = {p: i for i, p in enumerate(rules.PRECISIONS)}


def build(
    situation_id: str,
    component: str,
    members: list[Key],
    rows: dict[str, dict[str, Any]],
    copies: dict[str, int],
) -> dict[str, Any]:
    """The situation row (``situations`` table columns; ``record``: voices, first report and
    members, the nested parts)."""
    evs = [rows[k.id] for k in members if k.id in rows]
    voices = _voices(evs) if len(evs) > 1 else {e["id"]: _outlet(e) for e in evs}
    docs = sorted({e["doc_id"] for e in evs})
    place = _canonical_place(evs)
    when = _canonical_date(evs, members)
    src, tgt = _canonical_actor(evs, "source"), _canonical_actor(evs, "target")
    published = [e["published"] for e in evs if e.get("published")]
    first_day = min(published) if published else None
    first = sorted({_outlet(e) for e in evs if first_day and e.get("published") == first_day})
    plover, cameo = _most_common([(e["plover"], e.get("cameo")) for e in evs])
    outlets = sorted({_outlet(e) for e in evs})
    member_records = [
        {
            "event_id": e["id"],
            "doc_id": e["doc_id"],
            "outlet": e.get("outlet"),
            "url": e.get("url"),
            "published": _iso(e.get("published")),
            "status": e.get("status"),
            "voice": voices[e["id"]],
            "evidence": e.get("evidence"),
            "trigger": e.get("trigger"),
            "date": _iso(e.get("date")),
            "date_precision": e.get("date_precision"),
            "place": e.get("place_name") or e.get("place_text"),
            "source": e.get("source_code") or e.get("source_name") or e.get("source_text"),
            "target": e.get("target_code") or e.get("target_name") or e.get("target_text"),
            **({"fatalities": e.get("fatalities")} if "fatalities" in e else {}),
        }
        for e in evs
    ]
    row: dict[str, Any] = {
        "id": situation_id,
        "component": component,
        "plover": plover,
        "cameo": cameo,
        "family": members[0].family,
        "status_group": members[0].group,
        "event_date": when["date"],
        "date_precision": when["precision"],
        "date_start": when["start"],
        "date_end": when["end"],
        "place_name": place.get("place_name"),
        "geonameid": place.get("geonameid"),
        "country": place.get("country"),
        "admin1": place.get("admin1"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "place_precision": place.get("precision"),
        "source_code": src[0],
        "source_name": src[1],
        "target_code": tgt[0],
        "target_name": tgt[1],
        "sources": len(set(voices.values())),
        "articles": len(docs) + sum(copies.get(d, 0) for d in docs),
        "documents": len(docs),
        "events": len(evs),
        "outlets": outlets,
        "first_outlet": "; ".join(first) or None,
        "first_published": first_day,
        "disagreements": _disagreements(evs),
        "fulfilled_by": None,
    }
    row["record"] = {  # the nested parts; ``situations.query(nested=True)`` adds the columns
        "voices": sorted(set(voices.values())),
        "first_report": {"outlets": first, "published": _iso(first_day)},
        "members": member_records,
    }
    return row


def _outlet(ev: dict[str, Any]) -> str:
    return ev.get("outlet") or UNKNOWN_OUTLET


def _voices(evs: list[dict[str, Any]]) -> dict[str, str]:
    """Event id -> voice name (the outlet that speaks first among the copies)."""
    parent = {e["id"]: e["id"] for e in evs}

    def find(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for i, a in enumerate(evs):
        for b in evs[i + 1 :]:
            if find(a["id"]) == find(b["id"]):
                continue  # one voice already (a big situation: most pairs, none compared)
            if _outlet(a).lower() == _outlet(b).lower():
                union(a["id"], b["id"])
                continue
            if rules.text_copied(a.get("evidence") or "", b.get("evidence") or ""):
                union(a["id"], b["id"])
                continue
            if _cites(a, b) or _cites(b, a):
                union(a["id"], b["id"])
    groups: dict[str, list[dict[str, Any]]] = {}
    for e in evs:
        groups.setdefault(find(e["id"]), []).append(e)
    out: dict[str, str] = {}
    for group in groups.values():
        first = min(group, key=lambda e: (e.get("published") or date.max, _outlet(e)))
        for e in group:
            out[e["id"]] = _outlet(first)
    return out


def _cites(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """``a`` attributes its claim to ``b``'s outlet ("..., Reuters reported")."""
    outlet = (b.get("outlet") or "").lower()
    if not outlet:
        return False
    for name in (a.get("cited_source"), a.get("speaker")):
        if name and (outlet in name.lower() or name.lower() in outlet):
            return True
    return False


def _canonical_place(evs: list[dict[str, Any]]) -> dict[str, Any]:
    placed = [e for e in evs if e.get("lat") is not None or e.get("country")]
    if not placed:
        return {}
    counts = Counter(e.get("geonameid") for e in placed) if len(placed) > 1 else {}

    def rank(e: dict[str, Any]) -> tuple:
        level = rules.place_level(e.get("feature_class"), e.get("feature_code"))
        if e.get("lat") is None:
            level = "country"
        return (_PLACE_RANK[level], -counts.get(e.get("geonameid"), 0), e["id"])

    best = min(placed, key=rank)
    level = rules.PRECISIONS[rank(best)[0]]
    return {
        "place_name": best.get("place_name") or best.get("place_text"),
        "geonameid": best.get("geonameid"),
        "country": best.get("country"),
        "admin1": best.get("admin1"),
        "lat": best.get("lat"),
        "lon": best.get("lon"),
        "precision": level,
    }


def _canonical_date(evs: list[dict[str, Any]], members: list[Key]) -> dict[str, Any]:
    dated = [e for e in evs if e.get("date") is not None]
    starts = [k.start for k in members if k.start is not None]
    ends = [k.end for k in members if k.end is not None]
    start, end = (max(starts), min(ends)) if starts and ends else (None, None)
    if start and end and start > end:  # windows overlap only with the slack: keep the span
        start, end = min(starts), max(ends)
    if not dated:
        return {"date": None, "precision": None, "start": start, "end": end}
    counts = Counter(e["date"] for e in dated)
    best = min(
        dated,
        key=lambda e: (_PRECISION_RANK.get(e.get("date_precision") or "day", 9),
                       -counts[e["date"]], e["date"]),
    )  # fmt: skip
    return {"date": best["date"], "precision": best.get("date_precision") or "day",
            "start": start, "end": end}  # fmt: skip


def _canonical_actor(evs: list[dict[str, Any]], side: str) -> tuple[str | None, str | None]:
    coded = [e for e in evs if e.get(f"{side}_code")]
    if len(coded) == 1:
        return coded[0][f"{side}_code"], coded[0].get(f"{side}_name") or coded[0].get(
            f"{side}_text"
        )
    if coded:
        counts = Counter(e[f"{side}_code"] for e in coded)
        best = min(coded, key=lambda e: (-len(e[f"{side}_code"]), -counts[e[f"{side}_code"]],
                                          e["id"]))  # fmt: skip
        return best[f"{side}_code"], best.get(f"{side}_name") or best.get(f"{side}_text")
    named = [e for e in evs if e.get(f"{side}_name") or e.get(f"{side}_text")]
    if named:
        return None, named[0].get(f"{side}_name") or named[0].get(f"{side}_text")
    return None, None


def _disagreements(evs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fields on which members differ, each value with its events and outlets."""
    if len(evs) < 2:
        return []
    fields: dict[str, Any] = {
        "date": lambda e: _iso(e.get("date")) if e.get("date_precision") in (None, "day") else None,
        "place": lambda e: e.get("place_name") if e.get("geonameid") is not None else None,
        "source": lambda e: e.get("source_code"),
        "target": lambda e: e.get("target_code"),
        "fatalities": lambda e: e.get("fatalities"),
    }  # fmt: skip
    out = []
    for name, get in fields.items():
        values: dict[Any, list[dict[str, Any]]] = {}
        for e in evs:
            value = get(e)
            if value is not None:
                values.setdefault(value, []).append(e)
        if name in ("source", "target") and not _actors_conflict(evs, name):
            continue  # "insurgents" and "al-Shabaab": one actor told more or less precisely
        if len(values) > 1:
            out.append({
                "field": name,
                "values": [
                    {"value": v, "events": [e["id"] for e in es],
                     "outlets": sorted({_outlet(e) for e in es})}
                    for v, es in sorted(values.items(), key=lambda kv: str(kv[0]))
                ],
            })  # fmt: skip
    return out


def _actors_conflict(evs: list[dict[str, Any]], side: str) -> bool:
    keys = {
        rules.ActorKey(code=e.get(f"{side}_code"), country=e.get(f"{side}_country"))
        for e in evs
        if e.get(f"{side}_code")
    }
    return any(rules.actor_points(a, b) == rules.CONFLICT for a in keys for b in keys)


def _most_common(values: list[tuple]) -> tuple:
    if len(values) == 1:
        return values[0]
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], str(v)))


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


__all__ = ["UNKNOWN_OUTLET", "build"]
