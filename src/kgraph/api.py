"""What the CLI and the app call: build a store from corpora, and read it back.

Every answer kgraph gives comes from a plain function here or in :mod:`kgraph.analysis`,
so a test can call it without a terminal or a browser.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kgraph import warmpath
from kgraph.corpus import read_corpus
from kgraph.engines import get_engine
from kgraph.model import Mention, Post
from kgraph.store import DEFAULT_DB, Snapshot, open_store, post_row

Progress = Callable[[str, int, int], None]
"""Called as progress(stage, done, total) while a build runs."""

SMALL_BATCH = 200  # fewer posts to extract than this run in one process
PARALLEL_FROM = 1000  # from this many posts to extract, a build uses two processes
CACHE_FLUSH = 500  # posts extracted between cache commits, so a killed build keeps its work


@dataclass
class BuildReport:
    """What a build did, for the CLI to print and tests to check."""

    db: str
    build_id: int | None
    posts: int
    mentions: int
    extracted: int
    cached: int
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pipeline_version: str = ""
    seconds: dict[str, float] = field(default_factory=dict)


def build(
    sources: Iterable[str | Path] = (),
    *,
    db: str | Path | None = None,
    fmt: str | None = None,
    encoding: str | None = None,
    strict: bool = False,
    ontology_files: Iterable[str | Path] = (),
    rules_only: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    batch_size: int = 256,
    n_process: int | None = None,
    progress: Progress | None = None,
    extractor=None,
    add: bool = False,
) -> BuildReport:
    """Read corpora, extract what the store and the cache lack, and commit the new build.

    No sources means the shipped corpus. Posts the last build already holds, unchanged and
    under the same pipeline version, are kept as they are; the rest come from the
    extraction cache or are extracted (``n_process`` None: two processes for large
    batches). With ``add``, the store's current posts stay and the new ones join them;
    otherwise the store holds exactly these corpora afterwards. The store keeps the
    previous build until the new one commits, in one transaction.
    """
    started = time.time()
    seconds: dict[str, float] = {}
    sources = [str(s) for s in sources]
    inputs = sources or ["(shipped corpus)"]
    ontology_files = list(ontology_files)
    read = read_corpus(sources, fmt=fmt, encoding=encoding, strict=strict)
    seconds["read"] = time.time() - started
    if progress:
        progress("read", len(read.posts), len(read.posts))

    store = open_store(db or DEFAULT_DB, create=True)
    try:
        posts = read.posts
        if add:
            posts, inputs = _with_stored(store, posts, inputs)
        t = time.time()
        # The pipeline version comes from a memo keyed by the files it depends on, so an
        # unchanged corpus is recognised without loading spaCy (see kgraph.warmpath).
        memo = None if extractor is not None else warmpath.fingerprint(ontology_files, rules_only)
        known = warmpath.remembered_version(store, memo) if memo else None
        if extractor is not None:
            known = [extractor.version, list(extractor.warnings)]
        plan = _plan(store, posts, known[0]) if known else None
        if plan is None or plan.todo:
            if extractor is None:
                from kgraph.extract import load_extractor  # spaCy loads only when needed

                extractor = load_extractor(ontology_files=ontology_files, rules_only=rules_only)
                warmpath.remember_version(store, memo, [extractor.version, extractor.warnings])
            if not known or known[0] != extractor.version:
                plan = _plan(store, posts, extractor.version)
            known = [extractor.version, list(extractor.warnings)]
        version, warnings = known
        seconds["load"] = time.time() - t

        last = store.latest_build()
        if not plan.changed and plan.unchanged_store and last and last["inputs"] == inputs:
            return BuildReport(
                db=str(db or DEFAULT_DB),
                build_id=last["id"],
                posts=len(posts),
                mentions=last["n_mentions"],
                extracted=0,
                cached=len(posts),
                skipped=read.skipped,
                warnings=list(warnings),
                pipeline_version=version,
                seconds=seconds,
            )

        t = time.time()
        _extract(
            store,
            extractor,
            plan,
            version,
            engine=engine,
            scheduler=scheduler,
            batch_size=batch_size,
            n_process=n_process,
            progress=progress,
            ontology_files=ontology_files,
            rules_only=rules_only,
        )
        seconds["extract"] = time.time() - t

        t = time.time()
        mentions = [
            Mention(post_id=p.id, **m) for p in plan.changed for m in plan.cached[p.content_hash]
        ]
        build_id = store.write_build(
            posts,
            mentions,
            keep=plan.keep,
            inputs=inputs,
            pipeline_version=version,
            n_extracted=len(plan.todo),
            started_at=started,
        )
        n_mentions = store.latest_build()["n_mentions"]
        seconds["store"] = time.time() - t
    finally:
        store.close()
    return BuildReport(
        db=str(db or DEFAULT_DB),
        build_id=build_id,
        posts=len(posts),
        mentions=n_mentions,
        extracted=len(plan.todo),
        cached=len(posts) - len(plan.todo),
        skipped=read.skipped,
        warnings=list(warnings),
        pipeline_version=version,
        seconds=seconds,
    )


def _with_stored(store, posts: list[Post], inputs: list[str]) -> tuple[list[Post], list[str]]:
    """The store's posts plus ``posts`` (a new post replaces a stored one with its id)."""
    last = store.latest_build()
    if last is None:
        return posts, inputs
    new = {p.id for p in posts}
    kept = [p for p in store.posts() if p.id not in new]
    return kept + posts, list(dict.fromkeys([*last["inputs"], *inputs]))


@dataclass
class _Plan:
    """What a build must do under one pipeline version."""

    keep: set[str]
    """Ids of posts the store already holds, unchanged, with this version's mentions."""
    changed: list[Post]
    """Posts to (re)write: new, edited, or stored under another version."""
    cached: dict[str, list[dict]]
    """Extraction results by content hash for the changed posts, from the cache."""
    todo: list[Post]
    """Changed posts the cache lacks, one per content hash: these get extracted."""
    unchanged_store: bool
    """The store holds exactly the kept posts, nothing more."""


def _plan(store, posts: list[Post], version: str) -> _Plan:
    last = store.latest_build()
    stored = store.post_rows() if last and last["pipeline_version"] == version else {}
    keep = {p.id for p in posts if stored.get(p.id) == post_row(p)}
    changed = [p for p in posts if p.id not in keep]
    cached = store.cached({p.content_hash for p in changed}, version)
    todo = list({p.content_hash: p for p in changed if p.content_hash not in cached}.values())
    return _Plan(keep, changed, cached, todo, unchanged_store=len(stored) == len(keep))


def _extract(
    store, extractor, plan: _Plan, version: str, *, engine, n_process, progress, **options
) -> None:
    """Extract the plan's todo posts into its cache and the store's cache table."""
    if not plan.todo:
        return
    if n_process is None:
        n_process = min(2, os.cpu_count() or 1) if len(plan.todo) >= PARALLEL_FROM else 1
    # A few posts do not repay starting worker processes (each loads the pipeline).
    n_process = n_process if len(plan.todo) >= SMALL_BATCH else 1
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress("extract", done, len(plan.todo))

    pending: list[tuple[str, list[dict]]] = []
    for post, mentions in get_engine(engine)(
        extractor, plan.todo, n_process=n_process, progress=tick, **options
    ):
        pending.append((post.content_hash, [m.to_dict() for m in mentions]))
        plan.cached[post.content_hash] = pending[-1][1]
        if len(pending) >= CACHE_FLUSH:
            store.put_cache(pending, version)
            pending = []
    if pending:
        store.put_cache(pending, version)


def has_build(db: str | Path | None = None) -> bool:
    """Whether the store at ``db`` exists and holds a complete build."""
    path = Path(db or DEFAULT_DB)
    if not path.exists():
        return False
    with open_store(path) as store:
        return store.latest_build() is not None


def load_snapshot(db: str | Path | None = None) -> Snapshot:
    """Everything the latest build stored, read consistently."""
    with open_store(db or DEFAULT_DB) as store:
        return store.snapshot()


def stats(db: str | Path | None = None) -> dict:
    """Counts of what the store holds, and what its latest build was."""
    snap = load_snapshot(db)
    by_type: dict[str, set[str]] = {}
    by_method: dict[str, int] = {}
    for m in snap.mentions:
        by_type.setdefault(m.type, set()).add(m.canonical)
        by_method[m.method] = by_method.get(m.method, 0) + 1
    build = snap.build or {}
    return {
        "db": str(db or DEFAULT_DB),
        "posts": len(snap.posts),
        "entities": {t: len(names) for t, names in sorted(by_type.items())},
        "mentions": len(snap.mentions),
        "mentions_by_method": dict(sorted(by_method.items())),
        "build": {
            k: build.get(k)
            for k in ("id", "finished_at", "inputs", "pipeline_version", "n_extracted")
        }
        if build
        else None,
    }


def posts_by_id(snapshot: Snapshot) -> dict[str, Post]:
    return {p.id: p for p in snapshot.posts}
