"""The neighbourhood of a node, for drawing: breadth-first, strongest links first, capped."""

from __future__ import annotations

import networkx as nx

from kgraph.analysis.resolve import resolve

__all__ = ["ego_subgraph"]


def ego_subgraph(G: nx.MultiDiGraph, center: str, depth: int = 1, kinds=None,
                 min_weight: float = 1, cap: int = 300) -> tuple[list[str], bool]:
    """Nodes within ``depth`` links of ``center`` (either direction), at most ``cap`` of them.

    ``kinds`` keeps only those node kinds (the centre always stays); edges lighter than
    ``min_weight`` are not followed. Returns ``(nodes, truncated)``.

    Examples
    --------
    >>> import graph_fixtures as fx
    >>> ego_subgraph(fx.graph(), "Dicer", kinds={"company", "concept"})
    (['TECHNOLOGY:Dicer', 'COMPANY:Databricks', 'CONCEPT:auto-sharding', 'CONCEPT:high availability'], False)
    """
    start = resolve(G, center)
    kinds = set(kinds) if kinds else None
    nodes, frontier, truncated = [start], [start], False
    seen = {start}
    for _ in range(depth):
        nxt: dict[str, float] = {}
        for node in frontier:
            edges = [(v, d) for _u, v, d in G.out_edges(node, data=True)]
            edges += [(u, d) for u, _v, d in G.in_edges(node, data=True)]
            for other, d in edges:
                if other in seen or d.get("weight", 1) < min_weight:
                    continue
                if kinds and G.nodes[other]["kind"] not in kinds:
                    continue
                nxt[other] = max(nxt.get(other, 0.0), d.get("weight", 1))
        ordered = sorted(nxt, key=lambda n: (-nxt[n], n))
        room = cap - len(nodes)
        if len(ordered) > room:
            ordered, truncated = ordered[:room], True
        nodes += ordered
        seen.update(ordered)
        frontier = ordered
        if truncated:
            break
    return nodes, truncated
