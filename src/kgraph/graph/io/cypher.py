"""A Neo4j script of ``MERGE`` statements; every string is an escaped literal.

Labels, relationship types and property keys come from fixed sets (node kinds, edge types,
our attribute names) and are backtick-quoted anyway, so no input text can reach the
statement structure: titles only ever appear inside single-quoted, escaped literals.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx

_ESCAPES = {
    "\\": "\\\\",
    "'": "\\'",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}
_NEEDS = re.compile(r"[\\'\"\x00-\x1f\x7f\u2028\u2029]")


def _escape_char(m: re.Match) -> str:
    ch = m.group()
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04x}"


def string(text: str) -> str:
    """A Cypher single-quoted string literal that means exactly ``text``."""
    return "'" + _NEEDS.sub(_escape_char, text) + "'"


def name(identifier: str) -> str:
    """A backtick-quoted identifier (backticks doubled, as Cypher requires)."""
    return "`" + identifier.replace("`", "``") + "`"


def value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, str):
        return string(v)
    if isinstance(v, list | tuple) and all(isinstance(x, str) for x in v):
        return "[" + ", ".join(string(x) for x in v) + "]"
    return string(json.dumps(v, ensure_ascii=False, sort_keys=True))


def props(attrs: dict) -> str:
    return (
        "{" + ", ".join(f"{name(k)}: {value(v)}" for k, v in attrs.items() if v is not None) + "}"
    )


def statements(G: nx.MultiDiGraph):
    """The script, one statement at a time (each ends with ``;``)."""
    yield "CREATE CONSTRAINT kgraph_node_id IF NOT EXISTS FOR (n:`Node`) REQUIRE n.id IS UNIQUE;"
    for n, d in G.nodes(data=True):
        label = name(d.get("kind", "node").capitalize())
        yield (f"MERGE (n:`Node` {{id: {string(n)}}}) SET n:{label}, n += {props(d)};")
    for u, v, k, d in G.edges(keys=True, data=True):
        rel = name(str(d.get("type", k)).upper())
        yield (
            f"MATCH (a:`Node` {{id: {string(u)}}}), (b:`Node` {{id: {string(v)}}}) "
            f"MERGE (a)-[r:{rel}]->(b) SET r += {props(d)};"
        )


def write_cypher(G: nx.MultiDiGraph, out: Path) -> list[Path]:
    """A ``.cypher`` script for ``cypher-shell -f`` or the Neo4j Browser."""
    with out.open("w", encoding="utf-8") as fh:
        fh.write(
            f"// kgraph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges. "
            "Run with: cypher-shell -f FILE\n"
        )
        for statement in statements(G):
            fh.write(statement + "\n")
    return [out]
