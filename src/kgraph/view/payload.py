"""What the app's graph component draws: positions computed in Python, and a JSON payload.

The browser gets finished coordinates (physics off), so a 2,000-node view draws in
seconds instead of settling for a minute. Every text that can reach the DOM as HTML
(tooltips) is escaped here; labels are drawn on a canvas and stay the canonical names.
"""

from __future__ import annotations

import html
import math

import networkx as nx
import numpy as np
from scipy.sparse.csgraph import connected_components

from kgraph.graph.bipartite import degree
from kgraph.graph.stored import SEED_KEY
from kgraph.view.forces import fruchterman_reingold, remove_overlaps
from kgraph.view.pairs import EDGE_PRIORITY, view_pairs
from kgraph.view.palette import KIND_COLORS

__all__ = ["EDGE_PRIORITY", "KIND_COLORS", "LINKS_PER_NODE", "layout", "view_payload"]


POST_LABEL = 32  # characters of a post title drawn on the canvas; the tooltip has it all
LINKS_PER_NODE = 8
"""The app draws a link only if it is among the strongest this many of one of its ends."""
ASPECT = 1.4  # width / height of a laid-out part: the canvas beside the panel is wide
SPREAD = 160.0  # pixels per unit of sqrt(n): keeps density similar for small and large views


def layout(G: nx.MultiDiGraph, nodes: list[str], seed: int = 42) -> dict[str, tuple[float, float]]:
    """Deterministic pixel positions for ``nodes``, from a weighted spring layout.

    Parameters
    ----------
    G : the full graph; only the subgraph on ``nodes`` is laid out.
    nodes : node ids to place.
    seed : layout seed, so the same view always looks the same.

    Examples
    --------
    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "c")])
    >>> pos = layout(G, ["a", "b", "c"])
    >>> sorted(pos) == ["a", "b", "c"] and pos == layout(G, ["c", "b", "a"])
    True
    """
    order = sorted(set(n for n in nodes if n in G))
    if not order:
        return {}
    stored = G.graph.get(SEED_KEY, {}).get("layouts", {}).get("\n".join(order))
    if stored is not None and seed == 42:  # laid out by the build (kgraph.graph.stored)
        return {n: (x, y) for n, (x, y) in zip(order, stored, strict=True)}
    if len(order) == 1:
        return {order[0]: (0.0, 0.0)}
    return _pack(order, _weights(G, order), seed)


def _weights(G: nx.MultiDiGraph, order: list[str]) -> np.ndarray:
    """Symmetric matrix of the heaviest link between each pair of ``order``, damped."""
    i, j, _rank, _forward, weight = view_pairs(G, order)
    matrix = np.zeros((len(order), len(order)))
    # Damp heavy co-occurrence weights so one hub does not collapse its neighbours.
    matrix[i, j] = matrix[j, i] = 1.0 + np.log1p(weight)
    return matrix


def _pack(order: list[str], matrix: np.ndarray, seed: int) -> dict[str, tuple[float, float]]:
    """Lay out each connected part on its own, then shelve the parts left to right.

    One spring layout of a disconnected graph pushes small parts far out and squeezes the
    big one; packing keeps every part readable when the browser fits the view. A part is
    shelved by the box its nodes take (plus :data:`PART_ROOM` for circles and names), not by
    its nominal size: a spring layout of a star or a chain fills a strip of its square, and
    shelving squares left the canvas's right side and a band across its middle empty.
    """
    _n, labels = connected_components(matrix > 0, directed=False)
    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        members.setdefault(int(label), []).append(i)
    parts = sorted(members.values(), key=lambda c: (-len(c), order[c[0]]))
    placed = []
    for part in parts:
        size = SPREAD * math.sqrt(len(part))
        iterations = 50 if len(part) <= 600 else 30
        local = fruchterman_reingold(matrix[np.ix_(part, part)], seed, iterations)
        local[:, 0] *= ASPECT
        pts = local * (size / 2)
        low = pts.min(axis=0) - PART_ROOM
        w, h = (pts.max(axis=0) + PART_ROOM - low).tolist()
        placed.append((part, pts - low, w, h))
    # Shelves as wide as a canvas-shaped box holding every part; the second part sits beside
    # the first, not under it.
    gap = SPREAD * 0.2
    beside = placed[0][2] + (gap + placed[1][2] if len(placed) > 1 else 0.0)
    area = sum((w + gap) * (h + gap) for _p, _pts, w, h in placed)
    width = max(beside, 1.1 * math.sqrt(ASPECT * area))
    out: dict[str, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for part, pts, w, h in placed:
        if x > 0 and x + w > width:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        for i, (px, py) in zip(part, pts.tolist(), strict=True):
            out[order[i]] = (round(x + px, 1), round(y + py, 1))
        x += w + gap
        row_h = max(row_h, h)
    return out


PART_ROOM = SPREAD * 0.3
"""Room kept around a part's nodes when parts are shelved: their circles and names."""


LABEL_AWARE_MAX = 40
"""Views up to this many nodes are spread so that every label has room (see view_payload)."""

HUB_ROOM = 8
"""How many of a dense view's most central nodes keep room for their names."""
CHAR_PX = 7.5
"""Screen pixels a label character takes, on average, at the 13-px label size."""
OPENING_PX = (860.0, 600.0)
"""The graph's canvas at a 1400 x 900 window, in screen pixels: a view opens fitted to it."""


def _label(data: dict, node: str) -> str:
    label = str(data.get("label", node))
    if data.get("kind") == "post" and len(label) > POST_LABEL:
        label = label[: POST_LABEL - 1].rstrip() + "…"
    return label


def _tooltip(data: dict) -> str:
    kind = data.get("kind", "")
    lines = [data.get("label", ""), kind]
    if kind == "post":
        if data.get("source"):
            lines.append(f"source: {data['source']}")
        if data.get("published"):
            lines.append(f"published: {data['published']}")
    else:
        if data.get("post_count"):
            lines.append(f"{data['post_count']} post(s)")
        if data.get("definition"):
            lines.append(str(data["definition"]))
    return "\n".join(html.escape(str(line), quote=True) for line in lines if line)


def _node_size(score: float, lo: float, hi: float, n: int = 0) -> float:
    """Radius in layout pixels: 10 to 36 in small views, 8 to 24 past 60 nodes."""
    small, span = (10.0, 26.0) if n <= 60 else (8.0, 16.0)
    if hi <= lo:
        return small + 4.0
    return round(small + span * math.sqrt((score - lo) / (hi - lo)), 1)


NODE_GAP = 6.0
"""Pixels kept free between two node circles after the overlap pass."""


def view_payload(
    G: nx.MultiDiGraph,
    nodes: list[str],
    positions: dict[str, tuple[float, float]],
    sizes: dict[str, float] | None = None,
    min_weight: float = 0.0,
    links_per_node: int | None = None,
) -> dict:
    """The JSON the graph component draws: nodes with positions, one edge per node pair.

    ``sizes`` maps node ids to a centrality score (any scale); nodes are sized by it,
    else by their post count. Links lighter than ``min_weight`` are left out. With
    ``links_per_node`` (the app uses :data:`LINKS_PER_NODE`), a link is kept only if it is
    among the strongest ``links_per_node`` of one of its ends: a dense 300-node view has
    ~20k links, unreadable and slow to draw, and this backbone keeps every node's main ties.
    Tooltips (``title``) are HTML-escaped; labels are the canonical names, drawn as text.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("CONCEPT:a", kind="concept", label="<a>")
    >>> G.add_node("CONCEPT:b", kind="concept", label="b")
    >>> G.add_edge("CONCEPT:a", "CONCEPT:b", type="related", weight=2)
    0
    >>> p = view_payload(G, ["CONCEPT:a", "CONCEPT:b"], layout(G, ["CONCEPT:a", "CONCEPT:b"]))
    >>> p["nodes"][0]["label"], p["nodes"][0]["title"].splitlines()[0]
    ('<a>', '&lt;a&gt;')
    >>> p["edges"][0]["type"], p["edges"][0]["weight"]
    ('related', 2.0)
    """
    keep = sorted(n for n in set(nodes) if n in G)
    if sizes is None:
        sizes = {n: float(G.nodes[n].get("post_count", 1) or 1) for n in keep}
    # Nodes the measure does not score (posts, for entity centrality) get the smallest size.
    scored = [float(sizes[n]) for n in keep if n in sizes]
    lo, hi = (min(scored), max(scored)) if scored else (0.0, 0.0)
    scores = {n: float(sizes.get(n, lo)) for n in keep}
    radius = {n: _node_size(scores[n], lo, hi, len(keep)) for n in keep}
    labels = {n: _label(G.nodes[n], n) for n in keep}
    # Label priority: the browser labels nodes in this order while their labels fit.
    order = sorted(keep, key=lambda n: (-scores[n], -degree(G, n), n))
    rank = {n: r for r, n in enumerate(order)}
    room = dict(radius)
    if len(keep) <= LABEL_AWARE_MAX:
        # Small views: keep room for each label too, so every name can be drawn.
        room = {n: max(radius[n], min(len(labels[n]) * 3.6, 120.0)) for n in keep}
    else:
        # Dense views: the most central nodes sit together in the middle, and at the zoom
        # the view opens with their names would cover each other, so only the rim would be
        # named. They are first pushed apart from each other alone, by their names' width
        # on screen (against every node, they were pushed out to the rim).
        per_px = _world_per_screen_px(keep, positions)
        hubs = order[:HUB_ROOM]
        name_room = {n: (len(labels[n]) * CHAR_PX + 16) / 2 * per_px for n in hubs}
        positions = {**positions, **_separate(hubs, positions, name_room)}
    placed = _separate(keep, positions, room)
    out_nodes = []
    for n in keep:
        data = G.nodes[n]
        kind = data.get("kind", "concept")
        x, y = placed[n]
        label = labels[n]
        out_nodes.append(
            {
                "id": n,
                "label": label,
                "kind": kind,
                "x": x,
                "y": y,
                "size": radius[n],
                "rank": rank[n],
                "color": KIND_COLORS.get(kind, "#888888"),
                "title": _tooltip(data),
            }
        )
    return {"nodes": out_nodes, "edges": _edges(G, keep, min_weight, links_per_node)}


def _world_per_screen_px(keep: list[str], positions: dict[str, tuple[float, float]]) -> float:
    """Layout units per screen pixel at the zoom a view opens with (fitted to the canvas)."""
    pts = np.array([positions.get(n, (0.0, 0.0)) for n in keep], dtype=float)
    w, h = (pts.max(axis=0) - pts.min(axis=0)).tolist() if len(pts) else (0.0, 0.0)
    return max(w / OPENING_PX[0], h / OPENING_PX[1], 1e-6)


def _separate(
    keep: list[str], positions: dict[str, tuple[float, float]], radius: dict[str, float]
) -> dict[str, tuple[float, float]]:
    """``positions`` with overlapping circles pushed apart (:func:`remove_overlaps`)."""
    if not keep:
        return {}
    pos = np.array([positions.get(n, (0.0, 0.0)) for n in keep], dtype=float)
    pos = remove_overlaps(pos, np.array([radius[n] for n in keep]), pad=NODE_GAP)
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in zip(keep, pos.tolist(), strict=True)}


def _edges(
    G: nx.MultiDiGraph, keep: list[str], min_weight: float, links_per_node: int | None
) -> list[dict]:
    """One edge per node pair: typed by :data:`EDGE_PRIORITY`, weighted by the heaviest link."""
    i, j, rank, forward, weight = view_pairs(G, keep, min_weight)
    if links_per_node is not None:
        chosen = _backbone(i, j, rank, weight, len(keep), links_per_node)
        i, j, rank, forward, weight = (
            i[chosen],
            j[chosen],
            rank[chosen],
            forward[chosen],
            weight[chosen],
        )
    types = (*EDGE_PRIORITY, "related")  # a type pairs.py does not know ranks last
    out = []
    for a, b, r, fwd, w in zip(
        i.tolist(), j.tolist(), rank.tolist(), forward.tolist(), weight.tolist(), strict=True
    ):
        u, v = keep[a], keep[b]
        out.append(
            {
                "id": f"{u}\u2192{v}",
                "from": u if fwd else v,
                "to": v if fwd else u,
                "type": types[r],
                "weight": w,
            }
        )
    return out


def _backbone(
    i: np.ndarray, j: np.ndarray, rank: np.ndarray, weight: np.ndarray, n: int, k: int
) -> np.ndarray:
    """Mask of the pairs among the ``k`` strongest links of either end.

    Strength: ontology and publisher links first (they explain a node), then weight.
    """
    if not len(i) or n <= k:
        return np.ones(len(i), dtype=bool)
    strength = weight + np.where(rank <= 2, 1e9, 0.0)
    matrix = np.full((n, n), -np.inf)
    matrix[i, j] = matrix[j, i] = strength
    # argpartition is deterministic: the same view always keeps the same tied links.
    cols = np.argpartition(-matrix, k - 1, axis=1, kind="introselect")[:, :k]
    top = np.zeros((n, n), dtype=bool)
    top[np.arange(n)[:, None], cols] = True
    return top[i, j] | top[j, i]
