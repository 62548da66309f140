"""The stable extraction output: one JSON line per post (see docs/extraction.md).

``{"id": ..., "title": ..., "entities": [{"text", "type", "canonical", "field", "start",
"end", "sentence", "method", "confidence"}], "relations": [{"head", "type", "tail",
"sentence", "method", "confidence"}]}``; ``id`` is the input's own when it has one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from kgraph.model import Mention, Post


def output_record(post: Post, mentions: Iterable[Mention]) -> dict:
    """The output record of one post.

    >>> post = Post(id="p1", title="Sharding at Airbnb")
    >>> m = Mention("p1", "Airbnb", "COMPANY", "Airbnb", "title", 12, 18,
    ...             "Sharding at Airbnb", "ontology", 0.99)
    >>> rec = output_record(post, [m])
    >>> rec["id"], rec["entities"][0]["canonical"], sorted(rec["entities"][0])[:3]
    ('p1', 'Airbnb', ['canonical', 'confidence', 'end'])
    """
    relations = getattr(mentions, "relations", [])
    return {
        "id": post.id,
        "title": post.title,
        "entities": [m.to_dict() for m in mentions],
        "relations": [r.output() for r in relations],
    }


def write_output(pairs: Iterable[tuple[Post, list[Mention]]], out: TextIO) -> int:
    """Write one line per ``(post, mentions)`` pair to ``out``; returns how many."""
    count = 0
    for post, mentions in pairs:
        out.write(json.dumps(output_record(post, mentions), ensure_ascii=False) + "\n")
        count += 1
    return count
