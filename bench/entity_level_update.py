"""The graph stage's entity level after ``kgraph build --add``: recomputed vs updated.

Usage:
    .venv/bin/python bench/entity_level_update.py --store /tmp/incr10k/kg.db \
        --add /tmp/incr/extra100.jsonl --work /tmp/incr/stage.db

Copies the store, adds the posts with the graph stage held back (the graph tables stay
the previous build's), then times in one process, alternating, the entity level and its
arrays recomputed from every post (:func:`kgraph.graph.entity_level.entity_level`) and
updated with the added posts (``api._added_level``), the garbage collector paused as in
the build. Each pair must give the same arrays.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import statistics
import time
from pathlib import Path

from kgraph import api
from kgraph.graph.entity_level import entity_level
from kgraph.graph.stored import entity_rows
from kgraph.ontology import load_ontology
from kgraph.store import open_store


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--add", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True, help="the copy to add to")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    shutil.copy(args.store, args.work)
    graph_stage = api._store_app_graph
    api._store_app_graph = lambda *a, **k: None
    api.build([args.add], db=args.work, add=True)
    api._store_app_graph = graph_stage
    ontology = load_ontology()
    recomputed, updated = [], []
    gc.disable()
    with open_store(args.work) as store:
        build = store.latest_build()
        for _ in range(args.runs):
            gc.collect()
            t = time.perf_counter()
            whole = entity_rows(
                entity_level(
                    store.posts_with_mentions(), store.companies(), store.relations(), ontology
                )
            )
            recomputed.append(time.perf_counter() - t)
            gc.collect()
            t = time.perf_counter()
            level = api._added_level(store, build, ontology)
            if level is None:
                raise SystemExit("the build did not only add posts: nothing to update")
            rows = entity_rows(level)
            updated.append(time.perf_counter() - t)
            if rows != whole:
                raise SystemExit("the updated level differs from the recomputed one")
    for name, times in (("recomputed", recomputed), ("updated", updated)):
        print(f"{name}: median {statistics.median(times):.3f} s", [round(x, 3) for x in times])


if __name__ == "__main__":
    main()
