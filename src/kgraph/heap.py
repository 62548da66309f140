"""The cyclic garbage collector, paused while a build makes its big structures.

Building the app's graph allocates millions of small containers (dicts, lists, sets, tuples)
that all live until the build ends. Each allocation burst triggers collections that walk
every young container again, and the full ones walk all of them: at 10,000 posts that was
~45% of the graph stage's CPU. Almost nothing the build makes is cyclic garbage, so it runs
with the collector paused, and collects once at each phase's end to free what cycles there
were (the peak memory stays that of a build with the collector running).

A process that ends when its build returns (``kgraph build``) runs it inside
:func:`ends_after_build`: the build's last phase then ends without that collection, which
would walk the whole app graph (about half a second at 10,000 posts) to free memory the
exit frees anyway.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collect", "ends_after_build", "last_phase", "paused_gc"]

_ending = False


@contextmanager
def ends_after_build() -> Iterator[None]:
    """The body's build is this process's last work (it exits next): see :func:`last_phase`.

    After the body the heap is unfrozen, so a process that goes on after all (tests run
    the CLI in theirs) collects it as usual; until then only young objects are collected.
    """
    global _ending
    _ending = True
    try:
        yield
    finally:
        _ending = False
        gc.unfreeze()


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the body with the cyclic collector off, then collect once and restore it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        if was_enabled:
            gc.enable()


@contextmanager
def last_phase() -> Iterator[None]:
    """:func:`paused_gc` for a build's last phase. In a process that ends after its build
    (:func:`ends_after_build`) the heap is frozen instead of collected: its garbage goes
    with the process, and no later collection walks it."""
    if not _ending:
        with paused_gc():
            yield
        return
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def collect() -> None:
    """Free the cycles made so far (a phase's end inside :func:`paused_gc`)."""
    gc.collect()
