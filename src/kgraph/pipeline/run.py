"""One build, stage by stage: read, plan, extract what the cache lacks, write the store.

The store keeps the previous build until the new one commits, in one transaction.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from kgraph import config
from kgraph.corpus import read_corpus
from kgraph.model import Mention, Relation
from kgraph.pipeline import warm
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
) -> BuildReport:
    """Build the store at ``db`` from ``sources`` (none: the shipped corpus)."""
    started = time.time()
    seconds: dict[str, float] = {}
    inputs = sources or ["(shipped corpus)"]
    read = read_corpus(sources, fmt=options.fmt, encoding=options.encoding, strict=options.strict)
    seconds["read"] = time.time() - started
    if progress:
        progress("read", len(read.posts), len(read.posts))

    with open_store(db, create=True) as store:
        posts = read.posts
        if options.add:
            posts, inputs = with_stored(store, posts, inputs)
        t = time.time()
        plan, extractor, version, warnings = _plan(store, posts, options, extractor)
        seconds["load"] = time.time() - t

        def report(build_id, mentions: int, extracted: int) -> BuildReport:
            return BuildReport(
                db=str(db),
                build_id=build_id,
                posts=len(posts),
                mentions=mentions,
                extracted=extracted,
                cached=len(posts) - extracted,
                skipped=read.skipped,
                warnings=list(warnings),
                pipeline_version=version,
                seconds=seconds,
            )

        last = store.latest_build()
        if not plan.changed and plan.unchanged_store and last and last["inputs"] == inputs:
            return report(last["id"], last["n_mentions"], 0)

        t = time.time()
        _extract(store, extractor, plan, version, options, progress)
        seconds["extract"] = time.time() - t

        t = time.time()
        mentions = [
            Mention(post_id=p.id, **m)
            for p in plan.changed
            for m in plan.cached[p.content_hash]
            if "head" not in m
        ]
        relations = [
            Relation(post_id=p.id, **m)
            for p in plan.changed
            for m in plan.cached[p.content_hash]
            if "head" in m
        ]
        build_id = store.write_build(
            posts,
            mentions,
            relations=relations,
            keep=plan.keep,
            inputs=inputs,
            pipeline_version=version,
            n_extracted=len(plan.todo),
            started_at=started,
        )
        n_mentions = store.latest_build()["n_mentions"]
        seconds["store"] = time.time() - t
        return report(build_id, n_mentions, len(plan.todo))


def _plan(store, posts, options: BuildOptions, extractor):
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

        extractor = load_extractor(
            ontology_files=options.ontology_files, rules_only=options.rules_only
        )
        warm.remember_version(store, memo, [extractor.version, extractor.warnings])
        if not known or known[0] != extractor.version:
            plan = make_plan(store, posts, extractor.version)
        known = [extractor.version, list(extractor.warnings)]
    return plan, extractor, known[0], list(known[1])


def _extract(store, extractor, plan: Plan, version: str, options: BuildOptions, progress) -> None:
    """Extract the plan's todo posts into its cache and the store's cache table."""
    if not plan.todo:
        return
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
    for post, mentions in run_engine(
        options, extractor, plan.todo, n_process=n_process, progress=tick
    ):
        # The cache keeps a post's relations beside its mentions (a relation has a "head").
        found = [m.to_dict() for m in mentions]
        found += [r.to_dict() for r in getattr(mentions, "relations", [])]
        pending.append((post.content_hash, found))
        plan.cached[post.content_hash] = pending[-1][1]
        if len(pending) >= config.CACHE_FLUSH:
            store.put_cache(pending, version)
            pending = []
    if pending:
        store.put_cache(pending, version)
