"""``kgraph app`` as a supervisor sees it (issue 15, cases 12 and 16).

A real ``kgraph app`` on 127.0.0.1: SIGTERM must stop the Streamlit server itself (no
orphan left serving the port), and the server must refuse an upload over the Data page's
cap itself (Streamlit's server.maxUploadSize), before the Data page sees the file.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kgraph import config
from kgraph.bench.browser import free_port
from kgraph.corpus import SHIPPED_CORPUS
from tests.support.build_harness import Build

pytestmark = pytest.mark.slow


def _descendants(pid: int) -> list[int]:
    """Every live process below ``pid`` (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _serving(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    db = tmp_path_factory.mktemp("app") / "k.db"
    Build(SHIPPED_CORPUS, db).finish()
    port = free_port()
    kgraph = Path(sys.executable).parent / "kgraph"
    proc = subprocess.Popen(
        [str(kgraph), "app", "--db", str(db), "--port", str(port), "--host", "127.0.0.1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 90
    while not _serving(port):
        assert proc.poll() is None and time.monotonic() < deadline, "kgraph app did not start"
        time.sleep(0.3)
    yield proc, port
    for pid in [*_descendants(proc.pid), proc.pid]:  # whatever the test left running
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    proc.wait()


def test_the_server_runs_with_the_upload_cap(app):
    """Streamlit refuses uploads over ``server.maxUploadSize`` itself (default 200 MB)."""
    proc, _port = app
    server = [proc.pid, *_descendants(proc.pid)][-1]
    argv = Path(f"/proc/{server}/cmdline").read_bytes().decode().split("\0")
    assert "streamlit" in argv
    assert argv[argv.index("--server.maxUploadSize") + 1] == str(config.MAX_UPLOAD_MB)
    assert argv[argv.index("--client.toolbarMode") + 1] == config.TOOLBAR_MODE


def test_the_repository_config_sets_the_same_cap():
    """``streamlit run app.py`` from the repository root reads .streamlit/config.toml."""
    import tomllib

    toml = tomllib.loads((config.APP_FILE.parent / ".streamlit" / "config.toml").read_text())
    assert toml["server"]["maxUploadSize"] == config.MAX_UPLOAD_MB
    assert toml["client"]["toolbarMode"] == config.TOOLBAR_MODE


def test_sigterm_stops_the_streamlit_server(app):
    proc, port = app
    below = _descendants(proc.pid)  # a Streamlit child, if kgraph app runs it as one
    os.kill(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
        deadline = time.monotonic() + 15
        while _serving(port) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _serving(port), "the server still serves its port after kgraph app stopped"
        assert not [pid for pid in below if Path(f"/proc/{pid}").exists()]
    finally:
        for pid in below:  # orphans are no longer below proc: stop them by their ids
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
