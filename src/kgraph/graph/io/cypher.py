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


def write_cypher(G: nx.MultiDiGraph, out: Path, dialect: str = "neo4j") -> list[Path]:
    """A ``.cypher`` script: for ``cypher-shell -f`` / the Neo4j Browser (``neo4j``), or
    for an embedded Kùzu database (``kuzu``: its node and rel tables declared first)."""
    if dialect not in DIALECTS:
        raise ValueError(f"unknown Cypher dialect {dialect!r}; use one of {DIALECTS}")
    lines = statements(G) if dialect == "neo4j" else kuzu_statements(G)
    how = "cypher-shell -f FILE" if dialect == "neo4j" else "kuzu: each statement in turn"
    with out.open("w", encoding="utf-8") as fh:
        fh.write(
            f"// kgraph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges. "
            f"Run with: {how}\n"
        )
        for statement in lines:
            fh.write(statement + "\n")
    return [out]


# -- Kùzu (embedded Cypher): typed tables declared from the graph, then CREATE statements --

DIALECTS = ("neo4j", "kuzu")


def _kuzu_string(text: str) -> str:
    """A Kùzu string literal: Kùzu reads ``\\\\`` and ``\\'`` as escapes, everything else
    (newlines included) as it stands."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _kuzu_type(values: list) -> str:
    if all(isinstance(v, bool) for v in values):
        return "BOOLEAN"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "INT64"
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return "DOUBLE"
    if all(isinstance(v, list | tuple) and all(isinstance(x, str) for x in v) for v in values):
        return "STRING[]"
    return "STRING"


def _kuzu_value(v, type_: str) -> str:
    if type_ == "BOOLEAN":
        return "true" if v else "false"
    if type_ in ("INT64", "DOUBLE"):
        return repr(float(v) if type_ == "DOUBLE" else int(v))
    if type_ == "STRING[]":
        return "[" + ", ".join(_kuzu_string(x) for x in v) + "]"
    if isinstance(v, str):
        return _kuzu_string(v)
    return _kuzu_string(json.dumps(v, ensure_ascii=False, sort_keys=True))


def _label(d: dict) -> str:
    return str(d.get("kind", "node")).capitalize()


def _rel(k, d: dict) -> str:
    return str(d.get("type", k)).upper()


def kuzu_schema(G: nx.MultiDiGraph) -> tuple[dict, dict]:
    """Node tables ``{label: {key: type}}`` and rel tables ``{rel: (pairs, {key: type})}``."""
    node_values: dict[str, dict[str, list]] = {}
    for _n, d in G.nodes(data=True):
        table = node_values.setdefault(_label(d), {})
        for k, v in d.items():
            if v is not None and k != "id":
                table.setdefault(k, []).append(v)
    rel_values: dict[str, tuple[set, dict[str, list]]] = {}
    for u, v, k, d in G.edges(keys=True, data=True):
        pairs, table = rel_values.setdefault(_rel(k, d), (set(), {}))
        pairs.add((_label(G.nodes[u]), _label(G.nodes[v])))
        for key, value in d.items():
            if value is not None:
                table.setdefault(key, []).append(value)
    nodes = {t: {k: _kuzu_type(vs) for k, vs in cols.items()} for t, cols in node_values.items()}
    rels = {
        r: (sorted(pairs), {k: _kuzu_type(vs) for k, vs in cols.items()})
        for r, (pairs, cols) in rel_values.items()
    }
    return nodes, rels


def kuzu_statements(G: nx.MultiDiGraph):
    """The Kùzu script: table declarations, then one CREATE per node and per edge."""
    nodes, rels = kuzu_schema(G)
    for table, cols in sorted(nodes.items()):
        columns = "".join(f", {name(k)} {t}" for k, t in sorted(cols.items()))
        yield f"CREATE NODE TABLE {name(table)}(`id` STRING{columns}, PRIMARY KEY(`id`));"
    for rel, (pairs, cols) in sorted(rels.items()):
        ends = ", ".join(f"FROM {name(a)} TO {name(b)}" for a, b in pairs)
        columns = "".join(f", {name(k)} {t}" for k, t in sorted(cols.items()))
        yield f"CREATE REL TABLE {name(rel)}({ends}{columns});"
    for n, d in G.nodes(data=True):
        cols = nodes[_label(d)]
        values = [f"`id`: {_kuzu_string(str(n))}"] + [
            f"{name(k)}: {_kuzu_value(v, cols[k])}"
            for k, v in d.items()
            if v is not None and k != "id"
        ]
        yield f"CREATE (n:{name(_label(d))} {{{', '.join(values)}}});"
    for u, v, k, d in G.edges(keys=True, data=True):
        rel = _rel(k, d)
        cols = rels[rel][1]
        values = ", ".join(
            f"{name(key)}: {_kuzu_value(value, cols[key])}"
            for key, value in d.items()
            if value is not None
        )
        yield (
            f"MATCH (a:{name(_label(G.nodes[u]))} {{`id`: {_kuzu_string(str(u))}}}), "
            f"(b:{name(_label(G.nodes[v]))} {{`id`: {_kuzu_string(str(v))}}}) "
            f"CREATE (a)-[r:{name(rel)} {{{values}}}]->(b);"
        )


def split_statements(script: str) -> list[str]:
    """The statements of a script, split at ``;`` outside string literals and comments."""
    statements, current, quote, i = [], [], "", 0
    while i < len(script):
        ch = script[i]
        if quote:
            current.append(ch)
            if ch == "\\" and quote == "'" and i + 1 < len(script):
                current.append(script[i + 1])
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "'`\"":
            quote = ch
            current.append(ch)
        elif script.startswith("//", i):
            end = script.find("\n", i)
            i = len(script) if end < 0 else end
            continue
        elif ch == ";":
            statement = "".join(current).strip()
            if statement:
                statements.append(statement + ";")
            current = []
        else:
            current.append(ch)
        i += 1
    if "".join(current).strip():
        statements.append("".join(current).strip())
    return statements
