"""What ties a relation to its head in one clause (RELATION-RULES 1, 3 and 4): a company's
concepts need the sentence to say it practises them, and a "built on / written in" phrase
gives its head every technology it lists."""

from __future__ import annotations

import pytest

from kgraph.extract import load_extractor
from kgraph.extract.relations import find_relations
from kgraph.model import Post


@pytest.fixture(scope="module")
def extractor():
    return load_extractor()


def triples(extractor, title, summary):
    """The hand rules' triples (the learned layer is tested in test_relations_learned.py)."""
    post = Post("p", title, summary)
    mentions = next(extractor.extract([post]))
    found = find_relations(post, mentions, extractor.ontology, models={})
    return {(r.head, r.type, r.tail) for r in found}


def test_a_concept_only_near_the_company_is_not_its_practice(extractor):
    found = triples(
        extractor,
        "How Shopify scales search",
        "Shopify has seen concurrent cache writes result in stale prices, and it runs "
        "load shedding.",
    )
    assert ("Shopify", "applies", "load shedding") in found, found
    assert ("Shopify", "applies", "cache") not in found, found


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        (  # a list after the phrase shares its head
            "Tidewater is a job scheduler written in Go and Rust.",
            {("Tidewater", "uses", "Go"), ("Tidewater", "uses", "Rust")},
        ),
        (  # the phrase's examples
            "Tidewater is a scheduler built on top of open source tools including Docker, "
            "Apache Mesos and Marathon.",
            {
                ("Tidewater", "uses", "Docker"),
                ("Tidewater", "uses", "Apache Mesos"),
                ("Tidewater", "uses", "Marathon"),
            },
        ),
        (  # "T on U": one technology deployed on another
            "Use tools like KServe or Knative on Kubernetes for autoscaling.",
            {("KServe", "uses", "Kubernetes"), ("Knative", "uses", "Kubernetes")},
        ),
    ],
)
def test_a_built_on_phrase_gives_its_head_each_listed_technology(extractor, summary, expected):
    found = triples(extractor, "Inside Tidewater", summary)
    assert expected <= found, found


def test_a_line_break_ends_the_clause(extractor):
    """A digest's byline names the company; its bullet lines do not say the company does
    what they describe."""
    summary = (
        "by Jane Doe \u2e31 Shopify \u2e31 6 min read \u2e31 26 Jul\n"
        "Describes how the JIT compiler caused performance issues in a Java-based application"
    )
    found = triples(extractor, "Digest", summary)
    assert ("Shopify", "uses", "Java") not in found, found
    joined = triples(extractor, "Digest", "Shopify moved its checkout to a Java-based service.")
    assert ("Shopify", "uses", "Java") in joined, joined


@pytest.mark.parametrize(
    ("title", "summary", "expected"),
    [
        (  # a technology as the subject of a use verb (rule 2)
            "Inside Tidewater",
            "Behind the scenes, Apache Kafka uses Apache ZooKeeper for coordination.",
            {("Apache Kafka", "uses", "Apache ZooKeeper")},
        ),
        (  # "mixing T, U": the company's use verb over a list
            "Real-time billing at Shopify",
            "Shopify walks through how they built real-time analytics on top of billing, "
            "mixing Kafka, Flink, and their own in-house magic.",
            {("Shopify", "uses", "Apache Kafka"), ("Shopify", "uses", "Apache Flink")},
        ),
        (  # a part of one technology made for another (a plugin, a module)
            "Writable storage",
            "Shopify added write support to Litestream's SQLite plugin. The proxy, which is an "
            "Nginx module, stays.",
            {("Litestream", "uses", "SQLite")},
        ),
    ],
)
def test_use_verbs_of_a_technology_and_of_the_company(extractor, title, summary, expected):
    found = triples(extractor, title, summary)
    assert expected <= found, found
    assert ("Shopify", "uses", "SQLite") not in found, found


def test_a_monolith_broken_up_is_moved_from_not_applied(extractor):
    found = triples(
        extractor,
        "Database reliability at Shopify",
        "As Shopify broke their monolith up into microservices, their number of databases "
        "expanded too.",
    )
    assert ("Shopify", "migrated_from", "monolithic architecture") in found, found
    assert ("Shopify", "migrated_to", "microservices") in found, found
    assert ("Shopify", "applies", "monolithic architecture") not in found, found
