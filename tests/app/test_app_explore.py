"""AppTest of the Explore page: search, deep links, the panel, controls, broken stores."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kgraph import config
from kgraph.ui import state
from tests.support.ui_fixtures import make_store

APP = str(config.APP_FILE)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return make_store(tmp_path_factory.mktemp("ui") / "kgraph.db")


@pytest.fixture
def app(store, monkeypatch):
    monkeypatch.setenv("KGRAPH_DB", str(store))

    def _app(**query) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        at.query_params.update(query)
        return at.run()

    return _app


def html_text(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.html)


def test_explore_loads_with_graph_and_legend(app):
    from kgraph.ui import component

    at = app()
    assert not at.exception
    assert not at.error
    assert " links · click a node or link" in html_text(at)
    assert at.selectbox(key="explore_search").options
    # The legend is on the canvas itself, above the fold of a 900-px window.
    assert 'class="kg-legend"' in component.HTML
    assert all(f"</span> {kind}</span>" in component.HTML for kind in state.KINDS_ALL)


def test_selecting_an_entity_shows_its_related_posts(app):
    at = app()
    at.selectbox(key="explore_search").set_value("prewarming (concept)").run()
    assert not at.exception
    text = html_text(at)
    # The title is the evidence: it is marked in the title itself, not quoted again below.
    assert "Zero-Downtime Patching in Lakebase Part 1: <mark>Prewarming</mark></b>" in text
    related = text.split("kg-related")[1]
    assert related.count("Zero-Downtime Patching in Lakebase Part 1") == 1
    assert at.query_params["entity"] in ("prewarming", ["prewarming"])


def test_deep_link_selects_the_entity(app):
    at = app(entity="Kubernetes", depth="2")
    assert not at.exception
    assert "How Data 360 Optimized <mark>Kubernetes</mark> Scheduling" in html_text(at)
    assert at.slider(key="explore_depth").value == 2


def test_unknown_entity_gets_did_you_mean(app):
    at = app(entity="prewarmin")
    assert not at.exception
    assert any("Did you mean" in w.value for w in at.warning)
    at.button(key="explore_suggest_0").click().run()
    assert "Zero-Downtime Patching in Lakebase" in html_text(at)


def test_controls_change_the_view(app):
    at = app(entity="Databricks")
    at.slider(key="explore_depth").set_value(3).run()
    at.number_input(key="explore_cap").set_value(10).run()
    assert not at.exception
    assert any("cap of 10" in c.value for c in at.caption)
    at.multiselect(key="explore_kinds").set_value(["company", "technology"]).run()
    at.number_input(key="explore_min_weight").set_value(2.0).run()
    at.selectbox(key="explore_size_by").set_value("degree").run()
    assert not at.exception
    assert at.query_params["cap"] in ("10", ["10"])
    # Databricks is the centre: Expand and Focus would change nothing, so they say why not.
    assert at.button(key="panel_expand").disabled and at.button(key="panel_focus").disabled
    at.button(key="explore_overview").click().run()
    assert not at.exception
    assert "entity" not in at.query_params


def test_path_box_lists_hops(app):
    at = app(entity="prewarming")
    at.selectbox(key="explore_path_target").set_value("Databricks (company)").run()
    assert not at.exception
    assert at.button_group(key="panel_hop_0_a").options == ["prewarming"]
    assert "<mark" in html_text(at)


def test_corrupt_store_gets_a_clear_page(tmp_path, monkeypatch):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 10)
    monkeypatch.setenv("KGRAPH_DB", str(bad))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert "kgraph build" in at.error[0].value + at.markdown[0].value
    assert bad.read_bytes().startswith(b"not a database")
