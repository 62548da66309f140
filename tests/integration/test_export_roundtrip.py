"""Every export re-read by its reader, with hostile titles in the graph."""

from __future__ import annotations

import csv
import json
import re
from html.parser import HTMLParser

import networkx as nx
import pytest

from kgraph.api import export
from kgraph.graph.io import flatten, read_gexf
from kgraph.graph.io.cypher import statements
from tests.support import graph_fixtures as fx

G = fx.graph()
FLAT = flatten(G)


def _same(H, expected=FLAT):
    assert H.number_of_nodes() == expected.number_of_nodes()
    assert H.number_of_edges() == expected.number_of_edges()
    for n, d in expected.nodes(data=True):
        assert {k: v for k, v in H.nodes[n].items() if k in d} == d
    for u, v, k, d in expected.edges(keys=True, data=True):
        assert {a: b for a, b in H.edges[u, v, k].items() if a in d} == d


def test_flat_attributes_are_graphml_safe():
    for _n, d in FLAT.nodes(data=True):
        assert all(isinstance(v, str | int | float | bool) for v in d.values())
    for *_e, d in FLAT.edges(keys=True, data=True):
        assert all(isinstance(v, str | int | float | bool) for v in d.values())
    assert "_kgraph_index" not in FLAT.graph


def test_graphml_round_trip(tmp_path):
    fx_graph = fx.graph()
    from kgraph.analysis import related_posts

    related_posts(fx_graph, "k8s")  # fills the cache on G.graph; it must not be exported
    export(fx_graph, "graphml", tmp_path / "g.graphml")
    H = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    _same(H)
    assert H.nodes["post:hostile"]["title"] == fx.HOSTILE_TITLE


def test_gexf_round_trip(tmp_path):
    export(G, "gexf", tmp_path / "g.gexf")
    _same(read_gexf(tmp_path / "g.gexf"))


def test_node_link_json_round_trip(tmp_path):
    export(G, "json", tmp_path / "g.json")
    H = nx.node_link_graph(json.loads((tmp_path / "g.json").read_text("utf-8")), edges="edges")
    _same(H, G)


def test_csv_round_trip(tmp_path):
    export(G, "csv", tmp_path / "csv")
    with (tmp_path / "csv" / "nodes.csv").open(encoding="utf-8", newline="") as fh:
        nodes = {r["id"]: r for r in csv.DictReader(fh)}
    with (tmp_path / "csv" / "edges.csv").open(encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    assert len(nodes) == G.number_of_nodes() and len(edges) == G.number_of_edges()
    assert nodes["post:hostile"]["title"] == fx.HOSTILE_TITLE
    assert nodes["TECHNOLOGY:Kubernetes"]["aliases"] == "K8s|k8s"


def _cypher_strings(statement: str) -> tuple[str, list[str]]:
    """The statement with every literal replaced by ``?``, and the decoded literals."""
    skeleton, literals, i = [], [], 0
    escapes = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}
    while i < len(statement):
        ch = statement[i]
        if ch != "'":
            skeleton.append(ch)
            i += 1
            continue
        i, buf = i + 1, []
        while statement[i] != "'":
            if statement[i] == "\\":
                nxt = statement[i + 1]
                if nxt == "u":
                    buf.append(chr(int(statement[i + 2 : i + 6], 16)))
                    i += 6
                    continue
                buf.append(escapes.get(nxt, nxt))
                i += 2
                continue
            buf.append(statement[i])
            i += 1
        literals.append("".join(buf))
        skeleton.append("?")
        i += 1
    return "".join(skeleton), literals


def test_cypher_escapes_every_string(tmp_path):
    node_re = re.compile(r"^MERGE \(n:`Node` \{id: \?\}\) SET n:`\w+`, n \+= \{.*\};$")
    edge_re = re.compile(
        r"^MATCH \(a:`Node` \{id: \?\}\), \(b:`Node` \{id: \?\}\) "
        r"MERGE \(a\)-\[r:`[A-Z_]+`\]->\(b\) SET r \+= \{.*\};$"
    )
    found = False
    for st in list(statements(G))[1:]:
        assert "\n" not in st
        skeleton, literals = _cypher_strings(st)
        assert node_re.match(skeleton) or edge_re.match(skeleton), skeleton
        assert ";" not in skeleton[:-1] and "'" not in skeleton
        found = found or fx.HOSTILE_TITLE in literals
    assert found
    export(G, "cypher", tmp_path / "g.cypher")
    assert (tmp_path / "g.cypher").read_text("utf-8").count(
        "\n"
    ) == G.number_of_nodes() + G.number_of_edges() + 2


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.scripts, self._in = [], [], None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in = tag if tag == "script" else None
        if tag == "script":
            self.scripts.append("")

    def handle_data(self, data):
        if self._in == "script":
            self.scripts[-1] += data

    def handle_endtag(self, tag):
        self._in = None


def test_html_is_offline_and_escaped(tmp_path):
    export(G, "html", tmp_path / "g.html")
    text = (tmp_path / "g.html").read_text("utf-8")
    page = _Page()
    page.feed(text)
    for tag, attrs in page.tags:
        assert "src" not in attrs and "href" not in attrs, (tag, attrs)
    assert [t for t, _a in page.tags].count("script") == 3  # data, vis-network, ours
    assert "vis.Network" in page.scripts[1] + page.scripts[2]
    data = json.loads(page.scripts[0])
    titles = {n["id"]: n for n in data["nodes"]}
    assert titles["post:hostile"]["label"] == fx.HOSTILE_TITLE[:60]
    assert "<script>alert" not in text and "</script><img" not in text
    assert text.count("</script>") == 3


def test_unknown_format_and_directory_output(tmp_path):
    from kgraph.errors import KgraphError

    with pytest.raises(KgraphError):
        export(G, "dot", tmp_path / "g.dot")
    with pytest.raises(KgraphError):
        export(G, "graphml", tmp_path)
