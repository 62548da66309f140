"""The store's tables, version by version: ``MIGRATIONS[i]`` takes a store from version
``i - 1`` to ``i``, and a new store runs them all. Add a table with a new step at the end.
"""

SCHEMA_VERSION = 6

SCHEMA_V1 = """
CREATE TABLE posts (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, summary TEXT NOT NULL, url TEXT NOT NULL,
    source TEXT NOT NULL, published TEXT NOT NULL, tags TEXT NOT NULL, origin TEXT NOT NULL,
    content_hash TEXT NOT NULL
);
CREATE TABLE entities (key TEXT PRIMARY KEY, type TEXT NOT NULL, canonical TEXT NOT NULL);
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY, post_id TEXT NOT NULL REFERENCES posts(id),
    entity_key TEXT NOT NULL REFERENCES entities(key), text TEXT NOT NULL,
    field TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    sentence TEXT NOT NULL, method TEXT NOT NULL, confidence REAL NOT NULL
);
CREATE INDEX mentions_post ON mentions(post_id);
CREATE INDEX mentions_entity ON mentions(entity_key);
CREATE TABLE builds (
    id INTEGER PRIMARY KEY, started_at REAL NOT NULL, finished_at REAL NOT NULL,
    inputs TEXT NOT NULL, pipeline_version TEXT NOT NULL,
    n_posts INTEGER NOT NULL, n_mentions INTEGER NOT NULL, n_extracted INTEGER NOT NULL
);
CREATE TABLE extraction_cache (
    content_hash TEXT NOT NULL, pipeline_version TEXT NOT NULL, mentions TEXT NOT NULL,
    PRIMARY KEY (content_hash, pipeline_version)
);
"""
SCHEMA_V2 = """
CREATE TABLE pipeline_memo (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
SCHEMA_V3 = """
CREATE TABLE feeds (
    url TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', etag TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '', added_at REAL NOT NULL, last_fetched REAL,
    last_ok REAL, status TEXT NOT NULL DEFAULT '', last_error TEXT NOT NULL DEFAULT ''
);
CREATE TABLE post_arrivals (post_id TEXT PRIMARY KEY, build_id INTEGER NOT NULL);
CREATE INDEX post_arrivals_build ON post_arrivals(build_id);
INSERT INTO post_arrivals SELECT id, COALESCE((SELECT MAX(id) FROM builds), 0) FROM posts;
"""
"""Subscriptions (every feed a build read, with its validators and health) and the build
that first brought each post, for ``kgraph new``."""
# Version 4 keeps each sentence once: a mention points into its post's title or summary
# (``s_start``/``s_end``, character offsets) instead of copying the sentence; ``sentence``
# holds text only when it is not found verbatim in the field. Entities get integer ids, which
# mentions use instead of repeating the entity's key. The extraction cache is keyed by a
# 16-byte digest of content hash and pipeline version and holds compressed JSON. Existing
# mentions are converted in place; cached extractions are dropped (the posts a store holds
# keep their mentions, so only posts outside it would be extracted again).
SCHEMA_V4 = """
CREATE TABLE entities_v3 (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
    canonical TEXT NOT NULL
);
INSERT INTO entities_v3 (key, type, canonical) SELECT key, type, canonical FROM entities
    ORDER BY key;
CREATE TABLE mentions_v3 (
    id INTEGER PRIMARY KEY, post_id TEXT NOT NULL REFERENCES posts(id),
    entity_id INTEGER NOT NULL REFERENCES entities_v3(id), text TEXT NOT NULL,
    field TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    s_start INTEGER, s_end INTEGER, sentence TEXT,
    method TEXT NOT NULL, confidence REAL NOT NULL
);
INSERT INTO mentions_v3
    SELECT m.id, m.post_id, m.entity_id, m.text, m.field, m.start, m."end",
        CASE WHEN at > 0 THEN at - 1 END, CASE WHEN at > 0 THEN at - 1 + length(sentence) END,
        CASE WHEN at > 0 THEN NULL ELSE sentence END, m.method, m.confidence
    FROM (
        SELECT m.*, e.id AS entity_id,
            instr(CASE m.field WHEN 'title' THEN p.title ELSE p.summary END, m.sentence) AS at
        FROM mentions m JOIN posts p ON p.id = m.post_id JOIN entities_v3 e ON e.key = m.entity_key
    ) AS m;
DROP TABLE mentions;
DROP TABLE entities;
ALTER TABLE entities_v3 RENAME TO entities;
ALTER TABLE mentions_v3 RENAME TO mentions;
CREATE INDEX mentions_post ON mentions(post_id);
CREATE INDEX mentions_entity ON mentions(entity_id);
DROP TABLE extraction_cache;
CREATE TABLE extraction_cache (key BLOB PRIMARY KEY, mentions BLOB NOT NULL);
"""
SCHEMA_V5 = """
CREATE TABLE relations (
    id INTEGER PRIMARY KEY, post_id TEXT NOT NULL REFERENCES posts(id),
    head_key TEXT NOT NULL, type TEXT NOT NULL, tail_key TEXT NOT NULL,
    field TEXT, s_start INTEGER, s_end INTEGER, sentence TEXT,
    method TEXT NOT NULL, confidence REAL NOT NULL
);
CREATE INDEX relations_post ON relations(post_id);
"""
"""Typed relations the text states, with their evidence (``kgraph.extract.relations``). Like
a mention, a relation keeps its sentence as offsets into the post's title or summary, and as
text only when it is not found there. Read whole with the build, by post: no index by
entity, which would cost a fifth of the store."""
SCHEMA_V6 = """
CREATE TABLE graph_meta (build_id INTEGER PRIMARY KEY, precomputed TEXT NOT NULL);
CREATE TABLE graph_nodes (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, attrs TEXT NOT NULL,
    late INTEGER NOT NULL, pagerank REAL, degree REAL, community INTEGER
);
CREATE TABLE graph_arrays (name TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;
"""
"""What the app reads, written by the build (``kgraph.graph.stored``): the entity level of the
graph (entities with their centrality and community), the overview's layout, and as
compressed arrays the entity-entity edges with their counts and posts and the post-entity
links (which post mentions which entity, how often, who published it), for the build in
``graph_meta``. Sentences stay
in ``mentions``; the app reads them by post when a question shows them."""
# Index i holds the script that takes a store from version i to i + 1.
MIGRATIONS: list[str] = ["", SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6]
