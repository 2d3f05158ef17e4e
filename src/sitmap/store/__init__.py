"""The DuckDB store: schema, named migrations, idempotent writes, queries.

One file holds a whole corpus::

    from sitmap.store import Store

    with Store("sitmap.duckdb") as store:
        store.write(doc)                       # a document and all its rows, one transaction
        store.events(actor="SYR", plover="ASSAULT", since="2017-09-01", limit=20)
        store.sql("SELECT plover, count(*) FROM events GROUP BY 1")
        store.stats()

Tables (``sitmap sql "DESCRIBE events"`` lists the columns):

* ``documents`` — one row per distinct text (``id`` = content hash of the text), with its
  ``removed`` boilerplate spans as JSON, its MinHash ``signature`` and, for a near-duplicate,
  ``duplicate_of`` (the id of the first copy; near-duplicates are stored but not processed).
* ``duplicates`` — every copy that was not processed: ``kind`` ``exact`` (same text, another
  path/url) or ``near`` (MinHash Jaccard ≥ the threshold), linked to ``duplicate_of``.
* ``events`` — one row per event, flattened (actor, place and date columns) for filtering,
  with ``record``: the event as nested JSON (``Event.to_dict``) for lossless export.
  ``event_date`` is the date the text gives for the event (``date``), empty when the text gives
  none (never invented: the publication date is in ``published``); ``date_basis`` is ``text``
  when there is one.
* ``actors``, ``places``, ``dates`` — every mention found in a document, with its span.
* ``skips`` — every input that was not processed, with a reason code and a message.
* ``schema_version`` — the named migrations applied, in order.

Writes are idempotent: ids come from content, and a document is replaced with all its rows
in one transaction, so a store never holds a partial document. The store knows nothing of
spaCy or the stages; it reads and writes ``sitmap.model`` objects.

Modules: ``schema`` (migrations, tables, column orders), ``rows`` (row builders),
``query`` (``event_where`` and the events SQL), ``core`` (the ``Store`` class).
"""

from __future__ import annotations

from sitmap.store.core import Store
from sitmap.store.query import _DISTANCE as _DISTANCE
from sitmap.store.query import _alpha2 as _alpha2
from sitmap.store.query import event_where
from sitmap.store.rows import _as_date as _as_date
from sitmap.store.rows import event_row, origin_of
from sitmap.store.schema import (
    DEFAULT_PATH,
    EVENT_COLUMNS,
    FLAT_EVENT_COLUMNS,
    MIGRATIONS,
    TABLES,
)

__all__ = [
    "DEFAULT_PATH",
    "EVENT_COLUMNS",
    "FLAT_EVENT_COLUMNS",
    "MIGRATIONS",
    "TABLES",
    "Store",
    "event_row",
    "event_where",
    "origin_of",
]
