"""Hostile files, queries and values (issue 16): a clear message or a skip row, never a
traceback, a read or write outside the store, a network attempt or a lost good record."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from _store_samples import sample_documents

from sitmap.cli import main
from sitmap.errors import InputError, StoreError
from sitmap.export import ExportError, export
from sitmap.model import Document, Skip
from sitmap.store import Store


@dataclass
class _Result:
    returncode: int
    stdout: bytes
    stderr: bytes


def _cli(*args: str, stdin: bytes | None = None) -> _Result:
    """Run the ``sitmap`` console entry point in this process (as the shell would)."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.argv, sys.stdin, sys.stdout, sys.stderr
    sys.argv = ["sitmap", *args]
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin or b""))
    sys.stdout, sys.stderr = out, err
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.argv, sys.stdin, sys.stdout, sys.stderr = saved
    return _Result(code, out.getvalue().encode(), err.getvalue().encode())


def _one_line_error(out: subprocess.CompletedProcess) -> str:
    """The CLI failed with exit 1 and one line on stderr (no traceback); that line."""
    err = out.stderr.decode()
    assert out.returncode == 1, (out.returncode, err)
    assert "Traceback" not in err, err
    assert err.startswith("error:") and len(err.strip().splitlines()) == 1, err
    return err


@pytest.fixture()
def store_file(tmp_path: Path) -> Path:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.write_many(sample_documents())
    return path


# -- SQL: the engine's own settings keep queries inside the store --------------------------------

_REFUSED = "refused|does not exist"  # a file name as a table: not looked up on disk at all


@pytest.mark.parametrize(
    "query",
    [
        "EXPLAIN ANALYZE COPY (SELECT 1) TO '{db}' (FORMAT csv)",
        "EXPLAIN ANALYZE COPY (SELECT 1) TO '{victim}' (FORMAT csv)",
        "SELECT * FROM read_text('{secret}')",
        "SELECT * FROM read_blob('{secret}')",
        "SELECT * FROM read_csv('{secret}')",
        "SELECT * FROM '{secret}'",
        "SELECT * FROM glob('{dir}/*')",
        "SELECT * FROM sqlite_scan('{dir}/x.sqlite', 't')",
        "SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')",
    ],
)
def test_sql_cannot_touch_files_or_network(store_file: Path, tmp_path: Path, query: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("password=hunter2\n")
    victim = tmp_path / "victim.csv"
    before = store_file.read_bytes()
    q = query.format(db=store_file, victim=victim, secret=secret, dir=tmp_path)
    with Store.reader(store_file) as store, pytest.raises(StoreError, match=_REFUSED) as err:
        store.sql(q)
    assert "hunter2" not in str(err.value)
    assert store_file.read_bytes() == before and not victim.exists()
    # The same through the CLI: one line, exit 1, nothing written or read.
    out = _cli("sql", q, "--db", str(store_file))
    assert re.search(_REFUSED, _one_line_error(out)) and "hunter2" not in out.stdout.decode()
    assert store_file.read_bytes() == before and not victim.exists()


def test_sql_settings_are_locked(store_file: Path) -> None:
    with Store.reader(store_file) as store:
        assert store.sql(
            "SELECT value FROM duckdb_settings() WHERE name = 'enable_external_access'"
        )[1] == [("false",)]
        with pytest.raises(StoreError):
            store.sql("SET enable_external_access = true")
        with pytest.raises(duckdb.Error, match="locked"):
            store.con.execute("SET enable_external_access = true")
        with pytest.raises(duckdb.Error, match="locked"):
            store.con.execute("SET autoinstall_known_extensions = true")
        assert store.sql("SELECT count(*) FROM documents")[1] == [(4,)]


def test_sql_on_a_read_write_store_changes_nothing(store_file: Path) -> None:
    with Store(store_file) as store:
        with pytest.raises(StoreError, match="only SELECT"):
            store.sql("DELETE FROM events")
        store.sql("EXPLAIN ANALYZE SELECT count(*) FROM events")
        columns, rows = store.sql("SELECT count(*) AS n FROM events")
        n = rows[0][0]
        assert n > 0 and columns == ["n"]
    with Store.reader(store_file) as store:
        assert store.sql("SELECT count(*) FROM events")[1] == [(n,)]


def test_an_sqlite_file_as_db_is_refused_without_loading_an_extension(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (a)")
    con.commit()
    con.close()
    before = path.read_bytes()
    for args in (("events",), ("stats",), ("sql", "SELECT 1"), ("ingest", "-")):
        out = _cli(*args, "--db", str(path), stdin=b"")
        assert "SQLite database" in _one_line_error(out)
    assert path.read_bytes() == before
    with pytest.raises(StoreError, match="SQLite database, not a sitmap store"):
        Store(path)


def test_ingest_refuses_another_programs_duckdb_file(tmp_path: Path) -> None:
    path = tmp_path / "theirs.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE customers (name VARCHAR)")
    con.close()
    with pytest.raises(StoreError, match="another program"):
        Store(path)
    con = duckdb.connect(str(path), read_only=True)
    tables = [
        t for (t,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    ]
    con.close()
    assert tables == ["customers"]  # nothing added
    with pytest.raises(StoreError, match="not a sitmap database"):
        Store(path, read_only=True)


@pytest.mark.parametrize("content", [b"", b"just some text, not a database\n" * 4])
def test_store_open_failures_say_the_real_cause(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.duckdb"
    path.write_bytes(content)
    with pytest.raises(StoreError) as err:
        Store(path, read_only=True)
    assert "another sitmap process" not in str(err.value)
    assert "not a DuckDB" in str(err.value)
    with pytest.raises(StoreError, match="folder"):
        Store(tmp_path)


def test_unknown_migration_is_one_line(store_file: Path) -> None:
    con = duckdb.connect(str(store_file))
    con.execute("INSERT INTO schema_version VALUES (99, '0099_from_the_future', NULL)")
    con.close()
    with Store.reader(store_file) as store:  # reading still works
        assert store.stats()["documents"] == 4
    with pytest.raises(StoreError, match="newer version"):
        Store(store_file)
    out = _cli("ingest", "-", "--db", str(store_file), "--workers", "1", stdin=b"text")
    assert "newer version" in _one_line_error(out)


# -- export never overwrites the store ------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson", "acled"])
def test_export_onto_the_store_is_refused(store_file: Path, fmt: str) -> None:
    before = store_file.read_bytes()
    with pytest.raises(ExportError, match="the store"):
        export(store_file, fmt, store_file)
    with pytest.raises(ExportError, match="the store"):
        export(store_file, fmt, str(store_file.parent / "." / store_file.name))
    out = _cli("export", "--format", fmt, "-o", str(store_file), "--db", str(store_file))
    assert "the store" in _one_line_error(out)
    assert store_file.read_bytes() == before
    with Store.reader(store_file) as store:
        assert store.stats()["documents"] == 4


def test_parquet_export_still_works_with_external_access_off(store_file: Path, tmp_path: Path):
    import pyarrow.parquet as pq

    summary = export(store_file, "parquet", tmp_path / "pq")
    assert summary["written"] > 0
    assert pq.read_table(tmp_path / "pq" / "events.parquet").num_rows == summary["written"]


# -- one writer, many readers ---------------------------------------------------------------------


_HOLDER = textwrap.dedent(
    """
    import sys, time
    from sitmap.store import Store
    store = Store(sys.argv[1])
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
    store.close()
    """
)


def _hold(path: Path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path), str(seconds)], stdout=subprocess.PIPE
    )
    assert proc.stdout.readline().strip() == b"holding"
    return proc


def test_reader_waits_for_a_writer_then_answers(store_file: Path) -> None:
    proc = _hold(store_file, 1.5)
    try:
        with (
            pytest.raises(StoreError, match=r"has held it for over 0.2 s"),
            Store.reader(store_file, wait=0.2),
        ):
            pass
        started = time.monotonic()
        with Store.reader(store_file, wait=30) as store:
            assert store.stats()["documents"] == 4
        assert time.monotonic() - started < 30
    finally:
        proc.wait(timeout=30)


def test_a_second_writer_is_refused_at_once(store_file: Path) -> None:
    proc = _hold(store_file, 3)
    try:
        started = time.monotonic()
        with pytest.raises(StoreError, match="another sitmap process"):
            Store(store_file, hold=False)
        assert time.monotonic() - started < 2
    finally:
        proc.wait(timeout=30)


def test_a_released_writer_lets_readers_in(store_file: Path) -> None:
    """A ``hold=False`` writer closes the file when idle: another process can read it."""
    writer = Store(store_file, hold=False)
    try:
        writer.set_setting("k", "v")
        time.sleep(0.5)
        code = (
            "import sys; from sitmap.store import Store\n"
            "with Store.reader(sys.argv[1], wait=0.5) as s: print(s.setting('k'))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code, str(store_file)], capture_output=True, timeout=60
        )
        assert out.stdout.decode().strip() == "v", out.stderr.decode()
        writer.set_setting("k", "w")  # and the writer reopens on demand
        assert writer.setting("k") == "w"
    finally:
        writer.close()


# -- readers: streaming, budgets, one bad record costs only itself --------------------------------

ARTICLE = (
    "Syrian government forces encircled Islamic State fighters in the eastern city of Deir "
    "ez-Zor on Monday, state media said, after weeks of heavy fighting backed by Russian air "
    "strikes. The army said it had taken several villages on the western bank of the Euphrates. "
)


def _article(n: int) -> str:
    """A distinct English article (the n-th), long enough to be read as one."""
    return f"Report {n}. " + ARTICLE * 2 + f"Officials gave the figure {n * 7} for the dead."


def _kinds(items: list) -> list[str]:
    return [type(i).__name__ if isinstance(i, Document) else f"Skip:{i.reason}" for i in items]


_BOMB_CHILD = textwrap.dedent(
    """
    import resource, sys, zlib
    from sitmap import ingest
    path, kind = sys.argv[1], sys.argv[2]
    with open(path, "wb") as f:  # ~400 MB of one line, compressed to ~0.4 MB
        c = zlib.compressobj(1, zlib.DEFLATED, 31)
        f.write(c.compress(b'{"text": "' if kind == "jsonl" else b'text,title\\n"'))
        block = b"a" * (1 << 20)
        for _ in range(400):
            f.write(c.compress(block))
        f.write(c.compress(b'"}\\n' if kind == "jsonl" else b'",t\\n'))
        f.write(c.flush())
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    items = list(ingest.read(path))
    grew = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base
    print(len(items), items[0].reason, int(grew / 1024), items[0].message)
    """
)


@pytest.mark.parametrize("kind", ["jsonl", "csv"])
def test_decompression_bomb_is_refused_in_bounded_memory(tmp_path: Path, kind: str) -> None:
    out = subprocess.run(
        [sys.executable, "-c", _BOMB_CHILD, str(tmp_path / f"bomb.{kind}.gz"), kind],
        capture_output=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr.decode()
    n, reason, grew_mb, message = out.stdout.decode().split(" ", 3)
    assert (n, reason) == ("1", "too-large") and "decompression bomb" in message
    assert int(grew_mb) < 200, f"reading the bomb grew memory by {grew_mb} MB"


class _Endless(io.RawIOBase):
    """An endless stream of text that counts what was read from it."""

    def __init__(self, line: bytes = b"word " * 20 + b"\n") -> None:
        self.line, self.read_bytes = line, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = len(buffer)
        data = (self.line * (n // len(self.line) + 1))[:n]
        buffer[:n] = data
        self.read_bytes += n
        return n


def _stdin(monkeypatch, raw: io.RawIOBase) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(raw)))


@pytest.mark.parametrize("line", [b"word " * 20 + b"\n", b'{"text": "word word"}\n'])
def test_ingest_stdin_refuses_an_endless_input_without_reading_it(monkeypatch, line) -> None:
    from sitmap import ingest

    raw = _Endless(line)
    _stdin(monkeypatch, raw)
    if line.startswith(b"{"):  # JSONL is streamed: records come while the input goes on
        items = []
        for item in ingest.read("-", max_bytes=10_000):
            items.append(item)
            if len(items) == 3:
                break
        assert len(items) == 3
    else:
        items = list(ingest.read("-", max_bytes=10_000))
        assert _kinds(items) == ["Skip:too-large"] and "not read further" in items[0].message
    assert raw.read_bytes < 2_000_000


def test_extract_refuses_an_oversized_input_without_reading_it(monkeypatch, tmp_path) -> None:
    from sitmap import pipeline

    raw = _Endless()
    _stdin(monkeypatch, raw)
    with pytest.raises(InputError, match="more than 10,000 bytes") as err:
        pipeline.extract_path("-", max_bytes=10_000)
    assert err.value.reason == "too-large" and raw.read_bytes < 200_000
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 50_000)
    with pytest.raises(InputError, match="--max-bytes"):
        pipeline.extract_path(big, max_bytes=10_000)
    out = _cli("extract", str(big), "--max-bytes", "10000")
    assert "too-large" in _one_line_error(out) or "more than" in out.stderr.decode()


def test_jsonl_nul_byte_costs_only_its_line(tmp_path: Path) -> None:
    from sitmap import ingest

    path = tmp_path / "feed.jsonl"
    path.write_bytes(
        b'{"text": "bad\x00 record"}\n'
        + json.dumps({"text": _article(1), "title": "One"}).encode()
        + b"\n{broken\n"
        + json.dumps({"text": _article(2), "title": "Two"}).encode()
        + b"\n"
    )
    items = list(ingest.read(path))
    assert _kinds(items) == ["Skip:binary", "Document", "Skip:malformed", "Document"]
    assert [d.title for d in items if isinstance(d, Document)] == ["One", "Two"]


def test_csv_bad_byte_and_huge_field_cost_only_their_rows(tmp_path: Path) -> None:
    from sitmap import ingest

    path = tmp_path / "rows.csv"
    path.write_bytes(
        b"text,title\n"
        + f'"{_article(1)}",first\n'.encode()
        + b'"caf\xe9 au lait",second\n'
        + b'"'
        + b"x" * 30_000
        + b'",third\n'
        + f'"{_article(2)}",fourth\n'.encode()
    )
    items = list(ingest.read(path, max_bytes=20_000))
    assert _kinds(items) == ["Document", "Skip:encoding", "Skip:too-large", "Document"]
    assert [d.title for d in items if isinstance(d, Document)] == ["first", "fourth"]
    assert "--encoding" in items[1].message


def test_csv_broken_quoting_costs_only_its_row(tmp_path: Path) -> None:
    from sitmap import ingest

    path = tmp_path / "rows.csv"
    path.write_bytes(
        b"text,title\n"
        + f'"{_article(1)}",first\n'.encode()
        + b'"a field with a NUL \x00 in it",second\n'
        + f'"{_article(2)}",third\n'.encode()
    )
    items = list(ingest.read(path))
    docs = [d.title for d in items if isinstance(d, Document)]
    assert docs == ["first", "third"] and len(items) == 3


def _warc_bytes(pages: list[tuple[str, str]], *, gz: bool) -> list[bytes]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = []
    for url, text in pages:
        buf = io.BytesIO()
        writer = WARCWriter(buf, gzip=gz)
        body = f"<html><head><title>{url}</title></head><body><p>{text}</p></body></html>"
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(body.encode()), http_headers=headers
            )
        )
        out.append(buf.getvalue())
    return out


@pytest.mark.parametrize("gz", [False, True])
def test_warc_garbage_between_records_and_truncated_record(tmp_path: Path, gz: bool) -> None:
    from sitmap import ingest

    recs = _warc_bytes([(f"https://example.org/{i}", _article(i)) for i in range(4)], gz=gz)
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    garbage = b"\r\nGARBAGE between records\r\n\r\n"
    path.write_bytes(recs[0] + garbage + recs[1] + recs[2] + recs[3][: len(recs[3]) - 40])
    items = list(ingest.read(path))
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.url for d in docs] == [f"https://example.org/{i}" for i in range(3)]
    skips = [i for i in items if isinstance(i, Skip)]
    assert "malformed" in [s.reason for s in skips]
    if not gz:  # a cut gzip member is a broken member; a cut plain record is "truncated"
        assert "truncated" in [s.reason for s in skips]
    assert not any(d.url == "https://example.org/3" for d in docs)


def test_non_utf8_file_name_is_read_and_stored(tmp_path: Path) -> None:
    from sitmap import ingest

    folder = tmp_path / "news"
    folder.mkdir()
    name = os.path.join(os.fsencode(folder), b"caf\xe9-report.txt")
    with open(name, "wb") as fh:
        fh.write(_article(1).encode())
    (folder / "b.txt").write_text(_article(2))
    (folder / "c.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    items = list(ingest.read(folder))
    assert _kinds(items) == ["Document", "Skip:binary", "Document"]
    assert items[2].path.endswith("caf\\xe9-report.txt")  # sorted: b.txt, c.txt, caf...
    with Store(tmp_path / "s.duckdb") as store:
        store.write_many([i for i in items if isinstance(i, Document)])
        store.add_skip(items[1])
        paths = sorted(p for (p,) in store.sql("SELECT path FROM documents")[1])
    assert paths[1].endswith("caf\\xe9-report.txt")


def test_special_files_each_get_a_skip_row(tmp_path: Path, monkeypatch) -> None:
    from sitmap import ingest

    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(_article(1))
    (folder / "locked").mkdir()
    (folder / "locked" / "hidden.txt").write_text(_article(2))
    os.symlink(tmp_path / "nowhere.txt", folder / "dangling.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "header-only.csv").write_text("text,title\n")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    started = time.monotonic()
    items = list(ingest.read(folder))
    assert time.monotonic() - started < 30  # the FIFO was never opened
    by_path = {Path(i.path).name: i for i in items if isinstance(i, Skip)}
    assert by_path["dangling.txt"].reason == "missing" and "dangling link" in (
        by_path["dangling.txt"].message
    )
    assert by_path["pipe.txt"].reason == "unsupported" and "FIFO" in by_path["pipe.txt"].message
    assert by_path["header-only.csv"].reason == "empty"
    assert by_path["locked"].reason == "unreadable"
    assert [Path(d.path).name for d in items if isinstance(d, Document)] == ["a.txt"]


def test_unreadable_file_is_a_skip_row(tmp_path: Path, monkeypatch) -> None:
    from sitmap import ingest
    from sitmap.ingest import readers

    (tmp_path / "a.txt").write_text(_article(1))
    (tmp_path / "b.txt").write_text(_article(2))

    def refuse(path, *args, **kwargs):
        if str(path).endswith("a.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(readers, "open", refuse, raising=False)
    items = list(ingest.read(tmp_path))
    assert _kinds(items) == ["Skip:unreadable", "Document"]
    assert "Permission denied" in items[0].message


def test_other_encodings_are_read_with_encoding(tmp_path: Path) -> None:
    from sitmap import ingest

    text = _article(1).replace("forces", "forcés")
    latin = tmp_path / "latin.csv"
    latin.write_bytes(f'body,headline\n"{text}",Été\n'.encode("latin-1"))
    items = list(ingest.read(latin))
    assert _kinds(items) == ["Skip:no-text"] or _kinds(items) == ["Skip:encoding"]
    items = list(ingest.read(latin, encoding="latin-1", fields={"text": "body"}))
    assert _kinds(items) == ["Document"] and "forcés" in items[0].text
    wide = tmp_path / "wide.jsonl"
    wide.write_bytes((json.dumps({"text": text}, ensure_ascii=False) + "\n").encode("utf-16"))
    items = list(ingest.read(wide))
    assert _kinds(items) == ["Document"] and "forcés" in items[0].text
    wide_csv = tmp_path / "wide.csv"
    wide_csv.write_bytes(f'text\n"{text}"\n'.encode("utf-16-le"))
    assert _kinds(list(ingest.read(wide_csv, encoding="utf-16-le"))) == ["Document"]


def test_every_option_a_message_names_exists() -> None:
    """Hints name options (--encoding, --field, --max-bytes ...): each must exist."""
    import typer.main

    from sitmap.cli import app

    group = typer.main.get_command(app)
    options = set()
    for command in group.commands.values():
        for cmd in (getattr(command, "commands", None) or {"": command}).values():
            for param in cmd.params:
                options.update(o for o in param.opts if o.startswith("--"))
    src = Path(__file__).resolve().parents[1] / "src" / "sitmap"
    named: dict[str, str] = {}
    ours = [*(src / "ingest").glob("*.py"), *(src / "cli").glob("*.py")]
    ours += [src / f for f in ("pipeline.py", "dbfile.py", "export.py", "corpus.py")]
    ours += [*(src / "store").glob("*.py")]
    for py in ours:
        for m in re.finditer(r"hint=[^)]*?(--[a-z][a-z-]+)", py.read_text()):
            named.setdefault(m.group(1), py.name)
    for m in re.finditer(r"(--[a-z][a-z-]+)", (src / "ingest" / "checks.py").read_text()):
        named.setdefault(m.group(1), "checks.py")
    assert {"--encoding", "--max-bytes", "--field"} <= set(named) | options
    missing = {o: f for o, f in named.items() if o not in options}
    assert not missing, f"hints name options that do not exist: {missing}"
    for opt in ("--encoding", "--field", "--max-bytes"):
        assert opt in options


def test_reuters_ipsos_poll_headline_is_not_boilerplate() -> None:
    from sitmap.ingest import boilerplate

    text = (
        "Americans back tighter gun laws: Reuters/Ipsos poll\n\n"
        "NEW YORK (Reuters) - Most Americans want stricter gun laws, according to a "
        "Reuters/Ipsos poll released on Tuesday.\n\n"
        "A woman holds a sign at a rally in New York, U.S. October 5, 2017. REUTERS/Lucas Jackson"
    )
    removed = [s.text for s in boilerplate.find(text)]
    assert removed == [
        "A woman holds a sign at a rally in New York, U.S. October 5, 2017. REUTERS/Lucas Jackson"
    ]


def test_chinese_text_is_not_english() -> None:
    from sitmap.ingest import NotEnglish
    from sitmap.ingest.language import check_english

    zh = (
        "叙利亚政府军星期一在代尔祖尔省包围了伊斯兰国武装分子，据官方媒体报道，经过数周的激烈战斗，"
        "俄罗斯空军也对该地区进行了空袭。"
    )
    with pytest.raises(NotEnglish) as err:
        check_english(zh)
    assert err.value.language == "zh"
    assert check_english(ARTICLE + " (代尔祖尔)") == "en"  # a name in Chinese is fine


# -- rendering: values verbatim --------------------------------------------------------------------


def test_table_output_shows_markup_and_emoji_codes_verbatim(capsys) -> None:
    from sitmap.cli._output import Format, render

    rows = [{"a": "[/x] closing tag", "b": ":x: :thumbs_up: [bold]b[/bold]", "c": "[link=x]"}]
    render(rows, Format.table, title="[/title] :smile:")
    out = capsys.readouterr().out
    for value in ("[/x] closing tag", ":x:", ":thumbs_up:", "[bold]b[/bold]", "[/title] :smile:"):
        assert value in out
    assert "❌" not in out and "👍" not in out


def test_error_messages_with_markup_are_one_line(tmp_path: Path) -> None:
    out = _cli("stats", "--db", str(tmp_path / "[/x] :x: missing.duckdb"))
    err = _one_line_error(out)
    assert "[/x] :x: missing.duckdb" in err


_FULL_DISK = textwrap.dedent(
    """
    import resource, signal, sys
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (1_000, 1_000))
    sys.argv = ["sitmap", *sys.argv[1:]]
    from sitmap.cli import main
    main()
    """
)


def test_full_disk_is_one_line(store_file: Path, tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", _FULL_DISK, "export", "-f", "jsonl", "-o", str(tmp_path / "x"),
         "--db", str(store_file)],
        capture_output=True,
        timeout=120,
    )  # fmt: skip
    err = out.stderr.decode()
    assert out.returncode == 1 and "Traceback" not in err, err
    assert err.startswith("error:") and "File too large" in err


def test_store_write_on_a_full_disk_is_a_store_error(tmp_path: Path) -> None:
    code = textwrap.dedent(
        """
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        sys.path.insert(0, sys.argv[2])
        from _store_samples import sample_documents
        from sitmap.errors import StoreError
        from sitmap.store import Store
        resource.setrlimit(resource.RLIMIT_FSIZE, (300_000, 300_000))
        docs = sample_documents()
        try:
            with Store(sys.argv[1]) as store:
                for i in range(100):
                    for d in docs:
                        d.text += " more words" * 500
                    store.write_many(docs)
        except StoreError as exc:
            print(exc)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "f.duckdb"), str(Path(__file__).parent)],
        capture_output=True,
        timeout=120,
    )
    assert "Traceback" not in out.stderr.decode(), out.stderr.decode()
    assert "the disk is full" in out.stdout.decode()


# -- reading while an ingest writes ----------------------------------------------------------------


@pytest.mark.model
def test_events_answers_every_second_during_a_real_ingest(shared: Path, tmp_path: Path) -> None:
    """A reader polls `sitmap events` (and `stats`) every second while `sitmap ingest` writes
    300 real articles: every poll answers, and the counts it sees only grow. Batches of 10
    documents make the store grow in many small commits, so that a fast (idle) machine also
    shows the reader several half-done states."""
    rows = [json.loads(line) for line in (shared / "corpora" / "isot-reuters-2017-sample.jsonl")
            .read_text().splitlines()]  # fmt: skip
    rows = sorted(rows, key=lambda r: len(r["text"]))[:300]  # the shortest: keeps the test quick
    source = tmp_path / "reuters-300.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows))
    db = tmp_path / "live.duckdb"
    writer = subprocess.Popen(
        [sys.executable, "-c", "from sitmap.cli import main; main()", "ingest", str(source),
         "--db", str(db), "--workers", "1", "--batch-size", "10", "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    polls: list[tuple[int, int]] = []
    try:
        while not db.exists() and writer.poll() is None:
            time.sleep(0.2)
        while True:
            done = writer.poll() is not None
            started = time.monotonic()
            out = _cli("events", "--db", str(db), "--limit", "1000000", "--format", "jsonl")
            assert out.returncode == 0, out.stderr.decode()
            stats = _cli("stats", "--db", str(db), "--format", "json")
            assert stats.returncode == 0, stats.stderr.decode()
            assert time.monotonic() - started < 60
            events = len(out.stdout.splitlines())
            polls.append((json.loads(stats.stdout)["documents"], events))
            if done:
                break
            time.sleep(1)
        _, err = writer.communicate(timeout=60)
    finally:
        if writer.poll() is None:
            writer.kill()
    assert writer.returncode == 0, err.decode()[-2000:]
    documents = [d for d, _ in polls]
    events = [e for _, e in polls]
    assert documents == sorted(documents) and events == sorted(events), polls
    assert documents[-1] == 300 and events[-1] > 300
    # half-done states: a poll may count all 300 documents and only part of the events (seen
    # on an idle machine: (300, 60) before (300, 367))
    during = {(d, e) for d, e in polls[:-1] if 0 < d < 300 or 0 < e < events[-1]}
    assert len(during) >= 2, f"too few polls saw the ingest half done: {polls}"


def test_extract_on_an_unreadable_file_is_one_line(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(_article(1))
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    out = _cli("extract", str(path))
    assert "Permission denied" in _one_line_error(out)


_TINY_VALUES_CHILD = textwrap.dedent(
    """
    import resource, sys
    from sitmap import ingest
    path = sys.argv[1]
    with open(path, "w") as f:  # 45 MB of empty objects: json.loads would build 15M dicts
        f.write("[" + "{}," * 15_000_000 + '{"text": "last"}]')
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    items = list(ingest.read(path))
    grew = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base
    print(len(items), int(grew / 1024), items[-1].message)
    """
)


def test_a_json_of_millions_of_tiny_values_is_read_in_bounded_memory(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", _TINY_VALUES_CHILD, str(tmp_path / "tiny.json")],
        capture_output=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr.decode()
    n, grew_mb, message = out.stdout.decode().split(" ", 2)
    assert int(n) == 1001 and "bad records in a row" in message  # not 15M skip rows
    assert int(grew_mb) < 400, f"reading it grew memory by {grew_mb} MB"


def _truncated_store(tmp_path: Path) -> tuple[Path, bytes]:
    """A store's bytes and a copy of its first 100 bytes (a file a writer is still creating)."""
    whole = tmp_path / "whole.duckdb"
    with duckdb.connect(str(whole)) as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS a")
    data = whole.read_bytes()
    part = tmp_path / "new.duckdb"
    part.write_bytes(data[:100])
    return part, data


def test_reader_waits_for_a_store_still_being_created(tmp_path: Path) -> None:
    """A reader that opens a new store before its writer has written the header waits for it
    (seen as DuckDB's "Could not read enough bytes" when `sitmap events` ran at once)."""
    import threading

    from sitmap import dbfile

    part, data = _truncated_store(tmp_path)
    whole = tmp_path / "whole.duckdb"

    def finish() -> None:  # the writer completes the file in one step, as DuckDB's lock makes it
        whole.write_bytes(data)  # look to a reader (no half-rewritten file is ever seen)
        os.replace(whole, part)

    for start in (data[:100], b""):  # header half written; file created, nothing written yet
        part.write_bytes(start)
        done = threading.Timer(0.3, finish)
        done.start()
        try:
            con = dbfile.connect(str(part), read_only=True, wait=10)
        finally:
            done.join()
        assert con.execute("SELECT a FROM t").fetchall() == [(1,)]
        con.close()


def test_truncated_store_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    from sitmap import dbfile

    part, _ = _truncated_store(tmp_path)
    monkeypatch.setattr(dbfile, "STARTING_WAIT", 0.2)
    with pytest.raises(StoreError, match="shorter than its DuckDB header"):
        dbfile.connect(str(part), read_only=True, wait=10)
