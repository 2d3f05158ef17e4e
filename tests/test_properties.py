"""Property tests (hypothesis): any bytes, file name, text, query or JSON value gives a result,
a skip record or a clear ``SitmapError`` — never a traceback. Kept small: a few dozen examples
per property, no deadline (the machine is shared)."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitmap import ingest
from sitmap.cli._output import Format, render
from sitmap.errors import InputError, SitmapError, StoreError
from sitmap.model import Document, Skip

FAST = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

EXTENSIONS = [".txt", ".html", ".json", ".jsonl", ".csv", ".tsv", ".warc", ".rss", ".xml", ""]

# Bytes that look a little like the formats, so the readers get past their first checks.
_PIECES = st.sampled_from(
    [b"{", b"}", b"[", b"]", b'"text"', b":", b",", b"\n", b"\r\n", b"\x00", b"\xff\xfe",
     b"\xef\xbb\xbf", b"<html>", b"<rss>", b"<item>", b"WARC/1.0\r\n", b"Content-Length: 9\r\n",
     b"text,title\n", b'"', b"\t", b"\x1f\x8b", b"Syrian forces shelled the town on Monday. "]
)  # fmt: skip
DATA = st.one_of(st.binary(max_size=400), st.lists(_PIECES, max_size=30).map(b"".join))


def _check_items(items: list) -> None:
    assert items, "every input gives at least one document or skip"
    for item in items:
        assert isinstance(item, Document | Skip)
        if isinstance(item, Skip):
            assert item.reason and item.message and "\n" not in item.reason


@FAST
@given(data=DATA, ext=st.sampled_from(EXTENSIONS), gz=st.booleans())
def test_any_bytes_in_any_format_give_documents_or_skips(tmp_path_factory, data, ext, gz):
    folder = tmp_path_factory.mktemp("p")
    path = folder / f"input{ext}{'.gz' if gz else ''}"
    path.write_bytes(gzip.compress(data) if gz else data)
    _check_items(list(ingest.read(path, max_bytes=2_000)))


@FAST
@given(name=st.binary(min_size=1, max_size=40), data=DATA)
def test_any_file_name_gives_documents_or_skips(tmp_path_factory, name, data):
    name = name.replace(b"/", b"_").replace(b"\x00", b"_")
    if name in (b".", b".."):
        name = b"x" + name
    folder = tmp_path_factory.mktemp("n")
    full = os.path.join(os.fsencode(folder), name + b".txt")
    with open(full, "wb") as fh:
        fh.write(data)
    items = list(ingest.read(folder))
    if not name.startswith(b"."):
        _check_items(items)
    for item in items:
        item.path.encode("utf-8")  # printable and storable


@FAST
@given(
    data=st.binary(max_size=300),
    encoding=st.sampled_from([None, "utf-8", "latin-1", "utf-16", "cp1252", "no-such-codec"]),
)
def test_decode_gives_text_or_an_input_error(data, encoding):
    try:
        text = ingest.decode(data, encoding=encoding, max_bytes=200)
    except InputError as err:
        assert err.reason in {"empty", "too-large", "binary", "encoding"} and str(err)
    else:
        assert isinstance(text, str) and text.strip()


@FAST
@given(lines=st.lists(st.one_of(st.text(max_size=60), st.binary(max_size=60)), max_size=8))
def test_stdin_of_anything_gives_documents_or_skips(monkeypatch, lines):
    data = b"\n".join(
        x.encode("utf-8", "surrogatepass") if isinstance(x, str) else x for x in lines
    )
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    _check_items(list(ingest.read("-", max_bytes=2_000)))


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=12,
)  # fmt: skip
MARKUP = st.sampled_from(["[/x]", "[bold]", ":x:", ":thumbs_up:", "[link=a]b", "\x1b[31m", "]"])
CELL = st.one_of(JSON, MARKUP, st.text(max_size=40))


@FAST
@given(
    rows=st.lists(st.dictionaries(st.sampled_from(["a", "b", "[c]"]), CELL, max_size=3),
                  max_size=4),
    fmt=st.sampled_from(list(Format)),
    title=st.one_of(st.none(), st.text(max_size=20), MARKUP),
)  # fmt: skip
def test_every_renderer_prints_any_value(capsys, rows, fmt, title):
    render(rows, fmt, columns=["a", "b", "[c]"], title=title)
    out = capsys.readouterr().out
    if fmt == Format.json:
        json.loads(out)
    if fmt == Format.table:
        for row in rows:
            for value in row.values():
                if isinstance(value, str) and value in ("[/x]", ":x:", "[bold]"):
                    assert value in out


@FAST
@given(value=JSON)
def test_any_json_value_as_a_record_gives_a_document_or_skip(tmp_path_factory, value):
    folder = tmp_path_factory.mktemp("j")
    (folder / "a.jsonl").write_text(json.dumps(value) + "\n" + json.dumps({"text": value}) + "\n")
    (folder / "b.json").write_text(json.dumps({"articles": [value, {"title": value}]}))
    _check_items(list(ingest.read(folder, max_bytes=2_000)))


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    from _store_samples import sample_documents

    from sitmap.store import Store

    path = tmp_path_factory.mktemp("store") / "s.duckdb"
    with Store(path) as store:
        store.write_many(sample_documents())
    return path


@FAST
@given(
    query=st.one_of(
        st.text(max_size=60),
        st.builds(
            lambda a, b: f"SELECT {a} FROM {b}",
            st.sampled_from(["*", "count(*)", "read_text('/etc/passwd')", "1/0", "'[/x]'"]),
            st.sampled_from(["events", "documents", "glob('/*')", "'/etc/passwd'", "nope"]),
        ),
    )
)
def test_any_query_gives_rows_or_a_store_error(store_path, query):
    from sitmap.store import Store

    with Store.reader(store_path) as store:
        try:
            columns, rows = store.sql(query)
        except StoreError as err:
            assert "\n" not in str(err)
        else:
            assert isinstance(columns, list) and isinstance(rows, list)
            assert not any("root:" in str(r) for r in rows)


@pytest.mark.model
@settings(max_examples=8, deadline=None)
@given(
    text=st.one_of(
        st.text(max_size=300),
        st.lists(st.sampled_from(["Syrian", "forces", "shelled", "Raqqa", "on", "Monday", ".",
                                  "Reuters", "said", "\n\n", "[/x]", "🙂", "\x00"]),
                 max_size=40).map(" ".join),
    )
)  # fmt: skip
def test_the_pipeline_on_any_text_gives_a_document_or_an_input_error(text):
    from sitmap import pipeline

    try:
        doc = pipeline.extract(text)
    except SitmapError as err:
        assert str(err)
    else:
        assert isinstance(doc, Document)
        for event in doc.events:
            assert 0 <= event.start <= event.end <= len(doc.text)
