"""The app's graph: what the build stores, and the graph made from it on load.

:func:`kgraph.graph.construct.build_graph` makes the whole graph from a snapshot: every
mention with its sentence, every post with its summary, co-occurrence counted over every
post. At 100,000 posts that is most of a minute and gigabytes. So the build stores the
entity level once (:func:`entity_rows`), and :func:`app_graph` joins it with the posts and
one row per (post, entity) read without sentences. The result has the nodes, edges and
attributes of ``build_graph``'s graph, except:

- a ``mentions`` edge has no ``evidence`` and a post node no ``summary``; read them with
  :func:`kgraph.graph.evidence.mention_evidence` and :func:`~kgraph.graph.evidence.post_summary`;
- a ``related`` edge has no ``posts``; :func:`kgraph.graph.evidence.edge_posts` finds them.

Centrality, communities and the overview's layout come with it (``G.graph["_kgraph_seed"]``),
computed by the build on this same graph (:func:`kgraph.api.build`).
"""

from __future__ import annotations

import json
import math
from collections import defaultdict

import networkx as nx

from kgraph.graph.construct import (
    add_edges,
    entity_level,
    mention_attrs,
    post_attrs,
    published_by_edges,
    stated_edges,
)
from kgraph.model import Post, Snapshot, entity_key, post_node
from kgraph.ontology import Ontology

__all__ = ["SEED_KEY", "STORE_KEY", "SURFACES_KEY", "app_graph", "entity_rows"]

STORE_KEY = "_kgraph_store"
"""``G.graph`` key: the store a graph without sentences reads them from."""
SURFACES_KEY = "_kgraph_surfaces"
"""``G.graph`` key: entity -> the words posts name it by (for search and resolve)."""
SEED_KEY = "_kgraph_seed"
"""``G.graph`` key: what the build computed on this graph: ``pagerank``, ``degree`` and
``community`` (entity -> value, read by :mod:`kgraph.analysis`) and ``layouts`` (the node
ids of a view joined by newlines -> their positions, read by :func:`kgraph.view.payload.layout`)."""


def entity_rows(snapshot: Snapshot, ontology: Ontology | None) -> tuple[list, list, list]:
    """``(nodes, edges, publishers)`` for :meth:`kgraph.store.Store.write_graph`."""
    E, published, n_early = entity_level(snapshot, ontology)
    surfaces: dict[str, set[str]] = defaultdict(set)
    for m in snapshot.mentions:
        surfaces[entity_key(m.type, m.canonical)].add(m.text)
    nodes = [
        (key, {**attrs, "surfaces": sorted(surfaces.get(key, ()))}, i >= n_early)
        for i, (key, attrs) in enumerate(E.nodes(data=True))
    ]
    edges = [
        (u, v, k, int(d.get("count", 1)), d.get("posts") if k == "uses" else None)
        for u, v, k, d in E.edges(keys=True, data=True)
    ]
    publishers = [(pid, entity_key("COMPANY", company), via) for pid, company, via in published]
    return nodes, edges, publishers


def app_graph(rows: dict, store: str) -> nx.MultiDiGraph:
    """The graph of :meth:`kgraph.store.Store.graph_rows`, reading sentences from ``store``."""
    build = rows["build"]
    G = nx.MultiDiGraph()
    G.graph.update(
        {
            "name": "kgraph",
            "build_id": build.get("id") or 0,
            "pipeline_version": build.get("pipeline_version") or "",
            "n_posts": len(rows["posts"]),
            STORE_KEY: store,
        }
    )
    surfaces: dict[str, list[str]] = {}
    measured: dict[str, dict] = {"pagerank": {}, "degree": {}, "community": {}}
    late = []
    for key, attrs, is_late, pagerank, degree, community in rows["nodes"]:
        surfaces[key] = attrs.pop("surfaces", [])
        if pagerank is not None:
            measured["pagerank"][key] = pagerank
            measured["degree"][key] = degree
            measured["community"][key] = community
        if is_late:
            late.append((key, attrs))
        else:
            G.add_node(key, **attrs)
    G.graph[SURFACES_KEY] = surfaces
    # Measures only when the build finished computing them (graph_tables.finish).
    G.graph[SEED_KEY] = {**rows["precomputed"], **(measured if rows["build_id"] else {})}

    publishers = rows["publishers"]
    for pid, title, url, source, published, tags in rows["posts"]:
        post = Post(
            id=pid, title=title, url=url, source=source, published=published, tags=json.loads(tags)
        )
        company = publishers.get(pid, ("", ""))[0].partition(":")[2]
        G.add_node(post_node(pid), **post_attrs(post, company, summary=False))
    G.add_nodes_from(late)

    # Mention edges with the same counts share one attribute dict: there are a few hundred
    # distinct ones among a million edges, and nothing changes an edge's data in place.
    shared: dict[tuple, dict] = {}
    edges = []
    for pid, key, count, n_title, confidence, methods in rows["mentions"]:
        attrs = shared.get((count, n_title, confidence, methods))
        if attrs is None:
            attrs = shared[count, n_title, confidence, methods] = mention_attrs(
                n_title, count, confidence, methods.split(",")
            )
        edges.append((post_node(pid), key, "mentions", attrs))
    add_edges(G, edges)
    del edges
    add_edges(
        G,
        published_by_edges(
            [
                (pid, company.partition(":")[2], via)
                for pid, (company, via) in sorted(publishers.items())
            ]
        ),
    )
    n_posts, nodes = len(rows["posts"]), G.nodes
    entity_edges = []
    for u, v, kind, n, posts in rows["edges"]:
        if kind == "related":
            da, db = nodes[u]["post_count"], nodes[v]["post_count"]
            attrs = {
                "type": "related",
                "weight": float(n),
                "count": n,
                "pmi": round(math.log(n * n_posts / (da * db)), 6),
                "jaccard": round(n / (da + db - n), 6),
            }
        elif kind == "uses":
            attrs = {"type": "uses", "weight": float(n), "count": n, "posts": posts}
        else:
            attrs = {"type": kind, "weight": 1.0, "source_of": "ontology"}
        entity_edges.append((u, v, kind, attrs))
    add_edges(G, entity_edges)
    add_edges(G, stated_edges(G, rows["relations"]))
    return G
