"""Paths read the right way: the arrow follows the relation, and ontology-only hops cost more."""

from __future__ import annotations

import networkx as nx

from kgraph.analysis import explained_path, hop_arrow
from kgraph.analysis.paths import _one_ontology_hop_path


def _graph():
    """A → B only through two ontology hops; A → B through posts is longer."""
    G = nx.MultiDiGraph()
    for n in "ABCDEFG":
        G.add_node(n, kind="concept", label=n, post_count=1)
    G.add_edge("A", "C", "is_a", type="is_a", weight=1.0)
    G.add_edge("B", "C", "is_a", type="is_a", weight=1.0)
    for u, v in [("A", "D"), ("D", "E"), ("E", "F"), ("F", "B")]:
        G.add_edge(u, v, "related", type="related", weight=1.0, posts=[])
    return G


def test_arrow_follows_the_relation():
    assert hop_arrow({"relation": "is_a", "reversed": True}) == ("←[", "is_a", "]—")
    assert hop_arrow({"relation": "is_a", "reversed": False}) == ("—[", "is_a", "]→")


def test_two_ontology_hops_lose_to_a_longer_path_through_posts():
    from kgraph.analysis._index import entity_graph

    EG = entity_graph(_graph())
    _cost, nodes = _one_ontology_hop_path(EG, "A", "B")
    assert nodes == ["A", "D", "E", "F", "B"]
    G = _graph()
    G.remove_edge("F", "B", "related")
    EG = entity_graph(G)
    assert _one_ontology_hop_path(EG, "A", "B") is None  # only the two-ontology-hop path


def test_reversed_is_true_when_the_walk_goes_against_is_a():
    G = nx.MultiDiGraph()
    for n in ("cloud computing", "multi-cloud"):
        G.add_node(n, kind="concept", label=n, post_count=1)
    G.add_edge("multi-cloud", "cloud computing", "is_a", type="is_a", weight=1.0)
    r = explained_path(G, "cloud computing", "multi-cloud")
    (hop,) = r["hops"]
    assert hop["reversed"] is True and hop["relation"] == "is_a"
    assert "multi-cloud is a kind of cloud computing" in hop["sentence"]


def test_a_chain_leaning_on_the_ontology_twice_is_no_path():
    G = _graph()
    G.remove_edge("F", "B", "related")
    r = explained_path(G, "A", "B")
    assert r["found"] is False and r["hops"] == []
    assert r["message"].startswith("No path through posts joins 'A' and 'B'")
    nearest = r["nearest"]
    assert [h["target_label"] for h in nearest["hops"]] == ["C", "B"]
    assert nearest["ontology_hops"] == 2
    # the walk A → C follows is_a; C → B goes against it, and says so
    assert [h["reversed"] for h in nearest["hops"]] == [False, True]


def test_one_ontology_hop_is_a_path_and_says_so():
    G = _graph()
    G.remove_edge("F", "B", "related")
    G.add_edge("C", "B", "related", type="related", weight=1.0, posts=[])
    r = explained_path(G, "A", "B")
    assert r["found"] is True and r["ontology_hops"] == 1
    assert "One of them comes from the ontology only" in r["message"]
