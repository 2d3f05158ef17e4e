"""One table of a document's spaCy analysis, built once and read by every stage that scans it.

Each ``doc[i]``, ``for t in doc``, ``token.head`` or ``doc.ents`` builds new Python objects
(a ``Token`` or ``Span`` per access); stages that look at every token of an article (actor
scan, place scan, anaphora, dates) built some ~25 per token between them. ``table(sdoc)``
reads the document once with ``Doc.to_array`` into plain Python lists (one column per
attribute, strings looked up once per distinct value) and keeps it in the ``Doc``'s
``user_data``, so each stage after the first gets it for nothing; ``ents(sdoc)`` keeps the
document's entity spans the same way (``Doc.ents`` makes them afresh on every call).

Only for a ``Doc`` no stage edits afterwards (``Document._spacy``: the tagger, NER and sentence
pass are done when the stages run): the table is not updated when the ``Doc`` changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_TABLE = "sitmap.tokens.table"
_ENTS = "sitmap.tokens.ents"


@dataclass(slots=True)
class Table:
    """The columns of one spaCy ``Doc``: item ``i`` of each list is token ``i``'s value
    (``text[i] == doc[i].text``, ``pos[i] == doc[i].pos_``, ``space[i] == doc[i].is_space``)."""

    doc_text: str
    """``doc.text`` (which spaCy joins afresh from every token on each call)."""
    text: list[str]
    lower: list[str]
    idx: list[int]
    pos: list[str]
    tag: list[str]
    lemma: list[str]
    dep: list[str]
    """``doc[i].dep_`` ("" before the parser)."""
    head: list[int]
    """``doc[i].head.i`` (``i`` itself before the parser and at a root)."""
    ent_type: list[str]
    space: list[bool]
    title: list[bool]
    upper: list[bool]
    lowercase: list[bool]
    """``doc[i].is_lower``."""
    punct: list[bool]
    sent_start: list[bool]
    """``doc[i].is_sent_start`` is True (the first token, and each sentence's first)."""

    def __len__(self) -> int:
        return len(self.text)


def table(sdoc: Any) -> Table:
    """The columns of ``sdoc``, built on the first call and kept in ``sdoc.user_data``."""
    found = sdoc.user_data.get(_TABLE)
    if found is None:
        found = sdoc.user_data[_TABLE] = _build(sdoc)
    return found


def ents(sdoc: Any) -> tuple[Any, ...]:
    """``sdoc.ents``, made once and kept in ``sdoc.user_data`` (the same spans every call)."""
    found = sdoc.user_data.get(_ENTS)
    if found is None:
        found = sdoc.user_data[_ENTS] = sdoc.ents
    return found


def sent_ents(sdoc: Any, start: int, end: int) -> list[Any]:
    """``sdoc[start:end].ents``: the entities wholly inside tokens ``start:end``, in order."""
    out = []
    for ent in ents(sdoc):
        if ent.start >= start:
            if ent.end <= end:
                out.append(ent)
            else:
                break
    return out


def _build(sdoc: Any) -> Table:
    from spacy.attrs import (
        DEP,
        ENT_TYPE,
        HEAD,
        IDX,
        IS_LOWER,
        IS_PUNCT,
        IS_SPACE,
        IS_TITLE,
        IS_UPPER,
        LEMMA,
        LOWER,
        ORTH,
        POS,
        SENT_START,
        SPACY,
        TAG,
    )

    attrs = [IDX, ORTH, SPACY, LOWER, POS, TAG, LEMMA, DEP, ENT_TYPE]
    flags = [IS_SPACE, IS_TITLE, IS_UPPER, IS_LOWER, IS_PUNCT]
    cols = sdoc.to_array([*attrs, *flags]).T.tolist()
    idx, orth, spacy, lower, pos, tag, lemma, dep, ent_type = cols[: len(attrs)]
    space, title, upper, low, punct = cols[len(attrs) :]
    # signed columns: the head as an offset from the token, the sentence start as 1 / -1 / 0
    signed = sdoc.to_array([HEAD, SENT_START]).astype("int64").T.tolist()
    heads, sent = signed
    strings = sdoc.vocab.strings
    names: dict[int, str] = {}

    def name(key: int) -> str:
        got = names.get(key)
        if got is None:
            got = names[key] = strings[key] if key else ""
        return got

    words = [name(k) for k in orth]
    # ``doc.text`` is each token's text and its trailing space, if any
    text = "".join([w + " " if s else w for w, s in zip(words, spacy, strict=True)])
    return Table(
        doc_text=text,
        text=words,
        lower=[name(k) for k in lower],
        idx=idx,
        pos=[name(k) for k in pos],
        tag=[name(k) for k in tag],
        lemma=[name(k) for k in lemma],
        dep=[name(k) for k in dep],
        head=[i + h for i, h in enumerate(heads)],
        ent_type=[name(k) for k in ent_type],
        space=[bool(s) for s in space],
        title=[bool(s) for s in title],
        upper=[bool(s) for s in upper],
        lowercase=[bool(s) for s in low],
        punct=[bool(s) for s in punct],
        sent_start=[s == 1 for s in sent],
    )
