"""The app reads while a build writes: old build or new one, never a mix, never "locked".

A reader process loops over ``kgraph.api.load_snapshot`` and ``kgraph.api.stats`` while
``kgraph build`` subprocesses replace the store's content, alternating two corpora of
different sizes. Each answer must be internally consistent (posts == the build's n_posts,
mentions == its n_mentions) and be one of the builds that committed.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import time

import pytest

from tests.support.build_harness import Build, make_corpus

SIZES = (800, 1000)
BUILDS = 3


def _reader(db: str, stop, out) -> None:
    """Read as fast as possible until told to stop; report what was seen and any error."""
    from kgraph.api import load_snapshot, stats

    seen: dict[str, int] = {}
    reads, slowest = 0, 0.0
    try:
        while not stop.is_set():
            started = time.monotonic()
            snap = load_snapshot(db)
            build = snap.build
            posts, mentions = len(snap.posts), len(snap.mentions)
            assert build["n_posts"] == posts, f"mix: {posts} posts, build says {build['n_posts']}"
            assert build["n_mentions"] == mentions, f"mix: {mentions} mentions in build {build}"
            assert len({p.id for p in snap.posts}) == posts
            counted = stats(db)
            assert counted["mentions"] == sum(counted["mentions_by_method"].values())
            assert counted["posts"] in SIZES
            seen[str(build["id"])] = posts
            reads += 2
            slowest = max(slowest, time.monotonic() - started)
        out.put(json.dumps({"reads": reads, "seen": seen, "slowest": slowest, "error": None}))
    except BaseException as exc:  # report, do not hang the test
        out.put(json.dumps({"reads": reads, "seen": seen, "error": f"{type(exc).__name__}: {exc}"}))


@pytest.mark.slow
def test_reads_during_builds_see_whole_builds_and_never_lock(tmp_path, capsys):
    db = tmp_path / "kgraph.db"
    corpora = [make_corpus(tmp_path / f"c{n}.jsonl", n, f"c{n}") for n in SIZES]
    Build(corpora[0], db).finish()

    ctx = mp.get_context("spawn")
    stop, out = ctx.Event(), ctx.Queue()
    reader = ctx.Process(target=_reader, args=(str(db), stop, out))
    reader.start()
    time.sleep(1.0)  # the reader is up and reading before the first write
    built = {}
    for i in range(BUILDS):
        # New salt each time, so every build extracts and writes a whole new content.
        corpus = make_corpus(tmp_path / f"b{i}.jsonl", SIZES[(i + 1) % 2], f"b{i}", seed=i)
        report = Build(corpus, db).finish()
        built[str(report["build_id"])] = report["posts"]
    stop.set()
    result = json.loads(out.get(timeout=60))
    reader.join(timeout=30)

    assert result["error"] is None, result["error"]
    assert result["reads"] > 0
    assert result["slowest"] < 10, "a read waited on the writer"  # WAL: readers never wait
    for build_id, posts in result["seen"].items():
        assert built.get(build_id, SIZES[0]) == posts
    with capsys.disabled():
        print(
            f"\nconcurrent reads served during {BUILDS} builds: {result['reads']}, "
            f"builds seen: {sorted(result['seen'], key=int)}, slowest read {result['slowest']:.2f} s"
        )
