"""Indexes the questions share, computed once per graph and cached on ``G.graph``.

The cache is stamped with the node count (counting a MultiDiGraph's edges costs O(E), too
slow per call); after adding or removing edges in place, call :func:`invalidate`.
Keys starting with ``_`` in ``G.graph`` are never exported.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from kgraph.graph.bipartite import LAYER_KEY, LazyLists, PostLayer, entities_of, mention_rows
from kgraph.graph.stored import SURFACES_KEY
from kgraph.model import TEXT_RELATION_EDGES

CACHE_KEY = "_kgraph_index"
PATH_RELATIONS = ("related", "uses", "is_a", "product_of", *TEXT_RELATION_EDGES)
ONTOLOGY_PENALTY = 2.5
"""Extra cost of an ontology-only hop: a path through posts wins even when it is two hops
longer, so a path has at most one ontology-only hop whenever one through posts exists."""
POST_BACKED = ("related", "uses", *TEXT_RELATION_EDGES)


@dataclass
class Index:
    """What related, similar, resolve and paths look up instead of scanning the graph."""

    posts_of: dict[str, list[tuple[float, str]]]
    """entity -> [(score, post node)] best first (see :func:`mention_score`)."""
    entities_of: dict[str, list[str]]
    """post node -> entity nodes it mentions."""
    names: list[tuple[str, str, int]]
    """(lower-cased name, node, priority) for resolve and search; priority 0 is best."""
    exact: dict[str, list[tuple[int, str]]]
    n_posts: int
    memo: dict = field(default_factory=dict)
    """Lazily computed whole-graph results: entity graph, pagerank, communities."""


def mention_score(d: dict, n_in_post: int) -> float:
    """How much a post is about an entity: title first, then repetition and focus."""
    n_title = d.get("n_title")
    if n_title is None:  # a graph made by hand, with evidence only
        n_title = sum(e["field"] == "title" for e in d["evidence"])
    summary = d["count"] - n_title
    focus = 1.0 / max(n_in_post, 1)
    return round(2.0 * d["in_title"] + 0.5 * min(summary, 3) / 3 + 0.5 * focus, 4)


def _strip_possessive(text: str) -> str:
    for tail in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(tail):
            return text[: -len(tail)]
    return text


def _build_layered(G: nx.MultiDiGraph, layer: PostLayer) -> Index:
    """The index of an app graph: post lists are sorted when a question first needs them."""
    posts = layer.posts
    by_date = sorted(
        range(len(posts)), key=lambda p: (_neg_date(G.nodes[posts[p]]["published"]), posts[p])
    )
    rank = np.empty(len(posts), dtype=np.int64)
    rank[by_date] = np.arange(len(posts))
    n_in_post = np.diff(layer.post_ptr)
    n_title, count = layer.n_title, layer.count
    in_title = n_title > 0

    def scored(entity: str) -> list[tuple[float, str]]:
        p, a = mention_rows(layer, entity)
        focus = 1.0 / np.maximum(n_in_post[p], 1)
        score = np.round(
            2.0 * in_title[a] + 0.5 * np.minimum(count[a] - n_title[a], 3) / 3 + 0.5 * focus, 4
        )
        order = np.lexsort((rank[p], -score))
        return [(float(score[i]), posts[p[i]]) for i in order.tolist()]

    mentioned = {layer.entities[e] for e in np.unique(layer.ent_idx).tolist()}
    names = _names(G, [])
    exact: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for name, node, prio in names:
        exact[name].append((prio, node))
    return Index(LazyLists(mentioned, scored), entities_of(layer), names, dict(exact), len(posts))


def _names(G: nx.MultiDiGraph, from_evidence: list) -> list[tuple[str, str, int]]:
    names = list(from_evidence)
    # The app's graph keeps the words posts name each entity by, not every mention's.
    for v, texts in G.graph.get(SURFACES_KEY, {}).items():
        names.extend((_strip_possessive(t).lower(), v, 2) for t in texts)
    for node, d in G.nodes(data=True):
        if d["kind"] == "post":
            names.append((d["label"].lower(), node, 3))
            continue
        names.append((d["label"].lower(), node, 0))
        names.extend((alias.lower(), node, 1) for alias in d.get("aliases", []))
    return sorted(set(names))


def _build(G: nx.MultiDiGraph) -> Index:
    layer = G.graph.get(LAYER_KEY)
    if layer is not None:
        return _build_layered(G, layer)
    entities_of: dict[str, list[str]] = defaultdict(list)
    # Mentions go from posts: walk the posts' out-edges, not every edge of the graph.
    succ = G._succ
    posts = [n for n, k in G.nodes(data="kind") if k == "post"]
    edges = [
        (u, v, keyed["mentions"])
        for u in posts
        for v, keyed in succ[u].items()
        if "mentions" in keyed
    ]
    for u, v, _d in edges:
        entities_of[u].append(v)
    posts_of: dict[str, list[tuple[float, str]]] = defaultdict(list)
    names: list[tuple[str, str, int]] = []
    for u, v, d in edges:
        posts_of[v].append((mention_score(d, len(entities_of[u])), u))
        for ev in d.get("evidence", ()):
            names.append((_strip_possessive(ev["text"]).lower(), v, 2))
    # Newer posts first among equals: one rank per post, not a date key per mention.
    by_date = sorted(posts, key=lambda p: (_neg_date(G.nodes[p].get("published", "")), p))
    rank = {p: i for i, p in enumerate(by_date)}
    for lst in posts_of.values():
        lst.sort(key=lambda sp: (-sp[0], rank[sp[1]]))
    names = _names(G, names)
    exact: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for name, node, prio in names:
        exact[name].append((prio, node))
    n_posts = len(posts)
    return Index(dict(posts_of), dict(entities_of), names, dict(exact), n_posts)


_INVERT = str.maketrans("0123456789", "9876543210")


def _neg_date(date: str) -> str:
    # Newer posts first among equals: invert the digits so a plain sort puts them first.
    return date.translate(_INVERT) or "~"


def get_index(G: nx.MultiDiGraph) -> Index:
    """The cached :class:`Index` of ``G``; built on first use (O(edges))."""
    stamp = len(G)
    cached = G.graph.get(CACHE_KEY)
    if cached is None or cached[0] != stamp:
        cached = (stamp, _build(G))
        G.graph[CACHE_KEY] = cached
    return cached[1]


def invalidate(G: nx.MultiDiGraph) -> None:
    """Drop the cached indexes of ``G`` (after changing it in place)."""
    G.graph.pop(CACHE_KEY, None)


def idf(index: Index, entity: str) -> float:
    """Rarity of an entity across posts: 0 for one in every post."""
    df = len(index.posts_of.get(entity, ())) or 1
    return math.log((index.n_posts + 1) / df)


def entity_graph(G: nx.MultiDiGraph, made: nx.Graph | None = None) -> nx.Graph:
    """Entities only, linked by related/uses/is_a/product_of; edge ``cost`` penalises hubs.

    ``made`` is this same graph computed before ``G`` existed, by :func:`entity_graph_of`
    on the entity level ``G`` was made from (the build starts Louvain on it early): it is
    kept as ``G``'s.
    """
    index = get_index(G)
    if made is not None:
        index.memo["entity_graph"] = made
    if "entity_graph" not in index.memo:
        index.memo["entity_graph"] = entity_graph_of(G)
    return index.memo["entity_graph"]


def entity_graph_of(G: nx.MultiDiGraph) -> nx.Graph:
    """:func:`entity_graph`, computed afresh and not cached. It reads only the entity nodes
    (their order, ``kind`` and ``post_count``) and the edges out of them, so an entity
    level's graph (:class:`kgraph.graph.entity_level.EntityLevel`) gives the graph of the
    app graph made from it (:func:`kgraph.graph.stored.app_graph`)."""
    EG = nx.Graph()
    EG.add_nodes_from(sorted(n for n, k in G.nodes(data="kind") if k != "post"))
    top = max((G.nodes[n]["post_count"] for n in EG), default=1)
    scale = math.log(2 + top)
    hub = {n: math.log(1 + G.nodes[n]["post_count"]) / scale for n in EG}
    # Every path relation starts at an entity: walk the entities' out-edges, in graph order
    # (not the posts' mentions, most of a big graph's edges). Straight into the adjacency
    # dicts (EG.add_edge's result, without a view per lookup: a third of the time).
    succ, adj = G._succ, EG._adj
    relations, backed = frozenset(PATH_RELATIONS), frozenset(POST_BACKED)
    for u in G:
        if u not in adj:
            continue
        out, hu = adj[u], hub[u]
        for v, keyed in succ[u].items():
            for k, d in keyed.items():
                if k not in relations:
                    continue
                data = out.get(v)
                if data is not None:
                    data["relations"].append((k, u, v))
                    if k in backed:
                        data["cost"] = 1.0 + (hu + hub[v]) / 2
                    data["weight"] += d["weight"] if k == "related" else 0.0
                    continue
                # v is an entity too (hub[v] exists): every path relation links two.
                out[v] = adj[v][u] = {
                    "relations": [(k, u, v)],
                    "weight": d["weight"] if k == "related" else 1.0,
                    "cost": 1.0 + (hu + hub[v]) / 2 + (k not in backed) * ONTOLOGY_PENALTY,
                }
    return EG
