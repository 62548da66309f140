"""Groups of entities written about together: Louvain on the entity graph, seeded."""

from __future__ import annotations

import networkx as nx

from kgraph.analysis._index import entity_graph, get_index
from kgraph.analysis.louvain import louvain_communities
from kgraph.graph.stored import SEED_KEY

__all__ = ["communities", "community_of"]


def communities(G: nx.MultiDiGraph, seed: int = 42) -> list[dict]:
    """Louvain communities (co-mention weights), largest first, labelled by top members.

    Members are sorted by post count; the label joins the three most written-about.

    Examples
    --------
    >>> from kgraph.graph.sample import sample_graph
    >>> cs = communities(sample_graph())
    >>> cs == communities(sample_graph())
    True
    """
    memo = get_index(G).memo
    key = ("communities", seed)
    stored = G.graph.get(SEED_KEY, {}).get("community") if seed == 42 else None
    if key not in memo and stored:  # computed by the build on this graph
        by_id: dict[int, list[str]] = {}
        for n, c in stored.items():
            by_id.setdefault(c, []).append(n)
        rank = {n: (-G.nodes[n]["post_count"], n) for n in stored}
        memo[key] = _listed([by_id[c] for c in sorted(by_id)], rank, G)
    if key not in memo:
        EG = entity_graph(G)
        set_groups(G, louvain_groups(EG, seed), seed)
    return memo[key]


def louvain_groups(EG: nx.Graph, seed: int = 42) -> list[set[str]]:
    """Louvain on the entity graph ``EG`` (:func:`entity_graph`); the costly step, so the
    build may run it in another process and hand the groups to :func:`set_groups`."""
    return louvain_communities(EG, weight="weight", seed=seed) if len(EG) else []


def set_groups(G: nx.MultiDiGraph, groups: list[set[str]], seed: int = 42) -> None:
    """Make ``groups`` (from :func:`louvain_groups` on ``G``'s entity graph) ``G``'s
    communities for ``seed``."""
    rank = {n: (-G.nodes[n]["post_count"], n) for n in entity_graph(G)}
    get_index(G).memo[("communities", seed)] = _listed(groups, rank, G)


def _listed(groups, rank: dict, G: nx.MultiDiGraph) -> list[dict]:
    members = sorted(
        (sorted(g, key=rank.__getitem__) for g in groups), key=lambda m: (-len(m), rank[m[0]])
    )
    return [
        {
            "id": i,
            "label": " · ".join(G.nodes[n]["label"] for n in m[:3]),
            "size": len(m),
            "members": m,
        }
        for i, m in enumerate(members)
    ]


def community_of(G: nx.MultiDiGraph, node: str, seed: int = 42) -> int | None:
    """The id of the community holding ``node`` (None for posts)."""
    memo = get_index(G).memo
    key = ("community_of", seed)
    if key not in memo:
        memo[key] = {n: c["id"] for c in communities(G, seed) for n in c["members"]}
    return memo[key].get(node)
