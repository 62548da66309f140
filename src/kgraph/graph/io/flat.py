"""GraphML-safe copies of the graph: scalar attributes only, never None or a list.

Lists of strings (aliases, tags, parents, methods, posts) are joined with ``|``; anything
else that is not a scalar (evidence dicts) is JSON-encoded. ``_``-prefixed graph keys (the
analysis cache) are dropped.
"""

from __future__ import annotations

import json

import networkx as nx

SEPARATOR = "|"


def flat_value(value):
    """One attribute value as a str, int, float or bool."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return SEPARATOR.join(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def flat_attrs(attrs: dict) -> dict:
    return {k: flat_value(v) for k, v in attrs.items()}


def public_graph_attrs(G: nx.Graph) -> dict:
    return {k: v for k, v in G.graph.items() if not str(k).startswith("_")}


def flatten(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose every attribute is a GraphML/GEXF-safe scalar."""
    H = nx.MultiDiGraph()
    H.graph.update(flat_attrs(public_graph_attrs(G)))
    H.add_nodes_from((n, flat_attrs(d)) for n, d in G.nodes(data=True))
    H.add_edges_from((u, v, k, flat_attrs(d)) for u, v, k, d in G.edges(keys=True, data=True))
    return H
