"""Find the parts of an article that are not news: footers, appeals, credits, prompts.

The rules are data (``sitmap/data/boilerplate.yaml``); this module applies them at three
levels, all by character span so ``Document.text`` is never changed:

* **block** — a short paragraph that is furniture ("Report a typo", "Follow us on Twitter");
* **cut** — a solicitation starting in the last part of the article ("Since you're here…"):
  it and everything after it;
* **tail** — credits glued to the end of run-on text without line breaks
  ("...the best.Featured image via Getty Images"), peeled off one after another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sitmap import lexicons
from sitmap.ingest.normalize import fold
from sitmap.model import Span

# A tail piece starts with a capital (scraping glues credits to the word before:
# "...Don LemonPhoto by ..."), or after a line start, end punctuation, a bracket, a quote or a
# digit (tweets end "December 31, 2017" and the credit is glued on).
_BOUNDARY = frozenset(".!?:;\"')]*…0123456789\n")
# Running prose inside a tail piece, which credits never hold: a new sentence of three or more
# words ("... via Twitter. Trump then said"), or eight lower-case words in a row.
_PROSE = re.compile(
    r"[.!?][\"')]?\s*[A-Z][a-z]+(?:\s+[a-z]{2,}){2,}|(?:\b[a-z][a-z'-]*\s+){7}[a-z]"
)


@dataclass(frozen=True)
class _Rules:
    block: tuple[tuple[str, re.Pattern[str]], ...]
    cut: tuple[tuple[str, re.Pattern[str]], ...]
    tail: tuple[tuple[str, re.Pattern[str]], ...]
    max_block_chars: int
    cut_zone: float
    max_tail_chars: int


@cache
def rules() -> _Rules:
    """The compiled rules from ``data/boilerplate.yaml`` (loaded once)."""
    data = lexicons.yaml_file("boilerplate.yaml")

    def compiled(section: str, wrap: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
        return tuple(
            (label, re.compile(wrap.format(p), re.IGNORECASE | re.MULTILINE))
            for label, patterns in data[section].items()
            for p in patterns
        )

    return _Rules(
        block=compiled("block", "{}"),
        cut=compiled("cut", r"(?:^|(?<=[.!?…\"']))[ \t]*(?P<start>)(?:{})"),
        tail=compiled("tail", r"(?P<start>)(?:{})"),
        max_block_chars=int(data["max_block_chars"]),
        cut_zone=float(data["cut_zone"]),
        max_tail_chars=int(data["max_tail_chars"]),
    )


def find(text: str) -> list[Span]:
    """Boilerplate spans of ``text``, sorted and not overlapping, each with its label."""
    r = rules()
    folded = fold(text)
    spans: list[tuple[int, int, str]] = []

    cut_at = _find_cut(folded, r)
    if cut_at is not None:
        spans.append((cut_at[0], _rstrip_end(text, len(text)), cut_at[1]))
    limit = cut_at[0] if cut_at is not None else len(text)

    for start, end in _lines(folded, limit):
        line = folded[start:end]
        if len(line) > r.max_block_chars:
            continue
        for label, pattern in r.block:
            if pattern.search(line):
                spans.append((start, end, label))
                break

    spans.extend(_peel_tail(text, folded, spans, limit, r))
    return _merge(text, spans)


def _lines(text: str, limit: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-blank line before ``limit``, surrounding spaces excluded."""
    out = []
    for m in re.finditer(r"[^\n]+", text[:limit]):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _find_cut(folded: str, r: _Rules) -> tuple[int, str] | None:
    """Start and label of the earliest solicitation in the article's last part, if any."""
    n = len(folded)
    zone = int(n * r.cut_zone)
    best: tuple[int, str] | None = None
    for label, pattern in r.cut:
        m = pattern.search(folded, zone)
        if m and (best is None or m.start("start") < best[0]):
            best = (m.start("start"), label)
    if best is None:
        return None
    start = best[0]
    # A cut at the start of a paragraph takes its leading punctuation ("…We have ...") too.
    line_start = folded.rfind("\n", 0, start) + 1
    if not folded[line_start:start].strip(" \t.…\"'-–—"):
        start = line_start
    return start, best[1]


def _peel_tail(
    text: str, folded: str, spans: list[tuple[int, int, str]], limit: int, r: _Rules
) -> list[tuple[int, int, str]]:
    """Credits and prompts glued to the end of the text, last one first."""
    out: list[tuple[int, int, str]] = []
    end = _rstrip_end(text, limit)
    for s, e, _ in sorted(spans, reverse=True):  # skip back over blocks already removed
        if e >= end and s < end:
            end = _rstrip_end(text, s)
    while end > 0:
        window_start = max(0, end - r.max_tail_chars, folded.rfind("\n", 0, end) + 1)
        window = folded[:end]
        best: tuple[int, str] | None = None
        for label, pattern in r.tail:  # each pattern's longest piece; the shortest of those
            for m in pattern.finditer(window, window_start):
                start = m.start("start")
                if not _starts_piece(text, start) or _PROSE.search(text, start, end):
                    continue
                if best is None or start > best[0]:
                    best = (start, label)
                break
        if best is None:
            break
        out.append((best[0], end, best[1]))
        end = _rstrip_end(text, best[0])
    return out


def _starts_piece(text: str, start: int) -> bool:
    first = text[start]
    if first.isupper() or not first.isalpha():
        return True
    return start == 0 or text[start - 1] in _BOUNDARY


def _rstrip_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _merge(text: str, spans: list[tuple[int, int, str]]) -> list[Span]:
    """Sorted ``Span``s; overlapping ones joined (the earlier label kept)."""
    merged: list[list] = []
    for s, e, label in sorted(spans):
        if merged and s < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e, label])
    return [Span(s, e, text[s:e], label) for s, e, label in merged]
