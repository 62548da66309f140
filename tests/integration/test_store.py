"""The SQLite store: round trip, one-transaction builds, cache, migration and refusals."""

from __future__ import annotations

import sqlite3

import pytest

from kgraph import api
from kgraph.errors import StoreError
from kgraph.model import Mention, Post
from kgraph.store import APPLICATION_ID, SCHEMA_VERSION, open_store
from tests.support.fake_extractor import FakeExtractor


def _post(i: int) -> Post:
    return Post(id=f"p{i}", title=f"Post {i}", summary="s", url="https://x.dev", tags=["t"])


def test_round_trip(db_path):
    posts = [_post(1), _post(2)]
    mention = Mention(
        "p1", "Airbnb's", "COMPANY", "Airbnb", "title", 0, 8, "Airbnb's post.", "ontology", 0.99
    )
    with open_store(db_path, create=True) as store:
        build_id = store.write_build(
            posts, [mention], inputs=["a.csv"], pipeline_version="v1", n_extracted=2, started_at=0.0
        )
        snap = store.snapshot()
    assert build_id == 1
    assert snap.posts == posts
    assert snap.mentions == [mention]
    assert snap.build["inputs"] == ["a.csv"] and snap.build["n_posts"] == 2


def test_a_build_replaces_the_previous_content(db_path):
    with open_store(db_path, create=True) as store:
        store.write_build(
            [_post(1)], [], inputs=[], pipeline_version="v", n_extracted=1, started_at=0
        )
        store.write_build(
            [_post(2)], [], inputs=[], pipeline_version="v", n_extracted=1, started_at=0
        )
        assert [p.id for p in store.posts()] == ["p2"]
        assert store.counts()["builds"] == 2


def test_a_failed_build_leaves_the_previous_one_whole(db_path):
    with open_store(db_path, create=True) as store:
        store.write_build(
            [_post(1)], [], inputs=[], pipeline_version="v", n_extracted=1, started_at=0
        )
        duplicate = [_post(2), _post(2)]  # primary key violation half-way through the write
        with pytest.raises(sqlite3.IntegrityError):
            store.write_build(
                duplicate, [], inputs=[], pipeline_version="v", n_extracted=2, started_at=0
            )
        assert [p.id for p in store.posts()] == ["p1"]
        assert store.counts()["builds"] == 1


def test_extraction_cache_is_keyed_by_hash_and_version(db_path):
    with open_store(db_path, create=True) as store:
        one, two = _post(1), _post(2)
        found = [Mention("p1", "Post", "CONCEPT", "post", "title", 0, 4, "Post 1", "rule", 0.5)]
        dicts = [m.to_dict() for m in found]
        store.put_cache([(one, dicts)], "v1")
        assert store.cached([one, two], "v1") == {one.content_hash: dicts}
        assert store.cached([one], "v2") == {}


def test_the_same_text_from_another_publisher_is_not_served_from_the_cache(db_path):
    # The publisher (source, URL) types names the text leaves open ("Segment" is the
    # company on segment.com's blog), so its extraction cannot be another post's.
    ours = Post("a", "Segment", "Segment rewrote its queue.", source="Segment Blog")
    theirs = Post("b", "Segment", "Segment rewrote its queue.", source="Weekly Digest")
    with open_store(db_path, create=True) as store:
        store.put_cache([(ours, [])], "v1")
        assert ours.content_hash in store.cached([ours], "v1")
        assert store.cached([theirs], "v1") == {}


def test_a_new_store_gets_the_current_schema(db_path):
    with open_store(db_path, create=True) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_an_empty_file_is_never_turned_into_a_store(db_path):
    sqlite3.connect(db_path).close()  # 0 bytes, as `touch` or a careless script leaves it
    with pytest.raises(StoreError, match="is an empty file, not a kgraph store"):
        open_store(db_path, create=True)
    assert db_path.stat().st_size == 0


def test_a_newer_store_is_refused_untouched(db_path):
    with open_store(db_path, create=True):
        pass
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="newer than this kgraph"):
        open_store(db_path, create=True)
    assert db_path.read_bytes() == before


def test_a_foreign_sqlite_database_is_refused(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE notes (x)")
    conn.close()
    with pytest.raises(StoreError, match="not a kgraph store"):
        open_store(db_path, create=True)


def test_a_text_file_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("my notes")
    with pytest.raises(StoreError, match="not a kgraph store"):
        open_store(path, create=True)
    assert path.read_text() == "my notes"


def test_a_missing_store_says_how_to_build_one(tmp_path):
    with pytest.raises(StoreError, match="kgraph build --db"):
        api.load_snapshot(tmp_path / "none.db")


def test_build_extracts_only_what_the_cache_lacks(db_path, shipped_corpus, word_extractor, write):
    first = api.build([shipped_corpus], db=db_path, extractor=word_extractor)
    assert (first.posts, first.extracted, first.cached) == (18, 18, 0)
    extra = write("extra.jsonl", '{"title": "Brand New Post About Sharding"}')
    second = api.build([shipped_corpus, extra], db=db_path, extractor=word_extractor)
    assert (second.posts, second.extracted, second.cached) == (19, 1, 18)
    assert len(word_extractor.seen) == 19
    assert api.stats(db_path)["posts"] == 19


def test_an_incremental_build_reads_back_like_a_fresh_one(tmp_path, shipped_corpus, write):
    extractor_a, extractor_b = FakeExtractor(), FakeExtractor()
    edited = write("edited.jsonl", '{"id": "x1", "title": "Kafka Streams At Scale"}')
    incremental = tmp_path / "incremental.db"
    api.build(
        [shipped_corpus, write("x.jsonl", '{"id": "x1", "title": "Old Title Here"}')],
        db=incremental,
        extractor=extractor_a,
    )
    report = api.build([shipped_corpus, edited], db=incremental, extractor=extractor_a)
    assert (report.extracted, report.cached) == (1, 18)

    fresh = tmp_path / "fresh.db"
    api.build([shipped_corpus, edited], db=fresh, extractor=extractor_b)
    a, b = api.load_snapshot(incremental), api.load_snapshot(fresh)
    assert [p.id for p in a.posts] == [p.id for p in b.posts]
    assert a.mentions == b.mentions
    with open_store(incremental) as store:
        assert store.counts()["entities"] == len({m.entity_key for m in a.mentions})


def test_an_unchanged_rebuild_keeps_the_build(db_path, shipped_corpus, word_extractor):
    first = api.build([shipped_corpus], db=db_path, extractor=word_extractor)
    again = api.build([shipped_corpus], db=db_path, extractor=word_extractor)
    assert again.build_id == first.build_id and again.extracted == 0


def test_add_keeps_the_stored_posts(db_path, shipped_corpus, word_extractor, write):
    api.build([shipped_corpus], db=db_path, extractor=word_extractor)
    extra = write("extra.jsonl", '{"title": "Brand New Post About Sharding"}')
    report = api.build([extra], db=db_path, extractor=word_extractor, add=True)
    assert (report.posts, report.extracted) == (19, 1)
    build = api.stats(db_path)["build"]
    assert build["inputs"] == [str(shipped_corpus), str(extra)]
    replaced = api.build([extra], db=db_path, extractor=word_extractor)
    assert replaced.posts == 1
