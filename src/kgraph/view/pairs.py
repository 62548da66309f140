"""Every linked node pair of a graph in one sparse matrix, so a view's links are a slice.

A dense 300-node view of a 10,000-post graph has ~20k links. Walking them in Python per
view took ~100 ms (twice: layout and payload); slicing a cached CSR matrix takes ~5 ms.
The table is built once per graph (O(edges), ~0.5 s at 10,000 posts) and cached on
``G.graph`` like the analysis indexes (stamped with the node count).
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np
from scipy import sparse

from kgraph.graph.bipartite import LAYER_KEY

__all__ = ["EDGE_PRIORITY", "pair_table", "prepare_pairs", "view_pairs"]

CACHE_KEY = "_kgraph_pairs"
EDGE_PRIORITY = ("is_a", "product_of", "published_by", "uses", "mentions", "related")
"""When several edges join two nodes, a view shows one, typed by the first listed here."""
_RANK = {t: i for i, t in enumerate(EDGE_PRIORITY)}
_LAST = len(EDGE_PRIORITY)  # unknown link types: after every known one


@dataclass
class PairTable:
    """Per node pair: the best-ranked link's type and direction, and the heaviest weight."""

    where: dict[str, int]  # node -> index in sorted node order
    ids: sparse.csr_matrix  # symmetric; value = pair id + 1
    rank: np.ndarray  # index into EDGE_PRIORITY
    forward: np.ndarray  # the best-ranked link goes from the lower index to the higher
    weight: np.ndarray
    min_weight: float  # the lightest link in the graph: lighter thresholds filter nothing


def _pairs(G: nx.MultiDiGraph, order: list[str], where: dict[str, int], min_weight: float):
    """{(i, j): [rank, forward, weight]} over links between nodes of ``order`` (i < j).

    Among links of equal rank the first seen wins: from the node earlier in ``order``.
    A type outside EDGE_PRIORITY ranks last, as ``related``.
    """
    succ = G._succ if G.is_directed() else G._adj
    multi = G.is_multigraph()
    best: dict[tuple[int, int], list] = {}
    for i, u in enumerate(order):
        out = succ[u]
        if len(out) <= len(order):
            targets = ((where.get(v), keyed) for v, keyed in out.items())
        else:  # a hub: scan the view, not its thousands of successors
            targets = ((j, out[v]) for j, v in enumerate(order) if v in out)
        for j, keyed in targets:
            if j is None or j == i:
                continue
            pair = (i, j) if i < j else (j, i)
            for d in keyed.values() if multi else (keyed,):
                weight = float(d.get("weight", 1) or 1)
                if weight < min_weight:
                    continue
                rank = _RANK.get(str(d.get("type", "related")), _LAST)
                edge = best.get(pair)
                if edge is None:
                    best[pair] = [rank, i < j, weight]
                    continue
                if rank < edge[0]:
                    edge[0], edge[1] = rank, i < j
                if weight > edge[2]:
                    edge[2] = weight
    return best


def _arrays(best: dict) -> tuple[np.ndarray, ...]:
    if not best:
        empty = np.zeros(0, dtype=np.intp)
        return empty, empty, empty, np.zeros(0, dtype=bool), np.zeros(0)
    ij = np.array(list(best), dtype=np.intp)
    vals = list(best.values())
    return (
        ij[:, 0],
        ij[:, 1],
        np.array([v[0] for v in vals], dtype=np.intp),
        np.array([v[1] for v in vals], dtype=bool),
        np.array([v[2] for v in vals]),
    )


def pair_table(G: nx.MultiDiGraph) -> PairTable:
    """The cached :class:`PairTable` of ``G``, built on first use (O(edges))."""
    stamp = len(G)
    cached = G.graph.get(CACHE_KEY)
    if cached is None or cached[0] != stamp:
        order = sorted(G)
        where = {n: i for i, n in enumerate(order)}
        i, j, rank, forward, weight = _arrays(_pairs(G, order, where, float("-inf")))
        ids = np.arange(1, len(i) + 1)
        n = len(order)
        matrix = sparse.coo_matrix(
            (np.concatenate([ids, ids]), (np.concatenate([i, j]), np.concatenate([j, i]))),
            shape=(n, n),
        ).tocsr()
        table = PairTable(
            where, matrix, rank, forward, weight, float(weight.min()) if len(weight) else 0.0
        )
        cached = (stamp, table)
        G.graph[CACHE_KEY] = cached
    return cached[1]


def prepare_pairs(G: nx.MultiDiGraph) -> None:
    """Build the pair table now if views of ``G`` slice one (not an app graph's: see
    :func:`view_pairs`)."""
    if LAYER_KEY not in G.graph:
        pair_table(G)


def view_pairs(G: nx.MultiDiGraph, keep: list[str], min_weight: float = float("-inf")):
    """Arrays (i, j, rank, forward, weight) of the linked pairs i < j of sorted ``keep``.

    Links lighter than ``min_weight`` are ignored. Sorted by (i, j).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("b", "a", key="related", type="related", weight=2.0)
    'related'
    >>> G.add_edge("a", "b", key="is_a", type="is_a", weight=1.0)
    'is_a'
    >>> i, j, rank, forward, weight = view_pairs(G, ["a", "b"])
    >>> i.tolist(), j.tolist(), EDGE_PRIORITY[rank[0]], bool(forward[0]), float(weight[0])
    ([0], [1], 'is_a', True, 2.0)
    """
    # An app graph's mentions are arrays (kgraph.graph.bipartite): a table of every pair
    # would read them all, so its views are walked (a few ms for 300 nodes).
    table = None if LAYER_KEY in G.graph else pair_table(G)
    if table is None or min_weight > table.min_weight or not keep:  # walk the view
        where = {n: i for i, n in enumerate(keep)}
        i, j, rank, forward, weight = _arrays(_pairs(G, keep, where, min_weight))
    else:
        idx = np.fromiter((table.where[n] for n in keep), dtype=np.intp, count=len(keep))
        sub = sparse.triu(table.ids[idx][:, idx], k=1).tocoo()
        pid = sub.data.astype(np.intp) - 1
        i, j = sub.row.astype(np.intp), sub.col.astype(np.intp)
        rank, forward, weight = table.rank[pid], table.forward[pid], table.weight[pid]
    order = np.lexsort((j, i))
    return i[order], j[order], rank[order], forward[order], weight[order]
