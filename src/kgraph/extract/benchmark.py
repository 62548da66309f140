"""Extraction speed: the kgraph pipeline vs a naive per-post ``nlp()`` loop, in one run.

Run ``python -m kgraph.extract.benchmark [POSTS]``: the shipped corpus is repeated to
``POSTS`` posts (with a counter in each title so no cache can help) and both ways are timed.
"""

from __future__ import annotations

import sys
import time

import spacy

from kgraph.corpus import SHIPPED_CORPUS, read_corpus
from kgraph.extract.extractor import load_extractor
from kgraph.extract.pipeline import BASE_MODEL
from kgraph.model import Post


def sample_posts(n: int) -> list[Post]:
    """``n`` posts cycled from the shipped corpus, each title made unique."""
    seed = read_corpus([SHIPPED_CORPUS]).posts
    return [
        Post(id=str(i), title=f"{p.title} ({i})", summary=p.summary)
        for i, p in ((i, seed[i % len(seed)]) for i in range(n))
    ]


def compare(n: int = 2000, batch_size: int = 256) -> dict:
    """Posts per second of both ways on the same ``n`` posts."""
    posts = sample_posts(n)
    naive_nlp = spacy.load(BASE_MODEL)
    started = time.perf_counter()
    naive_ents = sum(len(naive_nlp(p.title + " " + p.summary).ents) for p in posts)
    naive = n / (time.perf_counter() - started)
    ex = load_extractor()
    started = time.perf_counter()
    mentions = sum(len(m) for m in ex.extract(posts, batch_size=batch_size))
    ours = n / (time.perf_counter() - started)
    return {
        "posts": n,
        "naive_posts_per_s": round(naive, 1),
        "kgraph_posts_per_s": round(ours, 1),
        "speedup": round(ours / naive, 2),
        "naive_entities": naive_ents,
        "kgraph_mentions": mentions,
        "pipeline": ex.nlp.pipe_names,
    }


if __name__ == "__main__":
    print(compare(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))
