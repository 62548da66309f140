"""Write a file whole or not at all: a temporary file in the same directory, then a rename.

A killed export (Ctrl+C, kill -9, a full disk) leaves the previous file as it was, never
an empty or half-written one; the temporary file is removed on any error it sees.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(out: Path) -> Iterator[Path]:
    """A path to write instead of ``out``; it replaces ``out`` when the block succeeds."""
    out = Path(out)
    fd, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())  # the bytes are on disk before the name points at them
        if out.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, out.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable
        dir_fd = os.open(out.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
