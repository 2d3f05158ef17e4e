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

Between processes: at exit a process that computed ``SAVE_AFTER`` new rows or more writes up
to ``KEEP`` of its rows to the cache folder (``sitmap.compiled.cache_dir``), and the next
process starts from them. The file's name holds a hash of the block's weights and of what the
numbers may depend on (the numpy, thinc and BLIS versions, the processor); on loading, a sample
of its rows is computed again and the file is used only if every one is bit-identical, and only
if the checksum written with the rows matches (a file damaged in a row the sample missed is not
used). A missing, truncated, corrupt or foreign file is ignored; an unwritable folder is skipped;
processes writing at once each replace the file whole (``compiled.write``).
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import pickle
import platform
from pathlib import Path
from typing import Any

import numpy

LIMIT = 100_000
"""Rows kept per embedding block before its store is emptied (a long ingest meets new words)."""

KEEP = 50_000
"""Rows per block written to the cache folder at exit (the first seen, most of them common)."""
SAVE_AFTER = 1_000
"""New rows a process must have computed for its store to be written at exit."""
_CHECK = 32
"""Rows of a cache file computed again on loading; one that differs discards the file."""

_STORES: dict[int, _Rows] = {}
"""The row store of each wrapped block, by the block's thinc model id (never in ``attrs``,
which thinc serialises)."""

_PARTS = (
    "extract_features",
    "list2ragged",
    "with_array(",
    "with_array(maxout",
    "ragged2list",
)


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

    def compute(new: Any) -> Any:
        return mixed.predict(hashed.predict(new))

    path = _path(embed)
    if path is not None:
        store.restore(path, compute)
        atexit.register(store.save, path)

    def forward(model: Any, docs: Any, is_train: bool) -> Any:
        if is_train or not docs:
            return original(model, docs, is_train)
        feats = extract.predict(docs)
        lengths = [len(f) for f in feats]
        ids = numpy.ascontiguousarray(numpy.concatenate(feats), dtype=numpy.uint64)
        rows = store.rows(ids, compute)
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


def _path(embed: Any) -> Path | None:
    """The cache file of this block's rows (None when the weights cannot be read)."""
    from importlib.metadata import version

    from sitmap import compiled

    try:
        versions = tuple(version(package) for package in ("numpy", "thinc", "blis"))
        where = (platform.machine(), platform.processor(), _cpu_model())
        h = hashlib.sha256(repr((embed.name, versions, where)).encode())
        for node in embed.walk():
            for name in node.param_names:
                if node.has_param(name):
                    h.update(node.get_param(name).tobytes())
        folder = compiled.cache_dir()  # Path.home() raises RuntimeError with no home
    except (AttributeError, ValueError, TypeError, ImportError, RuntimeError):
        return None  # ImportError: importlib.metadata's PackageNotFoundError
    return folder / f"embed-{h.hexdigest()[:20]}.pickle"


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            return next((line for line in fh if line.startswith("model name")), "")
    except OSError:
        return ""


class _Rows:
    """Output rows by feature-id row (its bytes), in one growing float32 table."""

    def __init__(self) -> None:
        self.index: dict[bytes, int] = {}
        self.table = numpy.empty((0, 0), dtype=numpy.float32)
        self.ids = numpy.empty((0, 0), dtype=numpy.uint64)
        self.emptied = 0
        self.loaded = 0

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
            new_ids = ids[first[missing]]
            new = compute(new_ids)
            base = len(index)
            self._fit(base + len(missing), new, new_ids)
            self.table[base : base + len(missing)] = new
            self.ids[base : base + len(missing)] = new_ids
            for j, i in enumerate(missing):
                index[words[i]] = slots[i] = base + j
        return self.table[numpy.asarray(slots, dtype=numpy.intp)[inverse.ravel()]]

    def restore(self, path: Path, compute: Any) -> bool:
        """Start from the rows in ``path`` if they are whole and this machine's numbers (their
        checksum matches and a sample of ``_CHECK`` rows computed again is bit for bit the
        same); False when not used. A missing, truncated, corrupt or foreign file is never an
        error: the store stays empty and every row is computed."""
        try:
            ids, table = _checked(path)
            sample = numpy.linspace(0, len(ids) - 1, min(_CHECK, len(ids))).astype(numpy.intp)
            again = numpy.asarray(compute(ids[sample]))
            if again.dtype != table.dtype or not numpy.array_equal(again, table[sample]):
                return False
            keys = ids.view(numpy.dtype((numpy.void, ids.shape[1] * ids.itemsize))).ravel()
            index = {k: i for i, k in enumerate(keys.tolist())}
        except Exception:  # a cache file must never stop the pipeline nor change its output
            return False
        self.index = index
        self.ids = ids.copy()
        self.table = table
        self.loaded = len(self.index)
        with contextlib.suppress(OSError):
            os.utime(path)  # in use: ``compiled.write`` deletes files unused for an hour
        return True

    def save(self, path: Path) -> None:
        """Write up to ``KEEP`` rows to ``path`` when this process computed ``SAVE_AFTER``
        new ones (``sitmap.compiled.write``: atomic; a folder that cannot be written is
        skipped)."""
        from sitmap import compiled

        size = min(len(self.index), KEEP)
        if len(self.index) - self.loaded < SAVE_AFTER and not self.emptied:
            return
        if size == 0:
            return
        compiled.write(payload(self.ids[:size], self.table[:size]), path, "embed")

    def _fit(self, size: int, new: numpy.ndarray, new_ids: numpy.ndarray) -> None:
        """Room for ``size`` rows shaped and typed like ``new``'s (and their ids)."""
        self.table = _grown(self.table, size, new)
        self.ids = _grown(self.ids, size, new_ids)


def payload(ids: numpy.ndarray, rows: numpy.ndarray) -> dict[str, Any]:
    """What a cache file holds: the feature-id rows, their output rows and a checksum of both."""
    ids = numpy.ascontiguousarray(ids)
    rows = numpy.ascontiguousarray(rows)
    return {"ids": ids, "rows": rows, "sha256": _checksum(ids, rows)}


def _checksum(ids: numpy.ndarray, rows: numpy.ndarray) -> str:
    h = hashlib.sha256(repr((ids.dtype.str, ids.shape, rows.dtype.str, rows.shape)).encode())
    h.update(memoryview(ids).cast("B"))
    h.update(memoryview(rows).cast("B"))
    return h.hexdigest()


def _checked(path: Path) -> tuple[numpy.ndarray, numpy.ndarray]:
    """The (ids, rows) of a cache file written by ``payload``; ValueError (or whatever reading
    or unpickling raises) when it is not one, whole."""
    with open(path, "rb") as fh:
        saved = pickle.load(fh)
    ids, rows = saved["ids"], saved["rows"]
    if not (
        isinstance(ids, numpy.ndarray)
        and isinstance(rows, numpy.ndarray)
        and ids.dtype == numpy.uint64
        and ids.ndim == 2
        and rows.ndim == 2
        and len(ids) == len(rows) > 0
        and ids.flags.c_contiguous
        and rows.flags.c_contiguous
        and saved.get("sha256") == _checksum(ids, rows)
    ):
        raise ValueError(f"not a whole embedding cache file: {path}")
    return ids, rows


def _grown(table: numpy.ndarray, size: int, like: numpy.ndarray) -> numpy.ndarray:
    """``table``, or a larger copy of it, with room for ``size`` rows like ``like``'s."""
    same = table.shape[1:] == like.shape[1:] and table.dtype == like.dtype
    if same and len(table) >= size:
        return table
    grown = numpy.empty((max(size, 2 * len(table), 4096), *like.shape[1:]), dtype=like.dtype)
    if same:
        grown[: len(table)] = table
    return grown
