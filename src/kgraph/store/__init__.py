"""The SQLite store: posts, entities, mentions with evidence, builds and the extraction cache.

One file (default ``data/kgraph.db``) in WAL mode, so the app reads while a build writes.
A build swaps the whole content in one transaction: a build that fails or is killed
leaves the previous one complete. Reads happen inside one read transaction, so a reader
sees the old build or the new one, never a mix.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kgraph import config
from kgraph.errors import StoreError
from kgraph.model import Mention, Post, Relation, Snapshot
from kgraph.store import cache, graph_tables, rows
from kgraph.store.schema import MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = config.DEFAULT_DB
ADDED_MEMO = "build_added"
"""``pipeline_memo`` key: ``{"build", "base", "added"}`` of the latest build: the build
before it, and the ids of the posts it added when it kept every post ``base`` held
unchanged (None when it removed or rewrote any). The graph stage reads it to update the
stored entity level instead of recomputing it."""
APPLICATION_ID = 0x6B677268  # "kgrh": marks a file as a kgraph store
SQLITE_MAGIC = b"SQLite format 3\x00"

# A mention's evidence and surface text, rebuilt from the post's field when the store kept
# only offsets.
_SENTENCE = (
    "COALESCE(m.sentence, substr(CASE m.field WHEN 1 THEN p.title ELSE p.summary END,"
    " m.s_start + 1, m.s_end - m.s_start))"
)
_TEXT = (
    "COALESCE(m.text, substr(CASE m.field WHEN 1 THEN p.title ELSE p.summary END,"
    ' m.start + 1, m."end" - m.start))'
)
# A relation's sentence, likewise.
_RELATION_SENTENCE = (
    "COALESCE(r.sentence, substr(CASE r.field WHEN 1 THEN p.title ELSE p.summary END,"
    " r.s_start + 1, r.s_end - r.s_start))"
)
# A post's columns in the order of :func:`post_row` (its integer key ``n`` is the store's own).
_POST_COLUMNS = "id, title, summary, url, source, published, tags, origin"


def _check_file(path: Path) -> None:
    """Refuse a directory, an empty file or a file that is not SQLite, before opening it."""
    if path.is_dir():
        raise StoreError(
            f"{path} is a directory, not a store file; pass a file, e.g. {path / 'kgraph.db'}"
        )
    if not path.exists():
        return
    if path.stat().st_size == 0:
        raise StoreError(
            f"{path} is an empty file, not a kgraph store; it was left untouched. "
            "Pass another --db path, or remove the file if it is yours to delete."
        )
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_MAGIC:
            raise StoreError(
                f"{path} is not a kgraph store (not an SQLite file); it was left untouched. "
                "Pass another --db path, or remove the file if it is yours to delete."
            )


def _disk_full(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code == sqlite3.SQLITE_FULL or "database or disk is full" in str(exc)


def _create(path: Path) -> None:
    """Make a new, empty store at ``path`` whole or not at all.

    The store is made under a temporary name beside ``path`` and linked into place, so
    ``path`` is never an empty or half-made file; that lets :func:`open_store` refuse
    every existing file that is not already a kgraph store. If another process made
    ``path`` first, theirs is kept.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            _migrate(conn, tmp)
        finally:
            conn.close()
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another build made it meanwhile: open theirs
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(tmp, path)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: a new store cannot be made there ({exc}).") from None
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            with contextlib.suppress(OSError):
                leftover.unlink()


class Store:
    """A kgraph store on disk. Use :func:`open_store` to get one."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self.conn = conn
        self.need_bytes = 0
        """About how many bytes the write under way needs (for a full disk's message)."""
        self.wrote = False

    def close(self) -> None:
        if self.wrote:
            self._truncate_wal()
        self.conn.close()

    def _truncate_wal(self) -> None:
        """Copy the WAL into the store and empty it, if no reader holds it: a build's WAL
        is as big as what it wrote, and an open app would otherwise keep it on disk."""
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA busy_timeout = 0")  # a reader's turn: leave it be
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._damage_is_a_store_error():
            self.conn.execute("BEGIN")
            try:
                yield self.conn
            finally:
                if self.conn.in_transaction:
                    self.conn.execute("COMMIT")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._damage_is_a_store_error(), _transaction(self.conn):
            self.wrote = True
            yield self.conn

    @contextmanager
    def _damage_is_a_store_error(self) -> Iterator[None]:
        """A store damaged past its header (or locked for too long) is a message, not a trace."""
        try:
            yield
        except (sqlite3.IntegrityError, sqlite3.ProgrammingError):
            raise  # our bug, not the file's
        except sqlite3.DatabaseError as exc:
            if _disk_full(exc):
                raise StoreError(self._disk_full_message()) from None
            raise StoreError(
                f"{self.path} cannot be read as a kgraph store ({exc}). It was not changed; "
                "rebuild into a new file: kgraph build --db NEW.db"
            ) from None

    def _disk_full_message(self) -> str:
        free = shutil.disk_usage(self.path.parent).free if self.path.parent.exists() else 0
        need = max(self.need_bytes, 1 << 20)
        return (
            f"The disk holding {self.path} is full ({free / 1e6:.1f} MB free): this build "
            "was not written, and the previous build in the store is intact. Free at least "
            f"{need / 1e6:.0f} MB there and build again, or build into a store on another "
            "disk with --db."
        )

    # -- reading -----------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """Posts, mentions and the latest build, consistent with each other."""
        with self._read() as db:
            posts = self._posts(db)
            mentions = [
                Mention(r[0], r[1], r[2], r[3], rows.FIELDS[r[4]], r[5], r[6], r[7], r[8], r[9])
                for r in db.execute(
                    f'SELECT p.id, {_TEXT}, e.type, e.canonical, m.field, m.start, m."end",'
                    f" {_SENTENCE}, k.method, k.confidence FROM mentions m"
                    " JOIN entities e ON e.id = m.entity_id"
                    " JOIN posts p ON p.n = m.post"
                    " JOIN methods k ON k.id = m.method"
                    # Content order, not insertion order: an incremental build and a
                    # fresh one of the same corpus read back the same.
                    ' ORDER BY p.id, m.field, m.start, m."end", e.key'
                )
            ]
            build = self._latest_build(db)
            relations = _relations(db)
        return Snapshot(posts, mentions, build, relations)

    def mention_summary(self) -> dict:
        """Counts over the posts and mentions, made by SQLite in one read (no snapshot: at
        100,000 posts that is a gigabyte): posts, mentions, ``(method, confidence, n)``,
        ``(type, canonical, posts naming it)``, ``(YYYY-MM, posts)`` and the latest build."""
        with self._read() as db:
            return {
                "posts": db.execute("SELECT COUNT(*) FROM posts").fetchone()[0],
                "mentions": db.execute("SELECT COUNT(*) FROM mentions").fetchone()[0],
                "methods": db.execute(
                    "SELECT k.method, k.confidence, COUNT(*) FROM mentions m"
                    " JOIN methods k ON k.id = m.method GROUP BY m.method ORDER BY m.method"
                ).fetchall(),
                "entities": db.execute(
                    "SELECT e.type, e.canonical, COUNT(DISTINCT m.post) FROM mentions m"
                    " JOIN entities e ON e.id = m.entity_id GROUP BY m.entity_id"
                ).fetchall(),
                "months": db.execute(
                    "SELECT substr(published, 1, 7), COUNT(*) FROM posts"
                    " WHERE published != '' GROUP BY 1 ORDER BY 1"
                ).fetchall(),
                "build": self._latest_build(db),
            }

    def posts_with_mentions(
        self, ids: Iterable[str] | None = None
    ) -> Iterator[tuple[Post, list[Mention]]]:
        """Each post (by id; only those of ``ids`` if given) with its mentions in the
        snapshot's order, one at a time."""
        where, args = "", []
        if ids is not None:
            where, args = " WHERE p.id IN (SELECT value FROM json_each(?))", [json.dumps(list(ids))]
        with self._read() as db:
            cursor = db.execute(
                f"SELECT {', '.join('p.' + c for c in _POST_COLUMNS.split(', '))},"
                f' {_TEXT}, e.type, e.canonical, m.field, m.start, m."end",'
                f" {_SENTENCE}, k.method, k.confidence FROM posts p"
                " LEFT JOIN mentions m ON m.post = p.n"
                " LEFT JOIN entities e ON e.id = m.entity_id"
                f" LEFT JOIN methods k ON k.id = m.method{where}"
                f' ORDER BY p.id, m.field, m.start, m."end", e.type, e.canonical, {_TEXT}',
                args,
            )
            post, mentions = None, []
            for row in cursor:
                if post is None or row[0] != post.id:
                    if post is not None:
                        yield post, mentions
                    post, mentions = _post(row), []
                if row[10] is not None:  # a post with no mention has one row of NULLs
                    text, type_, canonical, field, *rest = row[8:17]
                    mentions.append(
                        Mention(post.id, text, type_, canonical, rows.FIELDS[field], *rest)
                    )
            if post is not None:
                yield post, mentions

    def post_sources(self) -> list[tuple[str, str]]:
        """``(id, source)`` of every post, by id."""
        with self._read() as db:
            return db.execute("SELECT id, source FROM posts ORDER BY id").fetchall()

    def companies(self, ids: Iterable[str] | None = None) -> set[str]:
        """The companies the store's mentions name (only those of posts ``ids`` if given)."""
        where, args = "", []
        if ids is not None:
            where = (
                " AND m.post IN (SELECT n FROM posts WHERE id IN (SELECT value FROM json_each(?)))"
            )
            args = [json.dumps(list(ids))]
        with self._read() as db:
            return {
                name
                for (name,) in db.execute(
                    "SELECT DISTINCT e.canonical FROM mentions m"
                    f" JOIN entities e ON e.id = m.entity_id WHERE e.type = 'COMPANY'{where}",
                    args,
                )
            }

    def relations(self, *, sentences: bool = True) -> list[Relation]:
        """Every stored relation, by post, head, type and tail. Without ``sentences`` each
        has ``""`` for its sentence, which the store then need not cut from the posts' text
        (the entity level keeps none)."""
        with self._read() as db:
            return _relations(db, _RELATION_SENTENCE if sentences else "''")

    # -- the graph tables (kgraph.store.graph_tables) ------------------------------------

    def graph_built_for(self) -> int | None:
        """The build whose precomputed graph the store holds (None: none yet)."""
        with self._read() as db:
            return graph_tables.built_for(db)

    def write_graph(self, nodes, arrays: dict[str, bytes]) -> None:
        """Replace the graph tables with a new entity level (see :func:`graph_tables.write`)."""
        with self._write() as db:
            graph_tables.write(db, nodes, arrays)

    def finish_graph(self, build_id: int, measures: dict, precomputed: dict) -> None:
        """Make the graph tables current for ``build_id`` (see :func:`graph_tables.finish`)."""
        with self._write() as db:
            graph_tables.finish(db, build_id, measures, precomputed)

    def graph_rows(self, *, current: bool = True) -> dict | None:
        """The precomputed graph, posts, mention counts and relations of the latest build,
        read in one transaction. None when the graph tables are not the latest build's
        (with ``current=False``, whatever the tables hold is read: the build does that
        before :meth:`finish_graph`)."""
        with self._read() as db:
            build = self._latest_build(db)
            if build is None or (current and graph_tables.built_for(db) != build["id"]):
                return None
            rows = graph_tables.read(db)
            rows["build"] = build
            return rows

    def mention_evidence(self, post_id: str) -> dict[str, list[dict]]:
        """Entity key -> the sentences where one post mentions it, with offsets."""
        with self._read() as db:
            return graph_tables.mention_evidence(db, post_id, _TEXT)

    def relation_evidence(
        self, types: list[str], post_ids: list[str] | None = None, entity: str | None = None
    ) -> dict[tuple[str, str, str], list[dict]]:
        """(head, type, tail) -> sentences stating it, best first (see
        :func:`graph_tables.relation_evidence`)."""
        with self._read() as db:
            return graph_tables.relation_evidence(db, _RELATION_SENTENCE, types, post_ids, entity)

    def post_summary(self, post_id: str) -> str:
        with self._read() as db:
            return graph_tables.post_summary(db, post_id)

    def posts(self) -> list[Post]:
        """Every stored post by id, as :meth:`snapshot` has them (without their mentions,
        which a snapshot reads too: most of its time)."""
        with self._read() as db:
            return self._posts(db)

    @staticmethod
    def _posts(db: sqlite3.Connection) -> list[Post]:
        return [_post(row) for row in db.execute(f"SELECT {_POST_COLUMNS} FROM posts ORDER BY id")]

    def latest_build(self) -> dict | None:
        with self._read() as db:
            return self._latest_build(db)

    @staticmethod
    def _latest_build(db: sqlite3.Connection) -> dict | None:
        cur = db.execute("SELECT * FROM builds ORDER BY id DESC LIMIT 1")
        row = cur.fetchone()
        if row is None:
            return None
        build = dict(zip([c[0] for c in cur.description], row, strict=True))
        build["inputs"] = json.loads(build["inputs"])
        return build

    def counts(self) -> dict[str, int]:
        with self._read() as db:
            out = {
                t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("posts", "mentions", "builds")
            }
            # The entities the posts mention (a relation may name one a capped post dropped).
            by_type = dict(
                db.execute(
                    "SELECT type, COUNT(*) FROM entities"
                    " WHERE id IN (SELECT entity_id FROM mentions) GROUP BY type"
                )
            )
            out["entities"] = sum(by_type.values())
            out.update({f"entities_{t.lower()}": n for t, n in by_type.items()})
        return out

    # -- extraction cache ----------------------------------------------------------------

    def cached(self, posts: Iterable[Post], version: str) -> dict[str, list[dict]]:
        """Cached extraction results of these posts under this pipeline version, by content
        hash."""
        by_key = {_cache_key(p.content_hash, version): p for p in posts}
        wanted = list(by_key)
        found: dict[str, list[dict]] = {}
        with self._read() as db:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                marks = ",".join("?" * len(chunk))
                for key, blob in db.execute(
                    f"SELECT key, mentions FROM extraction_cache WHERE key IN ({marks})", chunk
                ):
                    post = by_key[key]
                    found[post.content_hash] = cache.unpack(post, blob)
        return found

    def put_cache(self, items: Iterable[tuple[Post, list[dict]]], version: str) -> None:
        """Remember each post's extraction results (mention and relation dicts); committed
        at once so a killed build keeps them."""
        rows = [(_cache_key(p.content_hash, version), cache.pack(p, found)) for p, found in items]
        self.need_bytes = 3 * sum(len(blob) + 60 for _, blob in rows)
        with self._write():
            self.conn.executemany("INSERT OR REPLACE INTO extraction_cache VALUES (?, ?)", rows)

    # -- pipeline memo --------------------------------------------------------------------

    def memo(self, key: str):
        """A value remembered under ``key`` (see :mod:`kgraph.pipeline.warm`), or None."""
        with self._read() as db:
            row = db.execute("SELECT value FROM pipeline_memo WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else None

    def remember(self, key: str, value) -> None:
        """Keep ``value`` (JSON) under ``key``, committed at once."""
        with self._write():
            self.conn.execute(
                "INSERT OR REPLACE INTO pipeline_memo VALUES (?, ?)", [key, json.dumps(value)]
            )

    # -- writing a build -------------------------------------------------------------------

    def post_rows(self) -> dict[str, tuple]:
        """Every stored post's row by id, to tell which posts a new build changes."""
        with self._read() as db:
            return {row[0]: tuple(row) for row in db.execute(f"SELECT {_POST_COLUMNS} FROM posts")}

    def write_build(
        self,
        posts: list[Post],
        mentions: list[Mention],
        *,
        keep: set[str] = frozenset(),
        moved: dict[str, str] | None = None,
        relations: Iterable[Relation] = (),
        inputs: list[str],
        pipeline_version: str,
        n_extracted: int,
        started_at: float,
        add: bool = False,
    ) -> int:
        """Make the store hold exactly ``posts``, in one transaction; returns the build's id.

        Posts whose ids are in ``keep`` are already stored, unchanged, with their mentions
        under this pipeline version, and stay untouched; ``mentions`` are those of the other
        posts. Everything else the store held goes, so an incremental build writes only
        what changed. When nothing went, the ids of the posts it added are noted under
        :data:`ADDED_MEMO` (the graph stage then updates the stored entity level).

        With ``add``, every post the store holds when the write begins stays too, with its
        mentions: the store is re-read under the write lock, so a build that committed
        while this one was extracting (another ``--add``, another upload) is not lost.

        ``relations`` are the stated relations of the same posts as ``mentions``. ``moved``
        gives kept posts their new ``origin`` (the same file under another spelling).
        """
        # rows, their index entries and the WAL copy before the checkpoint: about 3 times
        self.need_bytes = 3 * (
            sum(len(p.title) + len(p.summary) + len(p.url) + 200 for p in posts)
            + sum(len(m.sentence) + len(m.text) + len(m.entity_key) + 80 for m in mentions)
        )
        texts = {p.id: (p.title, p.summary) for p in posts if p.id not in keep}
        with self._write() as db:
            first = db.execute("SELECT COUNT(*) FROM builds").fetchone()[0] == 0
            base = self._latest_build(db)
            if add:
                posts, keep, inputs = self._merge_stored(db, posts, keep, inputs)
            held = db.execute("SELECT COUNT(*) FROM posts").fetchone()[0]
            if keep:
                db.execute("CREATE TEMP TABLE IF NOT EXISTS keep_ids (id TEXT PRIMARY KEY)")
                db.execute("DELETE FROM keep_ids")
                db.executemany("INSERT INTO keep_ids VALUES (?)", [(i,) for i in keep])
                gone = "SELECT n FROM posts WHERE id NOT IN (SELECT id FROM keep_ids)"
                db.execute(f"DELETE FROM mentions WHERE post IN ({gone})")
                db.execute(f"DELETE FROM relations WHERE post IN ({gone})")
                db.execute("DELETE FROM posts WHERE id NOT IN (SELECT id FROM keep_ids)")
            else:
                db.execute("DELETE FROM mentions")
                db.execute("DELETE FROM relations")
                db.execute("DELETE FROM posts")
            # Every post held before is still there, untouched: the build only adds.
            kept_all = held == db.execute("SELECT COUNT(*) FROM posts").fetchone()[0]
            db.executemany(
                f"INSERT INTO posts ({_POST_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [post_row(p) for p in posts if p.id not in keep],
            )
            db.executemany(
                "UPDATE posts SET origin = ? WHERE id = ?",
                [(origin, i) for i, origin in (moved or {}).items() if i in keep],
            )
            relations = list(relations)
            rows.write_rows(db, mentions, relations, texts)
            rows.prune(db)
            n_mentions = db.execute("SELECT COUNT(*) FROM mentions").fetchone()[0]
            cur = db.execute(
                "INSERT INTO builds (started_at, finished_at, inputs, pipeline_version,"
                " n_posts, n_mentions, n_extracted) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    started_at,
                    time.time(),
                    json.dumps(inputs),
                    pipeline_version,
                    len(posts),
                    n_mentions,
                    n_extracted,
                ),
            )
            build_id = int(cur.lastrowid)
            _record_arrivals(db, build_id)
            added = [p.id for p in posts if p.id not in keep] if base and kept_all else None
            db.execute(
                "INSERT OR REPLACE INTO pipeline_memo VALUES (?, ?)",
                [
                    ADDED_MEMO,
                    json.dumps({"build": build_id, "base": base and base["id"], "added": added}),
                ],
            )
        if first:
            self._compact()
        return build_id

    def _compact(self) -> None:
        """Rewrite a store its first build filled, its pages full (about 7% smaller; the
        extraction cache, keyed by digests, fills its pages out of order). A failure
        (a full disk, a busy store) leaves the committed build as it was."""
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("VACUUM")

    def _merge_stored(
        self, db: sqlite3.Connection, posts: list[Post], keep: set[str], inputs: list[str]
    ) -> tuple[list[Post], set[str], list[str]]:
        """``posts`` plus the stored posts they do not replace, read inside the write."""
        ours = {p.id for p in posts}
        stored = [
            _post(row) for row in db.execute(f"SELECT {_POST_COLUMNS} FROM posts ORDER BY id")
        ]
        others = [p for p in stored if p.id not in ours]
        last = self._latest_build(db)
        if last is not None:
            inputs = list(dict.fromkeys([*last["inputs"], *inputs]))
        return others + posts, set(keep) | {p.id for p in others}, inputs

    # -- subscriptions ----------------------------------------------------------------------

    def feeds(self) -> list[dict]:
        """Every subscribed feed with its health and how many stored posts came from it."""
        with self._read() as db:
            cur = db.execute("SELECT * FROM feeds ORDER BY url")
            cols = [c[0] for c in cur.description]
            rows = [dict(zip(cols, row, strict=True)) for row in cur]
            per_feed: dict[str, int] = {}
            for (origin,) in db.execute("SELECT origin FROM posts"):
                feed_url = origin.rsplit("#", 1)[0]
                per_feed[feed_url] = per_feed.get(feed_url, 0) + 1
        for row in rows:
            row["posts"] = per_feed.get(row["url"], 0)
        return rows

    def record_feeds(self, results: Iterable, *, replace: bool = False) -> None:
        """Remember how each feed fetch went (:class:`~kgraph.corpus.feeds.FeedResult`).

        With ``replace``, the subscriptions become exactly these feeds (a build that makes
        the store hold exactly its corpora); otherwise they join the others.
        """
        results = list(results)
        now = time.time()
        with self._write() as db:
            if replace:
                db.execute("DELETE FROM feeds")
            for r in results:
                fetched = r.fetched_at or now
                db.execute(
                    "INSERT OR IGNORE INTO feeds (url, added_at) VALUES (?, ?)", [r.url, now]
                )
                if r.status == "failed":
                    db.execute(
                        "UPDATE feeds SET last_fetched = ?, status = 'failed', last_error = ?"
                        " WHERE url = ?",
                        [fetched, r.error, r.url],
                    )
                elif r.status == "not_modified":
                    db.execute(
                        "UPDATE feeds SET last_fetched = ?, last_ok = ?, status = 'not_modified',"
                        " last_error = '' WHERE url = ?",
                        [fetched, fetched, r.url],
                    )
                else:
                    db.execute(
                        "UPDATE feeds SET title = COALESCE(NULLIF(?, ''), title), etag = ?,"
                        " last_modified = ?, last_fetched = ?, last_ok = ?, status = 'ok',"
                        " last_error = '' WHERE url = ?",
                        [r.title, r.etag, r.last_modified, fetched, fetched, r.url],
                    )

    # -- what builds brought ------------------------------------------------------------------

    def builds(self) -> list[dict]:
        """Every build, oldest first: id, when it finished, how many posts it brought."""
        with self._read() as db:
            added = dict(
                db.execute("SELECT build_id, COUNT(*) FROM post_arrivals GROUP BY build_id")
            )
            return [
                {"id": i, "finished_at": f, "posts": n, "new_posts": added.get(i, 0)}
                for i, f, n in db.execute("SELECT id, finished_at, n_posts FROM builds ORDER BY id")
            ]

    def arrivals(self, since: int | None = None) -> dict[str, int]:
        """Post id → the build that first brought it, for builds after ``since``.

        ``since`` None means the latest build only.
        """
        with self._read() as db:
            if since is None:
                last = db.execute("SELECT MAX(id) FROM builds").fetchone()[0]
                since = (last or 0) - 1
            return dict(
                db.execute(
                    "SELECT post_id, build_id FROM post_arrivals WHERE build_id > ?", [since]
                )
            )


def _record_arrivals(db: sqlite3.Connection, build_id: int) -> None:
    """Note ``build_id`` as the arrival of every post the store did not hold before."""
    db.execute("DELETE FROM post_arrivals WHERE post_id NOT IN (SELECT id FROM posts)")
    db.execute("INSERT OR IGNORE INTO post_arrivals SELECT id, ? FROM posts", [build_id])


def _cache_key(content_hash: str, version: str) -> bytes:
    """The cache's key: 16 bytes of a digest of the content hash and the pipeline version."""
    return hashlib.sha256(f"{version}\n{content_hash}".encode()).digest()[:16]


POST_ORIGIN = -1
"""Where :func:`post_row` puts the post's ``origin`` (where it was read): the last column."""


def post_row(p: Post) -> tuple:
    """A post as the posts table stores it (column order of the schema); its content hash
    is not stored, being a digest of its title, summary, source and URL."""
    return (
        p.id,
        p.title,
        p.summary,
        p.url,
        p.source,
        p.published,
        json.dumps(p.tags, ensure_ascii=False),
        p.origin,
    )


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction: all of it lands, or none of it (also on kill -9)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if conn.in_transaction:  # SQLite may have rolled back already (e.g. on a full disk)
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@dataclass(frozen=True)
class StoreReader:
    """Reads one store's sentences and summaries for a graph that left them there
    (:mod:`kgraph.graph.stored`), opening the store for each read so that any thread may
    call it. Hashable, so readers of the same file share caches."""

    path: Path

    def mention_evidence(self, post_id: str) -> dict[str, list[dict]]:
        with open_store(self.path) as store:
            return store.mention_evidence(post_id)

    def post_summary(self, post_id: str) -> str:
        with open_store(self.path) as store:
            return store.post_summary(post_id)

    def relation_evidence(self, types, post_ids=None, entity=None) -> dict:
        with open_store(self.path) as store:
            return store.relation_evidence(types, post_ids, entity)


def _relations(db: sqlite3.Connection, sentence_sql: str = _RELATION_SENTENCE) -> list[Relation]:
    return [
        Relation(*r)
        for r in db.execute(
            "SELECT p.id, h.canonical, h.type, y.name, t.canonical, t.type,"
            f" {sentence_sql}, k.method, k.confidence FROM relations r"
            " JOIN posts p ON p.n = r.post"
            " JOIN entities h ON h.id = r.head JOIN entities t ON t.id = r.tail"
            " JOIN relation_types y ON y.id = r.type JOIN methods k ON k.id = r.method"
            " ORDER BY p.id, h.key, y.name, t.key"
        )
    ]


def _post(row) -> Post:
    return Post(
        id=row[0],
        title=row[1],
        summary=row[2],
        url=row[3],
        source=row[4],
        published=row[5],
        tags=json.loads(row[6]),
        origin=row[7],
    )


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
    if app_id != APPLICATION_ID and tables:
        raise StoreError(
            f"{path} is an SQLite database but not a kgraph store; it was left untouched. "
            "Pass another --db path."
        )
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} has schema version {version}, newer than this kgraph understands "
            f"({SCHEMA_VERSION}). Upgrade kgraph, or build into another --db path."
        )
    # Only now, with the file known to be ours (or new), may anything be written to it.
    conn.execute("PRAGMA journal_mode = WAL")
    if version == SCHEMA_VERSION:
        return
    with _transaction(conn):
        for step in range(version, SCHEMA_VERSION):
            for statement in MIGRATIONS[step + 1].split(";"):
                if statement.strip():
                    conn.execute(statement)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def open_store(path: Path | str | None = None, *, create: bool = False) -> Store:
    """Open (and with ``create``, make or migrate) the store at ``path``.

    Raises :class:`StoreError` with a fix for a missing, corrupt, foreign or newer store.
    An existing file is only ever opened as a store if it already is one: an empty file,
    another SQLite database or any other file is refused and left untouched.
    """
    path = Path(path) if path else DEFAULT_DB
    _check_file(path)
    if not path.exists():
        if not create:
            raise StoreError(
                f"No kgraph store at {path}. Build one first: kgraph build --db {path}"
            )
        _create(path)
        _check_file(path)
    conn = None
    try:
        conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 30000")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise StoreError(
                f"{path} is not a kgraph store; it was left untouched. Pass a kgraph "
                "store as --db, or build one into a new file: kgraph build --db NEW.db"
            )
        if create:
            _migrate(conn, path)
        elif version != SCHEMA_VERSION:
            raise StoreError(
                f"{path} has schema version {version}; this kgraph reads {SCHEMA_VERSION}. "
                f"Rebuild it: kgraph build --db {path}"
            )
    except StoreError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        if conn is not None:
            conn.close()
        raise StoreError(
            f"{path} cannot be read as a kgraph store ({exc}); it was left untouched. "
            "Pass another --db path, or rebuild into a new file."
        ) from None
    return Store(path, conn)
