"""The Cypher export loaded into a real Cypher engine, Kùzu (issue 15, case 17).

``kgraph export --format cypher --dialect kuzu`` declares node and relationship tables
from the graph, then creates every node and edge. Every statement is run in an embedded
Kùzu database, and the database is queried back against the graph: nodes per label, and
one entity's edges with their properties. Hostile titles travel through the literals.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest
from click.testing import CliRunner

from kgraph import api
from kgraph.cli import main
from kgraph.corpus import SHIPPED_CORPUS
from kgraph.graph.io.cypher import split_statements
from tests.support.graph_fixtures import HOSTILE_TITLE
from tests.support.ui_fixtures import make_store

kuzu = pytest.importorskip("kuzu")


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kuzu")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(
        "".join(
            json.dumps({"title": f"{t} Kafka", "summary": f"{t} on Postgres"}) + "\n"
            for t in (HOSTILE_TITLE, "Back\\slash's \\' end", "semi; colon\n// not a comment")
        ),
        encoding="utf-8",
    )
    db = make_store(folder / "k.db", sources=[SHIPPED_CORPUS, hostile])
    G = api.load_graph(db)
    script = folder / "graph.cypher"
    result = CliRunner().invoke(
        main,
        ["export", "--db", str(db), "--format", "cypher", "--dialect", "kuzu", "-o", str(script)],
    )
    assert result.exit_code == 0, result.output
    conn = kuzu.Connection(kuzu.Database(str(folder / "kuzu-db")))
    statements = split_statements(script.read_text(encoding="utf-8"))
    for statement in statements:
        conn.execute(statement)
    return G, conn, statements


def _rows(conn, query, **params):
    result = conn.execute(query, params)
    rows = []
    while result.has_next():
        rows.append(result.get_next())
    return rows


def test_every_statement_runs(loaded):
    G, _conn, statements = loaded
    tables = [s for s in statements if s.startswith("CREATE NODE TABLE") or "REL TABLE" in s]
    assert len(statements) == len(tables) + G.number_of_nodes() + G.number_of_edges()


def test_node_counts_per_label_match_the_graph(loaded):
    G, conn, _ = loaded
    expected = Counter(str(d["kind"]).capitalize() for _n, d in G.nodes(data=True))
    for label, count in expected.items():
        assert _rows(conn, f"MATCH (n:`{label}`) RETURN count(n)") == [[count]], label
    assert _rows(conn, "MATCH ()-[r]->() RETURN count(r)") == [[G.number_of_edges()]]


def test_one_entitys_edges_and_properties_match_the_graph(loaded):
    G, conn, _ = loaded
    node = max((n for n, d in G.nodes(data=True) if d["kind"] == "technology"), key=G.degree)
    expected = sorted(
        (str(d["type"]).upper(), v, float(d["weight"])) for _u, v, d in G.out_edges(node, data=True)
    )
    got = sorted(
        (label, target, float(weight))
        for label, target, weight in _rows(
            conn,
            "MATCH (a {id: $id})-[r]->(b) RETURN label(r), b.id, r.weight",
            id=node,
        )
    )
    assert got == expected and got
    incoming = _rows(conn, "MATCH (a)-[r]->(b {id: $id}) RETURN count(r)", id=node)
    assert incoming == [[G.in_degree(node)]]


def test_hostile_titles_arrive_as_they_are(loaded):
    G, conn, _ = loaded
    titles = {d["label"] for _n, d in G.nodes(data=True) if d["kind"] == "post"}
    stored = {row[0] for row in _rows(conn, "MATCH (p:`Post`) RETURN p.label")}
    assert stored == titles
    assert any("'" in t or "\\" in t for t in stored)
