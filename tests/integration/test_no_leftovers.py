"""The suite's own end-of-session check finds a process a test leaves behind (issue 15).

A throw-away pytest run (with this suite's conftest as a plugin) holds one test that starts
a shell which backgrounds a ``sleep`` and exits, the way ``kgraph app`` used to orphan its
Streamlit server. That run must fail, name the process and stop it; a clean run passes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from kgraph import config

pytestmark = pytest.mark.slow

LEAKY = """
import subprocess

def test_leaks():
    subprocess.run(["sh", "-c", "sleep {seconds} &"], check=True)
"""
CLEAN = """
def test_clean():
    assert True
"""


def _run(tmp_path, body: str) -> subprocess.CompletedProcess:
    test = tmp_path / "test_inner.py"
    test.write_text(body)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "tests.conftest",
            "-p",
            "no:cacheprovider",
            "-q",
            "--rootdir",
            str(tmp_path),
            "-c",
            os.devnull,
            str(test),
        ],
        cwd=config.ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _sleeping(seconds: str) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                cmd = Path(f"/proc/{entry}/cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if cmd[:2] == [b"sleep", seconds.encode()]:
                found.append(int(entry))
    return found


def test_a_leaked_process_fails_the_run_and_is_stopped(tmp_path):
    seconds = f"{300 + uuid.uuid4().int % 1000}.5"  # a command line no one else runs
    result = _run(tmp_path, LEAKY.format(seconds=seconds))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "left running by the tests" in result.stdout and f"sleep {seconds}" in result.stdout
    assert _sleeping(seconds) == []


def test_a_clean_run_passes(tmp_path):
    result = _run(tmp_path, CLEAN)
    assert result.returncode == 0, result.stdout + result.stderr
