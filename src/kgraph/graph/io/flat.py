"""GraphML-safe copies of the graph: scalar attributes only, never None or a list.

Lists of strings (aliases, tags, parents, methods, posts) are joined with ``|``; anything
else that is not a scalar (evidence dicts) is JSON-encoded. ``_``-prefixed graph keys (the
analysis cache) are dropped.

:func:`xml_safe` also replaces the characters XML 1.0 forbids (control characters,
U+FFFE, U+FFFF, lone surrogates) with U+FFFD, in ids, keys and values alike, so every
GraphML and GEXF export parses.
"""

from __future__ import annotations

import json
import re

import networkx as nx

SEPARATOR = "|"
REPLACEMENT = "\ufffd"
_XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 forbids replaced by U+FFFD."""
    return _XML_ILLEGAL.sub(REPLACEMENT, text)


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


def _xml_value(value):
    return xml_text(value) if isinstance(value, str) else value


def _xml_attrs(attrs: dict) -> dict:
    return {_xml_value(k): _xml_value(v) for k, v in attrs.items()}


def xml_safe(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """:func:`flatten` with every string fit for XML 1.0 (ids, keys and values)."""
    H = flatten(G)
    X = nx.MultiDiGraph()
    X.graph.update(_xml_attrs(H.graph))
    X.add_nodes_from((_xml_value(n), _xml_attrs(d)) for n, d in H.nodes(data=True))
    X.add_edges_from(
        (_xml_value(u), _xml_value(v), _xml_value(k), _xml_attrs(d))
        for u, v, k, d in H.edges(keys=True, data=True)
    )
    return X
