"""CSV (or TSV) corpora: a header row with title/name, summary/description/abstract,
url/link, source/company/blog, published/date columns."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from kgraph.corpus.records import Skip, field_for, to_post
from kgraph.errors import CorpusError
from kgraph.model import Post

csv.field_size_limit(10_000_000)


def parse(text: str, name: str) -> Iterator[Post | Skip]:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise CorpusError(f"{name}: no CSV header row. The first row names the columns.") from None
    if "title" not in {field_for(c) for c in header}:
        raise CorpusError(
            f"{name}: line 1 has no title column (columns: {', '.join(header)[:200]}). "
            "Name one column 'title' (or 'name')."
        )
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Skip(f"{name}:{reader.line_num}", f"malformed CSV ({exc})")
            continue
        if not any(cell.strip() for cell in row):
            continue
        where = f"{name}:{reader.line_num}"
        if len(row) > len(header):
            yield Skip(where, f"{len(row)} cells for {len(header)} columns; quote commas")
            continue
        yield to_post(dict(zip(header, row, strict=False)), where)
