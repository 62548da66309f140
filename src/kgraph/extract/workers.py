"""Extraction worker processes, and how they die with the build that started them.

:func:`extract_in_workers` forks N workers that each run the whole extraction (pipeline,
assembly, relations) on chunks of posts and send back mentions. Sending mentions rather
than spaCy Docs (as ``nlp.pipe(n_process=N)`` does) spares serialising every Doc twice and
keeps assembly off the parent, which otherwise competed with the workers for the cores.

Two things could leave workers behind:

- the build is killed (kill -9, the OOM killer): nothing runs in the parent, so each
  worker asks the kernel, as it starts, to be killed when its parent dies
  (``PR_SET_PDEATHSIG``), and exits at once if the parent is already gone;
- the build stops with an error while workers are busy (a full disk while writing the
  cache): a clean-up that joins the workers may wait on workers blocked writing to a pipe
  no one reads, so the build would hang. :func:`guarded` kills the block's workers first.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing as mp
import os
import signal
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from kgraph.errors import KgraphError

PR_SET_PDEATHSIG = 1
_parent: int | None = None
"""The pid of a process running a guarded block; its forks become guarded workers."""
_job: tuple | None = None
"""``(extractor, batch_size)`` for the workers being forked: they inherit it, loaded."""


def _die_with_parent() -> None:
    """In a freshly forked child: be killed when the parent dies (Linux)."""
    global _parent
    parent, _parent = _parent, None  # the worker's own forks are not workers
    if parent is None or not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_die_with_parent)


@contextlib.contextmanager
def guarded() -> Iterator[None]:
    """Workers forked inside the block die with this process, and are killed if the block
    ends with an error (or is abandoned), so spaCy's clean-up cannot wait on them."""
    global _parent
    before = {p.pid for p in mp.active_children()}
    _parent = os.getpid()
    try:
        yield
    except BaseException:  # includes GeneratorExit: the build stopped reading results
        for proc in mp.active_children():
            if proc.pid not in before:
                proc.kill()
                proc.join(timeout=5)
        raise
    finally:
        _parent = None


def extract_in_workers(extractor, posts: list, batch_size: int, n_process: int) -> Iterator:
    """The mentions of ``posts``, in order, extracted by ``n_process`` forked workers.

    Each worker takes ``batch_size`` posts at a time. The workers are forked with the
    extractor already loaded, so none reloads the pipeline.
    """
    global _job
    chunks = [posts[i : i + batch_size] for i in range(0, len(posts), batch_size)]
    _job = (extractor, batch_size)
    try:
        with guarded():
            pool = ProcessPoolExecutor(n_process, mp_context=mp.get_context("fork"))
            try:
                for found in pool.map(_extract_chunk, chunks):
                    yield from found
            except BrokenProcessPool:
                raise KgraphError(
                    "An extraction worker process died (out of memory?). Build again with "
                    "--processes 1, or on a machine with more memory."
                ) from None
            finally:
                pool.shutdown(wait=False, cancel_futures=True)
    finally:
        _job = None


def _extract_chunk(posts: list) -> list:
    """In a worker: the mentions of ``posts`` (with their relations)."""
    extractor, batch_size = _job
    return list(extractor.extract(posts, batch_size=batch_size, n_process=1))
