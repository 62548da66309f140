"""A store for the app's tests, built from the shipped corpus without spaCy.

The vocabulary mode of the FakeExtractor stands in for the extractor, so AppTest and
browser tests run in seconds and see the entities the issue names (prewarming -> the
Lakebase post, Kubernetes -> the Salesforce post).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kgraph import api
from tests.support.fake_extractor import FakeExtractor


def make_store(path: Path, sources: Iterable[str | Path] = (), extractor=None) -> Path:
    """Build a store at ``path`` from ``sources`` (default: the shipped corpus)."""
    api.build(list(sources), db=path, extractor=extractor or FakeExtractor("vocab"))
    return path
