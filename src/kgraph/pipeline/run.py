"""One build, stage by stage: read, plan, extract what the cache lacks, write the store.

The store keeps the previous build until the new one commits, in one transaction.
"""

from __future__ import annotations

import os
import queue
import threading
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from kgraph import config
from kgraph.corpus import ReadResult, read_corpus
from kgraph.corpus.read import NothingFetched
from kgraph.errors import StoreError
from kgraph.model import Mention, Post, Relation
from kgraph.pipeline import warm
from kgraph.pipeline.caps import bound, dropped_warning
from kgraph.pipeline.engines import run_engine
from kgraph.pipeline.options import BuildOptions, BuildReport, Progress
from kgraph.pipeline.plan import Plan, make_plan, with_stored
from kgraph.store import open_store


def run_build(
    sources: list[str],
    db: Path,
    options: BuildOptions,
    *,
    progress: Progress | None = None,
    extractor=None,
    read: ReadResult | None = None,
    before_write: Callable[[list[Post], list[Mention], list[Relation]], None] | None = None,
) -> BuildReport:
    """Build the store at ``db`` from ``sources`` (none: the shipped corpus).

    ``read`` gives posts already read (a refresh fetched them); ``sources`` is then ignored.
    Every feed read is remembered in the store's subscriptions, failed ones included.
    ``before_write`` is called with every post, mention and relation of a build that
    replaces all the stored posts, just before the store is written (the graph stage
    starts on them meanwhile; see :func:`kgraph.api.build`).
    """
    started = time.time()
    seconds: dict[str, float] = {}
    inputs = list(read.sources) if read is not None else sources or ["(shipped corpus)"]
    fetching = _fetches(sources, read)
    if read is None and not fetching and Path(db).exists():
        with open_store(db, create=True) as store:
            same = warm.unchanged_build(store, sources, options, extractor)
        if same is not None:
            seconds["check"] = time.time() - started
            return BuildReport(**{**same["report"], "db": str(db), "seconds": seconds})
    state = (
        warm.corpus_state(sources, options, extractor) if read is None and not fetching else None
    )
    preload = _Preload(options, db) if extractor is None and fetching else None
    if read is None:
        try:
            read = _read(sources, db, options, progress, preload)
        except BaseException:
            if preload:
                preload.cancel()
            raise
    seconds["read"] = time.time() - started
    if progress:
        progress("read", len(read.posts), len(read.posts))

    with open_store(db, create=True) as store:
        if preload:
            t = time.time()
            preload.finish(store)
            seconds["extract_while_fetching"] = time.time() - t  # what was left after the fetch
        posts = read.posts
        if options.add:
            posts, inputs = with_stored(store, posts, inputs)
        t = time.time()
        plan, extractor, version, warnings = _plan(store, posts, options, extractor, preload)
        seconds["load"] = time.time() - t

        def report(build_id, mentions: int, extracted: int, n_posts=None) -> BuildReport:
            if read.feeds or not options.add:
                store.record_feeds(read.feeds, replace=not options.add)
            return BuildReport(
                db=str(db),
                build_id=build_id,
                posts=len(posts) if n_posts is None else n_posts,
                mentions=mentions,
                extracted=extracted,
                cached=len(posts) - extracted,
                skipped=read.skipped,
                warnings=list(warnings),
                pipeline_version=version,
                seconds=seconds,
                feeds=len(read.feeds),
                feeds_failed=[f.error for f in read.failed_feeds],
            )

        def remembered(done: BuildReport) -> BuildReport:
            fields = {k: v for k, v in done.__dict__.items() if k not in ("db", "seconds")}
            warm.remember_corpus(
                store, state, done.build_id, {**fields, "extracted": 0, "cached": done.posts}
            )
            return done

        last = store.latest_build()
        if not plan.changed and plan.unchanged_store and last and last["inputs"] == inputs:
            return remembered(report(last["id"], last["n_mentions"], 0))

        t = time.time()
        dropped = _extract(store, extractor, plan, version, options, progress)
        seconds["extract"] = time.time() - t
        extractor = preload = None  # the pipeline's memory can go before the graph stage

        t = time.time()
        mentions, relations = [], []
        for p in plan.changed:
            cached = plan.cached[p.content_hash]
            # The cache keeps a post's relations beside its mentions (a relation has a "head").
            relations.extend(Relation(post_id=p.id, **m) for m in cached if "head" in m)
            found, cut = bound(p, [m for m in cached if "head" not in m])
            cut = cut or dropped.get(p.content_hash, 0)
            if cut:
                warnings.append(dropped_warning(p, cut, len(found)))
            mentions.extend(Mention(post_id=p.id, **m) for m in found)
        plan.cached.clear()  # made into mentions: the dicts can go before the write
        if before_write is not None and not plan.keep and not options.add:
            before_write(posts, mentions, relations)
        build_id = store.write_build(
            posts,
            mentions,
            relations=relations,
            keep=plan.keep,
            moved=plan.moved,
            inputs=inputs,
            pipeline_version=version,
            n_extracted=len(plan.todo),
            started_at=started,
            add=options.add,
        )
        written = store.latest_build()  # with --add, posts other builds added meanwhile too
        seconds["store"] = time.time() - t
        return remembered(
            report(build_id, written["n_mentions"], len(plan.todo), written["n_posts"])
        )


def _read(
    sources: list[str], db: Path, options: BuildOptions, progress, preload=None
) -> ReadResult:
    """Read the corpora; when every feed failed, remember them before saying so."""

    def fetched(done: int, total: int) -> None:
        if progress:
            progress("fetch", done, total)

    try:
        return read_corpus(
            sources,
            fmt=options.fmt,
            encoding=options.encoding,
            strict=options.strict,
            progress=fetched,
            on_feed=(lambda result: preload.offer(result.posts)) if preload else None,
        )
    except NothingFetched as exc:
        with open_store(db, create=True) as store:
            store.record_feeds(exc.feeds, replace=not options.add)
        raise NothingFetched(
            f"{exc} `kgraph feeds --db {db}` lists each feed's error.", exc.feeds
        ) from None


def _fetches(sources: list[str], read) -> bool:
    return read is None and any(
        s.lower().startswith(("http://", "https://")) or s.lower().endswith(".opml")
        for s in sources
    )


class _Preload:
    """Loads the extraction pipeline, then extracts feeds' posts, while feeds are fetched.

    Fetching waits on the network: spaCy's load (about a second) and the extraction of the
    posts of the feeds that have arrived overlap it instead of following it. Posts the
    store's cache already holds are skipped; the results go into the cache before the
    build plans, so the plan finds them there. If the build needs no extraction, nothing is
    lost but the thread's time.
    """

    def __init__(self, options: BuildOptions, db: Path):
        self.result: dict = {}
        self.extracted: dict[str, list[dict]] = {}
        self.posts: dict[str, Post] = {}
        """A post of each extracted content hash: the cache keeps offsets into its text."""
        self.queue: queue.Queue = queue.Queue()
        self.thread = threading.Thread(target=self._run, args=(options, db), daemon=True)
        self.thread.start()

    def offer(self, posts) -> None:
        """Extract these posts when the pipeline is ready (called as each feed arrives)."""
        if posts:
            self.queue.put(list(posts))

    def _run(self, options: BuildOptions, db: Path) -> None:
        try:
            from kgraph.extract import load_extractor

            extractor = load_extractor(
                ontology_files=options.ontology_files, rules_only=options.rules_only
            )
            self.result["extractor"] = extractor
            try:  # only to skip what the cache holds: a store to migrate has no usable cache
                store = open_store(db) if db.exists() else None
            except StoreError:
                store = None
            try:
                while (batch := self.queue.get()) is not None:
                    todo = list(
                        {
                            p.content_hash: p for p in batch if p.content_hash not in self.extracted
                        }.values()
                    )
                    if store is not None and todo:
                        known = store.cached(todo, extractor.version)
                        todo = [p for p in todo if p.content_hash not in known]
                    for post, mentions in zip(todo, extractor.extract(todo), strict=True):
                        self.extracted[post.content_hash] = [m.to_dict() for m in mentions]
                        self.posts[post.content_hash] = post
            finally:
                if store is not None:
                    store.close()
        except BaseException as exc:  # raised again in the build's thread
            self.result["error"] = exc
            while self.queue.get() is not None:  # let finish() return
                pass

    def finish(self, store) -> None:
        """Wait for what was offered, and put its extraction into the store's cache."""
        self.queue.put(None)
        self.thread.join()
        if "error" in self.result:
            raise self.result["error"]
        if self.extracted:
            store.put_cache(
                [(self.posts[h], found) for h, found in self.extracted.items()],
                self.result["extractor"].version,
            )

    def cancel(self) -> None:
        self.queue.put(None)

    def get(self):
        self.thread.join()
        if "error" in self.result:
            raise self.result["error"]
        return self.result["extractor"]


def _plan(store, posts, options: BuildOptions, extractor, preload: _Preload | None = None):
    """The plan, the extractor (loaded only if there is work), its version and warnings.

    With no extractor given, the pipeline version comes from a memo keyed by the files it
    depends on, so an unchanged corpus is recognised without loading spaCy (see
    :mod:`kgraph.pipeline.warm`).
    """
    if extractor is not None:
        version, warnings = extractor.version, list(extractor.warnings)
        return make_plan(store, posts, version), extractor, version, warnings
    memo = warm.fingerprint(options.ontology_files, options.rules_only)
    known = warm.remembered_version(store, memo)
    plan = make_plan(store, posts, known[0]) if known else None
    if plan is None or plan.todo:
        from kgraph.extract import load_extractor  # spaCy loads only when needed

        extractor = (
            preload.get()
            if preload
            else load_extractor(
                ontology_files=options.ontology_files, rules_only=options.rules_only
            )
        )
        warm.remember_version(store, memo, [extractor.version, extractor.warnings])
        if not known or known[0] != extractor.version:
            plan = make_plan(store, posts, extractor.version)
        known = [extractor.version, list(extractor.warnings)]
    return plan, extractor, known[0], list(known[1])


def _extract(
    store, extractor, plan: Plan, version: str, options: BuildOptions, progress
) -> dict[str, int]:
    """Extract the plan's todo posts into its cache and the store's cache table.

    Returns how many mentions were dropped by content hash, for posts over the cap.
    """
    dropped: dict[str, int] = {}
    if not plan.todo:
        return dropped
    n_process = options.n_process
    if n_process is None:
        n_process = min(2, os.cpu_count() or 1) if len(plan.todo) >= config.PARALLEL_FROM else 1
    # A few posts do not repay starting worker processes (each loads the pipeline).
    n_process = n_process if len(plan.todo) >= config.SMALL_BATCH else 1
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress("extract", done, len(plan.todo))

    pending: list[tuple[str, list[dict]]] = []
    results = run_engine(options, extractor, plan.todo, n_process=n_process, progress=tick)
    # closing(): on an error (a full disk) extraction stops now, its workers with it, not
    # whenever the traceback is freed
    with closing(results):
        for post, mentions in results:
            found, cut = bound(post, [m.to_dict() for m in mentions])
            if cut:
                dropped[post.content_hash] = cut
            # The cache keeps a post's relations beside its mentions (a relation has a
            # "head").
            found += [r.to_dict() for r in getattr(mentions, "relations", [])]
            pending.append((post, found))
            plan.cached[post.content_hash] = pending[-1][1]
            if len(pending) >= config.CACHE_FLUSH:
                store.put_cache(pending, version)
                pending = []
    if pending:
        store.put_cache(pending, version)
    return dropped
