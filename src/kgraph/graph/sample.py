"""A small sample corpus with known answers: the graph every doctest in kgraph builds.

Like ``networkx.karate_club_graph``, it lets an example run anywhere: eight posts about
prewarming, sharding, Kubernetes and a migration, with the ontology entries they need.
Mentions are found by plain string search, so each post lists the surface forms it holds.
The chain Airbnb -(airbnb-metrics)- Kubernetes -(k8s-sharding)- sharding is an explained
path.

>>> G = sample_graph()
>>> G.graph["n_posts"]
7
"""

from __future__ import annotations

import re

import networkx as nx

from kgraph.graph.construct import build_graph
from kgraph.model import Mention, Post, Snapshot
from kgraph.ontology import Ontology, OntologyEntry

__all__ = ["SAMPLE_POSTS", "sample_graph", "sample_ontology", "sample_snapshot"]

ONTOLOGY_ENTRIES = [
    OntologyEntry("Databricks", "COMPANY", domains=["databricks.com/blog"]),
    OntologyEntry("Airbnb", "COMPANY", domains=["airbnb.tech", "medium.com/airbnb-engineering"]),
    OntologyEntry("Slack", "COMPANY", domains=["slack.engineering"]),
    OntologyEntry("Amazon", "COMPANY"),
    OntologyEntry("relational database", "CONCEPT", definition="A database of tables."),
    OntologyEntry(
        "Lakebase",
        "TECHNOLOGY",
        parents=["relational database"],
        company="Databricks",
        definition="Databricks' serverless Postgres.",
    ),
    OntologyEntry(
        "PostgreSQL", "TECHNOLOGY", aliases=["Postgres"], parents=["relational database"]
    ),
    OntologyEntry("Kubernetes", "TECHNOLOGY", aliases=["k8s", "K8s"]),
    OntologyEntry("Amazon EMR", "TECHNOLOGY", aliases=["EMR"], company="Amazon"),
    OntologyEntry("SSH", "TECHNOLOGY"),
    OntologyEntry("REST", "TECHNOLOGY"),
    OntologyEntry("Dicer", "TECHNOLOGY", company="Databricks"),
    OntologyEntry("sharding", "CONCEPT", definition="Splitting data across machines."),
    OntologyEntry(
        "auto-sharding",
        "CONCEPT",
        parents=["sharding"],
        definition="Sharding that rebalances itself.",
    ),
    OntologyEntry("prewarming", "CONCEPT", definition="Loading caches before traffic."),
    OntologyEntry("cold restart", "CONCEPT", aliases=["cold restarts"]),
    OntologyEntry("high availability", "CONCEPT", aliases=["HA"]),
    OntologyEntry("distributed estimation", "CONCEPT"),
]

# (id, title, summary, url, published, [(surface, TYPE, canonical), ...])
SAMPLE_POSTS = [
    (
        "lakebase-prewarm",
        "Zero-Downtime Patching in Lakebase Part 1: Prewarming",
        "Cold restarts hurt database performance. Lakebase uses prewarming to fill the "
        "buffer cache before failover. Prewarming keeps latency low.",
        "https://www.databricks.com/blog/lakebase-prewarming",
        "2025-06-01",
        [
            ("Lakebase", "TECHNOLOGY", "Lakebase"),
            ("Prewarming", "CONCEPT", "prewarming"),
            ("prewarming", "CONCEPT", "prewarming"),
            ("Cold restarts", "CONCEPT", "cold restart"),
        ],
    ),
    (
        "pg-tuning",
        "Tuning PostgreSQL for read-heavy workloads",
        "We tune PostgreSQL buffers for reads. A short prewarming step helps after restarts, "
        "and we use Kubernetes for deploys.",
        "",
        "2024-01-10",
        [
            ("PostgreSQL", "TECHNOLOGY", "PostgreSQL"),
            ("prewarming", "CONCEPT", "prewarming"),
            ("Kubernetes", "TECHNOLOGY", "Kubernetes"),
        ],
    ),
    (
        "airbnb-metrics",
        "Building a fault-tolerant metrics storage system at Airbnb",
        "Airbnb's metrics system runs on Kubernetes and ingests 50 million samples per second. "
        "It relies on high availability across zones.",
        "",
        "2024-05-02",
        [
            ("Airbnb", "COMPANY", "Airbnb"),
            ("Kubernetes", "TECHNOLOGY", "Kubernetes"),
            ("high availability", "CONCEPT", "high availability"),
        ],
    ),
    (
        "k8s-sharding",
        "Sharding stateful services on Kubernetes",
        "We shard services with Kubernetes StatefulSets. Sharding keeps each shard small.",
        "",
        "2023-11-20",
        [("Sharding", "CONCEPT", "sharding"), ("Kubernetes", "TECHNOLOGY", "Kubernetes")],
    ),
    (
        "dicer",
        "Open Sourcing Dicer: Databricks\u2019 Auto-Sharder",
        "Dicer is Databricks' auto-sharding system for sharded services. "
        "It improves high availability.",
        "",
        "2025-09-15",
        [
            ("Dicer", "TECHNOLOGY", "Dicer"),
            ("Databricks\u2019", "COMPANY", "Databricks"),
            ("Databricks'", "COMPANY", "Databricks"),
            ("auto-sharding", "CONCEPT", "auto-sharding"),
            ("high availability", "CONCEPT", "high availability"),
        ],
    ),
    (
        "slack-emr",
        "From SSH to REST: Slack\u2019s EMR Data Pipelines",
        "Slack moved its EMR jobs from SSH to REST.",
        "https://slack.engineering/ssh-to-rest/",
        "",
        [
            ("Slack", "COMPANY", "Slack"),
            ("SSH", "TECHNOLOGY", "SSH"),
            ("REST", "TECHNOLOGY", "REST"),
            ("EMR", "TECHNOLOGY", "Amazon EMR"),
        ],
    ),
    (
        "estimation",
        "The Communication Complexity of Distributed Estimation",
        "Two parties estimate a distribution.",
        "",
        "",
        [("Distributed Estimation", "CONCEPT", "distributed estimation")],
    ),
]


def sample_ontology() -> Ontology:
    """The ontology entries the sample posts need."""
    onto = Ontology()
    for entry in ONTOLOGY_ENTRIES:
        onto.add(entry)
    return onto


def _sentences(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+", text):
        out.append((start, text[start : m.start()]))
        start = m.end()
    if start < len(text):
        out.append((start, text[start:]))
    return out


def _mentions(pid: str, title: str, summary: str, specs) -> list[Mention]:
    found = []
    for field, text in (("title", title), ("summary", summary)):
        sentences = [(0, text)] if field == "title" else _sentences(text)
        for surface, type_, canonical in specs:
            for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
                sentence = next(s for at, s in sentences if at <= m.start() < at + len(s))
                found.append(
                    Mention(
                        pid,
                        surface,
                        type_,
                        canonical,
                        field,
                        m.start(),
                        m.end(),
                        sentence,
                        "ontology",
                        0.99,
                    )
                )
    return found


def sample_snapshot(extra_posts=()) -> Snapshot:
    """The sample posts and their mentions, as a build would store them.

    ``extra_posts`` are more ``(id, title, summary, url, published, specs)`` tuples.
    """
    posts, mentions = [], []
    for pid, title, summary, url, published, specs in [*SAMPLE_POSTS, *extra_posts]:
        posts.append(Post(pid, title, summary, url=url, published=published))
        mentions += _mentions(pid, title, summary, specs)
    return Snapshot(posts, mentions, {"id": 1, "pipeline_version": "fixture"})


def sample_graph(extra_posts=()) -> nx.MultiDiGraph:
    """The typed graph of the sample corpus (plus ``extra_posts``)."""
    return build_graph(sample_snapshot(extra_posts), sample_ontology())
