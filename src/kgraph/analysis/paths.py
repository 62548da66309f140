"""Explained paths: the shortest chain between two entities, each hop with its post and sentence."""

from __future__ import annotations

import heapq
import itertools

import networkx as nx

from kgraph.analysis._index import POST_BACKED, entity_graph, get_index
from kgraph.analysis.resolve import resolve
from kgraph.model import TEXT_RELATION_EDGES, post_node

__all__ = ["explain_edge", "explained_path", "hop_arrow"]

SCAN = 300  # posts examined per hop when choosing the best evidence for a busy pair


def _sentences(G: nx.MultiDiGraph, post: str, entity: str) -> list[dict]:
    d = G.get_edge_data(post, entity, "mentions")
    return d["evidence"] if d else []


def _post_fields(G: nx.MultiDiGraph, post: str) -> dict:
    p = G.nodes[post]
    return {"post": post, "title": p["title"], "url": p["url"]}


def _co_mention(G: nx.MultiDiGraph, post: str, a: str, b: str) -> tuple[tuple, str]:
    """(rank, sentence) of the best evidence that a and b meet in this post."""
    ea, eb = _sentences(G, post, a), _sentences(G, post, b)
    shared = sorted(
        {(e["field"] != "title", e["sentence"]) for e in ea}
        & {(e["field"] != "title", e["sentence"]) for e in eb}
    )
    n_entities = len(get_index(G).entities_of.get(post, ()))
    if shared:
        return (0, n_entities, post), shared[0][1]
    first = [
        min(es, key=lambda e: (e["field"] != "title", e["start"]))["sentence"]
        for es in (ea, eb)
        if es
    ]
    return (1, n_entities, post), " … ".join(dict.fromkeys(first))


def explain_edge(G: nx.MultiDiGraph, u: str, v: str, key: str, limit: int = 50) -> list[dict]:
    """Evidence for the edge ``(u, v, key)``: [{post, title, url, sentence, relation}], best first."""
    d = G.edges[u, v, key]
    empty = {"post": "", "title": "", "url": ""}
    if key in ("is_a", "product_of"):
        verb = "is a kind of" if key == "is_a" else "is made by"
        text = f"Ontology: {G.nodes[u]['label']} {verb} {G.nodes[v]['label']}."
        return [{**empty, "sentence": text, "relation": key}]
    if key in TEXT_RELATION_EDGES:
        return [
            {
                **_post_fields(G, post_node(e["post_id"])),
                "sentence": e["sentence"],
                "relation": key,
                "method": e["method"],
                "confidence": e["confidence"],
            }
            for e in d["evidence"][:limit]
        ]
    if key == "mentions":
        seen = dict.fromkeys(e["sentence"] for e in d["evidence"])
        return [{**_post_fields(G, u), "sentence": s, "relation": key} for s in seen][:limit]
    if key == "published_by":
        return [
            {
                **_post_fields(G, u),
                "sentence": G.nodes[u]["title"],
                "relation": key,
                "via": d["via"],
            }
        ]
    if key == "uses":
        out = []
        for post in d["posts"][:limit]:
            ev = _sentences(G, post_node(post), v)
            out.append(
                {
                    **_post_fields(G, post_node(post)),
                    "relation": key,
                    "sentence": ev[0]["sentence"] if ev else G.nodes[post_node(post)]["title"],
                }
            )
        return out
    ranked = sorted((*_co_mention(G, post_node(p), u, v), post_node(p)) for p in d["posts"][:SCAN])
    return [
        {**_post_fields(G, post), "sentence": sentence, "relation": key}
        for _rank, sentence, post in ranked[:limit]
    ]


def hop_arrow(hop: dict) -> tuple[str, str, str]:
    """(left, relation, right) drawing a hop's arrow the way its relation reads.

    >>> hop_arrow({"relation": "is_a", "reversed": True})
    ('←[', 'is_a', ']—')
    >>> hop_arrow({"relation": "says_uses", "reversed": False})
    ('—[', 'uses', ']→')
    """
    rel = hop["relation"].removeprefix("says_")
    return ("←[", rel, "]—") if hop.get("reversed") else ("—[", rel, "]→")


def _hop(G: nx.MultiDiGraph, EG: nx.Graph, a: str, b: str) -> dict:
    # Prefer a relation the text states, then evidence from a post (related, uses), over
    # the ontology when a pair has several.
    order = {k: 0 for k in TEXT_RELATION_EDGES} | {
        "related": 1,
        "uses": 2,
        "is_a": 3,
        "product_of": 4,
    }
    relation, u, v = min(EG[a][b]["relations"], key=lambda r: order[r[0]])
    # An edge without evidence (a graph built by hand) still makes a hop, with no sentence.
    ev = next(iter(explain_edge(G, u, v, relation, limit=1)), None) or dict.fromkeys(
        ("post", "title", "url", "sentence"), ""
    )
    return {
        "source": a,
        "target": b,
        "source_label": G.nodes[a]["label"],
        "target_label": G.nodes[b]["label"],
        "relation": relation,
        "reversed": (u, v) != (a, b),
        "post": ev["post"],
        "post_title": ev["title"],
        "url": ev["url"],
        "sentence": ev["sentence"],
    }


def _ontology_only(EG: nx.Graph, u: str, v: str) -> bool:
    return not any(r[0] in POST_BACKED for r in EG[u][v]["relations"])


def _one_ontology_hop_path(EG: nx.Graph, src: str, dst: str) -> tuple[float, list] | None:
    """The cheapest path with at most one ontology-only hop, or None when there is none.

    Dijkstra over (node, ontology hops used) states.
    """
    best = {(src, 0): 0.0}
    parent: dict[tuple, tuple | None] = {(src, 0): None}
    heap = [(0.0, src, 0)]
    while heap:
        cost, node, used = heapq.heappop(heap)
        if cost > best.get((node, used), float("inf")):
            continue
        if node == dst:
            path, state = [], (node, used)
            while state is not None:
                path.append(state[0])
                state = parent[state]
            return cost, path[::-1]
        for nb, d in EG[node].items():
            step = used + _ontology_only(EG, node, nb)
            if step > 1:
                continue
            new = cost + d["cost"]
            if new < best.get((nb, step), float("inf")):
                best[(nb, step)] = new
                parent[(nb, step)] = (node, used)
                heapq.heappush(heap, (new, nb, step))
    return None


def explained_path(G: nx.MultiDiGraph, a: str, b: str) -> dict:
    """The cheapest chain of entities from ``a`` to ``b``, every hop justified.

    Hops follow relations the text states (``says_*``), co-mentions in posts (``related``),
    ``uses`` and the ontology (``is_a``, ``product_of``). Each hop costs 1 plus a penalty
    for hubs, so a path through specific entities beats an equally short one through a very
    common entity; an ontology-only hop costs :data:`~kgraph.analysis._index.ONTOLOGY_PENALTY`
    more, so a path through posts wins even when longer. A path has at most one
    ontology-only hop: when every chain needs more, the answer is "no path through posts",
    with the nearest chain under ``nearest``. A hop's ``relation`` keeps its
    direction: ``reversed`` is true when the walk goes from the relation's tail to its head
    (``multi-cloud is_a cloud computing`` walked from cloud computing). Bidirectional
    Dijkstra over a cached entity graph.

    Examples
    --------
    >>> from kgraph.graph.sample import sample_graph
    >>> r = explained_path(sample_graph(), "Airbnb", "sharding")
    >>> [(h["source_label"], h["target_label"], h["post"]) for h in r["hops"]]
    [('Airbnb', 'Kubernetes', 'post:airbnb-metrics'), ('Kubernetes', 'sharding', 'post:k8s-sharding')]
    >>> explained_path(sample_graph(), "Airbnb", "distributed estimation")["message"]
    "No path: nothing connects 'Airbnb' to 'distributed estimation' in this graph."
    """
    src, dst = resolve(G, a), resolve(G, b)
    base = {
        "source": src,
        "target": dst,
        "source_label": G.nodes[src]["label"],
        "target_label": G.nodes[dst]["label"],
    }
    EG = entity_graph(G)
    for node in (src, dst):
        if node not in EG:
            return {
                **base,
                "found": False,
                "hops": [],
                "cost": None,
                "message": f"{G.nodes[node]['label']!r} is a post; paths join entities.",
            }
    if src == dst:
        return {**base, "found": True, "hops": [], "cost": 0.0, "message": "Same entity."}
    try:
        cost, nodes = nx.bidirectional_dijkstra(EG, src, dst, weight="cost")
    except nx.NetworkXNoPath:
        return {
            **base,
            "found": False,
            "hops": [],
            "cost": None,
            "message": f"No path: nothing connects {base['source_label']!r} to "
            f"{base['target_label']!r} in this graph.",
        }
    # The cheapest path is usually through posts; only when it leans on the ontology more
    # than once, look for the cheapest one with at most one ontology-only hop.
    if _ontology_hops(EG, nodes) > 1:
        through_posts = _one_ontology_hop_path(EG, src, dst)
        if through_posts is None:
            return _no_path_through_posts(G, EG, base, cost, nodes)
        cost, nodes = through_posts
    hops = [_hop(G, EG, x, y) for x, y in itertools.pairwise(nodes)]
    ontology_hops = _ontology_hops(EG, nodes)
    message = f"{len(hops)} hop(s)."
    if ontology_hops:
        message += " One of them comes from the ontology only."
    return {
        **base,
        "found": True,
        "hops": hops,
        "cost": round(cost, 4),
        "ontology_hops": ontology_hops,
        "message": message,
    }


def _ontology_hops(EG: nx.Graph, nodes: list[str]) -> int:
    return sum(_ontology_only(EG, x, y) for x, y in itertools.pairwise(nodes))


def _no_path_through_posts(G, EG, base: dict, cost: float, nodes: list[str]) -> dict:
    """The answer when every chain leans on the ontology more than once.

    A chain of "is a kind of" hops joins almost anything to anything ("both are
    infrastructure software"), so it is not shown as a path. It is returned as
    ``nearest``, with the reason, for a caller that wants to show what little there is.
    """
    hops = [_hop(G, EG, x, y) for x, y in itertools.pairwise(nodes)]
    n = _ontology_hops(EG, nodes)
    return {
        **base,
        "found": False,
        "hops": [],
        "cost": None,
        "ontology_hops": n,
        "nearest": {"hops": hops, "cost": round(cost, 4), "ontology_hops": n},
        "message": f"No path through posts joins {base['source_label']!r} and "
        f"{base['target_label']!r}: the nearest chain takes {len(hops)} hops, {n} of them "
        "from the ontology alone (what kind of thing each is, not what a post says), so it "
        "is no evidence of a connection.",
    }
