"""The entity level of the graph, made in one pass over the store's posts.

This is what the build stores for the app (:mod:`kgraph.graph.stored`): the nodes and
entity-entity edges of :func:`kgraph.graph.construct.build_graph`'s graph, and per
(post, entity) the counts a ``mentions`` edge holds. It reads one post and its mentions at
a time and keeps only counts, so 100,000 posts fit in a few hundred megabytes; a snapshot
of them with every sentence would take a gigabyte. The app's graph made from it has the
same nodes, edges and attributes as ``build_graph``'s (a test checks that).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx

from kgraph.graph.attribution import Attributor
from kgraph.graph.construct import (
    _entity_attrs,
    _entry,
    _ontology_closure,
    add_edges,
    stated_edges,
)
from kgraph.model import Mention, Post, Relation, entity_key
from kgraph.ontology import Ontology

__all__ = ["EntityLevel", "entity_level"]


@dataclass
class EntityLevel:
    graph: nx.MultiDiGraph
    """Entity nodes (graph order) and entity-entity edges; ``related`` edges hold their
    count and weight only (no posts, PMI or Jaccard)."""
    n_early: int
    """Nodes before the posts in ``build_graph``'s order; the rest are ontology parents."""
    post_ids: list[str]
    """Every post, sorted."""
    mentions: dict[tuple[str, str], list] = field(default_factory=dict)
    """(post id, entity) -> [title mentions, mentions, best confidence, {methods}]."""
    surfaces: dict[str, set[str]] = field(default_factory=dict)
    """entity -> the words posts name it by."""
    published: list[tuple[str, str, str]] = field(default_factory=list)
    """(post id, company, via) of each post whose publisher is known."""


def entity_level(
    posts: Iterable[tuple[Post, list[Mention]]],
    companies: set[str],
    relations: list[Relation],
    ontology: Ontology | None,
) -> EntityLevel:
    """The entity level of the posts ``posts`` yields in id order, each with its mentions
    in ``build_graph``'s order; ``companies`` are the corpus's company names."""
    attribute = Attributor(ontology, companies)
    level = EntityLevel(nx.MultiDiGraph(), 0, [])
    names: dict[str, tuple[str, str]] = {}
    entity_posts: dict[str, list[str]] = defaultdict(list)
    dates: dict[str, list[str]] = defaultdict(list)
    uses: dict[tuple[str, str], list[str]] = defaultdict(list)
    pairs: Counter = Counter()
    surfaces: dict[str, set[str]] = defaultdict(set)
    counts = level.mentions
    # The loop runs once per mention (900,000 at 100,000 posts): plain dict and list
    # operations, nothing allocated for a mention whose entity the post already named.
    for post, ms in posts:
        pid = post.id
        level.post_ids.append(pid)
        keys = set()
        for m in ms:
            key = entity_key(m.type, m.canonical)
            if key not in names:
                names[key] = (m.type, m.canonical)
            keys.add(key)
            surfaces[key].add(m.text)
            row = counts.get((pid, key))
            if row is None:
                row = counts[(pid, key)] = [0, 0, m.confidence, {m.method}]
            elif m.confidence > row[2]:
                row[2] = m.confidence
            row[0] += m.field == "title"
            row[1] += 1
            row[3].add(m.method)
        ordered = sorted(keys)
        for key in ordered:
            entity_posts[key].append(pid)
        if post.published:
            for key in ordered:
                dates[key].append(post.published)
        pairs.update(combinations(ordered, 2))
        found = attribute(post, ms)
        if found:
            level.published.append((post.id, *found))
        named = {m.canonical for m in ms if m.type == "COMPANY" and m.field == "title"}
        if found:
            named.add(found[0])
        techs = {m.canonical for m in ms if m.type == "TECHNOLOGY"}
        for company in named:
            for tech in techs:
                uses[(company, tech)].append(post.id)
    level.surfaces = surfaces

    E = level.graph
    for key in sorted(names):
        type_, name = names[key]
        E.add_node(key, **_entity_attrs(type_, name, _entry(ontology, type_, name)))
    for key, pids in entity_posts.items():
        seen = sorted(dates[key])
        E.nodes[key].update(
            post_count=len(pids),
            first_seen=seen[0] if seen else "",
            last_seen=seen[-1] if seen else "",
            in_corpus=True,
        )
    for company, _via in sorted({(c, v) for _p, c, v in level.published}):
        key = entity_key("COMPANY", company)
        if key not in E:
            E.add_node(
                key, **_entity_attrs("COMPANY", company, _entry(ontology, "COMPANY", company))
            )

    add_edges(
        E,
        [
            (
                entity_key("COMPANY", c),
                entity_key("TECHNOLOGY", t),
                "uses",
                {"type": "uses", "weight": float(len(p)), "count": len(p), "posts": p},
            )
            for (c, t), p in sorted(uses.items())
        ],
    )
    # Counts only: the app's graph derives PMI and Jaccard from them on load
    # (kgraph.graph.stored.app_graph), as build_graph does.
    add_edges(
        E,
        [
            (a, b, "related", {"type": "related", "weight": float(n), "count": n})
            for (a, b), n in sorted(pairs.items())
        ],
    )
    level.n_early = len(E)
    add_edges(E, _ontology_closure(E, ontology))
    add_edges(E, stated_edges(E, relations, set(level.post_ids)))
    return level
