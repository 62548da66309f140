"""The neighbourhood of a node, for drawing: breadth-first, strongest links first, capped."""

from __future__ import annotations

import heapq

import networkx as nx

from kgraph.analysis._index import get_index
from kgraph.analysis.resolve import resolve

__all__ = ["ego_subgraph"]


def _neighbours(G: nx.MultiDiGraph, memo: dict, node: str) -> list[tuple[float, str, float]]:
    """``[(-strength, other, heaviest weight)]`` of ``node``, strongest first; cached.

    Strength is the heaviest link either way (at least 0). Built once per node: a hub's
    thousands of links are sorted once, not scanned on every view that touches it.
    """
    found = memo.get(node)
    if found is None:
        heaviest: dict[str, float] = {}
        sides = (G._succ, G._pred) if G.is_directed() else (G._adj,)
        for side in sides:
            for other, keyed in side[node].items():
                edges = keyed.values() if G.is_multigraph() else (keyed,)
                w = max(d.get("weight", 1) for d in edges)
                heaviest[other] = max(heaviest.get(other, w), w)
        found = sorted((-max(w, 0.0), other, w) for other, w in heaviest.items())
        memo[node] = found
    return found


def neighbour_lists(G: nx.MultiDiGraph, kinds=None) -> None:
    """Sort the links of every node (of ``kinds``) for :func:`ego_subgraph` now.

    The app sorts the entities' (the hubs, ~0.3 s at 10,000 posts); a post's few links are
    sorted when a view first reaches it.
    """
    memo = get_index(G).memo.setdefault("ego_neighbours", {})
    for node, kind in G.nodes(data="kind"):
        if kinds is None or kind in kinds:
            _neighbours(G, memo, node)


def ego_subgraph(
    G: nx.MultiDiGraph,
    center: str,
    depth: int = 1,
    kinds=None,
    min_weight: float = 1,
    cap: int = 300,
) -> tuple[list[str], bool]:
    """Nodes within ``depth`` links of ``center`` (either direction), at most ``cap`` of them.

    ``kinds`` keeps only those node kinds (the centre always stays); edges lighter than
    ``min_weight`` are not followed. Each ring is ordered strongest link first (then by id)
    and cut at the cap. Returns ``(nodes, truncated)``.

    Examples
    --------
    >>> from kgraph.graph.sample import sample_graph
    >>> ego_subgraph(sample_graph(), "Dicer", kinds={"company", "concept"})
    (['TECHNOLOGY:Dicer', 'COMPANY:Databricks', 'CONCEPT:auto-sharding', 'CONCEPT:high availability'], False)
    """
    start = resolve(G, center)
    kinds = set(kinds) if kinds else None
    memo = get_index(G).memo.setdefault("ego_neighbours", {})
    attrs = G._node
    nodes, frontier, truncated = [start], [start], False
    seen = {start}
    for _ in range(depth):
        room = cap - len(nodes)
        lists = [_neighbours(G, memo, node) for node in frontier]
        # Merge the frontier's sorted lists: a node first comes out at its strongest link,
        # so the merge yields the ring in order and stops once the cap is passed.
        heap = [(lst[0][0], lst[0][1], i, 0) for i, lst in enumerate(lists) if lst]
        heapq.heapify(heap)
        ring: dict[str, None] = {}
        while heap and len(ring) <= room:
            _strength, other, i, pos = heap[0]
            if pos + 1 < len(lists[i]):
                nxt = lists[i][pos + 1]
                heapq.heapreplace(heap, (nxt[0], nxt[1], i, pos + 1))
            else:
                heapq.heappop(heap)
            if other in seen or other in ring or lists[i][pos][2] < min_weight:
                continue
            if kinds and attrs[other]["kind"] not in kinds:
                continue
            ring[other] = None
        ordered = list(ring)
        if len(ordered) > room:
            ordered, truncated = ordered[:room], True
        nodes += ordered
        seen.update(ordered)
        frontier = ordered
        if truncated:
            break
    return nodes, truncated
