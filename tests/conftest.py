"""Fixtures shared across the suite: the shipped corpus, temporary stores, a word extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgraph.corpus import SHIPPED_CORPUS
from tests.support.fake_extractor import FakeExtractor


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
