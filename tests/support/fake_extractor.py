"""The one test double for kgraph's extractor: deterministic, spaCy-free, in three modes.

``FakeExtractor`` has the extractor's interface (``version``, ``warnings`` and
``extract(posts, batch_size, n_process)`` yielding one list of mentions per post) and
records the ids of the posts it was asked for in ``seen``:

- ``"words"`` (the default): every match of ``pattern`` in one ``field`` of a post is an
  entity of type ``type_``, named by the match (method ``rule``, confidence 0.5). The
  defaults (capitalised words of four letters or more in the title are companies) serve
  the store and build tests; a pattern of ``(?s).+`` over the summary makes the whole
  summary one entity name, as the XSS tests want.
- ``"vocab"``: the names of ``vocab`` (default :data:`VOCAB`, the entities the app's
  tests look for in the shipped corpus) found by regex in the title and the summary
  (method ``ontology``, confidence 0.95, the sentence around the match).
- ``"fixed"``: the same ``mentions`` ``(text, type, canonical)`` for every post.

``delay`` sleeps that many seconds before each post, so extraction takes a measurable time
(the crash and concurrency harness). ``version`` names the pipeline the store records; each
mode has a default that tests may rely on.

>>> from kgraph.model import Post
>>> post = Post(id="p1", title="Airbnb moves to Kubernetes", summary="We use Kubernetes.")
>>> [m.canonical for m in next(FakeExtractor().extract([post]))]
['Airbnb', 'Kubernetes']
>>> [(m.type, m.field) for m in next(FakeExtractor("vocab").extract([post]))]
[('COMPANY', 'title'), ('TECHNOLOGY', 'title'), ('TECHNOLOGY', 'summary')]
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator

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
"""The vocabulary mode's default: what the app's tests expect in the shipped corpus
(prewarming -> the Lakebase post, Kubernetes -> the Salesforce post)."""
SURFACE = {
    "cold restart": "cold restarts?",
    "rate limiting": "rate limits?",
    "Jira Cloud": "Jira [Cc]loud",
    "auto-sharding": "auto-shard(?:ing|er)",
    "multi-tenancy": "multi-tenant",
}
"""Regexes for vocabulary names whose written forms differ from the name."""
CAPITALISED = r"\b[A-Z][a-z]{3,}\b"
VERSIONS = {"words": "test-words-1", "vocab": "test-vocab-1", "fixed": "fixed-1"}


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in re.finditer(r"(?<=[.!?])\s+", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


class FakeExtractor:
    """A deterministic stand-in for the extractor (see the module's docstring)."""

    warnings: tuple[str, ...] = ()

    def __init__(
        self,
        mode: str = "words",
        *,
        version: str | None = None,
        pattern: str = CAPITALISED,
        field: str = "title",
        type_: str = "COMPANY",
        vocab: Iterable[tuple[str, str]] = VOCAB,
        surface: dict[str, str] | None = None,
        mentions: Iterable[tuple[str, str, str]] = (),
        delay: float = 0.0,
    ):
        if mode not in VERSIONS:
            raise ValueError(f"mode is one of {sorted(VERSIONS)}, not {mode!r}")
        self.mode = mode
        self.version = version or VERSIONS[mode]
        self.pattern = re.compile(pattern)
        self.field = field
        self.type = type_
        surface = {**SURFACE, **(surface or {})}
        self.vocab = [
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
        self.mentions = list(mentions)
        self.delay = delay
        self.seen: list[str] = []

    def extract(
        self, posts: Iterable[Post], batch_size: int = 256, n_process: int = 1
    ) -> Iterator[list[Mention]]:
        find = getattr(self, f"_{self.mode}")
        for post in posts:
            if self.delay:
                time.sleep(self.delay)
            self.seen.append(post.id)
            yield find(post)

    def _words(self, post: Post) -> list[Mention]:
        text = getattr(post, self.field)
        return [
            Mention(
                post.id,
                m.group(),
                self.type,
                m.group(),
                self.field,
                m.start(),
                m.end(),
                text,
                "rule",
                0.5,
            )
            for m in self.pattern.finditer(text)
        ]

    def _vocab(self, post: Post) -> list[Mention]:
        found = []
        for field in ("title", "summary"):
            text = getattr(post, field)
            for t, name, rx in self.vocab:
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
        return found

    def _fixed(self, post: Post) -> list[Mention]:
        return [
            Mention(post.id, t, ty, c, "title", 0, len(t), "", "ontology", 1.0)
            for t, ty, c in self.mentions
        ]
