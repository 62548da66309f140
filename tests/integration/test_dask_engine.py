"""The Dask engine gives the same store as a local build, on a 2-worker LocalCluster."""

from __future__ import annotations

import sys

import cloudpickle
import pytest

from kgraph import api
from kgraph.bench import generate_posts, write_jsonl
from kgraph.ontology import Ontology, OntologyEntry
from kgraph.pipeline.dask_engine import run_dask

pytest.importorskip("dask.distributed")


def _tiny_ontology() -> Ontology:
    onto = Ontology()
    for name, type_ in [
        ("Airbnb", "COMPANY"),
        ("Slack", "COMPANY"),
        ("Apache Kafka", "TECHNOLOGY"),
        ("Kubernetes", "TECHNOLOGY"),
        ("sharding", "CONCEPT"),
    ]:
        onto.add(OntologyEntry(name=name, type=type_))
    return onto


@pytest.fixture
def shippable(word_extractor):
    """The FakeExtractor, pickled by value so worker processes need not import tests.support."""
    module = sys.modules[type(word_extractor).__module__]
    cloudpickle.register_pickle_by_value(module)
    yield word_extractor
    cloudpickle.unregister_pickle_by_value(module)


def _rows(db) -> list[tuple]:
    snap = api.load_snapshot(db)
    return [
        (m.post_id, m.type, m.canonical, m.field, m.start, m.end, m.sentence, m.method)
        for m in snap.mentions
    ]


@pytest.mark.slow
def test_dask_build_matches_local_build(tmp_path, shippable):
    corpus = write_jsonl(
        generate_posts(300, seed=7, ontology=_tiny_ontology()), tmp_path / "posts.jsonl"
    )
    local = api.build([corpus], db=tmp_path / "local.db", extractor=shippable)
    dask = api.build(
        [corpus], db=tmp_path / "dask.db", extractor=shippable, engine="dask", batch_size=32
    )
    assert dask.extracted == local.extracted > 250  # identical texts are extracted once
    assert dask.mentions == local.mentions > 0
    assert _rows(tmp_path / "dask.db") == _rows(tmp_path / "local.db")


def test_run_dask_keeps_input_order_and_reports_progress(shippable):
    posts = generate_posts(150, seed=3, ontology=_tiny_ontology())
    ticks = []
    out = list(run_dask(shippable, posts, batch_size=16, progress=ticks.append))
    assert [p.id for p, _ in out] == [p.id for p in posts]
    assert sum(ticks) == 150
    assert [m for _, m in out] == list(shippable.extract(posts))


def test_run_dask_with_no_posts_starts_no_cluster():
    assert list(run_dask(None, [])) == []
