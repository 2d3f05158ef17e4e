"""A situations update whose cost does not grow with the store: large stories grow by attachment.

``Merger.recluster`` redoes every component a new event is linked to, whole: its members'
links are ranked and clustered again and every one of its situations is written again. A
component is a story (all events linked to each other, directly or through others); a story
told by many documents (a week of war told by every outlet, or the bench's variants, which
repeat the same articles' events) keeps growing, and so did the update's cost per batch.

The update is therefore bounded: new events (and the events a rewritten document's removal
left without a situation) are grouped by what they are linked to; a group whose events and
linked components hold at most ``update.component_cap`` events (``data/situations.yaml``) is
clustered whole, as before: exactly as ``build`` clusters it. A larger group that reaches a
stored component is **attached** instead: its situations stay as they are, and each new event,
earliest first (``Key.order``), joins the situation of the event it shares the most evidence
with (``rules.score``; then the situation's first report), when it is compatible with the
situation's ``update.sample`` earliest and latest members (``rules.compatible``); otherwise
it starts a situation of its own. Only the situations it joins or starts are written again;
a situation that loses a member (a rewritten document) is clustered again from the rest of its
members. Looking a new event up, a member of a situation of more than ``2 * sample`` members in
a component past the cap is compared only when it is one of the ``sample`` earliest or latest
(``Merger._unsampled``): a story told a thousand times costs a lookup what it costs told once.
Those members are kept out of the buckets altogether (``hide``; ``Merger.hidden``), so a lookup
never even reads them: the candidates a new event is compared with are the events of its cells
and days in stories under the cap and at most ``2 * sample`` members of each situation past it,
however often each was told. The set is worked out again from the stored situations when an
``Updater`` is made (a resumed run holds the same members out), after each batch for the
situations it wrote, and before a batch's lookups for the members a removal may have brought
back into a sample (``show``); the situations are the same as with every member in the buckets
(a test checks this on random batches with rewritten documents).

A lookup is bounded too, however dense a cell grows (a week of one country's news: every
new event of its family was compared with all of them, and with more as the store grew): it
reads at most ``update.bucket_events`` events of each bucket of the merge index (the day
buckets of its 7-day spans and place and actor cells, its copy cells, its month cells), those
nearest to it in ``Key.order`` (date window, then publication; the buckets are kept in that
order), half before it and half after where a bucket has enough (``Merger._nearest``). The
candidates a new event is compared with are so at most ``bucket_events`` times the number of
its buckets (a few spans times a few cells, and its copy cells). The links of an event are
those its lookups found (kept between batches, ``update.kept_events``); an event looked up
again later reads the buckets as they are then. Inside a cell and span of more than
``bucket_events`` events, the situations so depend on what the store held when each report
came, and ``build`` (which reads every event of every bucket) may link such a dense week
differently; below it update and build are identical (the tests' worlds and the situations
dev set are).

The memory of an update is bounded where it grew without need: the neighbours found for the
``update.kept_events`` most recent events are kept between batches (a re-clustered story reads
them instead of looking its members up again); older ones are forgotten and looked up again
when needed, exactly as after a resume.

What this changes: inside a story of more than ``component_cap`` events, the situations depend
on the order the documents arrived in (the complete-link check reads a sample of a large
situation, and an attached event never re-orders the earlier ones), so ``build`` from scratch
(which clusters every component whole) may cut such a story differently. Stories up to the cap
(every story of the evaluation sets and of the tests) are clustered identically by both. A
component that grew past the cap keeps its id; events attached to it carry it.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sitmap.model import content_id
from sitmap.situations import rules
from sitmap.situations.rules import Key

if TYPE_CHECKING:
    from sitmap.situations.merge import Merger


def component_cap() -> int:
    """Events up to which a group of new events and its components is clustered whole."""
    return int(rules.config()["update"]["component_cap"])


def sample_size() -> int:
    """Members of each end of a situation an attached event must be compatible with."""
    return int(rules.config()["update"]["sample"])


def kept_events() -> int:
    """Events whose neighbours an update keeps between batches (the most recently found)."""
    return int(rules.config()["update"]["kept_events"])


def bucket_events() -> int:
    """Events of each bucket of the merge index a lookup reads (those nearest in date)."""
    return int(rules.config()["update"]["bucket_events"])


def split(
    merger: Merger,
    found: dict[str, list[str]],
    todo: set[str],
    old: set[str],
    cap: int,
) -> tuple[set[str], set[str]]:
    """(events to attach, components to keep) of the groups larger than ``cap``.

    A group is the union of new events (``found``: each one's linked events), the components
    their linked events are in and the unmerged events (``todo``) they are linked to; the
    components ``old`` already holds (a removal touched them) are groups of their own when no
    new event links to them. A group of new events alone is clustered whole, whatever its size
    (nothing stored to attach to)."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(n: tuple[str, str]) -> tuple[str, str]:
        parent.setdefault(n, n)
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    def node(event_id: str) -> tuple[str, str]:
        comp = merger.component.get(event_id)
        return ("c", comp) if comp is not None else ("e", event_id)

    for event_id in todo:
        find(("e", event_id))
    for comp in old:
        find(("c", comp))
    for event_id, linked in found.items():
        for other in linked:
            if other in merger.keys:
                a, b = find(("e", event_id)), find(node(other))
                if a != b:
                    parent[max(a, b)] = min(a, b)
    size: dict[tuple[str, str], int] = {}
    stored: set[tuple[str, str]] = set()
    for n in list(parent):
        root = find(n)
        size[root] = size.get(root, 0) + (len(merger.members.get(n[1], ())) if n[0] == "c" else 1)
        if n[0] == "c":
            stored.add(root)
    attach: set[str] = set()
    keep: set[str] = set()
    for n in parent:
        root = find(n)
        if size[root] > cap and root in stored:
            (keep if n[0] == "c" else attach).add(n[1])
    return attach, keep


def attach(
    merger: Merger, events: set[str], keep: set[str], orphans: set[str]
) -> tuple[list[tuple[str, list[list[Key]]]], set[str]]:
    """Attach ``events`` (new ones) to the situations of the kept components ``keep`` (see the
    module docstring); ``orphans`` (the other members of a situation of theirs that lost one:
    a rewritten document) are clustered again among themselves first, as a situation is.

    Returns ([(component, its written situations)], the situation ids to delete first: every
    one written, and those that left)."""
    from sitmap.situations.merge import _cluster

    keys = merger.keys
    events = {i for i in events if i in keys} - orphans
    replaced: set[str] = set()
    written: dict[str, str] = {}  # situation id -> its component
    left: dict[str, list[Key]] = {}  # a situation that lost a member: the rest of it
    for event_id in sorted(i for i in orphans if i in keys):
        left.setdefault(merger.situation.get(event_id) or "", []).append(keys[event_id])
    for event_id in events:  # (new, or never merged)
        sid = merger.situation.pop(event_id, None)
        if sid is not None:
            replaced.add(sid)
            merger.situation_members.pop(sid, None)
        comp = merger.component.pop(event_id, None)
        if comp is not None:
            merger.members[comp].discard(event_id)
    for old_sid, rest in sorted(left.items()):  # the rest of it, clustered again (bounded)
        replaced.add(old_sid)
        comp = merger.component[rest[0].id]
        for sit in _cluster(rest, merger):
            sid = content_id("situation", sit[0].id)
            merger.situation_members[sid] = [k.id for k in sit]
            for k in sit:
                merger.situation[k.id] = sid
            written[sid] = comp
    largest = max(keep, key=lambda c: (len(merger.members.get(c, ())), c))
    n = sample_size()
    for event_id in sorted(events, key=lambda i: keys[i].order):
        key = keys[event_id]
        best: dict[str, int] = {}
        for other in merger.neighbours(key):
            sid = merger.situation.get(other)
            if sid is not None and other in keys:
                score = rules.score(key, keys[other])
                if score > best.get(sid, -1):
                    best[sid] = score
        ranked = sorted(best, key=lambda s: (-best[s], keys[merger.situation_members[s][0]].order))
        home = next((s for s in ranked if _fits(key, merger.situation_members[s], keys, n)), None)
        if home is None:
            members = [event_id]
            comp = next((merger.component[merger.situation_members[s][0]] for s in ranked), largest)
        else:
            members = merger.situation_members.pop(home)
            comp = merger.component[members[0]]
            insort(members, event_id, key=lambda i: keys[i].order)
            replaced.add(home)
            written.pop(home, None)
        sid = content_id("situation", members[0])  # (``merge.situation_id``: its first member)
        merger.situation_members[sid] = members
        for member in members:
            merger.situation[member] = sid
        merger.component[event_id] = comp
        merger.members[comp].add(event_id)
        written[sid] = comp
    by_comp: dict[str, list[list[Key]]] = {}
    for sid, comp in sorted(written.items()):
        by_comp.setdefault(comp, []).append([keys[i] for i in merger.situation_members[sid]])
    return sorted(by_comp.items()), replaced | set(written)


def hide(merger: Merger, sids: Iterable[str], recheck: Iterable[str] = ()) -> None:
    """Take the members ``Merger._unsampled`` skips (the middle of a situation of more than
    ``2 * sample`` members in a component past the cap) out of the buckets, and put back those
    of these situations it no longer skips: a lookup then never even reads them, however often
    a story is told. ``sids``: the situations just written (or loaded); ``recheck``: the
    components a removal touched (they may have fallen back under the cap)."""
    n, cap = sample_size(), merger.cap or 0
    keys, hidden = merger.keys, merger.hidden
    check = set(sids)
    for comp in recheck:
        for event_id in merger.members.get(comp, ()):
            if event_id in hidden:
                check.add(merger.situation.get(event_id) or "")
    for sid in check:
        members = merger.situation_members.get(sid)
        if not members:
            continue
        comp = merger.component.get(members[0])
        large = len(members) > 2 * n and len(merger.members.get(comp or "", ())) > cap
        middle = set(members[n:-n]) if large else set()
        for event_id in middle - hidden:
            merger.unblock(keys[event_id])
            hidden.add(event_id)
        for event_id in [i for i in members if i in hidden and i not in middle]:
            hidden.discard(event_id)
            merger.reblock(keys[event_id])


def show(merger: Merger, comps: Iterable[str], orphans: Iterable[str]) -> None:
    """Put back into the buckets the hidden members (``hide``) that ``Merger._unsampled`` no
    longer skips after a removal: of components that may have fallen under the cap, and
    members of situations that lost one (before any lookup of the update)."""
    hidden = merger.hidden
    check = {i for i in orphans if i in hidden}
    for comp in comps:
        check.update(i for i in merger.members.get(comp, ()) if i in hidden)
    for event_id in sorted(check):
        if not merger._unsampled(event_id):
            hidden.discard(event_id)
            merger.reblock(merger.keys[event_id])


def _fits(key: Key, members: list[str], keys: dict[str, Key], n: int) -> bool:
    """Compatible with the ``n`` earliest and ``n`` latest members of a situation (all of a
    situation of up to ``2 n``)."""
    sample = members if len(members) <= 2 * n else members[:n] + members[-n:]
    return all(rules.compatible(key, keys[m]) for m in sample)


__all__ = [
    "attach",
    "bucket_events",
    "component_cap",
    "hide",
    "kept_events",
    "sample_size",
    "show",
    "split",
]
