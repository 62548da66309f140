"""The cyclic garbage collector, paused while a build makes its big structures.

Building the app's graph allocates millions of small containers (dicts, lists, sets, tuples)
that all live until the build ends. Each allocation burst triggers collections that walk
every young container again, and the full ones walk all of them: at 10,000 posts that was
~45% of the graph stage's CPU. Almost nothing the build makes is cyclic garbage, so it runs
with the collector paused, and collects once at each phase's end to free what cycles there
were (the peak memory stays that of a build with the collector running).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collect", "paused_gc"]


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


def collect() -> None:
    """Free the cycles made so far (a phase's end inside :func:`paused_gc`)."""
    gc.collect()
