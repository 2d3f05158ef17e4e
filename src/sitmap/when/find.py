"""Finding date expressions in text: rule matches, and rejecting what is not a date."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitmap.model import DateExpr
from sitmap.when.vocab import _Vocab, _vocab


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
    clause: tuple[int, int] | None = None  # "a day after <clause>": the clause it dates


# A bare month or year needs one of these words before it (or a DATE entity around it).
_CUE_BEFORE = re.compile(
    r"\b(?:in|since|until|till|by|before|after|during|through|from|to|of|between|and|or|"
    r"early|late|mid|end|last|next|this|from|on|each|every)\s*-?$",
    re.IGNORECASE,
)


# What comes before "<N days> since <clause>" for it to count back from now: "it's (only) been",
# "it has been" ("it had been" counts from a past time the text tells, not from publication).
_SINCE_BEFORE = re.compile(
    r"\bit(?:[’']s|\s+s|\s+has)\s+(?:(?:only|just|now|already|barely|nearly|almost|about"
    r"|more\s+than|less\s+than)\s+)*been\s$",
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


def _year_range(text: str) -> bool | None:
    """For a year match: True for a real range ("1950-53", "2014-2016"), False for a dash that
    makes no range ("2014-12"), None for a single year."""
    m = re.search(r"(\d{4})\s*[-–]\s*(\d+)$", text)
    if m is None:
        return None
    start, end = int(m[1]), int(m[2])
    if end < 100:
        end += start // 100 * 100
    return start < end <= start + 30


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
        ranged = _year_range(m.group())  # "the 1950-53 war"
        if ranged is False:
            return False
        if not (g["mod"] or in_entity or ranged or _CUE_BEFORE.search(before)):
            return False
    if kind == "deictic" and (g.get("word") or "").lower() == "overnight":
        prev = [w.lower().strip(".,") for w in text[max(0, m.start() - 60) : m.start()].split()]
        if prev and prev[-1] in voc.adjective_before:
            return False  # "an overnight curfew"
        if any(w in voc.duration_verbs for w in prev[-5:]):
            return False  # "held the reporters overnight": a duration
        nxt = re.match(r"[a-z][\w-]*", after)
        if nxt and text[m.end() : m.end() + 1].isspace() and nxt.group() not in voc.overnight_after:
            return False  # "overnight curfews", "overnight stays"
    if kind == "since" and not _SINCE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        return False  # "a week since" only after "it's been": "who had been two weeks since"
    if kind == "weekday":
        prev = before.split()[-1:] if before.split() else []
        if prev and prev[0].lower().strip(".,") in voc.blockers:
            return False
    return True
