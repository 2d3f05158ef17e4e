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

from bisect import bisect_left, bisect_right
from functools import cache, cached_property
from typing import Any

_TABLE = "sitmap.tokens.table"
_ENTS = "sitmap.tokens.ents"


class Table:
    """The columns of one spaCy ``Doc``: item ``i`` of each list is token ``i``'s value
    (``text[i] == doc[i].text``, ``pos[i] == doc[i].pos_``, ``space[i] == doc[i].is_space``).

    One ``Doc.to_array`` call reads every attribute as numbers; each column is made into a
    Python list the first time a stage reads it (a stage that wants only ``pos`` and ``idx``
    pays for no other), its strings looked up once per distinct value for the whole process.
    """

    def __init__(self, doc: Any) -> None:
        cols = doc.to_array(_attrs()).T
        self._cols = cols
        self._strings = doc.vocab.strings
        self.idx: list[int] = cols[0].tolist()

    def __len__(self) -> int:
        return len(self.idx)

    def _names(self, row: int) -> list[str]:
        keys = self._cols[row].tolist()
        names = _NAMES
        try:
            return [names[k] for k in keys]
        except KeyError:
            strings = self._strings
            for k in set(keys):
                if k not in names:
                    names[k] = strings[k] if k else ""
            return [names[k] for k in keys]

    def _flags(self, row: int) -> list[bool]:
        return [bool(v) for v in self._cols[row].tolist()]

    @cached_property
    def text(self) -> list[str]:
        """``doc[i].text``."""
        return self._names(1)

    @cached_property
    def doc_text(self) -> str:
        """``doc.text`` (which spaCy joins afresh from every token on each call): each token's
        text and its trailing space, if any."""
        spaces = self._cols[2].tolist()
        return "".join([w + " " if s else w for w, s in zip(self.text, spaces, strict=True)])

    @cached_property
    def trailing(self) -> list[bool]:
        """``doc[i].whitespace_`` is a space (the token is followed by one)."""
        return self._flags(2)

    @cached_property
    def lower(self) -> list[str]:
        """``doc[i].lower_``."""
        return self._names(3)

    @cached_property
    def pos(self) -> list[str]:
        """``doc[i].pos_``."""
        return self._names(4)

    @cached_property
    def tag(self) -> list[str]:
        """``doc[i].tag_``."""
        return self._names(5)

    @cached_property
    def lemma(self) -> list[str]:
        """``doc[i].lemma_``."""
        return self._names(6)

    @cached_property
    def dep(self) -> list[str]:
        """``doc[i].dep_`` ("" before the parser)."""
        return self._names(7)

    @cached_property
    def ent_type(self) -> list[str]:
        """``doc[i].ent_type_``."""
        return self._names(8)

    @cached_property
    def head(self) -> list[int]:
        """``doc[i].head.i`` (``i`` itself before the parser and at a root)."""
        # the array holds the head as a signed offset from the token, stored unsigned
        offsets = self._cols[9].astype("int64").tolist()
        return [i + h for i, h in enumerate(offsets)]

    @cached_property
    def sent_start(self) -> list[bool]:
        """``doc[i].is_sent_start`` is True (1 in the array; -1 not a start, 0 unknown)."""
        return [v == 1 for v in self._cols[10].tolist()]

    @cached_property
    def space(self) -> list[bool]:
        """``doc[i].is_space``."""
        return self._flags(11)

    @cached_property
    def title(self) -> list[bool]:
        """``doc[i].is_title``."""
        return self._flags(12)

    @cached_property
    def upper(self) -> list[bool]:
        """``doc[i].is_upper``."""
        return self._flags(13)

    @cached_property
    def lowercase(self) -> list[bool]:
        """``doc[i].is_lower``."""
        return self._flags(14)

    @cached_property
    def punct(self) -> list[bool]:
        """``doc[i].is_punct``."""
        return self._flags(15)


_NAMES: dict[int, str] = {}
"""String of each hash or symbol id met so far (the same in every spaCy vocabulary)."""


@cache
def _attrs() -> list[int]:
    from spacy import attrs as a

    return [
        a.IDX, a.ORTH, a.SPACY, a.LOWER, a.POS, a.TAG, a.LEMMA, a.DEP, a.ENT_TYPE,
        a.HEAD, a.SENT_START, a.IS_SPACE, a.IS_TITLE, a.IS_UPPER, a.IS_LOWER, a.IS_PUNCT,
    ]  # fmt: skip


def table(sdoc: Any) -> Table:
    """The columns of ``sdoc``, built on the first call and kept in ``sdoc.user_data``."""
    found = sdoc.user_data.get(_TABLE)
    if found is None:
        found = sdoc.user_data[_TABLE] = Table(sdoc)
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


def token_at(doc: Any, char: int) -> Any:
    """The token of ``doc`` whose characters hold offset ``char`` (``t.idx <= char <
    t.idx + len(t)``), or None: a search in the table, no ``Token`` made for the others."""
    tab = table(doc)
    i = bisect_right(tab.idx, char) - 1
    if i >= 0 and char < tab.idx[i] + len(tab.text[i]):
        return doc[i]
    return None


def token_starting(doc: Any, char: int) -> Any:
    """The token of ``doc`` that starts at offset ``char`` (``t.idx == char``), or None."""
    tab = table(doc)
    i = bisect_left(tab.idx, char)
    return doc[i] if i < len(tab.idx) and tab.idx[i] == char else None
