"""Events → situations: blocking, components, clustering, and the situation records.

How events become situations (the rules themselves are in ``sitmap.situations.rules``):

1. **Blocking**: for every day of its date window (plus ``slack``) each event goes into
   buckets keyed by family, status group, day and place cell: a town (point precision) by its
   country and its latitude band (``rules.radius_km.point`` wide: two towns that may be one
   place lie in the same or adjacent bands), a district, region or country by its country, an
   event without a place by every country its document names; and by (family, group, day,
   both actor codes) when both actors are coded, and by (family, group, each MinHash value of
   its evidence sentence's word pairs, ``rules.wording_hashes``, publication block,
   ``wording_block``) when the sentence is long enough to be copied (``rules.copied``), looking
   into its own and the two adjacent blocks. A town looks into its own and the two
   adjacent bands and into the coarser places of its country; a coarser place into all of its
   country (the towns it may contain). Events whose window is longer than ``COARSE_DAYS`` (a
   month, a year) go into one bucket per month of each of their countries (an event without a
   place: every country its document names) and of their actor pair, and look into the day
   buckets of the same countries and pair; the others look into the month buckets their window
   touches (of their countries and their actor pair). Only events
   sharing a block are compared, never all pairs; every pair that can reach the merge
   threshold shares one (two towns farther apart than the radius, or in two countries, are a
   conflict). The index holds each event once per span of ``blocks.SPAN`` days its window
   touches (not once per day) and a lookup keeps the events of a span whose days meet its own:
   exactly the day buckets' candidates, from about a third of the entries.
2. **Components**: events linked by ``rules.linked`` form connected components (order-free).
3. **Clustering** inside a component: every event starts as its own situation; the linked
   pairs are taken strongest first (``rules.score``, then ``rules.similarity`` of the evidence
   sentences, then the fixed order: date window, publication, id), and each joins its two
   events' situations when every member of one is compatible with every member of the other
   (no chaining of a Monday strike into a Thursday one through a vague report). Two
   situations that one report links, and that nothing keeps apart, become one; of two
   equally good matches the one told in more of the same words wins (a document telling an
   event twice gets each telling matched to its closest wording elsewhere).

A situation's id is derived from its first member's event id, a component's from its smallest
event id: a re-run, a resumed run or an incremental update gives the same situations as a
build from scratch, because only whole components are ever re-clustered, up to the update's
cap (``Merger.cap``): past it a story grows by attachment (``sitmap.situations.bounded``).
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta

from sitmap.model import content_id
from sitmap.situations import bounded, rules
from sitmap.situations.blocks import (  # noqa: F401  (``merge._band`` etc. as before)
    COARSE_DAYS,
    _band,
    _block,
    _cells,
    _coarse_keys,
    _copy_keys,
    _countries,
    _days,
    _horizon,
    _is_coarse,
    _keys,
    _long_cells,
    _month_keys,
    _months,
    _pair,
    _slack,
    _span_keys,
    _tags,
    meets,
    wording_block,
)
from sitmap.situations.rules import Key


class Merger:
    """The event keys of a store, indexed for blocking, with each event's component.

    ``add``/``remove`` keep the index in step with the store; ``recluster`` returns the
    situations of the components touched since the last call.
    """

    def __init__(self, *, blocking: bool = True, cap: int | None = None) -> None:
        self.blocking = blocking  # False: neighbours come from ``prime`` (a build from scratch)
        # groups of new events larger than this (with the components they reach) are attached,
        # not re-clustered whole (``sitmap.situations.bounded``); None: always whole (a build)
        self.cap = cap
        self.replaced: set[str] = set()  # situation ids the last recluster wrote or dropped
        self._orphans: set[str] = set()  # members of situations that lost one (a removal)
        self.keys: dict[str, Key] = {}
        self.component: dict[str, str] = {}  # event id -> component id (as stored)
        self._buckets: dict[tuple, list[str]] = defaultdict(list)
        self._coarse: dict[tuple, list[str]] = defaultdict(list)
        # members ``_unsampled`` skips, kept out of the buckets (``bounded.hide``), and the
        # components a removal touched (their hidden members are checked again)
        self.hidden: set[str] = set()
        self._recheck: set[str] = set()
        self._touched: set[str] = set()  # component ids to redo
        self._fresh: set[str] = set()  # event ids added since the last recluster
        self._left: set[str] = set()  # situation ids of events removed since the last one
        self._near: dict[str, list[str]] | None = None  # neighbours, cached during recluster
        self._primed: dict[str, list[str]] = {}  # neighbours given by ``prime``
        self._near_set: dict[str, set[str]] = {}  # the same as sets
        # neighbours of merged events, kept between reclusters (``_keep_near``):
        # a re-clustered component reads its old members' instead of looking each up again
        self._kept: dict[str, list[str]] = {}
        # at most this many, the oldest forgotten first (looked up again when needed, as in a
        # resumed run): ``update.kept_events``; None (a build): all
        self.kept_limit = bounded.kept_events() if cap is not None else None
        # a lookup reads at most this many events of each bucket, those nearest in date to
        # its own (``update.bucket_events``; the buckets are then kept in ``Key.order``), so
        # a new event is compared with a bounded number of candidates however dense its
        # cells and days grow; None (a build): every event of every bucket
        self.bucket_cap = bounded.bucket_events() if cap is not None else None
        self._cut: set[str] = set()  # events whose lookup a bucket's cap cut (this recluster)
        self._sorting = False  # (``load``: the buckets are sorted once, at its end)
        # month key -> kept ids of short windows, of long ones (a new short window looks into
        # the long ones' only: not a scan of every event of a country and month)
        self._watch: dict[tuple, set[str]] = defaultdict(set)
        self._watch_long: dict[tuple, set[str]] = defaultdict(set)
        self.members: dict[str, set[str]] = defaultdict(set)  # component id -> event ids
        self.situation: dict[str, str] = {}  # event id -> situation id
        self.situation_members: dict[str, list[str]] = {}  # situation id -> event ids
        # (family, tag) -> (the last day a fact may start to fulfil it, id) of its predicted
        # events, in that order: a new fact is compared only with those it may fulfil
        self._pred: dict[tuple, list[tuple[int, str]]] = defaultdict(list)
        self._fact: dict[tuple, set[str]] = defaultdict(set)  # (family, tag) -> factual ids
        self._fact_sorted: dict[tuple, tuple] = {}  # the same, in date order (lazily)
        self.gone: set[str] = set()  # situation ids the last recluster replaced
        # predicted event id -> id of the earliest fact that fulfils it (None: none), kept
        # as facts come and go: a re-clustering moves no fact, so only a new fact (compared
        # with it) or the removal of that fact (a scan of its tags) changes it
        self._best: dict[str, str | None] = {}
        self._best_of: dict[str, set[str]] = defaultdict(set)  # fact id -> predicted ids
        self._relink: set[str] = set()  # predicted ids whose earliest fact changed or left
        self._new_by_tag: dict[tuple, list[Key]] = {}  # the last recluster's new facts by tag
        # event ids -> evidence sentences (``Updater`` reads them from the store); without it,
        # the keys' own ``evidence`` (empty when read by ``tables.iter_keys``)
        self.texts: Callable[[list[str]], dict[str, str]] | None = None

    # -- index -------------------------------------------------------------------------------

    def load(
        self,
        keys: Iterable[Key],
        components: dict[str, str],
        situations: dict[str, str] | None = None,
    ) -> None:
        """Index stored events with their stored component and situation ids (no clustering).

        The buckets are filled last, from the keys held (of two stored rows of one id, the
        last, as ``add`` leaves them), without the members ``bounded.hide`` keeps out."""
        blocking, self.blocking = self.blocking, False
        try:
            for key in keys:
                self._index(key)
        finally:
            self.blocking = blocking
        # the keys' own id strings, and one string for each component and situation id (the
        # rows read give each member its own copies: a third of the state's memory)
        names: dict[str, str] = {}
        keys = self.keys
        for event_id, comp in components.items():
            key = keys.get(event_id)
            if key is not None:
                comp = names.setdefault(comp, comp)
                self.component[key.id] = comp
                self.members[comp].add(key.id)
        for event_id, sid in (situations or {}).items():
            key = keys.get(event_id)
            if key is not None:
                sid = names.setdefault(sid, sid)
                self.situation[key.id] = sid
                self.situation_members.setdefault(sid, []).append(key.id)
        for members in self.situation_members.values():  # earliest first, as clustered
            members.sort(key=lambda i: self.keys[i].order)
        if self.blocking:
            if self.cap is not None:  # (nothing in the buckets yet: only ``hidden`` is set)
                bounded.hide(self, list(self.situation_members))
            self._sorting = True  # (appended, then each bucket sorted once)
            try:
                for key in self.keys.values():
                    if key.id not in self.hidden:
                        self.reblock(key)
            finally:
                self._sorting = False
            if self.bucket_cap is not None:
                order = {i: k.order for i, k in keys.items()}.__getitem__
                for ids in itertools.chain(self._buckets.values(), self._coarse.values()):
                    ids.sort(key=order)
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
            self.unblock(key)
            self.hidden.discard(event_id)
            comp = self.component.pop(event_id, None)
            self._forget(event_id, key)
            if comp is not None:
                self._touched.add(comp)
                self._recheck.add(comp)
                self.members[comp].discard(event_id)
                for other in self.members.get(comp, ()):  # the only events linked to it
                    self._forget(other)
            sid = self.situation.pop(event_id, None)
            if sid is not None:  # gone at the next recluster (even when no member is left)
                self._left.add(sid)
                self._orphans.update(self.situation_members.pop(sid, ()))
            self._orphans.discard(event_id)
            self._fresh.discard(event_id)
            self._drop_best(event_id)
            for tag in _tags(key):
                if key.group == "predicted":
                    preds, entry = self._pred.get(tag), (_fulfil_until(key), event_id)
                    i = bisect_left(preds, entry) if preds else 0
                    if preds and i < len(preds) and preds[i] == entry:
                        del preds[i]
                else:
                    self._fact[tag].discard(event_id)
                    self._sorted_remove(tag, key)

    def unblock(self, key: Key) -> None:
        """Take an event out of the day, copy and month buckets."""
        event_id = key.id
        # (recomputed, not kept: a few tuples an event, most of the index's memory)
        for bucket in self._index_keys(key) if self.blocking else ():
            ids = self._buckets.get(bucket)
            if ids is not None and event_id in ids:
                ids.remove(event_id)
                if not ids:
                    del self._buckets[bucket]
        for bucket in _coarse_keys(key):
            ids = self._coarse.get(bucket)
            if ids is not None and event_id in ids:
                ids.remove(event_id)

    def _index(self, key: Key) -> None:
        self.keys[key.id] = key
        if key.group in ("predicted", "factual"):
            for tag in _tags(key):
                if key.group == "predicted":
                    insort(self._pred[tag], (_fulfil_until(key), key.id))
                else:
                    self._fact[tag].add(key.id)
                    self._sorted_add(tag, key)
        if self.blocking:
            self.reblock(key)

    def reblock(self, key: Key) -> None:
        """Put an event into its day, copy or month buckets (in ``Key.order`` when a lookup
        reads a bounded part of each: ``bucket_cap``)."""
        buckets, bucket_keys = (
            (self._coarse, _coarse_keys(key)) if _is_coarse(key) else
            (self._buckets, self._index_keys(key))
        )  # fmt: skip
        if self.bucket_cap is None or self._sorting:
            for bucket in bucket_keys:
                buckets[bucket].append(key.id)
            return
        keys = self.keys
        for bucket in bucket_keys:
            insort(buckets[bucket], key.id, key=lambda i: keys[i].order)

    def _nearest(self, ids: list[str], key: Key) -> list[str]:
        """The events of a bucket a lookup of ``key`` reads: all of them, or, past
        ``bucket_cap``, that many nearest to it in ``Key.order`` (date window, publication: the
        bucket is kept in that order), half before it and half after where there are enough."""
        cap = self.bucket_cap
        if cap is None or len(ids) <= cap:
            return ids
        keys = self.keys
        pos = bisect_left(ids, key.order, key=lambda i: keys[i].order)
        lo = max(0, min(pos - cap // 2, len(ids) - cap))
        self._cut.add(key.id)
        return ids[lo : lo + cap]

    @staticmethod
    def _index_keys(key: Key) -> list[tuple]:
        """The index buckets of a short window: its day cells by span of ``SPAN`` days
        (``blocks._span_keys``) and its copy cells."""
        if _is_coarse(key) or key.start is None:
            return []
        return _span_keys(key, _cells(key, lookup=False)) + _copy_keys(key, lookup=False)

    def pending(self) -> set[str]:
        """Ids of the events added (or stored but never merged) since the last recluster."""
        return self._fresh

    def prime(self, near: dict[str, list[str]]) -> None:
        """Give every event's neighbours at once (``sitmap.situations.pairs.neighbour_map``):
        the next ``recluster`` uses them instead of looking each event up in the buckets."""
        self._primed = near

    def candidates(self, key: Key) -> set[str]:
        """Ids of indexed events sharing a block with ``key`` (itself excluded)."""
        found: set[str] = set()
        if key.start is None:
            return found
        buckets, spanned, near, none = self._buckets, set(), self._nearest, []
        if _is_coarse(key):
            # the days of its countries (and of its two actors)
            for bucket in _span_keys(key, _long_cells(key)):
                spanned.update(near(buckets.get(bucket, none), key))
            for bucket in _coarse_keys(key):
                found.update(near(self._coarse.get(bucket, none), key))
        else:
            for bucket in _span_keys(key, _cells(key, lookup=True)):
                spanned.update(near(buckets.get(bucket, none), key))
            for bucket in _copy_keys(key, lookup=True):
                found.update(near(buckets.get(bucket, none), key))
            # as a long window looks into the days of its countries and actors
            for bucket in _month_keys(key):
                found.update(near(self._coarse.get(bucket, none), key))
        days, keys = _days(key), self.keys  # of a span, the events whose days meet its own
        first, last = days.start, days.stop - 1
        found.update(i for i in spanned - found if meets(keys[i], first, last))
        found.discard(key.id)
        return found

    def neighbours(self, key: Key) -> list[str]:
        """Indexed events linked to ``key`` (compatible and sharing enough evidence)."""
        if self._near is not None and key.id in self._near:
            return self._near[key.id]
        kept = self._kept.get(key.id)
        if kept is not None and self._near is not None:
            self._near[key.id] = kept
            return kept
        keys, linked, near = self.keys, rules.linked, self._near
        found = []
        short = not _is_coarse(key)
        sampled = self._unsampled if self.cap is not None else None
        cut = self._cut
        for i in self.candidates(key):
            other = keys.get(i)
            if other is None or (sampled is not None and sampled(i)):
                continue
            reuse = near is not None and short and i in near and i not in cut
            if reuse and not _is_coarse(other):
                # linked is symmetric, and so is blocking between short windows (unless a
                # bucket's cap cut the other's lookup): reuse
                others = self._near_set.get(i)
                if others is None:
                    others = self._near_set[i] = set(near[i])
                if key.id in others:
                    found.append(i)
            elif linked(key, other):
                found.append(i)
        if near is not None:
            near[key.id] = found
            self._near_set[key.id] = set(found)
        return found

    def _unsampled(self, event_id: str) -> bool:
        """A member of a large situation of a component past the cap, not among its
        ``bounded.sample_size()`` earliest and latest members: not compared (the situation is
        reached through its sample: a lookup costs the same however often a story is told)."""
        comp = self.component.get(event_id)
        if comp is None or len(self.members.get(comp, ())) <= (self.cap or 0):
            return False
        members = self.situation_members.get(self.situation.get(event_id) or "", ())
        n = bounded.sample_size()
        return len(members) > 2 * n and event_id not in members[:n] and event_id not in members[-n:]

    # -- clustering ----------------------------------------------------------------------------

    def recluster(self) -> tuple[set[str], list[tuple[str, list[list[Key]]]]]:
        """Redo the components touched since the last call.

        Returns (the old component ids to delete, [(new component id, its situations)]) where
        each situation is its member keys in order.
        """
        self._near = dict(self._primed)
        try:
            out = self._recluster()
            self._keep_near()
            return out
        finally:
            self._near = None
            self._near_set = {}
            self._primed = {}
            self._cut = set()

    def _forget(self, event_id: str, key: Key | None = None) -> None:
        """Drop an event's kept neighbours (it left, or one of its component did)."""
        if self._kept.pop(event_id, None) is not None:
            key = key or self.keys[event_id]
            watch = self._watch_long if _is_coarse(key) else self._watch
            for mk in _month_keys(key):
                watch[mk].discard(event_id)

    def _keep_near(self) -> None:
        """Keep the neighbours this recluster found (of every event with a date window)."""
        assert self._near is not None
        for event_id, found in self._near.items():
            key = self.keys.get(event_id)
            if key is None or event_id in self._kept or key.start is None:
                continue
            self._kept[event_id] = found
            watch = self._watch_long if _is_coarse(key) else self._watch
            for mk in _month_keys(key):
                watch[mk].add(event_id)
        extra = len(self._kept) - (self.kept_limit or len(self._kept))
        for event_id in list(itertools.islice(self._kept, max(extra, 0))):
            self._forget(event_id)

    def _news_to_kept(self, key: Key, found: list[str]) -> None:
        """A new event joins the kept neighbours of the events whose ``candidates`` it is in
        and that ``rules.linked`` accepts: of short windows, a short window those it found
        (linked and blocking are symmetric between short windows); of the others, those whose
        month buckets it shares, as their lookup of day or month buckets tells."""
        if not self._kept or key.start is None:  # (an event without a date is in no bucket)
            return
        short = not _is_coarse(key)
        if short:
            for other in found:
                kept = self._kept.get(other)
                if kept is not None and not _is_coarse(self.keys[other]) and key.id not in kept:
                    kept.append(key.id)
        if short:  # the day buckets it is indexed in: its block, its cells, its days
            family, cells, days = _block(key), set(_cells(key, lookup=False)), _days(key)
        seen: set[str] = set()
        watches = (self._watch_long,) if short else (self._watch_long, self._watch)
        for mk in _month_keys(key):
            for other in (o for watch in watches for o in watch.get(mk, ())):
                if other in seen:
                    continue
                seen.add(other)
                y = self.keys[other]
                if short and (_block(y) != family or cells.isdisjoint(_long_cells(y))
                              or not meets(y, days.start, days.stop - 1)):  # fmt: skip
                    continue  # not in the day buckets it looks into
                elif mk not in _month_keys(y):
                    continue
                kept = self._kept[other]
                if key.id not in kept and rules.linked(y, key):
                    kept.append(key.id)

    def _recluster(self) -> tuple[set[str], list[tuple[str, list[list[Key]]]]]:
        if self.hidden and (self._recheck or self._orphans):  # a removal: skipped no longer?
            bounded.show(self, self._recheck, self._orphans)
        todo: set[str] = set(self._fresh)
        old = set(self._touched)
        found_of: dict[str, list[str]] = {}
        for event_id in sorted(self._fresh):
            key = self.keys[event_id]
            self._forget(event_id, key)
            found = found_of[event_id] = self.neighbours(key)
            self._news_to_kept(key, found)
            for other in found:
                comp = self.component.get(other)
                if comp is not None:
                    old.add(comp)
                else:
                    todo.add(other)
        gone: set[str] = set(self._left)
        self._left.clear()
        attached: list[tuple[str, list[list[Key]]]] = []
        self.replaced = set()
        if self.cap is not None:  # the groups beyond the cap are attached (``bounded``)
            todo = {i for i in todo if i in self.keys}
            events, keep = bounded.split(self, found_of, todo, old, self.cap)
            if keep:
                orphans = {i for i in self._orphans if self.component.get(i) in keep}
                attached, replaced = bounded.attach(self, events, keep, orphans)
                gone |= replaced
                self.replaced = set(gone)  # (rows of kept components go by situation id)
                todo -= events
                old -= keep
        self._orphans.clear()
        for comp in old:
            for event_id in self.members.pop(comp, ()):
                todo.add(event_id)
                sid = self.situation.pop(event_id, None)
                if sid is not None:
                    gone.add(sid)
                    self.situation_members.pop(sid, None)
        todo = {i for i in todo if i in self.keys}  # (not a set of every key: one batch)
        for event_id in todo:  # events of removed documents' components lose their situation
            sid = self.situation.pop(event_id, None)
            if sid is not None:
                gone.add(sid)
                self.situation_members.pop(sid, None)
        for event_id in todo & self.hidden:  # clustered whole: compared again
            self.hidden.discard(event_id)
            self.reblock(self.keys[event_id])
        out: list[tuple[str, list[list[Key]]]] = []
        components = list(_components(todo, self))
        # evidence sentences, read only for the components where the order of equally good
        # pairs can matter (three events or more), all at once
        wanted = [i for members in components if len(members) > 2 for i in members]
        texts = self.texts(wanted) if self.texts is not None and wanted else {}
        for members in components:
            comp_id = content_id("component", min(members))
            while self.members.get(comp_id):  # a kept component's id (``bounded``): another
                comp_id = content_id("component", comp_id)
            situations = _cluster([self.keys[i] for i in members], self, texts)
            self.members[comp_id] = set(members)
            for event_id in members:
                self.component[event_id] = comp_id
            for sit in situations:
                sid = situation_id(sit)
                self.situation_members[sid] = [k.id for k in sit]
                for k in sit:
                    self.situation[k.id] = sid
            out.append((comp_id, situations))
        out += attached
        new_facts = {i for i in self._fresh if i in self.keys
                     and self.keys[i].group == "factual"}  # fmt: skip
        new_by_tag: dict[tuple, list[Key]] = defaultdict(list)
        for event_id in new_facts:
            key = self.keys[event_id]
            for tag in _tags(key):
                new_by_tag[tag].append(key)
        self._new_by_tag = dict(new_by_tag)
        self.gone = gone
        if self.cap is not None and self.blocking:
            written = [self.situation[sit[0].id] for _, sits in out for sit in sits]
            bounded.hide(self, written, self._recheck)
        self._recheck.clear()
        self._touched.clear()
        self._fresh.clear()
        return old, out

    # -- predictions ---------------------------------------------------------------------------

    def predictions_to_relink(self, fresh: list[tuple[str, list[list[Key]]]]) -> set[str]:
        """Predicted situations whose fulfilment may have changed in the last recluster: new
        or re-clustered ones, those with a member whose earliest fulfilling fact changed (a
        new fact earlier than it, or it left) or was re-clustered (its situation's id may
        have changed).

        A new fact is compared with the predictions of its tags whose earliest fact is later
        than it (or that have none), the earliest facts are updated as it goes; only with those
        it may fulfil in time (the index ``_pred`` is in order of the last day a fact may
        start and fulfil each, ``_fulfil_until``: a feed's old forecasts are not read)."""
        out = {
            self.situation[s[0].id] for _, sits in fresh for s in sits
            if s[0].group == "predicted"
        }  # fmt: skip
        keys, best = self.keys, self._best
        for tag, facts in self._new_by_tag.items():
            facts = sorted(facts, key=lambda k: k.order)
            preds = self._pred.get(tag)
            if not preds:
                continue
            # no fact starting after a prediction's last day fulfils it: those that end
            # before the first new fact's start are not read (a feed's old forecasts)
            first = min(f.start.toordinal() if f.start else _NEVER for f in facts)
            for _, p in preds[bisect_left(preds, (first, "")) :]:
                if p not in best:  # not known yet (a resumed run): scanned by ``fulfilment``
                    if any(rules.fulfils(keys[p], fact) for fact in facts):
                        self._relink.add(p)
                    continue
                old = best[p]
                found = keys[old] if old is not None else None
                for fact in facts:  # earliest first: the first that fulfils is the earliest
                    if found is not None and fact.order >= found.order:
                        break
                    if rules.fulfils(keys[p], fact):
                        found = fact
                        break
                if found is not None and found.id != old:
                    self._set_best(p, found.id)
                    self._relink.add(p)
        # a re-clustered fact's situation may have a new id: relink the predictions it
        # fulfils first (those of a fact that left are in ``_relink`` already)
        for _, sits in fresh:
            for sit in sits:
                for key in sit:
                    self._relink.update(self._best_of.get(key.id, ()))
        for p in self._relink:
            sid = self.situation.get(p)
            if sid is not None:
                out.add(sid)
        self._relink.clear()
        return {sid for sid in out if sid in self.situation_members}

    def fulfilment(self, sid: str) -> str | None:
        """The situation that fulfils predicted situation ``sid``: that of the earliest factual
        event ``rules.fulfils`` accepts for any of its members, or None.

        Each member's earliest fact is kept (see ``predictions_to_relink``); a member without
        one known yet (a new event, or its fact left) scans every fact of its tags once
        (``_scan_event``)."""
        found: Key | None = None
        for event_id in self.situation_members.get(sid, ()):
            if event_id not in self._best:
                fact = self._scan_event(self.keys[event_id])
                self._set_best(event_id, fact.id if fact is not None else None)
            fact_id = self._best[event_id]
            fact = self.keys[fact_id] if fact_id is not None else None
            if fact is not None and (found is None or fact.order < found.order):
                found = fact
        return self.situation.get(found.id) if found is not None else None

    def _set_best(self, prediction: str, fact: str | None) -> None:
        old = self._best.get(prediction)
        if old is not None:
            self._best_of[old].discard(prediction)
            if not self._best_of[old]:
                del self._best_of[old]
        self._best[prediction] = fact
        if fact is not None:
            self._best_of[fact].add(prediction)

    def _drop_best(self, event_id: str) -> None:
        """An event left: as a prediction, its earliest fact is forgotten; as a fact, the
        predictions it fulfilled first are scanned again at their next ``fulfilment``."""
        if event_id in self._best:
            self._set_best(event_id, None)
            del self._best[event_id]
        for p in self._best_of.pop(event_id, ()):
            self._best.pop(p, None)
            self._relink.add(p)

    def _scan_event(self, p: Key) -> Key | None:
        """The earliest factual event that fulfils predicted event ``p``, of all those of its
        tags (in date order, so the scan stops at the first that fulfils)."""
        best: Key | None = None
        said = p.published or p.start
        limit = _fulfil_last(p)
        for tag in _tags(p):
            short, starts, long_ = self._facts_in_order(tag)
            # a fact of a short window that ends before the prediction was made starts
            # more than COARSE_DAYS before it: skip those at once
            first = bisect_left(starts, said - timedelta(days=COARSE_DAYS)) if said else 0
            for facts in (short[first:], long_):
                for fact in facts:  # in date order: the first that fulfils is the earliest
                    if (best is not None and fact.order >= best.order) or (
                        fact.start is not None and fact.start > limit
                    ):
                        break
                    if rules.fulfils(p, fact):
                        best = fact
                        break
        return best

    def _facts_in_order(self, tag: tuple) -> tuple[list[Key], list[date], list[Key]]:
        """The factual events of an index tag, earliest first, split into those of short date
        windows (with their first days, for bisection) and long ones; sorted once, then kept
        in order as events come and go (an ingest batch costs no re-sort of the store)."""
        found = self._fact_sorted.get(tag)
        if found is None:
            keys = self.keys
            facts = sorted((keys[i] for i in self._fact.get(tag, ()) if i in keys),
                           key=lambda k: k.order)  # fmt: skip
            short = [k for k in facts if k.start is not None and not _is_coarse(k)]
            long_ = [k for k in facts if k.start is None or _is_coarse(k)]
            found = (short, [k.start for k in short], long_, [k.order for k in short],
                     [k.order for k in long_])  # fmt: skip
            self._fact_sorted[tag] = found
        return found[0], found[1], found[2]

    def _sorted_add(self, tag: tuple, key: Key) -> None:
        found = self._fact_sorted.get(tag)
        if found is None:
            return  # sorted when first asked for
        short, starts, long_, short_orders, long_orders = found
        if key.start is not None and not _is_coarse(key):
            i = bisect_left(short_orders, key.order)
            short.insert(i, key)
            starts.insert(i, key.start)
            short_orders.insert(i, key.order)
        else:
            i = bisect_left(long_orders, key.order)
            long_.insert(i, key)
            long_orders.insert(i, key.order)

    def _sorted_remove(self, tag: tuple, key: Key) -> None:
        found = self._fact_sorted.get(tag)
        if found is None:
            return
        short, starts, long_, short_orders, long_orders = found
        for keys, orders, extra in ((short, short_orders, starts), (long_, long_orders, None)):
            i = bisect_left(orders, key.order)
            if i < len(keys) and keys[i].id == key.id:
                del keys[i], orders[i]
                if extra is not None:
                    del extra[i]
                return


_NEVER = date.max.toordinal()


def _fulfil_last(p: Key) -> date:
    """The last day a fact may start and fulfil predicted event ``p``: the end of the predicted
    window (widened by ``slack``) or, without one, the horizon after it was said
    (``rules.fulfils_in_time``); ``date.min`` when it cannot be fulfilled."""
    said = p.published or p.start
    if p.day_stated or (p.start and said and p.start > said):
        assert p.end is not None
        return p.end + _slack()
    return said + _horizon() if said else date.min


def _fulfil_until(p: Key) -> int:
    """``_fulfil_last`` as an ordinal (the prediction index's order)."""
    return _fulfil_last(p).toordinal()


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


def _cluster(
    keys: list[Key], merger: Merger, texts: dict[str, str] | None = None
) -> list[list[Key]]:
    """Clustering of one component (see the module docstring): the linked pairs, strongest
    evidence first, each joining two situations when every member of one is compatible with
    every member of the other."""
    keys = sorted(keys, key=lambda k: k.order)
    if len(keys) == 1:
        return [keys]
    pos = {k.id: i for i, k in enumerate(keys)}
    edges: set[tuple[int, int]] = set()
    for i, key in enumerate(keys):
        for other in merger.neighbours(key):
            j = pos.get(other)
            if j is not None and j != i:
                edges.add((i, j) if i < j else (j, i))
    texts = texts or {}
    said = [texts.get(k.id) or k.evidence for k in keys]
    score, similarity = rules.score, rules.text_similarity
    points = {(i, j): score(keys[i], keys[j]) for i, j in edges}
    ranked = sorted(
        (-points[i, j], -similarity(said[i], said[j]) if len(keys) > 2 else 0.0, i, j)
        for i, j in edges
    )
    root = list(range(len(keys)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(keys))}
    # (``rules.compatible``: the score is no conflict; an edge's score is known already)
    compatible = {pair: value != rules.CONFLICT for pair, value in points.items()}
    refused: set[tuple[int, int, int, int]] = set()  # (root, size, root, size) found apart

    def fits(x: int, y: int) -> bool:
        pair = (x, y) if x < y else (y, x)
        ok = compatible.get(pair)
        if ok is None:
            ok = compatible[pair] = rules.compatible(keys[x], keys[y])
        return ok

    for _, _, i, j in ranked:
        a, b = root[i], root[j]
        if a == b:
            continue
        a, b = min(a, b), max(a, b)
        tried = (a, len(members[a]), b, len(members[b]))
        if tried in refused:
            continue
        if not all(fits(x, y) for x in members[a] for y in members[b]):
            refused.add(tried)
            continue
        for y in members.pop(b):
            root[y] = a
            members[a].append(y)
    return [[keys[i] for i in sorted(group)] for _, group in sorted(members.items())]


def situation_id(members: list[Key]) -> str:
    """A situation's id: from its first member (earliest window, then publication, then id)."""
    return content_id("situation", min(members, key=lambda k: k.order).id)


__all__ = ["COARSE_DAYS", "Merger", "situation_id"]
