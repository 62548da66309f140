"""Possessives and authorship stated in one clause (RELATION-RULES 1, 3 and 5): a company's
own unnamed system built on a technology, open-sourcing as building, and a concept that sits
in a phrase of another possessed noun."""

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


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        ("Most of Duolingo's backend was written in Python.", ("Duolingo", "uses", "Python")),
        (
            "Netflix's counting service is built on top of Apache Cassandra.",
            ("Netflix", "uses", "Apache Cassandra"),
        ),
        (  # RELATION-RULES rule 9's example
            "Shopify's search was built around Apache Solr.",
            ("Shopify", "uses", "Apache Solr"),
        ),
    ],
)
def test_the_companys_own_system_built_on_a_technology(extractor, summary, expected):
    assert expected in triples(extractor, "Notes", summary)


def test_open_sourcing_a_curated_technology_is_building_it(extractor):
    found = triples(extractor, "Proxies", "Lyft open-sourced Envoy, its service proxy.")
    assert ("Lyft", "built", "Envoy") in found, found


def test_a_concept_in_a_phrase_of_another_possessed_noun_is_not_applied(extractor):
    found = triples(
        extractor,
        "Podcast notes",
        "Chris talks about Google's work in open source and Google's microservices.",
    )
    assert ("Google", "applies", "open source") not in found, found
    assert ("Google", "applies", "microservices") in found, found


def test_our_needs_of_a_concept_are_not_its_practice(extractor):
    found = triples(
        extractor,
        "Scaling at Yelp",
        "Yelp runs many services. Existing tools do not meet our needs of autoscaling, "
        "so we adopted request hedging in our gateway.",
    )
    assert ("Yelp", "applies", "autoscaling") not in found, found


def test_a_compound_before_a_noun_called_t_gives_t_the_technology(extractor):
    found = triples(
        extractor,
        "Fresh",
        "The folks at Deno created a new Preact-based web framework called Fresh.",
    )
    assert ("Fresh", "uses", "Preact") in found, found


def test_a_parenthesised_possessive_names_the_companys_own_system(extractor):
    found = triples(
        extractor,
        "Scaling a store",
        "LinkedIn scaled Espresso (LinkedIn's distributed data store) to millions of queries.",
    )
    assert ("LinkedIn", "uses", "Espresso") in found, found


def test_a_title_whose_company_is_the_subject_states_its_technology(extractor):
    found = triples(
        extractor,
        "How Discord achieves native performance with React Native",
        "Discord shares lessons from its mobile apps.",
    )
    assert ("Discord", "uses", "React Native") in found, found
    # a title that only names the company and the technology states nothing
    found = triples(extractor, "Discord and React Native", "Notes from a meetup.")
    assert ("Discord", "uses", "React Native") not in found, found


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        (
            "Expedia Group details their architecture for managing a massive, multi-cluster "
            "Trino deployment.",
            ("Expedia Group", "uses", "Trino"),
        ),
        (
            "Atlassian allocates one Postgres database per tenant customer.",
            ("Atlassian", "uses", "PostgreSQL"),
        ),
    ],
)
def test_a_deployment_the_company_runs(extractor, summary, expected):
    assert expected in triples(extractor, "Notes", summary)


def test_platforms_served_are_not_run(extractor):
    found = triples(extractor, "Notes", "Airbnb delivers images to guests across iOS and Android.")
    assert ("Airbnb", "uses", "iOS") not in found, found


def test_a_technology_using_another_with_auxiliaries(extractor):
    found = triples(extractor, "Notes", "Trello has been using RabbitMQ for the last three years.")
    assert ("Trello", "uses", "RabbitMQ") in found, found


def test_the_system_the_company_built_on_a_technology(extractor):
    found = triples(extractor, "Notes", "Airbnb built a new service mesh based on Envoy.")
    assert ("Airbnb", "uses", "Envoy") in found, found
    # "written in Go" of a system nobody is said to build or own is not the company's
    found = triples(extractor, "Notes", "Airbnb is growing. Many services are written in Go.")
    assert ("Airbnb", "uses", "Go") not in found, found


def test_developing_a_curated_technology_no_one_company_makes_is_building_it(extractor):
    found = triples(extractor, "Notes", "LinkedIn developed Apache Kafka in 2010.")
    assert ("LinkedIn", "built", "Apache Kafka") in found, found
    found = triples(extractor, "Notes", "Yelp launched its first Apache Kafka cluster.")
    assert ("Yelp", "built", "Apache Kafka") not in found, found


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        (
            "Roshi—a production CRDT system built at SoundCloud—serves time-series data.",
            ("SoundCloud", "built", "Roshi"),
        ),
        (
            "We introduce you to StatsD, the open source software we built at Etsy to track "
            "application metrics.",
            ("Etsy", "built", "StatsD"),
        ),
    ],
)
def test_an_appositive_that_says_who_built_it(extractor, summary, expected):
    assert expected in triples(extractor, "Notes", summary)


@pytest.mark.parametrize(
    ("summary", "kept", "left"),
    [
        (
            "Robinhood runs Kafka because Pulsar lacked features.",
            ("Robinhood", "uses", "Apache Kafka"),
            ("Robinhood", "uses", "Apache Pulsar"),
        ),
        (
            "Robinhood ran Kafka on EC2 before its migration to Kubernetes.",
            ("Robinhood", "migrated_to", "Kubernetes"),
            ("Robinhood", "uses", "Kubernetes"),
        ),
    ],
)
def test_a_subordinate_clause_is_not_the_use_verbs_object(extractor, summary, kept, left):
    found = triples(extractor, "Notes", summary)
    assert kept in found, found
    assert left not in found, found


def test_a_use_verb_inside_the_subordinate_clause_still_counts(extractor):
    found = triples(
        extractor, "Notes", "Robinhood ran Kafka on EC2 until the team adopted Kubernetes."
    )
    assert ("Robinhood", "uses", "Kubernetes") in found, found


@pytest.mark.parametrize(
    ("summary", "absent"),
    [
        (
            "Shopify does not use Kubernetes for stateful workloads.",
            [("Shopify", "uses", "Kubernetes")],
        ),
        ("Shopify will adopt Rust for its proxy.", [("Shopify", "uses", "Rust")]),
        ("Shopify hopes to use WebAssembly in the future.", [("Shopify", "uses", "WebAssembly")]),
        ("Shopify chose PostgreSQL over MongoDB.", [("Shopify", "uses", "MongoDB")]),
        (
            "Shopify wants to move its search to OpenSearch.",
            [("Shopify", "migrated_to", "OpenSearch")],
        ),
        ("Shopify's engineers compared Redis with Memcached.", [("Shopify", "uses", "Redis")]),
    ],
)
def test_a_negated_planned_or_turned_down_use_is_not_stated(extractor, summary, absent):
    found = triples(extractor, "Notes", summary)
    for triple in absent:
        assert triple not in found, found


def test_dropping_one_technology_in_favour_of_another_is_a_migration(extractor):
    found = triples(extractor, "Notes", "Shopify dropped Apache Mesos in favor of Kubernetes.")
    assert ("Shopify", "migrated_from", "Apache Mesos") in found, found
    assert ("Shopify", "migrated_to", "Kubernetes") in found, found
    assert ("Shopify", "uses", "Apache Mesos") not in found, found
    found = triples(extractor, "Notes", "Shopify chose PostgreSQL over MongoDB.")
    assert ("Shopify", "uses", "PostgreSQL") in found, found


@pytest.mark.parametrize(
    ("summary", "absent"),
    [
        ("Shopify built a Kafka-compatible queue.", ("Shopify", "uses", "Apache Kafka")),
        (
            "Shopify helps merchants who use WordPress migrate their stores.",
            ("Shopify", "uses", "WordPress"),
        ),
        ("Shopify's customers often run Kafka on Kubernetes.", ("Shopify", "uses", "Apache Kafka")),
        (
            "Shopify's Tidewater replaces cron jobs and uses PostgreSQL for state.",
            ("Shopify", "migrated_from", "PostgreSQL"),
        ),
    ],
)
def test_likeness_other_parties_and_a_later_object_state_no_relation(extractor, summary, absent):
    assert absent not in triples(extractor, "Notes", summary)


def test_a_purpose_gerund_does_not_end_a_list_of_objects(extractor):
    found = triples(
        extractor, "Notes", "Shopify uses Redis for caching and Kafka for event streaming."
    )
    assert ("Shopify", "uses", "Apache Kafka") in found, found
