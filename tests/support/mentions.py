"""Posts with hand-made mentions, so relation tests run apart from entity extraction."""

from __future__ import annotations

import re

from kgraph.model import Mention, Post


def post_with_mentions(
    title: str, summary: str, entities: list[tuple[str, str, str]], confidence: float
) -> tuple[Post, list[Mention]]:
    """A post and its mentions: each (surface, type, canonical) at every occurrence, in
    reading order (title first)."""
    post = Post("p", title, summary)
    mentions = [
        Mention(
            "p", surface, type_, canonical, field, m.start(), m.end(), body, "ontology", confidence
        )
        for field, body in (("title", title), ("summary", summary))
        for surface, type_, canonical in entities
        for m in re.finditer(re.escape(surface), body)
    ]
    mentions.sort(key=lambda m: (m.field, m.start))
    return post, mentions
