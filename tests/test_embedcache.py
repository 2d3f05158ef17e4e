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
        path.write_bytes(pickle.dumps({"ids": ids, "rows": table}))
        store = embedcache._Rows()
        assert store.restore(path, compute) is used
        assert store.loaded == (len(numpy.unique(ids, axis=0)) if used else 0)
