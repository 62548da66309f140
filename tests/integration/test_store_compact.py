"""A small store: each sentence kept once, bounded evidence and mentions, old stores migrated."""

from __future__ import annotations

import json
import sqlite3

import pytest

from kgraph import api, config
from kgraph.pipeline.caps import bound
from kgraph.store import MIGRATIONS, SCHEMA_VERSION, open_store


def _rows(db_path):
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT s_start, s_end, sentence FROM mentions").fetchall()


@pytest.mark.model
def test_sentences_are_stored_once_and_read_back_verbatim(shipped_corpus, db_path):
    extractor = api.load_extractor()
    api.build([shipped_corpus], db=db_path, extractor=extractor)
    snap = api.load_snapshot(db_path)
    posts = {p.id: p for p in snap.posts}
    expected = sorted(
        (m.post_id, m.field, m.start, m.sentence)
        for post, found in zip(snap.posts, extractor.extract(snap.posts), strict=True)
        for m in bound(post, [x.to_dict() | {"post_id": post.id} for x in found])[0]
        for m in [type("M", (), m)]
    )
    got = sorted((m.post_id, m.field, m.start, m.sentence) for m in snap.mentions)
    assert got == expected
    rows = _rows(db_path)
    assert rows and all(s is None for _, _, s in rows), "a sentence was copied into a mention"
    for m in snap.mentions:
        assert m.text in m.sentence
        field = getattr(posts[m.post_id], m.field)
        assert m.sentence in field


@pytest.mark.model
@pytest.mark.slow
def test_one_100kb_record_of_repeated_names_gives_a_small_store(write, db_path):
    names = "Airbnb Kubernetes Kafka Postgres Netflix Cassandra Stripe Redis "
    summary = (names * (100_000 // len(names) + 1))[:100_000]
    corpus = write("big.jsonl", json.dumps({"title": "Names", "summary": summary}) + "\n")
    report = api.build([corpus], db=db_path)
    size = sum(p.stat().st_size for p in db_path.parent.glob(db_path.name + "*"))
    assert size < 5_000_000, f"store is {size} bytes"
    assert report.mentions <= config.MAX_MENTIONS_PER_POST
    assert any("big.jsonl" in w and "mentions in one post" in w for w in report.warnings)
    snap = api.load_snapshot(db_path)
    names = {m.canonical for m in snap.mentions}
    assert len(names) >= 6 and {"Airbnb", "Kubernetes", "Netflix"} <= names, names
    assert max(len(m.sentence) for m in snap.mentions) <= config.MAX_EVIDENCE_CHARS
    assert all(m.text in m.sentence for m in snap.mentions)


def test_a_version_2_store_is_migrated_with_its_evidence(db_path):
    conn = sqlite3.connect(db_path, isolation_level=None)
    for script in MIGRATIONS[1:3]:
        for statement in script.split(";"):
            if statement.strip():
                conn.execute(statement)
    conn.execute("PRAGMA application_id = 1801941608")
    conn.execute("PRAGMA user_version = 2")
    title, summary = "Kafka at Airbnb", "Intro here. Airbnb moved logs to Kafka. Done."
    conn.execute(
        "INSERT INTO posts VALUES ('p1', ?, ?, '', 'Airbnb', '', '[]', 'x.jsonl:1', 'h')",
        [title, summary],
    )
    conn.execute("INSERT INTO entities VALUES ('TECHNOLOGY:Kafka', 'TECHNOLOGY', 'Kafka')")
    conn.execute("INSERT INTO entities VALUES ('COMPANY:Airbnb', 'COMPANY', 'Airbnb')")
    rows = [
        ("TECHNOLOGY:Kafka", "Kafka", "summary", 38, 43, "Airbnb moved logs to Kafka."),
        ("COMPANY:Airbnb", "Airbnb", "title", 9, 15, "Kafka at Airbnb"),
        ("COMPANY:Airbnb", "Airbnb", "summary", 12, 18, "A sentence edited since."),
    ]
    for key, text, field, start, end, sentence in rows:
        conn.execute(
            'INSERT INTO mentions (post_id, entity_key, text, field, start, "end", sentence,'
            " method, confidence) VALUES ('p1', ?, ?, ?, ?, ?, ?, 'ontology', 1.0)",
            [key, text, field, start, end, sentence],
        )
    conn.execute(
        "INSERT INTO builds VALUES (1, 0, 0, '[\"x.jsonl\"]', 'v', 1, 3, 1)",
    )
    conn.close()
    with open_store(db_path, create=True) as store:
        snap = store.snapshot()
    assert sorted((m.field, m.start, m.sentence) for m in snap.mentions) == sorted(
        (field, start, sentence) for _, _, field, start, _, sentence in rows
    )
    stored = sorted(_rows(db_path), key=str)
    assert (12, 39, None) in stored and (0, 15, None) in stored
    assert (None, None, "A sentence edited since.") in stored
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


@pytest.mark.parametrize("n", [1, 199, 200])
def test_posts_within_the_cap_keep_every_mention(n):
    from kgraph.model import Post

    post = Post(id="p", title="t", summary="Kafka " * n)
    found = [
        {
            "type": "TECHNOLOGY",
            "canonical": "Kafka",
            "field": "summary",
            "start": 6 * i,
            "end": 6 * i + 5,
            "sentence": "Kafka",
            "text": "Kafka",
            "method": "ontology",
            "confidence": 1.0,
        }
        for i in range(n)
    ]
    kept, dropped = bound(post, found)
    assert (len(kept), dropped) == (n, 0)
    kept, dropped = bound(post, found, limit=n - 1) if n > 1 else (found, 0)
    assert len(kept) == max(1, n - 1) and dropped == (1 if n > 1 else 0)


def test_a_post_over_both_caps_keeps_200_mentions_and_400_characters_of_evidence():
    from kgraph.model import Post
    from kgraph.pipeline.caps import dropped_warning

    filler = "x" * 1000
    summary = f"{filler} Kafka {filler}"  # one 2,007-character sentence
    post = Post(id="p", title="t", summary=summary, origin="big.jsonl:7")

    def mention(canonical: str) -> dict:
        return {"type": "TECHNOLOGY", "canonical": canonical, "field": "summary",
                "start": 1001, "end": 1006, "sentence": summary, "text": "Kafka",
                "method": "ontology", "confidence": 0.98}  # fmt: skip

    found = [mention("Redis") for _ in range(249)] + [mention("Kafka")]
    kept, dropped = bound(post, found)
    assert (len(kept), dropped) == (config.MAX_MENTIONS_PER_POST, 50) == (200, 50)
    assert "Kafka" in {m["canonical"] for m in kept}, "one mention per entity comes first"
    assert config.MAX_EVIDENCE_CHARS == 400
    for m in kept:
        assert len(m["sentence"]) <= 400 and " Kafka " in m["sentence"]
        assert m["sentence"] in summary
    warning = dropped_warning(post, dropped, len(kept))
    assert warning.startswith("big.jsonl:7: 250 mentions in one post; kept 200")
