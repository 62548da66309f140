"""A deterministic synthetic corpus for the benchmark: posts built from the ontology's entities.

Titles and summaries follow the seed corpus's style ("The article details Airbnb's ...").
Entities are drawn with Zipf-like weights, so a few (Kubernetes, AWS) repeat often and most
are rare, as in real blogs; posts vary in length (1-6 sentences) and in entity density
(filler sentences carry none). The same ``seed`` and ``n`` always give the same posts.
"""

from __future__ import annotations

import itertools
import json
import random
import re
from collections.abc import Iterable
from pathlib import Path

from kgraph.model import Post

# Used only while the ontology ships no concepts: reusable engineering ideas.
FALLBACK_CONCEPTS = (
    "high availability",
    "sharding",
    "auto-sharding",
    "prewarming",
    "load balancing",
    "multi-tenancy",
    "rate limiting",
    "durable execution",
    "cold restart",
    "backend aggregation",
    "consensus",
    "leader election",
    "caching",
    "backpressure",
    "observability",
    "autoscaling",
    "change data capture",
    "schema evolution",
    "blue-green deployment",
    "circuit breaking",
)
TITLES = (
    "How {co} scaled {tech} to {num} requests per second",
    "Open Sourcing {tech}: {co}'s approach to {concept}",
    "Building a fault-tolerant {concept} system at {co}",
    "From {tech} to {tech2}: a migration story at {co}",
    "Lessons from running {tech} for {concept} at {co}",
    "Zero-downtime {concept} with {tech}",
    "Rethinking {concept} for {tech} workloads",
    "{concept} at scale: inside {co}'s {tech} platform",
    "Why we replaced {tech} with {tech2}",
    "Scaling {tech} one bottleneck at a time",
)
LEADS = (
    "The article details {co}'s development of a {concept} layer built on {tech}.",
    "The article outlines {co}'s transition from {tech} to {tech2} for its data pipelines.",
    "The article discusses how the platform team at {co} adopted {concept} using {tech}.",
    "This article explores {concept} in systems that run {tech} across several regions.",
    "The article announces the open sourcing of {tech}, {co}'s foundation for {concept}.",
)
MIDDLES = (
    "It highlights the challenges of {concept} when traffic grows {num}x in a year.",
    "It emphasizes {concept} and {concept2} as the keys to predictable latency.",
    "The team moved critical services from {tech} to {tech2} without downtime.",
    "Benchmarks show {tech} handling {num} thousand writes per second with {concept}.",
    "Engineers at {co} combined {tech} with {tech2} to reduce operational toil.",
    "The design borrows ideas from {concept} and applies them to {tech}.",
    "Operating the system taught the team a great deal about on-call and ownership.",
    "The results include lower costs, fewer incidents and faster deploys.",
    "It also covers testing strategies, rollout plans and the metrics that mattered.",
)
ENDINGS = ("It outlines the challenges...", "It emphasizes the need for...", "")


class _Vocabulary:
    """Names to draw from, each type with Zipf-like weights over a seeded shuffle."""

    def __init__(self, rng: random.Random, ontology=None):
        if ontology is None:
            from kgraph.ontology import load_ontology

            ontology = load_ontology(include_registry=False)
        self.rng = rng
        self.names = {}
        for type_ in ("COMPANY", "TECHNOLOGY", "CONCEPT"):
            entries = sorted(ontology.by_type(type_), key=lambda e: e.key)
            forms = [[e.name, *e.aliases] for e in entries if not e.ambiguous]
            if type_ == "CONCEPT" and not forms:
                forms = [[c] for c in FALLBACK_CONCEPTS]
            rng.shuffle(forms)
            weights = [1.0 / (rank + 1) for rank in range(len(forms))]
            self.names[type_] = (forms, list(itertools.accumulate(weights)))

    def pick(self, type_: str) -> str:
        forms, cumulative = self.names[type_]
        names = self.rng.choices(forms, cum_weights=cumulative)[0]
        # Mostly the canonical name; now and then an alias, to exercise normalisation.
        return names[0] if len(names) == 1 or self.rng.random() < 0.8 else self.rng.choice(names)

    def fill(self, template: str, co: str) -> str:
        pick = self.pick
        text = template.format(
            co=co,
            tech=pick("TECHNOLOGY"),
            tech2=pick("TECHNOLOGY"),
            concept=pick("CONCEPT"),
            concept2=pick("CONCEPT"),
            num=self.rng.randint(2, 500),
        )
        text = re.sub(r"\ba (?=[aeiouAEIOU])", "an ", text)
        return text[0].upper() + text[1:]


def generate_posts(n: int, seed: int = 42, *, ontology=None, start: int = 0) -> list[Post]:
    """``n`` synthetic posts, the same for the same ``seed``; ``start`` offsets their ids."""
    rng = random.Random(f"{seed}:{start}")
    vocab = _Vocabulary(rng, ontology)
    posts = []
    for i in range(start, start + n):
        co = vocab.pick("COMPANY")
        title = vocab.fill(rng.choice(TITLES), co)
        sentences = [vocab.fill(rng.choice(LEADS), co)]
        sentences += [vocab.fill(rng.choice(MIDDLES), co) for _ in range(rng.randint(0, 4))]
        sentences.append(rng.choice(ENDINGS))
        slug = f"{seed}-{i:06d}"
        posts.append(
            Post(
                id=f"syn-{slug}",
                title=title,
                summary=" ".join(s for s in sentences if s),
                url=f"https://engineering.example.com/{slug}",
                source=co,
                published=f"20{15 + i % 11:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                tags=["synthetic"],
            )
        )
    return posts


def write_jsonl(posts: Iterable[Post], path: str | Path) -> Path:
    """Write posts as corpus JSONL (the stable record format), one a line."""
    path = Path(path)
    with path.open("w", encoding="utf-8") as fh:
        for p in posts:
            record = {
                k: getattr(p, k)
                for k in ("id", "title", "summary", "url", "source", "published", "tags")
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def recombined_posts(sources: Iterable[str | Path], n: int, seed: int = 42) -> list[Post]:
    """``n`` posts recombined from real posts: each takes a real title and 1-4 sentences
    drawn from the real summaries, so names, capitals and sentence shapes are those of text
    written by others (the synthetic posts repeat a few templates)."""
    titles, sentences, sources_of = [], [], []
    for path in sources:
        with Path(path).open(encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                record = json.loads(line)
                titles.append(record["title"])
                sources_of.append(record.get("source") or "")
                summary = record.get("summary") or ""
                sentences += [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", summary) if s]
    if not titles or not sentences:
        raise ValueError("no posts with titles and summaries to recombine")
    rng = random.Random(f"recombined:{seed}")
    posts = []
    for i in range(n):
        k = rng.randrange(len(titles))
        slug = f"{seed}-{i:06d}"
        posts.append(
            Post(
                id=f"rec-{slug}",
                title=titles[k],
                summary=" ".join(rng.choice(sentences) for _ in range(rng.randint(1, 4))),
                url=f"https://engineering.example.com/{slug}",
                source=sources_of[k],
                published=f"20{15 + i % 11:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                tags=["recombined"],
            )
        )
    return posts
