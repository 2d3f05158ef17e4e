"""The built-in demo: the packaged demo corpus ingested into a DuckDB file."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from sitmap.corpus import IngestSummary, ingest

DEFAULT_DB = "sitmap-demo.duckdb"


def run(db: str | Path = DEFAULT_DB, *, workers: int = 1) -> IngestSummary:
    """Ingest ``sitmap/data/demo/demo.jsonl`` into ``db`` (idempotent: a re-run adds nothing)."""
    with resources.as_file(resources.files("sitmap.data").joinpath("demo/demo.jsonl")) as path:
        return ingest([path], db=db, workers=workers)
