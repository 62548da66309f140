"""Extraction on text written by others: spelling variants, names typed by context, the
shared entity rules for cloud providers and system categories, and registry names."""

from __future__ import annotations

import json

import pytest

from kgraph.extract import evaluate, load_extractor

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ex():
    return load_extractor()


def found(ex, title, summary=""):
    return {(m.type, m.canonical) for m in ex.extract_text(title, summary)}


def test_offsets_text_and_sentence_stay_those_of_the_original(ex):
    summary = "Teams run Post\u200bgreSQL with a write\u2011ahead log. Nothing else."
    mentions = {m.canonical: m for m in ex.extract_text("Storage notes", summary)}
    pg, wal = mentions["PostgreSQL"], mentions["write-ahead log"]
    assert summary[pg.start : pg.end] == pg.text == "Post\u200bgreSQL"
    assert summary[wal.start : wal.end] == wal.text == "write\u2011ahead log"
    assert pg.sentence == "Teams run Post\u200bgreSQL with a write\u2011ahead log."


def test_case_and_hyphen_variants_of_known_names(ex):
    got = found(ex, "Notes", "Graphql and high-availability setups behind a load balancer.")
    assert ("TECHNOLOGY", "GraphQL") in got
    assert ("CONCEPT", "high availability") in got
    assert ("CONCEPT", "load balancer") in got


def test_a_cloud_provider_alone_is_a_company_and_its_services_technologies(ex):
    got = found(ex, "Moving queues", "The team moved from AWS SQS to Kafka on AWS.")
    assert ("COMPANY", "Amazon Web Services") in got
    assert ("TECHNOLOGY", "Amazon SQS") in got
    assert ("TECHNOLOGY", "AWS") not in got


def test_system_categories_are_concepts(ex):
    got = found(ex, "Notes", "A data platform feeds the data pipeline through a proxy and a cache.")
    assert {("CONCEPT", "data platform"), ("CONCEPT", "data pipeline")} <= got
    assert ("CONCEPT", "proxy") in got and ("CONCEPT", "cache") in got


def test_a_company_described_as_a_system_is_a_technology(ex):
    got = found(ex, "Load balancing", "We run Robinhood, our in-house load balancing service.")
    assert ("TECHNOLOGY", "Robinhood") in got and ("COMPANY", "Robinhood") not in got
    assert ("COMPANY", "Robinhood") in found(ex, "Notes", "Engineers at Robinhood use Kafka.")


def test_unknown_names_typed_by_what_the_text_says(ex):
    got = found(ex, "Notes", "When Zorbix joined Datadog, its analyzer moved to Rust.")
    assert ("COMPANY", "Zorbix") in got
    got = found(ex, "Notes", "In this post we discuss how LyftPlanner's scheduler runs at Lyft.")
    assert ("COMPANY", "LyftPlanner") not in got


def test_registry_names_need_support(ex):
    # "Self" is a registry language name; in a headline it is a plain word.
    assert not any(c == "Self" for _, c in found(ex, "Kafka Self-Serve For Every Team"))
    # A registry name used as a name in running text is found.
    assert ("TECHNOLOGY", "ANTLR") in found(ex, "Parsers", "The parser was built with ANTLR.")


def test_gold_with_one_entry_per_surface_counts_each_surface(ex, tmp_path):
    gold = tmp_path / "gold.jsonl"
    entities = [
        {"text": "Kafka", "type": "TECHNOLOGY", "canonical": "Apache Kafka"},
        {"text": "Apache Kafka", "type": "TECHNOLOGY", "canonical": "Apache Kafka"},
    ]
    record = {"title": "Kafka notes", "summary": "We run Apache Kafka.", "entities": entities}
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    report = evaluate(gold, ex)["per_type"]["TECHNOLOGY"]
    assert (report["tp"], report["fp"], report["fn"]) == (2, 0, 0)
    # a set written one entry per entity is not penalised for the second surface
    gold.write_text(json.dumps({**record, "entities": entities[1:]}) + "\n", encoding="utf-8")
    report = evaluate(gold, ex)["per_type"]["TECHNOLOGY"]
    assert (report["tp"], report["fp"], report["fn"]) == (1, 0, 0)


def test_a_version_belongs_to_the_surface_not_the_canonical(ex):
    summary = "We moved from Python 2.7 to MySQL 8.0, 40% faster."
    got = {(m.text, m.canonical) for m in ex.extract_text("Upgrades", summary)}
    assert ("Python 2.7", "Python") in got and ("MySQL 8.0", "MySQL") in got
