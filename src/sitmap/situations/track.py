"""Each outlet's track record in a store: corroboration, first reports, predictions.

What it measures is **corroboration within this store, not truth**: an outlet whose claims no
other outlet in the store repeats scores low whether it is wrong, early, or simply alone in
covering a place; an outlet copied by others scores high only if the copies are not detected as
copies. Every share comes with its count and a Wilson 95% interval.

Per outlet (``outlet`` of the member documents; documents without one are ``(unknown outlet)``):

* ``events`` and the counts by status;
* ``claims``: its asserted, reported and quoted events (what it says happened, in its own
  voice or attributed; ``CLAIMS``);
* ``corroborated``: claims whose situation has a member of another voice (an independent
  outlet: not a copy, not citing it) published within ``corroboration_days`` (7) of it;
* ``first``: of its claims in situations with two sources or more, those it published on the
  earliest day any member was published (ties count for each outlet);
* ``alone``: claims whose situation rests on one voice only (``sources`` = 1);
* ``predictions``: its predicted events, ``fulfilled`` (the situation has ``fulfilled_by``),
  ``not_fulfilled`` (none by the deadline — the end of the predicted date's window when the text
  gives one, else ``prediction_horizon_days`` after publication — while the store holds
  documents published after it) or ``open``; the share is over fulfilled + not fulfilled.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

from sitmap.model import STATUSES
from sitmap.situations import rules
from sitmap.situations.records import UNKNOWN_OUTLET
from sitmap.store import Store, _as_date

CLAIMS = ("asserted", "reported", "quoted")
"""The statuses of an outlet's factual claims: said as fact, or attributed to a report or a
speaker (most news events are quoted: "..., officials said")."""


def wilson(k: int, n: int, z: float = 1.959964) -> tuple[float, float] | None:
    """Wilson score interval of k successes in n trials (95% by default); None when n = 0."""
    if n <= 0:
        return None
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def share(k: int, n: int) -> dict[str, Any]:
    """``{"k", "n", "share", "ci95"}`` with the share and its Wilson interval (None when n = 0)."""
    ci = wilson(k, n)
    return {
        "k": k,
        "n": n,
        "share": round(k / n, 4) if n else None,
        "ci95": [round(ci[0], 4), round(ci[1], 4)] if ci else None,
    }


def outlets(
    store: Store,
    *,
    outlet: str | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    min_events: int = 1,
) -> list[dict[str, Any]]:
    """One track-record row per outlet, most events first (see the module docstring).

    ``outlet`` keeps one outlet (case-insensitive); ``since``/``until`` bound the publication
    dates of the outlet's events; ``min_events`` drops outlets with fewer events.
    """
    days = int(rules.config()["corroboration_days"])
    horizon = int(rules.config()["prediction_horizon_days"])
    where, params = ["TRUE"], []
    if outlet:
        where.append("lower(coalesce(m.outlet, ?)) = ?")
        params += [UNKNOWN_OUTLET, outlet.lower()]
    if since:
        where.append("m.published >= ?")
        params.append(_as_date(since, "since"))
    if until:
        where.append("m.published <= ?")
        params.append(_as_date(until, "until"))
    latest = store.con.execute("SELECT max(published) FROM documents").fetchone()[0]
    rows = store.con.execute(
        f"""
        SELECT coalesce(m.outlet, ?) AS outlet, m.status, m.published, s.sources,
               s.first_published, s.fulfilled_by, e.date, e.date_precision,
               EXISTS (SELECT 1 FROM situation_members o
                       WHERE o.situation_id = m.situation_id AND o.voice <> m.voice
                         AND abs(date_diff('day', o.published, m.published)) <= ?) AS corr
        FROM situation_members m JOIN situations s ON s.id = m.situation_id
             LEFT JOIN events e ON e.id = m.event_id
        WHERE {" AND ".join(where)}
        """,
        [UNKNOWN_OUTLET, days, *params],
    ).fetchall()
    per: dict[str, dict[str, Any]] = {}
    for name, status, published, sources, first_day, fulfilled, day, precision, corr in rows:
        o = per.setdefault(name, _empty(name))
        o["events"] += 1
        o["by_status"][status] = o["by_status"].get(status, 0) + 1
        if status in CLAIMS:
            o["_claims"] += 1
            o["_corr"] += bool(corr)
            o["_alone"] += sources <= 1
            if sources >= 2:
                o["_multi"] += 1
                o["_first"] += published is not None and published == first_day
        elif status == "predicted":
            if fulfilled:
                o["_fulfilled"] += 1
            elif latest and (deadline := _deadline(published, day, precision, horizon)):
                o["_not" if latest > deadline else "_open"] += 1
            else:
                o["_open"] += 1
    out = []
    for o in per.values():
        if o["events"] < min_events:
            continue
        decided = o["_fulfilled"] + o["_not"]
        out.append({
            "outlet": o["outlet"],
            "events": o["events"],
            "by_status": {s: o["by_status"].get(s, 0) for s in STATUSES},
            "claims": o["_claims"],
            "corroborated": share(o["_corr"], o["_claims"]),
            "first": share(o["_first"], o["_multi"]),
            "alone": share(o["_alone"], o["_claims"]),
            "predictions": {
                "fulfilled": o["_fulfilled"], "not_fulfilled": o["_not"], "open": o["_open"],
                "fulfilled_share": share(o["_fulfilled"], decided),
            },
        })  # fmt: skip
    out.sort(key=lambda r: (-r["events"], r["outlet"]))
    return out


def _deadline(
    published: date | None, day: date | None, precision: str | None, horizon: int
) -> date | None:
    """The last day a prediction can be fulfilled: the end of the predicted date's window when
    the text dates it after publication, else ``horizon`` days after publication."""
    if day is not None and (published is None or day > published):
        return rules.date_window(day, precision, published)[1]
    return published + timedelta(days=horizon) if published else None


def flat(row: dict[str, Any]) -> dict[str, Any]:
    """A track-record row as flat columns (for tables and CSV): shares as ``k/n share [lo–hi]``."""

    def show(s: dict[str, Any]) -> str:
        if not s["n"]:
            return "–"
        lo, hi = s["ci95"]
        return f"{s['k']}/{s['n']} {s['share']:.0%} [{lo:.0%}–{hi:.0%}]"

    p = row["predictions"]
    return {
        "outlet": row["outlet"],
        "events": row["events"],
        **row["by_status"],
        "claims": row["claims"],
        "corroborated": show(row["corroborated"]),
        "first": show(row["first"]),
        "alone": show(row["alone"]),
        "predictions": f"{p['fulfilled']} fulfilled / {p['not_fulfilled']} not / {p['open']} open",
        "fulfilled": show(p["fulfilled_share"]),
    }


def _empty(name: str) -> dict[str, Any]:
    return {"outlet": name, "events": 0, "by_status": {}, "_claims": 0, "_corr": 0,
            "_alone": 0, "_multi": 0, "_first": 0, "_fulfilled": 0, "_not": 0,
            "_open": 0}  # fmt: skip


__all__ = ["flat", "outlets", "share", "wilson"]
