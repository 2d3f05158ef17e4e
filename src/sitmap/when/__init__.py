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

Modules: ``vocab`` (word lists and patterns), ``find`` (rule matches), ``tense`` (the governing
verb's tense), ``expressions`` (one expression → a date), ``assign`` (events ← dates),
``share`` (dates shared within a sentence: conjuncts, "-ing" clauses, dated occasions),
``published`` (publication dates), ``episode`` (an event told again in the next sentence with
its date), ``offsets`` ("a day after <clause>": the clause's date from its sentence's day).
"""

from __future__ import annotations

import re
from datetime import date, datetime

from sitmap.model import DateExpr, Document
from sitmap.when.assign import _assign, _report_scope
from sitmap.when.episode import (
    continued,
    in_dated_medium,
    said_next,
    told_again,
    tweeted_next,
)
from sitmap.when.expressions import _dateparser, _resolve_found, resolve_anaphors
from sitmap.when.find import _find, _Found
from sitmap.when.offsets import mark_clauses, resolve_clauses
from sitmap.when.published import parse_published
from sitmap.when.tense import _sentence_tokens, _tense, _Tokens
from sitmap.when.vocab import _vocab

__all__ = ["month_day", "parse_published", "resolve"]


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
    found = _part_of_day(text, found)
    found = mark_clauses(doc, found)
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
    resolve_anaphors(found, text)
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
    found = resolve_clauses(doc, found)
    doc.dates = [f.expr for f in found if f.expr is not None]
    _assign(doc, found, pub)
    _report_scope(doc, found)
    told_again(doc, found, tense_at)
    said_next(doc, found, tense_at, pub)
    tweeted_next(doc, found, tense_at, pub)
    continued(doc, found, tense_at)
    in_dated_medium(doc, found, pub)
    return doc


def month_day(expr: DateExpr) -> tuple[int, int] | None:
    """(month, day) an expression states when it gives no year and no publication date dates
    it ("On April 11," → (4, 11)); None for any other. sitmap leaves such a date empty (a year
    is never guessed) and keeps the expression: this reads what the text does say."""
    if expr.date is not None or expr.precision not in ("day", "week"):
        return None
    voc = _vocab()
    m = re.fullmatch(
        r"(?:\w+,?\s+)?(?:(?P<mon>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?"
        r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>[A-Za-z]+)\.?)",
        expr.text.strip(),
    )
    if m is None:
        return None
    month = voc.months.get((m["mon"] or m["mon2"]).lower())
    day = int(m["day"] or m["day2"])
    return (month, day) if month and 1 <= day <= 31 else None


_DAYS = frozenset({"iso", "slash", "mdy", "dmy", "weekday"})


def _part_of_day(text: str, found: list[_Found]) -> list[_Found]:
    """``found`` without an "overnight" set right after a day ("On 11 November 2022, overnight,
    gunmen fired ..."): the night of that day, not the night before publication."""
    out: list[_Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (
            f.kind == "deictic"
            and (f.groups.get("word") or "").lower() == "overnight"
            and prev is not None
            and prev.kind in _DAYS
            and re.fullmatch(r"\s*,?\s*", text[prev.end : f.start])
        ):
            continue
        out.append(f)
    return out


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
