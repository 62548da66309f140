"""Run ``kgraph build`` in a subprocess that can be killed at a chosen stage.

The subprocess is the real CLI (``kgraph.cli.main``) and the real store; only the extractor
is the spaCy-free FakeExtractor, sleeping a little per post, so extraction takes a measurable
time without loading a model. It prints ``@stage NAME`` lines on stderr as the build
enters read, extract and write and when the write has committed ("written"), so a test
knows which stage a kill -9 interrupted. Used by test_crash_safety and test_concurrency.
"""

from __future__ import annotations

import json
import os
import queue
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

from kgraph import config

SCRIPT = r"""
import sys, time
import kgraph.pipeline.run as run
import kgraph.extract as extract
import kgraph.store as store
from kgraph.cli import main
from tests.support.fake_extractor import FakeExtractor

DELAY = float(sys.argv[1])

def mark(stage):
    print(f"@stage {stage} {time.monotonic():.4f}", file=sys.stderr, flush=True)

class SlowWords(FakeExtractor):
    def extract(self, posts, batch_size=256, n_process=1):
        mark("extract")
        yield from super().extract(posts, batch_size, n_process)

def read_corpus(*args, _read=run.read_corpus, **kwargs):
    mark("read")
    return _read(*args, **kwargs)

def write_build(self, *args, _replace=store.Store.write_build, **kwargs):
    mark("write")
    build_id = _replace(self, *args, **kwargs)
    mark("written")
    return build_id

extract.load_extractor = lambda **_: SlowWords(
    pattern=r"\b[A-Z][A-Za-z]+\b", type_="TECHNOLOGY", version="harness-words-1", delay=DELAY
)
run.read_corpus = read_corpus
store.Store.write_build = write_build
main(["build", *sys.argv[2:]])
"""

WORDS = [
    "Kafka",
    "Spark",
    "Postgres",
    "Redis",
    "Envoy",
    "Kubernetes",
    "Airbnb",
    "Slack",
    "Sharding",
    "Caching",
    "Raft",
    "Flink",
    "Presto",
    "Cassandra",
    "Prometheus",
    "Vitess",
]


def make_corpus(path: Path, n: int, salt: str, seed: int = 0) -> Path:
    """A JSONL corpus of ``n`` distinct posts; ``salt`` makes titles (and cache keys) new."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            words = " ".join(rng.sample(WORDS, 5))
            fh.write(
                json.dumps(
                    {
                        "title": f"{words} {salt} {i}",
                        "summary": f"How {words} work together, part {i}.",
                    }
                )
                + "\n"
            )
    return path


class Build:
    """One ``kgraph build`` subprocess whose stderr stage marks are collected as they come."""

    def __init__(self, corpus: Path, db: Path, delay: float = 0.0002, *extra: str):
        # The checkout on the path, so the script can import tests.support.
        path = os.pathsep.join(p for p in (str(config.ROOT), os.environ.get("PYTHONPATH")) if p)
        env = dict(os.environ, PYTHONUNBUFFERED="1", PYTHONPATH=path)
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                SCRIPT,
                str(delay),
                str(corpus),
                "--db",
                str(db),
                "--json",
                *extra,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.stages: list[tuple[str, float]] = []
        self.lines: list[str] = []
        self._marks: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._read_stderr, daemon=True)
        self._reader.start()

    def _read_stderr(self) -> None:
        for line in self.proc.stderr:
            self.lines.append(line)
            if line.startswith("@stage "):
                _, name, stamp = line.split()
                self.stages.append((name, float(stamp)))
                self._marks.put(name)
        self._marks.put("")  # end of stream

    def wait_for(self, stage: str, timeout: float = 120) -> bool:
        """Block until the build enters ``stage``; False if it ended first."""
        deadline = time.monotonic() + timeout
        if any(name == stage for name, _ in self.stages):
            return True
        while time.monotonic() < deadline:
            try:
                name = self._marks.get(timeout=0.5)
            except queue.Empty:
                continue
            if name == stage:
                return True
            if name == "":
                return False
        raise TimeoutError(f"build never reached {stage}")

    def kill(self) -> None:
        self.proc.kill()  # SIGKILL: no cleanup, no rollback, like a power cut
        self.proc.wait()
        self._reader.join(timeout=10)

    def finish(self, timeout: float = 300) -> dict:
        """Wait for a normal end; the build's JSON report."""
        out = self.proc.stdout.read()  # stderr belongs to the reader thread
        self.proc.wait(timeout=timeout)
        self._reader.join(timeout=10)
        assert self.proc.returncode == 0, "".join(self.lines)[-3000:]
        return json.loads(out)

    def last_stage(self) -> str:
        return self.stages[-1][0] if self.stages else "start"

    def durations(self) -> dict[str, float]:
        """Seconds spent in each stage, from consecutive marks."""
        return {a: t2 - t1 for (a, t1), (_, t2) in zip(self.stages, self.stages[1:], strict=False)}
