"""Word lists from ``data/time.yaml`` and the date-expression patterns built from them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sitmap.lexicons import yaml_file


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
    saying_verbs: frozenset[str]
    shifting_phrases: frozenset[str]
    speech_act_types: frozenset[str]
    backshifted_states: frozenset[str]
    ambiguous_months: frozenset[str]
    untensed_before: frozenset[str]
    period_end_before: frozenset[str]
    deadline_before: tuple[tuple[str, ...], ...]
    duration_verbs: frozenset[str]
    adjective_before: frozenset[str]
    overnight_after: frozenset[str]
    noun_event_verbs: frozenset[str]
    media: frozenset[str]
    episode_nouns: dict[str, frozenset[str]]
    vague_time: re.Pattern[str]
    frame_prepositions: frozenset[str]
    content_prepositions: frozenset[str]
    shifting_marks: frozenset[str]
    anchor: re.Pattern[str]
    month: re.Pattern[str]
    patterns: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]


# Where an expression may start: not inside a word, number or abbreviation ("3.2020", "U.S."),
# but right after a sentence the scrape glued to it ("...as we know it.Two weeks ago, a
# migrant sought ...", "...the hearing.Yesterday, he said ..."): a lower-case letter, or a
# closing quote or bracket, and a full stop before a capital.
_START = (
    r"(?:(?<![\w$£€.-])|(?<=(?-i:[a-z])[.!?])(?=(?-i:[A-Z]))"
    r"|(?<=[)”\"’'][.!?])(?=(?-i:[A-Z])))"
)


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
        ("slash", rf"\b(?P<mon>[0-3]?\d)/(?P<day>[0-3]?\d)/(?P<year>{year})\b"),
        (
            "mdy",
            rf"(?:(?P<wd>{wday}),?\s+)?{mod}(?:(?P<rel>last|this|next)\s+)?(?P<mon>{mon})"
            rf"(?:\s+(?P<day>{day})\b(?:\s*[-–]\s*(?P<day2>{day})\b)?(?!\s*[-:/]\d)"
            r"(?!\s+\d{1,3}(?!\d)))?"
            rf"(?:(?:\s*,\s*|\s+)(?:of\s+)?(?P<year>{year})(?!\d)"
            r"|(?:\s+of)?\s+(?P<yrel>this|last|next|the\s+same)\s+year)?",
        ),
        (
            "dmy",
            rf"(?:(?P<wd>{wday}),?\s+)?(?:the\s+)?(?P<day>{day})(?:\s*[-–]\s*(?P<day2>{day}))?"
            rf"\s+(?:of\s+)?(?P<mon>{mon})"
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
        ("year", rf"{mod}(?P<year>{year})(?:\s*[-–]\s*(?:{year}|\d\d)(?!\d))?\b"),
        (
            "weekday",
            rf"(?:(?P<rel>last|this\s+past|this\s+coming|this|next)\s+)?(?P<wd>{wday})"
            rf"(?:\s+(?P<part>{part})\b)?",
        ),
        (
            "deictic",
            rf"(?P<word>yesterday|today|tonight|tomorrow|last\s+night|overnight|this\s+(?:{part}))"
            rf"(?:\s+(?P<part>{part})\b)?",
        ),
        (
            "ago",
            rf"{fuzzy}(?P<num>{num})\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b",
        ),
        (
            "since",
            rf"(?<=\bbeen\s)(?P<num>{num})\s+(?P<unit>day|week|month|year)s?\s+since",
        ),
        (
            "window",
            rf"(?:the\s+(?:past|last)\s+(?:(?P<num>{num})\s+)?(?P<unit>day|week|month|year)s?"
            r"|recent\s+(?P<runit>day|week|month|year)s)\b",
        ),
        (
            "period",
            rf"{mod}(?P<rel>last|this\s+past|this\s+coming|this|next|the\s+coming|the\s+current"
            r"|the\s+new(?=\s+year))\s+"
            r"(?P<unit>weekend|week|month|year)\b",
        ),
        ("weekend", r"(?:(?<=\bover\s)|(?<=\bduring\s)|(?<=\bat\s)|(?<=\bon\s))the\s+weekend\b"),
        (
            "anaphor",
            rf"(?:the\s+(?P<which>same|following|next|previous|preceding)\s+(?P<aunit>day|week)"
            rf"|the\s+(?P<aunit2>day|week)\s+(?P<dir>before|after)"
            rf"|(?P<anum>{num})\s+(?P<aunit3>day|week)s?\s+(?P<dir2>earlier|later|before|after)"
            r"|(?P<then>that(?:\s+is|\s+was|[’']s|\s+s)\s+when))\b",
        ),
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
        "since": r"\bbeen\b.{3,30}\bsince\b",
        "window": r"\b(?:past|last|recent)\b",
        "period": r"\b(?:last|this|next|coming|current|new)\b",
        "weekend": r"\bweekend\b",
        "anaphor": r"\b(?:day|week)s?\s+(?:before|after|earlier|later)\b|\b(?:same|following"
        r"|next|previous|preceding)\s+(?:day|week)\b|\bthat(?:\s+is|\s+was|[’']s|\s+s)\s+when\b",
    }
    compiled = tuple(
        (
            kind,
            re.compile(prefilters.get(kind, "."), re.IGNORECASE),
            re.compile(_START + pat + r"(?!(?-i:[a-z0-9_])|-)", re.IGNORECASE),
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
        period_end_before=frozenset(str(w) for w in data["period_end_before"]),
        deadline_before=tuple(tuple(str(p).lower().split()) for p in data["deadline_before"]),
        duration_verbs=frozenset(str(w) for w in data["duration_verbs"]),
        adjective_before=frozenset(str(w) for w in data["adjective_before"]),
        overnight_after=frozenset(str(w) for w in data["overnight_after"]),
        noun_event_verbs=frozenset(str(w) for w in data["noun_event_verbs"]),
        media=frozenset(str(w) for w in data["media"]),
        episode_nouns={
            str(k): frozenset(str(t) for t in v or []) for k, v in data["episode_nouns"].items()
        },
        vague_time=re.compile(
            r"\b" + _alt([str(w) for w in data["vague_times"]]) + r"\b", re.IGNORECASE
        ),
        frame_prepositions=frozenset(str(w) for w in data["frame_prepositions"]),
        content_prepositions=frozenset(str(w) for w in data["content_prepositions"]),
        shifting_marks=frozenset(str(w) for w in data["shifting_marks"]),
        modals=frozenset(str(w) for w in data["modals"]),
        past_aux=frozenset(str(w) for w in data["past_auxiliaries"]),
        present_aux=frozenset(str(w) for w in data["present_auxiliaries"]),
        reporting=frozenset(str(w) for w in data["reporting_verbs"]),
        saying_verbs=frozenset(str(w) for w in data["saying_verbs"]),
        shifting_phrases=frozenset(str(w) for w in data["shifting_phrases"]),
        speech_act_types=frozenset(str(w) for w in data["speech_act_types"]),
        backshifted_states=frozenset(str(w) for w in data["backshifted_states"]),
        ambiguous_months=frozenset(str(w) for w in data["ambiguous_months"]),
        anchor=anchor,
        month=re.compile(r"\b" + mon + r"(?!\w)"),
        patterns=compiled,
    )
