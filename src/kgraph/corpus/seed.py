"""The seed text format: a two-line header (collection name, description), then title and
summary lines, one pair per post. The collection's name becomes a tag on its posts."""

from __future__ import annotations

from collections.abc import Iterator

from kgraph.corpus.records import Skip, to_post
from kgraph.errors import CorpusError
from kgraph.model import Post


def parse(text: str, name: str) -> Iterator[Post | Skip]:
    lines = [(n, line.strip()) for n, line in enumerate(text.splitlines(), start=1)]
    lines = [(n, line) for n, line in lines if line]
    if len(lines) < 4:
        raise CorpusError(
            f"{name}: a seed file needs a two-line header (name, description) and then a title "
            "line and a summary line for each post; this one has fewer than four lines."
        )
    collection = lines[0][1]
    body = lines[2:]
    if len(body) % 2:
        n, line = body[-1]
        yield Skip(f"{name}:{n}", f"title {line[:60]!r} has no summary line after it")
        body = body[:-1]
    for (n, title), (_, summary) in zip(body[::2], body[1::2], strict=True):
        yield to_post({"title": title, "summary": summary}, f"{name}:{n}", [collection])
