"""Helpers for the integration tests that read what the extraction model finds."""

from __future__ import annotations


def found(ex, title, summary=""):
    """What ``ex`` finds in a post, as (type, canonical) pairs."""
    return {(m.type, m.canonical) for m in ex.extract_text(title, summary)}
