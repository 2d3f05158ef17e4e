"""Blocking keys of the merge index (``sitmap.situations.merge``): the day, month and copy
buckets an event is indexed in and looks into, and the tags of the prediction index."""

from __future__ import annotations

import math
from datetime import date, timedelta

from sitmap.situations import rules
from sitmap.situations.rules import Key

COARSE_DAYS = 14
"""Date windows longer than this are looked up, not indexed, in the day buckets."""


def _tags(key: Key) -> list[tuple]:
    """Index keys of an event for prediction links: its family with its place's country and
    with each actor (``rules.fulfils`` needs a shared place or actor)."""
    countries = [key.country] if key.country else []
    if key.level is None:  # held to the places its document names (rules._document_places)
        countries = sorted(key.doc_countries)
    tags = [(key.family, "c", c) for c in countries]
    tags += [(key.family, "a", a.ident) for a in (key.source, key.target) if a.ident]
    return tags


def _horizon() -> timedelta:
    return timedelta(days=int(rules.config()["prediction_horizon_days"]))


def _slack() -> timedelta:
    return timedelta(days=int(rules.config()["dates"]["slack"]))


def _is_coarse(key: Key) -> bool:
    if key.start is None or key.end is None:
        return False  # never merged (rules.date_points), never indexed
    return (key.end - key.start).days > COARSE_DAYS


def _days(key: Key) -> range:
    """The days of an event's window widened by ``slack`` (and back to ``Key.retold_from``:
    ``rules.retold``), as ordinals (bucket keys)."""
    assert key.start is not None and key.end is not None
    return range(rules.first_day(key).toordinal(), (key.end + _slack()).toordinal() + 1)


def _band(lat: float) -> int:
    """A town's latitude band (``rules.radius_km.point`` wide, a little more)."""
    return math.floor(lat / (float(rules.config()["radius_km"]["point"]) / 111.0))


def _keys(key: Key, *, lookup: bool) -> list[tuple]:
    if _is_coarse(key) or key.start is None:
        return []
    family = _block(key)
    days = _days(key)
    out = [(family, day, *cell) for day in days for cell in _cells(key, lookup=lookup)]
    return out + _copy_keys(key, lookup=lookup)


def _cells(key: Key, *, lookup: bool) -> list[tuple]:
    """The place and actor-pair cells of a short window's day buckets (``_keys`` without the
    day)."""
    pair = _pair(key)
    if key.level == "point" and key.country and key.lat is not None:
        band = _band(key.lat)
        if lookup:  # the coarser places of its country, and towns in its and adjacent bands
            near = [("p", key.country, b) for b in (band - 1, band, band + 1)]
            cells = [("c", key.country), *near]
        else:
            cells = [("P", key.country), ("p", key.country, band)]
    else:
        # an event without a place is compared with the events of every country its document
        # names; a coarser place with every place of its country
        countries = _countries(key)
        kinds = ("c", "P") if lookup else ("c",)
        cells = [(kind, c) for c in countries for kind in kinds]
    if pair:
        cells.append(("a", pair))
    return cells


def _copy_keys(key: Key, *, lookup: bool) -> list[tuple]:
    """The copy cells of a short window (see ``_keys``): not keyed by day."""
    lead = rules.wording_hashes(key)
    if not lead or key.published is None:
        return []
    k = wording_block(key.published)  # copies of one sentence, wherever they are placed
    blocks = (k - 1, k, k + 1) if lookup else (k,)
    return [(_block(key), "w", h, b) for h in lead for b in blocks]


SPAN = 7
"""Days per bucket of the merge index (``Merger``): an event is indexed in each span of
``SPAN`` days its widened window touches, once per cell, not once per day (about a third of
the entries); a lookup keeps only the events of those spans whose days meet its own
(``meets``), which are exactly the events of the day buckets ``_keys`` names."""


def _span_keys(key: Key, cells: list[tuple]) -> list[tuple]:
    """The index buckets of these cells over an event's days: (block, "S", span, *cell)."""
    days = _days(key)
    family = _block(key)
    spans = range(days.start // SPAN, (days.stop - 1) // SPAN + 1)
    return [(family, "S", s, *cell) for s in spans for cell in cells]


def meets(key: Key, first: int, last: int) -> bool:
    """Whether an event's days (``_days``) meet the ordinals ``first`` .. ``last`` (never, for
    an event without a date window: one in no day bucket)."""
    if key.start is None or key.end is None:
        return False
    return rules.first_day(key).toordinal() <= last and (key.end + _slack()).toordinal() >= first


def wording_block(published: date) -> int:
    """The publication block of the copy cells: ``merge.copy.published_days`` + 1 days wide, so
    two copies (published at most that many days apart, ``rules.copied``) lie in the same or
    adjacent blocks; one cell per MinHash value, not one per day of the window."""
    width = int(rules.config()["merge"]["copy"]["published_days"]) + 1
    return published.toordinal() // width


def _countries(key: Key) -> list[str]:
    """The countries an event's place cells name: its place's, or, without a place, every
    country its document names."""
    countries = [key.country] if key.level is not None else sorted(key.doc_countries)
    return [c for c in countries if c]


def _long_cells(key: Key) -> list[tuple]:
    """The cells of the day buckets a long window looks into: its countries' (a coarser
    place's and a town's) and its two actors'."""
    cells: list[tuple] = [(kind, c) for c in _countries(key) for kind in ("c", "P")]
    pair = _pair(key)
    if pair:
        cells.append(("a", pair))
    return cells


def _pair(key: Key) -> tuple[str, str] | None:
    """Both actors' identities, sorted, when both are known (the actor-pair cell)."""
    if key.source.ident and key.target.ident:
        a, b = sorted((key.source.ident, key.target.ident))
        return a, b
    return None


def _month_keys(key: Key) -> list[tuple]:
    """The month buckets of an event's window: one per country of its place cells (an event
    without a place: every country its document names) and one for its two actors."""
    block, months = _block(key), _months(key)
    out = [(block, "C", country, month) for country in _countries(key) for month in months]
    pair = _pair(key)
    if pair:
        out += [(block, "A", pair, month) for month in months]
    return out


def _coarse_keys(key: Key) -> list[tuple]:
    """The month buckets a long window is indexed in (none for a short one)."""
    return _month_keys(key) if _is_coarse(key) else []


def _block(key: Key) -> tuple[str, str]:
    """What every bucket key starts with: the type family and the status group (events of
    two families or two groups never merge)."""
    return key.family, key.group


def _months(key: Key) -> list[tuple[int, int]]:
    """(year, month) of every month the window (widened by ``slack``) touches: two windows
    that may overlap share one."""
    assert key.start is not None and key.end is not None
    last = key.end + _slack()
    first = rules.first_day(key)
    y, m = first.year, first.month
    out = []
    while (y, m) <= (last.year, last.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


__all__ = ["COARSE_DAYS", "SPAN", "meets", "wording_block"]
