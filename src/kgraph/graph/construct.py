"""Build the typed knowledge graph from a store snapshot: posts, entities and their links.

Everything is sorted before it is added, so the same snapshot (in any order) gives the
identical graph: same nodes, edges, keys and attribute order.
"""

from __future__ import annotations

import math
from collections import defaultdict
from itertools import combinations

import networkx as nx

from kgraph.graph.attribution import Attributor
from kgraph.model import (
    EDGE_TYPES,
    NODE_KINDS,
    Mention,
    Post,
    Relation,
    Snapshot,
    entity_key,
    post_node,
)
from kgraph.ontology import Ontology, OntologyEntry

__all__ = ["EDGE_TYPES", "NODE_KINDS", "build_graph"]
TITLE_WEIGHT = 3.0  # a title mention says what the post is about; a summary one may be in passing


def _sentence_span(text: str, m: Mention) -> tuple[int, int]:
    """Where the mention's sentence sits in its field (the extractor keeps it verbatim)."""
    if m.sentence:
        at = text.find(m.sentence, max(0, m.end - len(m.sentence)))
        if 0 <= at <= m.start:
            return at, at + len(m.sentence)
    return m.start, m.end


def _evidence(post: Post, m: Mention) -> dict:
    text = post.title if m.field == "title" else post.summary
    s_start, s_end = _sentence_span(text, m)
    return {
        "post_id": m.post_id,
        "field": m.field,
        "start": m.start,
        "end": m.end,
        "sentence": m.sentence,
        "text": m.text,
        "sentence_start": s_start,
        "sentence_end": s_end,
    }


def _entry(ontology: Ontology | None, type_: str, name: str) -> OntologyEntry | None:
    if ontology is None:
        return None
    entry = ontology.entries.get(entity_key(type_, name)) or ontology.lookup(name)
    return entry if entry is not None and entry.type == type_ else None


def _entity_attrs(type_: str, name: str, entry: OntologyEntry | None) -> dict:
    return {
        "kind": type_.lower(),
        "type": type_,
        "label": name,
        "aliases": sorted(set(entry.aliases)) if entry else [],
        "definition": entry.definition if entry else "",
        "parents": list(entry.parents) if entry else [],
        "company": entry.company if entry else "",
        "post_count": 0,
        "first_seen": "",
        "last_seen": "",
        "in_corpus": False,
    }


def _ontology_closure(G: nx.MultiDiGraph, ontology: Ontology | None) -> list[tuple]:
    """is_a and product_of edges of present entities, adding parents up the chain."""
    if ontology is None:
        return []
    edges, todo, seen = [], sorted(n for n, k in G.nodes(data="kind") if k != "post"), set()
    while todo:
        node = todo.pop(0)
        if node in seen:
            continue
        seen.add(node)
        attrs = G.nodes[node]
        refs = [("is_a", p) for p in attrs["parents"]]
        refs += [("product_of", attrs["company"])] if attrs["company"] else []
        for relation, ref in refs:
            entry = ontology.lookup(ref)
            if entry is None or (relation == "product_of" and entry.type != "COMPANY"):
                continue
            if entry.key not in G:
                G.add_node(entry.key, **_entity_attrs(entry.type, entry.name, entry))
                todo.append(entry.key)
            if entry.key != node:
                edges.append(
                    (
                        node,
                        entry.key,
                        relation,
                        {"type": relation, "weight": 1.0, "source_of": "ontology"},
                    )
                )
    return sorted(edges, key=lambda e: (e[0], e[1], e[2]))


def cooccurrence_scores(n: int, da: int, db: int, n_posts: int) -> dict[str, float]:
    """A ``related`` edge's PMI and Jaccard, from the ``n`` posts naming both ends, each
    end's post count ``da`` and ``db``, and the corpus's ``n_posts``."""
    return {
        "pmi": round(math.log(n * n_posts / (da * db)), 6),
        "jaccard": round(n / (da + db - n), 6),
    }


def build_graph(snapshot: Snapshot, ontology: Ontology | None = None) -> nx.MultiDiGraph:
    """The knowledge graph of one snapshot: see docs/graph.md for every node and edge type.

    Examples
    --------
    >>> from kgraph.model import Snapshot
    >>> from kgraph.model import Post, Mention
    >>> p = Post(id="p1", title="Prewarming in Lakebase")
    >>> ms = [Mention("p1", "Prewarming", "CONCEPT", "prewarming", "title", 0, 10,
    ...               "Prewarming in Lakebase", "ontology", 1.0)]
    >>> G = build_graph(Snapshot([p], ms, None))
    >>> sorted(G.nodes)
    ['CONCEPT:prewarming', 'post:p1']
    >>> G.edges["post:p1", "CONCEPT:prewarming", "mentions"]["weight"]
    3.0
    """
    posts, by_id, by_post = _grouped(snapshot)
    G = _empty(snapshot, len(posts))
    keys_of, entity_posts, publisher, published = _entities(G, posts, by_id, by_post, ontology)
    mention_edges = []
    for pid in sorted(by_post):
        post, groups = by_id[pid], defaultdict(list)
        for m in by_post[pid]:
            groups[entity_key(m.type, m.canonical)].append(m)
        for key in keys_of[pid]:
            ms = groups[key]
            n_title = sum(m.field == "title" for m in ms)
            mention_edges.append(
                (
                    post_node(pid),
                    key,
                    "mentions",
                    mention_attrs(
                        n_title,
                        len(ms),
                        max(m.confidence for m in ms),
                        {m.method for m in ms},
                        evidence=[_evidence(post, m) for m in ms],
                    ),
                )
            )
    for post in posts:
        G.add_node(post_node(post.id), **post_attrs(post, publisher.get(post.id, "")))
    add_edges(G, mention_edges)
    add_edges(G, published_by_edges(published))
    add_edges(G, _uses(by_post, publisher))
    add_edges(G, _related(keys_of, entity_posts, len(posts)))
    add_edges(G, _ontology_closure(G, ontology))
    add_edges(G, stated_edges(G, getattr(snapshot, "relations", [])))
    return G


def _grouped(snapshot: Snapshot) -> tuple[list[Post], dict[str, Post], dict[str, list[Mention]]]:
    posts = sorted(snapshot.posts, key=lambda p: p.id)
    by_id = {p.id: p for p in posts}
    by_post: dict[str, list[Mention]] = defaultdict(list)
    for m in sorted(
        snapshot.mentions,
        key=lambda m: (m.post_id, m.field, m.start, m.end, m.type, m.canonical, m.text),
    ):
        if m.post_id in by_id:
            by_post[m.post_id].append(m)
    return posts, by_id, by_post


def _empty(snapshot: Snapshot, n_posts: int) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    build = snapshot.build or {}
    G.graph.update(
        {
            "name": "kgraph",
            "build_id": build.get("id") or 0,
            "pipeline_version": build.get("pipeline_version") or "",
            "n_posts": n_posts,
        }
    )
    return G


def _entities(G, posts, by_id, by_post, ontology):
    """Add the entity nodes (with counts and dates over their posts) and the companies that
    published posts; return each post's entity keys, each entity's posts and the publishers."""
    names = sorted({(m.type, m.canonical) for ms in by_post.values() for m in ms})
    for type_, name in names:
        G.add_node(
            entity_key(type_, name), **_entity_attrs(type_, name, _entry(ontology, type_, name))
        )
    entity_posts: dict[str, list[str]] = defaultdict(list)
    keys_of: dict[str, list[str]] = {}
    for pid in sorted(by_post):
        keys_of[pid] = sorted({entity_key(m.type, m.canonical) for m in by_post[pid]})
        for key in keys_of[pid]:
            entity_posts[key].append(pid)
    for key, pids in entity_posts.items():
        dates = sorted(d for d in (by_id[p].published for p in pids) if d)
        G.nodes[key].update(
            post_count=len(pids),
            first_seen=dates[0] if dates else "",
            last_seen=dates[-1] if dates else "",
            in_corpus=True,
        )

    attribute = Attributor(ontology, {n for t, n in names if t == "COMPANY"})
    published = []
    for post in posts:
        found = attribute(post, by_post.get(post.id, []))
        if found:
            published.append((post.id, *found))
    for company, _via in sorted({(c, v) for _p, c, v in published}):
        key = entity_key("COMPANY", company)
        if key not in G:
            G.add_node(
                key, **_entity_attrs("COMPANY", company, _entry(ontology, "COMPANY", company))
            )
    publisher = {pid: company for pid, company, _via in published}
    return keys_of, entity_posts, publisher, published


def mention_attrs(
    n_title: int, count: int, confidence: float, methods, evidence: list[dict] | None = None
) -> dict:
    """A ``mentions`` edge's attributes. Without ``evidence`` (the app's graph), the
    sentences are read on demand: see :func:`kgraph.graph.evidence.mention_evidence`."""
    n_summary = count - n_title
    attrs = {
        "type": "mentions",
        "weight": (TITLE_WEIGHT if n_title else 0.0) + min(n_summary, 3),
        "in_title": bool(n_title),
        "n_title": n_title,
        "count": count,
        "confidence": round(confidence, 4),
        "methods": sorted(methods),
    }
    if evidence is not None:
        attrs["evidence"] = evidence
    return attrs


def post_attrs(post: Post, company: str, *, summary: bool = True) -> dict:
    """A post node's attributes; without ``summary`` (the app's graph) it is read on demand."""
    attrs = {
        "kind": "post",
        "type": "POST",
        "label": post.title,
        "title": post.title,
        "summary": post.summary,
        "url": post.url,
        "source": post.source,
        "published": post.published,
        "tags": list(post.tags),
        "aliases": [],
        "definition": "",
        "company": company,
        "post_count": 1,
        "first_seen": post.published,
        "last_seen": post.published,
    }
    if not summary:
        del attrs["summary"]
    return attrs


def published_by_edges(published: list[tuple[str, str, str]]) -> list[tuple]:
    return [
        (
            post_node(pid),
            entity_key("COMPANY", company),
            "published_by",
            {"type": "published_by", "weight": 1.0, "via": via},
        )
        for pid, company, via in published
    ]


def add_edges(G: nx.MultiDiGraph, edges: list[tuple]) -> None:
    """Add ``(u, v, key, attrs)`` edges between existing nodes straight into the adjacency.

    ``add_edges_from`` builds a view per edge, which dominates a 10,000-post build; this
    writes the same structure (one key dict shared by ``_succ`` and ``_pred``).
    """
    succ, pred = G._succ, G._pred
    for u, v, key, attrs in edges:
        keydict = succ[u].get(v)
        if keydict is None:
            keydict = succ[u][v] = pred[v][u] = G.edge_key_dict_factory()
        keydict[key] = attrs


def _uses(by_post: dict[str, list[Mention]], publisher: dict[str, str]) -> list[tuple]:
    """company → technology, from the company's posts: published by it or naming it in the title."""
    support: dict[tuple[str, str], list[str]] = defaultdict(list)
    for pid in sorted(by_post):
        ms = by_post[pid]
        companies = {m.canonical for m in ms if m.type == "COMPANY" and m.field == "title"}
        if pid in publisher:
            companies.add(publisher[pid])
        techs = {m.canonical for m in ms if m.type == "TECHNOLOGY"}
        for company in companies:
            for tech in techs:
                support[(company, tech)].append(pid)
    return [
        (
            entity_key("COMPANY", c),
            entity_key("TECHNOLOGY", t),
            "uses",
            {"type": "uses", "weight": float(len(pids)), "count": len(pids), "posts": pids},
        )
        for (c, t), pids in sorted(support.items())
    ]


def stated_edges(
    G: nx.MultiDiGraph,
    relations: list[Relation],
    post_ids: set[str] | None = None,
    *,
    evidence: bool = True,
) -> list[tuple]:
    """head → tail ``says_<type>`` edges, one per (head, type, tail), holding every post
    that states it with its sentence, rule and confidence.

    The posts must be nodes of ``G``, or, for a graph without posts, in ``post_ids``.
    Without ``evidence`` an edge holds no sentences (the entity level stores none).
    """
    grouped: dict[tuple[str, str, str], list[Relation]] = defaultdict(list)
    nodes = G._node
    for r in relations:
        has_post = r.post_id in post_ids if post_ids is not None else post_node(r.post_id) in G
        if has_post and (head := r.head_key) in nodes and (tail := r.tail_key) in nodes:
            grouped[(head, r.type, tail)].append(r)
    edges = []
    for (head, type_, tail), rs in sorted(grouped.items()):
        posts = sorted({r.post_id for r in rs})
        attrs = {
            "type": f"says_{type_}",
            "relation": type_,
            "weight": float(len(posts)),
            "count": len(posts),
            "posts": posts,
        }
        if evidence:
            rs.sort(key=lambda r: (-r.confidence, r.post_id))
            attrs["confidence"] = rs[0].confidence
            attrs["evidence"] = [
                {
                    "post_id": r.post_id,
                    "sentence": r.sentence,
                    "method": r.method,
                    "confidence": r.confidence,
                }
                for r in rs
            ]
        else:
            attrs["confidence"] = max(r.confidence for r in rs)
        edges.append((head, tail, f"says_{type_}", attrs))
    return edges


def _related(
    keys_of: dict[str, list[str]], entity_posts: dict[str, list[str]], n_posts: int
) -> list[tuple]:
    """Co-occurrence within posts, stored once per pair (smaller key first)."""
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for pid in sorted(keys_of):
        for pair in combinations(keys_of[pid], 2):
            pairs[pair].append(pid)
    df = {k: len(v) for k, v in entity_posts.items()}
    edges = []
    for (a, b), pids in sorted(pairs.items()):
        n, da, db = len(pids), df[a], df[b]
        edges.append(
            (
                a,
                b,
                "related",
                {
                    "type": "related",
                    "weight": float(n),
                    "count": n,
                    **cooccurrence_scores(n, da, db, n_posts),
                    "posts": pids,
                },
            )
        )
    return edges
