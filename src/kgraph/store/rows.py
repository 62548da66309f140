"""Mentions and relations as the store writes them: small rows that point into their post.

A row refers to its post, entity, method and relation type by integer; its sentence (and a
mention's surface text) is kept as offsets into the post's title or summary, and as text
only when it is not found there. :mod:`kgraph.store.schema` (version 6) explains the layout.
"""

from __future__ import annotations

import sqlite3

from kgraph.model import Mention, Relation

FIELDS = ("summary", "title")
"""A field's name by its stored number (the order the names sort in, so reads keep theirs)."""
SUMMARY, TITLE = 0, 1


def write_rows(
    db: sqlite3.Connection,
    mentions: list[Mention],
    relations: list[Relation],
    texts: dict[str, tuple[str, str]],
) -> None:
    """Insert ``mentions`` and ``relations`` of the posts whose ``(title, summary)`` are in
    ``texts``; their posts are already written."""
    entities = {(m.entity_key, m.type, m.canonical) for m in mentions}
    for r in relations:
        entities.add((r.head_key, r.head_type, r.head))
        entities.add((r.tail_key, r.tail_type, r.tail))
    db.executemany(
        "INSERT OR IGNORE INTO entities (key, type, canonical) VALUES (?, ?, ?)", sorted(entities)
    )
    ids = dict(db.execute("SELECT key, id FROM entities"))
    db.executemany(
        "INSERT OR IGNORE INTO methods (method, confidence) VALUES (?, ?)",
        sorted({(x.method, x.confidence) for x in [*mentions, *relations]}),
    )
    methods = {(m, c): i for i, m, c in db.execute("SELECT id, method, confidence FROM methods")}
    db.executemany(
        "INSERT OR IGNORE INTO relation_types (name) VALUES (?)",
        sorted({(r.type,) for r in relations}),
    )
    types = {name: i for i, name in db.execute("SELECT id, name FROM relation_types")}
    post_n = {i: n for i, n in db.execute("SELECT id, n FROM posts") if i in texts}
    place: dict[str, int] = {}

    def next_place(post_id: str) -> int:
        place[post_id] = place.get(post_id, 0) + 1
        return place[post_id]

    db.executemany(
        'INSERT INTO mentions (post, n, entity_id, text, field, start, "end", s_start, s_end,'
        " sentence, method) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                post_n[m.post_id],
                next_place(m.post_id),
                ids[m.entity_key],
                *mention_row(m, texts[m.post_id]),
                methods[m.method, m.confidence],
            )
            for m in mentions
        ],
    )
    place.clear()
    db.executemany(
        "INSERT INTO relations (post, n, head, type, tail, field, s_start, s_end, sentence,"
        " method) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                post_n[r.post_id],
                next_place(r.post_id),
                ids[r.head_key],
                types[r.type],
                ids[r.tail_key],
                *sentence_row(r.sentence, texts[r.post_id]),
                methods[r.method, r.confidence],
            )
            for r in relations
        ],
    )


def prune(db: sqlite3.Connection) -> None:
    """Drop entities, methods and relation types no mention or relation refers to."""
    db.execute(
        "DELETE FROM entities WHERE id NOT IN (SELECT entity_id FROM mentions"
        " UNION SELECT head FROM relations UNION SELECT tail FROM relations)"
    )
    db.execute(
        "DELETE FROM methods WHERE id NOT IN"
        " (SELECT method FROM mentions UNION SELECT method FROM relations)"
    )
    db.execute("DELETE FROM relation_types WHERE id NOT IN (SELECT type FROM relations)")


def mention_row(m: Mention, texts: tuple[str, str]) -> tuple:
    """``(text, field, start, end, s_start, s_end, sentence)`` of a mention: its text is
    NULL when the field holds it at ``start:end``, its sentence offsets when found there.

    >>> m = Mention("p", "Kafka", "TECHNOLOGY", "Kafka", "summary", 16, 21,
    ...             "We moved Kafka.", "ontology", 1.0)
    >>> mention_row(m, ("Title", "Intro. We moved Kafka. Done."))
    (None, 0, 16, 21, 7, 22, None)
    >>> mention_row(m, ("Title", "Edited since."))
    ('Kafka', 0, 16, 21, None, None, 'We moved Kafka.')
    """
    field = TITLE if m.field == "title" else SUMMARY
    text = texts[0] if field == TITLE else texts[1]
    surface = None if text[m.start : m.end] == m.text else m.text
    at = text.find(m.sentence, max(0, m.end - len(m.sentence)))
    if at < 0:
        at = text.find(m.sentence)
    if at >= 0:
        return surface, field, m.start, m.end, at, at + len(m.sentence), None
    return surface, field, m.start, m.end, None, None, m.sentence


def sentence_row(sentence: str, texts: tuple[str, str]) -> tuple:
    """``(field, s_start, s_end, sentence)`` of a relation's sentence: offsets into the
    post's title or summary when it is there, else the text itself.

    >>> sentence_row("We moved Kafka.", ("Title", "Intro. We moved Kafka. Done."))
    (0, 7, 22, None)
    >>> sentence_row("Elsewhere.", ("Title", "Intro."))
    (None, None, None, 'Elsewhere.')
    """
    if sentence:
        for field, text in ((TITLE, texts[0]), (SUMMARY, texts[1])):
            at = text.find(sentence)
            if at >= 0:
                return field, at, at + len(sentence), None
    return None, None, None, sentence
