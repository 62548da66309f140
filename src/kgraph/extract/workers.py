"""Extraction in worker processes: each runs the whole extraction and sends back mentions.

:func:`extract_in_workers` forks N workers that each run the whole extraction (pipeline,
assembly, relations) on chunks of posts and send back mentions. Sending mentions rather
than spaCy Docs (as ``nlp.pipe(n_process=N)`` does) spares serialising every Doc twice and
keeps assembly off the parent, which otherwise competed with the workers for the cores.
The workers die with the build (:mod:`kgraph.forks`).
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool

from kgraph.errors import KgraphError
from kgraph.forks import forked_pool, inherited


def extract_in_workers(extractor, posts: list, batch_size: int, n_process: int) -> Iterator:
    """The mentions of ``posts``, in order, extracted by ``n_process`` forked workers.

    Each worker takes ``batch_size`` posts at a time. The workers are forked with the
    extractor already loaded, so none reloads the pipeline.
    """
    with forked_pool(n_process, (extractor, batch_size)) as pool:
        try:
            for found in pool.map(_extract_chunk, _chunks(posts, batch_size, n_process)):
                yield from found
        except BrokenProcessPool:
            raise KgraphError(
                "An extraction worker process died (out of memory?). Build again with "
                "--processes 1, or on a machine with more memory."
            ) from None


def _chunks(posts: list, batch_size: int, n_process: int) -> list[list]:
    """``posts`` in batches, the last ``n_process`` batches' worth cut in quarters.

    The workers take chunks in turn, so the build waits at its end for the last chunk while
    the other workers have nothing left: a whole batch (most of a second at 256 posts) with
    a core idle. Quarter chunks at the end make that wait a quarter. A post's mentions do
    not depend on the batch it is extracted in.

    >>> [len(c) for c in _chunks(list(range(1024)), 256, 2)]
    [256, 256, 64, 64, 64, 64, 64, 64, 64, 64]
    """
    tail = max(0, len(posts) - n_process * batch_size)
    small = max(1, batch_size // 4)
    return [posts[i : min(i + batch_size, tail)] for i in range(0, tail, batch_size)] + [
        posts[i : i + small] for i in range(tail, len(posts), small)
    ]


def _extract_chunk(posts: list) -> list:
    """In a worker: the mentions of ``posts`` (with their relations)."""
    extractor, batch_size = inherited()
    return list(extractor.extract(posts, batch_size=batch_size, n_process=1))
