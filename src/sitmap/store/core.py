"""The ``Store`` class: one DuckDB file, its holds (reader/session), writes and queries."""

from __future__ import annotations

import contextlib
import functools
import json
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from sitmap import dbfile
from sitmap.errors import StoreError
from sitmap.model import Document, Event, Skip, content_id
from sitmap.store import dataset
from sitmap.store.query import _event_query, _nested
from sitmap.store.rows import _cell, _doc_row, _iso, _now, event_row, origin_of
from sitmap.store.schema import (
    _ACTOR_COLUMNS,
    _DATE_COLUMNS,
    _DOC_COLUMNS,
    _PLACE_COLUMNS,
    DEFAULT_PATH,
    EVENT_COLUMNS,
    MIGRATIONS,
)

_READ_ONLY_TYPES = {"SELECT", "EXPLAIN"}


_F = TypeVar("_F", bound=Callable[..., Any])


def _held(method: _F) -> _F:
    """Run a ``Store`` method inside one hold on the file (opened on demand)."""

    @functools.wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> Any:
        with self.session():
            return method(self, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


class Store:
    """A sitmap corpus in one DuckDB file (``":memory:"`` for a throw-away store).

    Opening read-write creates the file and applies pending migrations; ``read_only=True``
    opens an existing store for queries only. Readers should use ``Store.reader(path)``, which
    waits for a writer to release the file and closes it after the answer. ``hold=False``
    (what ``sitmap ingest`` uses) opens the file only while working and releases it when idle,
    so readers keep answering during a long ingest (see ``sitmap.dbfile``). ``wait``: seconds
    to wait for another process to release the file. ``single_thread=True`` starts no thread:
    DuckDB runs on the calling thread, and a ``hold=False`` store is released by the caller's
    ``release_if_idle`` calls instead of a background thread (``sitmap ingest --workers 1``,
    whose process stays single-threaded: see ``sitmap.threads``).
    """

    def __init__(
        self,
        path: str | Path = DEFAULT_PATH,
        *,
        read_only: bool = False,
        hold: bool = True,
        wait: float | None = None,
        single_thread: bool = False,
    ) -> None:
        self.path = str(path)
        self.single_thread = single_thread
        self.read_only = read_only
        self.hold = hold or read_only or self.path == ":memory:"
        self.wait = (
            wait if wait is not None else (dbfile.READ_WAIT if read_only else dbfile.WRITE_WAIT)
        )
        self._types: dict[str, dict[str, Any]] = {}
        self._skipped: set[str] | None = None
        self._con: duckdb.DuckDBPyConnection | None = None
        self._lock = threading.RLock()
        self._depth = 0
        self._opened_at = self._last_used = 0.0
        self._closed = threading.Event()
        self._releaser: threading.Thread | None = None
        self._writer: dbfile.WriterLock | None = None
        self._dataset = dataset.is_dataset(self.path) if self.path != ":memory:" else False
        if self._dataset and not read_only:
            raise StoreError(
                f"{self.path} is a Parquet dataset (read-only), not a store to write to",
                hint="ingest into a .duckdb store, then `sitmap export --format parquet "
                "--partition month --output DIR` adds it to the dataset",
            )
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(
                f"no sitmap database at {self.path}",
                hint="run `sitmap ingest PATH --db FILE` first, or pass --db",
            )
        try:
            if not read_only and self.path != ":memory:":
                dbfile._check_file(self.path, read_only=False)
                self._writer = dbfile.WriterLock(self.path)
            with self.session():
                self._migrate()
        except BaseException:
            self.close()
            raise

    @classmethod
    @contextmanager
    def reader(
        cls, path: str | Path = DEFAULT_PATH, *, wait: float | None = None
    ) -> Iterator[Store]:
        """``with Store.reader(path) as store:`` a read-only store for one answer.

        The entry point of every reader (CLI queries, export, the web API): it waits (up to
        ``wait`` seconds, default ``dbfile.READ_WAIT``) while an ingest holds the file, sees
        the last committed state, and releases the file on leaving the block so the ingest can
        go on. Raises ``StoreError`` (no such store, not a sitmap store, still locked ...).
        """
        store = cls(path, read_only=True, wait=wait)
        try:
            yield store
        finally:
            store.close()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection (opened on demand; a ``hold=False`` store releases it)."""
        if self._con is None:
            if self._closed.is_set():
                raise StoreError(f"{self.path} is closed", hint="open the store again")
            if self._dataset:
                self._con = dataset.connect(self.path)
            else:
                self._con = dbfile.connect(
                    self.path,
                    read_only=self.read_only,
                    wait=self.wait,
                    single_thread=self.single_thread,
                )
            self._opened_at = time.monotonic()
            if not self.hold and not self.single_thread and self._releaser is None:
                self._releaser = threading.Thread(
                    target=self._release_when_idle, name="sitmap-store-release", daemon=True
                )
                self._releaser.start()
        self._last_used = time.monotonic()
        return self._con

    @contextmanager
    def session(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """``with store.session():`` hold the file for a group of operations (nests freely).

        Every method holds it for its own work; callers that use ``store.con`` directly over
        several statements (or keep a cursor) wrap them in one session, so a ``hold=False``
        store does not release the file in between.
        """
        with self._lock:
            if (
                not self.hold
                and self._depth == 0
                and self._con is not None
                and time.monotonic() - self._opened_at > dbfile.MAX_HOLD
            ):
                self._release()  # busy for a while: let waiting readers in
                time.sleep(dbfile.YIELD_PAUSE)
            self._depth += 1
            try:
                yield self.con
            finally:
                self._depth -= 1
                self._last_used = time.monotonic()

    def release_if_idle(self, idle: float = dbfile.IDLE_RELEASE) -> None:
        """Release the file if no session holds it and it has been unused ``idle`` seconds.

        What a ``hold=False`` store's background thread does on its own; a ``single_thread``
        store has no such thread, so its user calls this where it goes idle (``0``: at once).
        """
        with self._lock:
            if self.hold or self._depth > 0 or self._con is None:
                return
            if time.monotonic() - self._last_used >= idle:
                self._release()

    def _release_when_idle(self) -> None:
        while not self._closed.wait(dbfile.IDLE_RELEASE / 2):
            if self._con is None or not self._lock.acquire(blocking=False):
                continue
            try:
                idle = time.monotonic() - self._last_used
                if self._depth == 0 and self._con is not None and idle >= dbfile.IDLE_RELEASE:
                    self._release()
            except StoreError:
                pass  # reported again by the next write, which reopens the file
            finally:
                self._lock.release()

    def _release(self) -> None:
        con, self._con = self._con, None
        if con is not None:
            try:
                con.close()
            except duckdb.Error as exc:
                raise StoreError(f"closing {self.path} failed: {_first_line(exc)}") from exc

    # -- lifecycle -----------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (checkpoints the write-ahead log) and drop the writer's lock."""
        self._closed.set()
        if self._releaser is not None and self._releaser is not threading.current_thread():
            self._releaser.join()
        try:
            with self._lock:
                self._release()
        finally:
            if self._writer is not None:
                self._writer.release()
                self._writer = None

    def __repr__(self) -> str:
        return f"Store({self.path!r}, read_only={self.read_only})"

    def _migrate(self) -> None:
        if not self.read_only:
            tables = [t for (t,) in self._rows(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
            )]  # fmt: skip
            if tables and "schema_version" not in tables:
                raise StoreError(
                    f"{self.path} is a DuckDB database of another program "
                    f"(tables: {', '.join(sorted(tables)[:5])}), not a sitmap store",
                    hint="pass a new file or a store made by `sitmap ingest` to --db",
                )
            self.con.execute(
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)"
            )
        applied = {name for (name,) in self._rows("SELECT name FROM schema_version")}
        unknown = sorted(applied - {name for name, _ in MIGRATIONS})
        if unknown and not self.read_only:
            raise StoreError(
                f"{self.path} has schema migrations this sitmap does not know ({unknown}): "
                "it was written by a newer version",
                hint="upgrade sitmap to write to it (reading it works)",
            )
        pending = [(i, n, s) for i, (n, s) in enumerate(MIGRATIONS, 1) if n not in applied]
        if not pending:
            return
        if self.read_only:
            raise StoreError(
                f"database {self.path} needs schema migrations {[n for _, n, _ in pending]}",
                hint="open it once read-write, e.g. run `sitmap ingest` on it",
            )
        for version, name, statements in pending:
            with self._transaction():
                self.con.execute(statements)
                self.con.execute(
                    "INSERT INTO schema_version VALUES (?, ?, ?)", [version, name, _now()]
                )

    @property
    @_held
    def schema_version(self) -> list[str]:
        """Names of the migrations applied, in order."""
        return [n for (n,) in self._rows("SELECT name FROM schema_version ORDER BY version")]

    def _rows(self, query: str, params: Sequence[Any] | None = None) -> list[tuple]:
        try:
            return self.con.execute(query, params or []).fetchall()
        except duckdb.CatalogException as exc:
            if "schema_version" in str(exc):
                raise StoreError(
                    f"{self.path} is not a sitmap database (no schema_version table)",
                    hint="pass the --db of a store made by `sitmap ingest`",
                ) from exc
            raise StoreError(f"query failed: {_first_line(exc)}") from exc
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {_first_line(exc)}") from exc

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self.session() as con, _Transaction(con):
            yield

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only", hint="open Store(path) to write")

    # -- writes --------------------------------------------------------------------------------

    def write(self, doc: Document, *, signature: bytes | None = None) -> None:
        """Store one processed document with its events and mentions (see ``write_many``)."""
        self.write_many([doc], signatures={doc.id: signature} if signature else None)

    @_held
    def write_many(
        self, docs: Sequence[Document], *, signatures: dict[str, bytes | None] | None = None
    ) -> None:
        """Store processed documents with their events and mentions, replacing earlier copies.

        Everything is written in one transaction: a reader never sees half a document, and a
        crash leaves either the old rows or the new ones. Skip rows for these documents are
        cleared (they were processed after all). Writing a batch at once is ~10x faster than
        one transaction per document (DuckDB's cost is per statement, not per row).
        """
        self._writable()
        if not docs:
            return
        docs = list({d.id: d for d in docs}.values())
        ids = [d.id for d in docs]
        signatures = signatures or {}
        marks = ", ".join("?" * len(ids))
        existing = {
            i for (i,) in self._rows(f"SELECT id FROM documents WHERE id IN ({marks})", ids)
        }
        with self._transaction():
            if existing:
                old = list(existing)
                old_marks = ", ".join("?" * len(old))
                for table in ("events", "actors", "places", "dates"):
                    self.con.execute(f"DELETE FROM {table} WHERE doc_id IN ({old_marks})", old)
                self.con.execute(f"DELETE FROM documents WHERE id IN ({old_marks})", old)
            self._insert(
                "documents", _DOC_COLUMNS, [_doc_row(d, signatures.get(d.id), None) for d in docs]
            )
            self._insert("events", EVENT_COLUMNS, [event_row(e, d) for d in docs for e in d.events])
            for table, cols, attr in (
                ("actors", _ACTOR_COLUMNS, "actors"),
                ("places", _PLACE_COLUMNS, "places"),
                ("dates", _DATE_COLUMNS, "dates"),
            ):
                rows = [
                    (d.id, i, *(_cell(getattr(m, c), c) for c in cols))
                    for d in docs
                    for i, m in enumerate(getattr(d, attr))
                ]
                self._insert(table, ("doc_id", "idx", *cols), rows)
            if self._skipped_ids().intersection(ids):
                self.con.execute(f"DELETE FROM skips WHERE doc_id IN ({marks})", ids)
                self._skipped -= set(ids)

    def _skipped_ids(self) -> set[str]:
        if self._skipped is None:
            rows = self._rows("SELECT DISTINCT doc_id FROM skips WHERE doc_id IS NOT NULL")
            self._skipped = {i for (i,) in rows}
        return self._skipped

    @_held
    def add_duplicate(
        self,
        doc: Document,
        *,
        duplicate_of: str,
        kind: str = "exact",
        similarity: float = 1.0,
        signature: bytes | None = None,
    ) -> None:
        """Record a copy that will not be processed, linked to its first copy.

        ``kind="exact"``: same text (same ``Document.id``) from another origin, recorded in
        ``duplicates`` only. ``kind="near"``: the text is kept in ``documents`` with
        ``duplicate_of`` set and no events, and recorded in ``duplicates``.
        """
        self._writable()
        origin = origin_of(doc)
        row = (
            content_id(doc.id, origin, kind),
            doc.id, duplicate_of, kind, round(float(similarity), 4), doc.source, doc.url,
            doc.path, origin, doc.title, doc.published, _now(),
        )  # fmt: skip
        with self._transaction():
            self.con.execute("DELETE FROM duplicates WHERE id = ?", [row[0]])
            self._insert(
                "duplicates",
                ("id", "doc_id", "duplicate_of", "kind", "similarity", "source", "url", "path",
                 "origin", "title", "published", "recorded_at"),
                [row],
            )  # fmt: skip
            if kind != "exact":
                self.con.execute("DELETE FROM documents WHERE id = ?", [doc.id])
                self._insert(
                    "documents", _DOC_COLUMNS, [_doc_row(doc, signature, duplicate_of, events=0)]
                )

    @_held
    def add_skip(self, skip: Skip) -> None:
        """Record an input that was not processed (idempotent: one row per path/doc/reason)."""
        self._writable()
        sid = content_id(skip.path, skip.doc_id, skip.reason)
        with self._transaction():
            self.con.execute("DELETE FROM skips WHERE id = ?", [sid])
            self._insert(
                "skips",
                ("id", "path", "doc_id", "reason", "message", "detail", "recorded_at"),
                [(sid, skip.path, skip.doc_id, skip.reason, skip.message, skip.detail, _now())],
            )
        if skip.doc_id and self._skipped is not None:
            self._skipped.add(skip.doc_id)

    @_held
    def set_setting(self, key: str, value: str) -> None:
        """Store one key/value setting (e.g. the signature scheme)."""
        self._writable()
        with self._transaction():
            self.con.execute("DELETE FROM settings WHERE key = ?", [key])
            self.con.execute("INSERT INTO settings VALUES (?, ?)", [key, value])

    @_held
    def setting(self, key: str) -> str | None:
        """A stored setting, or None."""
        rows = self._rows("SELECT value FROM settings WHERE key = ?", [key])
        return rows[0][0] if rows else None

    def _insert(self, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        """Insert rows through one Arrow table: one statement whatever the number of rows."""
        if not rows:
            return
        import pyarrow as pa

        types = self._arrow_types(table)
        data = pa.table(
            {c: pa.array([r[j] for r in rows], type=types[c]) for j, c in enumerate(columns)}
        )
        name = f"_sitmap_rows_{table}"
        cols = ", ".join(f'"{c}"' for c in columns)
        self.con.register(name, data)
        try:
            self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {name}")
        finally:
            self.con.unregister(name)

    def _arrow_types(self, table: str) -> dict[str, Any]:
        if table not in self._types:
            import pyarrow as pa

            arrow = {
                "VARCHAR": pa.string(), "JSON": pa.string(), "INTEGER": pa.int32(),
                "BIGINT": pa.int64(), "DOUBLE": pa.float64(), "DATE": pa.date32(),
                "BOOLEAN": pa.bool_(), "TIMESTAMP": pa.timestamp("us"), "BLOB": pa.binary(),
            }  # fmt: skip
            rows = self._rows(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = ? AND table_schema = 'main'",
                [table],
            )
            self._types[table] = {c: arrow.get(t, pa.string()) for c, t in rows}
        return self._types[table]

    # -- reads used by ingestion -----------------------------------------------------------------

    @_held
    def origins(self) -> dict[str, set[str]]:
        """Every stored text id with the origins it was seen at (documents and duplicates)."""
        out: dict[str, set[str]] = {}
        for doc_id, origin in self._rows(
            "SELECT id, origin FROM documents UNION ALL SELECT doc_id, origin FROM duplicates"
        ):
            out.setdefault(doc_id, set()).add(origin)
        return out

    @_held
    def duplicate_links(self) -> dict[str, str]:
        """id -> first copy's id, for every near-duplicate stored in ``documents``."""
        rows = self._rows("SELECT id, duplicate_of FROM documents WHERE duplicate_of IS NOT NULL")
        return dict(rows)

    def signatures(self) -> Iterator[tuple[str, bytes | None, str]]:
        """(id, MinHash signature bytes or None, text) of every first copy (not duplicates)."""
        with self.session() as con:
            cur = con.execute(
                "SELECT id, signature, text FROM documents WHERE duplicate_of IS NULL ORDER BY id"
            )
            while batch := cur.fetchmany(1000):
                yield from ((i, bytes(s) if s is not None else None, t) for i, s, t in batch)

    @_held
    def has_document(self, doc_id: str) -> bool:
        return bool(self._rows("SELECT 1 FROM documents WHERE id = ?", [doc_id]))

    @_held
    def document(self, doc_id: str) -> Document | None:
        """A stored document with its events and mentions, rebuilt as a ``Document``."""
        rows = self._dicts(
            "SELECT id, source, url, published, title, language, path, text, removed, meta "
            "FROM documents WHERE id = ?",
            [doc_id],
        )
        if not rows:
            return None
        row = rows[0]
        row["removed"] = json.loads(row["removed"] or "[]")
        row["meta"] = json.loads(row["meta"] or "{}")
        doc = Document.from_dict(row)
        doc.events = [
            Event.from_dict(json.loads(r))
            for (r,) in self._rows(
                'SELECT record FROM events WHERE doc_id = ? ORDER BY start, "end", id', [doc_id]
            )
        ]
        return doc

    # -- queries ---------------------------------------------------------------------------------

    def _dicts(self, query: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        try:
            cur = self.con.execute(query, params or [])
            cols = [d[0] for d in cur.description]
            return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {_first_line(exc)}") from exc

    @_held
    def events(
        self,
        *,
        actor: str | None = None,
        plover: str | Iterable[str] | None = None,
        status: str | Iterable[str] | None = None,
        outlet: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        place: str | None = None,
        near: tuple[float, float, float] | None = None,
        country: str | None = None,
        doc_id: str | None = None,
        min_confidence: float | None = None,
        limit: int | None = None,
        nested: bool = False,
    ) -> list[dict[str, Any]]:
        """Events matching every filter given, oldest ``event_date`` first.

        * ``actor``: an actor code prefix (``SYR`` matches ``SYRMIL``) or a case-insensitive
          substring of the actor's name or text; matches the source or the target actor.
        * ``plover`` / ``status``: one value or several (``"ASSAULT"``, ``["reported", ...]``).
        * ``outlet``: the publishing outlet, case-insensitive exact match (``"Reuters"``).
        * ``since`` / ``until``: inclusive bounds on ``event_date`` (the date the text gives for
          the event), or for an event the text gives no date, on the article's ``published``
          date. ``YYYY`` and ``YYYY-MM`` mean the first day of that year or month.
        * ``place``: case-insensitive substring of the place name, its text or its admin1.
        * ``near``: ``(lat, lon, km)``: events whose place lies within ``km`` (great-circle);
          rows then carry ``distance_km``.
        * ``country``: the event place's country, ISO 3166-1 alpha-2 (``SY``) or alpha-3
          (``SYR``).
        * ``min_confidence``: events whose ``confidence`` (the modelled probability that the
          event is real, see ``sitmap.confidence``) is at least this.

        Rows are flat dicts (``FLAT_EVENT_COLUMNS``); ``nested=True`` returns each event as
        ``Event.to_dict()`` plus ``outlet``, ``published``, ``url``, ``event_date`` and
        ``date_basis``.
        """
        return list(
            self.iter_events(
                actor=actor, plover=plover, status=status, outlet=outlet, since=since,
                until=until, place=place, near=near, country=country, doc_id=doc_id,
                min_confidence=min_confidence, limit=limit, nested=nested,
            )
        )  # fmt: skip

    def iter_events(self, *, nested: bool = False, **filters: Any) -> Iterator[dict[str, Any]]:
        """Like ``events`` (same filters) but streamed in chunks: for exports of any size."""
        query, params = _event_query(nested=nested, **filters)
        with self.session() as con:
            try:
                cur = con.cursor().execute(query, params)
                cols = [d[0] for d in cur.description]
                while chunk := cur.fetchmany(2000):
                    for values in chunk:
                        row = dict(zip(cols, values, strict=True))
                        yield _nested(row) if nested else row
            except duckdb.Error as exc:
                raise StoreError(f"query failed: {_first_line(exc)}") from exc

    @_held
    def sql(self, query: str, params: Sequence[Any] | None = None) -> tuple[list[str], list[tuple]]:
        """Run one read-only statement (``SELECT``/``WITH``/``EXPLAIN``): (columns, rows).

        The guard is DuckDB's own: every store connection runs with external access off,
        extension auto-install/auto-load off and its configuration locked
        (``dbfile.SAFE_CONFIG``), so no query reads or writes a file other than the store or
        opens the network; on a read-write store the statement runs in a transaction that is
        rolled back. Other statement kinds (INSERT, COPY, ATTACH, SET ...) are refused too.
        """
        try:
            statements = duckdb.extract_statements(query)
        except duckdb.Error as exc:
            raise StoreError(f"invalid SQL: {_first_line(exc)}") from exc
        if len(statements) != 1:
            raise StoreError(
                f"expected one SQL statement, got {len(statements)}",
                hint="run one SELECT at a time",
            )
        kind = statements[0].type.name
        if kind not in _READ_ONLY_TYPES:
            raise StoreError(
                f"only SELECT/WITH queries are allowed here, not {kind}",
                hint="the store is written by `sitmap ingest`; query it with SELECT",
            )
        con = self.con
        if not self.read_only:
            con.execute("BEGIN TRANSACTION")
        try:
            cur = con.execute(query, params or [])
            return [d[0] for d in cur.description], cur.fetchall()
        except duckdb.Error as exc:
            raise _query_error(exc) from exc
        finally:
            if not self.read_only:
                con.execute("ROLLBACK")

    @_held
    def stats(self) -> dict[str, Any]:
        """Counts for a quick look at a corpus: documents, duplicates, events, skips, dates."""

        def count(query: str) -> int:
            return int(self._rows(query)[0][0] or 0)

        def grouped(query: str) -> dict[str, int]:
            return {str(k): int(v) for k, v in self._rows(query)}

        ev = self._rows(
            "SELECT count(*), count(place_name), count(lat), count(date), min(event_date), "
            "max(event_date), min(published), max(published) FROM events"
        )[0]
        return {
            "documents": count("SELECT count(*) FROM documents WHERE duplicate_of IS NULL"),
            "words": count("SELECT sum(words) FROM documents WHERE duplicate_of IS NULL"),
            "duplicates": count("SELECT count(*) FROM duplicates WHERE kind = 'exact'"),
            "near_duplicates": count("SELECT count(*) FROM duplicates WHERE kind = 'near'"),
            "documents_without_events": count(
                "SELECT count(*) FROM documents WHERE duplicate_of IS NULL AND events = 0"
            ),
            "events": int(ev[0]),
            "events_with_place": int(ev[1]),
            "events_with_coordinates": int(ev[2]),
            "events_with_text_date": int(ev[3]),
            "event_dates": [_iso(ev[4]), _iso(ev[5])],
            "published": [_iso(ev[6]), _iso(ev[7])],
            "events_by_type": grouped(
                "SELECT plover, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1"
            ),
            "events_by_status": grouped(
                "SELECT status, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1"
            ),
            "outlets": grouped(
                "SELECT coalesce(source, '(unknown)'), count(*) FROM documents "
                "WHERE duplicate_of IS NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20"
            ),
            "skips": count("SELECT count(*) FROM skips"),
            "skips_by_reason": grouped(
                "SELECT reason, count(*) FROM skips GROUP BY 1 ORDER BY 2 DESC, 1"
            ),
            "schema": self.schema_version,
            "path": self.path,
        }


class _Transaction:
    """``with store._transaction():`` BEGIN … COMMIT, ROLLBACK on any error (then re-raise)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def __enter__(self) -> None:
        self.con.execute("BEGIN TRANSACTION")

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        if exc_type is None:
            try:
                self.con.execute("COMMIT")
            except duckdb.Error as err:
                raise _write_error(err) from err
            return
        with contextlib.suppress(duckdb.Error):  # the transaction may be gone already
            self.con.execute("ROLLBACK")
        if isinstance(exc, duckdb.Error):
            raise _write_error(exc) from exc


def _write_error(exc: duckdb.Error) -> StoreError:
    text = _first_line(exc)
    if re.search(r"no space left|file too large|disk quota", text, re.I):
        return StoreError(
            f"write failed, the disk is full: {text}",
            hint="free some space and run the same command again (nothing written is lost)",
        )
    return StoreError(f"write failed: {text}")


def _query_error(exc: duckdb.Error) -> StoreError:
    """A user query's failure as one line; refusals by the engine's settings said plainly."""
    text = _first_line(exc)
    if isinstance(exc, duckdb.PermissionException) or "disabled by configuration" in text:
        return StoreError(
            f"query refused: {text}",
            hint="queries may read only the store's tables; files, URLs and other databases "
            "are off",
        )
    if "extension" in text.lower() and isinstance(exc, duckdb.CatalogException):
        return StoreError(
            f"query refused: {text}",
            hint="sitmap never installs or loads DuckDB extensions; use the store's tables",
        )
    return StoreError(f"query failed: {text}")


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
