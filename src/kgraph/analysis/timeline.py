"""Time: posts per month, which entities are rising, and what a build brought.

Post nodes carry ``published`` (``YYYY-MM-DD`` or empty); an undated post is counted apart
and never placed in a month.

>>> from kgraph.graph.sample import sample_graph
>>> G = sample_graph()
>>> monthly_counts(G)["undated"]
2
>>> months = monthly_counts(G)["months"]
>>> months[0], months[-1]
(('2023-11', 1), ('2025-09', 1))
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import networkx as nx

from kgraph.model import POST, POST_PREFIX, post_node

ENTITY_EDGES = ("mentions", "published_by")
"""A post counts for an entity when it mentions it or is published by it."""


def _month(date: str) -> str:
    return date[:7] if len(date) >= 7 and date[4] == "-" else ""


def _posts_of(G: nx.MultiDiGraph) -> dict[str, set[str]]:
    memo = G.graph.setdefault("_kgraph_timeline", {})
    if memo.get("n") != G.number_of_nodes():
        posts_of: dict[str, set[str]] = defaultdict(set)
        for u, v, k in G.edges(keys=True):
            if k in ENTITY_EDGES:
                posts_of[v].add(u)
        memo.clear()
        memo.update(n=G.number_of_nodes(), posts_of=dict(posts_of))
    return memo["posts_of"]


def _month_range(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def monthly_counts(G: nx.MultiDiGraph, node: str | None = None) -> dict:
    """Posts per month (every month from the first to the last, zeros included).

    With ``node``, only the posts that mention (or are published by) that entity; months
    still span the whole corpus so sparklines of two entities line up. Returns
    ``{"months": [(YYYY-MM, n), ...], "undated": n}``.

    >>> from kgraph.graph.sample import sample_graph
    >>> G = sample_graph()
    >>> c = monthly_counts(G, "TECHNOLOGY:PostgreSQL")
    >>> sum(n for _m, n in c["months"]), len(c["months"]) == len(monthly_counts(G)["months"])
    (1, True)
    """
    published = {n: d.get("published", "") for n, d in G.nodes(data=True) if d["kind"] == POST}
    every = sorted({m for m in map(_month, published.values()) if m})
    posts = published if node is None else {p: published[p] for p in _posts_of(G).get(node, ())}
    counts = Counter(_month(d) for d in posts.values())
    undated = counts.pop("", 0)
    months = _month_range(every[0], every[-1]) if every else []
    return {"months": [(m, counts.get(m, 0)) for m in months], "undated": undated}


def rising(
    G: nx.MultiDiGraph, *, months: int = 6, min_posts: int = 3, top: int = 20, end: str = ""
) -> dict:
    """Entities whose share of posts grew most over the last ``months`` against the ones before.

    The window ends at ``end`` (``YYYY-MM``; default the newest dated post's month). An entity
    needs ``min_posts`` posts in the recent window. Returns ``{"recent": [first, last],
    "before": [first, last], "posts_recent": n, "posts_before": n, "undated": n, "rows": [...]}``
    with rows ``{"node", "label", "kind", "recent", "before", "share_recent", "share_before",
    "growth"}``, growth (points of share) first.

    >>> from kgraph.graph.sample import sample_graph
    >>> r = rising(sample_graph(), months=12, min_posts=1)
    >>> r["recent"], r["posts_recent"], r["posts_before"]
    (['2024-10', '2025-09'], 2, 3)
    >>> r["rows"][0]["recent"] >= 1
    True
    """
    published = {n: d.get("published", "") for n, d in G.nodes(data=True) if d["kind"] == POST}
    dated = {p: _month(d) for p, d in published.items() if _month(d)}
    undated = len(published) - len(dated)
    empty = {"recent": [], "before": [], "posts_recent": 0, "posts_before": 0}
    if not dated:
        return {**empty, "undated": undated, "rows": []}
    last = end or max(dated.values())
    every = _month_range(min(min(dated.values()), last), last)
    recent = every[-months:]
    before = every[-2 * months : -months] if len(every) > months else []
    in_recent = {p for p, m in dated.items() if recent[0] <= m <= recent[-1]}
    in_before = {p for p, m in dated.items() if before and before[0] <= m <= before[-1]}
    n_recent, n_before = len(in_recent), len(in_before)
    rows = []
    for node, posts in _posts_of(G).items():
        r, b = len(posts & in_recent), len(posts & in_before)
        if r < min_posts:
            continue
        share_r = r / n_recent if n_recent else 0.0
        share_b = b / n_before if n_before else 0.0
        d = G.nodes[node]
        rows.append(
            {
                "node": node,
                "label": d.get("label", node),
                "kind": d.get("kind", ""),
                "recent": r,
                "before": b,
                "share_recent": round(share_r, 4),
                "share_before": round(share_b, 4),
                "growth": round(share_r - share_b, 4),
            }
        )
    rows.sort(key=lambda row: (-row["growth"], -row["recent"], row["label"]))
    return {
        "recent": [recent[0], recent[-1]],
        "before": [before[0], before[-1]] if before else [],
        "posts_recent": n_recent,
        "posts_before": n_before,
        "undated": undated,
        "rows": rows[:top],
    }


def whats_new(G: nx.MultiDiGraph, new_posts: Iterable[str], *, top: int = 20) -> dict:
    """What the posts ``new_posts`` (post ids, not nodes) brought to the graph.

    ``entities``: entities no other post mentions; ``risen``: entities already known whose
    post count rose most. Each row is ``{"node", "label", "kind", "new", "posts"}``.

    >>> from kgraph.graph.sample import sample_graph
    >>> G = sample_graph()
    >>> newest = max((d["published"], n) for n, d in G.nodes(data=True) if d["kind"] == "post")
    >>> out = whats_new(G, [newest[1][len("post:"):]])
    >>> len(out["posts"]), len(out["entities"]) + len(out["risen"]) > 0
    (1, True)
    """
    nodes = [post_node(p) for p in new_posts]
    nodes = [n for n in nodes if n in G]
    fresh = set(nodes)
    gained: Counter = Counter()
    for node in nodes:
        gained.update({v for _u, v, k in G.out_edges(node, keys=True) if k in ENTITY_EDGES})
    posts_of = _posts_of(G)
    entities, risen = [], []
    for ent, n in gained.items():
        d = G.nodes[ent]
        total = len(posts_of.get(ent, ()))
        row = {"node": ent, "label": d.get("label", ent), "kind": d.get("kind", ""), "new": n}
        row["posts"] = total
        (entities if not (posts_of.get(ent, set()) - fresh) else risen).append(row)
    entities.sort(key=lambda r: (-r["new"], r["label"]))
    risen.sort(key=lambda r: (-r["new"], -r["new"] / max(r["posts"] - r["new"], 1), r["label"]))
    posts = [
        {
            "id": n[len(POST_PREFIX) :],
            "title": G.nodes[n].get("label", ""),
            "source": G.nodes[n].get("source", ""),
            "published": G.nodes[n].get("published", ""),
            "url": G.nodes[n].get("url", ""),
        }
        for n in sorted(nodes, key=lambda n: (G.nodes[n].get("published", ""), n), reverse=True)
    ]
    return {"posts": posts, "entities": entities[:top], "risen": risen[:top]}


def in_period(
    G: nx.MultiDiGraph, nodes: Iterable[str], start: str = "", end: str = ""
) -> tuple[list[str], int]:
    """``nodes`` kept to the months ``start``..``end`` (``YYYY-MM``, either may be empty).

    A post stays when its month is in the period; an entity when at least one of its posts
    is. Undated posts leave (their count is returned), so a period never hides its cost.

    >>> from kgraph.graph.sample import sample_graph
    >>> G = sample_graph()
    >>> kept, undated = in_period(G, list(G), "2025-01", "2025-12")
    >>> sorted(G.nodes[n]["published"] for n in kept if n.startswith("post:")), undated
    (['2025-06-01', '2025-09-15'], 2)
    >>> in_period(G, ["post:x-missing"], "", "") == (["post:x-missing"], 0)
    True
    """
    nodes = list(nodes)
    if not start and not end:
        return nodes, 0
    end = end or "9999-99"

    def inside(post: str) -> bool:
        month = _month(G.nodes[post].get("published", "")) if post in G else ""
        return bool(month) and start <= month <= end

    posts_of = _posts_of(G)
    kept, undated = [], 0
    for node in nodes:
        kind = G.nodes[node].get("kind") if node in G else None
        if kind == POST:
            if inside(node):
                kept.append(node)
            elif not _month(G.nodes[node].get("published", "")):
                undated += 1
        elif kind is None or any(inside(p) for p in posts_of.get(node, ())):
            kept.append(node)
    return kept, undated
