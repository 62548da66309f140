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
# Version 6 makes rows small. Posts get an integer key (``n``) that mentions and relations
# use instead of the post's text id, and those two tables are clustered by it (WITHOUT
# ROWID, keyed by post and place), which replaces their index by post. A post's content hash
# is not stored: it is a digest of its title and summary. A mention's text is
# NULL when it is the post's field at start:end; ``field`` is 0 for the summary, 1 for the
# title (the order the names sort in, so reads keep their order). A method with its
# confidence, and a relation's type, are small integers into ``methods`` and
# ``relation_types``; a relation's head and tail are entity ids (entities a relation names
# are kept). The index of mentions by entity goes: nothing reads mentions by entity. The
# extraction cache and post arrivals become WITHOUT ROWID tables (no second copy of their
# keys); cached values keep their bytes (the store reads both packings).
SCHEMA_V6 = """
CREATE TABLE methods (
    id INTEGER PRIMARY KEY, method TEXT NOT NULL, confidence REAL NOT NULL,
    UNIQUE (method, confidence)
);
INSERT INTO methods (method, confidence)
    SELECT method, confidence FROM mentions UNION SELECT method, confidence FROM relations;
CREATE TABLE relation_types (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
INSERT INTO relation_types (name) SELECT DISTINCT type FROM relations ORDER BY type;
INSERT OR IGNORE INTO entities (key, type, canonical)
    SELECT k, substr(k, 1, instr(k, ':') - 1), substr(k, instr(k, ':') + 1)
    FROM (SELECT head_key AS k FROM relations UNION SELECT tail_key FROM relations)
    ORDER BY k;
CREATE TABLE posts_v6 (
    n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
    summary TEXT NOT NULL, url TEXT NOT NULL, source TEXT NOT NULL, published TEXT NOT NULL,
    tags TEXT NOT NULL, origin TEXT NOT NULL
);
INSERT INTO posts_v6 (id, title, summary, url, source, published, tags, origin)
    SELECT id, title, summary, url, source, published, tags, origin FROM posts
    ORDER BY id;
CREATE TABLE mentions_v6 (
    post INTEGER NOT NULL REFERENCES posts_v6(n), n INTEGER NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id), text TEXT, field INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, s_start INTEGER, s_end INTEGER,
    sentence TEXT, method INTEGER NOT NULL REFERENCES methods(id),
    PRIMARY KEY (post, n)
) WITHOUT ROWID;
INSERT INTO mentions_v6
    SELECT p.n, m.id, m.entity_id,
        NULLIF(m.text, substr(CASE m.field WHEN 'title' THEN p.title ELSE p.summary END,
            m.start + 1, m."end" - m.start)),
        m.field = 'title', m.start, m."end", m.s_start, m.s_end, m.sentence, k.id
    FROM mentions m JOIN posts_v6 p ON p.id = m.post_id
    JOIN methods k ON k.method = m.method AND k.confidence = m.confidence;
CREATE TABLE relations_v6 (
    post INTEGER NOT NULL REFERENCES posts_v6(n), n INTEGER NOT NULL,
    head INTEGER NOT NULL REFERENCES entities(id),
    type INTEGER NOT NULL REFERENCES relation_types(id),
    tail INTEGER NOT NULL REFERENCES entities(id), field INTEGER, s_start INTEGER,
    s_end INTEGER, sentence TEXT, method INTEGER NOT NULL REFERENCES methods(id),
    PRIMARY KEY (post, n)
) WITHOUT ROWID;
INSERT INTO relations_v6
    SELECT p.n, r.id, h.id, y.id, t.id, r.field = 'title', r.s_start, r.s_end, r.sentence, k.id
    FROM relations r JOIN posts_v6 p ON p.id = r.post_id
    JOIN entities h ON h.key = r.head_key JOIN entities t ON t.key = r.tail_key
    JOIN relation_types y ON y.name = r.type
    JOIN methods k ON k.method = r.method AND k.confidence = r.confidence;
DROP TABLE mentions;
DROP TABLE relations;
DROP TABLE posts;
ALTER TABLE posts_v6 RENAME TO posts;
ALTER TABLE mentions_v6 RENAME TO mentions;
ALTER TABLE relations_v6 RENAME TO relations;
CREATE TABLE extraction_cache_v6 (key BLOB PRIMARY KEY, mentions BLOB NOT NULL) WITHOUT ROWID;
INSERT INTO extraction_cache_v6 SELECT key, mentions FROM extraction_cache;
DROP TABLE extraction_cache;
ALTER TABLE extraction_cache_v6 RENAME TO extraction_cache;
CREATE TABLE post_arrivals_v6 (post_id TEXT PRIMARY KEY, build_id INTEGER NOT NULL)
    WITHOUT ROWID;
INSERT INTO post_arrivals_v6 SELECT post_id, build_id FROM post_arrivals;
DROP TABLE post_arrivals;
ALTER TABLE post_arrivals_v6 RENAME TO post_arrivals
"""
# Index i holds the script that takes a store from version i to i + 1.
MIGRATIONS: list[str] = ["", SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6]
