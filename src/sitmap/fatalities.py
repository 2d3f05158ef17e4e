"""Fatalities per event: the death count its sentence states ("at least 20 killed", "two
soldiers died", "killing three", "the death toll rose to 12"), or 0 when the text says nobody
died ("no casualties"). One verb: ``count(doc)`` sets ``Event.fatalities``.

A count is read where a number (digits or English words, "twenty-five", "a dozen") comes
before a death word within three words ("three civilians were killed") or after a killing
word ("killing two officers"); a sentence's count is the largest such number, plus the others
joined to it by "and" ("two soldiers and three civilians were killed": 5) or a relative joined
by a possessive ("a trader and his son were shot dead": 2); with no number, one person
"was killed" (or shot dead, murdered ...) is 1. Violent events
(``types`` in ``data/fatalities.yaml``) of the sentence take it; a sentence that states deaths
but holds no violent event gives them to the violent events of the sentence before it
("Soldiers clashed with rebels. Five were killed."). A count of deaths goes to one event
only, never to each event of one act ("gunmen attacked the village, killing five": the attack
and the killing are one act with five deaths, not two with ten): the sentence's first
assault, else its first event; "nobody died" (0) goes to every one. Events whose text states
no count keep ``None``: sitmap never fills a missing count with a default.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from sitmap import lexicons
from sitmap.model import Document, Event

_QUANT = (
    r"(?:(?:at\s+least|some|about|around|nearly|almost|over|more\s+than|up\s+to|roughly"
    r"|an\s+estimated|all)\s+)?"
)


@cache
def _table() -> dict[str, Any]:
    return lexicons.yaml_file("fatalities.yaml")


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    t = _table()
    words = sorted([*t["numbers"], *t["multipliers"]], key=len, reverse=True)
    word = "|".join(re.escape(w) for w in words)
    num = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:(?:{word})(?:[\s-]+(?:and\s+)?(?:{word}))*))"
    deaths = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in t["deaths"])
    killing = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in t["killing"])
    none = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in t["none"])
    one_victim = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in t["one_victim"])
    before = re.compile(
        rf"\b{_QUANT}(?P<n>{num})\b(?P<rest>(?:\s+(?!and\b)[\w'-]+){{0,5}}?)"
        rf"(?P<aux>(?:\s+(?:were|was|have\s+been|has\s+been|had\s+been|are|is|being|reportedly"
        rf"|also|later|fatally))*)"
        rf"\s+(?:{deaths})\b",
        re.IGNORECASE,
    )
    after = re.compile(
        rf"\b(?:{killing})\s+{_QUANT}(?P<n>{num})\b(?!-\w)"  # not "killing 32-year-old X"
        rf"(?:(?:\s+(?!and\b)[\w'-]+){{0,3}}?\s+and\s+{_QUANT}(?P<m>{num})\b"
        rf"(?!(?:\s+(?:others?|more|people|persons))?(?:\s+(?:were|was|are))?"
        rf"\s+(?:injured|wounded|hurt)\b))?",
        re.IGNORECASE,
    )
    # the nearest number before "and": the greedy lead leaves the last one to the group
    conj = re.compile(rf"^.*\b(?P<n>{num})\s+(?:[\w'-]+\s+){{0,5}}?and\s+$", re.IGNORECASE | re.S)
    nobody = re.compile(rf"\b(?:{none})\b", re.IGNORECASE)
    pair = re.compile(
        rf"\b{_QUANT}(?P<n>{num})\b(?:\s+(?!and\b)[\w'()-]+){{0,4}}?\s+and\s+(?:his|her|their)"
        rf"(?:\s+[\w'-]+){{1,2}}?\s+(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:{deaths})\b",
        re.IGNORECASE,
    )
    single = re.compile(
        rf"\b(?:was|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:found\s+)?(?:{deaths})\b", re.IGNORECASE
    )
    # one victim after a killing verb: a name or a singular noun ("shot and killed John
    # Clark", "killed the watchman"); its phrase is read by ``_one_victim``
    named = re.compile(rf"\b(?:{one_victim})\s+(?P<phrase>[^,;.:()]+)", re.IGNORECASE)
    return before, after, conj, nobody, pair, single, named


def number(text: str) -> int | None:
    """The value of a number in digits or English words ("1,200", "twenty-five", "a dozen",
    "two hundred"); None when it is not one."""
    text = text.strip().lower()
    if re.fullmatch(r"\d[\d,]*", text):
        return int(text.replace(",", ""))
    t = _table()
    total, current = 0, 0
    for w in re.split(r"[\s-]+", text):
        if w == "and":
            continue
        if w in t["multipliers"]:
            current = max(current, 1) * t["multipliers"][w]
            if t["multipliers"][w] >= 1000:
                total, current = total + current, 0
        elif w in t["numbers"]:
            value = t["numbers"][w]
            current = current * value if w == "dozen" and current else current + value
        else:
            return None
    return total + current


def stated(sentence: str) -> int | None:
    """The deaths a sentence states (see the module docstring), 0 for "nobody died", else None."""
    before, after, conj, nobody, pair, single, named = _patterns()
    said_none = bool(nobody.search(sentence))
    sentence = nobody.sub(" ", sentence)  # "no one was killed" holds no count of one
    found: list[tuple[int, int, int]] = []  # (start, end, deaths) of each count read
    for m in pair.finditer(sentence):  # "a farmer and his son were killed": one more
        n = number(m.group("n"))
        if n is not None:
            found.append((m.start(), m.end(), n + 1))
    units = set(_table()["not_victims"])
    for m in before.finditer(sentence):
        rest = m.group("rest") or ""
        if re.search(r"\b(?:injured|wounded|hurt|arrested)\b", rest, re.I):
            continue
        if rest.split()[:1] and rest.split()[0].lower() in units:
            continue  # "two days after ... was killed": the number counts days
        n = number(m.group("n"))
        passive = re.search(r"\b(?:were|was|been|are|is|being)\b", m.group("aux") or "", re.I)
        if n is None or (not passive and _active(sentence[m.end() :])):
            continue  # "two gunmen killed a farmer": the number counts the killers
        joined = conj.search(sentence[: m.start()])  # "two soldiers and three civilians"
        extra = number(joined.group("n")) if joined and _victims(sentence, joined) else None
        start = joined.start("n") if joined and extra else m.start()
        found.append((start, m.end(), n + (extra or 0)))
    for m in after.finditer(sentence):
        n = number(m.group("n"))
        more = number(m.group("m")) if m.group("m") else None  # "killing two officers and
        if n is not None:  # three suspects"
            found.append((m.start(), m.end(), n + (more or 0)))
    counts = [n for _, _, n in found]
    groups = _listed(sentence, sorted(found))
    if groups:
        counts.append(max(groups))
    if counts:
        return max(counts)
    if said_none:
        return 0
    if single.search(sentence) or any(
        _one_victim(m.group("phrase")) for m in named.finditer(sentence)
    ):
        return 1  # "the village chief was shot dead", "gunmen shot dead a trader"
    return None


def _victims(sentence: str, joined: re.Match[str]) -> bool:
    """Whether a number joined by "and" to a count of the dead counts dead people too: not when
    a verb of its own tells what befell them (``not_deaths``: "six were injured and four
    killed"), nor "a" or "an" after a preposition, an article of a place or thing ("at a market
    and two were killed")."""
    between = sentence[joined.end("n") : joined.end()]
    if re.search(rf"\b(?:{'|'.join(_table()['not_deaths'])})\b", between, re.IGNORECASE):
        return False  # "six were injured and four were killed": the six did not die
    if joined.group("n").lower() not in {"a", "an"}:
        return True
    before = sentence[: joined.start("n")].split()[-1:]
    return not (before and before[0].lower() in _table()["after_death"])


def _listed(sentence: str, found: list[tuple[int, int, int]]) -> list[int]:
    """Sums of counts told one after another as a list of the dead ("3 soldiers were killed,
    5 civilians were killed"; "two police officers died and four attackers were killed"): counts
    whose spans do not overlap and are parted only by a comma, "and" or a semicolon."""
    sums: list[int] = []
    total, end = 0, None
    for start, stop, n in found:
        if (
            end is not None
            and start >= end
            and re.fullmatch(
                r"\s*(?:,|;|and|,\s*and|while|whereas)\s*", sentence[end:start], re.IGNORECASE
            )
        ):
            total += n
        elif end is not None and start < end:
            continue  # overlapping reads of one count
        else:
            if end is not None:
                sums.append(total)
            total = n
        end = stop
    if end is not None:
        sums.append(total)
    return sums


def _one_victim(phrase: str) -> bool:
    """Whether the words after a killing verb name one victim: two to four capitalised words
    ("John Bailey Clark"), or a determiner and a singular noun ("the watchman", "a local
    trader"), ending where a preposition or conjunction begins and not followed by "and"."""
    words = phrase.split()
    stop = set(_table()["after_death"])
    end = next((k for k, w in enumerate(words) if w.lower() in stop), len(words))
    if end < len(words) and words[end].lower() == "and":
        return False
    head = words[:end]
    if 2 <= len(head) <= 4 and all(w[:1].isupper() for w in head):
        return True
    if not 2 <= len(head) <= 4 or head[0].lower() not in {"a", "an", "the", "his", "her"}:
        return False
    noun = head[-1].lower()
    return noun.isalpha() and not (noun.endswith("s") and not noun.endswith("ss"))


def _active(rest: str) -> bool:
    """Whether a death verb takes an object ("killed a farmer", "killed villagers"): a word
    follows it that is no preposition, conjunction or adverb (``after_death``)."""
    m = re.match(r"\s+([A-Za-z]+)", rest)
    return m is not None and m.group(1).lower() not in _table()["after_death"]


def count(doc: Document) -> Document:
    """Set ``fatalities`` on the violent events of ``doc`` from their sentences."""
    types = set(_table()["types"])
    by_sentence: dict[int, list] = {}
    for event in doc.events:
        if event.plover in types:
            by_sentence.setdefault(event.sentence, []).append(event)
    for sent in doc.sentences:
        if sent.index not in by_sentence and sent.index - 1 not in by_sentence:
            continue  # no violent event here or just before: a count would go nowhere
        n = stated(doc.text[sent.start : sent.end])
        if n is None:
            continue
        events = by_sentence.get(sent.index)
        if not events:
            events = [e for e in by_sentence.get(sent.index - 1, []) if e.fatalities is None]
        if n > 0 and events:  # one count, one act: the deaths are never counted twice
            events = [min(events, key=_first_assault)]
        for event in events:
            if event.fatalities is None or n > event.fatalities:
                event.fatalities = n
    return doc


def _first_assault(event: Event) -> tuple[bool, int, int]:
    """Sort key: assaults first, then by the sentence and the trigger's place in the text."""
    at = event.trigger_start if event.trigger_start is not None else event.start
    return (event.plover != "ASSAULT", event.sentence, at)


__all__ = ["count", "number", "stated"]
