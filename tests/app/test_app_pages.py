"""AppTest of the Posts, Paths, Insights and Data pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kgraph import config
from tests.support.ui_fixtures import make_store

APP = str(config.APP_FILE)
PAGES = "src/kgraph/ui/pages"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return make_store(tmp_path_factory.mktemp("pages") / "kgraph.db")


@pytest.fixture
def page(store, monkeypatch):
    monkeypatch.setenv("KGRAPH_DB", str(store))

    def _page(name: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60).run()
        at.switch_page(f"{PAGES}/{name}.py").run()
        assert not at.exception
        return at

    return _page


def html_text(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.html)


def test_posts_table_filter_and_post_view(page):
    at = page("posts")
    at.text_input(key="posts_filter").set_value("Lakebase").run()
    assert "1 of 18 posts" in at.caption[0].value
    at.selectbox(key="posts_selected").set_value(
        "Zero-Downtime Patching in Lakebase Part 1: Prewarming"
    ).run()
    assert not at.exception
    assert "<mark" in html_text(at)


def test_paths_page_lists_hops(page):
    at = page("paths")
    at.selectbox(key="paths_a").set_value("prewarming (concept)").run()
    at.selectbox(key="paths_b").set_value("Databricks (company)").run()
    assert not at.exception
    assert at.button_group(key="paths_hop_0_a").options == ["prewarming"]
    assert "<mark" in html_text(at)


def test_no_path_through_posts_says_why_and_offers_where_to_go(page):
    at = page("paths")
    at.selectbox(key="paths_a").set_value("Airbnb (company)").run()
    at.selectbox(key="paths_b").set_value("sharding (concept)").run()
    assert not at.exception
    assert at.warning[0].value.startswith("No path")
    # What the posts link to each end, as names that open them: no dead end.
    assert at.button_group(key="paths_next_CONCEPT:sharding").options
    assert any(c.value.startswith("Nothing yet") for c in at.caption)  # this store's Airbnb


def test_insights_page(page):
    at = page("insights")
    at.selectbox(key="insights_rank_measure").set_value("degree").run()
    at.selectbox(key="insights_rank_kind").set_value("concept").run()
    assert not at.exception
    assert any("Alias candidates" in m.value for m in at.markdown)


def test_data_page_rejects_bad_input(page):
    at = page("data")
    at.text_input(key="data_feed_url").set_value("file:///etc/passwd").run()
    at.button(key="data_build").click().run()
    assert not at.exception
    assert "not an http(s) URL" in at.error[0].value
