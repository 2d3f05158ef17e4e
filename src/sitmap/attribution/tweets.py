"""Embedded tweets in an article's text: each author line and the tweet's text before it."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Tweet:
    """An embedded tweet: its text ``[start, end)`` and its author line."""

    start: int
    end: int
    author: str  # as the author line gives it, camel case split ("Senator John Cornyn")
    handle: str
    author_start: int
    author_end: int


_TWEET_LINE = re.compile(
    r"\(@(?P<handle>\w{1,15})\)\s*"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s+\d{4}"
)
_URL = re.compile(r"\S*(?:https?://|pic\.twitter\.com|t\.co/)\S*")
# where a tweet's text starts: after a paragraph break the scrape glued shut ("notice.If you")
_GLUED = re.compile(r"[.!?:”\"](?=[A-Z@#“\"])")
_TWEET_MAX = 320  # characters: a tweet (280) and its link


def tweet_spans(text: str) -> list[Tweet]:
    """Embedded tweets: each "Name (@handle) Month D, YYYY" author line and the text before it,
    back to the previous author line, a line break, a glued paragraph break or 320 characters;
    where the article quoted the tweet just before embedding it, only the embedded copy."""
    found: list[Tweet] = []
    previous = 0
    for m in _TWEET_LINE.finditer(text):
        author = _author(text, max(previous, m.start() - 80), m.start())
        if author is None:
            previous = m.end()
            continue
        name_start, name_end = author
        line_start = name_start
        while line_start > previous and text[line_start - 1] in " \t—–-":
            line_start -= 1
        window_start = max(previous, text.rfind("\n", 0, line_start) + 1, line_start - _TWEET_MAX)
        glued = list(_GLUED.finditer(text, window_start, line_start))
        start = glued[-1].end() if glued else window_start
        start = max(start, _second_copy(text, start, line_start))
        while start < line_start and text[start].isspace():
            start += 1
        if line_start - start >= 3:
            name = text[name_start:name_end]
            author_name = re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", " ", name)  # "JohnCornyn"
            found.append(
                Tweet(start, line_start, author_name, m.group("handle"), name_start, name_end)
            )
        previous = m.end()
    return found


def _author(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The author's name right before "(@handle)": up to six words after a dash, a line break,
    a wide gap or a link."""
    end = hi
    while end > lo and text[end - 1].isspace():
        end -= 1
    start = end
    words = 0
    while start > lo and words < 6:
        at = start
        while at > lo and not text[at - 1].isspace():
            at -= 1
        word = text[at:start]
        if not word or word in "—–-" or _URL.fullmatch(word):
            break
        start, words = at, words + 1
        gap = start
        while gap > lo and text[gap - 1] == " ":
            gap -= 1
        if start - gap != 1 or (gap > lo and text[gap - 1] in "\n—–"):
            break
        start = gap
    while start < end and text[start].isspace():
        start += 1
    return (start, end) if words and end > start else None


def _second_copy(text: str, lo: int, hi: int) -> int:
    """Where the embedded copy starts when the text before it ends with the same words twice
    (the article's quotation of the tweet, then the tweet): the start of the longest run of
    at least four words that ends at ``hi`` and also ends earlier; else ``lo``."""
    spans = [m for m in re.finditer(r"\w+", text[lo:hi]) if not _URL.match(m.group())]
    words = [m.group().lower() for m in spans]
    best, best_len = lo, 3
    for j in range(len(words) - 1):
        k = 0
        while k <= j and words[j - k] == words[-1 - k] and j - k < len(words) - 1 - k:
            k += 1
        if k > best_len and len(words) - k > j:
            best, best_len = lo + spans[len(words) - k].start(), k
    return best


def _tweet_at(tweets: list[Tweet], char: int) -> Tweet | None:
    return next((t for t in tweets if t.start <= char < t.end), None)
