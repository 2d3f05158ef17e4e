"""Token embeddings remembered per word form: the first layers of spaCy's ``tok2vec`` models.

Each ``tok2vec`` of the model (the shared one, the NER's own, the sentence recogniser's) starts
with ``MultiHashEmbed``: a token's lexical features (NORM, PREFIX, SUFFIX, SHAPE, and for some
SPACY and IS_SPACE) are hashed into embedding tables, concatenated and mixed by a maxout layer
and a layer norm. Everything in that block is computed row by row: a token's output depends on
its own feature ids and nothing else (the context windows come after it, in the encoder). It is
a third of the shared ``tok2vec``'s time and two thirds of the sentence recogniser's, and news
repeats the same few thousand word forms all day.

``remember`` wraps that block's forward function: at prediction time it reads the feature ids
(the block's own first layer), computes the block only for the feature rows it has not seen
(the block's own layers, on those rows), and gathers every token's row from the rows it keeps.
The weights, the layers and the model's structure are untouched (serialising the pipeline gives
the same bytes); training calls go to the original forward. The rows are the same numbers the
whole block computes (``tests/test_embedcache.py`` compares the tensors bit for bit): the
embedding sums, the maxout's matrix product and the layer norm work on each row alone.

At most ``LIMIT`` rows are kept per block (96 floats each; ~38 MB at the limit for the widest)
once a batch is done: when a batch's new rows would pass it, the store starts again empty.
"""

from __future__ import annotations

from typing import Any

import numpy

LIMIT = 100_000
"""Rows kept per embedding block before its store is emptied (a long ingest meets new words)."""

_STORES: dict[int, _Rows] = {}
"""The row store of each wrapped block, by the block's thinc model id (never in ``attrs``,
which thinc serialises)."""

_PARTS = ("extract_features", "list2ragged", "with_array(", "with_array(maxout", "ragged2list")


def remember(nlp: Any) -> int:
    """Wrap every ``MultiHashEmbed`` block of ``nlp``'s components; the number wrapped."""
    done = 0
    seen: set[int] = set()
    for name in nlp.component_names:
        model = getattr(nlp.get_pipe(name), "model", None)
        if model is None:
            continue
        for node in model.walk():
            if node.id in seen or not _is_embed(node):
                continue
            seen.add(node.id)
            _wrap(node)
            done += 1
    return done


def _is_embed(node: Any) -> bool:
    layers = node.layers
    return (
        len(layers) == len(_PARTS)
        and all(layer.name.startswith(part) for layer, part in zip(layers, _PARTS, strict=True))
        and "hashembed" in layers[2].name
        and "maxout" in layers[3].name
        and node.id not in _STORES
    )


def _wrap(embed: Any) -> None:
    original = embed._func
    extract, _, hashed, mixed, _ = embed.layers
    store = _Rows()

    def forward(model: Any, docs: Any, is_train: bool) -> Any:
        if is_train or not docs:
            return original(model, docs, is_train)
        feats = extract.predict(docs)
        lengths = [len(f) for f in feats]
        ids = numpy.ascontiguousarray(numpy.concatenate(feats), dtype=numpy.uint64)
        rows = store.rows(ids, lambda new: mixed.predict(hashed.predict(new)))
        out = []
        start = 0
        for n in lengths:
            out.append(rows[start : start + n])
            start += n
        return out, _no_backprop

    embed._func = forward
    _STORES[embed.id] = store


def _no_backprop(_: Any) -> Any:
    raise NotImplementedError("the remembered embedding is for prediction only")


class _Rows:
    """Output rows by feature-id row (its bytes), in one growing float32 table."""

    def __init__(self) -> None:
        self.index: dict[bytes, int] = {}
        self.table = numpy.empty((0, 0), dtype=numpy.float32)
        self.emptied = 0

    def rows(self, ids: numpy.ndarray, compute: Any) -> numpy.ndarray:
        """Every row of ``ids``'s output, computing (``compute(new_ids)``) the unseen ones."""
        if len(ids) == 0:
            return compute(ids)
        keys = ids.view(numpy.dtype((numpy.void, ids.shape[1] * ids.itemsize))).ravel()
        uniq, first, inverse = numpy.unique(keys, return_index=True, return_inverse=True)
        words = uniq.tolist()
        index = self.index
        slots = [index.get(k) for k in words]
        missing = [i for i, slot in enumerate(slots) if slot is None]
        if missing:
            if len(index) + len(missing) > LIMIT:
                index.clear()
                self.emptied += 1
                slots = [None] * len(words)
                missing = list(range(len(words)))
            new = compute(ids[first[missing]])
            base = len(index)
            self._fit(base + len(missing), new)
            self.table[base : base + len(missing)] = new
            for j, i in enumerate(missing):
                index[words[i]] = slots[i] = base + j
        return self.table[numpy.asarray(slots, dtype=numpy.intp)[inverse.ravel()]]

    def _fit(self, size: int, new: numpy.ndarray) -> None:
        """Room for ``size`` rows shaped and typed like ``new``'s."""
        table = self.table
        if len(table) >= size and table.shape[1:] == new.shape[1:] and table.dtype == new.dtype:
            return
        grown = numpy.empty((max(size, 2 * len(table), 4096), *new.shape[1:]), dtype=new.dtype)
        if table.shape[1:] == new.shape[1:]:
            grown[: len(table)] = table
        self.table = grown
