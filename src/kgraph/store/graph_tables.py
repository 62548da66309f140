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
import zlib

from kgraph.store.rows import FIELDS

ARRAY_LEVEL = 1
"""zlib level of the graph arrays. Every build rewrites them (an ``--add`` too), and at
10,000 posts level 6 spent 0.17 s of CPU on 6 MB for 618 KB, level 1 0.04 s for 785 KB."""


def built_for(db: sqlite3.Connection) -> int | None:
    """The build whose graph the tables hold, or None."""
    row = db.execute("SELECT MAX(build_id) FROM graph_meta").fetchone()
    return row[0] if row else None


def write(
    db: sqlite3.Connection, nodes: list[tuple[str, dict, bool]], arrays: dict[str, bytes]
) -> None:
    """Replace the graph tables with a new entity level, not yet usable (no ``graph_meta``).

    ``nodes`` are ``(key, attrs, late)`` in graph order (``late`` nodes come after the posts:
    ontology parents no post mentions); ``arrays`` are named blobs, the edges among them
    (:mod:`kgraph.graph.stored` packs them). :func:`finish` adds what is computed on the
    graph the app will load, and makes the tables current.
    """
    for table in ("graph_meta", "graph_nodes", "graph_arrays"):
        db.execute(f"DELETE FROM {table}")
    db.executemany(
        "INSERT INTO graph_nodes (id, key, attrs, late) VALUES (?, ?, ?, ?)",
        (
            (i, key, json.dumps(attrs, ensure_ascii=False, separators=(",", ":")), late)
            for i, (key, attrs, late) in enumerate(nodes, 1)
        ),
    )
    db.executemany(
        "INSERT INTO graph_arrays (name, data) VALUES (?, ?)",
        ((name, zlib.compress(data, ARRAY_LEVEL)) for name, data in sorted(arrays.items())),
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
        # OR REPLACE: two processes may finish the same build's graph (same content).
        "INSERT OR REPLACE INTO graph_meta (build_id, precomputed) VALUES (?, ?)",
        (build_id, json.dumps(precomputed, ensure_ascii=False, separators=(",", ":"))),
    )


def read(db: sqlite3.Connection) -> dict:
    """Everything the app's graph is made of, without any sentence or summary."""
    nodes = [
        (key, json.loads(attrs), bool(late), pagerank, degree, community)
        for key, attrs, late, pagerank, degree, community in db.execute(
            "SELECT key, attrs, late, pagerank, degree, community FROM graph_nodes ORDER BY id"
        )
    ]
    arrays = {
        name: zlib.decompress(data)
        for name, data in db.execute("SELECT name, data FROM graph_arrays")
    }
    meta = db.execute(
        "SELECT build_id, precomputed FROM graph_meta ORDER BY build_id DESC LIMIT 1"
    ).fetchone() or (None, "{}")
    posts = db.execute(
        "SELECT id, title, url, source, published, tags FROM posts ORDER BY id"
    ).fetchall()
    return {
        "build_id": meta[0],
        "precomputed": json.loads(meta[1]),
        "nodes": nodes,
        "arrays": arrays,
        "posts": posts,
    }


def mention_evidence(db: sqlite3.Connection, post_id: str, text_sql: str) -> dict[str, list[dict]]:
    """Entity key -> the evidence of each mention edge of one post, as
    :func:`kgraph.graph.construct.build_graph` keeps it (``text_sql`` rebuilds a mention's
    text the store left out: see :mod:`kgraph.store.rows`)."""
    rows = db.execute(
        f'SELECT e.key, m.field, m.start, m."end", {text_sql}, m.s_start, m.s_end, m.sentence,'
        " CASE m.field WHEN 1 THEN p.title ELSE p.summary END"
        " FROM posts p JOIN mentions m ON m.post = p.n JOIN entities e ON e.id = m.entity_id"
        f' WHERE p.id = ? ORDER BY m.field, m.start, m."end", e.key, {text_sql}',
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
                "field": FIELDS[field],
                "start": start,
                "end": end,
                "sentence": sentence,
                "text": text,
                "sentence_start": s_start,
                "sentence_end": s_end,
            }
        )
    return out


def relation_evidence(
    db: sqlite3.Connection,
    sentence_sql: str,
    types: list[str],
    post_ids: list[str] | None,
    entity: str | None = None,
) -> dict[tuple[str, str, str], list[dict]]:
    """(head, type, tail) -> the evidence of each relation of ``types`` (in ``post_ids``, or
    every post; with ``entity`` at one end), best first, as
    :func:`kgraph.graph.construct.stated_edges` keeps it."""
    where = f"y.name IN ({','.join('?' * len(types))})"
    args = list(types)
    if entity is not None:
        where += " AND (h.key = ? OR t.key = ?)"
        args += [entity, entity]
    if post_ids is not None:
        where += f" AND p.id IN ({','.join('?' * len(post_ids))})"
        args += post_ids
    found: dict[tuple[str, str, str], list[dict]] = {}
    for post_id, head, type_, tail, sentence, method, confidence in db.execute(
        f"SELECT p.id, h.key, y.name, t.key, {sentence_sql}, k.method, k.confidence"
        " FROM relations r JOIN posts p ON p.n = r.post"
        " JOIN entities h ON h.id = r.head JOIN entities t ON t.id = r.tail"
        " JOIN relation_types y ON y.id = r.type JOIN methods k ON k.id = r.method"
        f" WHERE {where} ORDER BY p.id, h.key, y.name, t.key, r.n",
        args,
    ):
        found.setdefault((head, type_, tail), []).append(
            {"post_id": post_id, "sentence": sentence, "method": method, "confidence": confidence}
        )
    for rows in found.values():
        rows.sort(key=lambda e: (-e["confidence"], e["post_id"]))
    return found


def post_summary(db: sqlite3.Connection, post_id: str) -> str:
    row = db.execute("SELECT summary FROM posts WHERE id = ?", (post_id,)).fetchone()
    return row[0] if row else ""
