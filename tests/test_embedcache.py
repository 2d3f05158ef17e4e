"""The remembered token embeddings (``sitmap.embedcache``) give the model's own numbers."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys

import numpy
import pytest

from sitmap import embedcache, nlp


@pytest.fixture(scope="module")
def texts(shared):
    out = [
        "Police in Lagos said gunmen killed 12 villagers on Sunday; the governor's office "
        "denied it.\n\nProtesters marched on the U.S. embassy in Nairobi, witnesses told Reuters.",
    ]
    for name in ("isot-reuters-2017-sample.jsonl", "isot-unreliable-2017-sample.jsonl"):
        with (shared / "corpora" / name).open(encoding="utf-8") as fh:
            out += [json.loads(line)["text"] for _, line in zip(range(8), fh, strict=False)]
    return out


@pytest.fixture(scope="module")
def reference():
    """The model as spaCy loads it: no block wrapped."""
    import spacy

    ref = spacy.load(nlp.MODEL)
    ref.enable_pipe("senter")
    return ref


def _embeds(model):
    return [
        node for node in model.walk() if embedcache._is_embed(node) or node.id in embedcache._STORES
    ]


def test_every_hash_embedding_block_is_remembered():
    """The shared tok2vec's, the NER's own and the sentence recogniser's blocks are wrapped,
    once each (loading again wraps nothing more)."""
    model = nlp.load()
    wrapped = [
        name
        for name in ("tok2vec", "ner", "senter")
        if any(node.id in embedcache._STORES for node in model.get_pipe(name).model.walk())
    ]
    assert wrapped == ["tok2vec", "ner", "senter"]
    assert embedcache.remember(model) == 0


def test_remembered_rows_equal_the_whole_blocks_bit_for_bit(texts, reference):
    """On real articles, cold and warm, each wrapped block's output equals the original
    block's, and the pipeline's tensors, tags and entities equal spaCy's own."""
    model = nlp.load()
    for name in ("tok2vec", "ner", "senter"):
        ours = _embeds(model.get_pipe(name).model)
        theirs = _embeds(reference.get_pipe(name).model)
        assert len(ours) == len(theirs) == 1
        docs = [reference.make_doc(t) for t in texts]
        for _ in range(2):  # the first pass computes the rows, the second reads them
            got = ours[0].predict(docs)
            want = theirs[0].predict(docs)
            assert all(numpy.array_equal(g, w) for g, w in zip(got, want, strict=True))
    for ours, theirs in zip(model.pipe(texts), reference.pipe(texts), strict=True):
        assert numpy.array_equal(ours.tensor, theirs.tensor)
        assert [(t.tag_, t.ent_iob_, t.ent_type_) for t in ours] == [
            (t.tag_, t.ent_iob_, t.ent_type_) for t in theirs
        ]


def test_a_full_store_starts_again_with_the_same_numbers(texts, reference, monkeypatch):
    """Past ``LIMIT`` rows the store empties and refills; the output does not change."""
    monkeypatch.setattr(embedcache, "LIMIT", 300)
    model = nlp.load()
    store = next(
        embedcache._STORES[node.id]
        for node in model.get_pipe("ner").model.walk()
        if node.id in embedcache._STORES
    )
    # a fresh process's store (new objects: the real one is put back, untouched, after)
    monkeypatch.setattr(store, "index", {})
    monkeypatch.setattr(store, "table", store.table[:0])
    monkeypatch.setattr(store, "ids", store.ids[:0])
    emptied = store.emptied
    for text in texts[1:4]:
        ours, theirs = model(text), reference(text)
        assert ours.ents
        assert [(e.text, e.label_) for e in ours.ents] == [(e.text, e.label_) for e in theirs.ents]
    assert store.emptied >= emptied + 2


def test_the_pipeline_serialises_as_before(reference):
    """The weights and the model's structure are untouched: each model's bytes are spaCy's."""
    for name in ("tok2vec", "ner", "senter"):
        ours = nlp.load().get_pipe(name).model.to_bytes()
        assert ours == reference.get_pipe(name).model.to_bytes()


_CHILD = """
import hashlib, json, sys
from sitmap import embedcache, nlp
embedcache.SAVE_AFTER = 1
model = nlp.load()
loaded = sorted(store.loaded for store in embedcache._STORES.values())
texts = json.loads(sys.stdin.read())
tensors = hashlib.sha256(b"".join(d.tensor.tobytes() for d in model.pipe(texts))).hexdigest()
print(json.dumps([loaded, tensors]))
"""


def _child(texts, cache):
    env = {**os.environ, "SITMAP_CACHE": str(cache)}
    done = subprocess.run([sys.executable, "-c", _CHILD], input=json.dumps(texts), env=env,
                          capture_output=True, text=True, check=True)  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_next_process_starts_from_the_rows_written_at_exit(texts, tmp_path):
    """A process writes its rows to the cache folder at exit; the next one reads them back and
    gives the same tensors as the process that computed them."""
    first_loaded, first = _child(texts[:4], tmp_path)
    assert first_loaded == [0, 0, 0]
    files = sorted(tmp_path.glob("embed-*.pickle"))
    assert len(files) == 3  # the shared tok2vec's, the NER's, the sentence recogniser's
    loaded, again = _child(texts[:4], tmp_path)
    assert min(loaded) > 100
    assert again == first


def test_a_cache_file_of_other_numbers_is_not_used(texts, tmp_path):
    """A file whose rows are not this machine's numbers (one bit off) is ignored; the true
    rows are taken."""
    model = nlp.load()
    block = _embeds(model.get_pipe("ner").model)[0]
    _, _, hashed, mixed, _ = block.layers

    def compute(ids):
        return mixed.predict(hashed.predict(ids))

    ids = numpy.concatenate(block.layers[0].predict([model.make_doc(t) for t in texts[:2]]))
    rows = compute(ids)
    path = tmp_path / "embed-test.pickle"
    for table, used in ((rows, True), (numpy.nextafter(rows, 1, dtype=rows.dtype), False)):
        path.write_bytes(pickle.dumps(embedcache.payload(ids, table)))
        store = embedcache._Rows()
        assert store.restore(path, compute) is used
        assert store.loaded == (len(numpy.unique(ids, axis=0)) if used else 0)


@pytest.fixture(scope="module")
def ner_block(texts):
    """The NER's wrapped block: (its ``compute``, the feature ids of two articles, their rows)."""
    model = nlp.load()
    block = _embeds(model.get_pipe("ner").model)[0]
    _, _, hashed, mixed, _ = block.layers

    def compute(ids):
        return mixed.predict(hashed.predict(ids))

    ids = numpy.concatenate(block.layers[0].predict([model.make_doc(t) for t in texts[:2]]))
    ids = numpy.ascontiguousarray(ids, dtype=numpy.uint64)
    return compute, ids, compute(ids)


def test_a_truncated_or_foreign_cache_file_is_ignored(ner_block, tmp_path):
    """A cache file cut short at any point, of random bytes, of another pickled object or of
    arrays of the wrong kind is not used and raises nothing: the store stays empty."""
    compute, ids, rows = ner_block
    whole = pickle.dumps(embedcache.payload(ids, rows))
    bad = [whole[:n] for n in (0, 1, 2, 40, len(whole) // 3, len(whole) // 2, len(whole) - 1)]
    bad += [
        bytes(range(256)) * 8,
        pickle.dumps([ids, rows]),
        pickle.dumps({"ids": ids.tolist(), "rows": rows.tolist()}),
        pickle.dumps({"ids": ids.astype(numpy.int32), "rows": rows}),  # ids of another type
        pickle.dumps({"ids": ids[:, :1], "rows": rows}),  # one feature column only
        pickle.dumps({"ids": numpy.asfortranarray(ids), "rows": rows}),
        pickle.dumps({"ids": ids[:0], "rows": rows[:0]}),
        # the same numbers in float64: taken, the store's next growth would drop the table
        pickle.dumps(embedcache.payload(ids, rows.astype(numpy.float64))),
    ]
    path = tmp_path / "embed-test.pickle"
    for data in bad:
        path.write_bytes(data)
        store = embedcache._Rows()
        assert store.restore(path, compute) is False
        assert (store.loaded, len(store.index)) == (0, 0)
    assert embedcache._Rows().restore(tmp_path / "missing.pickle", compute) is False


def test_a_cache_file_damaged_where_the_sample_does_not_look_is_not_used(ner_block, tmp_path):
    """One row off in a place the recomputed sample misses: the checksum turns the file away
    (before it, the row would have been taken, and the tensors changed)."""
    compute, ids, rows = ner_block
    sample = set(numpy.linspace(0, len(ids) - 1, min(embedcache._CHECK, len(ids))).astype(int))
    row = next(i for i in range(len(ids)) if i not in sample)
    data = embedcache.payload(ids, rows)
    path = tmp_path / "embed-test.pickle"
    path.write_bytes(pickle.dumps(data))
    assert embedcache._Rows().restore(path, compute) is True
    data["rows"] = rows.copy()
    data["rows"][row, 0] = numpy.nextafter(rows[row, 0], 1, dtype=rows.dtype)
    path.write_bytes(pickle.dumps(data))
    store = embedcache._Rows()
    assert store.restore(path, compute) is False
    assert store.loaded == 0


def test_rows_a_process_could_not_write_are_not_an_error(ner_block, tmp_path):
    """A cache folder that cannot be made (its place is a file) is skipped at exit, and a
    process that wrote its rows leaves a file the next one restores in full."""
    compute, ids, _ = ner_block
    store = embedcache._Rows()
    store.rows(ids, compute)
    store.emptied = 1  # as if past ``SAVE_AFTER``
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    store.save(blocked / "embed-test.pickle")
    assert not (blocked / "embed-test.pickle").exists()
    store.save(tmp_path / "embed-test.pickle")
    again = embedcache._Rows()
    assert again.restore(tmp_path / "embed-test.pickle", compute) is True
    assert again.loaded == len(store.index) == len(numpy.unique(ids, axis=0))
    assert not list(tmp_path.glob("*.tmp"))


def test_no_cache_path_when_a_version_cannot_be_read(monkeypatch):
    """A package whose version cannot be read leaves the block uncached, not the load broken."""
    from importlib import metadata

    model = nlp.load()
    block = _embeds(model.get_pipe("ner").model)[0]
    assert embedcache._path(block) is not None

    def missing(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", missing)
    assert embedcache._path(block) is None
