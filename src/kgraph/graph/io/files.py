"""Exports that standard readers open: GraphML, GEXF, node-link JSON, and two CSV tables.

GraphML and GEXF replace characters XML forbids with U+FFFD (:func:`flat.xml_safe`). CSV
cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return) get a leading ``'``, as OWASP advises against CSV injection.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx

from kgraph.graph.io.atomic import atomic_path
from kgraph.graph.io.flat import flat_attrs, public_graph_attrs, xml_safe

NODE_COLUMNS = ("id", "kind", "label")
EDGE_COLUMNS = ("source", "target", "key", "type", "weight")


def write_graphml(G: nx.MultiDiGraph, out: Path) -> list[Path]:
    """GraphML (Gephi, yEd, Cytoscape, ``networkx.read_graphml``)."""
    nx.write_graphml(xml_safe(G), out, encoding="utf-8")
    return [out]


def write_gexf(G: nx.MultiDiGraph, out: Path) -> list[Path]:
    """GEXF 1.2 (Gephi, ``networkx.read_gexf``). GEXF reserves edge ``type``
    (directed/undirected) and node ``parents`` (hierarchy), so ours travel as ``relation``
    and ``parent_names``; :func:`read_gexf` restores them."""
    H = xml_safe(G)
    for _u, _v, d in H.edges(data=True):
        d["relation"] = d.pop("type")
    for _n, d in H.nodes(data=True):
        if "parents" in d:
            d["parent_names"] = d.pop("parents")
    nx.write_gexf(H, out, encoding="utf-8")
    return [out]


def read_gexf(path: Path) -> nx.MultiDiGraph:
    """Read our GEXF back, restoring the edge ``type`` attribute."""
    H = nx.read_gexf(path)
    for _u, _v, d in H.edges(data=True):
        d.pop("id", None)
        d["type"] = d.pop("relation")
    for _n, d in H.nodes(data=True):
        if "parent_names" in d:
            d["parents"] = d.pop("parent_names")
    return H


def write_json(G: nx.MultiDiGraph, out: Path) -> list[Path]:
    """node-link JSON (d3, ``networkx.node_link_graph(data, edges="edges")``); lists kept."""
    H = nx.MultiDiGraph()
    H.graph.update(public_graph_attrs(G))
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from(G.edges(keys=True, data=True))
    data = nx.node_link_data(H, edges="edges")
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return [out]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet treat a cell as a formula (OWASP, CSV injection)."""


def csv_cell(value):
    """``value`` for a CSV cell: text that a spreadsheet would run as a formula gets a
    leading ``'`` (shown as text, not evaluated); numbers are left as numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _columns(rows: list[dict], first: tuple[str, ...]) -> list[str]:
    rest = sorted({k for r in rows for k in r} - set(first))
    return [*first, *rest]


def _cells(row: dict) -> dict:
    return {k: csv_cell(v) for k, v in row.items()}


def write_csv(G: nx.MultiDiGraph, out: Path) -> list[Path]:
    """``nodes.csv`` and ``edges.csv`` in the directory ``out`` (pandas, spreadsheets, Neo4j
    LOAD CSV). List cells are ``|``-joined, evidence JSON-encoded; formula-like text cells
    start with ``'`` (see :func:`csv_cell`)."""
    out.mkdir(parents=True, exist_ok=True)
    nodes = [_cells({"id": n, **flat_attrs(d)}) for n, d in G.nodes(data=True)]
    edges = [
        _cells({"source": u, "target": v, "key": k, **flat_attrs(d)})
        for u, v, k, d in G.edges(keys=True, data=True)
    ]
    paths = []
    for name, rows, first in (
        ("nodes.csv", nodes, NODE_COLUMNS),
        ("edges.csv", edges, EDGE_COLUMNS),
    ):
        path = out / name
        with atomic_path(path) as tmp, tmp.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=_columns(rows, first), restval="")
            writer.writeheader()
            writer.writerows(rows)
        paths.append(path)
    return paths
