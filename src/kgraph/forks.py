"""Worker processes forked by a build, and how they die with the build that started them.

The build forks workers twice: extraction (:mod:`kgraph.extract.workers`) and Louvain
communities while the rest of the graph is measured (:func:`run_apart`,
:func:`run_apart_each`). Forked workers
inherit what the parent loaded (the spaCy pipeline, the graph) without a copy or a reload.

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
import gc
import multiprocessing as mp
import os
import signal
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

PR_SET_PDEATHSIG = 1
_parent: int | None = None
"""The pid of a process running a guarded block; its forks become guarded workers."""
_job = None
"""What the workers of :func:`forked_pool` inherit (read with :func:`inherited`)."""


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
    """Processes forked inside the block die with this process, and are killed if the
    block ends with an error (or is abandoned), so no clean-up waits on them."""
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


@contextlib.contextmanager
def forked_pool(n: int, job) -> Iterator[ProcessPoolExecutor]:
    """``n`` guarded worker processes, forked with ``job`` (a loaded pipeline, a graph)
    that they read with :func:`inherited`, so only tasks and answers are pickled. They are
    shut down, without waiting, when the block ends."""
    global _job
    _job = job
    # Everything the parent holds now (the pipeline, the graph) is moved out of the cyclic
    # collector's reach before the fork: the workers' collections neither walk it (7% of
    # extraction's CPU) nor write to its pages, which stay shared instead of being copied.
    gc.freeze()
    try:
        with guarded():
            pool = ProcessPoolExecutor(
                n, mp_context=mp.get_context("fork"), initializer=_worker_start
            )
            try:
                yield pool
            finally:
                pool.shutdown(wait=False, cancel_futures=True)
    finally:
        _job = None
        gc.unfreeze()


WORKER_GC_THRESHOLD = 10_000
"""A worker's first-generation threshold. Extraction makes and drops tens of thousands of
small objects a post, nearly none of them cyclic: at Python's 700 a worker ran a young
collection every few posts (about 2 % of its CPU); at 10,000 it runs a few per thousand
posts, and the garbage between collections stays a few megabytes."""


def _worker_start() -> None:
    """In a worker: collect its own garbage, even if the parent paused its collector."""
    gc.set_threshold(WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])
    gc.enable()


def inherited():
    """In a worker of :func:`forked_pool`: the ``job`` it was forked with."""
    return _job


@contextlib.contextmanager
def run_apart(fn: Callable, *args, fork: bool = True) -> Iterator[Future]:
    """``fn(*args)`` in a forked process while the block runs; the block reads the answer
    with ``.result()``. The child inherits ``args`` (only the answer is pickled). With
    ``fork=False``, or where processes cannot be forked, it runs here, first."""
    if not fork or "fork" not in mp.get_all_start_methods():
        done: Future = Future()
        done.set_result(fn(*args))
        yield done
        return
    with forked_pool(1, (fn, args)) as pool:
        yield pool.submit(_call_apart)


def _call_apart():
    fn, args = inherited()
    return fn(*args)


@contextlib.contextmanager
def run_apart_each(calls: list[tuple[Callable, tuple]], fork: bool = True) -> Iterator[list]:
    """:func:`run_apart` for several calls: each ``fn(*args)`` in turn, in one forked
    process, each answer ready as soon as its call returns (a future per call, in order)."""
    if not fork or "fork" not in mp.get_all_start_methods():
        futures = []
        for fn, args in calls:
            done: Future = Future()
            done.set_result(fn(*args))
            futures.append(done)
        yield futures
        return
    with forked_pool(1, calls) as pool:
        yield [pool.submit(_call_nth, i) for i in range(len(calls))]


def _call_nth(i: int):
    fn, args = inherited()[i]
    return fn(*args)
