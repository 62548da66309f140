"""Posts like a given post: they share its entities, rare entities counting most."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from kgraph.analysis._index import get_index, idf
from kgraph.analysis.resolve import resolve
from kgraph.errors import NotFoundError

__all__ = ["similar_posts"]


def similar_posts(G: nx.MultiDiGraph, post: str, limit: int = 10) -> list[dict]:
    """Posts sharing typed entities with ``post``, scored by the sum of their rarity (IDF).

    Cost: the sum of the post counts of its entities.

    Examples
    --------
    >>> from kgraph.graph.sample import sample_graph
    >>> [(r["post"], r["shared"]) for r in similar_posts(sample_graph(), "airbnb-metrics")][:2]
    [('post:dicer', ['high availability']), ('post:k8s-sharding', ['Kubernetes'])]
    """
    node = resolve(G, post)
    if G.nodes[node]["kind"] != "post":
        raise NotFoundError(f"{post!r} is an entity, not a post; give a post id or title.")
    index = get_index(G)
    score: dict[str, float] = defaultdict(float)
    shared: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for entity in index.entities_of.get(node, []):
        weight = idf(index, entity)
        for _s, other in index.posts_of.get(entity, []):
            if other != node:
                score[other] += weight
                shared[other].append((-weight, G.nodes[entity]["label"]))
    best = sorted(score, key=lambda p: (-score[p], p))[:limit]
    return [
        {
            "post": p,
            "title": G.nodes[p]["title"],
            "url": G.nodes[p]["url"],
            "score": round(score[p], 4),
            "shared": [lab for _w, lab in sorted(shared[p])],
        }
        for p in best
    ]
