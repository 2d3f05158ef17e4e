"""Events → situations: blocking, components, clustering, and the situation records.

How events become situations (the rules themselves are in ``sitmap.situations.rules``):

1. **Blocking**: each event goes into buckets keyed by (family, day, country of its place — or
   of every place its document names, for an event without a place) for every day of its date
   window (plus ``slack``), and by (family, day, both actor codes) when
   both actors are coded; events whose window is longer than ``COARSE_DAYS`` (a month, a year)
   only look into the day buckets of their country. Only events sharing a bucket are compared,
   never all pairs; every pair that can reach the merge threshold shares a bucket.
2. **Components**: events linked by ``rules.linked`` form connected components (order-free).
3. **Clustering** inside a component, in a fixed order (date window, publication, id): an
   event joins the situation it shares most evidence with, provided it is compatible with
   every member (no chaining of a Monday strike into a Thursday one through a vague report);
   otherwise it opens a new situation.

A situation's id is derived from its first member's event id, a component's from its smallest
event id: a re-run, a resumed run or an incremental update gives the same situations as a
build from scratch, because only whole components are ever re-clustered.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, timedelta

from sitmap.model import content_id
from sitmap.situations import rules
from sitmap.situations.rules import Key

COARSE_DAYS = 14
"""Date windows longer than this are looked up, not indexed, in the day buckets."""


class Merger:
    """The event keys of a store, indexed for blocking, with each event's component.

    ``add``/``remove`` keep the index in step with the store; ``recluster`` returns the
    situations of the components touched since the last call.
    """

    def __init__(self) -> None:
        self.keys: dict[str, Key] = {}
        self.component: dict[str, str] = {}  # event id -> component id (as stored)
        self._buckets: dict[tuple, list[str]] = defaultdict(list)
        self._coarse: dict[tuple, list[str]] = defaultdict(list)
        self._touched: set[str] = set()  # component ids to redo
        self._fresh: set[str] = set()  # event ids added since the last recluster
        self._near: dict[str, list[str]] | None = None  # neighbours, cached during recluster
        self._bk: dict[str, list[tuple]] = {}  # event id -> its day bucket keys
        self.members: dict[str, set[str]] = defaultdict(set)  # component id -> event ids
        self.situation: dict[str, str] = {}  # event id -> situation id
        self.situation_members: dict[str, list[str]] = {}  # situation id -> event ids
        self._pred: dict[tuple, set[str]] = defaultdict(set)  # (family, tag) -> predicted ids
        self._fact: dict[tuple, set[str]] = defaultdict(set)  # (family, tag) -> factual ids
        self.new_facts: set[str] = set()  # factual events of the last recluster's new events
        self.gone: set[str] = set()  # situation ids the last recluster replaced

    # -- index -------------------------------------------------------------------------------

    def load(
        self,
        keys: Iterable[Key],
        components: dict[str, str],
        situations: dict[str, str] | None = None,
    ) -> None:
        """Index stored events with their stored component and situation ids (no clustering)."""
        for key in keys:
            self._index(key)
        for event_id, comp in components.items():
            if event_id in self.keys:
                self.component[event_id] = comp
                self.members[comp].add(event_id)
        for event_id, sid in (situations or {}).items():
            if event_id in self.keys:
                self.situation[event_id] = sid
                self.situation_members.setdefault(sid, []).append(event_id)
        for event_id in self.keys:
            if event_id not in self.component:  # stored but never merged: treat as new
                self._fresh.add(event_id)

    def add(self, keys: Iterable[Key]) -> None:
        """Index new (or replaced) events; their components are redone at ``recluster``."""
        for key in keys:
            if key.id in self.keys:
                self.remove([key.id])
            self._index(key)
            self._fresh.add(key.id)

    def remove(self, event_ids: Iterable[str]) -> None:
        """Drop events (their document was replaced); their components are redone."""
        for event_id in event_ids:
            key = self.keys.pop(event_id, None)
            if key is None:
                continue
            for bucket in self._bk.pop(event_id, ()):
                ids = self._buckets.get(bucket)
                if ids is not None and event_id in ids:
                    ids.remove(event_id)
            for bucket in _coarse_keys(key):
                ids = self._coarse.get(bucket)
                if ids is not None and event_id in ids:
                    ids.remove(event_id)
            comp = self.component.pop(event_id, None)
            if comp is not None:
                self._touched.add(comp)
                self.members[comp].discard(event_id)
            self._fresh.discard(event_id)
            self._bk.pop(event_id, None)
            for tag in _tags(key):
                (self._pred if key.group == "predicted" else self._fact)[tag].discard(event_id)

    def _index(self, key: Key) -> None:
        self.keys[key.id] = key
        if key.group in ("predicted", "factual"):
            for tag in _tags(key):
                (self._pred if key.group == "predicted" else self._fact)[tag].add(key.id)
        if _is_coarse(key):
            for bucket in _coarse_keys(key):
                self._coarse[bucket].append(key.id)
        else:
            self._bk[key.id] = _bucket_keys(key)
            for bucket in self._bk[key.id]:
                self._buckets[bucket].append(key.id)

    def candidates(self, key: Key) -> set[str]:
        """Ids of indexed events sharing a block with ``key`` (itself excluded)."""
        found: set[str] = set()
        if key.start is None:
            return found
        if _is_coarse(key):
            if key.country and key.start and key.end:
                day, last = key.start, key.end + _slack()
                while day <= last:
                    found.update(self._buckets.get((key.family, day, "c", key.country), ()))
                    day += timedelta(days=1)
            for bucket in _coarse_keys(key):
                found.update(self._coarse.get(bucket, ()))
        else:
            own = self._bk.get(key.id) if self.keys.get(key.id) is key else None
            buckets = self._buckets
            for bucket in own if own is not None else _bucket_keys(key):
                found.update(buckets.get(bucket, ()))
            if key.country:
                found.update(self._coarse.get((key.family, "C", key.country), ()))
        found.discard(key.id)
        return found

    def neighbours(self, key: Key) -> list[str]:
        """Indexed events linked to ``key`` (compatible and sharing enough evidence)."""
        if self._near is not None and key.id in self._near:
            return self._near[key.id]
        keys, linked = self.keys, rules.linked
        found = [i for i in self.candidates(key) if i in keys and linked(key, keys[i])]
        if self._near is not None:
            self._near[key.id] = found
        return found

    # -- clustering ----------------------------------------------------------------------------

    def recluster(self) -> tuple[set[str], list[tuple[str, list[list[Key]]]]]:
        """Redo the components touched since the last call.

        Returns (the old component ids to delete, [(new component id, its situations)]) where
        each situation is its member keys in order.
        """
        self._near = {}
        try:
            return self._recluster()
        finally:
            self._near = None

    def _recluster(self) -> tuple[set[str], list[tuple[str, list[list[Key]]]]]:
        todo: set[str] = set(self._fresh)
        old = set(self._touched)
        for event_id in self._fresh:
            for other in self.neighbours(self.keys[event_id]):
                comp = self.component.get(other)
                if comp is not None:
                    old.add(comp)
                else:
                    todo.add(other)
        gone: set[str] = set()
        for comp in old:
            for event_id in self.members.pop(comp, ()):
                todo.add(event_id)
                sid = self.situation.pop(event_id, None)
                if sid is not None:
                    gone.add(sid)
                    self.situation_members.pop(sid, None)
        todo &= set(self.keys)
        for event_id in todo:  # events of removed documents' components lose their situation
            sid = self.situation.pop(event_id, None)
            if sid is not None:
                gone.add(sid)
                self.situation_members.pop(sid, None)
        out: list[tuple[str, list[list[Key]]]] = []
        for members in _components(todo, self):
            comp_id = content_id("component", min(members))
            situations = _cluster([self.keys[i] for i in members], self)
            self.members[comp_id] = set(members)
            for event_id in members:
                self.component[event_id] = comp_id
            for sit in situations:
                sid = situation_id(sit)
                self.situation_members[sid] = [k.id for k in sit]
                for k in sit:
                    self.situation[k.id] = sid
            out.append((comp_id, situations))
        self.new_facts = {i for i in self._fresh if i in self.keys
                          and self.keys[i].group == "factual"}  # fmt: skip
        self.gone = gone
        self._touched.clear()
        self._fresh.clear()
        return old, out

    # -- predictions ---------------------------------------------------------------------------

    def predictions_to_relink(
        self, fresh: list[tuple[str, list[list[Key]]]], links: dict[str, str | None]
    ) -> set[str]:
        """Predicted situations whose fulfilment may have changed in the last recluster: new
        or re-clustered ones, those a new factual event could fulfil, those linked to a
        situation that was replaced."""
        out = {
            self.situation[s[0].id] for _, sits in fresh for s in sits
            if s[0].group == "predicted"
        }  # fmt: skip
        for event_id in self.new_facts:
            key = self.keys[event_id]
            for tag in _tags(key):
                for p in self._pred.get(tag, ()):
                    sid = self.situation.get(p)
                    if sid and sid not in out and rules.fulfils_in_time(self.keys[p], key):
                        out.add(sid)
        out |= {sid for sid, target in links.items() if target in self.gone}
        return {sid for sid in out if sid in self.situation_members}

    def fulfilment(self, sid: str) -> str | None:
        """The situation that fulfils predicted situation ``sid``: that of the earliest factual
        event ``rules.fulfils`` accepts for any of its members, or None."""
        best: Key | None = None
        for event_id in self.situation_members.get(sid, ()):
            p = self.keys[event_id]
            pool: set[str] = set()
            for tag in _tags(p):
                pool |= self._fact.get(tag, set())
            for fact_id in pool:
                fact = self.keys.get(fact_id)
                if fact is None or (best is not None and fact.order >= best.order):
                    continue
                if rules.fulfils(p, fact):
                    best = fact
        return self.situation.get(best.id) if best else None


def _tags(key: Key) -> list[tuple]:
    """Index keys of an event for prediction links: its family with its place's country and
    with each actor (``rules.fulfils`` needs a shared place or actor)."""
    countries = [key.country] if key.country else []
    if key.level is None:  # held to the places its document names (rules._document_places)
        countries = sorted(key.doc_countries)
    tags = [(key.family, "c", c) for c in countries]
    tags += [(key.family, "a", a.ident) for a in (key.source, key.target) if a.ident]
    return tags


def _components(ids: set[str], merger: Merger) -> Iterator[list[str]]:
    """Connected components of the linked graph over ``ids`` (each sorted)."""
    parent = {i: i for i in ids}

    def find(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for event_id in sorted(ids):
        for other in merger.neighbours(merger.keys[event_id]):
            if other in parent:
                a, b = find(event_id), find(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups: dict[str, list[str]] = defaultdict(list)
    for event_id in ids:
        groups[find(event_id)].append(event_id)
    for root in sorted(groups):
        yield sorted(groups[root])


def _cluster(keys: list[Key], merger: Merger) -> list[list[Key]]:
    """Greedy clustering of one component in a fixed order (see the module docstring)."""
    keys = sorted(keys, key=lambda k: k.order)
    if len(keys) == 1:
        return [keys]
    situations: list[list[Key]] = []
    where: dict[str, int] = {}
    for key in keys:
        best, best_score = -1, 0
        scores: dict[int, int] = defaultdict(int)
        for other in merger.neighbours(key):
            if other in where:
                scores[where[other]] += rules.score(key, merger.keys[other])
        for idx in sorted(scores):
            if scores[idx] > best_score and all(rules.compatible(key, m) for m in situations[idx]):
                best, best_score = idx, scores[idx]
        if best < 0:
            situations.append([key])
            where[key.id] = len(situations) - 1
        else:
            situations[best].append(key)
            where[key.id] = best
    return situations


def situation_id(members: list[Key]) -> str:
    """A situation's id: from its first member (earliest window, then publication, then id)."""
    return content_id("situation", min(members, key=lambda k: k.order).id)


def _slack() -> timedelta:
    return timedelta(days=int(rules.config()["dates"]["slack"]))


def _is_coarse(key: Key) -> bool:
    if key.start is None or key.end is None:
        return False  # never merged (rules.date_points), never indexed
    return (key.end - key.start).days > COARSE_DAYS


def _days(key: Key) -> Iterator[date]:
    assert key.start is not None and key.end is not None
    day, last = key.start, key.end + _slack()
    while day <= last:
        yield day
        day += timedelta(days=1)


def _bucket_keys(key: Key) -> list[tuple]:
    if _is_coarse(key) or key.start is None:
        return []
    out: list[tuple] = []
    pair = None
    if key.source.ident and key.target.ident:
        pair = tuple(sorted((key.source.ident, key.target.ident)))
    # an event without a place is compared with the events of every country its document names
    countries = [key.country] if key.level is not None else sorted(key.doc_countries)
    for day in _days(key):
        for country in countries:
            if country:
                out.append((key.family, day, "c", country))
        if pair:
            out.append((key.family, day, "a", pair))
    return out


def _coarse_keys(key: Key) -> list[tuple]:
    if not _is_coarse(key) or not key.country:
        return []
    return [(key.family, "C", key.country)]


__all__ = ["COARSE_DAYS", "Merger", "situation_id"]
