"""Bounds on what one post may store: evidence per mention, mentions per post.

A malformed record (a 100 KB summary of repeated names, one sentence with no full stops)
must not write hundreds of megabytes: each mention keeps a window of evidence around it,
and a post keeps a bounded number of mentions, one per entity first.
"""

from __future__ import annotations

from kgraph import config
from kgraph.model import Post


def window(text: str, sentence: str, start: int, end: int, limit: int) -> str:
    """``sentence`` (found in ``text`` around ``start:end``) cut to ``limit`` characters.

    >>> text = "a" * 50 + " Kafka " + "b" * 50
    >>> window(text, text, 51, 56, 21)
    'aaaaaaa Kafka bbbbbbb'
    >>> window("We use Kafka.", "We use Kafka.", 7, 12, 400)
    'We use Kafka.'
    """
    if len(sentence) <= limit:
        return sentence
    at = text.find(sentence, max(0, end - len(sentence)))
    if at < 0 or not at <= start <= end <= at + len(sentence):
        return sentence[:limit]
    lo = max(at, min(start - (limit - (end - start)) // 2, at + len(sentence) - limit))
    return text[lo : max(lo + limit, end)].strip()


def bound(post: Post, mentions: list[dict], *, limit: int | None = None) -> tuple[list[dict], int]:
    """The mentions a post stores, and how many were dropped.

    At most ``limit`` mentions (default :data:`~kgraph.config.MAX_MENTIONS_PER_POST`): the
    first of each entity, then the rest in text order. Evidence longer than
    :data:`~kgraph.config.MAX_EVIDENCE_CHARS` becomes a window around the mention.
    """
    limit = config.MAX_MENTIONS_PER_POST if limit is None else limit
    dropped = 0
    if len(mentions) > limit:
        seen: set[tuple[str, str]] = set()
        first, rest = [], []
        for m in mentions:
            key = (m["type"], m["canonical"])
            (rest if key in seen else first).append(m)
            seen.add(key)
        kept = (first + rest)[:limit]
        dropped = len(mentions) - len(kept)
        ids = {id(m) for m in kept}
        mentions = [m for m in mentions if id(m) in ids]
    cap = config.MAX_EVIDENCE_CHARS
    out = []
    for m in mentions:
        if len(m["sentence"]) > cap:
            text = post.title if m["field"] == "title" else post.summary
            m = {**m, "sentence": window(text, m["sentence"], m["start"], m["end"], cap)}
        out.append(m)
    return out, dropped


def dropped_warning(post: Post, dropped: int, kept: int) -> str:
    """The one-line warning for a post whose mentions were capped."""
    return (
        f"{post.origin or post.id}: {kept + dropped} mentions in one post; kept {kept} "
        "(one per entity first). Check the record, or split a long text into posts."
    )
