"""Guess a corpus file's format from its name, then from its first bytes."""

from __future__ import annotations

import re

EXTENSIONS = {
    ".txt": "seed",
    ".csv": "csv",
    ".tsv": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".opml": "opml",
}


def is_url(source: str) -> bool:
    return bool(re.match(r"[a-z][a-z0-9+.-]*://", source, re.I))


def detect_format(name: str, data: bytes) -> str:
    """The parser for a source: by extension first, then by content."""
    if is_url(name):
        return "opml" if b"<opml" in data[:2000].lower() else "feed"
    for ext, kind in EXTENSIONS.items():
        if name.lower().endswith(ext):
            if kind == "feed" and b"<opml" in data[:2000].lower():
                return "opml"
            return kind
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:2000]
    if head.startswith(b"<"):
        return "opml" if b"<opml" in head.lower() else "feed"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        return "jsonl"
    first = head.split(b"\n", 1)[0].lower()
    if b"," in first and b"title" in first:
        return "csv"
    return "seed"
