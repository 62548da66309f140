"""Fixtures shared across the suite: the shipped corpus, temporary stores, a word extractor."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from kgraph.corpus import SHIPPED_CORPUS
from tests.support import leftovers
from tests.support.fake_extractor import FakeExtractor


def pytest_sessionstart(session):
    leftovers.become_subreaper()


def pytest_sessionfinish(session, exitstatus):
    """Fail the run if any test left a process running (a server, a worker, a browser)."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    left = leftovers.leftovers()
    if not left:
        return
    lines = "\n".join(f"  {pid}: {cmd[:200]}" for pid, cmd in sorted(left.items()))
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    message = f"{len(left)} process(es) left running by the tests (now killed):\n{lines}"
    if reporter:
        reporter.write_line(message, red=True)
    else:
        print(message, file=sys.stderr)
    leftovers.kill(left)
    session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture
def shipped_corpus() -> Path:
    return SHIPPED_CORPUS


@pytest.fixture
def word_extractor() -> FakeExtractor:
    """Every capitalised word of a title is a COMPANY: store and build tests without spaCy."""
    return FakeExtractor()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kgraph.db"


@pytest.fixture
def write(tmp_path: Path):
    """Write a corpus file into the test's folder: write("a.csv", "title\\n...") -> Path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def allow_private_urls(monkeypatch):
    """Let fetches reach the tests' own servers on 127.0.0.1 (refused by default)."""
    monkeypatch.setenv("KGRAPH_ALLOW_PRIVATE_URLS", "1")
