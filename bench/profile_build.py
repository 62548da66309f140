"""Where a cold build's time goes: cProfile of one in-process build, grouped by stage.

Usage:
    .venv/bin/python bench/profile_build.py CORPUS.jsonl [--posts 3000] [--db /tmp/prof.db]

Runs ``kgraph.api.build`` on the first ``--posts`` records of CORPUS into a new store, with
one extraction process (worker processes are invisible to the profiler), and prints each
stage's share of the profiled time: reading, tokenizer, rulers, sentencizer, NER, the
kgraph components, assembly, JSON and compression, SQLite, loading the pipeline, other.
The stage of a function is decided by its file (or, for C functions, by its name).
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import json
import pstats
import re
import tempfile
import time
from pathlib import Path

STAGES = [
    ("sqlite", r"sqlite3|kgraph/store/(__init__|rows|schema)"),
    ("json and compression", r"json|zlib|kgraph/store/cache|to_dict|dataclasses"),
    ("reading", r"kgraph/corpus/"),
    ("tokenizer", r"tokenizer|Tokenizer"),
    ("rulers", r"span_ruler|matcher|Matcher"),
    ("sentencizer", r"sentencizer|Sentencizer"),
    ("NER", r"thinc|transition_parser|spacy/ml|pipeline/ner|_parser_internals|numpy|Parser"),
    ("kgraph components", r"kgraph/extract/(resolver|discovery|miner|generic|variants|textclean)"),
    ("assembly", r"kgraph/extract/(assemble|spans|confidence)"),
    ("pipeline load", r"srsly|catalogue|confection|spacy/(util|language)|importlib|<frozen"),
]


def stage_of(key: tuple) -> str:
    where = f"{key[0]}:{key[2]}"
    for name, pattern in STAGES:
        if re.search(pattern, where):
            return name
    return "other"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--posts", type=int, default=3000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--show-other", type=int, default=0, help="list the top N 'other'")
    args = parser.parse_args()
    from kgraph import api

    work = Path(tempfile.mkdtemp(prefix="kgraph-profile-"))
    sample = work / "sample.jsonl"
    with args.corpus.open(encoding="utf-8") as src, sample.open("w", encoding="utf-8") as out:
        out.writelines(itertools.islice(src, args.posts))
    db = args.db or work / "kg.db"
    for old in db.parent.glob(db.name + "*"):
        old.unlink()
    profile = cProfile.Profile()
    t = time.perf_counter()
    profile.enable()
    report = api.build([str(sample)], db=db, n_process=1)
    profile.disable()
    wall = time.perf_counter() - t
    stats = pstats.Stats(profile)
    shares: dict[str, float] = {}
    for key, (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
        shares[stage_of(key)] = shares.get(stage_of(key), 0.0) + tottime
    total = sum(shares.values())
    others = [(v[2], k) for k, v in stats.stats.items() if stage_of(k) == "other"]
    for tottime, key in sorted(others, reverse=True)[: args.show_other]:
        print(f"  other {tottime:7.2f} s  {key[0]}:{key[1]} {key[2]}")
    rows = sorted(shares.items(), key=lambda kv: -kv[1])
    print(f"{report.posts} posts, {report.mentions} mentions, {wall:.1f} s wall (profiled)")
    print(f"build stages (s): {json.dumps({k: round(v, 2) for k, v in report.seconds.items()})}")
    print("| stage | seconds | share |\n|---|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} | {100 * seconds / total:.1f} % |")


if __name__ == "__main__":
    main()
