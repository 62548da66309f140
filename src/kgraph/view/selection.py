"""Which nodes the Explore view shows: an ego view around a centre, or an overview.

Pure functions of the graph (no Streamlit), so they are tested directly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import networkx as nx

from kgraph.analysis import ego_subgraph
from kgraph.graph.bipartite import degree


def _strong_nodes(G: nx.MultiDiGraph, min_weight: float) -> set[str]:
    """Nodes with at least one link of weight >= ``min_weight``."""
    keep: set[str] = set()
    for u, v, w in G.edges(data="weight", default=1):
        if float(w or 1) >= min_weight:
            keep.update((u, v))
    return keep


def overview_nodes(
    G: nx.MultiDiGraph, kinds: Iterable[str], min_weight: float, cap: int, scores: dict[str, float]
) -> tuple[list[str], bool]:
    """The ``cap`` most central nodes of the wanted kinds (posts rank by degree after entities).

    Ontology parents that no post mentions ("container orchestration" above Kubernetes)
    stay out of the overview, so it shows what the posts say; ego views still reach them.
    Returns (nodes, truncated).
    """
    wanted = set(kinds)
    strong = _strong_nodes(G, min_weight) if min_weight > 1 else None
    entities, posts = [], []
    for n, d in G.nodes(data=True):
        kind = d.get("kind")
        if kind not in wanted or (strong is not None and n not in strong):
            continue
        if kind == "post":
            posts.append(n)
        elif d.get("post_count", 0) > 0:
            entities.append(n)
    entities.sort(key=lambda n: (-scores.get(n, 0.0), -degree(G, n), n))
    if len(entities) < cap:  # posts only fill what entities leave (100,000 need no sort)
        posts.sort(key=lambda n: (-scores.get(n, 0.0), -degree(G, n), n))
        entities += posts[: cap - len(entities)]
    elif posts:
        entities.append(posts[0])  # only to say the cap cut some off
    return sorted(entities[:cap]), len(entities) > cap


def view_nodes(
    G: nx.MultiDiGraph,
    *,
    center: str | None,
    expanded: Iterable[str],
    depth: int,
    kinds: Iterable[str],
    min_weight: float,
    cap: int,
    scores: dict[str, float],
    ego: Callable | None = None,
    overview: Callable | None = None,
) -> tuple[list[str], bool]:
    """The nodes to draw and whether the cap cut some off.

    ``ego(center, depth=, kinds=, min_weight=, cap=)`` and ``overview(kinds, min_weight,
    cap)``, if given, replace :func:`kgraph.analysis.ego_subgraph` on ``G`` and
    :func:`overview_nodes` (the app passes cached ones). Expanded nodes add their depth-1
    neighbourhood to the centre's.
    """
    if ego is None:

        def ego(center, **kw):
            return ego_subgraph(G, center, **kw)

    kinds = list(kinds)
    if center is None or center not in G:
        if overview is not None:
            return overview(kinds, min_weight, cap)
        return overview_nodes(G, kinds, min_weight, cap, scores)
    nodes, truncated = ego(center, depth=depth, kinds=kinds, min_weight=min_weight, cap=cap)
    seen = dict.fromkeys(nodes)
    for extra in expanded:
        if extra not in G or len(seen) >= cap:
            continue
        more, cut = ego(extra, depth=1, kinds=kinds, min_weight=min_weight, cap=cap)
        for n in more:
            if len(seen) >= cap:
                truncated = True
                break
            seen.setdefault(n)
        truncated = truncated or cut
    return sorted(seen), truncated


def linked_nodes(view: dict, keep: set | None = None) -> list[str]:
    """The nodes of a drawn ``view`` that have at least one link, plus any of ``keep``.

    Examples
    --------
    >>> view = {"nodes": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}],
    ...         "edges": [{"from": "a", "to": "b"}]}
    >>> linked_nodes(view, keep={"d"})
    ['a', 'b', 'd']
    """
    keep = keep or set()
    linked = {e["from"] for e in view["edges"]} | {e["to"] for e in view["edges"]}
    return [n["id"] for n in view["nodes"] if n["id"] in linked or n["id"] in keep]


def layout_key(nodes: Iterable[str]) -> str:
    """How a stored layout is keyed: its view's node ids, sorted, joined by newlines."""
    return "\n".join(sorted(nodes))


def landing_views(
    G: nx.MultiDiGraph,
    kinds: Iterable[str],
    min_weight: float,
    cap: int,
    scores: dict,
    positions: dict | None = None,
) -> list[list[str]]:
    """The node sets the Explore page draws first with these settings: the overview, and
    the overview less its unlinked nodes when a weight filter hides them (as the page does).

    The build lays these out once (:func:`kgraph.api.build`), so a fresh server's first
    view costs no layout. A layout made here to find the linked nodes goes into
    ``positions`` (when given) under its view's sorted node ids joined by newlines, so the
    build does not make it twice.
    """
    from kgraph.view.payload import LINKS_PER_NODE, layout, view_payload

    nodes, _truncated = overview_nodes(G, kinds, min_weight, cap, scores)
    views = [nodes]
    if min_weight > 0:
        placed = layout(G, nodes)
        if positions is not None:
            positions[layout_key(placed)] = placed
        drawn = view_payload(
            G,
            nodes,
            placed,
            scores,
            min_weight=min_weight,
            links_per_node=LINKS_PER_NODE,
        )
        keep = linked_nodes(drawn)
        if len(keep) < len(nodes):
            views.append(sorted(keep))
    return views
