"""The store's schema: named migrations, tables and column orders (see ``sitmap.store``)."""

from __future__ import annotations

DEFAULT_PATH = "sitmap.duckdb"

MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "0001_initial",
        """
        CREATE TABLE documents (
            id VARCHAR PRIMARY KEY,
            source VARCHAR,
            url VARCHAR,
            published DATE,
            title VARCHAR,
            language VARCHAR,
            path VARCHAR,
            origin VARCHAR,
            words INTEGER,
            chars INTEGER,
            sentences INTEGER,
            events INTEGER,
            text VARCHAR,
            removed JSON,
            meta JSON,
            duplicate_of VARCHAR,
            signature BLOB,
            ingested_at TIMESTAMP
        );
        CREATE TABLE duplicates (
            id VARCHAR PRIMARY KEY,
            doc_id VARCHAR,
            duplicate_of VARCHAR,
            kind VARCHAR,
            similarity DOUBLE,
            source VARCHAR,
            url VARCHAR,
            path VARCHAR,
            origin VARCHAR,
            title VARCHAR,
            published DATE,
            recorded_at TIMESTAMP
        );
        CREATE TABLE events (
            id VARCHAR,
            doc_id VARCHAR,
            sentence INTEGER,
            start INTEGER,
            "end" INTEGER,
            evidence VARCHAR,
            trigger VARCHAR,
            plover VARCHAR,
            cameo VARCHAR,
            mode VARCHAR,
            source_text VARCHAR,
            source_code VARCHAR,
            source_name VARCHAR,
            source_country VARCHAR,
            source_sector VARCHAR,
            source_kind VARCHAR,
            target_text VARCHAR,
            target_code VARCHAR,
            target_name VARCHAR,
            target_country VARCHAR,
            target_sector VARCHAR,
            target_kind VARCHAR,
            place_text VARCHAR,
            place_name VARCHAR,
            geonameid BIGINT,
            country VARCHAR,
            admin1 VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            feature_class VARCHAR,
            feature_code VARCHAR,
            place_basis VARCHAR,
            qualifier VARCHAR,
            date DATE,
            date_precision VARCHAR,
            date_text VARCHAR,
            event_date DATE,
            date_basis VARCHAR,
            historical BOOLEAN,
            status VARCHAR,
            cited_source VARCHAR,
            speaker VARCHAR,
            attribution JSON,
            confidence DOUBLE,
            published DATE,
            outlet VARCHAR,
            url VARCHAR,
            record JSON
        );
        CREATE TABLE actors (
            doc_id VARCHAR, idx INTEGER, text VARCHAR, start INTEGER, "end" INTEGER,
            name VARCHAR, country VARCHAR, sector VARCHAR, code VARCHAR, kind VARCHAR,
            role VARCHAR, score DOUBLE
        );
        CREATE TABLE places (
            doc_id VARCHAR, idx INTEGER, text VARCHAR, start INTEGER, "end" INTEGER,
            name VARCHAR, geonameid BIGINT, country VARCHAR, admin1 VARCHAR, lat DOUBLE,
            lon DOUBLE, feature_class VARCHAR, feature_code VARCHAR, population BIGINT,
            qualifier VARCHAR, score DOUBLE
        );
        CREATE TABLE dates (
            doc_id VARCHAR, idx INTEGER, text VARCHAR, start INTEGER, "end" INTEGER,
            date DATE, precision VARCHAR, relative BOOLEAN, score DOUBLE
        );
        CREATE TABLE skips (
            id VARCHAR PRIMARY KEY,
            path VARCHAR,
            doc_id VARCHAR,
            reason VARCHAR,
            message VARCHAR,
            detail VARCHAR,
            recorded_at TIMESTAMP
        );
        CREATE TABLE settings (key VARCHAR PRIMARY KEY, value VARCHAR);
        """,
    ),
    (
        "0002_situations",
        # Events of many documents merged into situations (sitmap.situations): one row per
        # situation, one per member event; `component` groups situations re-clustered together.
        """
        CREATE TABLE situations (
            id VARCHAR PRIMARY KEY,
            component VARCHAR,
            plover VARCHAR,
            cameo VARCHAR,
            family VARCHAR,
            status_group VARCHAR,
            event_date DATE,
            date_precision VARCHAR,
            date_start DATE,
            date_end DATE,
            place_name VARCHAR,
            geonameid BIGINT,
            country VARCHAR,
            admin1 VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            place_precision VARCHAR,
            source_code VARCHAR,
            source_name VARCHAR,
            target_code VARCHAR,
            target_name VARCHAR,
            sources INTEGER,
            articles INTEGER,
            documents INTEGER,
            events INTEGER,
            outlets JSON,
            first_outlet VARCHAR,
            first_published DATE,
            disagreements JSON,
            fulfilled_by VARCHAR,
            record JSON
        );
        CREATE TABLE situation_members (
            situation_id VARCHAR,
            event_id VARCHAR,
            doc_id VARCHAR,
            component VARCHAR,
            voice VARCHAR,
            outlet VARCHAR,
            url VARCHAR,
            published DATE,
            status VARCHAR
        );
        """,
    ),
    ("0003_event_fatalities", "ALTER TABLE events ADD COLUMN fatalities INTEGER;"),
    (
        "0004_event_date_from_text_only",
        # An event whose text gives no date keeps event_date empty; the publication date stays
        # in its own column (`published`) and no longer stands in for the event's date.
        """
        UPDATE events SET event_date = NULL, date_basis = NULL WHERE date_basis = 'published';
        """,
    ),
    (
        "0005_lookup_indexes",
        # Ingest looks up one batch's rows by document, event, duplicate and component ids on
        # every batch; without these indexes each lookup scans its whole table, so a batch
        # costs more as the store grows (bench/bench_growth.py). DuckDB uses an ART index for
        # `col = ?` and `col IN (?, ...)` filters.
        """
        CREATE INDEX IF NOT EXISTS events_doc_id ON events (doc_id);
        CREATE INDEX IF NOT EXISTS events_id ON events (id);
        CREATE INDEX IF NOT EXISTS actors_doc_id ON actors (doc_id);
        CREATE INDEX IF NOT EXISTS places_doc_id ON places (doc_id);
        CREATE INDEX IF NOT EXISTS dates_doc_id ON dates (doc_id);
        CREATE INDEX IF NOT EXISTS duplicates_duplicate_of ON duplicates (duplicate_of);
        CREATE INDEX IF NOT EXISTS situations_component ON situations (component);
        CREATE INDEX IF NOT EXISTS situation_members_component ON situation_members (component);
        """,
    ),
)
"""Named schema migrations, applied in order; ``schema_version`` records each one applied."""

TABLES = (
    "documents",
    "duplicates",
    "events",
    "actors",
    "places",
    "dates",
    "skips",
    "situations",
    "situation_members",
)

EVENT_COLUMNS: tuple[str, ...] = (
    "id", "doc_id", "sentence", "start", "end", "evidence", "trigger", "plover", "cameo", "mode",
    "source_text", "source_code", "source_name", "source_country", "source_sector", "source_kind",
    "target_text", "target_code", "target_name", "target_country", "target_sector", "target_kind",
    "place_text", "place_name", "geonameid", "country", "admin1", "lat", "lon", "feature_class",
    "feature_code", "place_basis", "qualifier", "date", "date_precision", "date_text",
    "event_date", "date_basis", "historical", "status", "cited_source", "speaker", "attribution",
    "confidence", "published", "outlet", "url", "record", "fatalities",
)  # fmt: skip
"""Column order of the ``events`` table (``record`` is the nested JSON form)."""

FLAT_EVENT_COLUMNS = tuple(c for c in EVENT_COLUMNS if c != "record")

_DOC_COLUMNS = (
    "id", "source", "url", "published", "title", "language", "path", "origin", "words", "chars",
    "sentences", "events", "text", "removed", "meta", "duplicate_of", "signature", "ingested_at",
)  # fmt: skip
_ACTOR_COLUMNS = ("text", "start", "end", "name", "country", "sector", "code", "kind", "role",
                  "score")  # fmt: skip
_PLACE_COLUMNS = ("text", "start", "end", "name", "geonameid", "country", "admin1", "lat", "lon",
                  "feature_class", "feature_code", "population", "qualifier", "score")  # fmt: skip
_DATE_COLUMNS = ("text", "start", "end", "date", "precision", "relative", "score")
