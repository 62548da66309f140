"""AppTest of the explorer's second version: link evidence, the post panel, weights, pages.

The store is the shipped corpus built with the test extractor (tests/ui_fixtures.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kgraph import analysis, api
from tests.support.ui_fixtures import make_store

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return make_store(tmp_path_factory.mktemp("ui2") / "kgraph.db")


@pytest.fixture
def app(store, monkeypatch):
    monkeypatch.setenv("KGRAPH_DB", str(store))

    def _app(page: str | None = None, **query) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        at.query_params.update(query)
        at.run()
        if page:
            at.switch_page(f"src/kgraph/ui/pages/{page}.py").run()
        return at

    return _app


def html_text(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.html)


def _edge_with_two_relations(store: Path) -> tuple[str, str, int]:
    G = api.load_graph(store)
    for u, v in {(u, v) for u, v, k in G.edges(keys=True) if k in ("uses", "related")}:
        rows = analysis.edge_evidence(G, u, v)
        posts = {r.get("post") or r.get("title", "") for r in rows}
        if len(rows) > len(posts) >= 1:
            return u, v, len(posts)
    pytest.skip("no link in this store has two relations from one post")


def test_edge_lists_each_post_once_with_both_names_marked(app, store):
    u, v, n_posts = _edge_with_two_relations(store)
    at = app()
    at.session_state["explore_selected"] = {"type": "edge", "id": "x", "from": u, "to": v}
    at.run()
    assert not at.exception
    edge = next(h.proto.body for h in at.html if "kg-edge" in h.proto.body)
    assert edge.count("<b>") == n_posts  # one entry per post (or ontology statement)
    assert "related" in edge and "uses" in edge
    first = edge.split("<blockquote")[1].split("</blockquote>")[0]
    assert first.count("<mark") >= 2, first


def test_post_panel_has_summary_entities_and_read_next(app, store):
    G = api.load_graph(store)
    post = next(
        n for n, d in G.nodes(data=True) if d["kind"] == "post" and analysis.read_next(G, n)
    )
    at = app(entity=G.nodes[post]["title"])
    assert not at.exception
    assert not at.warning, [w.value for w in at.warning]
    assert "kg-summary" in html_text(at)
    if analysis.post_spans(G, post, "summary"):
        assert "<mark" in html_text(at)
    labels = [b.label for b in at.button if b.key and b.key.startswith("panel_next_")]
    assert labels, "read next lists posts"
    at.button(key="panel_next_0").click().run()
    assert not at.exception
    assert at.query_params["entity"] in (labels[0], [labels[0]])


def test_a_post_panel_lists_each_post_once(app, store):
    """A post that goes one step further is under "Read next", not also under similar."""
    G = api.load_graph(store)
    post = next(
        n
        for n, d in G.nodes(data=True)
        if d["kind"] == "post"
        and {r["post"] for r in analysis.read_next(G, n, limit=5)}
        & {s["post"] for s in analysis.similar_posts(G, n, limit=5)}
    )
    at = app(entity=G.nodes[post]["title"])
    assert not at.exception
    shown = [
        b.label for b in at.button if b.key and b.key.startswith(("panel_sim_", "panel_next_"))
    ]
    assert shown and len(shown) == len(set(shown)), shown


def test_neighbour_names_open_the_neighbour(app):
    at = app(entity="prewarming")
    groups = [g for g in at.button_group if g.key and g.key.startswith("panel_nb_")]
    assert groups
    name = groups[0].options[0]
    groups[0].set_value(0).run()
    assert not at.exception
    assert at.query_params["entity"] in (name, [name])


def test_weight_filter_leaves_no_node_without_a_link(app):
    at = app(entity="Databricks", min_weight="3")
    assert not at.exception
    footer = next(h.proto.body for h in at.html if "nodes ·" in h.proto.body)
    nodes = int(footer.split("<small>")[1].split(" nodes")[0])
    links = int(footer.split(" nodes · ")[1].split(" links")[0])
    assert nodes == 1 or links >= nodes / 2, footer


def test_glossary_page(app):
    at = app("glossary")
    assert not at.exception
    assert at.title[0].value == "Glossary"
    assert "prewarming" in html_text(at)
    at.text_input(key="glossary_filter").input("warm").run()
    body = html_text(at)
    assert "prewarming" in body and "sharding</a></dt>" not in body


def test_insights_heatmap_and_comparison(app):
    at = app("insights")
    assert not at.exception
    assert any(g.key and g.key.startswith("insights_cmp_") for g in at.button_group)


def test_post_panel_says_what_to_read_first(app, store):
    G = api.load_graph(store)
    post = next(
        n
        for n, d in G.nodes(data=True)
        if d["kind"] == "post" and any(r["node"] for r in analysis.read_first(G, n))
    )
    first = analysis.read_first(G, post)
    at = app(entity=G.nodes[post]["title"])
    assert not at.exception
    assert [b.label for b in at.button if b.key and b.key.startswith("panel_first_")] == [
        r["label"] for r in first
    ]
    assert first[0]["reason"] in html_text(at)
    at.button(key="panel_first_0").click().run()
    assert not at.exception
    assert at.query_params["entity"] in (first[0]["label"], [first[0]["label"]])


def test_a_post_with_nothing_further_leads_on_to_its_ideas(app, store):
    """No dead end: when no post goes further, its ideas' reading paths are offered."""
    G = api.load_graph(store)
    post = next(
        (
            n
            for n, d in G.nodes(data=True)
            if d["kind"] == "post"
            and not analysis.read_next(G, n)
            and any(G.nodes[e]["kind"] in ("concept", "technology") for e in G.successors(n))
        ),
        None,
    )
    if post is None:
        pytest.skip("every post of this store has a post that goes further")
    at = app(entity=G.nodes[post]["title"])
    assert not at.exception
    ideas = next(g for g in at.button_group if g.key == "panel_ideas_next")
    assert ideas.options
    ideas.set_value(0).run()
    assert not at.exception
    assert "Reading path" in [m.value.strip("# ") for m in at.markdown]


def test_company_card_has_a_reading_path(app):
    at = app(entity="Databricks")
    assert not at.exception
    assert "#### Reading path" in [m.value for m in at.markdown]
    assert any(b.key and b.key.startswith("panel_rp_") for b in at.button)
