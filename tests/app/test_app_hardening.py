"""The Data and Explore pages against a hostile or unlucky user (issue 15, cases 4, 6, 11).

AppTest runs the real app on a real store. Markdown that Streamlit would render is run
through a CommonMark renderer (markdown-it, as Streamlit's own is CommonMark) to show that
user text never becomes an image or a link.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from kgraph import config
from tests.support.ui_fixtures import make_store

APP = str(config.APP_FILE)
PAGES = "src/kgraph/ui/pages"
IMAGE = "![pixel](http://attacker.example/p.png)"
LINK = "[Sign in again](https://attacker.example/login)"


def rendered(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("linkify").render(markdown)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return make_store(tmp_path_factory.mktemp("hardening") / "kgraph.db")


@pytest.fixture
def store_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "stores"
    folder.mkdir()
    monkeypatch.setenv("KGRAPH_STORE_DIR", str(folder))
    return folder


@pytest.fixture
def data_page(store, store_dir, monkeypatch):
    monkeypatch.setenv("KGRAPH_DB", str(store))
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page(f"{PAGES}/data.py").run()
    assert not at.exception
    return at


def _build(at: AppTest, target: str, url: str = "https://example.invalid/feed.xml") -> AppTest:
    at.text_input(key="data_feed_url").set_value(url)
    at.text_input(key="data_target_db").set_value(target)
    at.button(key="data_build").click().run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize(
    "target",
    [
        "../outside",
        "../../tmp/kgraph-takeover.db",
        "/tmp/kgraph-takeover.db",
        "sub/inner.db",
        "a" * 300,
        ".hidden.db",
        "",
    ],
)
def test_stores_are_only_made_inside_the_store_dir_by_name(data_page, store_dir, target):
    at = _build(data_page, target)
    assert at.error and "is not a store name" in at.error[0].value
    assert list(store_dir.iterdir()) == []
    assert not Path("/tmp/kgraph-takeover.db").exists()
    assert not (store_dir.parent / "outside.db").exists()


def test_a_directory_as_the_target_is_a_message(data_page, store_dir):
    (store_dir / "folder.db").mkdir()
    at = _build(data_page, "folder.db")
    assert at.error and "is a directory" in at.error[0].value


def test_a_valid_name_builds_inside_the_store_dir(
    data_page, store_dir, monkeypatch, word_extractor
):
    import kgraph.extract

    monkeypatch.setattr(kgraph.extract, "load_extractor", lambda **_: word_extractor)
    feed = Path(__file__).parent.parent / "support" / "data" / "feed.rss"
    # a local file as the corpus: the upload box is not driven by AppTest, so go through
    # the api the page calls, with the page's own name rule
    from kgraph import api

    db = api.named_store("team-posts")
    assert db == store_dir / "team-posts.db"
    api.build([feed], db=db, extractor=word_extractor)
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page(f"{PAGES}/data.py").run()
    assert str(db) in at.selectbox(key="data_store_choice").options


def test_the_store_list_holds_only_the_store_dir(data_page, store, store_dir):
    # the store the app was started on (KGRAPH_DB) and the store dir's stores, no others
    assert data_page.selectbox(key="data_store_choice").options == [str(store)]


def test_error_messages_do_not_render_user_markdown(data_page):
    at = _build(data_page, "ok", url=f"https://example.invalid/{IMAGE}{LINK}")
    html = rendered(at.error[0].value)
    assert "<img" not in html and "<a " not in html
    assert "attacker.example" in html  # shown, as text


def test_a_crafted_deep_link_renders_as_text(store, monkeypatch):
    monkeypatch.setenv("KGRAPH_DB", str(store))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["entity"] = f"{IMAGE} {LINK}"
    at.run()
    assert not at.exception
    shown = [w.value for w in at.warning]
    assert shown, "the unknown entity gets a warning"
    for value in shown:
        html = rendered(value)
        assert "<img" not in html and "<a " not in html


def test_a_300_character_upload_name_is_a_build_not_a_traceback(tmp_path):
    from kgraph.ui import data

    class Upload:
        name = "é" * 150 + "x" * 150 + ".jsonl"
        size = 60

        def getvalue(self):
            return b'{"title": "Kafka at scale", "summary": "How we run Kafka."}\n'

    sources = data._sources(Upload(), "", tmp_path)
    assert len(sources) == 1 and Path(sources[0]).read_bytes() == Upload().getvalue()
    assert len(Path(sources[0]).name.encode()) <= 255


def test_the_upload_box_says_the_cap(data_page):
    """Streamlit refuses bigger uploads itself (read from .streamlit/config.toml here, from
    the command line under ``kgraph app``); its default would be 200 MB."""
    boxes = data_page.get("file_uploader")
    assert boxes and all(b.proto.max_upload_size_mb == config.MAX_UPLOAD_MB for b in boxes)


def test_post_titles_on_buttons_render_as_text(tmp_path, monkeypatch):
    corpus = tmp_path / "hostile.jsonl"
    corpus.write_text(
        '{"title": "' + IMAGE + " " + LINK + ' Kafka tuning", "summary": "Kafka at scale."}\n'
    )
    db = make_store(tmp_path / "k.db", sources=[corpus])
    monkeypatch.setenv("KGRAPH_DB", str(db))
    monkeypatch.setattr(config, "POSTS_IN_SEARCH", 0)  # titles go to the post finder
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.text_input(key="explore_post_query").set_value("Kafka tuning").run()
    assert not at.exception
    labels = [b.label for b in at.button if b.key and b.key.startswith("explore_post_hit_")]
    assert labels, "the hostile post is found"
    for label in labels:
        html = rendered(label)
        assert "<img" not in html and "<a " not in html and "attacker.example" in html
