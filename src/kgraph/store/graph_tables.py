"""The graph tables: what a build precomputes for the app (schema version 6).

The app's graph is the entity level the build stored (entities, their edges, who published
which post, centrality, communities, the overview's layout) joined on load with posts and
mentions read without their sentences. A sentence is read when a question shows it, by
post, through the ``mentions_post`` index. These functions take an open connection inside a
transaction of :class:`kgraph.store.Store`.
"""

from __future__ import annotations

import json
import sqlite3

EDGE_KINDS = ("related", "uses", "is_a", "product_of")
"""Entity-entity edges the graph tables hold, by the code stored in ``graph_edges.kind``.
Relations the text states are read from ``relations``, which holds their sentences."""


def built_for(db: sqlite3.Connection) -> int | None:
    """The build whose graph the tables hold, or None."""
    row = db.execute("SELECT MAX(build_id) FROM graph_meta").fetchone()
    return row[0] if row else None


def write(
    db: sqlite3.Connection,
    nodes: list[tuple[str, dict, bool]],
    edges: list[tuple[str, str, str, int, list[str] | None]],
    publishers: list[tuple[str, str, str]],
) -> None:
    """Replace the graph tables with a new entity level, not yet usable (no ``graph_meta``).

    ``nodes`` are ``(key, attrs, late)`` in graph order (``late`` nodes come after the posts:
    ontology parents no post mentions); ``edges`` are ``(u, v, kind, count, posts)``;
    ``publishers`` are ``(post id, company key, via)``. :func:`finish` adds what is computed
    on the graph the app will load, and makes the tables current.
    """
    for table in ("graph_meta", "graph_nodes", "graph_edges", "graph_publishers"):
        db.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
    db.executemany(
        "INSERT INTO graph_nodes (id, key, attrs, late) VALUES (?, ?, ?, ?)",
        (
            (i, key, json.dumps(attrs, ensure_ascii=False, separators=(",", ":")), late)
            for i, (key, attrs, late) in enumerate(nodes, 1)
        ),
    )
    ids = {key: i for i, (key, *_rest) in enumerate(nodes, 1)}
    kind = {k: i for i, k in enumerate(EDGE_KINDS)}
    db.executemany(
        "INSERT INTO graph_edges (u, v, kind, count, posts) VALUES (?, ?, ?, ?, ?)",
        (
            (ids[u], ids[v], kind[k], n, json.dumps(posts) if posts is not None else None)
            for u, v, k, n, posts in edges
        ),
    )
    db.executemany(
        "INSERT INTO graph_publishers (post_id, company, via) VALUES (?, ?, ?)",
        ((pid, ids[company], via) for pid, company, via in publishers),
    )


def finish(
    db: sqlite3.Connection,
    build_id: int,
    measures: dict[str, tuple[float, float, int | None]],
    precomputed: dict,
) -> None:
    """Store each entity's ``(pagerank, degree, community)`` and the precomputed views,
    and mark the tables as the graph of ``build_id``."""
    db.executemany(
        "UPDATE graph_nodes SET pagerank = ?, degree = ?, community = ? WHERE key = ?",
        ((*values, key) for key, values in measures.items()),
    )
    db.execute(
        "INSERT INTO graph_meta (build_id, precomputed) VALUES (?, ?)",
        (build_id, json.dumps(precomputed, ensure_ascii=False, separators=(",", ":"))),
    )


def read(db: sqlite3.Connection) -> dict:
    """Everything the app's graph is made of, without any sentence or summary."""
    keys: dict[int, str] = {}
    nodes = []
    for i, key, attrs, late, pagerank, degree, community in db.execute(
        "SELECT id, key, attrs, late, pagerank, degree, community FROM graph_nodes ORDER BY id"
    ):
        keys[i] = key
        nodes.append((key, json.loads(attrs), bool(late), pagerank, degree, community))
    edges = [
        (keys[u], keys[v], EDGE_KINDS[k], n, json.loads(posts) if posts else None)
        for u, v, k, n, posts in db.execute(
            "SELECT u, v, kind, count, posts FROM graph_edges ORDER BY rowid"
        )
    ]
    publishers = {
        pid: (keys[c], via)
        for pid, c, via in db.execute("SELECT post_id, company, via FROM graph_publishers")
    }
    meta = db.execute(
        "SELECT build_id, precomputed FROM graph_meta ORDER BY build_id DESC LIMIT 1"
    ).fetchone() or (None, "{}")
    posts = db.execute(
        "SELECT id, title, url, source, published, tags FROM posts ORDER BY id"
    ).fetchall()
    # One row per (post, entity): what a mention edge holds, less its evidence.
    mentions = db.execute(
        "SELECT m.post_id, e.key, COUNT(*), SUM(m.field = 'title'), MAX(m.confidence),"
        " GROUP_CONCAT(DISTINCT m.method)"
        " FROM mentions m JOIN entities e ON e.id = m.entity_id"
        " GROUP BY m.post_id, m.entity_id ORDER BY m.post_id, e.key"
    ).fetchall()
    return {
        "build_id": meta[0],
        "precomputed": json.loads(meta[1]),
        "nodes": nodes,
        "edges": edges,
        "publishers": publishers,
        "posts": posts,
        "mentions": mentions,
    }


def mention_evidence(db: sqlite3.Connection, post_id: str) -> dict[str, list[dict]]:
    """Entity key -> the evidence of each mention edge of one post, as
    :func:`kgraph.graph.construct.build_graph` keeps it."""
    rows = db.execute(
        'SELECT e.key, m.field, m.start, m."end", m.text, m.s_start, m.s_end, m.sentence,'
        " CASE m.field WHEN 'title' THEN p.title ELSE p.summary END"
        " FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN posts p ON p.id = m.post_id"
        ' WHERE m.post_id = ? ORDER BY m.field, m.start, m."end", e.key, m.text',
        (post_id,),
    ).fetchall()
    out: dict[str, list[dict]] = {}
    for key, field, start, end, text, s_start, s_end, sentence, body in rows:
        if sentence is None:
            sentence = body[s_start:s_end]
        elif s_start is None:
            # Kept as text: not found verbatim in the field (see store schema v4).
            at = body.find(sentence, max(0, end - len(sentence)))
            s_start, s_end = (at, at + len(sentence)) if 0 <= at <= start else (start, end)
        out.setdefault(key, []).append(
            {
                "post_id": post_id,
                "field": field,
                "start": start,
                "end": end,
                "sentence": sentence,
                "text": text,
                "sentence_start": s_start,
                "sentence_end": s_end,
            }
        )
    return out


def post_summary(db: sqlite3.Connection, post_id: str) -> str:
    row = db.execute("SELECT summary FROM posts WHERE id = ?", (post_id,)).fetchone()
    return row[0] if row else ""
