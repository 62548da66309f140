"""Query latencies on a built graph: related posts, explained path, entity card, app payload.

Each query runs on a seeded sample of entities, so two runs time the same questions.
"""

from __future__ import annotations

import gc
import random
import statistics
import time
from collections.abc import Callable

from kgraph import analysis
from kgraph.analysis import ego_subgraph
from kgraph.view.payload import LINKS_PER_NODE, layout, view_payload


def percentiles(samples_s: list[float]) -> dict:
    """p50 and p95 in milliseconds of a list of durations in seconds."""
    ms = sorted(s * 1000 for s in samples_s)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return {"p50_ms": round(statistics.median(ms), 3), "p95_ms": round(p95, 3), "n": len(ms)}


def _timed(fn: Callable, args: list[tuple]) -> dict:
    samples = []
    for a in args:
        t = time.perf_counter()
        fn(*a)
        samples.append(time.perf_counter() - t)
    return percentiles(samples)


def _entities(G, rng: random.Random, k: int) -> list[str]:
    """A seeded sample of entity nodes, weighted toward common ones as users' clicks are."""
    nodes = sorted(n for n, d in G.nodes(data=True) if d.get("kind") != "post")
    if not nodes:
        return []
    weights = [1 + G.degree(n) for n in nodes]
    return rng.choices(nodes, weights, k=k)


def measure_queries(G, *, n: int = 50, seed: int = 42, notes: list[str]) -> dict:
    """p50/p95 of each query over ``n`` sampled entities (pairs for paths)."""
    rng = random.Random(seed)
    sample = _entities(G, rng, n)
    if not sample:
        notes.append("queries skipped: the graph has no entity nodes")
        return {}
    pairs = list(zip(sample, _entities(G, rng, n), strict=True))
    label = {s: G.nodes[s].get("label", s) for s in {*sample, *(b for _, b in pairs)}}
    plan = {
        "related_posts": ("related_posts", [(G, label[s]) for s in sample]),
        "explained_path": ("explained_path", [(G, label[a], label[b]) for a, b in pairs]),
        "entity_card": ("entity_card", [(G, label[s]) for s in sample]),
    }
    out = {}
    # The app freezes its long-lived graph out of the cyclic GC (kgraph.ui.loaders); do the
    # same, or a full collection walking ~2M graph objects adds ~0.4 s to random samples.
    gc.freeze()
    try:
        _time_plan(analysis, plan, out, notes)
        payload = measure_payload(G, sample[: max(5, n // 5)], notes)
    finally:
        gc.unfreeze()
    if payload:
        out["subgraph_payload_300"] = payload
    return out


def _time_plan(analysis, plan: dict, out: dict, notes: list[str]) -> None:
    for name, (func, args) in plan.items():
        fn = getattr(analysis, func)
        t = time.perf_counter()
        fn(*args[0])  # warm any lazily built index, as the app's first click would
        first_ms = round((time.perf_counter() - t) * 1000, 1)
        out[name] = {**_timed(fn, args), "first_ms": first_ms}


def measure_payload(G, centers: list[str], notes: list[str]) -> dict:
    """The app's graph view: a capped 300-node ego subgraph, its layout and its JSON payload."""
    # The biggest views are the slow ones: centre on the highest-degree entities.
    centers = sorted(set(centers), key=lambda c: (-G.degree(c), c))[:10]

    def view(center: str) -> int:
        nodes, _ = ego_subgraph(G, center, depth=2, cap=300)
        view_payload(G, nodes, layout(G, nodes, seed=42), links_per_node=LINKS_PER_NODE)
        return len(nodes)

    t = time.perf_counter()
    # Warm what the app computes once when it loads a graph (kgraph.ui.loaders): the
    # analysis caches (kgraph.analysis.warm) and the node-pair table of the views.
    analysis.warm(G)
    view(centers[0])
    first_ms = round((time.perf_counter() - t) * 1000, 1)
    samples, sizes = [], []
    for center in centers:
        t = time.perf_counter()
        sizes.append(view(center))
        samples.append(time.perf_counter() - t)
    return {**percentiles(samples), "nodes_max": max(sizes), "first_ms": first_ms}
