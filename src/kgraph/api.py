"""What the CLI and the app call: build a store from corpora, and read it back.

Every answer kgraph gives comes from a plain function here or in :mod:`kgraph.analysis`,
so a test can call it without a terminal or a browser.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kgraph import warmpath
from kgraph.corpus import read_corpus
from kgraph.engines import get_engine
from kgraph.model import Mention, Post
from kgraph.store import DEFAULT_DB, Snapshot, open_store

Progress = Callable[[str, int, int], None]
"""Called as progress(stage, done, total) while a build runs."""

SMALL_BATCH = 200  # fewer posts to extract than this run in one process
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
    n_process: int = 1,
    progress: Progress | None = None,
    extractor=None,
) -> BuildReport:
    """Read corpora, extract what the cache lacks, and replace the store's content at once.

    No sources means the shipped corpus. The store keeps the previous build until the new
    one commits, in one transaction.
    """
    started = time.time()
    seconds: dict[str, float] = {}
    sources = [str(s) for s in sources]
    read = read_corpus(sources, fmt=fmt, encoding=encoding, strict=strict)
    seconds["read"] = time.time() - started
    if progress:
        progress("read", len(read.posts), len(read.posts))

    store = open_store(db or DEFAULT_DB, create=True)
    try:
        # Warm path: the pipeline version from a memo keyed by the files it depends on, so
        # an unchanged corpus is recognised without loading spaCy (see kgraph.warmpath).
        t = time.time()
        inputs = sources or ["(shipped corpus)"]
        memo = None if extractor is not None else warmpath.fingerprint(ontology_files, rules_only)
        known = (
            warmpath.remembered_version(store, memo)
            if memo
            else [extractor.version, extractor.warnings]
        )
        same = known and warmpath.holds_build(store, read.posts, known[0], inputs)
        if same:
            seconds["check"] = time.time() - t
            return BuildReport(
                db=str(db or DEFAULT_DB),
                build_id=same["id"],
                posts=len(read.posts),
                mentions=same["n_mentions"],
                extracted=0,
                cached=len(read.posts),
                skipped=read.skipped,
                warnings=list(known[1]),
                pipeline_version=known[0],
                seconds=seconds,
            )
        cached = store.cached((p.content_hash for p in read.posts), known[0]) if known else {}
        missing = any(p.content_hash not in cached for p in read.posts)
        if extractor is None and (missing or not known):
            from kgraph.extract import load_extractor  # spaCy loads only when a build needs it

            extractor = load_extractor(ontology_files=ontology_files, rules_only=rules_only)
            warmpath.remember_version(store, memo, [extractor.version, extractor.warnings])
            if not known or known[0] != extractor.version:
                cached = store.cached((p.content_hash for p in read.posts), extractor.version)
            known = [extractor.version, extractor.warnings]
        version, warnings = known
        seconds["load"] = time.time() - t

        t = time.time()
        todo = list(
            {p.content_hash: p for p in read.posts if p.content_hash not in cached}.values()
        )
        # A few posts do not repay starting worker processes (each loads the pipeline).
        n_process = n_process if len(todo) >= SMALL_BATCH else 1
        done = 0

        def tick(n: int) -> None:
            nonlocal done
            done += n
            if progress:
                progress("extract", done, len(todo))

        run = get_engine(engine) if todo else (lambda *_, **__: ())  # all cached: no engine
        pending: list[tuple[str, list[dict]]] = []
        for post, mentions in run(
            extractor,
            todo,
            batch_size=batch_size,
            n_process=n_process,
            progress=tick,
            scheduler=scheduler,
            ontology_files=list(ontology_files),
            rules_only=rules_only,
        ):
            pending.append((post.content_hash, [m.to_dict() for m in mentions]))
            cached[post.content_hash] = pending[-1][1]
            if len(pending) >= CACHE_FLUSH:
                store.put_cache(pending, version)
                pending = []
        if pending:
            store.put_cache(pending, version)
        seconds["extract"] = time.time() - t

        t = time.time()
        mentions = [Mention(post_id=p.id, **m) for p in read.posts for m in cached[p.content_hash]]
        build_id = store.replace_build(
            read.posts,
            mentions,
            inputs=sources or ["(shipped corpus)"],
            pipeline_version=version,
            n_extracted=len(todo),
            started_at=started,
        )
        seconds["store"] = time.time() - t
    finally:
        store.close()
    return BuildReport(
        db=str(db or DEFAULT_DB),
        build_id=build_id,
        posts=len(read.posts),
        mentions=len(mentions),
        extracted=len(todo),
        cached=len(read.posts) - len(todo),
        skipped=read.skipped,
        warnings=list(warnings),
        pipeline_version=version,
        seconds=seconds,
    )


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
