"""Concept words that name no idea where they stand: mined phrases whose head is a document,
a group or a plan, the object of a verb's gerund, and concepts inside a group's name or a
job title; in text unlike any gold post."""

from __future__ import annotations

import pytest

from tests.integration.mentions import found

pytestmark = pytest.mark.model


def concepts(ex, title, summary=""):
    return {name for kind, name in found(ex, title, summary) if kind == "CONCEPT"}


def test_a_mined_phrase_with_a_document_group_or_plan_head_is_no_idea(ex):
    got = concepts(
        ex,
        "Ledger procedures and a warehouse study",
        "Our ledger procedures changed after the warehouse study; platform squads then "
        "shipped billing changes to every tenant.",
    )
    assert not {"ledger procedure", "warehouse study", "billing change"} & got


def test_a_mined_phrase_with_an_idea_head_is_still_found(ex):
    got = concepts(ex, "Notes", "The broker relies on token propagation across zones.")
    assert "token propagation" in got


def test_the_object_of_a_managing_gerund_starts_after_it(ex):
    got = concepts(ex, "Notes", "The crew builds tools for managing tenant feeds at night.")
    assert not any(name.startswith("managing") for name in got)


def test_a_concept_inside_a_group_name_or_job_title_is_no_mention(ex):
    got = concepts(
        ex,
        "Notes",
        "Today the Profiling SIG shipped a release. Dana Okafor, VP Developer Experience, "
        "spoke for the Data Platform organization at Zorbly.",
    )
    assert not {"profiling", "developer experience", "data platform"} & got


def test_the_same_concepts_outside_a_group_name_are_found(ex):
    got = concepts(
        ex,
        "Notes",
        "Profiling found the leak, and developer experience improved on the data platform.",
    )
    assert {"profiling", "developer experience", "data platform"} <= got


def test_a_rank_of_before_a_mined_discipline_makes_a_job_title(ex):
    got = concepts(ex, "Notes", "Dana Okafor, VP of ledger engineering at Zorbly, spoke.")
    assert not any("engineering" in name for name in got)


def test_a_log_of_records_is_no_logging(ex):
    got = found(ex, "Notes", "The agent reads the commit logs of each replica.")
    assert ("CONCEPT", "logging") not in got
    got = found(ex, "Notes", "The agent ships logs, metrics and traces to one store.")
    assert ("CONCEPT", "logging") in got


def test_a_mined_ingestion_protocol_or_leak_phrase_needs_the_posts_support(ex):
    got = concepts(
        ex,
        "Notes",
        "Peers use tenant ingestion and a consumer protocol. They suffered token leaks.",
    )
    assert not {"tenant ingestion", "consumer protocol", "token leak"} & got


def test_what_a_business_watches_is_no_monitoring_practice(ex):
    got = concepts(ex, "Notes", "Zorbly sells fraud monitoring to banks.")
    assert not any("monitoring" in name for name in got)
    got = found(ex, "Notes", "Zorbly added proactive monitoring to its banks.")
    assert ("CONCEPT", "monitoring") in got


def test_an_acronym_led_category_after_a_product_name_is_the_products(ex):
    got = found(ex, "Notes", "Traffic now enters through the Zorbly API Gateway in each zone.")
    assert ("CONCEPT", "API gateway") not in got
    got = found(ex, "Notes", "Traffic now enters through an API Gateway in each zone.")
    assert ("CONCEPT", "API gateway") in got


def test_a_proxy_judged_good_or_direct_is_an_indicator(ex):
    got = concepts(ex, "Notes", "Queue depth became a direct proxy for the ledger's popularity.")
    assert not any("proxy" in name for name in got)
    got = concepts(ex, "Notes", "Each request passes a sidecar proxy before the ledger.")
    assert any("proxy" in name for name in got)
