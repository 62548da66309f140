"""An entity's card: what it is, what it is near, and how central it is."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from kgraph.analysis._index import entity_graph, get_index
from kgraph.analysis.centrality import centrality
from kgraph.analysis.communities import community_of
from kgraph.analysis.resolve import resolve

__all__ = ["entity_card"]

NEIGHBOURS_PER_KIND = 15


def entity_card(G: nx.MultiDiGraph, name: str) -> dict:
    """Type, definition, aliases, parents, maker, counts, centrality and grouped neighbours.

    Neighbours of each kind are ordered by connection weight; ``post`` lists the best posts.

    Examples
    --------
    >>> from kgraph.graph.sample import sample_graph
    >>> card = entity_card(sample_graph(), "auto-sharding")
    >>> card["parents"], card["neighbours"]["concept"]
    (['sharding'], ['high availability', 'sharding'])
    """
    node = resolve(G, name)
    d = G.nodes[node]
    index = get_index(G)
    out = {
        "node": node,
        "label": d["label"],
        "kind": d["kind"],
        "definition": d.get("definition", ""),
        "aliases": _distinct_spellings(d.get("label", ""), d.get("aliases", [])),
        "parents": list(d.get("parents", [])),
        "company": d.get("company", ""),
        "post_count": d.get("post_count", 0),
        "first_seen": d.get("first_seen", ""),
        "last_seen": d.get("last_seen", ""),
    }
    neighbours: dict[str, list[str]] = defaultdict(list)
    if d["kind"] == "post":
        for entity in index.entities_of.get(node, []):
            neighbours[G.nodes[entity]["kind"]].append(G.nodes[entity]["label"])
        out.update(
            degree=G.degree(node), pagerank=None, community=None, url=d["url"], summary=d["summary"]
        )
    else:
        EG = entity_graph(G)
        near = sorted(EG[node], key=lambda n: (-EG[node][n]["weight"], G.nodes[n]["label"]))
        for n in near:
            kind = G.nodes[n]["kind"]
            if len(neighbours[kind]) < NEIGHBOURS_PER_KIND:
                neighbours[kind].append(G.nodes[n]["label"])
        posts = index.posts_of.get(node, [])[:NEIGHBOURS_PER_KIND]
        neighbours["post"] = [G.nodes[p]["title"] for _s, p in posts]
        out.update(
            degree=EG.degree(node),
            pagerank=round(centrality(G)[node], 6),
            community=community_of(G, node),
        )
    out["neighbours"] = {k: neighbours[k] for k in sorted(neighbours) if neighbours[k]}
    return out


def _distinct_spellings(name: str, aliases: list[str]) -> list[str]:
    """One alias per spelling that differs from the name and each other beyond case.

    The ontology lists case variants ("K8s", "k8s") because some names match
    case-sensitively; on a card they only add noise.
    """
    seen = {name.casefold()}
    shown = []
    for alias in aliases:
        if alias.casefold() not in seen:
            seen.add(alias.casefold())
            shown.append(alias)
    return shown
