"""Posts about an entity, ranked with reasons; and the evidence behind any connection."""

from __future__ import annotations

import heapq

import networkx as nx

from kgraph.analysis._index import get_index
from kgraph.analysis.resolve import resolve
from kgraph.graph.evidence import mention_evidence

__all__ = ["edge_evidence", "related_posts"]

CHILD_DISCOUNT = 0.5  # a post about auto-sharding is about sharding, but less directly


def _evidence(evidence: list[dict]) -> list[dict]:
    """Mention evidence with offsets of the mention WITHIN its sentence, title first."""
    out = []
    for ev in sorted(evidence, key=lambda e: (e["field"] != "title", e["start"])):
        s0 = ev["sentence_start"]
        out.append(
            {
                "field": ev["field"],
                "sentence": ev["sentence"],
                "text": ev["text"],
                "start": ev["start"] - s0,
                "end": ev["end"] - s0,
                "sentence_start": s0,
                "sentence_end": ev["sentence_end"],
            }
        )
    return out


def _reason(d: dict, evidence: list[dict], label: str, via: str | None) -> str:
    surfaces = sorted({e["text"] for e in evidence} - {label})
    alias = f" (as {', '.join(repr(s) for s in surfaces)})" if surfaces else ""
    if d["in_title"]:
        reason = f"{label!r} in the title{alias}"
    else:
        times = "once" if d["count"] == 1 else f"{d['count']} times"
        reason = f"mentions {label!r} {times} in the summary{alias}"
    return f"{reason}; {label!r} is a kind of {via!r}" if via else reason


def related_posts(G: nx.MultiDiGraph, name: str, limit: int = 20) -> list[dict]:
    """Posts about the entity ``name``, best first, each with its reason and evidence.

    Title mentions rank first, then posts that repeat the entity and mention few others.
    Posts about a kind of it (``auto-sharding`` for ``sharding``) follow at half score.
    Cost: O(posts of the entity) on a cached index, evidence built only for the top ``limit``.

    Examples
    --------
    >>> from kgraph.graph.sample import sample_graph
    >>> [r["post"] for r in related_posts(sample_graph(), "prewarming")]
    ['post:lakebase-prewarm', 'post:pg-tuning']
    """
    node = resolve(G, name)
    index = get_index(G)
    scored = [(score, post, node) for score, post in index.posts_of.get(node, [])[: limit * 4]]
    children = sorted(u for u, _v, k in G.in_edges(node, keys=True) if k == "is_a")
    direct = {post for _s, post, _n in scored}
    for child in children:
        scored += [
            (score * CHILD_DISCOUNT, post, child)
            for score, post in index.posts_of.get(child, [])[:limit]
            if post not in direct
        ]
    best = heapq.nsmallest(limit, scored, key=lambda s: (-s[0], s[1]))
    seen, out = set(), []
    for score, post, entity in best:
        if post in seen:
            continue
        seen.add(post)
        d = G.edges[post, entity, "mentions"]
        evidence = mention_evidence(G, post, entity)
        p = G.nodes[post]
        via = G.nodes[node]["label"] if entity != node else None
        out.append(
            {
                "post": post,
                "title": p["title"],
                "url": p["url"],
                "source": p["source"],
                "published": p["published"],
                "score": score,
                "reason": _reason(d, evidence, G.nodes[entity]["label"], via),
                "evidence": _evidence(evidence),
            }
        )
    return out


def edge_evidence(G: nx.MultiDiGraph, u: str, v: str, limit: int = 50) -> list[dict]:
    """The posts and sentences behind every edge between ``u`` and ``v``, either direction.

    Examples
    --------
    >>> from kgraph.graph.sample import sample_graph
    >>> [e["relation"] for e in edge_evidence(sample_graph(), "COMPANY:Airbnb",
    ...                                       "TECHNOLOGY:Kubernetes")]
    ['related', 'uses']
    """
    from kgraph.analysis.paths import explain_edge

    out = []
    for a, b in ((u, v), (v, u)):
        for key in sorted(G.get_edge_data(a, b, default={})):
            out += explain_edge(G, a, b, key, limit=limit)
    return out[:limit]
