"""Resolving one date expression to a date and precision against the publication date."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from sitmap.model import DateExpr
from sitmap.when.find import _Found
from sitmap.when.vocab import _Vocab, _vocab

_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


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


def _monday_if_week(when: date, precision: str) -> date:
    """A week-precision date is its week's Monday (the first day of the period)."""
    return when - timedelta(days=when.weekday()) if precision == "week" else when


_WEEK_OF = re.compile(r"\bweek\s+of\s*\||^[^|]*\|\s*\(\s*week\s+of\s*\)", re.IGNORECASE)


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
            if kind == "slash" and month > 12 >= day:  # "15/2/2019": day first, no doubt
                month, day = day, month
        if not 1 <= month <= 12:
            return _expr(f, text, None, None, relative=False, score=0.3)
        precision = "day" if day else "month"
        if day and g.get("day2"):  # "29-30 October": its first day; a longer span, a week
            last = int(re.sub(r"\D", "", g["day2"]))
            if not day < last <= 31:
                return _expr(f, text, None, None, relative=False, score=0.3)
            if last - day > 2:  # the week holding most of it
                precision, day = "week", (day + last) // 2
        if day and _WEEK_OF.search(
            text[max(0, f.start - 16) : f.start] + "|" + text[f.end : f.end + 12]
        ):
            precision = "week"  # "the week of 16 July", "7 December 2022 (week of)"
        year = g.get("year") or _range_year(voc, text, f.end)
        if year:
            try:
                when = _monday_if_week(date(int(year), month, day or 1), precision)
            except ValueError:
                return _expr(f, text, None, None, relative=False, score=0.3)
            return _expr(f, text, when, precision, relative=False, score=1.0)
        if pub is None:
            return _expr(f, text, None, precision, relative=True, score=0.6)
        yrel = lower("yrel")
        if yrel in ("this", "last", "next"):
            y = pub.year + {"this": 0, "last": -1, "next": 1}[yrel]
            try:
                when = _monday_if_week(date(y, month, day or 1), precision)
                return _expr(f, text, when, precision, relative=True, score=0.95)
            except ValueError:
                return _expr(f, text, None, None, relative=True, score=0.3)
        prev = text[max(0, f.start - 20) : f.start].split()[-1:]
        if prev and prev[0].lower() in voc.untensed_before:
            tense = None
        when = _pick_year(month, day or 1, pub, tense, rel)
        when = _monday_if_week(when, precision) if when else None
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

    if kind == "anaphor":  # dated against the date before it: see ``resolve_anaphors``
        return _expr(f, text, None, None, relative=True, score=0.5)

    if kind == "deictic":
        if pub is None:
            return _expr(f, text, None, "day", relative=True, score=0.6)
        word = lower("word") or ""
        shift = {"yesterday": -1, "tomorrow": 1, "last night": -1, "overnight": -1}.get(word, 0)
        return _expr(f, text, pub + timedelta(days=shift), "day", relative=True, score=0.9)

    if kind == "since":  # "it's been a week since <clause>": the clause's time, counted back
        n, unit = _number(voc, g["num"]), lower("unit") or "day"
        if pub is None or n is None:
            return _expr(f, text, None, None, relative=True, score=0.5)
        if unit in ("day", "week"):  # a count of days or weeks: that day (the guide's call)
            when, precision = pub - timedelta(days=n * _UNIT_DAYS[unit]), "day"
        elif unit == "month":
            when, precision = _month_start(pub, -n), "month"
        else:
            when, precision = date(pub.year - n, 1, 1), "year"
        return _expr(f, text, when, precision, relative=True, score=0.8)

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
        if g.get("runit"):  # "in recent weeks": as vague as "recently", no date
            return _expr(f, text, None, None, relative=True, score=0.4)
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
        if rel is not None and rel.startswith("the new"):  # "early in the new year"
            shift = 1 if pub.month >= _NEW_YEAR_FROM else 0
        if unit == "weekend":
            sat = pub - timedelta(days=(pub.weekday() - 5) % 7)
            if rel == "next" or (
                rel != "last" and tense in ("future", "present") and pub.weekday() < 5
            ):
                sat += timedelta(days=7)
            return _expr(f, text, sat, "week", relative=True, score=0.8)
        if unit == "week":
            if shift == -1 and pub.weekday() == 6:
                shift = 0  # on a Sunday "last week" is the working week that just ended
            monday = pub - timedelta(days=pub.weekday()) + timedelta(days=7 * shift)
            return _expr(f, text, monday, "week", relative=True, score=0.9)
        if unit == "month":
            return _expr(f, text, _month_start(pub, shift), "month", relative=True, score=0.9)
        return _expr(f, text, date(pub.year + shift, 1, 1), "year", relative=True, score=0.9)

    return _expr(f, text, None, None, relative=False, score=0.3)


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


def resolve_anaphors(found: list[_Found], text: str) -> None:
    """Date "the same day", "the following day", "two days later", "the week before", "that's
    when" against the nearest day-precision date before them in the text ("Gunmen abducted him
    on 3 May 2019. He was released the following day." → 4 May 2019; "... on Sunday. That's
    when the chants rang out." → that Sunday); without one they stay undated."""
    voc = _vocab()
    for f in sorted(found, key=lambda x: x.start):
        if f.kind != "anaphor" or f.expr is None or f.clause is not None:
            continue  # an offset before a clause: see ``offsets.resolve_clauses``
        prior = [
            p
            for p in found
            if p.end <= f.start and p.expr is not None and p.expr.date and p.expr.precision == "day"
        ]
        if not prior:
            continue
        ref = date.fromisoformat(max(prior, key=lambda p: p.end).expr.date[:10])  # type: ignore[union-attr]
        g = f.groups
        unit = g.get("aunit") or g.get("aunit2") or g.get("aunit3") or "day"
        which = (g.get("which") or g.get("dir") or g.get("dir2") or "").lower()
        n = _number(voc, g.get("anum")) or 1
        sign = {"same": 0, "following": 1, "next": 1, "after": 1, "later": 1}.get(which, -1)
        if g.get("then"):  # "That's when he called": the time just told
            sign = 0
        when = ref + timedelta(days=sign * n * (7 if unit == "week" else 1))
        precision = "day"
        if unit == "week" and sign:
            when, precision = when - timedelta(days=when.weekday()), "week"
        f.expr = _expr(f, text, when, precision, relative=True, score=0.7)


_NEW_YEAR_FROM = 10  # from October on, "the new year" is the coming one; before, this one


def _range_year(voc: _Vocab, text: str, end: int) -> str | None:
    """The year closing a range whose first end has none ("From July to October of 1992",
    "between March and May 2016", "Nov. 3-Dec. 2, 2019"): it is the first end's year too."""
    m = _RANGE_END.match(text, end)
    if m is None or voc.month.match(m["mon"]) is None:
        return None
    return m["year"]


_RANGE_END = re.compile(
    r"\s*(?:to|through|until|till|and|[-–])\s*(?P<mon>[A-Z][a-z]+\.?)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?"
    r"(?:\s*,\s*|\s+)(?:of\s+)?(?P<year>(?:1[89]|20)\d\d)\b"
)
