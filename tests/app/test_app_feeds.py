"""AppTest of the living corpus: the Data page's feeds and refresh, What's new, Rising,
and an entity's sparkline, on a store built from feeds served on 127.0.0.1."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from kgraph import api, config
from tests.support.fake_extractor import FakeExtractor
from tests.support.feedserver import FeedServer

APP = str(config.APP_FILE)
PAGES = "src/kgraph/ui/pages"


@pytest.fixture(scope="module")
def served():
    with FeedServer(n_feeds=6, items=20, delay=0) as server:
        yield server


@pytest.fixture(scope="module")
def store(served, tmp_path_factory):
    """Two builds: the six feeds, then a refresh that brought two new posts."""
    mp = pytest.MonkeyPatch()
    mp.setenv("KGRAPH_ALLOW_PRIVATE_URLS", "1")
    db = tmp_path_factory.mktemp("feeds") / "kgraph.db"
    api.build([served.opml_url], db=db, extractor=FakeExtractor())
    served.add_item(1)
    served.add_item(4)
    api.refresh(db, extractor=FakeExtractor())
    mp.undo()
    return db


@pytest.fixture
def app(store, monkeypatch):
    monkeypatch.setenv("KGRAPH_DB", str(store))
    monkeypatch.setenv("KGRAPH_ALLOW_PRIVATE_URLS", "1")

    def _app(page: str | None = None) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60).run()
        if page:
            at.switch_page(f"{PAGES}/{page}.py").run()
        assert not at.exception
        return at

    return _app


def _frame(at: AppTest, column: str):
    """The first dataframe on the page with ``column``."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def _buttons(at: AppTest, prefix: str):
    return [b for b in at.button if (b.key or "").startswith(prefix)]


def test_whats_new_lists_the_new_posts_and_entities_as_buttons(app):
    at = app()
    assert any("What's new: 2 post(s) in build #2" in e.label for e in at.expander)
    posts = _buttons(at, "whatsnew_post_")
    assert sorted(b.label for b in posts) == [
        "Announcing Zanzibar-style authorization on Kubernetes at Globex",
        "Announcing Zanzibar-style authorization on Kubernetes at Hooli",
    ]
    new = [b.label for b in _buttons(at, "whatsnew_new_")]
    assert "Zanzibar" in new  # no earlier post names it
    risen = [b.label for b in _buttons(at, "whatsnew_risen_")]
    assert "Kubernetes (+2)" in risen  # named before, and by both new posts
    _buttons(at, "whatsnew_new_")[new.index("Zanzibar")].click().run()
    assert not at.exception
    assert at.session_state["explore_center"] == "COMPANY:Zanzibar"
    assert not _buttons(at, "whatsnew_")  # the panel gives way to the entity's view


def test_entity_card_has_a_sparkline_of_posts_per_month(app):
    at = app()
    _buttons(at, "whatsnew_new_")[0].click().run()
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert any(c.startswith("Posts per month, 2025-03 to 2026-11") for c in captions), captions


def test_rising_table_puts_the_newest_technologies_first(app):
    at = app("insights")
    table = _frame(at, "growth (points)")
    top = list(table["entity"][:5])
    assert {"Rust", "DuckDB", "ClickHouse"} & set(top), top
    assert (table["growth (points)"].diff().dropna() <= 0).all()
    assert any("Recent: 2026-06 to 2026-11" in c.value for c in at.caption)


def test_data_page_lists_feeds_and_refresh_reports_a_failing_feed(app, served):
    at = app("data")
    table = _frame(at, "last error")
    assert len(table) == 6 and table["posts"].sum() == 122
    served.mode[2] = "500"
    try:
        at.button(key="data_refresh_feeds").click().run()
    finally:
        served.mode[2] = "ok"
    assert not at.exception
    assert any(
        "Refreshed 6 feed(s): 5 unchanged, 1 failed, 0 new post(s)." in w.value for w in at.warning
    )
    table = _frame(at, "last error")
    failing = table[table["health"] == "❌ failed"]
    assert len(failing) == 1 and "server answered 500" in failing["last error"].iloc[0]
    assert failing["posts"].iloc[0] == 20  # its posts stay


def test_explore_period_filter_is_kept_in_the_url(store, monkeypatch):
    monkeypatch.setenv("KGRAPH_DB", str(store))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"from": "2026-06", "to": "2026-11"})
    at.run()
    assert not at.exception
    assert at.select_slider(key="explore_period").value == ("2026-06", "2026-11")
    note = next(c.value for c in at.caption if c.value.startswith("Period 2026-06 to 2026-11:"))
    kept, shown = (int(x) for x in note.split(": ")[1].split(" nodes")[0].split(" of "))
    assert 0 < kept < shown
    assert (at.query_params["from"], at.query_params["to"]) == ("2026-06", "2026-11")
    at.select_slider(key="explore_period").set_value(("2025-03", "2026-11")).run()
    assert not any(c.value.startswith("Period ") for c in at.caption)
    assert "from" not in at.query_params  # the whole span is no period
