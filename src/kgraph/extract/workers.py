"""spaCy worker processes die with the build that started them.

``nlp.pipe(n_process=N)`` forks N workers. Two things could leave them behind:

- the build is killed (kill -9, the OOM killer): nothing runs in the parent, so each
  worker asks the kernel, as it starts, to be killed when its parent dies
  (``PR_SET_PDEATHSIG``), and exits at once if the parent is already gone;
- the build stops with an error while workers are busy (a full disk while writing the
  cache): spaCy's clean-up joins the workers, which may be blocked writing to a pipe no
  one reads, so the build would hang. :func:`guarded` kills this pipe's workers first.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing as mp
import os
import signal
import sys
from collections.abc import Iterator

PR_SET_PDEATHSIG = 1
_parent: int | None = None
"""The pid of a process running a guarded ``nlp.pipe``; its forks become guarded workers."""


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
