"""A build that only adds posts updates the stored entity level instead of recomputing it.

Each test builds the same corpora twice: once as it ships (an add-only build takes the
update path) and once with the update path turned off (the entity level is recomputed
from every post). The stored graph tables must be identical: nodes with their attributes
and measures, edge and post-entity arrays, the precomputed layouts.
"""

from __future__ import annotations

import pytest

from kgraph import api
from kgraph.bench import write_jsonl
from kgraph.graph.entity_level import entity_level
from kgraph.graph.stored import entity_rows
from kgraph.model import Post, Relation
from kgraph.ontology import load_ontology
from kgraph.store import open_store
from tests.support.fake_extractor import VOCAB, FakeExtractor

NEW_COMPANY = ("COMPANY", "Quillmark")
"""A company the ontology does not know: only posts that mention it make it a name."""


class _Stated(list):
    """Mentions with the relations the real extractor hangs on them."""

    relations: list


class RelationExtractor(FakeExtractor):
    """The vocabulary extractor, stating that a post's company ``uses`` each technology
    its summary names (one stated relation per pair, confidence by position)."""

    def __init__(self):
        super().__init__("vocab", version="test-relations-1", vocab=[*VOCAB, NEW_COMPANY])

    def extract(self, posts, batch_size=256, n_process=1):
        for post, found in zip(posts, super().extract(posts), strict=True):
            out = _Stated(found)
            companies = [m for m in found if m.type == "COMPANY"]
            techs = [m for m in found if m.type == "TECHNOLOGY" and m.field == "summary"]
            out.relations = [
                Relation(
                    post.id,
                    c.canonical,
                    "COMPANY",
                    "uses",
                    t.canonical,
                    "TECHNOLOGY",
                    t.sentence,
                    "test:uses",
                    round(0.5 + 0.01 * i, 2),
                )
                for c in companies[:1]
                for i, t in enumerate(techs)
            ]
            yield out


def _post(pid, title, summary, source="", published="2024-01-01", url=""):
    return Post(id=pid, title=title, summary=summary, source=source, published=published, url=url)


BASE = [
    _post("a00", "Slack on Kubernetes", "", "", "2023-01-01"),
    _post("a1", "Airbnb moves to Kubernetes", "We run Kubernetes and Prometheus.", "Airbnb"),
    _post("a2", "Scaling Apache Spark", "Apache Spark on EMR with auto-sharding.", "Atlassian"),
    _post(
        "a3",
        "Rate limits at the edge",
        "Cloudflare Workers do rate limiting.",
        "dev blog",
        "2023-05-02",
    ),
    # Its source is a company no post mentions yet: the new posts make it the publisher.
    _post("a4", "Notes on load balancing", "Load balancing with Kubernetes.", "quillmark", ""),
    _post("a5", "Nothing known here", "No entity at all.", "", "2022-02-02"),
    _post("a7", "Kubernetes for Slack", "Slack runs Kubernetes and Apache Spark.", "slack"),
]

ADDED = [
    # new entities
    _post(
        "b1",
        "Lakebase and prewarming",
        "Databricks built Lakebase; prewarming helps.",
        "Databricks",
        "2025-03-03",
    ),
    # a new pair among old entities, an earlier date for an old entity
    _post("a0", "Prometheus on EMR", "Prometheus watches EMR.", "Airbnb", "2021-01-01"),
    # a new company matching an old post's source (a4)
    _post("b2", "Quillmark and SSH", "Quillmark uses SSH and Kubernetes.", "", "2024-06-06"),
    # no mentions
    _post("b3", "A quiet post", "Nothing to see.", "", ""),
    # interleaved with the old ids, a new relation between old entities
    _post("a6", "Airbnb on Apache Spark", "Apache Spark and Prometheus at Airbnb.", "Airbnb"),
]


def _spy(calls: list, level_of):
    """``level_of``, noting in ``calls`` whether it updated the level."""

    def spy(*args):
        level = level_of(*args)
        calls.append(level is not None)
        return level

    return spy


def _tables(db):
    with open_store(db) as store:
        rows = store.graph_rows()
    assert rows is not None
    return rows["nodes"], rows["arrays"], rows["precomputed"]


def _spy_on_updates(monkeypatch) -> list[bool]:
    """Whether each later build could update the stored level (appended as builds run).

    A build that replaces every stored post (the first) makes its level from the rows it
    writes (``api._LevelAhead``) and does not ask."""
    calls = []
    real = api._added_level

    def spy(*args):
        level = real(*args)
        calls.append(level is not None)
        return level

    monkeypatch.setattr(api, "_added_level", spy)
    return calls


def _build_twice(tmp_path, monkeypatch, extractor, base, added, *, add=True):
    """Build ``base`` then ``added`` (with ``add``) into inc.db and, without the update
    path, into full.db; returns whether each update was possible in inc.db."""
    base_file = write_jsonl(base, tmp_path / "base.jsonl")
    added_file = write_jsonl(added, tmp_path / "added.jsonl")
    calls = _spy_on_updates(monkeypatch)
    api.build([base_file], db=tmp_path / "inc.db", extractor=extractor)
    api.build([added_file], db=tmp_path / "inc.db", extractor=extractor, add=add)
    monkeypatch.setattr(api, "_added_level", lambda *args: None)
    api.build([base_file], db=tmp_path / "full.db", extractor=extractor)
    api.build([added_file], db=tmp_path / "full.db", extractor=extractor, add=add)
    return calls


def _assert_same(db, full_db):
    inc, full = _tables(db), _tables(full_db)
    assert [n[0] for n in inc[0]] == [n[0] for n in full[0]]
    assert inc[0] == full[0]
    assert inc[1].keys() == full[1].keys()
    for name in full[1]:
        assert inc[1][name] == full[1][name], name
    assert inc[2] == full[2]
    # and what a recomputation on the same store gives, array for array
    with open_store(db) as store:
        level = entity_level(
            store.posts_with_mentions(), store.companies(), store.relations(), load_ontology()
        )
    nodes, arrays = entity_rows(level)
    assert [(k, a, late) for k, a, late, *_ in inc[0]] == [(k, a, bool(x)) for k, a, x in nodes]
    assert arrays == inc[1]
    app, whole = api.load_app_graph(db), api.load_app_graph(full_db)
    assert list(app.nodes(data=True)) == list(whole.nodes(data=True))
    assert list(app.edges(keys=True, data=True)) == list(whole.edges(keys=True, data=True))


def test_added_posts_update_the_stored_level_exactly(tmp_path, monkeypatch):
    calls = _build_twice(tmp_path, monkeypatch, RelationExtractor(), BASE, ADDED)
    assert calls == [True]  # the add-only build took the update path
    _assert_same(tmp_path / "inc.db", tmp_path / "full.db")
    app = api.load_app_graph(tmp_path / "inc.db")
    # the shapes the corpus is made of did happen
    assert app.nodes["post:a4"]["company"] == "Quillmark"
    assert app.edges["COMPANY:Quillmark", "TECHNOLOGY:Kubernetes", "uses"]["posts"] == ["a4", "b2"]
    assert app.edges["COMPANY:Airbnb", "TECHNOLOGY:Prometheus", "uses"]["posts"] == [
        "a0",
        "a1",
        "a6",
    ]
    assert app.nodes["TECHNOLOGY:Lakebase"]["first_seen"] == "2025-03-03"
    assert app.nodes["TECHNOLOGY:Prometheus"]["first_seen"] == "2021-01-01"
    assert app.edges["COMPANY:Airbnb", "TECHNOLOGY:Apache Spark", "says_uses"]["posts"] == ["a6"]
    assert app.has_edge("TECHNOLOGY:EMR", "TECHNOLOGY:Prometheus", "related")


def test_a_second_add_updates_the_updated_level(tmp_path, monkeypatch):
    extractor = RelationExtractor()
    _build_twice(tmp_path, monkeypatch, extractor, BASE, ADDED[:2])
    more = write_jsonl(ADDED[2:], tmp_path / "more.jsonl")
    monkeypatch.undo()
    calls = []
    real = api._added_level
    monkeypatch.setattr(api, "_added_level", lambda *a: calls.append(1) or real(*a))
    api.build([more], db=tmp_path / "inc.db", extractor=extractor, add=True)
    monkeypatch.setattr(api, "_added_level", lambda *args: None)
    api.build([more], db=tmp_path / "full.db", extractor=extractor, add=True)
    assert calls == [1]
    _assert_same(tmp_path / "inc.db", tmp_path / "full.db")


def test_adding_only_posts_without_mentions(tmp_path, monkeypatch):
    calls = _build_twice(tmp_path, monkeypatch, RelationExtractor(), BASE, [ADDED[3]])
    assert calls == [True]
    _assert_same(tmp_path / "inc.db", tmp_path / "full.db")


@pytest.mark.parametrize(
    "change",
    [
        # an old post edited (same id, new text) beside a new one
        [_post("a2", "Scaling Apache Spark", "Apache Spark on EMR, now with Dicer."), ADDED[0]],
        # an old post's title rewritten
        [_post("a1", "Airbnb leaves Kubernetes", "We run Kubernetes and Prometheus.", "Airbnb")],
    ],
)
def test_an_edited_post_recomputes_the_level(tmp_path, monkeypatch, change):
    calls = _build_twice(tmp_path, monkeypatch, RelationExtractor(), BASE, change)
    assert calls == [False]
    _assert_same(tmp_path / "inc.db", tmp_path / "full.db")


def test_a_removed_post_recomputes_the_level(tmp_path, monkeypatch):
    extractor = RelationExtractor()
    calls = _spy_on_updates(monkeypatch)
    db = tmp_path / "kg.db"
    api.build([write_jsonl(BASE, tmp_path / "base.jsonl")], db=db, extractor=extractor)
    # every post but a3, and one new: not add-only
    rest = [p for p in BASE if p.id != "a3"] + [ADDED[0]]
    api.build([write_jsonl(rest, tmp_path / "rest.jsonl")], db=db, extractor=extractor)
    assert calls == [False]
    with open_store(db) as store:
        memo = store.memo("build_added")
        level = entity_level(
            store.posts_with_mentions(), store.companies(), store.relations(), load_ontology()
        )
    assert memo["added"] is None
    _nodes, arrays = entity_rows(level)
    assert arrays == _tables(db)[1]


def test_a_grown_corpus_without_add_is_add_only_too(tmp_path, monkeypatch):
    """A corpus file built, then built again with new posts appended (no --add): nothing
    removed, so the level is updated."""
    extractor, corpus = RelationExtractor(), tmp_path / "corpus.jsonl"
    calls = []
    real = api._added_level
    for db, update in (("inc.db", True), ("full.db", False)):
        monkeypatch.setattr(api, "_added_level", _spy(calls, real if update else lambda *a: None))
        for posts in (BASE, BASE + ADDED):
            api.build([write_jsonl(posts, corpus)], db=tmp_path / db, extractor=extractor)
    assert calls == [True, False]  # each store's first build made its level from its rows
    with open_store(tmp_path / "inc.db") as store:
        memo = store.memo("build_added")
    assert sorted(memo["added"]) == sorted(p.id for p in ADDED)
    _assert_same(tmp_path / "inc.db", tmp_path / "full.db")


def test_a_changed_ontology_recomputes_the_level(tmp_path, monkeypatch):
    extractor, db = RelationExtractor(), tmp_path / "kg.db"
    api.build([write_jsonl(BASE, tmp_path / "base.jsonl")], db=db, extractor=extractor)
    monkeypatch.setattr("kgraph.graph.entity_level.basis", lambda ontology: "another one")
    calls = []
    real = api._added_level
    monkeypatch.setattr(api, "_added_level", lambda *a: calls.append(real(*a)) or calls[-1])
    api.build([write_jsonl(ADDED, tmp_path / "add.jsonl")], db=db, extractor=extractor, add=True)
    assert calls == [None]
    assert _tables(db)[1]["basis"] == b"another one"


@pytest.mark.model
@pytest.mark.slow
def test_real_posts_added_to_the_shipped_corpus(tmp_path, monkeypatch):
    """The shipped pipeline's mentions and stated relations: the shipped corpus, then the
    real dev summaries added."""
    from kgraph import config

    calls = []
    real = api._added_level
    for db, update in (("inc.db", True), ("full.db", False)):
        monkeypatch.setattr(api, "_added_level", _spy(calls, real if update else lambda *a: None))
        api.build([config.SHIPPED_CORPUS], db=tmp_path / db)
        api.build([config.GOLD_DIR / "real-dev.jsonl"], db=tmp_path / db, add=True)
    _assert_same(tmp_path / "inc.db", tmp_path / "full.db")
    assert calls == [True, False]  # each store's first build made its level from its rows
    with open_store(tmp_path / "inc.db") as store:
        assert store.memo("build_added")["added"]
        assert store.relations()


def _same_graph(a, b):
    """Nodes, edges and every attribute (sentences and evidence included), in order."""
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))
    assert list(a.in_edges(keys=True, data=True)) == list(b.in_edges(keys=True, data=True))


@pytest.mark.parametrize("added", [ADDED, ADDED[:2], [ADDED[3]]])
def test_one_build_and_an_add_in_two_steps_store_the_same_graph(tmp_path, added):
    """``kgraph build BASE ADDED`` into one store, ``kgraph build BASE`` then
    ``kgraph build --add ADDED`` into another: the same graph tables (entities with their
    measures, edge and post-entity arrays, layouts), the same app graph and the same whole
    graph with every mention's evidence and every stated relation's sentences."""
    extractor = RelationExtractor()
    base = write_jsonl(BASE, tmp_path / "base.jsonl")
    more = write_jsonl(added, tmp_path / "added.jsonl")
    once, twice = tmp_path / "once.db", tmp_path / "twice.db"
    api.build([base, more], db=once, extractor=extractor)
    api.build([base], db=twice, extractor=extractor)
    api.build([more], db=twice, extractor=extractor, add=True)
    assert _tables(twice) == _tables(once)
    for load in (api.load_app_graph, api.load_graph):
        a, b = load(twice), load(once)
        _same_graph(a, b)
    whole = api.load_graph(once)
    assert any(d.get("evidence") for _u, _v, d in whole.edges(data=True))


def test_the_app_graph_made_from_the_level_in_memory_is_the_stored_ones(tmp_path):
    """The build makes its app graph (on which it computes the stored measures and layouts)
    by taking the entity level's edges over; a reader makes it from the stored arrays. Same
    nodes, edges, attributes and adjacency order, both ways round."""
    from kgraph.graph.stored import app_graph
    from kgraph.store import StoreReader

    extractor, db = RelationExtractor(), tmp_path / "kg.db"
    api.build([write_jsonl(BASE, tmp_path / "base.jsonl")], db=db, extractor=extractor)
    api.build([write_jsonl(ADDED, tmp_path / "add.jsonl")], db=db, extractor=extractor, add=True)
    with open_store(db) as store:
        level = entity_level(
            store.posts_with_mentions(),
            store.companies(),
            store.relations(sentences=False),
            load_ontology(),
        )
        stored, again = store.graph_rows(), store.graph_rows()
    assert entity_rows(level)[1] == stored["arrays"]
    a = app_graph(stored, StoreReader(db))
    b = app_graph(again, StoreReader(db), level=level.graph)
    _same_graph(a, b)
    for n in a:
        assert list(a.pred[n]) == list(b.pred[n]), n
        assert list(a.succ[n]) == list(b.succ[n]), n
    assert any(d.get("pmi") is not None for _u, _v, d in b.edges(data=True))
