"""Feed boilerplate seen in real engineering-blog feeds never becomes a post's text."""

from __future__ import annotations

import pytest

from kgraph.corpus.feed import parse
from kgraph.corpus.hygiene import clean_summary

CASES = [
    # WordPress footer (Uber, Dropbox, Slack and most self-hosted blogs)
    (
        "We rebuilt our pricing service on Apache Flink. The post How Uber Prices Rides in "
        "Real Time appeared first on Uber Blog.",
        "We rebuilt our pricing service on Apache Flink.",
        [],
    ),
    # Medium ("Continue reading on <publication> »")
    (
        "Netflix moved its media encoding to a new workflow engine… Continue reading on "
        "Netflix TechBlog »",
        "Netflix moved its media encoding to a new workflow engine",
        [],
    ),
    ("Our search now runs on Vespa. Continue reading", "Our search now runs on Vespa.", []),
    (
        "We cut p99 latency in half with Envoy. Read more »",
        "We cut p99 latency in half with Envoy.",
        [],
    ),
    (
        "Sharding MySQL without downtime, step by step […]",
        "Sharding MySQL without downtime, step by step",
        [],
    ),
    ("Sharding MySQL [...]", "Sharding MySQL", []),
    # Bylines in front of the text
    (
        "Authors: Jane Doe, Raj Patel We moved our queues to Kafka.",
        "We moved our queues to Kafka.",
        ["Jane Doe", "Raj Patel"],
    ),
    (
        "by Wei Chen, Ana María Souza | How Pinterest serves ads with PyTorch.",
        "How Pinterest serves ads with PyTorch.",
        ["Wei Chen", "Ana María Souza"],
    ),
    (
        "By Priya Raman and Tom O'Neil How we test Terraform modules.",
        "How we test Terraform modules.",
        ["Priya Raman", "Tom O'Neil"],
    ),
    (
        "Written by: Sam J. Lee Postgres upgrades at scale.",
        "Postgres upgrades at scale.",
        ["Sam J. Lee"],
    ),
    # Both at once
    (
        "Authors: Lin Wu We built a feature store on Redis. The post Feature stores appeared "
        "first on Acme Engineering.",
        "We built a feature store on Redis.",
        ["Lin Wu"],
    ),
]


@pytest.mark.parametrize(("text", "clean", "authors"), CASES)
def test_boilerplate_is_stripped(text, clean, authors):
    assert clean_summary(text) == (clean, authors)


@pytest.mark.parametrize(
    "text",
    [
        "By moving Kafka to Kubernetes we cut costs.",
        "By Moving Kafka to Kubernetes, we cut costs by half.",
        "By 2025 every service used gRPC.",
        "The post-mortem appeared in our wiki first; we share it here.",
        "Read more about Spark in our docs, where we explain the planner.",
        "Authors of the RFC proposed a new scheduler.",
    ],
)
def test_ordinary_text_is_kept(text):
    assert clean_summary(text) == (text, [])


def test_a_feed_never_yields_the_boilerplate():
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Acme Engineering</title>
    <item><title>Moving to Kafka</title><link>https://a.example/1</link>
    <description>&lt;p&gt;Authors: Jane Doe, Raj Patel&lt;/p&gt;&lt;p&gt;We moved to Kafka.&lt;/p&gt;
    &lt;p&gt;The post Moving to Kafka appeared first on Acme Engineering.&lt;/p&gt;</description>
    </item></channel></rss>"""
    (post,) = list(parse(rss, "acme.rss"))
    assert post.summary == "We moved to Kafka."


def test_malformed_markup_in_a_feed_gives_text_not_a_traceback():
    # html.parser raises AssertionError on an unknown marked section (found by the fuzzer).
    from kgraph.corpus.feed import html_to_text

    assert html_to_text("<![C\x00DATA[") == ""
    assert html_to_text("Hello <![C\x00DATA[ <b>world</b>") == "Hello world"
