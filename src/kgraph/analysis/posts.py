"""Posts as rows and as highlighted text: the Posts page's table and a post's spans."""

from __future__ import annotations

import networkx as nx

from kgraph.graph.evidence import mention_evidence

__all__ = ["POST_COLUMNS", "post_rows", "post_spans"]

POST_COLUMNS = ("id", "title", "source", "published", "entities", "url")


def post_rows(G: nx.MultiDiGraph) -> list[dict]:
    """One row per post: its id, title, source, date, entity names and url.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("post:p1", kind="post", label="Sharding at Airbnb", url="https://a.b/")
    >>> G.add_node("COMPANY:Airbnb", kind="company", label="Airbnb")
    >>> _ = G.add_edge("post:p1", "COMPANY:Airbnb", key="mentions")
    >>> post_rows(G)[0]["entities"]
    'Airbnb'
    """
    rows = []
    for node, data in G.nodes(data=True):
        if data.get("kind") != "post":
            continue
        names = sorted(
            {G.nodes[v]["label"] for _u, v, k in G.out_edges(node, keys=True) if k == "mentions"}
        )
        rows.append(
            {
                "id": node,
                "title": data.get("label", ""),
                "source": data.get("source", ""),
                "published": data.get("published", ""),
                "entities": ", ".join(names),
                "url": data.get("url", ""),
            }
        )
    return rows


def post_spans(G: nx.MultiDiGraph, node: str, field: str) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of every entity mention in a post's ``title`` or ``summary``.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("post:p1", kind="post")
    >>> G.add_node("CONCEPT:sharding", kind="concept")
    >>> ev = [{"field": "title", "start": 0, "end": 8}]
    >>> _ = G.add_edge("post:p1", "CONCEPT:sharding", key="mentions", evidence=ev)
    >>> post_spans(G, "post:p1", "title")
    [(0, 8, 'concept')]
    """
    spans = []
    for _u, v, k in G.out_edges(node, keys=True):
        if k == "mentions":
            spans += [
                (e["start"], e["end"], G.nodes[v]["kind"])
                for e in mention_evidence(G, node, v)
                if e.get("field") == field
            ]
    return spans
