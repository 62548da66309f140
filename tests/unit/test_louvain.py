"""kgraph's Louvain gives NetworkX's communities, in NetworkX's order, for the same seed."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from kgraph.analysis.louvain import louvain_communities
from kgraph.graph.sample import sample_graph


def _weighted(n: int, m: int, seed: int, loops: bool) -> nx.Graph:
    rng = random.Random(seed)
    G = nx.gnm_random_graph(n, m, seed=seed)
    for u, v in G.edges:
        G[u][v]["weight"] = rng.choice([1.0, 2.0, 0.5, 3.0, rng.random() * 5])
    if loops:  # a merged community's self-loop, as a caller may pass one
        G.add_edge(3, 3, weight=2.0)
    # string names, in an order other than their sorted one, as the entity graph's are
    return nx.relabel_nodes(G, {i: f"E:{(i * 7919) % n:04d}" for i in G})


GRAPHS = {
    "karate": nx.karate_club_graph,
    "les_miserables": nx.les_miserables_graph,
    "random": lambda: _weighted(400, 3000, 1, loops=False),
    "random_self_loop": lambda: _weighted(300, 2500, 2, loops=True),
    "unweighted": lambda: nx.gnm_random_graph(200, 900, seed=3),
    "empty": nx.Graph,
}


@pytest.mark.parametrize("name", sorted(GRAPHS))
@pytest.mark.parametrize("seed", [42, 7])
def test_same_communities_as_networkx(name, seed):
    G = GRAPHS[name]()
    expected = nx.community.louvain_communities(G, weight="weight", seed=seed)
    assert louvain_communities(G, weight="weight", seed=seed) == expected


def test_the_entity_graph_of_the_sample():
    from kgraph.analysis._index import entity_graph

    EG = entity_graph(sample_graph())
    expected = nx.community.louvain_communities(EG, weight="weight", seed=42)
    assert louvain_communities(EG, weight="weight", seed=42) == expected


def test_other_graphs_go_to_networkx():
    D = nx.DiGraph([(1, 2), (2, 3), (3, 1), (4, 5)])
    expected = nx.community.louvain_communities(D, seed=1)
    assert louvain_communities(D, seed=1) == expected
