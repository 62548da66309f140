"""Write the graph for other tools: GraphML, GEXF, node-link JSON, CSV, Cypher, offline HTML."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from kgraph.errors import KgraphError
from kgraph.graph.io.atomic import atomic_path
from kgraph.graph.io.cypher import write_cypher
from kgraph.graph.io.files import read_gexf, write_csv, write_gexf, write_graphml, write_json
from kgraph.graph.io.flat import flatten

__all__ = ["FORMATS", "export", "flatten", "read_gexf", "write_cypher"]

FORMATS = {
    "graphml": write_graphml,
    "gexf": write_gexf,
    "json": write_json,
    "csv": write_csv,
    "cypher": write_cypher,
}


def export(G: nx.MultiDiGraph, fmt: str, out: str | Path, writers=None) -> list[Path]:
    """Write ``G`` as ``fmt`` to ``out`` (a directory for csv); returns the files written.

    ``writers`` extends :data:`FORMATS` (the API adds the view stage's HTML page). Each
    file is written to a temporary name beside it and renamed when complete, so an
    interrupted export leaves the previous file whole.
    """
    writers = {**FORMATS, **(writers or {})}
    if fmt not in writers:
        raise KgraphError(f"Unknown export format {fmt!r}; use one of {', '.join(writers)}.")
    out = Path(out)
    if fmt != "csv" and out.is_dir():
        raise KgraphError(f"{out} is a directory; give a file name, e.g. {out / ('graph.' + fmt)}")
    if fmt == "csv":
        return writers[fmt](G, out)  # writes each of its files atomically itself
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(out) as tmp:
        writers[fmt](G, tmp)
    return [out]
