"""The questions kgraph answers, as pure functions of the graph (networkx style).

Every function takes the graph from :func:`kgraph.graph.build_graph` first. Shared indexes
are computed once per graph and cached on ``G.graph`` (see :mod:`._index`).
"""

from kgraph.analysis._index import entity_graph
from kgraph.analysis.card import entity_card
from kgraph.analysis.centrality import centrality, top_entities
from kgraph.analysis.communities import communities, community_of, louvain_groups, set_groups
from kgraph.analysis.compare import company_posts, company_technology_matrix, compare_companies
from kgraph.analysis.ego import ego_subgraph
from kgraph.analysis.learning import glossary, read_first, read_next, reading_path
from kgraph.analysis.paths import explain_edge, explained_path, hop_arrow
from kgraph.analysis.posts import POST_COLUMNS, post_rows, post_spans
from kgraph.analysis.precompute import warm, warm_after_first_view
from kgraph.analysis.related import edge_evidence, related_posts
from kgraph.analysis.relations import entity_relations, migrations
from kgraph.analysis.resolve import resolve, search, suggestions
from kgraph.analysis.similar import similar_posts
from kgraph.analysis.timeline import in_period, monthly_counts, rising, whats_new
from kgraph.graph.evidence import post_summary

__all__ = [
    "POST_COLUMNS",
    "centrality",
    "communities",
    "community_of",
    "company_posts",
    "company_technology_matrix",
    "compare_companies",
    "edge_evidence",
    "ego_subgraph",
    "entity_card",
    "entity_graph",
    "entity_relations",
    "explain_edge",
    "explained_path",
    "glossary",
    "hop_arrow",
    "in_period",
    "louvain_groups",
    "migrations",
    "monthly_counts",
    "post_rows",
    "post_spans",
    "post_summary",
    "read_first",
    "read_next",
    "reading_path",
    "related_posts",
    "resolve",
    "rising",
    "search",
    "set_groups",
    "similar_posts",
    "suggestions",
    "top_entities",
    "warm",
    "warm_after_first_view",
    "whats_new",
]
