"""One output helper for every command: ``--format table|json|jsonl|csv``."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def render(
    rows: Sequence[dict[str, Any]],
    fmt: Format,
    *,
    columns: Iterable[str] | None = None,
    title: str | None = None,
    records: Any = None,
) -> None:
    """Print rows as a Rich table, JSON, JSON lines or CSV.

    ``rows`` are flat dicts for table/csv; ``records`` (default: ``rows``) is what JSON and
    JSONL output serialise, so machine formats can carry nested objects.
    """
    records = rows if records is None else records
    if fmt == Format.json:
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
        return
    if fmt == Format.jsonl:
        for rec in records:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
        return
    cols = list(columns) if columns else (list(rows[0]) if rows else [])
    if fmt == Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=cols, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
        return
    # Values are shown verbatim: Text cells are never read as Rich markup ("[/x]") or emoji
    # codes (":x:"), whatever a document or a query holds.
    table = Table(title=Text(title) if title else None, show_lines=False, expand=False)
    for col in cols:
        table.add_column(Text(str(col)), overflow="fold")
    for row in rows:
        table.add_row(*(Text("" if row.get(c) is None else str(row.get(c))) for c in cols))
    Console(width=max(160, Console().width), emoji=False, markup=False).print(table)
