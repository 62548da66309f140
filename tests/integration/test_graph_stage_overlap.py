"""The graph stage starts Louvain on the entity level, before the app graph exists.

The build forks Louvain as soon as the entity level is made (``api._compute_app_graph``),
on :func:`kgraph.analysis._index.entity_graph_of` of the level's graph, and measures the app
graph meanwhile. That is only right if the level's entity graph is the app graph's, node
for node and neighbour for neighbour (Louvain's answer depends on their order), and if the
forked answer is the one computed in the build's own process.
"""

from __future__ import annotations

import pytest

from kgraph import api, config, forks
from kgraph.analysis._index import entity_graph_of
from kgraph.bench import write_jsonl
from kgraph.bench.generator import generate_posts
from kgraph.extract import load_extractor
from kgraph.graph.entity_level import entity_level
from kgraph.ontology import load_ontology
from kgraph.store import open_store

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_jsonl(generate_posts(1200, 7), tmp_path_factory.mktemp("overlap") / "c.jsonl")


@pytest.fixture(scope="module")
def extractor():
    return load_extractor(rules_only=True)


def _build(db, corpus, extractor, monkeypatch, apart_from: int) -> list[bool]:
    """Build ``corpus`` into ``db`` with Louvain forked from ``apart_from`` entity-graph
    edges; returns whether each run_apart forked."""
    forked: list[bool] = []
    real, real_each = forks.run_apart, forks.run_apart_each

    def spy(fn, *args, fork=True):
        forked.append(fork)
        return real(fn, *args, fork=fork)

    def spy_each(calls, fork=True):
        forked.append(fork)
        return real_each(calls, fork=fork)

    monkeypatch.setattr(forks, "run_apart", spy)
    monkeypatch.setattr(forks, "run_apart_each", spy_each)
    monkeypatch.setattr(config, "LOUVAIN_APART_FROM", apart_from)
    api.build([corpus], db=db, extractor=extractor, n_process=1)
    return forked


def _tables(db):
    with open_store(db) as store:
        rows = store.graph_rows()
    assert rows is not None and rows["build_id"] is not None
    return rows["nodes"], rows["arrays"], rows["precomputed"]


def test_the_levels_entity_graph_is_the_app_graphs(tmp_path, corpus, extractor, monkeypatch):
    db = tmp_path / "kg.db"
    _build(db, corpus, extractor, monkeypatch, 0)
    with open_store(db) as store:
        level = entity_level(
            store.posts_with_mentions(), store.companies(), store.relations(), load_ontology()
        )
    early, app = entity_graph_of(level.graph), entity_graph_of(api.load_app_graph(db))
    assert early.number_of_edges() > 1000
    assert list(early.nodes) == list(app.nodes)
    for u in app:  # neighbours in the same order, with the same weights and costs
        assert list(early.adj[u].items()) == list(app.adj[u].items()), u


def test_forked_louvain_stores_what_louvain_here_gives(tmp_path, corpus, extractor, monkeypatch):
    assert _build(tmp_path / "apart.db", corpus, extractor, monkeypatch, 0) == [True]
    assert _build(tmp_path / "here.db", corpus, extractor, monkeypatch, 10**12) == [False]
    apart, here = _tables(tmp_path / "apart.db"), _tables(tmp_path / "here.db")
    assert apart == here
    communities = {community for *_, community in apart[0]}
    assert len(communities) > 3 and None not in communities
    assert apart[2]["layouts"]


def test_a_failing_louvain_fails_the_build(tmp_path, corpus, extractor, monkeypatch):
    from kgraph import analysis

    def broken(EG):
        raise RuntimeError("louvain broke")

    monkeypatch.setattr(analysis, "louvain_groups", broken)
    with pytest.raises(RuntimeError, match="louvain broke"):
        _build(tmp_path / "kg.db", corpus, extractor, monkeypatch, 0)
    with open_store(tmp_path / "kg.db") as store:
        assert store.graph_built_for() is None  # the tables were never marked current


def test_the_level_made_before_the_write_is_the_stores(tmp_path, corpus, extractor, monkeypatch):
    """A build that replaces every post makes the level from its rows before writing them
    (``api._LevelAhead``): the stored tables are those of the level read back from the
    store, array for array, and of a build that reads it back."""
    from kgraph.graph.stored import entity_rows

    made = []
    real = api._LevelAhead.__call__
    monkeypatch.setattr(api._LevelAhead, "__call__", lambda *a: made.append(1) or real(*a))
    db = tmp_path / "kg.db"
    _build(db, corpus, extractor, monkeypatch, 0)
    assert made == [1]
    nodes, arrays, _precomputed = _tables(db)
    with open_store(db) as store:
        level = entity_level(
            store.posts_with_mentions(), store.companies(), store.relations(), load_ontology()
        )
    read_nodes, read_arrays = entity_rows(level)
    assert arrays == read_arrays
    assert [(k, a, bool(late)) for k, a, late, *_ in nodes] == [
        (k, a, bool(x)) for k, a, x in read_nodes
    ]
    monkeypatch.setattr(api._LevelAhead, "__call__", lambda *a: None)  # read back instead
    _build(tmp_path / "read.db", corpus, extractor, monkeypatch, 0)
    assert _tables(tmp_path / "read.db") == _tables(db)
