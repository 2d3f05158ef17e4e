"""The built-in demo: the packaged demo corpus ingested into a DuckDB file."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from sitmap.corpus import IngestSummary, ingest

DEFAULT_DB = "sitmap-demo.duckdb"
CHECK_EXAMPLE = {"published": "2017-10-18", "source": "Example Blog"}
"""Publication date and outlet of ``data/demo/check-example.txt`` (a plain-text article)."""


def run(db: str | Path = DEFAULT_DB, *, workers: int = 1) -> IngestSummary:
    """Ingest ``sitmap/data/demo/demo.jsonl`` into ``db`` (idempotent: a re-run adds nothing)."""
    with resources.as_file(resources.files("sitmap.data").joinpath("demo/demo.jsonl")) as path:
        return ingest([path], db=db, workers=workers)


def check_example(db: str | Path = DEFAULT_DB) -> list[dict]:
    """``sitmap check`` of the packaged example article against the demo store."""
    from sitmap.situations.check import check

    with resources.as_file(
        resources.files("sitmap.data").joinpath("demo/check-example.txt")
    ) as path:
        return list(check([path], db=db, **CHECK_EXAMPLE))
