"""Which entities matter most: degree, PageRank and betweenness on the entity graph."""

from __future__ import annotations

import networkx as nx

from kgraph.analysis._index import entity_graph, get_index
from kgraph.graph.stored import SEED_KEY
from kgraph.model import MEASURES

__all__ = ["MEASURES", "centrality", "top_entities"]

BETWEENNESS_SAMPLE = 300  # pivots for approximate betweenness on big graphs (seeded)


def centrality(G: nx.MultiDiGraph, measure: str = "pagerank") -> dict[str, float]:
    """``{entity: score}`` for one measure, computed once per graph and cached."""
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {', '.join(MEASURES)}, not {measure!r}")
    memo = get_index(G).memo
    if measure not in memo and measure in G.graph.get(SEED_KEY, {}):
        memo[measure] = G.graph[SEED_KEY][measure]  # computed by the build on this graph
    if measure not in memo:
        EG = entity_graph(G)
        if measure == "degree":
            scores = {n: float(d) for n, d in EG.degree()}
        elif measure == "pagerank":
            scores = nx.pagerank(EG, weight="weight") if len(EG) else {}
        else:
            k = BETWEENNESS_SAMPLE if len(EG) > BETWEENNESS_SAMPLE else None
            scores = nx.betweenness_centrality(EG, k=k, seed=42)
        memo[measure] = scores
    return memo[measure]


def top_entities(
    G: nx.MultiDiGraph, measure: str = "pagerank", kind: str | None = None, limit: int = 20
) -> list[dict]:
    """The ``limit`` highest-scoring entities, optionally of one kind (company, ...).

    Examples
    --------
    >>> from kgraph.graph.sample import sample_graph
    >>> [r["label"] for r in top_entities(sample_graph(), "degree", kind="technology", limit=1)]
    ['Kubernetes']
    """
    scores = centrality(G, measure)
    nodes = [n for n in scores if kind is None or G.nodes[n]["kind"] == kind]
    nodes.sort(key=lambda n: (-scores[n], n))
    return [
        {
            "node": n,
            "label": G.nodes[n]["label"],
            "kind": G.nodes[n]["kind"],
            "score": round(scores[n], 6),
        }
        for n in nodes[:limit]
    ]
