"""Fixtures shared by the integration tests that run the shipped extraction model."""

from __future__ import annotations

import pytest

from kgraph.extract import load_extractor


@pytest.fixture(scope="module")
def ex():
    """The shipped pipeline (``models/kgraph``), loaded once per test module."""
    return load_extractor()
