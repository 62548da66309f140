"""Sentences and summaries, wherever the graph keeps them.

A graph from :func:`kgraph.graph.construct.build_graph` holds every mention's evidence and
every post's summary; the app's graph (:mod:`kgraph.graph.stored`) leaves them in the store
and these functions read them there, one post at a time. Questions call these instead of
reading the attributes, so they answer the same on both graphs.
"""

from __future__ import annotations

from functools import lru_cache

import networkx as nx

from kgraph.graph.bipartite import entity_sources
from kgraph.graph.stored import STORE_KEY
from kgraph.model import POST_PREFIX

__all__ = [
    "edge_posts",
    "mention_evidence",
    "post_summary",
    "stated_evidence",
    "stated_evidence_around",
    "stated_evidence_of",
]


def mention_evidence(G: nx.MultiDiGraph, post: str, entity: str) -> list[dict]:
    """The evidence of the ``mentions`` edge post → entity (``[]`` if there is none).

    Examples
    --------
    >>> from kgraph.graph.sample import sample_graph
    >>> G = sample_graph()
    >>> [e["text"] for e in mention_evidence(G, "post:k8s-sharding", "CONCEPT:sharding")]
    ['Sharding', 'Sharding']
    """
    d = G.get_edge_data(post, entity, "mentions")
    if not d:
        return []
    if "evidence" in d:
        return d["evidence"]
    return list(_stored_evidence(G.graph[STORE_KEY], G.graph["build_id"], post).get(entity, ()))


def post_summary(G: nx.MultiDiGraph, post: str) -> str:
    """The summary of a post node."""
    d = G.nodes[post]
    if "summary" in d:
        return d["summary"]
    return _stored_summary(G.graph[STORE_KEY], G.graph["build_id"], post)


def edge_posts(G: nx.MultiDiGraph, u: str, v: str, d: dict) -> list[str]:
    """Ids of the posts behind an entity-entity edge with data ``d``, sorted.

    A ``related`` edge of the app's graph does not list them (at 100,000 posts the lists
    would be most of its memory): they are the posts that mention both ends.
    """
    if "posts" in d:
        return d["posts"]
    if d.get("type") != "related":
        return []
    pred = G._pred
    both = (
        set(pred[u]) & set(pred[v]) if len(pred[u]) < len(pred[v]) else set(pred[v]) & set(pred[u])
    )
    return sorted(
        p.removeprefix(POST_PREFIX)
        for p in both
        if "mentions" in pred[u][p] and "mentions" in pred[v][p]
    )


@lru_cache(maxsize=4096)
def _stored_evidence(reader, build_id: int, post: str) -> dict[str, list[dict]]:
    # One read per post: a question usually wants several of its entities' sentences.
    # build_id is part of the key: a new build in the same file is another graph.
    return reader.mention_evidence(post.removeprefix(POST_PREFIX))


@lru_cache(maxsize=1024)
def _stored_summary(reader, build_id: int, post: str) -> str:
    return reader.post_summary(post.removeprefix(POST_PREFIX))


def stated_evidence(G: nx.MultiDiGraph, u: str, v: str, key: str) -> list[dict]:
    """The sentences behind a ``says_*`` edge u → v, best first."""
    d = G.edges[u, v, key]
    if "evidence" in d:
        return d["evidence"]
    posts = tuple(d.get("posts", ()))
    return list(_stored_relations(G.graph[STORE_KEY], G.graph["build_id"], u, key, v, posts))


def stated_evidence_around(G: nx.MultiDiGraph, node: str) -> dict[tuple, list[dict]]:
    """(u, key, v) -> the sentences of every ``says_*`` edge into or out of ``node``, read
    from the store at once (a hub has hundreds of them)."""
    from kgraph.model import TEXT_RELATION_EDGES

    edges = list(G.out_edges(node, keys=True, data=True))
    edges += [(u, node, k, d) for u in entity_sources(G, node) for k, d in G._pred[node][u].items()]
    edges = [(u, v, k, d) for u, v, k, d in edges if k in TEXT_RELATION_EDGES]
    if STORE_KEY not in G.graph or not edges:
        return {(u, k, v): d.get("evidence", []) for u, v, k, d in edges}
    posts = sorted({p for _u, _v, _k, d in edges for p in d.get("posts", ())})
    types = sorted({k.removeprefix("says_") for _u, _v, k, _d in edges})
    found: dict = {}
    reader = G.graph[STORE_KEY]
    for i in range(0, len(posts), 5000):  # SQLite caps a statement's parameters
        for key, rows in reader.relation_evidence(types, posts[i : i + 5000], node).items():
            found.setdefault(key, []).extend(rows)
    out = {}
    for u, v, k, _d in edges:
        rows = found.get((u, k.removeprefix("says_"), v), [])
        out[(u, k, v)] = sorted(rows, key=lambda e: (-e["confidence"], e["post_id"]))
    return out


def stated_evidence_of(G: nx.MultiDiGraph, keys: tuple[str, ...]) -> dict[tuple, list[dict]]:
    """(u, key, v) -> the sentences of every ``says_*`` edge whose key is in ``keys``; one
    read of the store for all of them (the Migrations table lists thousands)."""
    if STORE_KEY not in G.graph:
        return {
            (u, k, v): d["evidence"] for u, v, k, d in G.edges(keys=True, data=True) if k in keys
        }
    types = [k.removeprefix("says_") for k in keys]
    found = G.graph[STORE_KEY].relation_evidence(types)
    return {
        (u, f"says_{type_}", v): rows
        for (u, type_, v), rows in found.items()
        if G.has_edge(u, v, f"says_{type_}")
    }


@lru_cache(maxsize=1024)
def _stored_relations(
    reader, build_id: int, u: str, key: str, v: str, posts: tuple[str, ...]
) -> tuple[dict, ...]:
    # By the edge's posts, through the relations_post index.
    type_ = key.removeprefix("says_")
    found = reader.relation_evidence([type_], list(posts))
    return tuple(found.get((u, type_, v), ()))
