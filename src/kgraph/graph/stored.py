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
from dataclasses import dataclass

import networkx as nx
import numpy as np

from kgraph.graph.bipartite import PostLayer, attach
from kgraph.graph.construct import add_edges, cooccurrence_scores, mention_attrs
from kgraph.graph.entity_level import EntityLevel, LevelTally
from kgraph.model import TEXT_RELATION_EDGES, entity_key, post_node

__all__ = [
    "SEED_KEY",
    "STORE_KEY",
    "SURFACES_KEY",
    "app_graph",
    "entity_rows",
    "tally_from_rows",
]

STORE_KEY = "_kgraph_store"
"""``G.graph`` key: what a graph without sentences reads them from: an object with
``mention_evidence(post_id)``, ``post_summary(post_id)`` and ``relation_evidence(types,
post_ids, entity)`` (:class:`kgraph.store.StoreReader`)."""
SURFACES_KEY = "_kgraph_surfaces"
"""``G.graph`` key: entity -> the words posts name it by (for search and resolve)."""
SEED_KEY = "_kgraph_seed"
"""``G.graph`` key: what the build computed on this graph: ``pagerank``, ``degree`` and
``community`` (entity -> value, read by :mod:`kgraph.analysis`) and ``layouts`` (the node
ids of a view joined by newlines -> their positions, read by :func:`kgraph.view.payload.layout`)."""


EDGE_KINDS = ("related", "uses", "is_a", "product_of", *TEXT_RELATION_EDGES)
"""Entity-entity edges by the code the ``edge_kind`` array stores."""


def entity_rows(level: EntityLevel) -> tuple[list, dict]:
    """``(nodes, arrays)`` of an entity level for :meth:`kgraph.store.Store.write_graph`."""
    E = level.graph
    nodes = [
        (key, {**attrs, "surfaces": sorted(level.surfaces.get(key, ()))}, i >= level.n_early)
        for i, (key, attrs) in enumerate(E.nodes(data=True))
    ]
    return nodes, {
        **_pack(level),
        **_pack_edges(E, level.post_ids),
        "basis": level.basis.encode(),
    }


def _pack_edges(E: nx.MultiDiGraph, post_ids: list[str]) -> dict:
    """Entity-entity edges as arrays: ends, kind, count, best confidence (NaN: none) and,
    except for ``related`` (:func:`kgraph.graph.evidence.edge_posts`), their posts."""
    entity_at = {e: i for i, e in enumerate(E.nodes)}
    post_at = {pid: i for i, pid in enumerate(post_ids)}
    kind_at = {k: i for i, k in enumerate(EDGE_KINDS)}
    ends, counts, confidence, behind, ptr = [], [], [], [], [0]
    nan = math.nan
    # E.edges(keys=True, data=True)'s order, read from the adjacency without its generator
    for u, nbrs in E._succ.items():
        iu = entity_at[u]
        for v, keyed in nbrs.items():
            iv = entity_at[v]
            for k, d in keyed.items():
                ends.append((iu, iv, kind_at[k]))
                counts.append(int(d.get("count", 1)))
                confidence.append(d.get("confidence", nan))
                if k != "related":
                    behind.extend(post_at[p] for p in d.get("posts", ()))
                ptr.append(len(behind))
    table = np.array(ends, dtype=np.int32).reshape(-1, 3)
    return {
        "edge_u": table[:, 0].tobytes(),
        "edge_v": table[:, 1].tobytes(),
        "edge_kind": table[:, 2].tobytes(),
        "edge_count": np.array(counts, dtype=np.int32).tobytes(),
        "edge_confidence": np.array(confidence, dtype=np.float64).tobytes(),
        "edge_posts_ptr": np.array(ptr, dtype=np.int64).tobytes(),
        "edge_posts": np.array(behind, dtype=np.int32).tobytes(),
    }


def _edges(arrays: dict, entities: list[str], post_ids: list[str], which=None):
    """Unpack :func:`_pack_edges`: ``(u, v, kind, count, posts or None, confidence or None)``
    of every edge, or of the edges numbered ``which`` (ascending)."""
    u, v, kind, count = (
        np.frombuffer(arrays[f"edge_{n}"], dtype=np.int32) for n in ("u", "v", "kind", "count")
    )
    confidence = np.frombuffer(arrays["edge_confidence"], dtype=np.float64)
    ptr = np.frombuffer(arrays["edge_posts_ptr"], dtype=np.int64).tolist()
    behind = np.frombuffer(arrays["edge_posts"], dtype=np.int32).tolist()
    if which is None:
        which = range(len(kind))
    else:
        u, v, kind, count, confidence = (a[which] for a in (u, v, kind, count, confidence))
        which = which.tolist()
    columns = (u.tolist(), v.tolist(), kind.tolist(), count.tolist(), confidence.tolist())
    rows = zip(which, *columns, strict=True)
    for i, iu, iv, k, n, c in rows:
        name = EDGE_KINDS[k]
        posts = None if name == "related" else [post_ids[p] for p in behind[ptr[i] : ptr[i + 1]]]
        yield entities[iu], entities[iv], name, n, posts, None if c != c else c


def _pack(level: EntityLevel) -> dict:
    """The post-entity links as arrays (see :class:`kgraph.graph.bipartite.PostLayer`):
    those of ``level.mentions`` and, when the level was seeded from a previous build's
    arrays (:func:`tally_from_rows`), those re-indexed to the new posts and entities."""
    post_at = {pid: i for i, pid in enumerate(level.post_ids)}
    entity_at = {e: i for i, e in enumerate(level.graph.nodes)}
    table: dict[tuple, int] = {}
    rows = [
        (post_at[pid], entity_at[key], table.setdefault(_attr(*row), len(table)))
        for (pid, key), row in level.mentions.items()
    ]
    posts, entities, which = np.array(rows, dtype=np.int64).reshape(-1, 3).T
    old = level.stored
    if old is not None:
        new_post = np.array([post_at[p] for p in old.post_ids], dtype=np.int64)
        # An entity no stored link names (an ontology parent) may be gone: never looked up.
        new_entity = np.array([entity_at.get(e, -1) for e in old.entities], dtype=np.int64)
        new_attr = np.array(
            [table.setdefault(tuple(a), len(table)) for a in old.attrs], dtype=np.int64
        )
        posts = np.concatenate([new_post[old.post_idx], posts])
        entities = np.concatenate([new_entity[old.ent_idx], entities])
        which = np.concatenate([new_attr[old.attr_idx], which])
    order = np.lexsort((entities, posts))
    posts, entities, which = posts[order], entities[order], which[order]
    # Attribute rows numbered by first use in (post, entity) order: the same arrays
    # whichever way the level was made.
    distinct, first = np.unique(which, return_index=True)
    by_use = distinct[np.argsort(first, kind="stable")]
    number = np.zeros(len(table), dtype=np.int64)
    number[by_use] = np.arange(len(by_use))
    attrs = list(table)
    publisher = np.full(len(post_at), -1, dtype=np.int32)
    via = np.zeros(len(post_at), dtype=np.int32)
    vias: dict[str, int] = {}
    for pid, company, how in level.published:
        publisher[post_at[pid]] = entity_at[entity_key("COMPANY", company)]
        via[post_at[pid]] = vias.setdefault(how, len(vias))
    return {
        "post_idx": posts.astype(np.int32).tobytes(),
        "ent_idx": entities.astype(np.int32).tobytes(),
        "attr_idx": number[which].astype(np.int32).tobytes(),
        "attrs": json.dumps([attrs[i] for i in by_use.tolist()]).encode(),
        "publisher": publisher.tobytes(),
        "via": via.tobytes(),
        "vias": json.dumps(list(vias)).encode(),
    }


def _attr(n_title: int, count: int, confidence: float, methods: set[str]) -> tuple:
    return (n_title, count, confidence, ",".join(sorted(methods)))


@dataclass
class StoredLinks:
    """A previous build's post-entity links, as :func:`_pack` stored them."""

    post_ids: list[str]
    entities: list[str]
    post_idx: np.ndarray
    ent_idx: np.ndarray
    attr_idx: np.ndarray
    attrs: list[list]


def tally_from_rows(rows: dict, post_ids: list[str]) -> LevelTally | None:
    """A :class:`LevelTally` holding what :func:`entity_rows` stored (``rows`` from
    :meth:`kgraph.store.Store.graph_rows`) for the sorted posts ``post_ids``; None when
    the arrays do not hold as many posts (they are another store's)."""
    arrays = rows["arrays"]
    publisher = np.frombuffer(arrays["publisher"], dtype=np.int32).tolist()
    if len(publisher) != len(post_ids):
        return None
    tally = LevelTally()
    tally.post_ids = list(post_ids)
    entities = []
    for key, attrs, _late, *_measures in rows["nodes"]:
        entities.append(key)
        if attrs.get("surfaces"):
            tally.surfaces[key] = set(attrs["surfaces"])
        if not attrs["in_corpus"]:  # an ontology parent or a publisher no post names
            continue
        type_, _, name = key.partition(":")
        tally.names[key] = (type_, name)
        tally.n_posts[key] = attrs["post_count"]
        if attrs["first_seen"]:
            tally.first_seen[key] = attrs["first_seen"]
            tally.last_seen[key] = attrs["last_seen"]
    # The related and uses edges, picked by kind from the arrays (no tuple per edge).
    kind = np.frombuffer(arrays["edge_kind"], dtype=np.int32)
    u, v, count = (np.frombuffer(arrays[f"edge_{n}"], dtype=np.int32) for n in ("u", "v", "count"))
    name = entities.__getitem__
    related = np.flatnonzero(kind == EDGE_KINDS.index("related"))
    pairs = zip(map(name, u[related].tolist()), map(name, v[related].tolist()), strict=True)
    tally.pairs.update(dict(zip(pairs, count[related].tolist(), strict=True)))  # empty: as stored
    ptr = np.frombuffer(arrays["edge_posts_ptr"], dtype=np.int64)
    behind = np.frombuffer(arrays["edge_posts"], dtype=np.int32)
    for i in np.flatnonzero(kind == EDGE_KINDS.index("uses")).tolist():
        key = (entities[u[i]].partition(":")[2], entities[v[i]].partition(":")[2])
        tally.uses[key] = [post_ids[p] for p in behind[ptr[i] : ptr[i + 1]].tolist()]
    vias = json.loads(arrays["vias"])
    for i, (company, how) in enumerate(
        zip(publisher, np.frombuffer(arrays["via"], dtype=np.int32).tolist(), strict=True)
    ):
        if company >= 0:
            tally.published[post_ids[i]] = (entities[company].partition(":")[2], vias[how])
    tally.stored = StoredLinks(
        post_ids,
        entities,
        *(np.frombuffer(arrays[n], dtype=np.int32) for n in ("post_idx", "ent_idx", "attr_idx")),
        json.loads(arrays["attrs"]),
    )
    return tally


def app_graph(rows: dict, reader, level: nx.MultiDiGraph | None = None) -> nx.MultiDiGraph:
    """The graph of :meth:`kgraph.store.Store.graph_rows`, reading sentences with ``reader``
    (see :data:`STORE_KEY`).

    ``level`` is the graph of the :class:`~kgraph.graph.entity_level.EntityLevel` whose
    :func:`entity_rows` the rows hold (the build has it in memory): its entity-entity edges
    are taken over, attribute dicts and all (a ``related`` edge gains its PMI and Jaccard),
    instead of being made again from the arrays. The graph is the same either way (a test
    compares them); ``level`` must not be used afterwards but to clear it.
    """
    build = rows["build"]
    G = nx.MultiDiGraph()
    G.graph.update(
        {
            "name": "kgraph",
            "build_id": build.get("id") or 0,
            "pipeline_version": build.get("pipeline_version") or "",
            "n_posts": len(rows["posts"]),
            STORE_KEY: reader,
        }
    )
    surfaces: dict[str, list[str]] = {}
    measured: dict[str, dict] = {"pagerank": {}, "degree": {}, "community": {}}
    entities, late = [], []
    for key, attrs, is_late, pagerank, degree, community in rows["nodes"]:
        entities.append(key)
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

    arrays = rows["arrays"]
    publisher = np.frombuffer(arrays["publisher"], dtype=np.int32)
    companies = [e.partition(":")[2] for e in entities]
    posts = []
    # Straight into NetworkX's node and adjacency dicts: add_node's checks cost a second
    # per 100,000 posts. The attributes are post_attrs' (a test compares the graphs).
    node_attrs, succ, pred = G._node, G._succ, G._pred
    for (pid, title, url, source, published, tags), company in zip(
        rows["posts"], publisher.tolist(), strict=True
    ):
        node = post_node(pid)
        posts.append(node)
        node_attrs[node] = {
            "kind": "post",
            "type": "POST",
            "label": title,
            "title": title,
            "url": url,
            "source": source,
            "published": published,
            "tags": json.loads(tags) if tags != "[]" else [],
            "aliases": [],
            "definition": "",
            "company": companies[company] if company >= 0 else "",
            "post_count": 1,
            "first_seen": published,
            "last_seen": published,
        }
        succ[node] = {}
        pred[node] = {}
    G.add_nodes_from(late)

    n_posts = len(rows["posts"])
    if level is None:
        post_ids = [row[0] for row in rows["posts"]]
        add_edges(G, _entity_edges(arrays, entities, post_ids, node_attrs, n_posts))
    else:
        _take_entity_edges(G, level, n_posts)
    kinds = [G.nodes[e]["kind"] for e in entities]
    attach(G, _layer(arrays, posts, entities, publisher, kinds))
    return G


def _entity_edges(
    arrays: dict, entities: list[str], post_ids: list[str], node_attrs: dict, n_posts: int
) -> list[tuple]:
    """The entity-entity edges of the arrays as ``(u, v, kind, attrs)``, in their order.

    ``related`` edges, most of them, are made in one loop over the arrays' lists (PMI and
    Jaccard from the counts, as :func:`kgraph.graph.construct.build_graph` computes them);
    the few others come from :func:`_edges`.
    """
    kind = np.frombuffer(arrays["edge_kind"], dtype=np.int32)
    related = EDGE_KINDS.index("related")
    others = _edges(arrays, entities, post_ids, np.flatnonzero(kind != related))
    u, v, count = (
        np.frombuffer(arrays[f"edge_{n}"], dtype=np.int32).tolist() for n in ("u", "v", "count")
    )
    df = [node_attrs[e]["post_count"] for e in entities]
    edges = []
    for iu, iv, k, n in zip(u, v, kind.tolist(), count, strict=True):
        if k != related:
            edges.append(_other_edge(*next(others)))
            continue
        attrs = {
            "type": "related",
            "weight": float(n),
            "count": n,
            **cooccurrence_scores(n, df[iu], df[iv], n_posts),
        }
        edges.append((entities[iu], entities[iv], "related", attrs))
    return edges


def _take_entity_edges(G: nx.MultiDiGraph, E: nx.MultiDiGraph, n_posts: int) -> None:
    """Put the entity level ``E``'s edges into ``G`` as :func:`_entity_edges` would make
    them from ``E``'s arrays: the same order (:func:`_pack_edges` walks ``E``'s adjacency
    the same way), the same keyed dicts, in which every attribute but a ``related`` edge's
    PMI and Jaccard is already the app graph's (the arrays hold them as they are)."""
    succ, pred = G._succ, G._pred
    df = {n: d["post_count"] for n, d in G._node.items() if n in E._node}
    for u, nbrs in E._succ.items():
        out, du = succ[u], df[u]
        for v, keyed in nbrs.items():
            d = keyed.get("related")
            if d is not None:
                d.update(cooccurrence_scores(d["count"], du, df[v], n_posts))
            out[v] = pred[v][u] = keyed


def _other_edge(u, v, kind, n, behind, confidence) -> tuple:
    """An entity-entity edge other than ``related``, from a row of :func:`_edges`."""
    if kind == "uses":
        attrs = {"type": "uses", "weight": float(n), "count": n, "posts": behind}
    elif kind.startswith("says_"):  # sentences: kgraph.graph.evidence.stated_evidence
        attrs = {
            "type": kind,
            "relation": kind.removeprefix("says_"),
            "weight": float(n),
            "count": n,
            "posts": behind,
            "confidence": confidence,
        }
    else:
        attrs = {"type": kind, "weight": 1.0, "source_of": "ontology"}
    return u, v, kind, attrs


def _layer(arrays: dict, posts: list[str], entities: list[str], publisher, kinds) -> PostLayer:
    attrs = [
        mention_attrs(n_title, count, confidence, methods.split(","))
        for n_title, count, confidence, methods in json.loads(arrays["attrs"])
    ]
    published = [
        {"type": "published_by", "weight": 1.0, "via": how} for how in json.loads(arrays["vias"])
    ]
    return PostLayer(
        posts,
        entities,
        np.frombuffer(arrays["post_idx"], dtype=np.int32),
        np.frombuffer(arrays["ent_idx"], dtype=np.int32),
        np.frombuffer(arrays["attr_idx"], dtype=np.int32),
        attrs,
        publisher,
        np.frombuffer(arrays["via"], dtype=np.int32),
        published,
        kinds,
    )
