"""Compute every cached whole-graph result up front, so no user's first click pays for it."""

from __future__ import annotations

import networkx as nx

from kgraph.analysis._index import entity_graph, get_index
from kgraph.analysis.centrality import centrality
from kgraph.analysis.communities import community_of
from kgraph.analysis.ego import neighbour_lists
from kgraph.graph.bipartite import LAYER_KEY
from kgraph.model import ENTITY_KINDS

__all__ = ["warm", "warm_after_first_view"]


def warm(G: nx.MultiDiGraph, measures: tuple[str, ...] = ("pagerank", "degree")) -> None:
    """Build the indexes, entity graph, centrality, communities and ego lists of ``G``.

    They are cached on ``G.graph`` (see :mod:`._index`), so the app calls this once per
    loaded graph. Betweenness is left out by default: it is the slow one and only the
    Insights page asks for it.

    Examples
    --------
    >>> from kgraph.graph.sample import sample_graph
    >>> G = sample_graph()
    >>> warm(G)
    >>> sorted(k if isinstance(k, str) else k[0] for k in G.graph["_kgraph_index"][1].memo)
    ['communities', 'community_of', 'degree', 'ego_neighbours', 'entity_graph', 'pagerank']
    """
    get_index(G)
    for measure in measures:
        centrality(G, measure)
    community_of(G, "")
    if LAYER_KEY in G.graph:
        # An app graph comes with its centrality and communities (kgraph.graph.stored);
        # the rest can wait until the first view is drawn: see warm_after_first_view.
        return
    entity_graph(G)
    neighbour_lists(G, kinds=ENTITY_KINDS)


def warm_after_first_view(G: nx.MultiDiGraph) -> None:
    """What an app graph's first clicks need and :func:`warm` left out (the entity graph of
    cards and paths, ~2 s at 100,000 posts). The app runs it in a background thread."""
    if LAYER_KEY in G.graph:
        entity_graph(G)
        from kgraph.analysis.learning import _idea_counts

        _idea_counts(G)
