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
    unclosed = _unclosed_quote_line(text, dialect)
    while True:
        first = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Skip(f"{name}:{reader.line_num}", f"malformed CSV ({exc})")
            continue
        if not any(cell.strip() for cell in row):
            continue
        if first == unclosed:
            yield Skip(
                f"{name}:{first}",
                f"a quote opened on line {first} never closes, so lines {first}-"
                f"{reader.line_num}, records included, would be one cell; close the quote, "
                'or write a quote inside a quoted cell as ""',
            )
            continue
        where = f"{name}:{reader.line_num}"
        if len(row) > len(header):
            yield Skip(where, f"{len(row)} cells for {len(header)} columns; quote commas")
            continue
        yield to_post(dict(zip(header, row, strict=False)), where)


def _unclosed_quote_line(text: str, dialect) -> int | None:
    """The line where a quote opens that never closes, or None.

    The lenient reader takes everything from such a quote to the end of the file as one
    cell, so the records after it would be lost without a word. A strict reader says so
    ("unexpected end of data"); its other complaints are about quoting the lenient reader
    copes with, so they are passed over.
    """
    if dialect.quotechar not in text:
        return None
    reader = csv.reader(io.StringIO(text, newline=""), dialect, strict=True)
    while True:
        first = reader.line_num + 1
        try:
            next(reader)
        except StopIteration:
            return None
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                return first
