"""What a build must do under one pipeline version: keep, take from the cache, or extract."""

from __future__ import annotations

from dataclasses import dataclass

from kgraph.model import Post
from kgraph.store import POST_ORIGIN, post_row


@dataclass
class Plan:
    """The work of one build."""

    keep: set[str]
    """Ids of posts the store already holds, unchanged, with this version's mentions."""
    changed: list[Post]
    """Posts to (re)write: new, edited, or stored under another version."""
    cached: dict[str, list[dict]]
    """Extraction results by content hash for the changed posts, from the cache."""
    todo: list[Post]
    """Changed posts the cache lacks, one per content hash: these get extracted."""
    unchanged_store: bool
    """The store holds exactly the kept posts, nothing more."""
    moved: dict[str, str]
    """New ``origin`` of kept posts read from a path spelled otherwise (``corpus.jsonl``
    then ``./corpus.jsonl``): where a post was read is no change to it."""


def make_plan(store, posts: list[Post], version: str) -> Plan:
    """Compare ``posts`` with the store and its cache under pipeline ``version``."""
    last = store.latest_build()
    stored = store.post_rows() if last and last["pipeline_version"] == version else {}
    rows = {p.id: post_row(p) for p in posts}
    # Where a post was read is no change to it: every column but the origin is compared.
    keep = {
        i for i, row in rows.items() if i in stored and stored[i][:POST_ORIGIN] == row[:POST_ORIGIN]
    }
    moved = {i: rows[i][POST_ORIGIN] for i in keep if stored[i] != rows[i]}
    changed = [p for p in posts if p.id not in keep]
    cached = store.cached(changed, version)
    todo = list({p.content_hash: p for p in changed if p.content_hash not in cached}.values())
    return Plan(keep, changed, cached, todo, len(stored) == len(keep), moved)


def with_stored(store, posts: list[Post], inputs: list[str]) -> tuple[list[Post], list[str]]:
    """The store's posts plus ``posts`` (a new post replaces a stored one with its id)."""
    last = store.latest_build()
    if last is None:
        return posts, inputs
    new = {p.id for p in posts}
    kept = [p for p in store.posts() if p.id not in new]
    return kept + posts, list(dict.fromkeys([*last["inputs"], *inputs]))
