"""Extraction speed alone: posts/s of one process over the bench generator's posts.

For comparing two checkouts on a busy machine, run them alternately, e.g.
``PYTHONPATH=src .venv/bin/python bench/extract_speed.py 3000``; `kgraph bench` times the
whole build. It prints the process's CPU time too: when other work shares the cores, the
wall clock says more about that work than about the code, and two checkouts started at the
same moment (``a & b & wait``) meet the same load, so the ratio of their CPU times holds.

The timed process collects garbage as a build's extraction workers do (everything loaded
frozen out of the collector's reach, ``forks.WORKER_GC_THRESHOLD``): with Python's default
collector a single process spent 3-8 % more CPU on the same posts (two pairs started
together), time no build spends.
"""

from __future__ import annotations

import gc
import sys
import time

from kgraph.bench.generator import generate_posts
from kgraph.extract import load_extractor
from kgraph.forks import WORKER_GC_THRESHOLD
from kgraph.ontology import load_ontology


def main(argv: list[str]) -> int:
    try:
        n = int(argv[0]) if argv else 3000
    except ValueError:
        print("usage: extract_speed.py [POSTS]  (a whole number, e.g. 3000)", file=sys.stderr)
        return 2
    posts = generate_posts(n, 42, ontology=load_ontology(include_registry=False))
    extractor = load_extractor()
    gc.freeze()  # as forks.forked_pool does before forking the workers
    gc.set_threshold(WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])
    list(extractor.extract(posts[:200]))  # load everything before timing
    start, cpu = time.perf_counter(), time.process_time()
    list(extractor.extract(posts))
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(
        f"{n / wall:.1f} posts/s ({n} posts, one process); {cpu:.2f} s of CPU, {n / cpu:.1f} posts/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
