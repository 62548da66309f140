"""Everything extraction outputs, written out and digested: to show a change leaves it alone.

Usage (each checkout's own ``src`` and data, e.g. main against a branch):
    PYTHONPATH=src .venv/bin/python bench/output_digest.py OUT_DIR [--posts 3000]

Writes ``OUT_DIR/evals.json``, the ``kgraph eval --json`` report of every tuning set
(``config.GOLD_TUNING_SETS``) and of the regression sets (seed, dev, holdout, stress,
holdout2), each without its pipeline version and with the set's name for its path; and
``OUT_DIR/raw.txt``, every mention and relation (their reprs, so every field and the exact
confidence) of those sets' posts and of ``--posts`` bench posts (``kgraph.bench.generator``,
seed 42). It prints the SHA-256 of both files: two checkouts that print the same digests
extract the same output. The held-out sets (``real-test``, ``real-test2``) are not read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from kgraph import api, config
from kgraph.bench.generator import generate_posts
from kgraph.extract.scoring import read_gold
from kgraph.ontology import load_ontology

REGRESSION_SETS = ("seed", "dev", "holdout", "stress", "holdout2")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--posts", type=int, default=3000)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    extractor = api.load_extractor()
    sets = [*config.GOLD_TUNING_SETS, *REGRESSION_SETS]
    evals = {}
    with (args.out / "raw.txt").open("w", encoding="utf-8") as raw:
        for name in sets:
            path = config.GOLD_DIR / f"{name}.jsonl"
            report = api.evaluate(path, extractor)
            report.pop("pipeline_version", None)
            report["gold"] = name
            evals[name] = report
            posts = [post for post, _ in read_gold(path)]
            _write(raw, name, posts, extractor)
        posts = generate_posts(args.posts, 42, ontology=load_ontology(include_registry=False))
        _write(raw, "bench", posts, extractor)
    (args.out / "evals.json").write_text(
        json.dumps(evals, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8"
    )
    for name in ("evals.json", "raw.txt"):
        print(name, hashlib.sha256((args.out / name).read_bytes()).hexdigest())


def _write(raw, name: str, posts: list, extractor) -> None:
    for post, mentions in zip(posts, extractor.extract(posts), strict=True):
        raw.write(f"# {name} {post.id}\n")
        raw.writelines(repr(m) + "\n" for m in mentions)
        raw.writelines(repr(r) + "\n" for r in mentions.relations)


if __name__ == "__main__":
    main()
