"""Time kgraph's queries on a built store: related posts, explained path, card, app payload.

Usage:
    .venv/bin/python bench/query_bench.py --db /tmp/perf10k/kg.db

The same measurement as ``kgraph bench`` (kgraph.bench.queries: 50 seeded entities
weighted by degree, p50/p95; the payload is a capped 300-node depth-2 ego view with its
layout, on the 10 highest-degree sampled entities), without the build stages, so it runs
in seconds on a store made by bench/browser_bench.py --make-store. Results go to
bench/results/queries-latest.json.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from kgraph import analysis, api, config
from kgraph.bench.queries import measure_queries
from kgraph.graph import build_graph


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument(
        "-o", "--out", type=Path, default=config.BENCH_RESULTS_DIR / "queries-latest.json"
    )
    args = parser.parse_args()
    t = time.perf_counter()
    snapshot = api.load_snapshot(args.db)
    load_s = time.perf_counter() - t
    t = time.perf_counter()
    G = build_graph(snapshot)
    build_s = time.perf_counter() - t
    notes: list[str] = []
    queries = measure_queries(G, n=args.queries, notes=notes)
    t = time.perf_counter()
    analysis.warm(G)  # already warm here: shows the cached path costs nothing
    results = {
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "db": str(args.db),
        "posts": G.graph.get("n_posts"),
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "load_snapshot_s": round(load_s, 3),
        "graph_build_s": round(build_s, 3),
        "warm_again_ms": round((time.perf_counter() - t) * 1000, 3),
        "queries": queries,
        "notes": notes,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"graph build {build_s:.2f} s ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)")
    for name, q in queries.items():
        first = f", first call {q['first_ms']} ms" if "first_ms" in q else ""
        print(f"{name:22} p50 {q['p50_ms']:8.2f} ms  p95 {q['p95_ms']:8.2f} ms{first}")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
