"""Each question on the hand-built fixture, with known answers."""

from __future__ import annotations

import doctest
import importlib

import pytest

from kgraph import analysis
from kgraph.errors import NotFoundError
from tests.support import graph_fixtures as fx

G = fx.graph()


@pytest.mark.parametrize(
    "module",
    [
        "resolve",
        "related",
        "similar",
        "paths",
        "card",
        "centrality",
        "communities",
        "compare",
        "ego",
    ],
)
def test_docstring_examples_run(module):
    mod = importlib.import_module(f"kgraph.analysis.{module}")
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_related_prewarming_puts_the_lakebase_post_first_with_evidence():
    rows = analysis.related_posts(G, "prewarming")
    assert [r["post"] for r in rows] == ["post:lakebase-prewarm", "post:pg-tuning"]
    assert "title" in rows[0]["reason"] and "once in the summary" in rows[1]["reason"]
    ev = rows[1]["evidence"][0]
    assert ev["sentence"][ev["start"] : ev["end"]] == "prewarming"


def test_related_follows_is_a_children():
    rows = analysis.related_posts(G, "sharding")
    assert [r["post"] for r in rows] == ["post:k8s-sharding", "post:dicer"]
    assert "kind of 'sharding'" in rows[1]["reason"]


@pytest.mark.parametrize(
    ("name", "node"),
    [
        ("k8s", "TECHNOLOGY:Kubernetes"),
        ("HA", "CONCEPT:high availability"),
        ("KUBERNETES", "TECHNOLOGY:Kubernetes"),
        ("Postgres", "TECHNOLOGY:PostgreSQL"),
        ("dicer", "TECHNOLOGY:Dicer"),
        ("post:dicer", "post:dicer"),
        ("Sharding stateful services on Kubernetes", "post:k8s-sharding"),
    ],
)
def test_resolve_names_aliases_and_titles(name, node):
    assert analysis.resolve(G, name) == node


def test_near_miss_suggests():
    with pytest.raises(NotFoundError) as err:
        analysis.resolve(G, "kubernets")
    assert err.value.suggestions[0] == "Kubernetes"
    assert "Did you mean: Kubernetes" in str(err.value)


def test_path_airbnb_to_sharding_is_explained_through_real_posts():
    r = analysis.explained_path(G, "Airbnb", "sharding")
    assert r["found"]
    assert [(h["source"], h["target"], h["post"]) for h in r["hops"]] == [
        ("COMPANY:Airbnb", "TECHNOLOGY:Kubernetes", "post:airbnb-metrics"),
        ("TECHNOLOGY:Kubernetes", "CONCEPT:sharding", "post:k8s-sharding"),
    ]
    assert r["hops"][1]["sentence"] == "Sharding stateful services on Kubernetes"


def test_no_path_says_so():
    r = analysis.explained_path(G, "Airbnb", "distributed estimation")
    assert not r["found"] and r["hops"] == [] and r["message"].startswith("No path")


def test_similar_posts_share_rare_entities():
    rows = analysis.similar_posts(G, "post:dicer")
    assert rows[0]["post"] in ("post:airbnb-metrics", "post:hostile")
    assert "high availability" in rows[0]["shared"]
    with pytest.raises(NotFoundError):
        analysis.similar_posts(G, "Kubernetes")


def test_entity_card():
    card = analysis.entity_card(G, "Lakebase")
    assert card["company"] == "Databricks" and card["parents"] == ["relational database"]
    assert card["neighbours"]["company"] == ["Databricks"]
    assert card["community"] is not None and card["pagerank"] > 0


def test_top_and_communities_are_deterministic():
    assert analysis.top_entities(G, "betweenness", limit=3) == analysis.top_entities(
        fx.graph(), "betweenness", limit=3
    )
    cs = analysis.communities(G, seed=1)
    members = [n for c in cs for n in c["members"]]
    assert (
        len(members) == len(set(members)) == sum(1 for _n, k in G.nodes(data="kind") if k != "post")
    )


def test_compare_and_matrix():
    r = analysis.compare_companies(G, "Databricks", "Airbnb")
    shared = r["shared"][0]
    assert shared["label"] == "high availability"
    assert (
        shared["a"][0]["post"] == "post:dicer" and shared["b"][0]["post"] == "post:airbnb-metrics"
    )
    assert {i["label"] for i in r["only_a"]} >= {"Lakebase", "Dicer", "prewarming"}
    with pytest.raises(NotFoundError):
        analysis.compare_companies(G, "Databricks", "Kubernetes")
    m = analysis.company_technology_matrix(G)
    assert m.loc["Slack", "SSH"] == 1 and m.loc["Airbnb", "Lakebase"] == 0


def test_edge_evidence_and_ego():
    ev = analysis.edge_evidence(G, "TECHNOLOGY:Lakebase", "COMPANY:Databricks")
    assert {e["relation"] for e in ev} == {"product_of", "uses"}
    nodes, truncated = analysis.ego_subgraph(G, "Kubernetes", depth=2, cap=5)
    assert nodes[0] == "TECHNOLOGY:Kubernetes" and len(nodes) == 5 and truncated


def test_search_autocompletes():
    rows = analysis.search(G, "k8")
    assert rows[0]["node"] == "TECHNOLOGY:Kubernetes" and rows[0]["matched"] == "alias"


def test_card_shows_one_alias_per_spelling():
    import networkx as nx

    from kgraph.analysis import entity_card

    G = nx.MultiDiGraph()
    G.add_node(
        "TECHNOLOGY:Kubernetes",
        kind="technology",
        label="Kubernetes",
        aliases=["K8s", "k8s", "kubernetes", "kube"],
        definition="",
        post_count=0,
    )
    assert entity_card(G, "TECHNOLOGY:Kubernetes")["aliases"] == ["K8s", "kube"]


def test_reading_path_lists_posts_from_introductory_to_advanced():
    """A post that names the concept in its title but assumes five ideas comes after one
    that mentions it in passing with one: the path is listed by level."""
    from kgraph.graph.sample import sample_graph

    extra = [
        (
            "deep",
            "Sharding everything",
            "We use sharding with Kafka, Redis, Vitess, MySQL and consistent hashing.",
            "",
            "2024-01-01",
            [
                ("Sharding", "CONCEPT", "sharding"),
                ("Kafka", "TECHNOLOGY", "Apache Kafka"),
                ("Redis", "TECHNOLOGY", "Redis"),
                ("Vitess", "TECHNOLOGY", "Vitess"),
                ("MySQL", "TECHNOLOGY", "MySQL"),
                ("consistent hashing", "CONCEPT", "consistent hashing"),
            ],
        ),
        (
            "light",
            "A database story",
            "Along the way we tried sharding on PostgreSQL.",
            "",
            "2024-02-01",
            [("sharding", "CONCEPT", "sharding"), ("PostgreSQL", "TECHNOLOGY", "PostgreSQL")],
        ),
    ]
    posts = analysis.reading_path(sample_graph(extra), "sharding")["posts"]
    levels = [p["level"] for p in posts]
    assert levels == ["introductory", "intermediate", "advanced"], posts
    assert posts[-1]["title"] == "Sharding everything" and posts[-1]["in_title"]
