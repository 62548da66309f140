"""The graph the build stores for the app (kgraph.graph.stored) answers as the whole graph.

``api.load_app_graph`` joins the stored entity level with the posts and the post-entity
arrays, and reads sentences from the store when asked. These tests build a real store (the
shipped corpus plus the real gold summaries, with the shipped model) and compare it with
``api.load_graph``'s graph, made from every mention with its sentence.
"""

from __future__ import annotations

import sqlite3

import pytest

from kgraph import analysis, api, config
from kgraph.graph.bipartite import LAYER_KEY, degree
from kgraph.graph.evidence import edge_posts, mention_evidence, post_summary, stated_evidence
from kgraph.model import TEXT_RELATION_EDGES
from kgraph.store import open_store

pytestmark = [pytest.mark.model, pytest.mark.slow]

GOLD = config.GOLD_DIR / "real-dev.jsonl"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("appgraph") / "kg.db"
    api.build([config.SHIPPED_CORPUS, GOLD], db=db)
    return db


@pytest.fixture(scope="module")
def graphs(store):
    return api.load_graph(store), api.load_app_graph(store)


def test_the_build_stores_the_app_graph_for_its_build(store, graphs):
    _full, app = graphs
    assert LAYER_KEY in app.graph  # not the fallback: the stored graph was used
    with open_store(store) as s:
        assert s.graph_built_for() == s.latest_build()["id"]


def test_same_nodes_edges_and_attributes(graphs):
    full, app = graphs
    assert list(full.nodes) == list(app.nodes)
    assert list(full.edges(keys=True)) == list(app.edges(keys=True))
    for n, d in full.nodes(data=True):
        assert {k: v for k, v in d.items() if k != "summary"} == app.nodes[n], n
        assert degree(app, n) == full.degree(n) == app.degree(n), n
        if d["kind"] == "post":
            assert post_summary(app, n) == d["summary"]
    for u, v, k, d in full.edges(keys=True, data=True):
        got = app.edges[u, v, k]
        left_out = {"evidence"} if k in ("mentions", *TEXT_RELATION_EDGES) else set()
        left_out |= {"posts"} if k == "related" else set()
        assert {x: y for x, y in d.items() if x not in left_out} == got, (u, v, k)
        if k == "mentions":
            assert mention_evidence(app, u, v) == d["evidence"]
        elif k == "related":
            assert edge_posts(app, u, v, got) == d["posts"]
        elif k in TEXT_RELATION_EDGES:
            assert stated_evidence(app, u, v, k) == d["evidence"]


def test_same_answers(graphs):
    full, app = graphs
    entities = [n for n, k in full.nodes(data="kind") if k != "post"]
    posts = [n for n, k in full.nodes(data="kind") if k == "post"]
    for node in entities:
        for name in ("entity_card", "related_posts", "reading_path", "entity_relations"):
            assert getattr(analysis, name)(app, node) == getattr(analysis, name)(full, node)
        assert analysis.ego_subgraph(app, node, depth=2, cap=80) == analysis.ego_subgraph(
            full, node, depth=2, cap=80
        )
    for post in posts:
        for name in ("similar_posts", "read_next", "entity_card"):
            assert getattr(analysis, name)(app, post) == getattr(analysis, name)(full, post)
    for a, b in (("Airbnb", "sharding"), ("Cloudflare", "Kubernetes"), ("Slack", "Apache Kafka")):
        assert analysis.explained_path(app, a, b) == analysis.explained_path(full, a, b)
    for name in ("top_entities", "communities", "migrations", "rising", "glossary"):
        assert getattr(analysis, name)(app) == getattr(analysis, name)(full)


def test_a_warm_rebuild_keeps_the_stored_graph_and_a_new_build_replaces_it(store, tmp_path):
    with open_store(store) as s:
        before = s.graph_built_for()
    api.build([config.SHIPPED_CORPUS, GOLD], db=store)
    with open_store(store) as s:
        assert s.graph_built_for() == before
    api.build([config.SHIPPED_CORPUS], db=store)
    app, full = api.load_app_graph(store), api.load_graph(store)
    assert LAYER_KEY in app.graph and app.graph["build_id"] > before
    assert list(app.edges(keys=True)) == list(full.edges(keys=True))


def test_an_app_graph_is_exported_whole(graphs, tmp_path):
    _full, app = graphs
    (out,) = api.export(app, "json", tmp_path / "g.json")
    assert '"evidence"' in out.read_text(encoding="utf-8")


def test_a_store_without_the_graph_tables_is_read_whole(store, tmp_path):
    copy = tmp_path / "kg.db"
    copy.write_bytes(store.read_bytes())
    with sqlite3.connect(copy) as conn:
        conn.execute("DELETE FROM graph_meta")
    G = api.load_app_graph(copy)
    assert LAYER_KEY not in G.graph and G.number_of_edges() > 0
