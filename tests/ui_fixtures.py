"""A store for the app's tests, built from the shipped corpus without spaCy.

A fixed vocabulary stands in for the extractor, so AppTest and browser tests run in
seconds and see the entities the issue names (prewarming -> the Lakebase post,
Kubernetes -> the Salesforce post).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kgraph import api
from kgraph.model import Mention, Post

VOCAB = [
    ("COMPANY", "Databricks"),
    ("COMPANY", "Airbnb"),
    ("COMPANY", "Slack"),
    ("COMPANY", "Salesforce"),
    ("COMPANY", "Cloudflare"),
    ("COMPANY", "Meta"),
    ("COMPANY", "GitHub"),
    ("COMPANY", "Atlassian"),
    ("TECHNOLOGY", "Apache Spark"),
    ("TECHNOLOGY", "Kubernetes"),
    ("TECHNOLOGY", "EMR"),
    ("TECHNOLOGY", "SSH"),
    ("TECHNOLOGY", "REST"),
    ("TECHNOLOGY", "Lakebase"),
    ("TECHNOLOGY", "Dicer"),
    ("TECHNOLOGY", "Prometheus"),
    ("TECHNOLOGY", "Jira Cloud"),
    ("TECHNOLOGY", "Cloudflare Workers"),
    ("CONCEPT", "prewarming"),
    ("CONCEPT", "cold restart"),
    ("CONCEPT", "high availability"),
    ("CONCEPT", "auto-sharding"),
    ("CONCEPT", "load balancing"),
    ("CONCEPT", "multi-tenancy"),
    ("CONCEPT", "rate limiting"),
    ("CONCEPT", "durable execution"),
    ("CONCEPT", "backend aggregation"),
    ("CONCEPT", "serverless"),
]
SURFACE = {
    "cold restart": "cold restarts?",
    "rate limiting": "rate limits?",
    "Jira Cloud": "Jira [Cc]loud",
    "auto-sharding": "auto-shard(?:ing|er)",
    "multi-tenancy": "multi-tenant",
}


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in re.finditer(r"(?<=[.!?])\s+", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


class VocabExtractor:
    """A deterministic stand-in for the extractor: finds VOCAB names by regex."""

    version = "test-vocab-1"
    warnings: tuple[str, ...] = ()

    def __init__(self, vocab: Iterable[tuple[str, str]] = VOCAB, surface: dict | None = None):
        surface = {**SURFACE, **(surface or {})}
        self.patterns = [
            (
                t,
                name,
                re.compile(
                    r"\b" + surface.get(name, re.escape(name)) + r"\b",
                    0 if name[0].isupper() and t != "CONCEPT" else re.I,
                ),
            )
            for t, name in vocab
        ]

    def extract(
        self, posts: Iterable[Post], batch_size: int = 256, n_process: int = 1
    ) -> Iterator[list[Mention]]:
        for post in posts:
            found = []
            for field in ("title", "summary"):
                text = getattr(post, field)
                for t, name, rx in self.patterns:
                    for m in rx.finditer(text):
                        s, e = next((s, e) for s, e in _sentences(text) if s <= m.start() <= e)
                        found.append(
                            Mention(
                                post.id,
                                m.group(),
                                t,
                                name,
                                field,
                                m.start(),
                                m.end(),
                                text[s:e],
                                "ontology",
                                0.95,
                            )
                        )
            yield found


def make_store(path: Path, sources: Iterable[str | Path] = (), extractor=None) -> Path:
    """Build a store at ``path`` from ``sources`` (default: the shipped corpus)."""
    api.build(list(sources), db=path, extractor=extractor or VocabExtractor())
    return path
