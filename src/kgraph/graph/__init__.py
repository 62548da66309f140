"""The knowledge graph: a typed NetworkX MultiDiGraph built from a store snapshot.

``build_graph(snapshot, ontology)`` is a pure function of what the store handed over; the
graph stage reads neither the store nor the API (``kgraph.api.load_graph`` does both).
Exports live in :mod:`kgraph.graph.io`.
"""

from kgraph.graph.construct import build_graph
from kgraph.model import EDGE_TYPES, NODE_KINDS

__all__ = ["EDGE_TYPES", "NODE_KINDS", "build_graph"]
