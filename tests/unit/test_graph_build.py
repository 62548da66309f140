"""The typed graph: node and edge types, attribution, determinism."""

from __future__ import annotations

import random
from collections import Counter

from kgraph.graph import build_graph
from kgraph.model import Snapshot
from tests.support import graph_fixtures as fx


def _dump(G):
    return (
        [(n, list(d.items())) for n, d in G.nodes(data=True)],
        [(u, v, k, list(d.items())) for u, v, k, d in G.edges(keys=True, data=True)],
        dict(G.graph),
    )


def test_counts_per_type():
    G = fx.graph()
    assert Counter(k for _n, k in G.nodes(data="kind")) == {
        "post": 8,
        "concept": 7,
        "technology": 7,
        "company": 4,
    }
    assert Counter(k for _u, _v, k in G.edges(keys=True)) == {
        "mentions": 22,
        "related": 22,
        "uses": 6,
        "published_by": 4,
        "is_a": 3,
        "product_of": 3,
    }


def test_published_by_from_domain_and_title_wording():
    G = fx.graph()
    via = {u: (v, d["via"]) for u, v, k, d in G.edges(keys=True, data=True) if k == "published_by"}
    assert via == {
        "post:lakebase-prewarm": ("COMPANY:Databricks", "domain"),
        "post:airbnb-metrics": ("COMPANY:Airbnb", "title"),
        "post:dicer": ("COMPANY:Databricks", "title"),
        "post:slack-emr": ("COMPANY:Slack", "domain"),
    }


def test_mention_edges_weigh_titles_and_carry_evidence():
    G = fx.graph()
    title = G.edges["post:lakebase-prewarm", "CONCEPT:prewarming", "mentions"]
    passing = G.edges["post:pg-tuning", "CONCEPT:prewarming", "mentions"]
    assert title["weight"] > passing["weight"] and title["in_title"]
    ev = passing["evidence"][0]
    summary = G.nodes["post:pg-tuning"]["summary"]
    assert summary[ev["start"] : ev["end"]] == "prewarming"
    assert summary[ev["sentence_start"] : ev["sentence_end"]] == ev["sentence"]


def test_nodes_carry_ontology_and_dates():
    G = fx.graph()
    k8s = G.nodes["TECHNOLOGY:Kubernetes"]
    assert k8s["aliases"] == ["K8s", "k8s"] and k8s["post_count"] == 4
    assert (k8s["first_seen"], k8s["last_seen"]) == ("2022-02-02", "2024-05-02")
    assert G.nodes["CONCEPT:relational database"]["in_corpus"] is False
    related = G.edges["CONCEPT:high availability", "TECHNOLOGY:Kubernetes", "related"]
    assert related["count"] == 2 and 0 < related["jaccard"] <= 1 and "pmi" in related


def test_shuffled_input_gives_identical_graph():
    snap = fx.snapshot()
    rng = random.Random(7)
    posts, mentions = list(snap.posts), list(snap.mentions)
    rng.shuffle(posts)
    rng.shuffle(mentions)
    shuffled = build_graph(Snapshot(posts, mentions, snap.build), fx.ontology())
    assert _dump(shuffled) == _dump(fx.graph())


def test_builds_without_ontology_and_from_empty_snapshot():
    G = build_graph(fx.snapshot())
    assert "CONCEPT:relational database" not in G
    assert build_graph(Snapshot([], [], None)).number_of_nodes() == 0
