"""Match tokens (from a spaCy doc or a bare phrase) and the longest-match lexicon scan that
reads them into pieces (countries, sector words, titles, organisations, holders ...)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sitmap.actors.lexicon import (
    _NAME_TYPES,
    _PATRON,
    _Entry,
    _fold,
    _Lexicon,
    _split_hyphens,
    _tokenizer,
)
from sitmap.tokens import ents, table


@dataclass(slots=True)
class _Tok:
    text: str
    norm: str
    start: int
    end: int
    pos: str | None = None  # None: no tagger (lookup on a bare phrase)
    ent: str = ""
    ent_start: int = -1  # index (in _Tok list) of the first token of its entity
    ent_end: int = -1


def _doc_tokens(sdoc: Any) -> list[_Tok]:
    """spaCy tokens → match tokens (hyphenated tokens split), keeping POS and entities.

    Reads the document's token table (``sitmap.tokens``), not one ``Token`` per word."""
    tab = table(sdoc)
    toks: list[_Tok] = []
    ent_of: dict[int, tuple[int, int, str]] = {}
    for ent in ents(sdoc):
        label = ent.label_
        for i in range(ent.start, ent.end):
            ent_of[i] = (ent.start, ent.end, label)
    first_sub: dict[int, int] = {}
    none = (0, 0, "")
    space, pos, idx = tab.space, tab.pos, tab.idx
    for i, word in enumerate(tab.text):
        if space[i]:
            continue
        first_sub[i] = len(toks)
        tag, ent_label, start = pos[i], ent_of.get(i, none)[2], idx[i]
        if "-" not in word:  # (``_split_hyphens`` keeps it whole)
            toks.append(_Tok(word, _fold(word), start, start + len(word), tag, ent_label, i))
            continue  # i: the spaCy index, for now
        for text, s, e in _split_hyphens(word, start):
            toks.append(_Tok(text, _fold(text), s, e, tag, ent_label, i))
    # map entity spans from spaCy token indices to _Tok indices
    n_tok = len(sdoc)
    for tok in toks:
        spacy_i = tok.ent_start
        if spacy_i in ent_of:
            es, ee, _ = ent_of[spacy_i]
            tok.ent_start = first_sub.get(es, 0)
            tok.ent_end = _sub_end(first_sub, ee, n_tok, len(toks))
        else:
            tok.ent_start = tok.ent_end = -1
    return toks


def _sub_end(first_sub: dict[int, int], spacy_end: int, n_tok: int, n_sub: int) -> int:
    for i in range(spacy_end, n_tok):
        if i in first_sub:
            return first_sub[i]
    return n_sub


def _phrase_tokens(text: str) -> list[_Tok]:
    return [_Tok(part, _fold(part), s, e) for part, s, e in _phrase_parts(text)]


@lru_cache(maxsize=8192)
def _phrase_parts(text: str) -> tuple[tuple[str, int, int], ...]:
    """A phrase's words (hyphenated ones split) and offsets, tokenized once per phrase: the
    same phrases ("Reuters", "the United States") are looked up again and again."""
    parts: list[tuple[str, int, int]] = []
    for t in _tokenizer()(text):
        if not t.is_space:
            parts.extend(_split_hyphens(t.text, t.idx))
    return tuple(parts)


@dataclass
class _Piece:
    type: str
    entry: _Entry
    i: int  # first token
    j: int  # one past the last token


def _valid(entry: _Entry, toks: list[_Tok], i: int, j: int) -> bool:
    first = toks[i].text
    if entry.type in _NAME_TYPES:
        if entry.cap and not first[:1].isupper():
            return False
        for k, must in enumerate(entry.upper):
            if must and not toks[i + k].text.replace(".", "").isupper():
                return False
    return True


def _scan(toks: list[_Tok], lex: _Lexicon, learned: dict[str, _Entry]) -> list[_Piece]:
    """Longest lexicon match at each token, left to right, non-overlapping."""
    pieces: list[_Piece] = []
    n = len(toks)
    norms = [t.norm for t in toks]  # each key a slice of these, not a new generator per length
    maxlen, phrases = lex.maxlen, lex.table
    i = 0
    while i < n:
        found: _Piece | None = None
        longest = maxlen.get(norms[i], 0)
        for length in range(min(longest, n - i), 0, -1):
            bucket = phrases.get(tuple(norms[i : i + length]))
            if not bucket:
                continue
            entry = next((e for e in bucket if _valid(e, toks, i, i + length)), None)
            if entry is not None:
                found = _Piece(entry.type, entry, i, i + length)
                break
        if found is None and toks[i].text in learned:
            entry = learned[toks[i].text]
            found = _Piece(entry.type, entry, i, i + 1)
        if found is None:
            i += 1
            continue
        pieces.append(found)
        i = found.j
    return _patrons(pieces, toks, lex)


def _patrons(pieces: list[_Piece], toks: list[_Tok], lex: _Lexicon) -> list[_Piece]:
    """Turn "U.S.-backed", "Kurdish-led", "pro-government" into patron pieces (no country)."""
    out: list[_Piece] = []
    n = len(toks)
    k = 0
    while k < len(pieces):
        p = pieces[k]
        j = p.j
        if (
            j + 1 < n
            and toks[j].text == "-"
            and toks[j + 1].norm in lex.patron_suffixes
            and p.type in _NAME_TYPES
        ):
            out.append(_Piece(_PATRON, p.entry, p.i, j + 2))
            k += 1
            continue
        if (
            p.i >= 2
            and toks[p.i - 1].text == "-"
            and toks[p.i - 2].norm in lex.patron_prefixes
            and (not out or out[-1].j <= p.i - 2)
        ):
            out.append(_Piece(_PATRON, p.entry, p.i - 2, p.j))
            k += 1
            continue
        out.append(p)
        k += 1
    return out
