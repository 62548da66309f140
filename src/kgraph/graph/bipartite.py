"""The posts' side of the app's graph: a million mention edges as arrays, read as edges.

At 100,000 posts a graph holds ~900,000 ``mentions`` edges. As NetworkX dicts they take
more than a gigabyte and most of a minute to make. The app's graph keeps them as integer
arrays instead (:class:`PostLayer`), and puts in NetworkX's adjacency, for each post and
each entity a post mentions, a read-only mapping that builds an edge's key dict when asked.
So ``G[post]``, ``G.edges[post, entity, "mentions"]``, ``G.in_edges(entity)``, degrees and
every question work unchanged, and cost grows with what a question touches.

A mention edge's data (``mention_attrs``) and a ``published_by`` edge's are shared between
edges: a graph's edge data is never changed in place.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import numpy as np

__all__ = [
    "LAYER_KEY",
    "LazyLists",
    "PostLayer",
    "attach",
    "degree",
    "entities_of",
    "entity_sources",
    "mention_rows",
    "writers",
]

LAYER_KEY = "_kgraph_posts"
"""``G.graph`` key of the :class:`PostLayer` behind a graph's mention edges."""


class PostLayer:
    """Mentions as arrays: post ``i`` mentions entity ``ent[k]`` for ``k`` in its slice.

    Parameters
    ----------
    posts : post node ids, in graph order.
    entities : entity node ids the arrays index.
    post_idx, ent_idx, attr_idx : one row per (post, entity), sorted by post then entity
        order; ``attr_idx`` indexes ``attrs``, the distinct mention-edge data.
    publisher : per post, the index in ``entities`` of the company that published it or -1;
        ``via`` indexes ``published``, the distinct ``published_by`` edge data.
    kinds : each entity's kind (``company``, ...), in ``entities`` order.
    """

    def __init__(
        self, posts, entities, post_idx, ent_idx, attr_idx, attrs, publisher, via, published, kinds
    ):
        self.posts = posts
        self.entities = entities
        self.kinds = np.array(kinds or [""])
        # Per distinct mention-edge data: the counts questions score and filter by.
        self.n_title = np.array([a.get("n_title", 0) for a in attrs] or [0])
        self.count = np.array([a["count"] for a in attrs] or [0])
        self.ent_idx = ent_idx
        self.attr_idx = attr_idx
        self.attrs = attrs
        self.publisher = publisher
        self.via = via
        self.published = published
        self.post_ptr = np.searchsorted(post_idx, np.arange(len(posts) + 1))
        self.by_entity = np.argsort(ent_idx, kind="stable")  # rows by entity, posts in order
        self.ent_ptr = np.searchsorted(ent_idx[self.by_entity], np.arange(len(entities) + 1))
        self.post_of_row = post_idx
        self.entity_at = {e: i for i, e in enumerate(entities)}
        self.post_at = {p: i for i, p in enumerate(posts)}
        published_posts = np.flatnonzero(publisher >= 0)
        order = np.argsort(publisher[published_posts], kind="stable")
        self.pub_posts = published_posts[order]
        self.pub_ptr = np.searchsorted(publisher[self.pub_posts], np.arange(len(entities) + 1))

    def mention_row(self, p: int, e: int) -> int:
        """The row of post ``p`` mentioning entity ``e``, or -1."""
        lo, hi = self.post_ptr[p], self.post_ptr[p + 1]
        k = lo + int(np.searchsorted(self.ent_idx[lo:hi], e))
        return k if k < hi and self.ent_idx[k] == e else -1

    def keydict(self, p: int, e: int) -> dict:
        """The key dict of the edges post ``p`` → entity ``e`` ({} if none)."""
        out = {}
        k = self.mention_row(p, e)
        if k >= 0:
            out["mentions"] = self.attrs[self.attr_idx[k]]
        if self.publisher[p] == e:
            out["published_by"] = self.published[self.via[p]]
        return out

    def entity_rows(self, e: int) -> np.ndarray:
        return self.by_entity[self.ent_ptr[e] : self.ent_ptr[e + 1]]

    def published_only(self, e: int) -> list[int]:
        """Posts published by company ``e`` that do not mention it."""
        return [
            int(p)
            for p in self.pub_posts[self.pub_ptr[e] : self.pub_ptr[e + 1]]
            if self.mention_row(int(p), e) < 0
        ]


class _PostSucc(Mapping):
    """``G._succ[post]``: the entities a post mentions, then its publisher if it does not."""

    __slots__ = ("layer", "p")

    def __init__(self, layer: PostLayer, p: int):
        self.layer, self.p = layer, p

    def _targets(self) -> list[int]:
        L, p = self.layer, self.p
        found = L.ent_idx[L.post_ptr[p] : L.post_ptr[p + 1]].tolist()
        company = int(L.publisher[p])
        if company >= 0 and company not in found:
            found.append(company)
        return found

    def __getitem__(self, node: str) -> dict:
        e = self.layer.entity_at.get(node)
        found = self.layer.keydict(self.p, e) if e is not None else None
        if not found:
            raise KeyError(node)
        return found

    def __iter__(self) -> Iterator[str]:
        entities = self.layer.entities
        return (entities[e] for e in self._targets())

    def __len__(self) -> int:
        L, p = self.layer, self.p
        n = int(L.post_ptr[p + 1] - L.post_ptr[p])
        company = int(L.publisher[p])
        return n + (company >= 0 and L.mention_row(p, company) < 0)

    def __contains__(self, node) -> bool:
        e = self.layer.entity_at.get(node)
        return e is not None and bool(self.layer.keydict(self.p, e))


class _EntityPred(Mapping):
    """``G._pred[entity]``: the posts that mention or publish it, then its NetworkX edges."""

    __slots__ = ("e", "layer", "real")

    def __init__(self, layer: PostLayer, e: int, real: dict):
        self.layer, self.e, self.real = layer, e, real

    def _posts(self) -> list[int]:
        L = self.layer
        return L.post_of_row[L.entity_rows(self.e)].tolist() + L.published_only(self.e)

    def __getitem__(self, node: str) -> dict:
        p = self.layer.post_at.get(node)
        if p is None:
            return self.real[node]
        found = self.layer.keydict(p, self.e)
        if not found:
            raise KeyError(node)
        return found

    def __iter__(self) -> Iterator[str]:
        posts = self.layer.posts
        yield from (posts[p] for p in self._posts())
        yield from self.real

    def __len__(self) -> int:
        L = self.layer
        return len(L.entity_rows(self.e)) + len(L.published_only(self.e)) + len(self.real)

    def __contains__(self, node) -> bool:
        p = self.layer.post_at.get(node)
        if p is None:
            return node in self.real
        return bool(self.layer.keydict(p, self.e))

    def items(self):  # one pass, without a lookup per post
        L, e, posts = self.layer, self.e, self.layer.posts
        for p in self._posts():
            yield posts[p], L.keydict(p, e)
        yield from self.real.items()


def attach(G, layer: PostLayer) -> None:
    """Put ``layer``'s edges into ``G``'s adjacency (its posts and entities are nodes already).

    Nothing may add or remove edges of ``G`` afterwards.
    """
    for p, node in enumerate(layer.posts):
        G._succ[node] = _PostSucc(layer, p)
    for e, node in enumerate(layer.entities):
        if layer.ent_ptr[e + 1] > layer.ent_ptr[e] or layer.pub_ptr[e + 1] > layer.pub_ptr[e]:
            G._pred[node] = _EntityPred(layer, e, G._pred[node])
    G.graph[LAYER_KEY] = layer


class LazyLists(Mapping):
    """A read-only mapping whose values are computed on first access and kept."""

    def __init__(self, keys, compute):
        self._keys = keys  # a set or dict: membership and order
        self._compute = compute
        self._done: dict = {}

    def __getitem__(self, key):
        found = self._done.get(key)
        if found is None:
            if key not in self._keys:
                raise KeyError(key)
            found = self._done[key] = self._compute(key)
        return found

    def __iter__(self):
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key) -> bool:
        return key in self._keys


def entities_of(layer: PostLayer) -> LazyLists:
    """post node -> the entity nodes it mentions, in graph order."""
    entities, ent_idx, ptr = layer.entities, layer.ent_idx, layer.post_ptr
    with_mentions = {layer.posts[p]: p for p in np.flatnonzero(np.diff(ptr) > 0).tolist()}

    def compute(post: str) -> list[str]:
        p = with_mentions[post]
        return [entities[e] for e in ent_idx[ptr[p] : ptr[p + 1]].tolist()]

    return LazyLists(with_mentions, compute)


def mention_rows(layer: PostLayer, entity: str) -> tuple[np.ndarray, np.ndarray]:
    """(post index, attrs index) of every post mentioning ``entity``, in post order."""
    rows = layer.entity_rows(layer.entity_at[entity])
    return layer.post_of_row[rows], layer.attr_idx[rows]


def degree(G, node: str) -> int:
    """``G.degree(node)``, counting an app graph's mention edges from its arrays.

    NetworkX would build the key dict of each of a hub's thousands of post links to count
    them; ordering 100,000 nodes by degree that way takes most of a minute.
    """
    layer = G.graph.get(LAYER_KEY)
    if layer is None:
        return G.degree(node)
    p = layer.post_at.get(node)
    if p is not None:
        return int(layer.post_ptr[p + 1] - layer.post_ptr[p]) + int(layer.publisher[p] >= 0)
    n = sum(len(keyed) for keyed in G._succ[node].values())
    pred = G._pred[node]
    if isinstance(pred, _EntityPred):
        e = pred.e
        n += int(layer.ent_ptr[e + 1] - layer.ent_ptr[e])
        n += int(layer.pub_ptr[e + 1] - layer.pub_ptr[e])
        pred = pred.real
    return n + sum(len(keyed) for keyed in pred.values())


def writers(G, entity: str) -> set[str] | None:
    """The companies that wrote about ``entity``: the publishers of the posts naming it, or
    for a post with no known publisher, the companies its title names. None when ``G``
    keeps its mentions as edges (walk them instead)."""
    layer = G.graph.get(LAYER_KEY)
    if layer is None:
        return None
    e = layer.entity_at.get(entity)
    if e is None:
        return set()
    posts = layer.post_of_row[layer.entity_rows(e)]
    publishers = layer.publisher[posts]
    found = set(publishers[publishers >= 0].tolist())
    orphans = np.zeros(len(layer.posts), dtype=bool)
    orphans[posts[publishers < 0]] = True
    in_title = (layer.n_title > 0)[layer.attr_idx]
    named = orphans[layer.post_of_row] & in_title & (layer.kinds == "company")[layer.ent_idx]
    found.update(np.unique(layer.ent_idx[named]).tolist())
    return {layer.entities[c] for c in found}


def kind_counts(G, kinds) -> dict[str, int] | None:
    """post -> how many entities of ``kinds`` it mentions (posts that mention any);
    None when ``G`` keeps its mentions as edges."""
    layer = G.graph.get(LAYER_KEY)
    if layer is None:
        return None
    wanted = np.isin(layer.kinds, list(kinds))[layer.ent_idx].astype(np.int64)
    sums = np.add.reduceat(wanted, layer.post_ptr[:-1]) if len(wanted) else np.zeros(0)
    has = np.diff(layer.post_ptr) > 0
    return {layer.posts[p]: int(sums[p]) for p in np.flatnonzero(has).tolist()}


def entity_sources(G, node: str) -> list[str]:
    """The nodes with an edge into ``node`` that are not posts (an app graph's posts are
    behind arrays: skipping them is what makes this cheap for a hub)."""
    pred = G._pred[node]
    real = getattr(pred, "real", pred)
    return [u for u in real if G.nodes[u].get("kind") != "post"]
