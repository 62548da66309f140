"""What the relation stage costs: ``find_relations`` over already extracted mentions.

Usage:
    .venv/bin/python bench/relation_cost.py [--posts 2000] [--repeat 3]

Extracts the mentions of ``--posts`` synthetic posts (kgraph.bench.generator, seed 42) and
of the eighteen tuning sets' posts (named one by one: never the held-out sets, nor a newer
set kept apart as an unseen check) once, with one process, timing it; then times ``find_relations`` alone over the same
mentions (the best of ``--repeat`` runs) and prints posts per second for each, and the
relation stage's share of extraction. Extraction runs ``find_relations`` itself, so the
share is of the whole per-post extraction time.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kgraph import config
from kgraph.bench.generator import generate_posts
from kgraph.extract import load_extractor
from kgraph.extract.relations import find_relations
from kgraph.extract.scoring import read_gold

# The tuning sets, named: a glob would also take sets kept apart as an unseen check.
TUNING = [
    "real-dev",
    *(f"real-dev{n}" for n in (2, 3, 4, 5, 6, 7)),
    *(f"real-dev{n}" for n in range(9, 20)),
]


def _measure(name: str, posts, extractor, repeat: int) -> None:
    start = time.perf_counter()
    mentions = [list(m) for m in extractor.extract(posts)]
    extract_s = time.perf_counter() - start
    best = float("inf")
    n_relations = 0
    for _ in range(repeat):
        start = time.perf_counter()
        n_relations = sum(
            len(find_relations(p, m, extractor.ontology))
            for p, m in zip(posts, mentions, strict=True)
        )
        best = min(best, time.perf_counter() - start)
    print(
        f"{name:<10} {len(posts):>6} posts  extraction {len(posts) / extract_s:>7.0f} posts/s"
        f"  relations {len(posts) / best:>7.0f} posts/s ({n_relations} relations)"
        f"  share {best / extract_s:.1%}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    extractor = load_extractor()
    real = [
        p for name in TUNING for p, _ in read_gold(Path(config.DATA_DIR, "gold", f"{name}.jsonl"))
    ]
    list(extractor.extract(real[:20]))  # warm up the pipeline before timing
    _measure("real", real, extractor, args.repeat)
    _measure("synthetic", generate_posts(args.posts, seed=42), extractor, args.repeat)


if __name__ == "__main__":
    main()
