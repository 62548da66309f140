"""Store version 6: small rows that point into their post, and a version 5 store migrated."""

from __future__ import annotations

import json
import sqlite3
import zlib

from kgraph.model import Mention, Post, Relation
from kgraph.store import MIGRATIONS, SCHEMA_VERSION, _cache_key, open_store
from kgraph.store.cache import _ZDICT, FORMAT, pack, unpack

TITLE, SUMMARY = "Kafka at Airbnb", "Intro here. Airbnb moved logs to Kafka. Done."
POST = Post(id="p1", title=TITLE, summary=SUMMARY, url="u", source="Airbnb", origin="x:1")


def _v5_store(path) -> None:
    """A version 5 store as that version wrote it: text ids, text methods, a v4 cache."""
    conn = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[1:6]:
        for statement in script.split(";"):
            if statement.strip():
                conn.execute(statement)
    conn.execute("PRAGMA application_id = 1801941608")
    conn.execute("PRAGMA user_version = 5")
    conn.execute(
        "INSERT INTO posts VALUES ('p1', ?, ?, 'u', 'Airbnb', '', '[]', 'x:1', ?)",
        [TITLE, SUMMARY, POST.content_hash],
    )
    conn.execute("INSERT INTO posts VALUES ('p2', 'Other', '', '', '', '', '[]', 'x:2', 'h')")
    conn.execute("INSERT INTO entities VALUES (1, 'COMPANY:Airbnb', 'COMPANY', 'Airbnb')")
    conn.execute(
        "INSERT INTO entities VALUES (2, 'TECHNOLOGY:Kafka', 'TECHNOLOGY', 'Apache Kafka')"
    )
    mentions = [  # post, entity, text, field, start, end, s_start, s_end, sentence, method, conf
        ("p1", 2, "Kafka", "title", 0, 5, 0, 15, None, "ontology", 0.98),
        ("p1", 1, "Airbnb", "summary", 12, 18, 12, 39, None, "ontology", 0.98),
        ("p1", 2, "Kafka", "summary", 33, 38, 12, 39, None, "rule", 0.55),
        ("p1", 1, "AirBnB", "title", 9, 15, None, None, "An edited sentence.", "model", 0.7),
    ]
    conn.executemany(
        'INSERT INTO mentions (post_id, entity_id, text, field, start, "end", s_start, s_end,'
        " sentence, method, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        mentions,
    )
    relations = [
        ("p1", "COMPANY:Airbnb", "migrated_to", "TECHNOLOGY:Kafka", "summary", 12, 39, None),
        ("p1", "COMPANY:Airbnb", "uses", "CONCEPT:logging", None, None, None, "Elsewhere."),
    ]
    conn.executemany(
        "INSERT INTO relations (post_id, head_key, type, tail_key, field, s_start, s_end,"
        " sentence, method, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'actor', 0.8)",
        relations,
    )
    conn.execute("INSERT INTO builds VALUES (1, 0, 0, '[\"x.jsonl\"]', 'v', 2, 4, 2)")
    conn.execute("INSERT INTO post_arrivals VALUES ('p1', 1), ('p2', 1)")
    old = [{"text": "Kafka", "type": "TECHNOLOGY", "canonical": "Apache Kafka"}]
    conn.execute(
        "INSERT INTO extraction_cache VALUES (?, ?)",
        [_cache_key(POST.content_hash, "v"), zlib.compress(json.dumps(old).encode())],
    )
    conn.close()


def test_a_version_5_store_is_migrated_whole(db_path):
    _v5_store(db_path)
    with open_store(db_path, create=True) as store:
        snap = store.snapshot()
        assert store.cached([POST], "v") == {POST.content_hash: [{"text": "Kafka",
            "type": "TECHNOLOGY", "canonical": "Apache Kafka"}]}  # fmt: skip
        assert store.arrivals(since=0) == {"p1": 1, "p2": 1}
        assert store.counts()["entities"] == 2
    assert [p.id for p in snap.posts] == ["p1", "p2"]
    assert snap.posts[0].content_hash == POST.content_hash
    got = {(m.text, m.canonical, m.field, m.start, m.sentence, m.method, m.confidence)
           for m in snap.mentions}  # fmt: skip
    assert got == {
        ("Kafka", "Apache Kafka", "title", 0, TITLE, "ontology", 0.98),
        ("Airbnb", "Airbnb", "summary", 12, "Airbnb moved logs to Kafka.", "ontology", 0.98),
        ("Kafka", "Apache Kafka", "summary", 33, "Airbnb moved logs to Kafka.", "rule", 0.55),
        ("AirBnB", "Airbnb", "title", 9, "An edited sentence.", "model", 0.7),
    }
    assert snap.relations == [
        Relation("p1", "Airbnb", "COMPANY", "migrated_to", "Apache Kafka", "TECHNOLOGY",
                 "Airbnb moved logs to Kafka.", "actor", 0.8),
        Relation("p1", "Airbnb", "COMPANY", "uses", "logging", "CONCEPT", "Elsewhere.", "actor", 0.8),
    ]  # fmt: skip
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 6
        texts = conn.execute("SELECT text FROM mentions ORDER BY n").fetchall()
        assert texts == [(None,), (None,), (None,), ("AirBnB",)], "a surface text was copied"
        indexes = {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        }
        assert not {"mentions_post", "mentions_entity", "relations_post"} & indexes


def test_a_migrated_store_takes_the_next_build(db_path):
    _v5_store(db_path)
    kafka = Mention("p1", "Kafka", "TECHNOLOGY", "Apache Kafka", "title", 0, 5, TITLE, "rule", 0.5)
    with open_store(db_path, create=True) as store:
        store.write_build(
            [POST], [kafka], inputs=["x"], pipeline_version="w", n_extracted=1, started_at=0
        )
        snap = store.snapshot()
        assert [m.canonical for m in snap.mentions] == ["Apache Kafka"] and not snap.relations
        assert store.counts()["entities"] == 1
        assert store.arrivals(since=0) == {"p1": 1}  # the post arrived with the first build
    with sqlite3.connect(db_path) as conn:
        left = conn.execute("SELECT method, confidence FROM methods").fetchall()
        assert left == [("rule", 0.5)], "a method no row uses was kept"
        assert conn.execute("SELECT COUNT(*) FROM relation_types").fetchone()[0] == 0


def test_rows_point_into_their_post_and_read_back_whole(db_path):
    post = Post(id="a", title="Kafka at Airbnb", summary="Airbnb moved logs to Kafka. Done.")
    mentions = [
        Mention("a", "Kafka", "TECHNOLOGY", "Apache Kafka", "summary", 21, 26,
                "Airbnb moved logs to Kafka.", "ontology", 0.98),
        Mention("a", "Airbnbs", "COMPANY", "Airbnb", "title", 9, 15, "Not in the post.",
                "model", 0.612345),
    ]  # fmt: skip
    relation = Relation("a", "Airbnb", "COMPANY", "uses", "Apache Kafka", "TECHNOLOGY",
                        "Kafka at Airbnb", "actor", 0.8)  # fmt: skip
    with open_store(db_path, create=True) as store:
        store.write_build(
            [post], mentions, relations=[relation], inputs=["x"], pipeline_version="v",
            n_extracted=1, started_at=0,
        )  # fmt: skip
        snap = store.snapshot()
    assert sorted(snap.mentions, key=lambda m: m.field) == mentions
    assert snap.relations == [relation]
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT text, sentence FROM mentions ORDER BY field").fetchall()
        assert rows == [(None, None), ("Airbnbs", "Not in the post.")]
        assert conn.execute("SELECT field, sentence FROM relations").fetchall() == [(1, None)]


def test_the_cache_keeps_offsets_and_reads_back_what_it_took():
    found = [
        {"text": "Airbnb's", "type": "COMPANY", "canonical": "Airbnb", "field": "summary",
         "start": 12, "end": 20, "sentence": "Not in the post.", "method": "model",
         "confidence": 0.61},
        {"text": "Kafka", "type": "TECHNOLOGY", "canonical": "Kafka", "field": "title",
         "start": 0, "end": 5, "sentence": TITLE, "method": "ontology", "confidence": 0.98},
        {"head": "Airbnb", "head_type": "COMPANY", "type": "migrated_to", "tail": "Kafka",
         "tail_type": "TECHNOLOGY", "sentence": "Airbnb moved logs to Kafka.",
         "method": "actor", "confidence": 0.8},
    ]  # fmt: skip
    blob = pack(POST, found)
    assert blob[:1] == FORMAT and unpack(POST, blob) == found
    raw = zlib.decompressobj(zdict=_ZDICT)
    rows = json.loads(raw.decompress(blob[1:]))
    assert TITLE not in json.dumps(rows) and "Kafka" not in json.dumps(rows[0])


def test_a_writer_empties_the_wal_when_it_closes_though_a_reader_stays(db_path):
    posts = [Post(id=f"p{i}", title=f"Kafka {i}", summary="x" * 2000) for i in range(300)]
    with open_store(db_path, create=True):
        pass
    reader = sqlite3.connect(db_path)
    try:
        assert reader.execute("SELECT COUNT(*) FROM posts").fetchone() == (0,)
        with open_store(db_path, create=True) as store:
            store.write_build(
                posts, [], inputs=["x"], pipeline_version="v", n_extracted=0, started_at=0
            )
            assert (db_path.parent / f"{db_path.name}-wal").stat().st_size > 500_000
        assert (db_path.parent / f"{db_path.name}-wal").stat().st_size == 0
        assert reader.execute("SELECT COUNT(*) FROM posts").fetchone() == (300,)
    finally:
        reader.close()
