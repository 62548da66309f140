"""The app's view of the graph: the cached pair table, the link backbone, the layout, warm()."""

from __future__ import annotations

import networkx as nx
import numpy as np

from kgraph import analysis
from kgraph.view import pairs
from kgraph.view.payload import layout, view_payload
from tests.support import graph_fixtures as fx


def _slow(G, keep, min_weight=float("-inf")):
    where = {n: i for i, n in enumerate(keep)}
    arrays = pairs._arrays(pairs._pairs(G, keep, where, min_weight))
    order = np.lexsort((arrays[1], arrays[0]))
    return [a[order] for a in arrays]


def test_pair_table_slice_equals_walking_the_view():
    G = fx.graph()
    keep = sorted(G)
    fast = pairs.view_pairs(G, keep)
    assert len(fast[0]) > 10
    assert all(np.array_equal(a, b) for a, b in zip(fast, _slow(G, keep), strict=True))
    part = keep[::2]
    assert all(
        np.array_equal(a, b) for a, b in zip(pairs.view_pairs(G, part), _slow(G, part), strict=True)
    )


def test_a_filtering_min_weight_walks_the_view():
    G = fx.graph()
    keep = sorted(G)
    heavy = pairs.view_pairs(G, keep, min_weight=2.0)
    assert (heavy[4] >= 2.0).all()
    assert len(heavy[0]) < len(pairs.view_pairs(G, keep)[0])


def test_backbone_keeps_each_nodes_strongest_links_only():
    G = nx.MultiDiGraph()
    hub = "CONCEPT:hub"
    G.add_node(hub, kind="concept", label="hub")
    for i in range(30):
        G.add_node(f"CONCEPT:n{i:02d}", kind="concept", label=f"n{i}")
        G.add_edge(hub, f"CONCEPT:n{i:02d}", key="related", type="related", weight=float(i + 2))
    for i in range(29):  # a chain among the leaves, weight 1
        G.add_edge(
            f"CONCEPT:n{i:02d}", f"CONCEPT:n{i + 1:02d}", key="related", type="related", weight=1.0
        )
    nodes = list(G)
    full = view_payload(G, nodes, layout(G, nodes))
    thin = view_payload(G, nodes, layout(G, nodes), links_per_node=1)
    assert len(full["edges"]) == 59
    # Every leaf's strongest link is to the hub; the weight-1 chain links are nobody's top 1.
    assert {(e["from"], e["to"]) for e in thin["edges"]} == {
        (hub, f"CONCEPT:n{i:02d}") for i in range(30)
    }


def test_layout_is_seeded_and_finite():
    G = fx.graph()
    nodes = sorted(G)
    pos = layout(G, nodes, seed=7)
    assert pos == layout(G, list(reversed(nodes)), seed=7)
    assert all(np.isfinite(xy).all() for xy in pos.values())


def test_warm_computes_whole_graph_results_once():
    G = fx.graph()
    analysis.warm(G)
    memo = G.graph["_kgraph_index"][1].memo
    pagerank = memo["pagerank"]
    analysis.entity_card(G, "Kubernetes")
    assert memo["pagerank"] is pagerank


def test_a_turns_post_keeps_its_name_off_the_bold_link():
    """The post behind a hop down to the next row sits outside the turn, far enough that its
    name (up to 32 characters, ~200 px, centred under it) does not cross the link at the
    zoom a 3-node row opens with (~1.1 screen px per unit)."""
    from kgraph.view.path_layout import STEP_X, path_layout

    view = {"nodes": [{"id": i, "x": 0, "y": 0} for i in "abcdp"], "edges": []}
    out = {n["id"]: n for n in path_layout(view, ["a", "b", "c", "d"], [None, None, "p"])["nodes"]}
    link_x = out["c"]["x"]
    assert out["d"]["x"] == link_x  # c -> d turns down
    assert out["p"]["x"] - link_x >= 100 / 1.1 + 20, (out["p"], STEP_X)
