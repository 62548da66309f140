"""The knowledge graph: a typed NetworkX MultiDiGraph built from the store.

``build_graph(snapshot, ontology)`` is a pure function; ``load_graph(db)`` reads the store
and the default ontology first. Exports live in :mod:`kgraph.graph.io`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from kgraph.graph.build import EDGE_TYPES, NODE_KINDS, build_graph

__all__ = ["EDGE_TYPES", "NODE_KINDS", "build_graph", "load_graph"]


def load_graph(
    db: str | Path | None = None, *, ontology=None, ontology_files: Iterable[str | Path] = ()
) -> nx.MultiDiGraph:
    """The graph of the store at ``db`` (default ``data/kgraph.db``) with the default ontology.

    Pass ``ontology`` to use one already loaded (the app caches it).
    """
    from kgraph.api import load_snapshot
    from kgraph.ontology import load_ontology

    snapshot = load_snapshot(db)
    if ontology is None:
        ontology = load_ontology(ontology_files)
    return build_graph(snapshot, ontology)
