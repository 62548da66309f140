"""Relations the text states: an entity's relations grouped by role, and who migrated where.

Both read the ``says_<type>`` edges of :func:`kgraph.graph.build_graph`; every row carries
the posts and sentences that state it.

>>> from kgraph.graph.sample import sample_graph
>>> entity_relations(sample_graph(), "Airbnb")["groups"]
{}
"""

from __future__ import annotations

import networkx as nx

from kgraph.analysis.resolve import resolve
from kgraph.graph.bipartite import entity_sources
from kgraph.graph.evidence import stated_evidence_around, stated_evidence_of
from kgraph.model import RELATION_TYPES, TEXT_RELATION_EDGES, post_node

__all__ = ["GROUPS", "entity_relations", "migrations"]

GROUPS = {
    ("built", "out"): "built",
    ("built", "in"): "built by",
    ("uses", "out"): "uses",
    ("uses", "in"): "used by",
    ("migrated_from", "out"): "migrated from",
    ("migrated_from", "in"): "migrated away from it",
    ("migrated_to", "out"): "migrated to",
    ("migrated_to", "in"): "migrated to it",
    ("applies", "out"): "applies",
    ("applies", "in"): "applied by",
}
"""Card headings by (relation, direction seen from the entity)."""


def _evidence(G: nx.MultiDiGraph, evidence: list[dict]) -> list[dict]:
    out = []
    for e in evidence:
        node = post_node(e["post_id"])
        p = G.nodes[node] if node in G else {}
        out.append(
            {
                "post": node,
                "title": p.get("title", ""),
                "url": p.get("url", ""),
                "sentence": e["sentence"],
                "method": e["method"],
                "confidence": e["confidence"],
            }
        )
    return out


def entity_relations(G: nx.MultiDiGraph, name: str, type_: str | None = None) -> dict:
    """Every stated relation of ``name``, grouped by heading (see :data:`GROUPS`).

    ``type_`` keeps one relation type. Rows: ``{head, type, tail, other, posts, evidence}``,
    most-supported first. Raises :class:`~kgraph.errors.NotFoundError` for an unknown name.
    """
    if type_ is not None and type_ not in RELATION_TYPES:
        from kgraph.errors import KgraphError

        raise KgraphError(
            f"Unknown relation type {type_!r}; use one of {', '.join(RELATION_TYPES)}."
        )
    node = resolve(G, name)
    groups: dict[str, list[dict]] = {}
    edges = [(u, v, k, d, "out") for u, v, k, d in G.out_edges(node, keys=True, data=True)]
    edges += [
        (u, node, k, d, "in") for u in entity_sources(G, node) for k, d in G._pred[node][u].items()
    ]
    stated = stated_evidence_around(G, node)
    for u, v, k, d, direction in edges:
        if k not in TEXT_RELATION_EDGES or (type_ and d["relation"] != type_):
            continue
        other = v if direction == "out" else u
        groups.setdefault(GROUPS[(d["relation"], direction)], []).append(
            {
                "head": G.nodes[u]["label"],
                "type": d["relation"],
                "tail": G.nodes[v]["label"],
                "other": G.nodes[other]["label"],
                "other_key": other,
                "posts": [post_node(p) for p in d["posts"]],
                "evidence": _evidence(G, stated[(u, k, v)]),
            }
        )
    order = list(GROUPS.values())
    for rows in groups.values():
        rows.sort(key=lambda r: (-len(r["posts"]), r["other"]))
    return {
        "entity": node,
        "label": G.nodes[node]["label"],
        "groups": {g: groups[g] for g in order if g in groups},
    }


def migrations(G: nx.MultiDiGraph) -> list[dict]:
    """Who moved from what to what: one row per (mover, post), with the sentence.

    Rows: ``{mover, from: [...], to: [...], post, title, url, sentence}``, sorted by mover.
    """
    rows: dict[tuple[str, str], dict] = {}
    keys = ("says_migrated_from", "says_migrated_to")
    stated = stated_evidence_of(G, keys)
    # In the graph's edge order, like G.edges(), but only from entities: posts state none.
    edges = (
        (u, v, k)
        for u, kind in G.nodes(data="kind")
        if kind != "post"
        for v, keyed in G._succ[u].items()
        for k in keyed
        if k in keys
    )
    for u, v, k in edges:
        side = "from" if k == "says_migrated_from" else "to"
        for e in stated.get((u, k, v), ()):
            node = post_node(e["post_id"])
            row = rows.setdefault(
                (u, node),
                {
                    "mover": G.nodes[u]["label"],
                    "mover_key": u,
                    "from": [],
                    "to": [],
                    "post": node,
                    "title": G.nodes[node]["title"] if node in G else "",
                    "url": G.nodes[node]["url"] if node in G else "",
                    "sentence": e["sentence"],
                },
            )
            row[side].append(G.nodes[v]["label"])
    out = sorted(rows.values(), key=lambda r: (r["mover"].lower(), r["title"]))
    for r in out:
        r["from"].sort()
        r["to"].sort()
    return out
