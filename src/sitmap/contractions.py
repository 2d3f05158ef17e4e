"""Apostrophes a scrape dropped, put back for the parser: "Trump s" → "Trump's", "didn t" →
"didn't", "we ll" → "we'll".

Some outlets' text lost every apostrophe to a space (``eval/GUIDE.md`` keeps them verbatim).
The parser then reads "didn t criticize" without its negation, "he s going to" without its
auxiliary and "Pence s approval" without its owner. ``restore`` swaps that one space for an
apostrophe, so offsets are unchanged: the parse is of the repaired text, everything else
indexes the original. The clitics and the words they follow are in ``data/contractions.yaml``.
"""

from __future__ import annotations

import re
from functools import cache

from sitmap import lexicons

_CANDIDATE = re.compile(r"\b([A-Za-z]+) (s|t|m|re|ve|ll|d)(?=$|[\s,.;:!?\"”’)])", re.IGNORECASE)


@cache
def _hosts() -> dict[str, frozenset[str]]:
    """Clitic → the words it may follow (``"s"`` may follow any word: absent here)."""
    data = lexicons.yaml_file("contractions.yaml")
    out = {"t": frozenset(w.lower() for w in data["negating_stems"])}
    for clitic, words in data["pronoun_clitics"].items():
        out[str(clitic)] = frozenset(str(w).lower() for w in words)
    return out


def _fix(match: re.Match[str]) -> str:
    word, clitic = match.group(1), match.group(2)
    hosts = _hosts().get(clitic.lower())
    if hosts is not None and word.lower() not in hosts:
        return match.group(0)
    return f"{word}'{clitic}"


def restore(text: str) -> str:
    """``text`` with the dropped apostrophes of known clitics restored (same length)."""
    return _CANDIDATE.sub(_fix, text)
