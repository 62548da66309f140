"""A rebuild of unchanged corpus files stops before reading them: size, mtime, content hash."""

from __future__ import annotations

import os

import pytest

import kgraph.extract
import kgraph.pipeline.run as run
from kgraph import api

POSTS = (
    '{"id": "a", "title": "Sharding Postgres at Notion", "summary": "How Notion split it."}\n'
    '{"id": "b", "title": "Kafka at Airbnb", "summary": "Airbnb moved logs to Kafka."}\n'
)


@pytest.fixture
def reads(monkeypatch, word_extractor):
    """Counts corpus reads; the pipeline is the test double, loaded like the saved one."""
    monkeypatch.setattr(kgraph.extract, "load_extractor", lambda **_: word_extractor)
    calls = []
    real = run.read_corpus

    def counting(*args, **kw):
        calls.append(args)
        return real(*args, **kw)

    monkeypatch.setattr(run, "read_corpus", counting)
    return calls


def test_unchanged_files_are_not_read_again(write, db_path, reads):
    corpus = write("posts.jsonl", POSTS)
    first = api.build([corpus], db=db_path)
    again = api.build([corpus], db=db_path)
    assert len(reads) == 1
    assert (again.build_id, again.posts, again.mentions) == (
        first.build_id,
        first.posts,
        first.mentions,
    )
    assert again.extracted == 0 and again.cached == first.posts and "read" not in again.seconds
    # Touched, not changed: the content hash says so, still no read.
    os.utime(corpus, ns=(corpus.stat().st_atime_ns, corpus.stat().st_mtime_ns + 10**9))
    assert api.build([corpus], db=db_path).build_id == first.build_id and len(reads) == 1


def test_a_changed_file_or_option_is_read_and_built(write, db_path, reads, word_extractor):
    corpus = write("posts.jsonl", POSTS)
    first = api.build([corpus], db=db_path)
    # Same size, new content, a new mtime.
    corpus.write_text(POSTS.replace("Notion", "Linear"), encoding="utf-8")
    os.utime(corpus, ns=(corpus.stat().st_atime_ns, corpus.stat().st_mtime_ns + 10**9))
    edited = api.build([corpus], db=db_path)
    assert len(reads) == 2 and edited.build_id > first.build_id
    assert "Linear" in {m.canonical for m in api.load_snapshot(db_path).mentions}
    api.build([corpus], db=db_path, strict=True)
    assert len(reads) == 3
    api.build([corpus], db=db_path, extractor=word_extractor)
    assert len(reads) == 4


def test_another_build_in_between_forgets_the_shortcut(write, db_path, reads):
    one = write("one.jsonl", POSTS)
    two = write("two.jsonl", POSTS.replace('"a"', '"c"').replace('"b"', '"d"'))
    api.build([one], db=db_path)
    api.build([two], db=db_path)
    back = api.build([one], db=db_path)
    assert len(reads) == 3
    assert sorted(p.id for p in api.load_snapshot(db_path).posts) == ["a", "b"]
    assert back.posts == 2


def test_the_same_file_under_another_spelling_keeps_its_posts(write, db_path, reads, monkeypatch):
    # "posts.jsonl" then "/abs/posts.jsonl": where a post was read is no change to it, so
    # the stored posts stay (only the new one is written) and take the new spelling.
    corpus = write("posts.jsonl", POSTS)
    api.build([corpus], db=db_path)
    corpus.write_text(
        POSTS + '{"id": "c", "title": "Prewarming at Zorbly", "summary": "Caches warmed."}\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(corpus.parent)
    grown = api.build(["posts.jsonl"], db=db_path)
    assert grown.extracted == 1
    assert _added(db_path) == ["c"]  # a and b were kept, so the graph stage only adds c
    origins = {p.id: p.origin for p in api.load_snapshot(db_path).posts}
    assert origins["a"].startswith("posts.jsonl") and origins["c"].startswith("posts.jsonl")


def _added(db_path) -> list[str] | None:
    """The ids the latest build added to the posts it kept (None: it rewrote them)."""
    import json
    import sqlite3

    from kgraph.store import ADDED_MEMO

    with sqlite3.connect(db_path) as db:
        (memo,) = db.execute(
            "SELECT value FROM pipeline_memo WHERE key = ?", [ADDED_MEMO]
        ).fetchone()
    return json.loads(memo)["added"]
