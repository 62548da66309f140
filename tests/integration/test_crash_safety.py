"""kill -9 of ``kgraph build`` in read, extract and write: the previous build survives whole.

Each trial starts a build of new posts (so it must extract them), waits until the build
enters its target stage, sleeps a random part of that stage (seeded RNG, so runs repeat)
and sends SIGKILL. Then the store must open, hold exactly the previous complete build, have
no duplicated post and pass SQLite's integrity check; every few trials, and at the end, a
build runs to completion. ``KGRAPH_CRASH_TRIALS`` raises the number of kills (default 21).
"""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from kgraph.api import load_snapshot
from kgraph.model import normalise_title
from tests.support.build_harness import Build, make_corpus

TRIALS = int(os.environ.get("KGRAPH_CRASH_TRIALS", "21"))
POSTS = 1000
STAGES = ("read", "extract", "write")


def _state(db: Path) -> dict:
    """What a reader sees: the latest build's counts and the posts, checked for duplicates."""
    snap = load_snapshot(db)
    ids = [p.id for p in snap.posts]
    assert len(ids) == len(set(ids)), "duplicated post id"
    titles = Counter(normalise_title(p.title) for p in snap.posts)
    assert max(titles.values(), default=1) == 1, "the same post stored twice"
    # closing(): `with connect()` only commits; a connection left open by this reader
    # (its statement not reset) made a later read of the store fail as malformed.
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        dangling = conn.execute(
            "SELECT COUNT(*) FROM mentions WHERE post NOT IN (SELECT n FROM posts)"
        ).fetchone()[0]
    assert dangling == 0
    build = snap.build or {}
    assert build.get("n_posts") == len(snap.posts)
    assert build.get("n_mentions") == len(snap.mentions)
    return {
        "build": build.get("id"),
        "posts": len(snap.posts),
        "mentions": len(snap.mentions),
        "ids": frozenset(ids),
    }


@pytest.mark.slow
def test_kill_9_mid_build_leaves_the_previous_build_whole(tmp_path, capsys):
    rng = random.Random(20240607)
    db = tmp_path / "kgraph.db"
    calibration = Build(make_corpus(tmp_path / "base.jsonl", POSTS, "base"), db)
    calibration.finish()
    spans = calibration.durations()  # seconds spent in read, extract and write
    expected = _state(db)
    assert expected["posts"] == POSTS

    outcomes: Counter[str] = Counter()
    for trial in range(TRIALS):
        stage = STAGES[trial % len(STAGES)]
        corpus = make_corpus(tmp_path / f"t{trial}.jsonl", POSTS + trial, f"t{trial}", seed=trial)
        build = Build(corpus, db)
        reached = build.wait_for(stage)
        if reached:
            time.sleep(rng.uniform(0, 0.9 * spans[stage]))
        build.kill()
        last = build.last_stage()
        state = _state(db)
        # A kill after the commit (also one between the commit and the "written" mark, which
        # no mark can tell apart) leaves the new build whole: it is the new truth.
        committed = last == "write" and state["build"] == expected["build"] + 1
        if last == "written" or committed:
            outcomes["after commit"] += 1
            expected = state
            assert expected["posts"] == POSTS + trial
            continue
        outcomes[f"killed in {last}" + (" (mid-transaction)" if last == "write" else "")] += 1
        assert state == expected, f"trial {trial}: killed in {last}, store changed"
        if trial == TRIALS // 2:  # the next build completes normally (and at the end)
            Build(corpus, db).finish()
            expected = _state(db)
            assert expected["posts"] == POSTS + trial

    final = Build(make_corpus(tmp_path / "final.jsonl", POSTS, "final"), db).finish()
    assert final["posts"] == POSTS and _state(db)["posts"] == POSTS
    survived = sum(n for k, n in outcomes.items() if k != "after commit")
    with capsys.disabled():
        print(f"\nkill -9 trials: {survived} survived of {TRIALS} run; {dict(outcomes)}")
    assert survived >= min(TRIALS, 20) * 0.8
    assert {k.split()[2] for k in outcomes if k.startswith("killed")} == set(STAGES)


KGRAPH = Path(sys.executable).with_name("kgraph")


@pytest.mark.slow
@pytest.mark.skipif(not KGRAPH.exists(), reason="the kgraph console script is not installed")
def test_kill_9_of_the_real_kgraph_build(tmp_path, capsys):
    """The same, a few times, with the installed ``kgraph build --rules-only`` itself."""
    rng = random.Random(7)
    db = tmp_path / "kgraph.db"
    small = make_corpus(tmp_path / "small.jsonl", 40, "small")

    def run(corpus):
        return subprocess.Popen(
            [str(KGRAPH), "build", str(corpus), "--db", str(db), "--rules-only", "--json"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    assert run(small).wait(timeout=300) == 0
    expected = _state(db)
    kills = 0
    for trial in range(int(os.environ.get("KGRAPH_CRASH_REAL_TRIALS", "3"))):
        proc = run(make_corpus(tmp_path / f"r{trial}.jsonl", 400, f"r{trial}", seed=trial))
        try:
            proc.wait(timeout=rng.uniform(0.5, 4.0))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            kills += 1
            # Killed before its commit: the previous build, whole. Killed between its commit
            # and its exit: the new build, whole (_state checks it is consistent).
            state = _state(db)
            assert state == expected or (state["posts"], state["build"]) == (
                400,
                expected["build"] + 1,
            )
            expected = state
        else:
            expected = _state(db)  # it finished first: its build is now the one to keep
    assert run(small).wait(timeout=300) == 0
    assert _state(db)["posts"] == 40
    with capsys.disabled():
        print(f"\nreal kgraph build killed {kills} times; store intact each time")
