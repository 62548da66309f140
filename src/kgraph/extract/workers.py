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
    chunks = [posts[i : i + batch_size] for i in range(0, len(posts), batch_size)]
    with forked_pool(n_process, (extractor, batch_size)) as pool:
        try:
            for found in pool.map(_extract_chunk, chunks):
                yield from found
        except BrokenProcessPool:
            raise KgraphError(
                "An extraction worker process died (out of memory?). Build again with "
                "--processes 1, or on a machine with more memory."
            ) from None


def _extract_chunk(posts: list) -> list:
    """In a worker: the mentions of ``posts`` (with their relations)."""
    extractor, batch_size = inherited()
    return list(extractor.extract(posts, batch_size=batch_size, n_process=1))
