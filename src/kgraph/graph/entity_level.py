"""The entity level of the graph, made in one pass over the store's posts.

This is what the build stores for the app (:mod:`kgraph.graph.stored`): the nodes and
entity-entity edges of :func:`kgraph.graph.construct.build_graph`'s graph, and per
(post, entity) the counts a ``mentions`` edge holds. It reads one post and its mentions at
a time and keeps only counts, so 100,000 posts fit in a few hundred megabytes; a snapshot
of them with every sentence would take a gigabyte. The app's graph made from it has the
same nodes, edges and attributes as ``build_graph``'s (a test checks that).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
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
from kgraph.ontology import Ontology, OntologyEntry

__all__ = ["EntityLevel", "LevelTally", "basis", "entity_level", "entity_level_of_rows"]


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
    """(post id, entity) -> [title mentions, mentions, best confidence, {methods}]; for the
    posts added to ``stored`` only, when there is one."""
    surfaces: dict[str, set[str]] = field(default_factory=dict)
    """entity -> the words posts name it by."""
    published: list[tuple[str, str, str]] = field(default_factory=list)
    """(post id, company, via) of each post whose publisher is known, by post id."""
    stored: object = None
    """The post-entity links of the posts a previous build stored, as it packed them
    (:func:`kgraph.graph.stored.tally_from_rows`), or None."""
    basis: str = ""
    """What the level depends on besides the posts (:func:`basis`)."""


class LevelTally:
    """The per-post part of the entity level: counts that new posts only add to.

    :meth:`add` takes one post at a time; :meth:`finish` makes the :class:`EntityLevel`, at
    a cost bounded by entities, edges and relations. A tally can start from what a previous
    build stored (:func:`kgraph.graph.stored.tally_from_rows`), so a build that only added
    posts reads just those.
    """

    def __init__(self) -> None:
        self.post_ids: list[str] = []
        self.names: dict[str, tuple[str, str]] = {}
        self.n_posts: dict[str, int] = {}
        self.first_seen: dict[str, str] = {}
        self.last_seen: dict[str, str] = {}
        self.uses: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.pairs: Counter = Counter()
        self.surfaces: dict[str, set[str]] = defaultdict(set)
        self.mentions: dict[tuple[str, str], list] = {}
        self.published: dict[str, tuple[str, str]] = {}
        self.stored: object = None

    def add(self, post: Post, ms: list[Mention], attribute: Attributor) -> None:
        """Count one post with its mentions in ``build_graph``'s order."""
        pid = post.id
        self.post_ids.append(pid)
        names, surfaces, counts = self.names, self.surfaces, self.mentions
        keys = set()
        # Once per mention (900,000 at 100,000 posts): plain dict and list operations,
        # nothing allocated for a mention whose entity the post already named.
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
        n_posts, date = self.n_posts, post.published
        for key in ordered:
            n_posts[key] = n_posts.get(key, 0) + 1
            if date:
                first = self.first_seen.get(key)
                if first is None or date < first:
                    self.first_seen[key] = date
                if date > self.last_seen.get(key, ""):
                    self.last_seen[key] = date
        self.pairs.update(combinations(ordered, 2))
        self._attribute(post, ms, attribute)

    def reattribute(self, post: Post, ms: list[Mention], attribute: Attributor) -> None:
        """Attribute an already counted post again (new company names may match its
        source), moving its ``uses`` edges with its publisher."""
        old = self.published.pop(post.id, None)
        for pair in _uses_pairs(ms, old):
            self.uses[pair].remove(post.id)
            if not self.uses[pair]:
                del self.uses[pair]
        self._attribute(post, ms, attribute)

    def _attribute(self, post: Post, ms: list[Mention], attribute: Attributor) -> None:
        found = attribute(post, ms)
        if found:
            self.published[post.id] = found
        for pair in _uses_pairs(ms, found):
            self.uses[pair].append(post.id)

    def finish(
        self, relations: list[Relation], ontology: Ontology | None, digest: str | None = None
    ) -> EntityLevel:
        """The entity level: nodes in ``build_graph``'s order, edges, ontology closure and
        the stated relations of ``relations``; ``digest`` is the ontology's :func:`basis`
        when the caller has it."""
        E = nx.MultiDiGraph()
        for key in sorted(self.names):
            type_, name = self.names[key]
            E.add_node(key, **_entity_attrs(type_, name, _entry(ontology, type_, name)))
        for key, n in self.n_posts.items():
            E.nodes[key].update(
                post_count=n,
                first_seen=self.first_seen.get(key, ""),
                last_seen=self.last_seen.get(key, ""),
                in_corpus=True,
            )
        published = [(pid, *found) for pid, found in sorted(self.published.items())]
        for company, _via in sorted({(c, v) for _p, c, v in published}):
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
                    {"type": "uses", "weight": float(len(p)), "count": len(p), "posts": sorted(p)},
                )
                for (c, t), p in sorted(self.uses.items())
            ],
        )
        # Counts only: the app's graph derives PMI and Jaccard from them on load
        # (kgraph.graph.stored.app_graph), as build_graph does.
        pairs = self.pairs  # 100,000 at 10,000 posts: the keys sort in half the time of the items
        add_edges(
            E,
            [
                (a, b, "related", {"type": "related", "weight": float(n), "count": n})
                for a, b in sorted(pairs)
                for n in (pairs[a, b],)
            ],
        )
        n_early = len(E)
        post_ids = sorted(self.post_ids)  # a seeded tally's new posts come after the old
        add_edges(E, _ontology_closure(E, ontology))
        add_edges(E, stated_edges(E, relations, set(post_ids), evidence=False))
        return EntityLevel(
            E,
            n_early,
            post_ids,
            self.mentions,
            self.surfaces,
            published,
            self.stored,
            basis(ontology) if digest is None else digest,
        )


def basis(ontology: Ontology | None) -> str:
    """A digest of the ontology as the entity level uses it (attributes, parents,
    publishers' domains): a level stored under another one cannot be updated, only
    recomputed."""
    if ontology is None:
        return ""
    names = [f.name for f in fields(OntologyEntry) if f.name != "origin"]
    rows = [[getattr(e, n) for n in names] for _key, e in sorted(ontology.entries.items())]
    return hashlib.sha256(json.dumps([names, rows]).encode()).hexdigest()[:16]


def _uses_pairs(ms: list[Mention], found: tuple[str, str] | None) -> list[tuple[str, str]]:
    """(company, technology) of a post: companies its title names, and its publisher."""
    named = {m.canonical for m in ms if m.type == "COMPANY" and m.field == "title"}
    if found:
        named.add(found[0])
    techs = {m.canonical for m in ms if m.type == "TECHNOLOGY"}
    return [(c, t) for c in named for t in techs]


def entity_level(
    posts: Iterable[tuple[Post, list[Mention]]],
    companies: set[str],
    relations: list[Relation],
    ontology: Ontology | None,
) -> EntityLevel:
    """The entity level of the posts ``posts`` yields, each with its mentions in
    ``build_graph``'s order; ``companies`` are the corpus's company names."""
    attribute = Attributor(ontology, companies)
    tally = LevelTally()
    for post, ms in posts:
        tally.add(post, ms, attribute)
    return tally.finish(relations, ontology)


def entity_level_of_rows(
    posts: list[Post],
    mentions: list[Mention],
    relations: list[Relation],
    ontology: Ontology | None,
) -> EntityLevel:
    """The entity level of a build that stores exactly these rows, made before they are
    stored: the :func:`entity_level` of the store that holds them, read in the order the
    store reads them back (posts by id; a post's mentions by field, start, end, type,
    canonical name and text; relations by post, head, type and tail)."""
    by_post: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_post[m.post_id].append(m)

    def read_back() -> Iterable[tuple[Post, list[Mention]]]:
        for post in sorted(posts, key=lambda p: p.id):
            ms = by_post.get(post.id, [])
            # "summary" sorts before "title", as the stored field numbers do
            ms.sort(key=lambda m: (m.field, m.start, m.end, m.type, m.canonical, m.text))
            yield post, ms

    companies = {m.canonical for m in mentions if m.type == "COMPANY"}
    stored = sorted(relations, key=lambda r: (r.post_id, r.head_key, r.type, r.tail_key))
    return entity_level(read_back(), companies, stored, ontology)
