"""Fixtures shared across the suite: the shipped corpus, temporary stores, a word extractor."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from kgraph.corpus import SHIPPED_CORPUS
from kgraph.model import Mention, Post

TESTS = Path(__file__).parent


class CapitalisedWordExtractor:
    """A deterministic test double for the extractor: every capitalised word is a COMPANY.

    Lets store and build tests run without spaCy; the real pipeline has its own tests.
    """

    version = "test-words-1"
    warnings: tuple[str, ...] = ()

    def __init__(self):
        self.seen: list[str] = []

    def extract(
        self, posts: Iterable[Post], batch_size: int = 256, n_process: int = 1
    ) -> Iterator[list[Mention]]:
        for post in posts:
            self.seen.append(post.id)
            yield [
                Mention(
                    post.id,
                    m.group(),
                    "COMPANY",
                    m.group(),
                    "title",
                    m.start(),
                    m.end(),
                    post.title,
                    "rule",
                    0.5,
                )
                for m in re.finditer(r"\b[A-Z][a-z]{3,}\b", post.title)
            ]


@pytest.fixture
def shipped_corpus() -> Path:
    return SHIPPED_CORPUS


@pytest.fixture
def word_extractor() -> CapitalisedWordExtractor:
    return CapitalisedWordExtractor()


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
