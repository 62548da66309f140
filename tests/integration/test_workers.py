"""spaCy workers of a two-process build never outlive it (issue 15, cases 3 and 10).

Real builds, real model, ``--processes 2``: killed with SIGKILL while extracting, the
build's workers must be gone within seconds (not a minute later); a build whose store
disk fills while the workers are busy must end with the disk-full message, its workers
stopped, instead of waiting on them forever.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.build_harness import make_corpus
from tests.support.leftovers import descendants

pytestmark = [pytest.mark.model, pytest.mark.slow]
CLI = "import sys; from kgraph.cli import main; main(sys.argv[1:])"


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _kill_all(pids) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def test_workers_die_with_a_killed_build(tmp_path):
    corpus = make_corpus(tmp_path / "c.jsonl", 4000, "workers")
    build = subprocess.Popen(
        [
            sys.executable,
            "-c",
            CLI,
            "build",
            str(corpus),
            "--db",
            str(tmp_path / "k.db"),
            "--processes",
            "2",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    deadline = time.monotonic() + 180
    while len(workers) < 2:
        assert build.poll() is None, "the build ended before its workers started"
        assert time.monotonic() < deadline, "no workers appeared"
        workers = [pid for pid, cmd in descendants(build.pid).items() if _alive(pid)]
        time.sleep(0.01)
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    try:
        deadline = time.monotonic() + 5
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in workers if _alive(pid)], "workers outlived the build"
    finally:
        _kill_all(workers)


FULL_DISK = r"""
import sys
import kgraph.pipeline.run as run
from kgraph.store import open_store
from kgraph.cli import main

def capped(path, **kwargs):
    store = open_store(path, **kwargs)
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    return store

run.open_store = capped
main(["build", *sys.argv[1:]])
"""


def test_a_full_disk_ends_a_two_process_build_with_its_message(tmp_path):
    db = tmp_path / "k.db"
    small = make_corpus(tmp_path / "small.jsonl", 30, "small")
    first = subprocess.run(
        [sys.executable, "-c", CLI, "build", str(small), "--db", str(db), "--rules-only"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert first.returncode == 0, first.stderr
    big = make_corpus(tmp_path / "big.jsonl", 4000, "big")
    build = subprocess.Popen(
        [
            sys.executable,
            "-c",
            FULL_DISK,
            str(big),
            "--db",
            str(db),
            "--processes",
            "2",
            "--rules-only",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    seen: set[int] = set()
    try:
        deadline = time.monotonic() + 240
        while build.poll() is None and time.monotonic() < deadline:
            seen |= set(descendants(build.pid))
            time.sleep(0.05)
        assert build.poll() is not None, "the build hung on its workers after the disk filled"
        output = build.stdout.read()
        assert build.returncode == 1, output
        assert "is full" in output and "intact" in output and "Traceback" not in output
        assert not [pid for pid in seen if _alive(pid)]
    finally:
        _kill_all([build.pid, *seen])
        build.wait()
