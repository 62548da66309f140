"""Corpus readers: every supported format in, one list of :class:`~kgraph.model.Post` out.

Formats are detected by extension and content (``detect.py``); each has one module here.
A bad record is skipped with a warning; with ``strict`` it fails the whole read instead.
"""

from kgraph.corpus.read import FORMATS, SHIPPED_CORPUS, ReadResult, read_corpus

__all__ = ["FORMATS", "SHIPPED_CORPUS", "ReadResult", "read_corpus"]
