"""kill -9 during ``kgraph export`` leaves the previous file whole (issue 15, case 7).

A real ``kgraph export`` subprocess is killed once it has started writing: as soon as its
temporary file appears, or the target itself changes (how a non-atomic writer shows
itself), after a random few milliseconds more. The previous export must be byte for byte
what it was.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest

from kgraph.graph import io as graph_io
from kgraph.graph.io.atomic import atomic_path
from tests.support.build_harness import Build, make_corpus

pytestmark = pytest.mark.slow

KILLS = {"graphml": 7, "gexf": 7, "cypher": 6}  # 20 in all


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("atomic")
    corpus = make_corpus(folder / "c.jsonl", 2000, "atomic")
    db = folder / "k.db"
    Build(corpus, db).finish()
    return db


def _state(path: Path):
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _export(db: Path, fmt: str, out: Path) -> subprocess.Popen:
    code = "import sys; from kgraph.cli import main; main(sys.argv[1:])"
    return subprocess.Popen(
        [sys.executable, "-c", code, "export", "--db", str(db), "--format", fmt, "-o", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _kill_while_writing(proc: subprocess.Popen, out: Path, rng: random.Random) -> bool:
    """Kill ``proc`` a random moment after it starts writing; False if it finished first."""
    before = _state(out)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        writing = _state(out) != before or any(
            p.name.startswith(f".{out.name}.") for p in out.parent.iterdir()
        )
        if writing:
            time.sleep(rng.uniform(0, 0.15))
            break
        if proc.poll() is not None:
            return False
        time.sleep(0.003)
    if proc.poll() is not None:
        return False
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return True


@pytest.mark.parametrize("fmt", list(KILLS))
def test_kill_9_during_export_leaves_the_previous_file_whole(store, tmp_path, fmt):
    out = tmp_path / f"graph.{fmt}"
    previous = b"previous export, must survive\n" * 1000
    out.write_bytes(previous)
    rng = random.Random(fmt)
    killed = 0
    for _ in range(KILLS[fmt]):
        proc = _export(store, fmt, out)
        killed += _kill_while_writing(proc, out, rng)
        assert out.read_bytes() == previous, f"{fmt}: the previous file was damaged"
    assert killed == KILLS[fmt], f"only {killed} of {KILLS[fmt]} exports were killed mid-write"
    # left to finish, the export replaces the file with a complete one
    proc = _export(store, fmt, out)
    assert proc.wait(timeout=120) == 0, proc.stderr.read().decode()
    assert out.read_bytes() != previous and out.stat().st_size > 100_000


def test_a_failing_writer_leaves_no_temporary_file_and_the_old_file(tmp_path):
    out = tmp_path / "graph.graphml"
    out.write_text("old")

    def broken(G, path):
        path.write_text("half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        graph_io.export(_tiny_graph(), "x", out, writers={"x": broken})
    assert out.read_text() == "old" and sorted(tmp_path.iterdir()) == [out]
    with atomic_path(out) as tmp:
        tmp.write_text("new")
    assert out.read_text() == "new" and sorted(tmp_path.iterdir()) == [out]


def _tiny_graph():
    G = nx.MultiDiGraph()
    G.add_node("post:1", kind="post", label="One")
    return G
