"""Where extraction's CPU goes: each pipeline step timed alone, in one process, unprofiled.

Usage: .venv/bin/python bench/stage_times.py CORPUS.jsonl [--posts 2000]

Runs the shipped pipeline step by step over the first N posts of a JSONL corpus (the
tokenizer, each component with its own ``pipe``, the NER on the sentences discovery gives it,
then assembly and relations) and prints one Markdown row per step with its seconds and share.
cProfile (``bench/profile_build.py``) inflates Python-heavy steps; this does not, and it
sees the work the build's worker processes do.
"""

from __future__ import annotations

import argparse
import itertools
import json
import time

from kgraph.extract import discovery as disc
from kgraph.extract import load_extractor
from kgraph.extract.assemble import Piece, assemble
from kgraph.extract.relations import find_relations
from kgraph.extract.spans import covered
from kgraph.extract.textclean import chunks, normalise
from kgraph.model import FIELDS, Post


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--posts", type=int, default=2000)
    args = parser.parse_args()
    extractor = load_extractor()
    nlp = extractor.nlp
    posts = []
    with open(args.corpus, encoding="utf-8") as f:
        for line in itertools.islice(f, args.posts):
            d = json.loads(line)
            posts.append(Post(id=str(len(posts)), title=d["title"], summary=d.get("summary", "")))
    units = [
        (i, name, offset, normalise(piece))
        for i, post in enumerate(posts)
        for name in FIELDS
        for offset, piece in chunks(getattr(post, name) or "")
        if piece.strip()
    ]
    rows: list[tuple[str, float]] = []
    t = time.perf_counter()
    docs = [nlp.make_doc(text) for *_, (text, _index) in units]
    rows.append(("tokenizer", time.perf_counter() - t))
    for name, component in nlp.pipeline:
        if name == "kgraph_discovery":
            # The NER runs inside discovery, on the sentences that can hold a new name.
            todo = [
                d[a:b].as_doc()
                for d in docs
                for s in d.sents
                for a, b in disc._ner_windows(s, covered(d))
            ]
            t = time.perf_counter()
            list(nlp.get_pipe("ner").pipe(todo))
            words = sum(map(len, todo))
            ner = (f"  of which NER ({len(todo)} windows, {words} tokens)", time.perf_counter() - t)
        t = time.perf_counter()
        docs = (
            list(component.pipe(docs)) if hasattr(component, "pipe") else list(map(component, docs))
        )
        rows.append((name, time.perf_counter() - t))
    pieces: list[list[Piece]] = [[] for _ in posts]
    t = time.perf_counter()
    for (i, name, offset, (_text, index)), doc in zip(units, docs, strict=True):
        pieces[i].append(Piece.of(name, offset, doc, index))
    found = [assemble(p, pc, extractor.ontology) for p, pc in zip(posts, pieces, strict=True)]
    rows.append(("assembly", time.perf_counter() - t))
    t = time.perf_counter()
    n_rel = sum(
        len(find_relations(p, m, extractor.ontology)) for p, m in zip(posts, found, strict=True)
    )
    rows.append((f"relations ({n_rel})", time.perf_counter() - t))
    total = sum(s for _n, s in rows)
    print(f"{len(posts)} posts, {sum(map(len, found))} mentions, {total:.2f} s of CPU in all")
    print("| step | seconds | share |\n|---|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} | {100 * seconds / total:.1f} % |")
        if name == "kgraph_discovery":  # it runs the NER itself: timed apart, not added
            print(f"| {ner[0]} | {ner[1]:.2f} | {100 * ner[1] / total:.1f} % |")


if __name__ == "__main__":
    main()
