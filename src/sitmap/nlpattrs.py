"""The model's attribute ruler and lemmatizer, memoised: the same POS, morphology and lemmas,
several times cheaper.

With the parser off, what ``attribute_ruler`` and ``lemmatizer`` give a token depends only on
its text and tag, except where one of the ruler's few multi-token patterns ("let 's", "gon na")
matches. ``MemoAttributes`` runs the model's own two components once per unseen (text, tag)
pair, each in a one-token ``Doc`` of its own, remembers the result and writes it to every later
token with that pair in one ``Doc.from_array`` call; a document where a multi-token pattern
matches goes through the original components instead. ``tests/test_nlp.py`` checks that every
token's POS, morphology and lemma equal the original components' on real articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy

_CAP = 500_000
"""At most this many remembered (text, tag) pairs (then the memo starts again)."""


class MemoAttributes:
    """A pipeline component standing in for the (disabled) ``attribute_ruler`` + ``lemmatizer``."""

    def __init__(self, nlp: Any, name: str) -> None:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS, TAG
        from spacy.matcher import Matcher

        self.name = name
        self.vocab = nlp.vocab
        self.ruler = nlp.get_pipe("attribute_ruler")
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        _index_as_sets(self.lemmatizer)
        self.memo: dict[tuple[int, int], tuple[int, int, int]] = {}
        self.multi = Matcher(nlp.vocab)
        longer = []
        for i, pat in enumerate(self.ruler.patterns):
            mine = [p for p in pat["patterns"] if len(p) > 1]
            if mine:
                self.multi.add(f"multi{i}", mine)
                longer += mine
        self._may_match = _lower_filter(longer)
        self._in = [ORTH, TAG]
        self._out = [POS, MORPH, LEMMA]

    def __call__(self, doc: Any) -> Any:
        if len(doc) == 0:
            return doc
        may = self._may_match is None or self._may_match(doc)
        if may and self.multi(doc, allow_missing=True):
            return self.lemmatizer(self.ruler(doc))
        keys = doc.to_array(self._in)
        memo = self.memo
        pairs = list(zip(keys[:, 0].tolist(), keys[:, 1].tolist(), strict=True))
        missing = [p for p in dict.fromkeys(pairs) if p not in memo]
        if missing:
            if len(memo) + len(missing) > _CAP:
                memo.clear()
            self._learn(missing)
        out = numpy.array([memo[p] for p in pairs], dtype="uint64")
        doc.from_array(self._out, out)
        return doc

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)

    def _learn(self, pairs: list[tuple[int, int]]) -> None:
        """Run the original components on the pairs and remember each one's POS, MORPH, LEMMA.

        The pairs go in one ``Doc``, each followed by a line-break token, so that no multi-token
        pattern can match across two of them.
        """
        from spacy.tokens import Doc

        strings = self.vocab.strings
        words: list[str] = []
        tags: list[str] = []
        for orth, tag in pairs:
            words += [strings[orth], "\n"]
            tags += [strings[tag], "_SP"]
        batch = Doc(self.vocab, words=words, spaces=[False] * len(words), tags=tags)
        batch = self.lemmatizer(self.ruler(batch))
        values = batch.to_array(self._out)
        for i, pair in enumerate(pairs):
            self.memo[pair] = (int(values[2 * i, 0]), int(values[2 * i, 1]), int(values[2 * i, 2]))


def _lower_filter(patterns: list[list[dict[str, Any]]]) -> Callable[[Any], bool] | None:
    """A test on a ``Doc`` that is False only when none of ``patterns`` can match in it: a
    token some pattern needs (by ``LOWER``: a string, ``IN`` or ``REGEX``) fills no word of the
    document, or the pattern asks for a dependency label and the document has none. None (no
    shortcut) when a pattern constrains neither."""
    from spacy.attrs import LOWER

    tests: list[Callable[[str], bool]] = []
    needs: list[tuple[bool, frozenset[int]]] = []  # (asks for DEP, indices into tests)
    for pattern in patterns:
        mine = []
        for token in pattern:
            value = token.get("LOWER")
            if isinstance(value, str):
                tests.append(value.__eq__)
            elif isinstance(value, dict) and set(value) == {"IN"}:
                tests.append(frozenset(value["IN"]).__contains__)
            elif isinstance(value, dict) and set(value) == {"REGEX"}:
                tests.append(re.compile(value["REGEX"]).search)
            else:
                continue
            mine.append(len(tests) - 1)
        dep = any("DEP" in token for token in pattern)
        if not mine and not dep:
            return None
        needs.append((dep, frozenset(mine)))
    seen: dict[int, frozenset[int]] = {}

    def may_match(doc: Any) -> bool:
        strings, has_dep = doc.vocab.strings, doc.has_annotation("DEP")
        found: set[int] = set()
        for lower in set(doc.to_array(LOWER).tolist()):
            fills = seen.get(lower)
            if fills is None:
                if len(seen) > _CAP:
                    seen.clear()
                word = strings[lower]
                fills = seen[lower] = frozenset(i for i, t in enumerate(tests) if t(word))
            found |= fills
        return any((has_dep or not dep) and mine <= found for dep, mine in needs)

    return may_match


def _index_as_sets(lemmatizer: Any) -> None:
    """Make the rule lemmatizer's word index sets: the same lemmas, found without a list scan.

    The model stores ``lemma_index`` as lists (57,528 nouns), and ``rule_lemmatize`` asks
    ``form in index`` for every candidate form of every new word: a linear scan each time. Only
    membership is ever asked of the index, so a frozenset gives the same answers.
    """
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or "lemma_index" not in lookups.tables:
        return
    table = lookups.get_table("lemma_index")
    for pos in list(table.keys()):
        words = table[pos]
        if isinstance(words, list):
            table[pos] = frozenset(words)
