"""A full disk during a build says so, and that the previous build is intact (issue 15, 13).

SQLite's own "database or disk is full" (SQLITE_FULL) is produced for real by capping the
store's page count for the build's connection, just above what the previous build uses.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import kgraph.extract
import kgraph.pipeline.run as run
from kgraph import api
from kgraph.cli import main
from kgraph.errors import StoreError
from kgraph.store import open_store
from tests.support.build_harness import make_corpus


@pytest.fixture
def full_disk(monkeypatch, word_extractor):
    """Call it to make later builds see a disk with room for 2 more pages of the store."""
    monkeypatch.setattr(kgraph.extract, "load_extractor", lambda **_: word_extractor)

    def capped(path, **kwargs):
        store = open_store(path, **kwargs)
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        return store

    return lambda: monkeypatch.setattr(run, "open_store", capped)


def test_disk_full_says_so_and_keeps_the_previous_build(tmp_path, word_extractor, full_disk):
    db = tmp_path / "k.db"
    api.build([make_corpus(tmp_path / "small.jsonl", 20, "small")], db=db, extractor=word_extractor)
    before = api.load_snapshot(db)
    full_disk()
    big = make_corpus(tmp_path / "big.jsonl", 3000, "big")
    with pytest.raises(StoreError) as info:
        api.build([big], db=db, extractor=word_extractor)
    message = str(info.value)
    assert "is full" in message and "previous build in the store is intact" in message
    assert "Free at least" in message and "MB" in message
    assert "cannot be read" not in message and "rebuild into a new file" not in message
    after = api.load_snapshot(db)
    assert len(after.posts) == len(before.posts) == 20
    assert after.build["id"] == before.build["id"]


def test_disk_full_in_the_cli_is_one_clear_line(tmp_path, word_extractor, full_disk):
    db = tmp_path / "k.db"
    api.build([make_corpus(tmp_path / "small.jsonl", 20, "small")], db=db, extractor=word_extractor)
    big = make_corpus(tmp_path / "big.jsonl", 3000, "big")
    full_disk()
    result = CliRunner().invoke(main, ["build", str(big), "--db", str(db)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "is full" in result.output and "intact" in result.output
