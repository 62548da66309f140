"""Refresh a store from its subscribed feeds: conditional fetches, then an ``--add`` build.

Every subscribed feed is asked at once (a bounded pool with a cap per host), with its last
``ETag`` and ``Last-Modified``; a feed that answers 304 costs one round trip. Posts of the
feeds that changed join the store as ``kgraph build --add`` would, so only new posts are
extracted. A feed that fails keeps its stored posts and records its error.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from kgraph.corpus import ReadResult
from kgraph.corpus.feeds import FAILED, NOT_MODIFIED, fetch_feeds
from kgraph.errors import CorpusError
from kgraph.model import Post, normalise_title
from kgraph.pipeline.options import BuildOptions, BuildReport, Progress
from kgraph.pipeline.run import run_build
from kgraph.store import open_store


@dataclass
class RefreshReport:
    """What a refresh did."""

    feeds: int
    not_modified: int
    failed: list[str]
    new_posts: list[str]
    """Ids of the posts this refresh brought."""
    build: BuildReport | None = None
    """The build it made, or None when no feed had anything to read."""
    seconds: dict[str, float] = field(default_factory=dict)


def run_refresh(
    db: Path,
    options: BuildOptions,
    *,
    progress: Progress | None = None,
    extractor=None,
) -> RefreshReport:
    """Fetch every feed the store at ``db`` subscribes to and add what is new."""
    started = time.time()
    with open_store(db) as store:
        feeds = store.feeds()
        last = store.latest_build()
    if not feeds:
        raise CorpusError(
            f"{db} subscribes to no feeds. Build it from feed URLs or an OPML list first: "
            f"kgraph build FEEDS.opml --db {db}"
        )
    validators = {f["url"]: (f["etag"], f["last_modified"]) for f in feeds}

    def fetched(done: int, total: int) -> None:
        if progress:
            progress("fetch", done, total)

    results = fetch_feeds(validators, validators=validators, progress=fetched)
    seconds = {"fetch": time.time() - started}
    read = ReadResult(sources=[], feeds=results)
    seen: dict[str, Post] = {}
    for result in results:
        read.skipped.extend(result.skipped)
        for post in result.posts:
            key = (normalise_title(post.title), post.url)
            if post.id not in seen and key not in seen:
                seen[post.id] = seen[key] = post
                read.posts.append(post)
    build = None
    if read.posts:
        build = run_build(
            [], db, replace(options, add=True), progress=progress, extractor=extractor, read=read
        )
        seconds.update(build.seconds)
    else:
        with open_store(db, create=True) as store:
            store.record_feeds(results)
    with open_store(db) as store:
        new = sorted(store.arrivals(last["id"] if last else 0))
    return RefreshReport(
        feeds=len(results),
        not_modified=sum(r.status == NOT_MODIFIED for r in results),
        failed=[r.error for r in results if r.status == FAILED],
        new_posts=new,
        build=build,
        seconds=seconds,
    )
