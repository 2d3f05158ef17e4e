"""CSV/TSV files → articles, one row at a time; a bad row is one skip."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import IO

from sitmap.errors import InputError
from sitmap.ingest.record import Item, _field_names, _from_mapping, _Options
from sitmap.ingest.streams import _BadLine, _text_lines
from sitmap.model import Skip


class _Lines:
    """Lines for ``csv.reader``: a bad line raises ``_BadLine`` and reading can go on after."""

    def __init__(self, lines: Iterator[tuple[int, str | _BadLine]]) -> None:
        self._lines = lines
        self.n = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        self.n, line = next(self._lines)
        if isinstance(line, _BadLine):
            raise line
        return line if line.endswith("\n") else line + "\n"


def _read_csv(fh: IO[bytes], path: str, opts: _Options, *, tab: bool) -> Iterator[Item]:
    """Rows of a CSV/TSV file; a bad row (bad bytes, a field over the limit, broken quoting)
    is one skip and the rows after it are read."""
    csv.field_size_limit(max(csv.field_size_limit(), opts.max_bytes + 1))
    lines = _Lines(_text_lines(fh, path, opts))
    header_line = ""
    for _, first in lines._lines:
        if isinstance(first, _BadLine):
            raise InputError(first.reason, f"{path}: header row: {first.message}")
        if first.strip():
            header_line = first
            break
    if not header_line.strip():
        raise InputError("empty", f"{path}: no header row")
    delimiter = "\t" if tab else max(",;\t|", key=header_line.count)
    try:
        header = next(csv.reader([header_line], delimiter=delimiter))
    except (csv.Error, StopIteration) as err:
        raise InputError("malformed", f"{path}: unreadable header row ({err})") from None
    names = _field_names(header, opts)
    if "text" not in names:
        wanted = opts.fields.get("text")
        raise InputError(
            "no-text",
            f"{path}: no text column "
            + (f"{wanted!r} " if wanted else "")
            + f"among {', '.join(header)}",
            hint="name it with --field text=COLUMN (fields={'text': COLUMN})",
        )
    row_no = 0
    rows = 0
    while True:
        reader = csv.reader(lines, delimiter=delimiter)
        try:
            for row in reader:
                row_no += 1
                if not any(cell.strip() for cell in row):
                    continue
                rows += 1
                yield _from_mapping(
                    dict(zip(header, row, strict=False)), names, f"{path}#{row_no}", opts
                )
            break
        except _BadLine as bad:
            row_no += 1
            rows += 1
            where = f"{path}#{row_no}"
            hint = " (pass its encoding with --encoding)" if bad.reason == "encoding" else ""
            yield Skip(bad.reason, f"{where}: line {bad.n}: {bad.message}{hint}", path=where)
        except csv.Error as err:
            row_no += 1
            rows += 1
            where = f"{path}#{row_no}"
            yield Skip("malformed", f"{where}: CSV error ({err}); row skipped", path=where)
    if not rows:
        raise InputError("empty", f"{path}: a header row and no rows")
