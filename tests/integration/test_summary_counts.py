"""`kgraph stats` and the Insights quality report count in SQLite, not over a snapshot: the
answers must be the ones the snapshot gives, on a real build of real text."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kgraph import api
from kgraph.analysis.quality import quality_report

pytestmark = pytest.mark.model

REAL_DEV = Path(__file__).resolve().parents[2] / "data" / "gold" / "real-dev.jsonl"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("counts") / "kg.db"
    api.build([str(REAL_DEV)], db=db)
    return db


def test_quality_counted_by_sqlite_is_the_snapshots(store):
    expected = quality_report(api.load_snapshot(store))
    got = api.quality(store)
    assert got == expected
    assert got["by_method"] and got["bands"] and got["once"]


def test_stats_counted_by_sqlite_are_the_snapshots(store):
    snap = api.load_snapshot(store)
    by_type: dict[str, set[str]] = {}
    for m in snap.mentions:
        by_type.setdefault(m.type, set()).add(m.canonical)
    got = api.stats(store)
    assert got["posts"] == len(snap.posts)
    assert got["mentions"] == len(snap.mentions)
    assert got["entities"] == {t: len(n) for t, n in sorted(by_type.items())}
    assert got["mentions_by_method"] == dict(Counter(m.method for m in snap.mentions))
    assert got["build"]["id"] == snap.build["id"]
