"""AppTest: the entity card groups stated relations; Insights has a clickable Migrations table."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kgraph.extract.relations import find_relations
from kgraph.model import Mentions
from tests.support.fake_extractor import FakeExtractor
from tests.support.ui_fixtures import make_store

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGES = "src/kgraph/ui/pages"


class VocabWithRelations(FakeExtractor):
    """The vocabulary stand-in, with the real relation rules run over its mentions."""

    def __init__(self):
        super().__init__("vocab", version="test-vocab-relations-1")

    def extract(self, posts, batch_size=256, n_process=1):
        posts = list(posts)
        for post, mentions in zip(posts, super().extract(posts), strict=True):
            yield Mentions(mentions, find_relations(post, mentions))


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("relations") / "kgraph.db"
    return make_store(path, extractor=VocabWithRelations())


def html_text(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.html)


def test_migrations_tab_row_opens_its_sentence(store, monkeypatch):
    monkeypatch.setenv("KGRAPH_DB", str(store))
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page(f"{PAGES}/insights.py").run()
    assert not at.exception
    table = next(d for d in at.dataframe if "who" in d.value.columns)
    assert "Slack" in list(table.value["who"])
    assert "<mark" not in html_text(at)
    # Select the Slack row the way a click does, then rerun.
    row = list(table.value["who"]).index("Slack")
    at.session_state["insights_migrations"] = {"selection": {"rows": [row], "columns": []}}
    at.run()
    assert not at.exception
    text = html_text(at)
    assert "SSH" in text and "<mark" in text


def test_card_groups_relations(store, monkeypatch):
    monkeypatch.setenv("KGRAPH_DB", str(store))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["entity"] = "Slack"
    at.run(timeout=60)
    assert not at.exception
    text = html_text(at)
    assert "migrated from" in text and "<mark" in text


def test_card_names_the_maker_once(store, monkeypatch):
    # The ontology's maker is among the "built by" companies: the card says it once.
    monkeypatch.setenv("KGRAPH_DB", str(store))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["entity"] = "Dicer"
    at.run(timeout=60)
    assert not at.exception
    text = html_text(at)
    assert "built by: Databricks" in text
    assert "made by:" not in text


def test_company_card_names_what_it_makes(store, monkeypatch):
    # The maker's side of "built by": the company's card lists its products.
    monkeypatch.setenv("KGRAPH_DB", str(store))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["entity"] = "Databricks"
    at.run(timeout=60)
    assert not at.exception
    assert "makes: Dicer, Lakebase" in html_text(at)


def test_evidence_that_is_the_title_is_printed_once():
    from kgraph.ui.relations import sourced_evidence

    names = [("Dicer", "technology"), ("Databricks", "company")]
    title = "Open Sourcing Dicer: Databricks' Auto-Sharder"
    url = "https://www.databricks.com/blog/dicer"
    in_title = sourced_evidence(title, title, url, names)
    assert in_title.count("Open Sourcing") == 1
    assert in_title.startswith('<a href="https://www.databricks.com/blog/dicer"')
    assert in_title.count("<mark") == 2
    sentence = "Dicer is an auto-sharder that Databricks built."
    in_summary = sourced_evidence(sentence, title, url, names)
    assert in_summary.count("Open Sourcing") == 1 and in_summary.count("auto-sharder that") == 1
