"""The when stage: date expressions in the text → dates, resolved against the publication date.

``resolve(doc)`` fills ``doc.dates`` with every date expression in the kept text (spaCy DATE
entities plus rules for what NER misses or splits), gives each event the date expressed in its
clause or sentence, and flags events that happened well before publication (``historical``).

Relative expressions ("on Monday", "last year", "two days ago") are resolved against
``doc.published`` only: when it is unknown they keep ``date=None``. sitmap never reads the
system clock and never fills an event's date with the publication date.

Conventions: ``DateExpr.date`` is the first day of the period (the Monday of a calendar week,
the Saturday of a weekend, the start of an "over the past N days" window); spans leave out
bare prepositions ("on Monday" → "Monday"). ``parse_published(raw)`` parses the publication
dates found in corpora and feeds.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import cache, lru_cache
from typing import Any

from sitmap.lexicons import yaml_file
from sitmap.model import DateExpr, Document, Event

__all__ = ["parse_published", "resolve"]

_RECENT_DAYS = 31  # an event dated more than this before publication is historical
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


# --------------------------------------------------------------------------- vocabulary


def _alt(words: list[str], *, dotted: bool = False, cap: bool = False) -> str:
    """Regex alternation of words, longest first; ``dotted`` allows "Sept." for abbreviations."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        if cap:  # "new year's eve" → "New Year's Eve"
            w = " ".join(part[:1].upper() + part[1:] for part in w.split())
        pat = re.escape(w).replace(r"\ ", r"\s+")
        if dotted and len(w) <= 4 and w.lower() not in ("may", "june", "july"):
            pat += r"\.?"
        out.append(pat)
    return "(?:" + "|".join(out) + ")"


@dataclass(frozen=True)
class _Vocab:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    holidays: dict[str, tuple[int, int]]
    blockers: frozenset[str]
    future_cues: tuple[tuple[str, ...], ...]
    time_zones: frozenset[str]
    modals: frozenset[str]
    past_aux: frozenset[str]
    present_aux: frozenset[str]
    reporting: frozenset[str]
    ambiguous_months: frozenset[str]
    untensed_before: frozenset[str]
    anchor: re.Pattern[str]
    month: re.Pattern[str]
    patterns: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]


@cache
def _vocab() -> _Vocab:
    """Word lists from ``data/time.yaml`` and the expression patterns built from them (once)."""
    data = yaml_file("time.yaml")
    months = {str(k): int(v) for k, v in data["months"].items()}
    weekdays = {str(k): int(v) for k, v in data["weekdays"].items()}
    numbers = {str(k): int(v) for k, v in data["numbers"].items()}
    holidays = {str(k): (int(v[0]), int(v[1])) for k, v in data["holidays"].items()}
    mon = "(?-i:" + _alt(list(months), dotted=True, cap=True) + ")"
    wday = "(?-i:" + _alt(list(weekdays), cap=True) + ")"
    num = r"(?:\d{1,3}|" + _alt(list(numbers)) + ")"
    part = _alt([str(p) for p in data["day_parts"]])
    year = r"(?:1[89]|20)\d\d"
    decade = r"(?:1[89]|20)\d0"
    day = r"[0-3]?\d(?:st|nd|rd|th)?"
    mod = (
        r"(?:(?P<mod>earlier|later|early|late|mid|the\s+end\s+of|the\s+beginning\s+of"
        r"|the\s+start\s+of|the\s+middle\s+of|the\s+first\s+half\s+of"
        r"|the\s+second\s+half\s+of)(?:\s+|-|\s+in\s+))?"
    )
    fuzzy = r"(?:(?:almost|nearly|about|around|some|roughly|more\s+than|less\s+than|over|just)\s+)?"
    patterns = [
        ("iso", rf"\b(?P<year>{year})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("slash", rf"\b(?P<mon>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>{year})\b"),
        (
            "mdy",
            rf"(?:(?P<wd>{wday}),?\s+)?{mod}(?:(?P<rel>last|this|next)\s+)?(?P<mon>{mon})"
            rf"(?:\s+(?P<day>{day})\b(?!\s*[-:/]\d)(?!\s+\d{{1,3}}(?!\d)))?"
            rf"(?:(?:\s*,\s*|\s+)(?:of\s+)?(?P<year>{year})(?!\d)"
            r"|\s+of\s+(?P<yrel>this|last|next|the\s+same)\s+year)?",
        ),
        (
            "dmy",
            rf"(?:(?P<wd>{wday}),?\s+)?(?:the\s+)?(?P<day>{day})\s+(?:of\s+)?(?P<mon>{mon})"
            rf"(?:\s*,?\s*(?P<year>{year})\b)?",
        ),
        (
            "holiday",
            r"(?-i:" + _alt(list(holidays), cap=True) + r")\b(?:\s+(?P<year>" + year + r")\b)?",
        ),
        (
            "decade",
            rf"(?:(?:the\s+)?(?:early|late|mid)?-?\s*(?P<decade>{decade})s"
            rf"|(?:the|early|late|mid)-?\s*(?P<decade2>{decade})['’]s)\b",
        ),
        ("year", rf"{mod}(?P<year>{year})\b"),
        (
            "weekday",
            rf"(?:(?P<rel>last|this\s+past|this\s+coming|this|next)\s+)?(?P<wd>{wday})"
            rf"(?:\s+(?P<part>{part})\b)?",
        ),
        (
            "deictic",
            rf"(?P<word>yesterday|today|tonight|tomorrow|last\s+night|this\s+(?:{part}))"
            rf"(?:\s+(?P<part>{part})\b)?",
        ),
        (
            "ago",
            rf"{fuzzy}(?P<num>{num})\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b",
        ),
        (
            "window",
            rf"(?:the\s+(?:past|last)\s+(?:(?P<num>{num})\s+)?(?P<unit>day|week|month|year)s?"
            r"|recent\s+(?P<runit>day|week|month|year)s)\b",
        ),
        (
            "period",
            rf"{mod}(?P<rel>last|this\s+past|this\s+coming|this|next|the\s+coming|the\s+current)\s+"
            r"(?P<unit>weekend|week|month|year)\b",
        ),
        ("weekend", r"(?:(?<=\bover\s)|(?<=\bduring\s)|(?<=\bat\s))the\s+weekend\b"),
    ]
    # A cheap search per text decides whether a pattern can match at all (speed only).
    prefilters = {
        "iso": r"\d-[01]\d-",
        "slash": r"\d/\d",
        "mdy": mon,
        "dmy": mon,
        "holiday": r"(?-i:" + _alt(list(holidays), cap=True) + ")",
        "decade": r"\d0['’]?s",
        "year": r"(?:1[89]|20)\d\d",
        "weekday": wday,
        "ago": r"\bago\b",
        "window": r"\b(?:past|last|recent)\b",
        "period": r"\b(?:last|this|next|coming|current)\b",
        "weekend": r"\bweekend\b",
    }
    compiled = tuple(
        (
            kind,
            re.compile(prefilters.get(kind, "."), re.IGNORECASE),
            re.compile(r"(?<![\w$£€.-])" + pat + r"(?!(?-i:[a-z0-9_])|-)", re.IGNORECASE),
        )
        for kind, pat in patterns
    )
    anchor_words = [str(w) for w in data["anchors"]]
    anchor = re.compile(
        rf"\b{year}\b|\b{decade}['’]?s\b|{mon}|{wday}|\b" + _alt(anchor_words) + r"\b",
        re.IGNORECASE,
    )
    return _Vocab(
        months=months,
        weekdays=weekdays,
        numbers=numbers,
        holidays=holidays,
        blockers=frozenset(str(w) for w in data["weekday_blockers"]),
        future_cues=tuple(tuple(str(c).split()) for c in data["future_cues"]),
        time_zones=frozenset(str(w) for w in data["time_zones"]),
        untensed_before=frozenset(str(w) for w in data["untensed_before"]),
        modals=frozenset(str(w) for w in data["modals"]),
        past_aux=frozenset(str(w) for w in data["past_auxiliaries"]),
        present_aux=frozenset(str(w) for w in data["present_auxiliaries"]),
        reporting=frozenset(str(w) for w in data["reporting_verbs"]),
        ambiguous_months=frozenset(str(w) for w in data["ambiguous_months"]),
        anchor=anchor,
        month=re.compile(r"\b" + mon + r"(?!\w)"),
        patterns=compiled,
    )


# --------------------------------------------------------------------------- finding


@dataclass
class _Found:
    """A candidate expression with what resolution needs beyond ``DateExpr``."""

    kind: str
    start: int
    end: int
    groups: dict[str, str | None]
    expr: DateExpr | None = None
    window: bool = False  # "over the past few days": a period ending at publication
    past_period: bool = False  # inherently before any publication ("last year", "in 2016" + past)


# A bare month or year needs one of these words before it (or a DATE entity around it).
_CUE_BEFORE = re.compile(
    r"\b(?:in|since|until|till|by|before|after|during|through|from|to|of|between|and|or|"
    r"early|late|mid|end|last|next|this|from|on|each|every)\s*-?$",
    re.IGNORECASE,
)


def _find(text: str, entities: list[tuple[int, int]]) -> tuple[list[_Found], list[tuple[int, int]]]:
    """Rule matches over ``text`` (longest first, without overlaps) and the rejected spans."""
    voc = _vocab()
    raw: list[_Found] = []
    rejected: list[tuple[int, int]] = []
    for kind, prefilter, pattern in voc.patterns:
        if not prefilter.search(text):
            continue
        for m in pattern.finditer(text):
            if m.end() <= m.start():
                continue
            if _plausible(kind, m, text, entities, voc):
                raw.append(_Found(kind, m.start(), m.end(), m.groupdict()))
            else:
                rejected.append((m.start(), m.end()))
    raw.sort(key=lambda f: (-(f.end - f.start), f.start))
    taken: list[_Found] = []
    for f in raw:
        if all(f.end <= t.start or f.start >= t.end for t in taken):
            taken.append(f)
    return sorted(taken, key=lambda f: f.start), rejected


def _inside_entity(start: int, end: int, entities: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in entities)


def _plausible(
    kind: str, m: re.Match[str], text: str, entities: list[tuple[int, int]], voc: _Vocab
) -> bool:
    """Reject matches that are not dates: a bare "May", a clock time "1004 GMT", "Black Friday"."""
    g = m.groupdict()
    before = text[max(0, m.start() - 24) : m.start()]
    after = text[m.end() : m.end() + 12].lstrip().lower()
    in_entity = _inside_entity(m.start(), m.end(), entities)
    if kind == "mdy":
        if g["day"] and not 1 <= int(re.sub(r"\D", "", g["day"])) <= 31:
            return False
        bare = not (g["day"] or g["year"] or g["yrel"] or g["mod"] or g["rel"])
        if bare and not (in_entity or _CUE_BEFORE.search(before)):
            return False
        if bare and g["mon"].lower().rstrip(".") in voc.ambiguous_months:
            return bool(_CUE_BEFORE.search(before)) and not before.rstrip().endswith(" to")
    if kind == "dmy" and not 1 <= int(re.sub(r"\D", "", g["day"])) <= 31:
        return False
    if kind == "year":
        words = after.split()
        if words and re.sub(r"\W", "", words[0]) in voc.time_zones:
            return False
        if re.match(r"[%]|,\d|\.\d", after) or re.search(r"(?:fiscal|year)\s*$", before, re.I):
            return False
        if not (g["mod"] or in_entity or _CUE_BEFORE.search(before)):
            return False
    if kind == "weekday":
        prev = before.split()[-1:] if before.split() else []
        if prev and prev[0].lower().strip(".,") in voc.blockers:
            return False
    return True


# --------------------------------------------------------------------------- tense


@dataclass
class _Tokens:
    """Tokens of one sentence (a parse when there is one) and its offset in the document."""

    tokens: list[Any]
    offset: int
    parsed: bool


def _sentence_tokens(doc: Document, index: int) -> _Tokens | None:
    if index in doc._parses:
        return _Tokens(list(doc._parses[index]), doc.sentences[index].start, True)
    if doc._spacy is not None:
        sent = doc.sentences[index]
        span = doc._spacy.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is not None:
            return _Tokens(list(span), 0, False)
    return None


def _tense(toks: _Tokens | None, start: int, end: int) -> str | None:
    """The tense ("past", "future", "present" or None) of the verb governing [start, end).

    With a dependency parse the governing verb is found through the heads, and a non-finite
    verb ("telling the court on Wednesday", "to question him on Sunday") takes the tense of
    the verb it hangs from; without one, the nearest finite verb decides.
    """
    if toks is None:
        return None
    tokens = toks.tokens
    if not tokens:
        return None
    inside = [t for t in tokens if start <= t.idx + toks.offset < end]
    if not inside:
        return None
    verb = None
    if toks.parsed:
        node = next((t for t in inside if not (start <= t.head.idx + toks.offset < end)), inside[0])
        verb = _verb_above(node)
    if verb is None:
        verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX") and t.tag_ != "MD"]
        if not verbs:
            return None
        verb = min(verbs, key=lambda t: min(abs(t.i - inside[0].i), abs(t.i - inside[-1].i)))
    for _ in range(4):
        tense = _verb_tense(verb, tokens)
        if tense != "nonfinite":
            return tense
        head = _verb_above(verb.head) if toks.parsed and verb.head is not verb else None
        if head is None:
            return None
        verb = head
    return None


def _verb_above(node: Any) -> Any:
    """``node`` itself or the nearest verb above it in the parse (None if there is none)."""
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head is node:
            return None
        node = node.head
    return None


def _verb_tense(verb: Any, tokens: list[Any]) -> str | None:
    """Tense of one verb from its tag and its auxiliaries; "nonfinite" for participles."""
    base = tokens[0].i
    k = verb.i - base
    lo = k
    while lo > 0 and k - lo < 5 and tokens[lo - 1].tag_[:2] in ("MD", "VB", "RB", "TO"):
        lo -= 1
    window = [t.text.lower() for t in tokens[lo : k + 1]]
    after = [t.text.lower() for t in tokens[k + 1 : k + 2]]
    voc = _vocab()
    for cue in voc.future_cues:
        seq = window + after if cue[-1] == "to" else window
        if any(tuple(seq[i : i + len(cue)]) == cue for i in range(len(seq))):
            return "future"
    before = set(window[:-1])
    tag = verb.tag_
    if tag == "VBD":
        return "past"
    if before & voc.modals:
        return "present"
    if tag == "VBN":
        if before & voc.past_aux:
            return "past"
        if before & voc.present_aux:
            return None
        return "nonfinite" if verb.dep_ == "conj" else "past"
    if tag in ("VBZ", "VBP"):
        return None if verb.lemma_ in voc.reporting else "present"
    if tag in ("VBG", "VB"):
        if before & voc.past_aux:
            return "past"
        if tag == "VBG" and before & voc.present_aux:
            return "present"
        if tag == "VB" and "to" not in before:
            return "present"
        return "nonfinite"
    return None


# --------------------------------------------------------------------------- resolution


def _month_start(d: date, shift: int = 0) -> date:
    m = d.year * 12 + d.month - 1 + shift
    return date(m // 12, m % 12 + 1, 1)


def _number(voc: _Vocab, word: str | None) -> int | None:
    if word is None:
        return None
    word = re.sub(r"\s+", " ", word.lower())
    return int(word) if word.isdigit() else voc.numbers.get(word)


def _month_num(voc: _Vocab, word: str) -> int:
    return int(word) if word.isdigit() else voc.months[word.lower().rstrip(".")]


def _pick_year(month: int, day: int, pub: date, tense: str | None, rel: str | None) -> date | None:
    """Year for a month(-day) without one: past tense → most recent, future → next, else nearest."""
    cands = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            cands.append(date(y, month, day))
        except ValueError:
            continue
    if not cands:
        return None
    if rel == "this":
        return next((c for c in cands if c.year == pub.year), None)
    if rel == "last":
        past = [c for c in cands if (c.year, c.month) < (pub.year, pub.month)]
        return max(past) if past else None
    if rel == "next":
        fut = [c for c in cands if (c.year, c.month) > (pub.year, pub.month)]
        return min(fut) if fut else None
    if tense == "past":
        past = [c for c in cands if c <= pub + timedelta(days=1)]
        return max(past) if past else None
    if tense == "future":
        fut = [c for c in cands if c >= pub - timedelta(days=1)]
        return min(fut) if fut else None
    return min(cands, key=lambda c: abs((c - pub).days))


def _expr(
    f: _Found, text: str, when: date | None, precision: str | None, *, relative: bool, score: float
) -> DateExpr:
    return DateExpr(
        text=text[f.start : f.end],
        start=f.start,
        end=f.end,
        date=when.isoformat() if when else None,
        precision=precision,
        relative=relative,
        score=score,
    )


def _resolve_found(f: _Found, text: str, pub: date | None, tense: str | None) -> DateExpr:
    """The ``DateExpr`` for one rule match (sets ``f.window`` / ``f.past_period`` on the way)."""
    voc = _vocab()
    g = f.groups

    def lower(key: str) -> str | None:
        return re.sub(r"\s+", " ", (g.get(key) or "").lower()) or None

    rel = lower("rel")
    if rel == "this past":  # "this past week" is the last one; "this past year" is this one
        rel = "this" if lower("unit") == "year" else "last"
    if rel in ("this coming", "the coming"):
        rel = "next"
    if rel == "the current":
        rel = "this"
    kind = f.kind

    if kind in ("iso", "slash", "mdy", "dmy", "holiday"):
        if kind == "holiday":
            key = re.sub(r"\s+", " ", text[f.start : f.end].lower())
            key = re.sub(r"\s+\d{4}$", "", key)
            month, day = voc.holidays[key]
        else:
            month = _month_num(voc, g["mon"])
            day = int(re.sub(r"\D", "", g["day"])) if g.get("day") else 0
        if not 1 <= month <= 12:
            return _expr(f, text, None, None, relative=False, score=0.3)
        precision = "day" if day else "month"
        if g.get("year"):
            try:
                when = date(int(g["year"]), month, day or 1)
            except ValueError:
                return _expr(f, text, None, None, relative=False, score=0.3)
            return _expr(f, text, when, precision, relative=False, score=1.0)
        if pub is None:
            return _expr(f, text, None, precision, relative=True, score=0.6)
        yrel = lower("yrel")
        if yrel in ("this", "last", "next"):
            y = pub.year + {"this": 0, "last": -1, "next": 1}[yrel]
            try:
                return _expr(
                    f, text, date(y, month, day or 1), precision, relative=True, score=0.95
                )
            except ValueError:
                return _expr(f, text, None, None, relative=True, score=0.3)
        prev = text[max(0, f.start - 20) : f.start].split()[-1:]
        if prev and prev[0].lower() in voc.untensed_before:
            tense = None
        when = _pick_year(month, day or 1, pub, tense, rel)
        return _expr(f, text, when, precision, relative=True, score=0.9 if tense or rel else 0.75)

    if kind == "year":
        return _expr(f, text, date(int(g["year"]), 1, 1), "year", relative=False, score=1.0)

    if kind == "decade":  # "in the 1960s": the decade's first day, precision decade
        start = int(g.get("decade") or g.get("decade2") or 0)
        if not start:
            return _expr(f, text, None, None, relative=False, score=0.6)
        return _expr(f, text, date(start, 1, 1), "decade", relative=False, score=0.9)

    if kind == "weekday":
        wd = voc.weekdays[g["wd"].lower()]
        if pub is None:
            return _expr(f, text, None, "day", relative=True, score=0.6)
        back = (pub.weekday() - wd) % 7
        ahead = (wd - pub.weekday()) % 7
        if rel == "last":
            when = pub - timedelta(days=back or 7)
        elif rel == "next":
            when = pub + timedelta(days=ahead or 7)
        elif tense in ("future", "present"):
            when = pub + timedelta(days=ahead)
        else:
            when = pub - timedelta(days=back)
        score = 0.9 if (rel or tense in ("past", "future")) else 0.75
        return _expr(f, text, when, "day", relative=True, score=score)

    if kind == "deictic":
        if pub is None:
            return _expr(f, text, None, "day", relative=True, score=0.6)
        word = lower("word") or ""
        shift = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)
        return _expr(f, text, pub + timedelta(days=shift), "day", relative=True, score=0.9)

    if kind == "ago":
        n, unit = _number(voc, g["num"]), lower("unit") or "day"
        if unit == "decade":
            n, unit = (n or 1) * 10, "year"
        if unit == "year" or (unit == "month" and (n or 0) >= 2):
            f.past_period = True
        if pub is None or n is None:
            return _expr(
                f, text, None, unit if unit != "decade" else "year", relative=True, score=0.6
            )
        if unit == "day":
            when, precision = pub - timedelta(days=n), "day"
        elif unit == "week":
            when = pub - timedelta(days=7 * n)
            when, precision = when - timedelta(days=when.weekday()), "week"
        elif unit == "month":
            when, precision = _month_start(pub, -n), "month"
        else:
            when, precision = date(pub.year - n, 1, 1), "year"
        return _expr(f, text, when, precision, relative=True, score=0.85)

    if kind == "window":
        f.window = True
        unit = lower("unit") or lower("runit") or "day"
        plural = g.get("runit") or text[f.start : f.end].lower().endswith("s")
        n = _number(voc, g.get("num")) or (3 if plural else 1)
        precision = {"day": "week", "week": "month", "month": "year", "year": "year"}[unit]
        if unit == "day" and n > 7:
            precision = "month"
        if pub is None:
            return _expr(f, text, None, precision, relative=True, score=0.5)
        when = pub - timedelta(days=n * _UNIT_DAYS[unit])
        return _expr(f, text, when, precision, relative=True, score=0.6)

    if kind in ("period", "weekend"):
        unit = lower("unit") or "weekend"
        if rel == "last" and unit == "year":
            f.past_period = True
        if pub is None:
            precision = "week" if unit in ("week", "weekend") else unit
            return _expr(f, text, None, precision, relative=True, score=0.6)
        shift = {"last": -1, "next": 1}.get(rel or "", 0)
        if unit == "weekend":
            sat = pub - timedelta(days=(pub.weekday() - 5) % 7)
            if rel == "next" or (
                rel != "last" and tense in ("future", "present") and pub.weekday() < 5
            ):
                sat += timedelta(days=7)
            return _expr(f, text, sat, "week", relative=True, score=0.8)
        if unit == "week":
            monday = pub - timedelta(days=pub.weekday()) + timedelta(days=7 * shift)
            return _expr(f, text, monday, "week", relative=True, score=0.9)
        if unit == "month":
            return _expr(f, text, _month_start(pub, shift), "month", relative=True, score=0.9)
        return _expr(f, text, date(pub.year + shift, 1, 1), "year", relative=True, score=0.9)

    return _expr(f, text, None, None, relative=False, score=0.3)


# --------------------------------------------------------------------------- dateparser fallback


@lru_cache(maxsize=4096)
def _dateparser(text: str, base: date | None) -> tuple[str, str] | None:
    """(ISO date, precision) for an absolute expression no rule matched, via dateparser; cached.

    Called only on short DATE-entity strings holding a month name or a year; without a
    publication date only strings with an explicit year are accepted (no clock, no guessing).
    """
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": datetime.combine(base or date(2000, 1, 1), datetime.min.time()),
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "REQUIRE_PARTS": ["month"],
    }
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if data.date_obj is None or data.period not in ("day", "month", "year"):
        return None
    return data.date_obj.date().isoformat(), data.period


# --------------------------------------------------------------------------- stage


def resolve(doc: Document) -> Document:
    """Fill ``doc.dates``, set each event's ``date`` and ``historical`` flag; returns ``doc``."""
    text = doc.clean_text
    pub = doc.published if isinstance(doc.published, date) else None
    if isinstance(pub, datetime):
        pub = pub.date()
    ents: list[tuple[int, int, str]] = []
    if doc._spacy is not None:
        ents = [
            (e.start_char, e.end_char, e.label_)
            for e in doc._spacy.ents
            if e.label_ in ("DATE", "TIME")
        ]
    date_ents = [(s, e) for s, e, label in ents if label == "DATE"]
    found, rejected = _find(text, [(s, e) for s, e, _ in ents])
    covered = [(f.start, f.end) for f in found]
    tokens_cache: dict[int, _Tokens | None] = {}

    def tense_at(start: int, end: int) -> str | None:
        sent = doc.sentence_at(start)
        if sent is None:
            return None
        if sent.index not in tokens_cache:
            tokens_cache[sent.index] = _sentence_tokens(doc, sent.index)
        return _tense(tokens_cache[sent.index], start, end)

    tenses: dict[int, str | None] = {}
    for f in found:
        tenses[f.start] = tense_at(f.start, f.end)
        f.expr = _resolve_found(f, text, pub, tenses[f.start])
        if (
            f.kind in ("year", "decade")
            and tenses[f.start] == "past"
            and f.groups.get("mod") is None
        ):
            f.past_period = True
    voc = _vocab()
    for s, e in date_ents:
        if any(not (e <= cs or s >= ce) for cs, ce in covered):
            continue
        s, e = _trim(text, s, e)
        etext = text[s:e]
        if (s, e) in rejected or not voc.anchor.search(etext):
            continue  # a duration, an age, a count or a frequency: not a date
        f = _Found("entity", s, e, {})
        has_year = re.search(r"\b(?:1[89]|20)\d\d\b", etext) is not None
        monthish = voc.month.search(etext) or re.search(r"\d+[/.-]\d+", etext)
        parsed = _dateparser(etext, pub) if (pub is not None or has_year) and monthish else None
        if parsed and (has_year or pub is not None):
            f.expr = DateExpr(etext, s, e, parsed[0], parsed[1], relative=not has_year, score=0.6)
        else:
            f.expr = DateExpr(etext, s, e, None, None, relative=False, score=0.5)
        found.append(f)
    found.sort(key=lambda f: f.start)
    doc.dates = [f.expr for f in found if f.expr is not None]
    _assign(doc, found, pub)
    _report_scope(doc, found)
    return doc


# A date that opens a sentence: "On 9 May 2020, ...", "As reported on 22 August 2018, ...",
# "Around 7 December 2022 (week of) ...", "Week of 16 July. ...", "01/17/2013: ...".
_LEAD = re.compile(
    r"^\W*(?:(?:on|around|about|as\s+reported\s+on|reported\s+on|on\s+or\s+(?:about|around|before)"
    r"|(?:during|in)\s+the\s+week\s+of|the\s+week\s+of|week\s+of|overnight\s+on|late\s+on"
    r"|early\s+on|between)\s+)?$",
    re.IGNORECASE,
)


def _report_scope(doc: Document, found: list[_Found]) -> None:
    """An explicit date (no weekday or "yesterday") that opens a sentence scopes the report:
    it dates the events of that sentence and of the following sentences that state no date of
    their own, until another sentence opens with a date ("On 1 February 2019, gunmen attacked
    a village. Two farmers were killed." dates both events). Predicted and hypothetical events
    keep none."""
    leads: dict[int, DateExpr] = {}
    for f in found:
        if f.expr is None or f.expr.date is None or f.expr.relative:
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


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Entity span without prepositions at its edges ("the holidays on" → "the holidays")."""
    piece = text[start:end]
    m = re.match(r"^(?:(?:on|in|at|of|by|for|to|and|or|since|until)\s+)+", piece, re.I)
    if m:
        start += m.end()
    m = re.search(r"(?:\s+(?:on|in|at|of|by|for|to|and|or))+$", text[start:end], re.I)
    if m:
        end = start + m.start()
    return start, end


def _assign(doc: Document, found: list[_Found], pub: date | None) -> None:
    """Give each event the date in its clause, else one in its sentence outside other clauses.

    In the clause, a date that also lies in a smaller event clause nested there belongs to that
    event. In the sentence, a date inside any other event's clause is never borrowed. Among
    candidates a resolved date beats an unresolved one, then the nearest to the trigger wins.
    A predicted or hypothetical event takes only a date inside its own clause (the rest of the
    sentence dates the prediction, not the event) and is never historical. An event told in the
    past tense never takes a date after publication ("asked them to respond by Dec. 15": the
    deadline is the response's, not the asking's).
    """
    cache: dict[int, _Tokens | None] = {}
    triggers = _triggers(doc, cache)
    attached = _attachments(doc, found, triggers, cache)
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
        if not cands and not unreal and 0 <= ev.sentence < len(doc.sentences):
            sent = doc.sentences[ev.sentence]
            cands = [
                f
                for f in found
                if sent.start <= f.start
                and f.end <= sent.end
                and not any(_holds(o, f) for o in others)
            ]
        if pub is not None and _past_tense(ev, doc, cache):
            cands = [f for f in cands if not _after(f, pub)]
        if not cands:
            continue
        anchor = ev.trigger_start if ev.trigger_start is not None else ev.start

        def rank(f: _Found, anchor: int = anchor) -> tuple[bool, int]:
            return (f.expr is None or f.expr.date is None, abs(f.start - anchor))

        best = min(cands, key=rank)
        ev.date = best.expr
        ev.historical = not unreal and _historical(best, pub)
    _share_with_conjuncts(triggers)


def _past_tense(ev: Event, doc: Document, cache: dict[int, _Tokens | None]) -> bool:
    """Whether the event's trigger is a past-tense verb ("attacked", "had asked")."""
    if ev.trigger_start is None or ev.status in {"predicted", "hypothetical"}:
        return False
    toks = _tokens(doc, ev.sentence, cache)
    if toks is None or not toks.parsed:
        return False
    for tok in toks.tokens:
        if tok.idx + toks.offset == ev.trigger_start:
            return tok.tag_ == "VBD" or (
                tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.tag_ == "VBD" for c in tok.children)
            )
    return False


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
        tok = next((t for t in toks.tokens if t.idx + toks.offset == ev.trigger_start), None)
        if tok is not None:
            out.setdefault((ev.sentence, tok.i), (ev, tok))
    return out


def _attachments(
    doc: Document,
    found: list[_Found],
    triggers: dict[tuple[int, int], tuple[Event, Any]],
    cache: dict[int, _Tokens | None],
) -> dict[int, Event]:
    """The event each date hangs from in the parse: the first event trigger above the date's
    head ("pressed China to do more to rein in North Korea on Thursday": pressed)."""
    out: dict[int, Event] = {}
    for f in found:
        sent = doc.sentence_at(f.start)
        toks = _tokens(doc, sent.index, cache) if sent and sent.index in doc._parses else None
        if toks is None:
            continue
        inside = [t for t in toks.tokens if f.start <= t.idx + toks.offset < f.end]
        node = next((t for t in inside if not (f.start <= t.head.idx + toks.offset < f.end)), None)
        for _ in range(8):
            if node is None:
                break
            hit = triggers.get((sent.index, node.i))
            if hit is not None:
                out[id(f)] = hit[0]
                break
            if node.head is node or node.dep_ in {"relcl", "ccomp", "parataxis"}:
                break  # a clause of its own: its date is not the governor's
            node = node.head
    return out


def _share_with_conjuncts(triggers: dict[tuple[int, int], tuple[Event, Any]]) -> None:
    """An undated event coordinated with a dated one shares its date ("met on Saturday and
    agreed on a statement"), unless it is predicted or hypothetical."""
    for (sentence, _), (ev, tok) in triggers.items():
        if ev.date is not None or ev.status in {"predicted", "hypothetical"}:
            continue
        if tok.dep_ == "conj":
            head = triggers.get((sentence, tok.head.i))
            if head is not None and head[0].date is not None:
                ev.date, ev.historical = head[0].date, head[0].historical


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


# --------------------------------------------------------------------------- published


_FORMATS = (
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%d %B, %Y",
    "%d-%b-%y",
    "%d-%b-%Y",
    "%d-%B-%Y",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y%m%d",
    "%A, %B %d, %Y",
    "%a, %b %d, %Y",
    "%B %d, %Y %I:%M %p",
)


def parse_published(raw: str | date | None) -> date | None:
    """A publication date from a corpus or feed value; None when it cannot be parsed (no guess).

    Handles "December 31, 2017 ", ISO dates and timestamps, "31 Dec 2017", "Sep 1, 2017",
    "Sept. 1, 2017", RFC 2822 ("Fri, 01 Sep 2017 10:00:00 GMT"), "19-Feb-18" and, through
    dateparser, other shapes that carry a day, a month and a four-digit year. A timestamp's
    date is the one written (its own time zone), not converted.
    """
    if raw is None:
        return None
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    s = re.sub(r"\s+", " ", str(raw)).strip()
    if not s:
        return None
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ]\d)", s)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", s)
    if m:  # month/day or day/month: only when the order is certain
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        if a > 12 >= b:
            a, b = b, a
        elif not b > 12 >= a:
            return None
        try:
            return date(y, a, b)
        except ValueError:
            return None
    if re.match(r"(?:[A-Za-z]{3}, )?\d{1,2} [A-Za-z]{3} \d{4} \d", s):
        try:
            return parsedate_to_datetime(s).date()
        except (TypeError, ValueError):
            pass
    norm = re.sub(r"\b(Sept)\b\.?", "Sep", s)
    norm = re.sub(r"\b([A-Za-z]{3})\.", r"\1", norm)
    norm = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", norm)
    for fmt in _FORMATS:
        try:
            return datetime.strptime(norm, fmt).date()
        except ValueError:
            continue
    if not re.search(r"\b(?:1[89]|20)\d\d\b", s):
        return None
    return _published_fallback(s)


@lru_cache(maxsize=1024)
def _published_fallback(s: str) -> date | None:
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": datetime(2000, 1, 1),
        "RETURN_AS_TIMEZONE_AWARE": False,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "STRICT_PARSING": True,
    }
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(s)
    return data.date_obj.date() if data.date_obj is not None else None
