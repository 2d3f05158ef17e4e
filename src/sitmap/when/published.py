"""Publication dates from the values found in corpora and feeds."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache

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
