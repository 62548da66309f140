"""Find nodes by name: exact names, aliases and surface forms, post titles; autocomplete."""

from __future__ import annotations

import difflib

import networkx as nx

from kgraph.analysis._index import get_index
from kgraph.errors import NotFoundError
from kgraph.model import post_node

__all__ = ["resolve", "search"]

_MATCHED = {0: "name", 1: "alias", 2: "surface", 3: "title"}


def _best(G: nx.MultiDiGraph, hits: list[tuple[int, str]]) -> str:
    # Best priority first; among equals the entity with most posts, then the smaller id.
    return min(hits, key=lambda h: (h[0], -G.nodes[h[1]].get("post_count", 0), h[1]))[1]


def resolve(G: nx.MultiDiGraph, name: str) -> str:
    """The node id a user means by ``name``: a node id, name, alias, post id or post title.

    Raises :class:`~kgraph.errors.NotFoundError` with close matches when nothing fits.

    Examples
    --------
    >>> from kgraph.graph.sample import sample_graph
    >>> G = sample_graph()
    >>> resolve(G, "k8s"), resolve(G, "HA")
    ('TECHNOLOGY:Kubernetes', 'CONCEPT:high availability')
    >>> resolve(G, "prewarmin")
    Traceback (most recent call last):
    ...
    kgraph.errors.NotFoundError: No entity or post named 'prewarmin'. Did you mean: prewarming?
    """
    query = name.strip()
    if query in G:
        return query
    index = get_index(G)
    hits = index.exact.get(query.lower())
    if hits:
        return _best(G, hits)
    if post_node(query) in G:
        return post_node(query)
    raise NotFoundError(f"No entity or post named {name!r}.", suggestions(G, query))


def suggestions(G: nx.MultiDiGraph, query: str, n: int = 5) -> list[str]:
    """Labels close to ``query`` (typos, then names that contain it), entities first."""
    index = get_index(G)
    q = query.lower()
    entity_names = sorted({name for name, _node, prio in index.names if prio < 3})
    close = difflib.get_close_matches(q, entity_names, n=n, cutoff=0.75)
    close += [name for name in entity_names if q and q in name and name not in close]
    labels: list[str] = []
    for name in close:
        label = G.nodes[_best(G, index.exact[name])]["label"]
        if label not in labels:
            labels.append(label)
    return labels[:n]


def search(G: nx.MultiDiGraph, query: str, limit: int = 20) -> list[dict]:
    """Autocomplete: nodes whose name, alias or title starts with or contains ``query``.

    Entities before posts; each ranked exact, prefix, word prefix, then substring.

    Examples
    --------
    >>> from kgraph.graph.sample import sample_graph
    >>> [r["label"] for r in search(sample_graph(), "shard")][:3]
    ['sharding', 'auto-sharding', 'Sharding stateful services on Kubernetes']
    """
    q = query.strip().lower()
    if not q:
        return []
    best: dict[str, tuple] = {}
    for name, node, prio in get_index(G).names:
        if q not in name:
            continue
        if name == q:
            rank = 0
        elif name.startswith(q):
            rank = 1
        elif (" " + q) in name or ("-" + q) in name:
            rank = 2
        else:
            rank = 3
        key = (prio == 3, rank, -G.nodes[node].get("post_count", 0), len(name), node, prio)
        if node not in best or key < best[node]:
            best[node] = key
    ranked = sorted(best.items(), key=lambda item: item[1])[:limit]
    return [
        {
            "node": node,
            "label": G.nodes[node]["label"],
            "kind": G.nodes[node]["kind"],
            "matched": _MATCHED[key[-1]],
        }
        for node, key in ranked
    ]
