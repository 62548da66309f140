"""An entity's card: what it is, what it is near, and how central it is."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from kgraph.analysis._index import POST_BACKED, entity_graph, get_index
from kgraph.analysis.centrality import centrality
from kgraph.analysis.communities import community_of
from kgraph.analysis.resolve import resolve
from kgraph.graph.bipartite import LAYER_KEY, degree, entity_sources, writers
from kgraph.graph.evidence import post_summary
from kgraph.model import TEXT_RELATION_EDGES

__all__ = ["company_roles", "entity_card", "products"]

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
            degree=degree(G, node),
            pagerank=None,
            community=None,
            url=d["url"],
            summary=post_summary(G, node),
        )
    else:
        EG = entity_graph(G)
        near = sorted(EG[node], key=lambda n: (-EG[node][n]["weight"], G.nodes[n]["label"]))
        for n in near:
            kind = G.nodes[n]["kind"]
            if kind == "company" and not _post_backed(EG, node, n):
                continue  # the ontology's maker is shown as the maker, not as a neighbour
            if len(neighbours[kind]) < NEIGHBOURS_PER_KIND:
                neighbours[kind].append(G.nodes[n]["label"])
        posts = index.posts_of.get(node, [])[:NEIGHBOURS_PER_KIND]
        neighbours["post"] = [G.nodes[p]["title"] for _s, p in posts]
        out.update(
            degree=EG.degree(node),
            pagerank=round(centrality(G)[node], 6),
            community=community_of(G, node),
        )
        if d["kind"] in ("technology", "concept"):
            out["roles"] = company_roles(G, node)
        elif d["kind"] == "company":
            out["products"] = products(G, node)
    out["neighbours"] = {k: neighbours[k] for k in sorted(neighbours) if neighbours[k]}
    return out


def products(G: nx.MultiDiGraph, company: str) -> list[str]:
    """What the ontology says the company makes (``product_of``), by name: the maker's side
    of the technology cards' "built by".

    >>> from kgraph.graph.sample import sample_graph
    >>> products(sample_graph(), "COMPANY:Databricks")
    ['Dicer', 'Lakebase']
    """
    return sorted(
        G.nodes[u]["label"] for u, _v, k in G.in_edges(company, keys=True) if k == "product_of"
    )


def _distinct_spellings(name: str, aliases: list[str]) -> list[str]:
    """One alias per spelling that differs from the name and each other beyond case and a
    plural ending.

    The ontology lists case variants ("K8s", "k8s") and plurals ("ConfigMap",
    "ConfigMaps") because matching needs them; on a card they only add noise. A capital
    final S is part of a name ("ECS"), not a plural.
    """
    seen = {name.casefold()}
    shown = []
    for alias in aliases:
        forms = _number_forms(alias)
        if not forms & seen:
            shown.append(alias)
        seen |= forms
    return shown


def _number_forms(word: str) -> set[str]:
    """``word`` case-folded, with its singular if it ends in a lower-case plural ending."""
    folded = word.casefold()
    forms = {folded}
    if len(word) > 3 and word.endswith("ies"):
        forms.add(folded[:-3] + "y")
    elif len(word) > 3 and word.endswith("es"):
        forms |= {folded[:-2], folded[:-1]}
    elif len(word) > 3 and word.endswith("s"):
        forms.add(folded[:-1])
    return forms


def _post_backed(EG: nx.Graph, a: str, b: str) -> bool:
    return any(r[0] in POST_BACKED for r in EG[a][b]["relations"])


def company_roles(G: nx.MultiDiGraph, node: str) -> dict[str, list[str]]:
    """Companies toward a technology or concept, each role kept apart.

    ``wrote_about``: companies that published a post naming it (``published_by``), or,
    for a post with no known publisher, the companies its title names. ``built_by``: the
    ontology's maker (``product_of``) and companies the text says built it. ``uses`` /
    ``applies``: companies the text says use or apply it.

    >>> from kgraph.graph.sample import sample_graph
    >>> company_roles(sample_graph(), "TECHNOLOGY:Kubernetes")["wrote_about"]
    ['Airbnb']
    """
    index = get_index(G)
    wrote = {G.nodes[c]["label"] for c in writers(G, node) or ()}
    for _score, post in index.posts_of.get(node, []) if LAYER_KEY not in G.graph else ():
        publishers = [v for _u, v, k in G.out_edges(post, keys=True) if k == "published_by"]
        if not publishers:
            publishers = [
                v
                for _u, v, k, d in G.out_edges(post, keys=True, data=True)
                if k == "mentions"
                and G.nodes[v]["kind"] == "company"
                and (
                    d.get("n_title", 0) > 0
                    or any(e.get("field") == "title" for e in d.get("evidence", []))
                )
            ]
        wrote.update(G.nodes[c]["label"] for c in publishers)
    built = {G.nodes[v]["label"] for _u, v, k in G.out_edges(node, keys=True) if k == "product_of"}
    stated: dict[str, set[str]] = defaultdict(set)
    for u in entity_sources(G, node):  # posts state nothing: skip a hub's thousands
        for k in G._pred[node][u]:
            if k in TEXT_RELATION_EDGES and G.nodes[u]["kind"] == "company":
                stated[k.removeprefix("says_")].add(G.nodes[u]["label"])
    built |= stated.get("built", set())
    return {
        "wrote_about": sorted(wrote),
        "built_by": sorted(built),
        "uses": sorted(stated.get("uses", set())),
        "applies": sorted(stated.get("applies", set())),
    }
