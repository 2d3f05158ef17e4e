"""Giving each event its date: clause, sentence, parse attachment and report scope."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

from sitmap.model import DateExpr, Document, Event
from sitmap.when.find import _Found
from sitmap.when.share import (
    _GLUED,
    _infinitive,
    share_occasion,
    share_trigger,
    share_with_conjuncts,
)
from sitmap.when.tense import _report_date, _sentence_tokens, _tense, _Tokens
from sitmap.when.vocab import _vocab

_RECENT_DAYS = 31  # an event dated more than this before publication is historical

# Statuses of an act the outlet tells as done by the time of the report: a
# date after publication is never theirs (the guide keeps such a date only for `predicted`):
# "is asking for another $40 million next year" asks now; "the Senate Banking Committee would
# act next week, while Trump is on his trip" is no date of the trip. `quoted` and `negated`
# are left out: a speaker's words may tell a plan ("he will visit next week"), and a refusal
# may be announced for a coming day ("will refuse to testify at Wednesday's hearing"), which
# the status does not show.
_DONE = frozenset({"asserted", "reported"})


# A date that opens a sentence: "On 9 May 2020, ...", "As reported on 22 August 2018, ...",
# "Around 7 December 2022 (week of) ...", "Week of 16 July. ...", "01/17/2013: ...".
_LEAD = re.compile(
    r"^\W*(?:(?:on|around|about|as\s+reported\s+on|reported\s+on|on\s+or\s+(?:about|around|before)"
    r"|(?:during|in)\s+the\s+week\s+of|the\s+week\s+of|week\s+of|overnight\s+on|late\s+on"
    r"|early\s+on|between)\s+)?$",
    re.IGNORECASE,
)


# Calendar dates: a day and month without a year ("22 January. Eight workers are kidnapped")
# scopes a report too, resolved against the publication date or, without one, left undated
# with its expression kept.
_CALENDAR = frozenset({"iso", "slash", "mdy", "dmy"})


def _report_scope(doc: Document, found: list[_Found]) -> None:
    """An explicit date (no weekday or "yesterday") that opens a sentence scopes the report:
    it dates the events of that sentence and of the following sentences that state no date of
    their own, until another sentence opens with a date ("On 1 February 2019, gunmen attacked
    a village. Two farmers were killed." dates both events). Predicted and hypothetical events
    keep none."""
    leads: dict[int, DateExpr] = {}
    for f in found:
        if f.expr is None:
            continue
        calendar_day = f.kind in _CALENDAR and f.expr.precision in ("day", "week")
        if not calendar_day and (f.expr.date is None or f.expr.relative):
            continue  # "On Monday, ..." opens a news paragraph, not a dated report
        if f.expr.precision not in ("day", "week"):
            continue
        sent = doc.sentence_at(f.start)
        if (
            sent is not None
            and sent.index not in leads
            and _LEAD.match(doc.text[sent.start : f.start])
        ):
            leads[sent.index] = f.expr
    if not leads:
        return
    for ev in doc.events:
        if ev.date is not None or ev.status in {"predicted", "hypothetical"}:
            continue
        opened = [i for i in leads if i <= ev.sentence]
        if opened:
            ev.date = leads[max(opened)]


def _assign(doc: Document, found: list[_Found], pub: date | None) -> None:
    """Give each event the date in its clause, else one in its sentence outside other clauses.

    In the clause, a date that also lies in a smaller event clause nested there belongs to that
    event. In the sentence, a date inside any other event's clause is never borrowed. Among
    candidates a resolved date beats an unresolved one, then the nearest to the trigger wins.
    A predicted or hypothetical event takes only a date inside its own clause (the rest of the
    sentence dates the prediction, not the event), unless it is a speech act its subject
    commits to by saying it (``_said_date``), and is never historical. An event told in the
    past tense, or asserted or reported (``_DONE``), never takes a date after
    publication ("asked them to respond by Dec. 15": the deadline is the response's, not the
    asking's); one not told in the past takes no deadline
    ("will withdraw its troops by Friday": the time it is due by, not its time).
    """
    cache: dict[int, _Tokens | None] = {}
    triggers = _triggers(doc, cache)
    heads = _date_heads(doc, found, cache)
    attached = _attachments(found, heads, triggers)
    trigger_of = {id(ev): tok for ev, tok in triggers.values()}
    for ev in doc.events:
        others = [o for o in doc.events if o is not ev]
        unreal = ev.status in {"predicted", "hypothetical"}
        mine = [f for f in found if attached.get(id(f)) is ev]
        cands = mine or [
            f
            for f in found
            if ev.start <= f.start
            and f.end <= ev.end
            and not any(_holds(o, f) and not _holds(o, ev) for o in others)
            and attached.get(id(f)) in (None, ev)
        ]
        ends_only = bool(cands) and all(_period_end(doc.text, f) for f in cands)
        vague = not cands and _vague_clause(doc.text, ev)
        if (
            (not cands or ends_only)
            and not unreal
            and not vague
            and 0 <= ev.sentence < len(doc.sentences)
        ):
            sent = doc.sentences[ev.sentence]
            present = _present_event(ev, doc, cache)
            toks = _tokens(doc, ev.sentence, cache)
            cands = cands + [
                f
                for f in found
                if sent.start <= f.start
                and f.end <= sent.end
                and not any(_holds(o, f) for o in others)
                and not (
                    present
                    and _tense(toks, f.start, f.end) == "past"
                    and not _said_date(doc, ev, f, heads, trigger_of)
                )
            ]
        if not cands and ev.status == "predicted" and id(ev) in trigger_of:
            cands = [f for f in found if _said_date(doc, ev, f, heads, trigger_of)]
        if id(ev) in trigger_of and not mine:
            tok = trigger_of[id(ev)]
            cands = [
                f
                for f in cands
                if not (
                    id(f) in heads
                    and heads[id(f)][0] == ev.sentence
                    and _foreign(f, heads[id(f)][1], tok)
                    and not _said_act(ev, heads[id(f)][1], tok, doc.sentences[ev.sentence].start)
                )
            ]
        cands = [
            f
            for f in cands
            if not _glued_apart(doc.text, f, ev)
            and _reaches(f, ev, found)
            and not _COMPARED.search(doc.text, max(0, f.start - 30), f.start)
            and not _long_window(f)
        ]
        past = _past_tense(ev, doc, cache)
        if not past:  # "arrested 40 by Sunday evening" keeps its day
            cands = [f for f in cands if not _deadline(doc.text, f)]
        if pub is not None and (past or (ev.status in _DONE and not _coming(ev, doc, cache))):
            cands = [f for f in cands if not _after(f, pub)]
        if not cands:
            continue
        anchor = ev.trigger_start if ev.trigger_start is not None else ev.start

        def rank(f: _Found, anchor: int = anchor) -> tuple[bool, bool, bool, int]:
            unresolved = f.expr is None or f.expr.date is None
            ends, anaphor = _period_end(doc.text, f), f.kind == "anaphor"
            return (unresolved, ends, anaphor, abs(f.start - anchor))

        best = min(cands, key=rank)
        ev.date = best.expr
        ev.historical = not unreal and _historical(best, pub)
    share_occasion(triggers)
    share_with_conjuncts(triggers, doc.text)
    share_trigger(doc, triggers)


def _said_date(
    doc: Document,
    ev: Event,
    f: _Found,
    heads: dict[int, tuple[int, Any]],
    trigger_of: dict[int, Any],
) -> bool:
    """Whether ``f`` dates the saying that performs ``ev`` (``_said_act``): "said on Sunday ...
    and said he would never call Kim ..." is told now, but dated by its saying."""
    if id(ev) not in trigger_of or id(f) not in heads or heads[id(f)][0] != ev.sentence:
        return False
    offset = doc.sentences[ev.sentence].start
    return _said_act(ev, heads[id(f)][1], trigger_of[id(ev)], offset)


# A date in a comparison ("arrested more people in 2017 than it did last year", "than on
# Monday"): the time compared with, not the event's.
_COMPARED = re.compile(r"\bthan(?:\s+[\w’']+){0,3}?\s+(?:on|in|during)?\s*$", re.IGNORECASE)


def _long_window(f: _Found) -> bool:
    """A window up to publication longer than a week ("for the last two weeks", "over the past
    year"): a stretch of doings, no occasion of one act; "over the past three days" still
    dates (a week)."""
    return f.window and f.expr is not None and f.expr.precision in ("month", "year")


def _glued_apart(text: str, f: _Found, ev: Event) -> bool:
    """Whether a glued paragraph break lies between a date and the event's clause."""
    lo, hi = (f.end, ev.start) if f.end <= ev.start else (ev.end, f.start)
    return lo <= hi and _GLUED.search(text, max(0, lo - 3), hi + 2) is not None


def _reaches(f: _Found, ev: Event, found: list[_Found]) -> bool:
    """Whether a date may date the event: an offset before a clause ("a day after Bannon
    accused him") dates only the events of that clause, and they take no date from outside it
    ("on Thursday, two days after he drove a truck down a path, killing eight": not Thursday)."""
    at = ev.trigger_start if ev.trigger_start is not None else ev.start
    if f.clause is not None:
        return f.clause[0] <= at < f.clause[1]
    return not any(
        o.clause is not None
        and o.expr is not None
        and o.clause[0] <= at < o.clause[1]
        and not (o.clause[0] <= f.start < o.clause[1])
        for o in found
    )


def _vague_clause(text: str, ev: Event) -> bool:
    """Whether the event's clause says only vaguely when ("a nation he has criticized in the
    past"): it takes no date from the rest of its sentence."""
    return _vocab().vague_time.search(text, ev.start, ev.end) is not None


def _deadline(text: str, f: _Found) -> bool:
    """Whether a date is a deadline ("will withdraw by Friday", "no later than Friday"): no
    time of a coming event ("mid-"/"early"/"late" stay part of the date: "by mid-August")."""
    before = re.sub(r"\b(?:mid|early|late)\s*-?\s*$", "", text[max(0, f.start - 30) : f.start])
    words = re.findall(r"[a-z]+", before.lower())
    return any(
        len(words) >= len(p) and tuple(words[-len(p) :]) == p for p in _vocab().deadline_before
    )


def _period_end(text: str, f: _Found) -> bool:
    """Whether a date closes a period ("until 5 August", "through Sept. 30")."""
    before = text[max(0, f.start - 12) : f.start].split()
    return bool(before) and before[-1].lower() in _vocab().period_end_before


def _past_tense(ev: Event, doc: Document, cache: dict[int, _Tokens | None]) -> bool:
    """Whether the event's trigger is a past-tense or perfect verb ("attacked", "had asked",
    "has already appealed"): an act done by the time of the report."""
    if ev.trigger_start is None or ev.status in {"predicted", "hypothetical"}:
        return False
    toks = _tokens(doc, ev.sentence, cache)
    if toks is None or not toks.parsed:
        return False
    tok = toks.starting(ev.trigger_start)
    if tok is None:
        return False
    return tok.tag_ == "VBD" or (
        tok.tag_ == "VBN"
        and any(c.dep_ == "aux" and (c.tag_ == "VBD" or c.lemma_ == "have") for c in tok.children)
    )


def _trigger_tense(ev: Event, doc: Document, cache: dict[int, _Tokens | None]) -> str | None:
    """The tense the event's trigger is told in (None when its sentence is not parsed)."""
    if ev.trigger_start is None or ev.trigger_end is None:
        return None
    toks = _tokens(doc, ev.sentence, cache)
    if toks is None or not toks.parsed:
        return None
    return _tense(toks, ev.trigger_start, ev.trigger_end)


def _coming(ev: Event, doc: Document, cache: dict[int, _Tokens | None]) -> bool:
    """Whether the event's trigger is told as coming ("is set to visit Brussels on Tuesday",
    "will meet"): its date may lie after publication whatever its status says."""
    return _trigger_tense(ev, doc, cache) == "future"


def _present_event(ev: Event, doc: Document, cache: dict[int, _Tokens | None]) -> bool:
    """Whether the event is told in the present ("are facing charges", "is holding talks"): a
    date governed by a past-tense verb elsewhere in its sentence is another event's ("was
    convicted in November, and both are facing further charges")."""
    return _trigger_tense(ev, doc, cache) == "present"


def _after(f: _Found, pub: date) -> bool:
    """Whether a resolved date starts after the publication date's period at its precision."""
    expr = f.expr
    if expr is None or expr.date is None:
        return False
    when = date.fromisoformat(expr.date[:10])
    if expr.precision in ("year", "decade"):
        return when.year > pub.year
    if expr.precision == "month":
        return (when.year, when.month) > (pub.year, pub.month)
    return when > pub


def _tokens(doc: Document, index: int, cache: dict[int, _Tokens | None]) -> _Tokens | None:
    if index not in cache:
        cache[index] = _sentence_tokens(doc, index)
    return cache[index]


def _triggers(
    doc: Document, cache: dict[int, _Tokens | None]
) -> dict[tuple[int, int], tuple[Event, Any]]:
    """Each event with its trigger token in the parse, keyed by (sentence, token index)."""
    out: dict[tuple[int, int], tuple[Event, Any]] = {}
    for ev in doc.events:
        if ev.trigger_start is None or ev.sentence not in doc._parses:
            continue
        toks = _tokens(doc, ev.sentence, cache)
        if toks is None:
            continue
        tok = toks.starting(ev.trigger_start)
        if tok is not None:
            out.setdefault((ev.sentence, tok.i), (ev, tok))
    return out


def _date_heads(
    doc: Document, found: list[_Found], cache: dict[int, _Tokens | None]
) -> dict[int, tuple[int, Any]]:
    """Each date's head token in its sentence's parse (the token whose head lies outside the
    date), keyed by ``id`` of the match, with the sentence index."""
    out: dict[int, tuple[int, Any]] = {}
    for f in found:
        sent = doc.sentence_at(f.start)
        toks = _tokens(doc, sent.index, cache) if sent and sent.index in doc._parses else None
        if toks is None:
            continue
        inside = toks.inside(f.start, f.end)
        node = next((t for t in inside if not (f.start <= t.head.idx + toks.offset < f.end)), None)
        if node is not None:
            out[id(f)] = (sent.index, node)
    return out


def _attachments(
    found: list[_Found],
    heads: dict[int, tuple[int, Any]],
    triggers: dict[tuple[int, int], tuple[Event, Any]],
) -> dict[int, Event]:
    """The event each date hangs from in the parse: the first event trigger above the date's
    head ("pressed China to do more to rein in North Korea on Thursday": pressed), the event
    noun a relative clause holding the date describes when its verb carries out that noun
    ("Assad's visit to Russia, which he made on Monday": visit; not "the assessment that Russia
    interfered in 2016"), or the event a dated letter, tweet or statement is the medium of
    ("denied in a letter made public on Monday", "In tweets posted on Monday, he attacked")."""
    out: dict[int, Event] = {}
    for f in found:
        if id(f) not in heads:
            continue
        index, node = heads[id(f)]
        noun = _modified_noun(f, node)
        if noun is not None:  # "the 2016 election": the year dates that noun (or its event)
            owner = next((t for t in (noun, *noun.children) if (index, t.i) in triggers), None)
            if owner is not None:
                out[id(f)] = triggers[(index, owner.i)][0]
            continue
        node = _report_date(node) or node
        for _ in range(8):
            hit = triggers.get((index, node.i)) or _light_object(node, index, triggers)
            if hit is not None:
                out[id(f)] = hit[0]
                break
            if (
                node.dep_ in {"relcl", "acl"}
                and (index, node.head.i) in triggers
                and node.lemma_ in _vocab().noun_event_verbs
            ):
                out[id(f)] = triggers[(index, node.head.i)][0]
                break
            medium = _medium_event(node, index, triggers)
            if medium is not None:
                out[id(f)] = medium
                break
            if (
                node.head.i == node.i
                or (node.dep_ in {"relcl", "acl", "ccomp", "parataxis"} and not _infinitive(node))
                or _shifted(node)
                or _shifted_phrase(node, heads[id(f)][1])
                or _content_clause(node)
            ):
                break  # a clause or phrase of its own: its date is not the governor's
            node = node.head
    return out


_MODIFIER_DEPS = frozenset({"compound", "nummod", "amod", "nmod", "poss"})


def _foreign(f: _Found, head: Any, trigger: Any) -> bool:
    """Whether the parse puts a date outside the event's reach although both share a sentence.

    Two cases: a year or month that modifies a noun other than the trigger or its head ("the
    2012 law was intended to punish", "the Act of 2017"): it dates that thing, not the clause;
    and a date and a trigger on either side of a clause boundary, a clausal complement or a
    clause describing a noun ("said on Monday that it was cooperating", "a travel ban imposed
    on its citizens, the ministry said on Thursday"): the date is the report's, not the reported
    event's; so is a clause set before or after the event ("after the Senate passed it last
    Tuesday, the White House released a statement"), though the main clause's date reaches
    into it ("the torches were doused on Friday night after police chased the group off").
    A cleft ("It was last week that he called") is no boundary; a relative clause is one only
    when it has a subject of its own ("the assessment that Russia interfered in the 2016
    election", "the bill Trump signed on Monday"): the parser hangs dates on the wrong side of
    a subject relative ("who", "which") too often.
    """
    noun = _modified_noun(f, head)
    if noun is not None:
        return noun.i not in (trigger.i, trigger.head.i)
    up_t, up_d = _path_up(trigger), _path_up(_report_date(head) or head)
    on_t = [n.i for n in up_t]
    common = next((n for n in up_d if n.i in on_t), None)
    if common is None or _cleft(common):
        return False
    below_t = up_t[: on_t.index(common.i)]
    below_d = up_d[: [n.i for n in up_d].index(common.i)]
    if any(_relative_after(n, head) for n in below_t):
        return True  # "called on Monday for an inquiry into Trump, who has denied it"
    if any(
        _shifted(n) or _own_subject_relative(n, trigger) or _attribution(n) or _now_relative(n)
        for n in below_d
    ):
        return True  # the date sits in an "after ..." clause or a relative clause of its own
    if any(_shifted_phrase(n, head) for n in below_t + below_d):
        return True  # "On Tuesday, he resigned after allegations"; "Following the order on
        # Monday, a lawyer filed a letter asking ...": one side is in a phrase set before/after
    if any(_content_clause(n) or _inside_relative(n, head) for n in below_d):
        return True  # "accused him of touching her in 2010"; "a host who in 2006 appeared"
    if _in_content_clause(below_t):
        return True  # "charged on Wednesday with driving a truck ... in support of IS": the
        # charge's day, not the deed's
    if _topic_of(below_t, common):
        return True  # "tweeted on Sunday about his meeting with Putin": the tweet's day
    return any(n.dep_ == "ccomp" or _clause_on_noun(n) for n in below_t + below_d)


def _relative_after(node: Any, head: Any) -> bool:
    """A subject relative in the perfect or present wholly after the date ("called on Monday
    for an inquiry into Trump, who has denied the accusations"): it tells a person's or thing's
    doings up to now, not at the date, and the parser cannot have hung a date it does not
    hold on the wrong side of it. A simple past may tell a deed at the date ("in August, ...
    one who drove his car into a crowd"); a relative with a subject of its own ("a statement on
    Wednesday in which he did not concede") tells what happened at the dated occasion."""
    return (
        node.dep_ == "relcl"
        and head.i < min(t.i for t in node.subtree)
        and _up_to_now(node)
        and any(
            c.dep_ in ("nsubj", "nsubjpass") and (c.tag_ in ("WP", "WDT") or c.lower_ == "that")
            for c in node.children
        )
    )


def _now_relative(node: Any) -> bool:
    """A relative clause in the present or present perfect holding the date ("killing a soldier
    who has served since 2010"): the date is its own, not the clause's it describes a noun of."""
    return node.dep_ == "relcl" and _up_to_now(node)


def _up_to_now(verb: Any) -> bool:
    """Whether a verb is in the present or the present perfect ("denies", "has denied", "have
    decided", "is facing")."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _topic_of(below_t: list[Any], common: Any) -> bool:
    """Whether the event is a noun that a verb is about ("tweeted on Sunday *about* his visit
    with Putin", "asked on Monday *about* the indictment"): the verb's date is of the telling,
    not of what it tells. ``below_t`` is the path from the trigger up to ``common``, the verb
    both the trigger and the date hang from."""
    if common.pos_ not in ("VERB", "AUX") or not below_t or below_t[0].pos_ != "NOUN":
        return False
    top = below_t[-1]
    return top.dep_ == "prep" and top.lower_ in _TOPIC_PREPS and top.head.i == common.i


_TOPIC_PREPS = frozenset({"about", "regarding", "concerning"})
"""Prepositions that name what a verb tells of ("asked about", "tweeted about")."""


def _said_act(ev: Event, head: Any, trigger: Any, offset: int) -> bool:
    """Whether a date of a reporting verb is the date of a speech act told in what it reports.

    "The ministry said on Tuesday that Washington was to blame" narrates an accusation the
    ministry makes by saying it (the guide's "X said Y was to blame" is the speaker's own act,
    asserted): the saying's date is the accusation's. The date must hang from a verb of saying
    (``saying_verbs``), the event's trigger lie in that verb's complement, and the event's
    source be the verb's subject. A non-speech event in the report ("said on Tuesday that
    rebels had attacked a convoy", status quoted), another actor's speech act ("officials said
    on Thursday that the governor had accused the militia"), a past act the saying tells ("said
    on Monday that they rejected the offer": the rejecting may be older) keep no date from it.
    A speech act the subject commits to by saying it ("said on Wednesday it would oppose the
    unions", status predicted) is performed in the saying and takes its date; so does one told
    after a second verb of saying that shares the subject ("said in a tweet on Sunday that ...
    and said he would never call Kim ...").
    """
    voc = _vocab()
    if (
        ev.status not in ("asserted", "negated", "predicted")
        or ev.plover not in voc.speech_act_types
        or ev.source is None
        or trigger.tag_ == "VBN"
        or (trigger.tag_ == "VBD" and trigger.lemma_.lower() not in voc.backshifted_states)
    ):
        return False  # "admitted on Friday that he asked ...": a past act the saying tells
    verb = head
    for _ in range(6):  # "on Tuesday" → on → said; "in a statement on Sunday" → ... → said
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    verb = _report_date(head) or verb  # "said on Tuesday Washington was to blame"
    if verb.lemma_.lower() not in voc.saying_verbs:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not any(ev.source.start <= c.idx + offset < ev.source.end for c in subjects):
        return False
    node = trigger
    for _ in range(8):
        if node.head.i == node.i:
            return False
        if node.head.i == verb.i or _same_saying(node.head, verb):
            return node.dep_ in ("ccomp", "xcomp")
        if ev.status == "predicted" and node.dep_ not in ("xcomp", "conj"):
            return False  # "said ... ahead of a visit when he is expected to press China"
        node = node.head
    return False


def _same_saying(node: Any, verb: Any) -> bool:
    """Whether ``node`` is a verb of saying coordinated with ``verb`` that shares its subject
    ("said on Sunday that ... and said he would never ...", "confirmed ... but said ...")."""
    return (
        node.dep_ == "conj"
        and node.head.i == verb.i
        and node.lemma_.lower() in _vocab().saying_verbs
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
    )


def _attribution(node: Any) -> bool:
    """An attribution the parser hangs from the clause it attributes ("officials tried to
    pressure her, the Washington Post reported on Thursday"): a verb of saying with a subject
    of its own as an adverbial clause; its date is the report's."""
    return (
        node.dep_ == "advcl"
        and node.lemma_.lower() in (_vocab().saying_verbs | _vocab().reporting)
        and any(c.dep_ == "nsubj" for c in node.children)
    )


def _shifted(node: Any) -> bool:
    """A clause set before or after its governor ("after the Senate passed it last Tuesday, the
    White House released a statement"): its date is not the governor's."""
    return node.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _vocab().shifting_marks for c in node.children
    )


def _shifted_phrase(node: Any, head: Any) -> bool:
    """A prepositional phrase set before or after its governor ("after allegations", "following
    the judge's order on Monday"): its time is not the governor's; unless the date is the
    phrase's own object ("withdrew after Monday" tells the withdrawal's time)."""
    return (
        node.dep_ == "prep"
        and node.lower_ in _vocab().shifting_phrases
        and all(c.i != head.i for c in node.children)
    )


def _own_subject_relative(node: Any, trigger: Any) -> bool:
    """A relative clause whose subject is not the relative pronoun ("that Russia interfered",
    "the bill Trump signed"), unless its verb carries out the event noun it describes ("the
    visit to Moscow, which he made on Monday" for the visit, not for "condemned the bombing,
    which militants carried out in 2009")."""
    if node.dep_ != "relcl":
        return False
    if node.lemma_ in _vocab().noun_event_verbs:
        noun = node.head
        for _ in range(3):  # the parser may hang it on the noun's modifier ("to Moscow")
            if noun.i == trigger.i:
                return False
            if noun.dep_ not in ("pobj", "prep") or noun.head.i == noun.i:
                break
            noun = noun.head
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and c.tag_ not in ("WDT", "WP", "WP$")
        and c.lower_ != "that"
        for c in node.children
    )


def _content_clause(node: Any) -> bool:
    """An "-ing" clause under a content preposition ("accused him *of touching* her in 2010",
    "criticised Ankara *for jailing* reporters in 2016"): what the act is about, at its own
    time."""
    return (
        node.dep_ == "pcomp"
        and node.tag_ == "VBG"
        and node.head.lower_ in _vocab().content_prepositions
        and _on_verb(node.head.head)  # not "a surplus with the U.S. - calling it ..."
    )


def _in_content_clause(below_t: list[Any]) -> bool:
    """Whether the trigger lies in a content clause (``_content_clause``: "came under fire for
    visiting the zone", "charged with driving a truck ..., in support of IS") below the verb it
    shares with the date. A conjunct on the way up is left out: the parser often hangs a
    second participle of the main clause on the content verb ("claiming credit for writing the
    piece and accusing Mueller": the accusing is the emailing's); so is one on a common noun
    ("took the step on Monday of asking Trump to veto": the step is the asking)."""
    for n in below_t:
        if _content_clause(n):
            verb = n.head.head
            return verb.pos_ in ("VERB", "AUX", "PROPN", "PRON") and not (
                verb.lemma_ in _vocab().noun_event_verbs  # "took the step of asking"
                and any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in verb.children)
            )
        if n.dep_ == "conj":
            return False
    return False


def _on_verb(node: Any) -> bool:
    """A verb, or its object, where the parser may hang "of" ("accused [the minister of ...]")."""
    return node.pos_ in ("VERB", "AUX") or (
        node.dep_ in ("dobj", "nsubjpass") and node.head.pos_ in ("VERB", "AUX")
    )


def _inside_relative(node: Any, head: Any) -> bool:
    """A relative clause that holds the date between its first word and its verb ("a presenter
    who in 2006 appeared with him"): inside it beyond doubt, unlike a date after the verb,
    which the parser often hangs on the wrong side."""
    return node.dep_ == "relcl" and min(t.i for t in node.subtree) < head.i < node.i


def _clause_on_noun(node: Any) -> bool:
    """A finite or passive clause describing a noun ("the finding that it interfered", "a ban
    imposed on its citizens"); not "efforts to stop it" nor "a statement following the talks"."""
    return node.dep_ == "acl" and node.tag_ in ("VBN", "VBD", "VBZ", "VBP")


def _modified_noun(f: _Found, head: Any) -> Any:
    """The noun a year or month modifies ("the 2016 election", "the Act of 2017"), else None."""
    if f.expr is None or f.expr.precision not in ("year", "decade", "month"):
        return None
    noun = None
    if head.dep_ in _MODIFIER_DEPS:
        noun = head.head
    elif head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.dep_ == "prep":
        noun = head.head.head
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    prep = noun.head
    if (
        noun.dep_ == "pobj"
        and prep.lower_ in _vocab().frame_prepositions
        and prep.head.pos_ in ("VERB", "AUX")
    ):
        return None  # "lost in last year's election", "fled during the 2014 war": a time frame
    return noun


def _cleft(node: Any) -> bool:
    """Whether ``node`` is the "was" of a cleft ("It was last week that he called"), whose
    that-clause the date does belong to."""
    return node.lemma_ == "be" and any(
        c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in node.children
    )


def _path_up(node: Any) -> list[Any]:
    """``node`` and its heads up to the root of the parse."""
    out = [node]
    while node.head.i != node.i and len(out) < 40:
        node = node.head
        out.append(node)
    return out


def _medium_event(
    node: Any, index: int, triggers: dict[tuple[int, int], tuple[Event, Any]]
) -> Event | None:
    """The event whose medium a dated clause describes: ``node`` is a participle clause on a
    medium noun ("a letter made public on Monday", "tweets posted on Monday") that is the
    object of a preposition hanging from an event trigger ("denied in a letter ...") or the
    trigger's subject ("a report released on Tuesday accused ...")."""
    noun = node.head
    if node.dep_ not in ("acl", "relcl") or node.tag_ != "VBN" or _has_aux(node):
        return None
    if noun.lemma_.lower() not in _vocab().media:
        return None
    if noun.dep_ == "nsubj":  # "A report released on Tuesday accused the army of ..."
        hit = triggers.get((index, noun.head.i))
        return hit[0] if hit is not None else None
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return None
    if noun.head.lower_ in _vocab().shifting_phrases:
        return None  # "After a report released on Tuesday, they accused ...": another time
    hit = triggers.get((index, noun.head.head.i))
    return hit[0] if hit is not None else None


def _has_aux(node: Any) -> bool:
    """Whether a participle has an auxiliary of its own ("the letter he has sent")."""
    return any(c.dep_ in ("aux", "auxpass") for c in node.children)


def _light_object(
    node: Any, index: int, triggers: dict[tuple[int, int], tuple[Event, Any]]
) -> tuple[Event, Any] | None:
    """The event noun a verb without an event of its own takes as its object ("conducted a
    nuclear test this year", "held talks on Friday"): the verb's date is that event's."""
    if node.pos_ not in ("VERB", "AUX"):
        return None
    for child in node.children:
        if child.dep_ == "dobj" and (index, child.i) in triggers:
            return triggers[(index, child.i)]
    return None


def _holds(outer: Event, inner: Event | _Found) -> bool:
    """Whether ``outer``'s clause span holds ``inner``'s span."""
    return outer.start <= inner.start and inner.end <= outer.end


def _historical(f: _Found, pub: date | None) -> bool:
    """Whether the expression puts an event clearly before the publication period."""
    expr = f.expr
    if expr is None or f.window:
        return False
    if pub is None:
        return f.past_period
    if expr.date is None or expr.precision is None:
        return False
    when = date.fromisoformat(expr.date)
    if expr.precision == "decade":
        return when.year + 9 < pub.year
    if expr.precision == "year":
        return when.year < pub.year
    if expr.precision == "month":
        last = date(when.year, when.month, calendar.monthrange(when.year, when.month)[1])
    elif expr.precision == "week":
        last = when + timedelta(days=6)
    else:
        last = when
    return last < pub - timedelta(days=_RECENT_DAYS)
