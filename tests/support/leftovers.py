"""The suite leaves no process behind: a check run when the test session ends.

At the start the pytest process becomes a child subreaper (Linux), so a process whose
parent died (a Streamlit server orphaned by a killed ``kgraph app``, a spaCy worker whose
build was killed) is re-parented to pytest instead of init, and the end-of-session check
still sees it. Processes that multiprocessing keeps for the interpreter's lifetime (its
resource tracker and fork server) end with pytest and are not counted.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import time
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36
_LIFETIME = ("multiprocessing.resource_tracker", "multiprocessing.forkserver")


def become_subreaper() -> None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def _reap() -> None:
    """Collect exited children (orphans re-parented to us become our zombies)."""
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def descendants(pid: int | None = None) -> dict[int, str]:
    """Live (not zombie) processes below ``pid`` (default: this one), with command lines."""
    pid = os.getpid() if pid is None else pid
    children: dict[int, list[int]] = {}
    state: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        children.setdefault(int(fields[1]), []).append(int(entry.name))
        state[int(entry.name)] = fields[0]
    found: dict[int, str] = {}
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            todo.append(child)
            if state.get(child) == "Z":
                continue
            try:
                cmd = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ")
            except OSError:
                continue
            found[child] = cmd.decode(errors="replace").strip()
    return found


def leftovers(grace: float = 10.0) -> dict[int, str]:
    """Processes still running below pytest after ``grace`` seconds, minus lifetime ones."""
    deadline = time.monotonic() + grace
    while True:
        _reap()
        left = {
            pid: cmd
            for pid, cmd in descendants().items()
            if not any(mark in cmd for mark in _LIFETIME)
        }
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.2)


def kill(pids) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)
    time.sleep(0.2)
    _reap()
