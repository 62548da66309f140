"""JSON corpora: an array of records (or {"posts": [...]}), or JSON Lines, one record a line."""

from __future__ import annotations

import json
from collections.abc import Iterator

from kgraph.corpus.records import Skip, to_post
from kgraph.errors import CorpusError
from kgraph.model import Post


def parse_json(text: str, name: str) -> Iterator[Post | Skip]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorpusError(
            f"{name}: malformed JSON at line {exc.lineno}, column {exc.colno} ({exc.msg}). "
            "Fix the file; for one record per line, name it .jsonl."
        ) from None
    except RecursionError:
        raise CorpusError(f"{name}: JSON nested too deeply to be a corpus.") from None
    if isinstance(data, dict):
        data = data.get("posts", data.get("items", [data]))
    if not isinstance(data, list):
        raise CorpusError(f"{name}: expected a JSON array of post records.")
    for i, record in enumerate(data, start=1):
        yield to_post(record, f"{name}#{i}")


def parse_jsonl(text: str, name: str) -> Iterator[Post | Skip]:
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skip(f"{name}:{n}", f"malformed JSON at line {n}, column {exc.colno} ({exc.msg})")
            continue
        except RecursionError:
            yield Skip(f"{name}:{n}", "JSON nested too deeply")
            continue
        yield to_post(record, f"{name}:{n}")
