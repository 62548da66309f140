"""The versions that key the extraction cache, importable without spaCy."""

MODEL_VERSION = "1.0.0"
"""The layout of ``models/kgraph``."""
CODE_VERSION = "161"
"""Bump when a change to the extraction code changes what it finds (it invalidates the cache)."""
