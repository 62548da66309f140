"""Sentence patterns of the relation rules (RELATION-RULES), on hand-made mentions: each
case names its entities, so the rules are tested apart from entity extraction."""

from __future__ import annotations

import dataclasses
import re
from types import SimpleNamespace

import pytest

from kgraph.extract.relations import find_relations
from kgraph.model import Mention, Post, entity_key
from tests.support.mentions import post_with_mentions


def _relations(
    text: str, entities: list[tuple[str, str]], onto=None, title: str = "", methods: bool = False
):
    """Relations of a post whose summary is ``text``, each (surface, type) found at its
    first occurrence (its canonical name is the surface)."""
    post, mentions = post_with_mentions(title, text, [(s, t, s) for s, t in entities], 0.99)
    found = find_relations(post, mentions, onto, models={})  # the rules alone
    if methods:  # which rule found each
        return {(r.head, r.type, r.tail, r.method) for r in found}
    return {(r.head, r.type, r.tail) for r in found}


def _onto(**entries):
    """A stand-in ontology: technology name → (maker, parents)."""
    return SimpleNamespace(
        entries={
            entity_key("TECHNOLOGY", name): SimpleNamespace(
                company=maker, parents=list(parents), registry=False
            )
            for name, (maker, parents) in entries.items()
        }
    )


def test_a_comma_before_the_predicate_closes_an_apposition():
    found = _relations(
        "Harbor's third-generation job scheduler, Tidewater, is designed to run every batch.",
        [("Harbor's", "COMPANY"), ("job scheduler", "CONCEPT"), ("Tidewater", "TECHNOLOGY")],
    )
    assert ("Tidewater", "applies", "job scheduler") in found
    assert ("Harbor's", "uses", "Tidewater") in found


@pytest.mark.parametrize(
    "text",
    [
        "Quiver also powers Lumio, Petrel and Orla, among others.",
        "Quiver powers the feature flags of some large shops: Lumio, Petrel, Orla, and more.",
    ],
)
def test_a_technology_powering_listed_companies_is_used_by_each(text):
    found = _relations(
        text,
        [
            ("Quiver", "TECHNOLOGY"),
            ("Lumio", "COMPANY"),
            ("Petrel", "COMPANY"),
            ("Orla", "COMPANY"),
        ],
    )
    assert {(c, "uses", "Quiver") for c in ("Lumio", "Petrel", "Orla")} <= found


def test_used_also_at_a_list_of_companies():
    found = _relations(
        "Quiver is used also at Lumio and Petrel.",
        [("Quiver", "TECHNOLOGY"), ("Lumio", "COMPANY"), ("Petrel", "COMPANY")],
    )
    assert {("Lumio", "uses", "Quiver"), ("Petrel", "uses", "Quiver")} <= found


def test_a_sentence_to_the_reader_gives_the_company_nothing():
    found = _relations(
        "Lumio ships Quiver. If you use Lumio, you're probably making use of Valkey.",
        [("Lumio", "COMPANY"), ("Quiver", "TECHNOLOGY"), ("Valkey", "TECHNOLOGY")],
    )
    assert ("Lumio", "uses", "Valkey") not in found


def test_a_language_qualifying_the_apposed_noun_is_the_heads():
    found = _relations(
        "Marlin presented Tidewater, a Zig library that uses Valkey to cache plans.",
        [
            ("Marlin", "COMPANY"),
            ("Tidewater", "TECHNOLOGY"),
            ("Zig", "TECHNOLOGY"),
            ("Valkey", "TECHNOLOGY"),
        ],
    )
    assert {("Tidewater", "uses", "Zig"), ("Tidewater", "uses", "Valkey")} <= found
    assert ("Zig", "uses", "Valkey") not in found


def test_a_technology_before_its_own_kind_applies_it():
    onto = _onto(Tidewater=("", ["job scheduler"]), Valkey=("", ["key-value store"]))
    entities = [
        ("Tidewater", "TECHNOLOGY"),
        ("Valkey", "TECHNOLOGY"),
        ("job scheduler", "CONCEPT"),
        ("release cycle", "CONCEPT"),
    ]
    found = _relations("Orla adopted the Tidewater job scheduler.", entities, onto)
    assert ("Tidewater", "applies", "job scheduler") in found
    found = _relations("Orla studied the Valkey release cycle.", entities, onto)
    assert ("Valkey", "applies", "release cycle") not in found


def test_announcing_a_product_named_by_its_makers_longer_name_builds_it():
    onto = _onto(**{"Lumio Quiver": ("Lumio Labs", ["feature flag service"])})
    found = _relations(
        "Lumio announces Lumio Quiver, a new feature flag service.",
        [("Lumio", "COMPANY"), ("Lumio Quiver", "TECHNOLOGY")],
        onto,
    )
    assert ("Lumio", "built", "Lumio Quiver") in found


def test_an_adjective_before_a_modifying_technology_is_not_its_concept():
    found = _relations(
        "Petrel introduces Quiver, an open-source Zig flag-evaluation tool.",
        [
            ("Petrel", "COMPANY"),
            ("Quiver", "TECHNOLOGY"),
            ("open-source", "CONCEPT"),
            ("Zig", "TECHNOLOGY"),
        ],
    )
    assert ("Zig", "applies", "open-source") not in found


def test_a_based_company_is_where_it_is():
    found = _relations(
        "The Harbor City-based company Lumio runs Quiver.",
        [("Harbor City", "TECHNOLOGY"), ("Lumio", "COMPANY"), ("Quiver", "TECHNOLOGY")],
    )
    assert not any(t == "Harbor City" for _, _, t in found)


def test_the_last_concept_of_a_possessed_run_is_the_possessed_noun():
    found = _relations(
        "Three projects brought Picnic's self-service business intelligence to new heights.",
        [
            ("Picnic's", "COMPANY"),
            ("self-service", "CONCEPT"),
            ("business intelligence", "CONCEPT"),
        ],
    )
    assert ("Picnic's", "applies", "business intelligence") in found
    assert ("Picnic's", "applies", "self-service") not in found


def test_a_choice_for_a_concept_is_not_what_the_technology_is():
    found = _relations(
        "While Valkey is a great choice for any distributed system, it needs care.",
        [("Valkey", "TECHNOLOGY"), ("distributed system", "CONCEPT")],
    )
    assert ("Valkey", "applies", "distributed system") not in found


def test_advice_on_a_move_is_no_migration():
    found = _relations(
        "Lumio discusses the considerations for moving a workload to microservices.",
        [("Lumio", "COMPANY"), ("microservices", "CONCEPT")],
    )
    assert ("Lumio", "migrated_to", "microservices") not in found


def test_a_gerund_title_states_what_the_named_system_applies():
    found = _relations(
        "",
        [("Quiver", "TECHNOLOGY"), ("Message Queuing", "CONCEPT")],
        title="Speeding Quiver with Message Queuing",
    )
    assert ("Quiver", "applies", "Message Queuing") in found


def test_examples_of_a_kind_of_practice_are_each_applied():
    found = _relations(
        "Tidewater employs advanced techniques such as fragment pruning, lazy evaluation, "
        "multi-layered caching, and shuffle sharding to keep queries fast.",
        [
            ("Tidewater", "TECHNOLOGY"),
            ("lazy evaluation", "CONCEPT"),
            ("caching", "CONCEPT"),
            ("shuffle sharding", "CONCEPT"),
        ],
    )
    assert {("Tidewater", "applies", c) for c in ("lazy evaluation", "caching")} <= found
    assert ("Tidewater", "applies", "shuffle sharding") in found


def test_examples_stop_at_a_purpose_clause():
    found = _relations(
        "Tidewater includes major improvements such as deletion vectors to ensure "
        "performance and maintain tenant isolation.",
        [
            ("Tidewater", "TECHNOLOGY"),
            ("deletion vectors", "CONCEPT"),
            ("tenant isolation", "CONCEPT"),
        ],
    )
    assert ("Tidewater", "applies", "deletion vectors") in found
    assert ("Tidewater", "applies", "tenant isolation") not in found


def test_a_title_company_with_its_instrument_uses_it():
    found = _relations(
        "Petrel runs its ledger on many clusters.",
        [("Petrel", "COMPANY"), ("Quiver", "TECHNOLOGY")],
        title="Petrel Scales to Match Volatile Traffic with Quiver",
    )
    assert ("Petrel", "uses", "Quiver") in found


def test_a_title_company_shipping_a_feature_or_a_possessed_instrument_states_no_use():
    ships = _relations(
        "Petrel announced it today.",
        [("Petrel", "COMPANY"), ("Quiver", "TECHNOLOGY")],
        title="Petrel ships Tideline GA with Quiver",
        methods=True,
    )
    assert ("Petrel", "uses", "Quiver", "title:with") not in ships
    possessed = _relations(
        "Petrel handles bursts.",
        [("Petrel", "COMPANY"), ("Zig", "TECHNOLOGY"), ("Tidewater", "TECHNOLOGY")],
        title="How Petrel handles request bursts with Zig's Tidewater",
    )
    assert ("Petrel", "uses", "Zig") not in possessed


def test_a_gerund_title_names_the_post_companys_instrument():
    found = _relations(
        "Petrel describes how it built a faster index.",
        [("Petrel", "COMPANY"), ("Quiver", "TECHNOLOGY"), ("Valkey", "TECHNOLOGY")],
        title="Building Faster Indexing with Quiver and Valkey",
    )
    assert {("Petrel", "uses", "Quiver"), ("Petrel", "uses", "Valkey")} <= found
    adopted = _relations(
        "Petrel changes a lot.",
        [("Petrel", "COMPANY"), ("Quiver", "TECHNOLOGY")],
        title="Adopting Quiver at Scale",
    )
    assert ("Petrel", "uses", "Quiver") in adopted


def test_a_gerund_title_for_a_named_system_gives_the_system_the_instrument():
    found = _relations(
        "Petrel migrated its store to a new framework.",
        [("Petrel", "COMPANY"), ("Tidewater", "TECHNOLOGY"), ("Quiver", "TECHNOLOGY")],
        title="Improving Performance and Capacity for Tidewater with New Quiver Framework",
    )
    assert ("Tidewater", "uses", "Quiver") in found
    assert ("Petrel", "uses", "Quiver") not in found


def test_a_technology_announcing_support_provides_the_concept():
    found = _relations(
        "It took two years.",
        [("Quiver", "TECHNOLOGY"), ("profiling", "CONCEPT")],
        title="Quiver announces support for profiling",
    )
    assert ("Quiver", "applies", "profiling") in found


def test_a_relative_clause_of_the_companys_use():
    found = _relations(
        "Tidewater is a distributed message broker that we use at Petrel to connect services.",
        [("Tidewater", "TECHNOLOGY"), ("Petrel", "COMPANY")],
    )
    assert ("Petrel", "uses", "Tidewater") in found


def test_a_company_described_as_a_platform_powered_by_a_technology_uses_it():
    found = _relations(
        "Petrel is a Valkey-compatible, serverless database platform powered by Quiver.",
        [("Petrel", "COMPANY"), ("Valkey", "TECHNOLOGY"), ("Quiver", "TECHNOLOGY")],
    )
    assert ("Petrel", "uses", "Quiver") in found
    assert ("Petrel", "uses", "Valkey") not in found


def test_a_role_does_not_apply_the_concept_it_links():
    found = _relations(
        "At Petrel, we use Quiver as a backbone for asynchronous communication between "
        "microservices.",
        [("Petrel", "COMPANY"), ("Quiver", "TECHNOLOGY"), ("microservices", "CONCEPT")],
    )
    assert ("Quiver", "applies", "microservices") not in found
    assert ("Petrel", "uses", "Quiver") in found


def test_an_evolution_from_a_to_b_in_a_title_is_a_move():
    found = _relations(
        "Petrel grew fast.",
        [("Petrel", "COMPANY"), ("monolith", "CONCEPT"), ("multicloud", "CONCEPT")],
        title="The technological evolution at Petrel: from the monolith to the multicloud platform",
    )
    assert ("Petrel", "migrated_from", "monolith") in found
    assert ("Petrel", "migrated_to", "multicloud") in found


def test_a_technology_subject_eliminating_the_need_for_another_moves_away_from_it():
    found = _relations(
        "Quiver 4.0 marks a milestone by adopting Tideline mode as the default, eliminating "
        "the need for Valkey.",
        [("Quiver", "TECHNOLOGY"), ("Tideline", "TECHNOLOGY"), ("Valkey", "TECHNOLOGY")],
    )
    assert ("Quiver", "migrated_from", "Valkey") in found


def test_our_system_using_examples_of_a_class_uses_each():
    found = _relations(
        "Our messaging service uses various open source storage systems such as Valkey, "
        "Quiver, and Tideline.",
        [("Petrel", "COMPANY"), ("open source", "CONCEPT")]
        + [(t, "TECHNOLOGY") for t in ("Valkey", "Quiver", "Tideline")],
        title="Presenting at Petrel",
    )
    assert {("Petrel", "uses", t) for t in ("Valkey", "Quiver")} <= found
    assert ("Petrel", "applies", "open source") not in found


def test_built_by_one_company_and_used_at_others():
    found = _relations(
        "Quiver, the messaging system designed by Harbor and used also at Petrel and Lumio, "
        "is powerful.",
        [
            ("Quiver", "TECHNOLOGY"),
            ("Harbor", "COMPANY"),
            ("Petrel", "COMPANY"),
            ("Lumio", "COMPANY"),
        ],
    )
    assert ("Harbor", "built", "Quiver") in found
    assert {("Petrel", "uses", "Quiver"), ("Lumio", "uses", "Quiver")} <= found


def test_a_gerund_subtitle_or_a_deployment_object_names_the_companys_technology():
    subtitle = _relations(
        "At Petrel, we run many clusters.",
        [("Petrel", "COMPANY"), ("Quiver", "TECHNOLOGY"), ("Valkey", "TECHNOLOGY")],
        title="Unlocking Quiver's Potential: Tackling Slow Reads with Valkey",
    )
    assert ("Petrel", "uses", "Valkey") in subtitle
    deployment = _relations(
        "Petrel processes many transactions.",
        [("Petrel", "COMPANY"), ("Quiver", "TECHNOLOGY")],
        title="Updating a 50 terabyte Quiver database",
    )
    assert ("Petrel", "uses", "Quiver") in deployment


def test_an_unnamed_systems_relative_use_is_not_the_companys():
    found = _relations(
        "Petrel's workloads leverage a shared metadata store and a blob storage service that "
        "uses Quiver.",
        [("Petrel's", "COMPANY"), ("Quiver", "TECHNOLOGY")],
    )
    assert ("Petrel's", "uses", "Quiver") not in found


def test_a_perfect_use_verb_between_two_technologies_is_a_use():
    found = _relations(
        "Tidewater has leveraged Zig to implement its scheduler.",
        [("Tidewater", "TECHNOLOGY"), ("Zig", "TECHNOLOGY")],
    )
    assert ("Tidewater", "uses", "Zig") in found


def test_a_list_after_a_companys_written_in_shares_its_head():
    found = _relations(
        "Most of Harbor's services are written in Zig, Quill, or Brindle.",
        [
            ("Harbor", "COMPANY"),
            ("Zig", "TECHNOLOGY"),
            ("Quill", "TECHNOLOGY"),
            ("Brindle", "TECHNOLOGY"),
        ],
    )
    assert {("Harbor", "uses", t) for t in ("Zig", "Quill", "Brindle")} <= found


def test_a_move_from_something_unnamed_still_states_where_it_went():
    found = _relations(
        "Harbor shares its journey migrating from a legacy system to a Tidewater application.",
        [("Harbor", "COMPANY"), ("Tidewater", "TECHNOLOGY")],
    )
    assert found == {("Harbor", "migrated_to", "Tidewater")}


def test_the_readers_move_is_not_the_companys():
    found = _relations(
        "Harbor hosts the talk. You've already made the plunge to move to Tidewater.",
        [("Harbor", "COMPANY"), ("Tidewater", "TECHNOLOGY")],
    )
    assert not any(t.startswith("migrated") for _, t, _ in found)


def test_a_deployment_moved_to_a_product_of_its_kind_is_replaced():
    onto = _onto(
        Tidewater=("", ["wide-column store"]),
        Quill=("", ["wide-column store"]),
        Brindle=("", ["container orchestration"]),
    )
    ents = [("Harbor", "COMPANY"), ("Tidewater", "TECHNOLOGY"), ("Quill", "TECHNOLOGY")]
    found = _relations("Harbor migrates a massive Tidewater cluster to Quill.", ents, onto)
    assert {("Harbor", "migrated_from", "Tidewater"), ("Harbor", "migrated_to", "Quill")} <= found
    ents = [("Harbor", "COMPANY"), ("Tidewater", "TECHNOLOGY"), ("Brindle", "TECHNOLOGY")]
    found = _relations("Harbor moved its Tidewater clusters to Brindle.", ents, onto)
    assert ("Harbor", "migrated_from", "Tidewater") not in found


@pytest.mark.parametrize("verb", ["Shares", "Really Does Love"])
def test_a_title_company_saying_or_feeling_states_no_practice(verb):
    found = _relations(
        "Harbor runs many services.",
        [("Harbor", "COMPANY"), ("Tidewater", "TECHNOLOGY"), ("load balancing", "CONCEPT")],
        title=f"Harbor {verb} Tidewater load balancing design",
    )
    assert ("Harbor", "uses", "Tidewater") not in found
    assert ("Harbor", "applies", "load balancing") not in found


def test_a_company_testing_anothers_product_leaves_the_vendor_without_use():
    found = _relations(
        "Orla began to test Lumio's Quiver last spring.",
        [("Orla", "COMPANY"), ("Lumio", "COMPANY"), ("Quiver", "TECHNOLOGY")],
    )
    assert ("Lumio", "uses", "Quiver") not in found


def test_commas_between_adjectives_keep_one_appositive_for_its_compound():
    found = _relations(
        "We introduce Tidewater, a fully open source, Zig-native job scheduler built around Quill.",
        [
            ("Tidewater", "TECHNOLOGY"),
            ("open source", "CONCEPT"),
            ("Zig", "TECHNOLOGY"),
            ("job scheduler", "CONCEPT"),
            ("Quill", "TECHNOLOGY"),
        ],
    )
    assert {("Tidewater", "uses", "Zig"), ("Tidewater", "uses", "Quill")} <= found


def test_a_framework_qualifying_an_application_does_not_head_what_it_runs_on():
    found = _relations(
        "Harbor began as a single Quill application running on Brindle.",
        [("Harbor", "COMPANY"), ("Quill", "TECHNOLOGY"), ("Brindle", "TECHNOLOGY")],
    )
    assert ("Quill", "uses", "Brindle") not in found


def test_a_company_moved_from_is_neither_tail_nor_mover():
    found = _relations(
        "Lumio runs it. Migrating a database from Lumio to Quill",
        [("Lumio", "COMPANY"), ("Quill", "TECHNOLOGY")],
    )
    assert not any(h == "Lumio" for h, _, _ in found)
    found = _relations(
        "Harbor explains migrating a database from Lumio to Quill.",
        [("Harbor", "COMPANY"), ("Lumio", "COMPANY"), ("Quill", "TECHNOLOGY")],
    )
    assert found == {("Harbor", "migrated_to", "Quill")}


def test_what_speakers_will_discuss_is_not_the_companys():
    found = _relations(
        "Harbor engineers present. They will discuss Tidewater, which runs on Quill-native links.",
        [("Harbor", "COMPANY"), ("Tidewater", "TECHNOLOGY"), ("Quill", "TECHNOLOGY")],
    )
    assert not any(h == "Harbor" for h, _, _ in found)


def test_a_technology_the_company_sells_managed_is_not_its_use():
    found = _relations(
        "Lumio, the company offering managed Quill instances, launched their Brindle product.",
        [("Lumio", "COMPANY"), ("Quill", "TECHNOLOGY"), ("Brindle", "TECHNOLOGY")],
    )
    assert ("Lumio", "uses", "Quill") not in found


def test_a_technology_qualifying_the_apposed_noun_through_a_word_or_two_is_used():
    found = _relations(
        "Harbor introduces Tidewater, an open-source Zig auto-instrumentation tool in preview.",
        [("Harbor", "COMPANY"), ("Tidewater", "TECHNOLOGY"), ("Zig", "TECHNOLOGY")],
    )
    assert ("Tidewater", "uses", "Zig") in found


def test_a_long_appositive_developed_by_a_company_is_built_by_it():
    found = _relations(
        "Tidewater, a wildly successful open source job scheduling engine developed by Harbor, "
        "offers a lesson.",
        [("Tidewater", "TECHNOLOGY"), ("Harbor", "COMPANY")],
    )
    assert ("Harbor", "built", "Tidewater") in found


def test_a_technology_that_we_developed_is_built_by_the_posts_company():
    found = _relations(
        "Harbor ships music. Tidewater is a library we have developed to handle all playback.",
        [("Harbor", "COMPANY"), ("Tidewater", "TECHNOLOGY")],
    )
    assert ("Harbor", "built", "Tidewater") in found


def test_a_title_technology_at_a_list_of_companies_is_used_by_each():
    found = _relations(
        "Tidewater is fast.",
        [("Tidewater", "TECHNOLOGY"), ("Harbor", "COMPANY"), ("Lumio", "COMPANY")],
        title="Running analytics at scale with Tidewater at Harbor and Lumio",
    )
    assert {("Harbor", "uses", "Tidewater"), ("Lumio", "uses", "Tidewater")} <= found


@pytest.mark.parametrize(
    "text",
    [
        "Tidewater is a fundamental piece of Harbor's data platform.",
        "Harbor ships music. Tidewater is the backbone of our data platform.",
    ],
)
def test_a_part_of_the_companys_own_system_is_used_by_it(text):
    found = _relations(text, [("Harbor", "COMPANY"), ("Tidewater", "TECHNOLOGY")])
    assert ("Harbor", "uses", "Tidewater") in found


def test_a_company_following_practices_around_a_concept_applies_it():
    found = _relations(
        "At Harbor, we follow best practices around continuous delivery.",
        [("Harbor", "COMPANY"), ("continuous delivery", "CONCEPT")],
    )
    assert ("Harbor", "applies", "continuous delivery") in found


def test_what_the_company_will_do_is_a_plan_not_a_practice():
    found = _relations(
        "As it seeks to grow, Harbor will provide credits to open source projects.",
        [("Harbor", "COMPANY"), ("open source", "CONCEPT")],
        title="Harbor news",
    )
    assert ("Harbor", "applies", "open source") not in found


def test_a_team_that_picked_a_technology_uses_it():
    found = _relations(
        "If you need an intro, the Harbor team detailed why they picked Tidewater.",
        [("Harbor", "COMPANY"), ("Tidewater", "TECHNOLOGY")],
    )
    assert ("Harbor", "uses", "Tidewater") in found


def test_a_to_b_migration_names_both_ends_of_the_move():
    found = _relations(
        "Harbor moved its ingress.",
        [("Harbor", "COMPANY"), ("Quill", "TECHNOLOGY"), ("Brindle Gateway", "TECHNOLOGY")],
        title="Quill to Brindle Gateway Migration on Harbor Clusters",
    )
    assert {
        ("Harbor", "migrated_from", "Quill"),
        ("Harbor", "migrated_to", "Brindle Gateway"),
    } <= found


def test_a_digests_source_and_date_in_parentheses_is_no_apposition():
    found = _relations(
        "Incident at a grid operator linked to unpatched firewalls (Quill, Sep 09 2019)",
        [("firewalls", "CONCEPT"), ("Quill", "TECHNOLOGY")],
    )
    assert ("Quill", "applies", "firewalls") not in found


def test_an_integration_the_company_offers_is_no_use():
    found = _relations(
        "Harbor ships Brindle. This is a packaging of their existing offer with Quill integration.",
        [("Harbor", "COMPANY"), ("Brindle", "TECHNOLOGY"), ("Quill", "TECHNOLOGY")],
    )
    assert ("Harbor", "uses", "Quill") not in found


def test_a_technology_in_an_of_phrase_of_the_apposed_noun_is_not_its_maker():
    found = _relations(
        "Harbor writes.",
        [("Harbor", "COMPANY"), ("Quill", "TECHNOLOGY"), ("Brindle", "TECHNOLOGY")],
        title="From Tar to Quill: A Security-Driven Modernization of Harbor's Brindle Data Pipelines",
    )
    assert ("Quill", "uses", "Brindle") not in found


def test_the_actor_rule_gives_a_vendor_no_use_of_its_own_product_unless_it_says_our():
    # rule 3: a product the company sells is no use of the company's; its own stack still is
    ents = [("Lumio", "COMPANY"), ("Quiver", "TECHNOLOGY"), ("Tidewater", "TECHNOLOGY")]
    onto = _onto(Quiver=("Lumio", ["feature flag service"]), Tidewater=("", ["job scheduler"]))
    found = _relations(
        "Lumio runs a marketplace. We hope its best flags end up in Quiver and Tidewater soon.",
        ents,
        onto,
    )
    assert found == {("Lumio", "uses", "Tidewater")}
    found = _relations(
        "Lumio runs a marketplace. Our stack includes Quiver and Tidewater.", ents, onto
    )
    assert found == {("Lumio", "uses", "Tidewater"), ("Lumio", "uses", "Quiver")}


def test_a_comma_closing_an_opening_clause_apposes_nothing():
    ents = [("Tidewater", "TECHNOLOGY"), ("job scheduler", "CONCEPT")]
    found = _relations("Despite the success of Tidewater, the job scheduler market moves on.", ents)
    assert found == set()
    found = _relations("Tidewater, the job scheduler of Harbor, keeps moving.", ents)
    assert found == {("Tidewater", "applies", "job scheduler")}


def test_our_deployment_after_for_is_the_companys_own():
    # rule 3: "for our Valkey cluster" is the company's deployment, "for our Valkey users" not
    ents = [("Orla", "COMPANY"), ("Valkey", "TECHNOLOGY")]
    text = "This post describes how we improved the query speed for our Valkey {}."
    assert _relations(text.format("cluster"), ents, title="Orla Engineering") == {
        ("Orla", "uses", "Valkey")
    }
    assert _relations(text.format("users"), ents, title="Orla Engineering") == set()


def test_what_a_post_says_it_will_cover_is_stated_but_a_plan_is_not():
    ents = [("Orla", "COMPANY"), ("request hedging", "CONCEPT")]
    title = "Evolution of Latency at Orla"
    found = _relations(
        "In this first part, we will focus on our request hedging strategy.", ents, title=title
    )
    assert found == {("Orla", "applies", "request hedging")}
    assert (
        _relations("Next year, we will adopt our request hedging strategy.", ents, title=title)
        == set()
    )


def test_a_headlines_at_sign_reads_as_at():
    ents = [("Orla", "COMPANY"), ("Autoscaling", "CONCEPT"), ("Valkey", "TECHNOLOGY")]
    found = _relations("Orla has grown.", ents, title="Autoscaling applications @ Orla")
    assert found == {("Orla", "applies", "Autoscaling")}
    assert _relations("Orla has grown.", ents, title="Valkey @ Orla") == {
        ("Orla", "uses", "Valkey")
    }


def test_a_company_named_only_as_a_modifier_is_not_the_subject():
    # rule 2: "a global Lumio outage" names the company, but the sentence is not about
    # what it runs
    ents = [("Lumio", "COMPANY"), ("Quiver", "TECHNOLOGY")]
    found = _relations(
        "This week a global Lumio outage disrupted Quiver.", ents, title="Lumio news"
    )
    assert found == set()
    found = _relations("Lumio reached new customers through Quiver.", ents, title="Lumio news")
    assert found == {("Lumio", "uses", "Quiver")}


def test_a_technology_in_the_role_of_our_system_is_the_companys():
    # rule 3: "T as our X" is the company's own system, though T heads its apposition
    ents = [("Orla", "COMPANY"), ("Valkey", "TECHNOLOGY"), ("data lake", "CONCEPT")]
    found = _relations(
        "Later, we standardized with Valkey as our data lake provider.", ents, title="Orla"
    )
    assert ("Orla", "uses", "Valkey") in found


def test_a_technology_named_before_a_concept_and_a_tool_noun_is_a_tool_of_it():
    ents = [("Tidewater", "TECHNOLOGY"), ("remote access", "CONCEPT")]
    found = _relations(
        "The operator often uses the Tidewater remote access tool.", ents, title="News"
    )
    assert ("Tidewater", "applies", "remote access") in found
    ents = [("Tidewater", "TECHNOLOGY"), ("based ingestion", "CONCEPT")]
    found = _relations("They built a Tidewater based ingestion service.", ents, title="News")
    assert ("Tidewater", "applies", "based ingestion") not in found


def test_as_both_a_kind_is_the_role_a_technology_has():
    ents = [("Tidewater", "TECHNOLOGY"), ("systems programming", "CONCEPT")]
    found = _relations(
        "The talk covers Tidewater as both a general purpose and systems programming language.",
        ents,
        title="News",
    )
    assert found == {("Tidewater", "applies", "systems programming")}


def test_the_side_of_a_comparison_is_not_stated_as_used():
    ents = [("Orla", "COMPANY"), ("Quiver", "TECHNOLOGY"), ("Valkey", "TECHNOLOGY")]
    text = "Orla compared features built with Quiver {} identical features built using Valkey."
    assert ("Orla", "uses", "Valkey") not in _relations(text.format("vs"), ents, title="Orla")
    assert ("Orla", "uses", "Valkey") in _relations(text.format("and"), ents, title="Orla")


def test_a_motive_for_a_move_is_no_move_made():
    ents = [("Orla", "COMPANY"), ("Valkey", "TECHNOLOGY"), ("Quiver", "TECHNOLOGY")]
    found = _relations(
        "As a result, the case to move workloads to Valkey is getting easier.", ents, title="Orla"
    )
    assert found == set()
    found = _relations("As a result, we moved workloads to Valkey.", ents, title="Orla")
    assert found == {("Orla", "migrated_to", "Valkey")}
    found = _relations("Orla shipped a cache, eliminating the need for Quiver.", ents, title="Orla")
    assert ("Orla", "migrated_from", "Quiver") in found


def test_opening_the_source_of_an_apposed_own_system_is_built():
    # "open-sourced" is `built` (rule 1), and a post that has `built` has no `uses` (rule 3)
    ents = [("Quiver", "TECHNOLOGY"), ("Lumio", "COMPANY"), ("feature flagging", "CONCEPT")]
    text = "The article announces the open sourcing of Quiver, Lumio's feature flagging service."
    found = _relations(text, ents, title="News")
    assert ("Lumio", "built", "Quiver") in found
    assert ("Lumio", "uses", "Quiver") not in found
    found = _relations(text.replace("the open sourcing of", "a talk on"), ents, title="News")
    assert ("Lumio", "uses", "Quiver") in found


def test_an_adjectival_concept_on_a_class_noun_goes_to_each_example():
    # rule 4: a list of examples counts as "is a"
    ents = [
        ("open-source", "CONCEPT"),
        ("Quiver", "TECHNOLOGY"),
        ("Tidewater", "TECHNOLOGY"),
        ("Harbor", "COMPANY"),
    ]
    found = _relations(
        "We explore two open-source job schedulers: Quiver and Tidewater, for Harbor.", ents
    )
    assert ("Quiver", "applies", "open-source") in found
    assert ("Tidewater", "applies", "open-source") in found
    found = _relations("Harbor raised funds to build on the open-source queue engine Quiver.", ents)
    assert ("Quiver", "applies", "open-source") in found


def test_a_class_noun_another_head_uses_gives_its_examples_no_concept():
    found = _relations(
        "Harbor built its platform using industry open-source tooling (like Quiver and "
        "Tidewater) to ship faster.",
        [
            ("Harbor", "COMPANY"),
            ("open-source", "CONCEPT"),
            ("Quiver", "TECHNOLOGY"),
            ("Tidewater", "TECHNOLOGY"),
        ],
    )
    assert not {r for r in found if r[2] == "open-source" and r[0] != "Harbor"}


def test_an_apposition_whose_noun_has_examples_is_not_the_first_names():
    found = _relations(
        "If you have Zephyr GPUs, a strong open source engine like Quiver and a scheduler, "
        "you can win.",
        [("Zephyr", "TECHNOLOGY"), ("open source", "CONCEPT"), ("Quiver", "TECHNOLOGY")],
    )
    assert ("Zephyr", "applies", "open source") not in found
    assert ("Quiver", "applies", "open source") in found


def test_a_concept_that_names_the_companys_team_is_not_applied():
    ents = [("Petrel's", "COMPANY"), ("data platform", "CONCEPT"), ("Quiver", "TECHNOLOGY")]
    found = _relations("Petrel's data platform team rebuilt Quiver last year.", ents)
    assert ("Petrel's", "applies", "data platform") not in found
    found = _relations("Petrel's data platform serves every team with Quiver.", ents)
    assert ("Petrel's", "applies", "data platform") in found


def test_users_of_a_technology_use_it():
    found = _relations(
        "At Harbor we're heavy users of Quiver and Tidewater.",
        [("Harbor", "COMPANY"), ("Quiver", "TECHNOLOGY"), ("Tidewater", "TECHNOLOGY")],
    )
    assert {("Harbor", "uses", "Quiver"), ("Harbor", "uses", "Tidewater")} <= found


def test_an_appositive_closed_by_a_comma_before_developed_by_says_who_built_it():
    found = _relations(
        "The history of Quiver, a cloud-native relational database, developed by Harbor.",
        [("Quiver", "TECHNOLOGY"), ("cloud-native", "CONCEPT"), ("Harbor", "COMPANY")],
    )
    assert ("Harbor", "built", "Quiver") in found


def test_a_plural_kind_after_a_list_of_names_is_what_each_is():
    found = _relations(
        "It has the features of the Quiver and Tidewater file systems.",
        [("Quiver", "TECHNOLOGY"), ("Tidewater", "TECHNOLOGY"), ("file systems", "CONCEPT")],
    )
    assert {
        ("Quiver", "applies", "file systems"),
        ("Tidewater", "applies", "file systems"),
    } <= found


def test_a_named_kind_may_follow_an_adjective():
    found = _relations(
        "Harbor has launched a new Quiver message broker service.",
        [("Harbor", "COMPANY"), ("Quiver", "TECHNOLOGY"), ("message broker", "CONCEPT")],
    )
    assert ("Quiver", "applies", "message broker") in found


def test_an_appositive_between_the_company_and_its_verb_keeps_the_subject():
    found = _relations(
        "Last week, Harbor, a company based in Lisbon, released Quiver, a job scheduler.",
        [("Harbor", "COMPANY"), ("Quiver", "TECHNOLOGY")],
    )
    assert ("Harbor", "built", "Quiver") in found


def test_the_clause_how_opens_is_stated_as_done():
    found = _relations(
        "Today we are going to get specific about how we adopted request hedging at Harbor.",
        [("request hedging", "CONCEPT"), ("Harbor", "COMPANY")],
        title="Request hedging at Harbor",
    )
    assert ("Harbor", "applies", "request hedging") in found


def test_an_example_named_with_its_vendor_is_not_the_vendors_use():
    found = _relations(
        "Language models such as Lumio's Quiver can write code.",
        [("language models", "CONCEPT"), ("Lumio's", "COMPANY"), ("Quiver", "TECHNOLOGY")],
    )
    assert ("Lumio's", "uses", "Quiver") not in found
    found = _relations(
        "Lumio's Quiver handles two million flag checks per second.",
        [("Lumio's", "COMPANY"), ("Quiver", "TECHNOLOGY")],
    )
    assert ("Lumio's", "uses", "Quiver") in found


def test_a_title_naming_a_persons_job_at_a_company_states_no_use():
    ents = [("Quiver", "TECHNOLOGY"), ("Harbor", "COMPANY")]
    found = _relations("", ents, title="Meet Ana — Quiver Developer and Quiver Lead at Harbor")
    assert ("Harbor", "uses", "Quiver") not in found
    found = _relations("", ents, title="Scaling Quiver Clusters at Harbor")
    assert ("Harbor", "uses", "Quiver") in found


def test_a_title_addressed_to_the_reader_states_no_use_of_its_instrument():
    ents = [("Harbor", "COMPANY"), ("Quiver", "TECHNOLOGY")]
    text = "Harbor shares how teams cut costs."
    found = _relations(text, ents, title="Optimizing your compute costs with Quiver")
    assert ("Harbor", "uses", "Quiver") not in found
    found = _relations(text, ents, title="Optimizing compute costs with Quiver")
    assert ("Harbor", "uses", "Quiver") in found


def test_a_technology_the_company_launches_as_a_product_is_not_its_use():
    found = _relations(
        "Harbor has launched a new Quiver message broker service.",
        [("Harbor", "COMPANY"), ("Quiver", "TECHNOLOGY"), ("message broker", "CONCEPT")],
        onto=_onto(Quiver=("Lumio", ["message broker"])),
    )
    assert ("Harbor", "uses", "Quiver") not in found


def test_examples_named_with_their_vendor_are_still_examples_of_the_class(monkeypatch):
    from kgraph.extract import confidence, relations_post

    # measured below the floor on the tuning sets: the rule is checked with every rule emitted
    assert confidence.relation_confidence("apposition:vendor", "applies") < 0.65
    monkeypatch.setattr(relations_post, "RELATION_FLOOR", 0.0)
    found = _relations(
        "We compared language models such as Harbor's Quiver, Tidewater and Orla.",
        [
            ("language models", "CONCEPT"),
            ("Harbor", "COMPANY"),
            ("Quiver", "TECHNOLOGY"),
            ("Tidewater", "TECHNOLOGY"),
            ("Orla", "TECHNOLOGY"),
        ],
    )
    found = {(h, t, x) for h, t, x in found if t == "applies"}
    assert {
        ("Quiver", "applies", "language models"),
        ("Tidewater", "applies", "language models"),
        ("Orla", "applies", "language models"),
    } <= found


def test_a_company_apposed_as_building_on_a_technology_uses_it():
    ents = [("Lumio", "COMPANY"), ("Harbor", "COMPANY"), ("Quiver", "TECHNOLOGY")]
    found = _relations(
        "Lumio led a seed round in Harbor, a startup building on the widely used engine Quiver.",
        ents,
    )
    assert ("Harbor", "uses", "Quiver") in found
    found = _relations(
        "Lumio led a seed round in Harbor, a startup that competes with Quiver.", ents
    )
    assert ("Harbor", "uses", "Quiver") not in found


def test_what_our_stack_is_made_of_is_used():
    ents = [("Harbor", "COMPANY"), ("Quiver", "TECHNOLOGY"), ("Tidewater", "TECHNOLOGY")]
    found = _relations(
        "Harbor ships parcels. Our infrastructure is made up of several components, including "
        "Quiver and Tidewater, which handle the load.",
        ents,
        title="Infrastructure at Harbor",
    )
    assert {("Harbor", "uses", "Quiver"), ("Harbor", "uses", "Tidewater")} <= found
    found = _relations(
        "Harbor ships parcels. Our infrastructure team compared Quiver and Tidewater.",
        ents,
        title="Infrastructure at Harbor",
    )
    assert ("Harbor", "uses", "Quiver") not in found


def test_the_means_of_a_technologys_own_verb_is_its_practice(monkeypatch):
    from kgraph.extract import confidence, relations_post

    # measured below the floor on the tuning sets: the rule is checked with every rule emitted
    assert confidence.relation_confidence("verb:practise-means", "applies") < 0.65
    monkeypatch.setattr(relations_post, "RELATION_FLOOR", 0.0)
    found = _relations(
        "Quiver addresses these pain points by providing schema evolution and time travel.",
        [("Quiver", "TECHNOLOGY"), ("schema evolution", "CONCEPT"), ("time travel", "CONCEPT")],
    )
    assert {
        ("Quiver", "applies", "schema evolution"),
        ("Quiver", "applies", "time travel"),
    } <= found


def test_a_homegrown_system_named_after_its_description_is_built():
    ents = [("Harbor", "COMPANY"), ("Quiver", "TECHNOLOGY")]
    found = _relations(
        "We replaced cron with our homegrown scheduler Quiver last year.",
        ents,
        title="How Harbor ships",
    )
    assert ("Harbor", "built", "Quiver") in found
    found = _relations(
        "We replaced cron with our scheduler Quiver last year.", ents, title="How Harbor ships"
    )
    assert ("Harbor", "built", "Quiver") not in found


def test_a_superlative_kind_before_is_names_what_the_technology_is():
    ents = [("CMS", "CONCEPT"), ("Quiver", "TECHNOLOGY")]
    found = _relations("The most widely used CMS is Quiver, the open source tool.", ents)
    assert ("Quiver", "applies", "CMS") in found
    found = _relations("Our CMS is Quiver-based.", ents)
    assert ("Quiver", "applies", "CMS") not in found


def test_the_authors_company_is_the_actor_over_a_title_provider():
    found = _relations(
        "Petrel's engineering team likes Lumio. We use a lot of their open source libraries "
        "-- Quiver, Tidewater, to name a few.",
        [
            ("Lumio", "COMPANY"),
            ("Petrel", "COMPANY"),
            ("open source", "CONCEPT"),
            ("Quiver", "TECHNOLOGY"),
            ("Tidewater", "TECHNOLOGY"),
        ],
        title="Getting the best of both worlds with Lumio",
    )
    assert ("Petrel", "uses", "Quiver") in found
    assert ("Petrel", "uses", "Tidewater") in found
    assert ("Quiver", "applies", "open source") in found  # a dash opens the examples
    assert not any(h == "Lumio" for h, _, _ in found)


def test_a_subtitle_about_the_text_says_nothing_of_the_technology():
    found = _relations(
        "",
        [("Quiver", "TECHNOLOGY"), ("event-driven architecture", "CONCEPT")],
        title="Straightening our Quiver: A lesson in event-driven architecture",
    )
    assert not found


def test_whom_an_appositive_serves_is_not_what_the_technology_is():
    found = _relations(
        "The introduction of Quiver, a database specifically architected for AI agents, helps.",
        [("Quiver", "TECHNOLOGY"), ("AI agents", "CONCEPT")],
    )
    assert not found
    found = _relations(
        "We present Quiver, an execution engine purpose-built for serverless snapshots.",
        [("Quiver", "TECHNOLOGY"), ("serverless", "CONCEPT")],
    )
    assert ("Quiver", "applies", "serverless") in found


def test_an_adjective_of_a_predicate_noun_phrase_is_not_its_modifier_technology():
    found = _relations(
        "Tidewater is an open-source Zig project to build a scheduler.",
        [("Tidewater", "TECHNOLOGY"), ("open-source", "CONCEPT"), ("Zig", "TECHNOLOGY")],
    )
    assert ("Zig", "applies", "open-source") not in found
    assert ("Tidewater", "applies", "open-source") in found


def _discovered(found_text: str, entities, names=()):
    """Relations with the mentions in ``names`` found by the statistical model."""
    post = Post("p", "", found_text)
    mentions = []
    for surface, type_ in entities:
        for m in re.finditer(re.escape(surface), found_text):
            how = "model" if surface in names else "ontology"
            mentions.append(
                Mention(
                    "p",
                    surface,
                    type_,
                    surface,
                    "summary",
                    m.start(),
                    m.end(),
                    found_text,
                    how,
                    0.9,
                )
            )
    return {(r.head, r.type, r.tail) for r in find_relations(post, mentions)}


def test_a_possessed_discovered_name_is_used_only_when_called_a_system():
    ents = [("Lumio", "COMPANY"), ("Quiver", "TECHNOLOGY")]
    sold = _discovered("Over 2 million users visit Lumio's Quiver every month.", ents, {"Quiver"})
    assert ("Lumio", "uses", "Quiver") not in sold
    own = _discovered("Lumio's Quiver service handles two million checks.", ents, {"Quiver"})
    assert ("Lumio", "uses", "Quiver") in own
    curated = _discovered("Over 2 million users visit Lumio's Quiver every month.", ents)
    assert ("Lumio", "uses", "Quiver") in curated


def test_breaking_up_the_monolith_moves_away_from_it_whatever_the_parts():
    found = _relations(
        "We have begun the breakup of our monolithic architecture into smaller services.",
        [("Petrel", "COMPANY"), ("monolithic architecture", "CONCEPT")],
        title="Petrel Engineering",
    )
    assert ("Petrel", "migrated_from", "monolithic architecture") in found
    assert ("Petrel", "applies", "monolithic architecture") not in found


def test_a_general_statement_names_no_ones_use():
    found = _relations(
        "It is important to understand how containers are implemented using Linux cgroups.",
        [("Petrel", "COMPANY"), ("Linux", "TECHNOLOGY")],
        title="Petrel Engineering",
    )
    assert not found


def test_a_providers_kind_and_a_measure_are_not_the_companys_practice():
    for text, concept in (
        ("Our deploy platform was backed wholly by our public cloud provider.", "public cloud"),
        ("We needed to scale our functional test coverage.", "test coverage"),
    ):
        found = _relations(
            text,
            [("Petrel", "COMPANY"), (concept, "CONCEPT")],
            title="Petrel Engineering",
        )
        assert not found, found


def test_what_an_apposed_system_serves_is_not_what_it_is_made_with():
    found = _relations(
        "Tidewater is an auditing system for Kubernetes clusters.",
        [("Tidewater", "TECHNOLOGY"), ("Kubernetes", "TECHNOLOGY")],
    )
    assert ("Tidewater", "uses", "Kubernetes") not in found
    found = _relations(
        "Tidewater is a Go library for auditing.",
        [("Tidewater", "TECHNOLOGY"), ("Go", "TECHNOLOGY")],
    )
    assert ("Tidewater", "uses", "Go") in found


def test_an_in_house_system_called_t_and_open_sourcing_a_tool_build_it():
    found = _relations(
        "Petrel's analysis UI is powered by an in-house database called Abacus.",
        [("Petrel", "COMPANY"), ("Abacus", "TECHNOLOGY")],
        title="Under the hood of Petrel",
    )
    assert ("Petrel", "built", "Abacus") in found
    found = _relations(
        "Models are served by an in-house C++ model server.",
        [("Petrel", "COMPANY"), ("C++", "TECHNOLOGY")],
        title="Under the hood of Petrel",
    )
    assert ("Petrel", "built", "C++") not in found
    found = _relations(
        "I am happy to announce that we, at Petrel, decided to open source a tool called Quiver.",
        [("Petrel", "COMPANY"), ("Quiver", "TECHNOLOGY")],
        title="Win with Quiver",
    )
    assert ("Petrel", "built", "Quiver") in found


def test_living_on_a_platform_and_a_plugin_of_it_use_it():
    found = _relations(
        "Petrel's newest product Quiver has lived on Kubernetes since development began.",
        [("Petrel", "COMPANY"), ("Quiver", "TECHNOLOGY"), ("Kubernetes", "TECHNOLOGY")],
    )
    assert ("Quiver", "uses", "Kubernetes") in found
    found = _relations(
        "Enter Quiver, a brilliant Gradle plugin that validates your licenses.",
        [("Quiver", "TECHNOLOGY"), ("Gradle", "TECHNOLOGY")],
    )
    assert ("Quiver", "uses", "Gradle") in found


def test_a_possessive_after_in_names_the_company_not_a_host():
    found = _relations(
        "There's a lot of variability in Petrel's 75+ internal services. Most of our services "
        "are written in Go and Python.",
        [("Petrel", "COMPANY"), ("Go", "TECHNOLOGY"), ("Python", "TECHNOLOGY")],
    )
    assert {("Petrel", "uses", "Go"), ("Petrel", "uses", "Python")} <= found


def test_a_migration_names_its_object_before_from():
    found = _relations(
        "Petrel recently migrated this pipeline from a legacy architecture to a multi-cloud "
        "solution.",
        [("Petrel", "COMPANY"), ("multi-cloud", "CONCEPT")],
    )
    assert ("Petrel", "migrated_to", "multi-cloud") in found


def test_the_subject_technologys_means_and_a_project_of_a_technology_use_it():
    found = _relations(
        "Quiver is a behavior analysis tool that detects anomalies in the application using Zig",
        [("Quiver", "TECHNOLOGY"), ("Zig", "TECHNOLOGY")],
    )
    assert ("Quiver", "uses", "Zig") in found
    found = _relations(
        "Tidewater is an open-source Zig project to build a scheduler.",
        [("Tidewater", "TECHNOLOGY"), ("Zig", "TECHNOLOGY")],
    )
    assert ("Tidewater", "uses", "Zig") in found


def test_with_the_help_of_a_technology_uses_it():
    found = _relations(
        "Our first project has been moving our databases into containers with the help of "
        "the Vitess project.",
        [("Petrel", "COMPANY"), ("Vitess", "TECHNOLOGY")],
        title="Petrel Engineering",
    )
    assert ("Petrel", "uses", "Vitess") in found


def test_a_title_subtitle_on_a_platform_names_what_the_technology_runs_on():
    found = _relations(
        "",
        [("Quiver", "TECHNOLOGY"), ("Kubernetes", "TECHNOLOGY")],
        title="Quiver: A resource management system for workload colocation on Kubernetes",
    )
    assert ("Quiver", "uses", "Kubernetes") in found
    found = _relations(
        "",
        [("Quiver", "TECHNOLOGY"), ("Kubernetes", "TECHNOLOGY")],
        title="Quiver: A resource manager on Kubernetes-like clusters",
    )
    assert not found


def test_a_replacing_title_is_a_migration_not_a_use():
    found = _relations(
        "Petrel's ledger team shares the numbers.",
        [("Petrel", "COMPANY"), ("Quiver", "TECHNOLOGY"), ("Tidewater", "TECHNOLOGY")],
        title="Replacing Quiver with Tidewater: a cheaper ledger",
    )
    assert ("Quiver", "uses", "Tidewater") not in found


def test_what_was_replaced_by_a_technology_is_not_the_replaced_one():
    found = _relations(
        "At first Petrel ran on Quiver, which was later replaced by Tidewater.",
        [("Petrel", "COMPANY"), ("Quiver", "TECHNOLOGY"), ("Tidewater", "TECHNOLOGY")],
    )
    assert ("Petrel", "migrated_from", "Tidewater") not in found


def test_a_list_of_technologies_for_purposes_keeps_each_purpose_with_its_own():
    found = _relations(
        "The platform uses Quiver for job scheduling, Tidewater for load balancing.",
        [
            ("Quiver", "TECHNOLOGY"),
            ("job scheduling", "CONCEPT"),
            ("Tidewater", "TECHNOLOGY"),
            ("load balancing", "CONCEPT"),
        ],
    )
    assert ("Tidewater", "applies", "job scheduling") not in found


def test_a_metric_or_a_problem_suffered_is_not_applied():
    found = _relations(
        "Tidewater, a job scheduler with fewer cold starts and less lock contention.",
        [
            ("Tidewater", "TECHNOLOGY"),
            ("job scheduler", "CONCEPT"),
            ("cold starts", "CONCEPT"),
            ("lock contention", "CONCEPT"),
        ],
    )
    assert ("Tidewater", "applies", "job scheduler") in found
    assert not {t for h, ty, t in found if ty == "applies"} & {"cold starts", "lock contention"}


@pytest.mark.parametrize(
    "title",
    ["My Lumio bill was out of control, here's what I did", "Lumio to Petrel migration"],
)
def test_a_provider_the_author_pays_or_moves_between_is_not_the_post_s_company(title):
    found = _relations(
        "We were happy deploying to Quiver and Tidewater.",
        [
            ("Lumio", "COMPANY"),
            ("Petrel", "COMPANY"),
            ("Quiver", "TECHNOLOGY"),
            ("Tidewater", "TECHNOLOGY"),
        ],
        title=title,
    )
    assert not {h for h, _, _ in found} & {"Lumio", "Petrel"}


def test_a_company_something_is_an_alternative_to_is_not_the_actor():
    ents = [("Lumio", "COMPANY"), ("Quiver", "TECHNOLOGY"), ("Zig", "TECHNOLOGY")]
    found = _relations(
        "Quiver is an open-source Lumio/Orla alternative. We run it on Zig.",
        ents,
        title="Quiver: a tiny chat server",
    )
    assert not any(h == "Lumio" for h, _, _ in found)
    found = _relations(
        "Quiver is an open-source tool by Lumio. We run it on Zig.",
        ents,
        title="Quiver: a tiny chat server",
    )
    assert ("Lumio", "uses", "Zig") in found


@pytest.mark.parametrize(
    "text",
    [
        "Harbor developed a near real-time job scheduling platform called the Tidewater Engine.",
        "Harbor runs its job scheduling platform, also known as Tidewater Engine, on two regions.",
        "Harbor moved to the open source job scheduling platform Tidewater Engine.",
    ],
)
def test_a_concept_on_the_class_noun_a_technology_is_called_is_what_it_is(text):
    found = _relations(
        text,
        [("Harbor", "COMPANY"), ("job scheduling", "CONCEPT"), ("Tidewater Engine", "TECHNOLOGY")],
    )
    assert ("Tidewater Engine", "applies", "job scheduling") in found


def test_a_concept_and_a_technology_with_no_naming_between_are_not_an_apposition():
    found = _relations(
        "Harbor added job scheduling to Tidewater Engine.",
        [("Harbor", "COMPANY"), ("job scheduling", "CONCEPT"), ("Tidewater Engine", "TECHNOLOGY")],
    )
    assert ("Tidewater Engine", "applies", "job scheduling") not in found


@pytest.mark.parametrize(
    ("text", "onto"),
    [
        ("Harbor developed a job scheduling platform called the Tidewater Engine.", None),
        ("This time I look at Tidewater, an XDP-based load balancer opensourced by Harbor.", None),
        # a project is its creator's, whoever the registry names as its maker now
        ("Back in 2016, Harbor created the Tidewater project.", "Lumio Foundation"),
    ],
)
def test_who_built_it(text, onto):
    found = _relations(
        text,
        [("Harbor", "COMPANY"), ("Tidewater", "TECHNOLOGY")]
        if "Engine" not in text
        else [("Harbor", "COMPANY"), ("Tidewater Engine", "TECHNOLOGY")],
        _onto(Tidewater=(onto, [])) if onto else None,
    )
    assert any(h == "Harbor" and t == "built" for h, t, _ in found)


def _sentences(text: str, entities: list[tuple[str, str]]):
    """Relations (rules alone) with each mention in its own sentence, as the extractor's
    sentence splitter gives them."""
    import dataclasses

    post, mentions = post_with_mentions("", text, [(s, t, s) for s, t in entities], 0.99)
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.\s*", text)]

    def sentence(m):
        a, b = next((a, b) for a, b in spans if a <= m.start < b)
        return text[a:b].strip()

    mentions = [dataclasses.replace(m, sentence=sentence(m)) for m in mentions]
    return {(r.head, r.type, r.tail) for r in find_relations(post, mentions, None, models={})}


def test_it_opening_a_sentence_refers_back_to_the_technology_before():
    found = _sentences(
        "Quiver is a flag store. It provides multi-tenancy and strong consistency.",
        [
            ("Quiver", "TECHNOLOGY"),
            ("flag store", "CONCEPT"),
            ("multi-tenancy", "CONCEPT"),
            ("strong consistency", "CONCEPT"),
        ],
    )
    assert ("Quiver", "applies", "multi-tenancy") in found
    assert ("Quiver", "applies", "strong consistency") in found


def test_used_by_companies_like_a_list():
    found = _sentences(
        "Quiver is one that is mentioned often. It's powerful, and is used by companies like "
        "Lumio, Petrel, and Orla.",
        [
            ("Quiver", "TECHNOLOGY"),
            ("Lumio", "COMPANY"),
            ("Petrel", "COMPANY"),
            ("Orla", "COMPANY"),
        ],
    )
    assert {(c, "uses", "Quiver") for c in ("Lumio", "Petrel", "Orla")} <= found


def test_a_subject_list_of_companies_shares_the_use_verb():
    found = _relations(
        "Lumio, Petrel and Orla are adopting Tidewater.",
        [
            ("Lumio", "COMPANY"),
            ("Petrel", "COMPANY"),
            ("Orla", "COMPANY"),
            ("Tidewater", "TECHNOLOGY"),
        ],
    )
    assert {(c, "uses", "Tidewater") for c in ("Lumio", "Petrel", "Orla")} <= found


@pytest.mark.parametrize(
    ("text", "entities", "absent"),
    [
        (
            "Quiver is a distributed commit log, not a message queue.",
            [("Quiver", "TECHNOLOGY"), ("message queue", "CONCEPT")],
            ("Quiver", "applies", "message queue"),
        ),
        (
            "The pipeline serves models using Lumio's Tidewater and Quiver.",
            [("Lumio's", "COMPANY"), ("Tidewater", "TECHNOLOGY"), ("Quiver", "TECHNOLOGY")],
            ("Lumio's", "uses", "Tidewater"),
        ),
        (
            "Lumio's open-source Tidewater framework speeds up builds.",
            [("Lumio's", "COMPANY"), ("open-source", "CONCEPT"), ("Tidewater", "TECHNOLOGY")],
            ("Lumio's", "applies", "open-source"),
        ),
        (  # a likeness at the head: the syntax is like SQL, SQL does not scale
            "Tools promising horizontal scaling, SQL-ish syntax and serverless pricing.",
            [("horizontal scaling", "CONCEPT"), ("SQL", "TECHNOLOGY"), ("serverless", "CONCEPT")],
            ("SQL", "applies", "horizontal scaling"),
        ),
        (  # a likeness at the tail: decomposition in the style of microservices
            "Quiver applies microservices-style decomposition with Tidewater.",
            [("Quiver", "TECHNOLOGY"), ("microservices", "CONCEPT"), ("Tidewater", "TECHNOLOGY")],
            ("Quiver", "applies", "microservices"),
        ),
    ],
)
def test_what_the_sentence_does_not_state(text, entities, absent):
    assert absent not in _relations(text, entities)


def test_a_product_named_after_its_company_that_is_released_is_built():
    found = _relations(
        "Lumio has released version 1.1 of Lumio Vault, their secrets tool.",
        [("Lumio", "COMPANY"), ("Lumio Vault", "TECHNOLOGY")],
    )
    assert ("Lumio", "built", "Lumio Vault") in found


def test_a_technology_purpose_in_parentheses_and_an_implementation_of():
    found = _relations(
        "Petrel replaced Quiver (caching) and Tidewater (job queues).",
        [
            ("Petrel", "COMPANY"),
            ("Quiver", "TECHNOLOGY"),
            ("caching", "CONCEPT"),
            ("Tidewater", "TECHNOLOGY"),
            ("job queues", "CONCEPT"),
        ],
    )
    assert ("Quiver", "applies", "caching") in found
    assert ("Tidewater", "applies", "job queues") in found
    found = _relations(
        "Marlin, the community-supported implementation of Quiver, runs everywhere.",
        [("Marlin", "TECHNOLOGY"), ("Quiver", "TECHNOLOGY")],
    )
    assert ("Marlin", "uses", "Quiver") in found


def test_a_move_ends_at_a_colon_and_at_a_phrase_after_the_unnamed_target():
    found = _relations(
        "Orla migrated from Quiver to Tidewater: type safety caught bugs under Quiver.",
        [
            ("Orla", "COMPANY"),
            ("Quiver", "TECHNOLOGY"),
            ("Tidewater", "TECHNOLOGY"),
            ("type safety", "CONCEPT"),
        ],
    )
    assert ("Orla", "migrated_from", "Quiver") in found
    assert ("Orla", "migrated_to", "Tidewater") in found
    assert ("Orla", "migrated_to", "Quiver") not in found
    assert ("Orla", "applies", "type safety") not in found
    found = _relations(
        "Orla shares its journey from manual deployments to in-place upgrades for their "
        "multi-tenant Tidewater platform.",
        [("Orla", "COMPANY"), ("multi-tenant", "CONCEPT"), ("Tidewater", "TECHNOLOGY")],
    )
    # the move went to the unnamed "in-place upgrades"; the platform is no destination
    assert ("Orla", "migrated_to", "multi-tenant") not in found


def test_a_vendor_apposed_by_possessive_is_no_user():
    entities = [("Lumio", "COMPANY"), ("Quiver", "TECHNOLOGY"), ("framework", "CONCEPT")]
    # another company's product: the apposition names its vendor
    found = _relations(
        "Orla converted its app to Quiver, Lumio's framework for mobile apps.",
        [("Orla", "COMPANY"), *entities],
        title="Orla: our app",
    )
    assert ("Lumio", "uses", "Quiver") not in found
    # the post's own company: its own system (rule 3)
    found = _relations("Quiver, Lumio's framework for mobile apps, runs everywhere.", entities)
    assert ("Lumio", "uses", "Quiver") in found
    # "open-sourced": only the owner opens a system's source
    found = _relations(
        "The topic is Quiver, Lumio's open-sourced build framework.",
        [("Lumio", "COMPANY"), ("Quiver", "TECHNOLOGY"), ("build framework", "CONCEPT")],
    )
    assert ("Lumio", "built", "Quiver") in found


@pytest.mark.parametrize(
    "text",
    [
        "Quiver has matured into a framework adopted by major brands like Lumio, Petrel and Orla.",
        "Quiver is a vector database built on object storage (Tidewater), powering search at "
        "companies like Lumio, Petrel and Orla.",
    ],
)
def test_users_listed_by_a_class_noun_use_the_subject(text):
    found = _relations(
        text,
        [
            ("Quiver", "TECHNOLOGY"),
            ("Lumio", "COMPANY"),
            ("Petrel", "COMPANY"),
            ("Orla", "COMPANY"),
            ("Tidewater", "TECHNOLOGY"),
        ],
    )
    assert {
        ("Lumio", "uses", "Quiver"),
        ("Petrel", "uses", "Quiver"),
        ("Orla", "uses", "Quiver"),
    } <= found


def test_a_gloss_in_parentheses_ends_a_moves_destination():
    found = _relations(
        "Harbor migrated its storage from Quill to its Tidewater database (a fork of Brindle).",
        [
            ("Harbor", "COMPANY"),
            ("Quill", "TECHNOLOGY"),
            ("Tidewater", "TECHNOLOGY"),
            ("Brindle", "TECHNOLOGY"),
        ],
    )
    assert ("Harbor", "migrated_to", "Tidewater") in found
    assert ("Harbor", "migrated_to", "Brindle") not in found


def test_a_property_compound_is_neither_mover_nor_destination():
    ents = [
        ("Harbor", "COMPANY"),
        ("CPU", "TECHNOLOGY"),
        ("Quill", "TECHNOLOGY"),
        ("Zig", "TECHNOLOGY"),
    ]
    found = _relations("A Harbor intern rewrote CPU-intensive endpoints from Quill to Zig.", ents)
    assert {("Harbor", "migrated_from", "Quill"), ("Harbor", "migrated_to", "Zig")} <= found
    assert not any(h == "CPU" for h, _, _ in found)
    ents = [
        ("Harbor", "COMPANY"),
        ("Nginx", "TECHNOLOGY"),
        ("Zig", "TECHNOLOGY"),
        ("Tidewater", "TECHNOLOGY"),
    ]
    found = _relations(
        "Harbor is replacing Nginx with its own in-house, Zig-written code called Tidewater.", ents
    )
    assert ("Harbor", "migrated_to", "Tidewater") in found
    assert ("Harbor", "migrated_to", "Zig") not in found


def test_a_name_before_a_noun_of_moving_is_not_the_mover():
    found = _relations(
        "",
        [
            ("Harbor", "COMPANY"),
            ("Quill", "TECHNOLOGY"),
            ("Brindle", "TECHNOLOGY"),
            ("Zig", "TECHNOLOGY"),
        ],
        title="Harbor's Quill Journey from Brindle to Zig",
    )
    assert {("Harbor", "migrated_from", "Brindle"), ("Harbor", "migrated_to", "Zig")} <= found
    assert not any(h == "Quill" and t.startswith("migrated") for h, t, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "Harbor asks: a full rewrite from Quill to Zig or gradual integration with Zig libraries?",
        "Harbor tried a cache. Then you try Quill, but fail and switch to Zig.",
    ],
)
def test_a_weighed_or_generic_move_is_no_migration(text):
    found = _relations(
        text, [("Harbor", "COMPANY"), ("Quill", "TECHNOLOGY"), ("Zig", "TECHNOLOGY")]
    )
    assert not any(t.startswith("migrated") for _, t, _ in found)


def test_abandoned_in_favour_of_names_the_new_one():
    found = _relations(
        "Harbor built a custom assistant (which was later abandoned in favor of Quill).",
        [("Harbor", "COMPANY"), ("Quill", "TECHNOLOGY")],
    )
    assert ("Harbor", "migrated_to", "Quill") in found
    assert ("Harbor", "migrated_from", "Quill") not in found


def test_a_deprecated_thing_described_is_not_a_move():
    found = _relations(
        "Harbor planned a cleanup of the deprecated Quill app.",
        [("Harbor", "COMPANY"), ("Quill", "TECHNOLOGY")],
    )
    assert ("Harbor", "migrated_from", "Quill") not in found


def test_a_maker_does_not_move_to_its_own_named_product():
    found = _relations(
        "",
        [("Harbor", "COMPANY"), ("Harbor CDN", "TECHNOLOGY")],
        title="Harbor: Moving to the Harbor CDN",
    )
    assert ("Harbor", "migrated_to", "Harbor CDN") not in found


def test_a_provider_left_or_named_as_provider_is_not_the_post_company():
    found = _relations(
        "We migrated our rails app from Harbor to Quill. We now rely on Zig.",
        [("Harbor", "COMPANY"), ("Quill", "TECHNOLOGY"), ("Zig", "TECHNOLOGY")],
    )
    assert not any(h == "Harbor" for h, _, _ in found)
    found = _relations(
        "Our CDN had an issue, traced with help from our edge provider Harbor. We use Zig for the site.",
        [("Harbor", "COMPANY"), ("Zig", "TECHNOLOGY")],
    )
    assert not any(h == "Harbor" for h, _, _ in found)


def test_each_example_of_a_used_class_is_used_however_long_the_list():
    found = _relations(
        "To do this, they adopted various tools and techniques, including Infrastructure as Code"
        " (IaC), Quill for monitoring, Brindle for visualization, Zig for automation, and"
        " Tidewater for provisioning.",
        [
            ("Harbor", "COMPANY"),
            ("Infrastructure as Code", "CONCEPT"),
            ("IaC", "CONCEPT"),
            ("Quill", "TECHNOLOGY"),
            ("monitoring", "CONCEPT"),
            ("Brindle", "TECHNOLOGY"),
            ("Zig", "TECHNOLOGY"),
            ("Tidewater", "TECHNOLOGY"),
        ],
        title="How Harbor moved its stack",
    )
    assert {("Harbor", "uses", t) for t in ("Quill", "Brindle", "Zig", "Tidewater")} <= found
    assert ("Harbor", "applies", "Infrastructure as Code") in found
    assert ("Harbor", "applies", "monitoring") not in found


def test_a_companys_move_is_no_possession_of_its_ends():
    found = _relations(
        "The talk covers Harbor's migration to Quill for service identity.",
        [("Harbor", "COMPANY"), ("Quill", "TECHNOLOGY")],
    )
    assert ("Harbor", "uses", "Quill") not in found


def _rules_with_discovered(title: str, text: str, entities, names=()):
    """The rules' relations, with the mentions in ``names`` found by the statistical model."""
    post = Post("p", title, text)
    mentions = [
        Mention(
            "p",
            s,
            t,
            s,
            field,
            m.start(),
            m.end(),
            body,
            "model" if s in names else "ontology",
            0.9,
        )
        for field, body in (("title", title), ("summary", text))
        for s, t in entities
        for m in re.finditer(re.escape(s), body)
    ]
    mentions.sort(key=lambda m: (m.field, m.start))
    return {(r.head, r.type, r.tail) for r in find_relations(post, mentions, models={})}


def test_a_discovered_name_near_we_is_not_the_companys_unless_called_its_own():
    ents = [("Lumio", "COMPANY"), ("Quiver", "TECHNOLOGY")]
    title = "How Lumio sends receipts"
    near = _rules_with_discovered(title, "We built our mission around Quiver.", ents, {"Quiver"})
    assert ("Lumio", "uses", "Quiver") not in near
    own = _rules_with_discovered(title, "Our Quiver service sends receipts.", ents, {"Quiver"})
    assert ("Lumio", "uses", "Quiver") in own
    curated = _rules_with_discovered(title, "We built our mission around Quiver.", ents)
    assert ("Lumio", "uses", "Quiver") in curated


def test_a_concept_in_what_was_built_is_not_applied_on_the_build_verb_alone():
    found = _relations(
        "Their engineers built a generative AI chat assistant.",
        [("Lumio", "COMPANY"), ("generative AI", "CONCEPT")],
        title="Lumio",
    )
    assert ("Lumio", "applies", "generative AI") not in found


def test_open_source_after_a_word_of_feeling_builds_the_named_system():
    entities = [("Lumio", "COMPANY"), ("Quiver", "TECHNOLOGY")]
    found = _relations("At Lumio, we are proud to open source Quiver, our flag service.", entities)
    assert ("Lumio", "built", "Quiver") in found
    # "moved to open source" is the noun: no building
    found = _relations("At Lumio, we moved to open source Quiver for our flags.", entities)
    assert ("Lumio", "built", "Quiver") not in found


def test_a_kind_noun_may_close_a_long_modifier_run_after_a_build_verb():
    # a curated name no maker is filed for: "developed the … project T" still names its author
    onto = _onto(Tidewater=("", ["monitoring system"]))
    found = _relations(
        "At Harbor, we developed the widely-used, open source metrics project Tidewater.",
        [("Harbor", "COMPANY"), ("Tidewater", "TECHNOLOGY")],
        onto,
    )
    assert ("Harbor", "built", "Tidewater") in found
    assert ("Harbor", "uses", "Tidewater") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Developed by Harbor, Tidewater schedules every batch job.",
        "Built at Harbor (formerly Petrel) and released under an MIT licence, Tidewater runs "
        "on laptops.",
    ],
)
def test_a_fronted_participle_names_the_maker_of_the_main_subject(text):
    found = _relations(
        text, [("Harbor", "COMPANY"), ("Petrel", "COMPANY"), ("Tidewater", "TECHNOLOGY")]
    )
    assert ("Harbor", "built", "Tidewater") in found
    assert ("Petrel", "built", "Tidewater") not in found


def test_a_system_we_started_is_built_but_one_we_started_using_is_not():
    entities = [("Harbor", "COMPANY"), ("Tidewater", "TECHNOLOGY")]
    found = _relations(
        "At Harbor, the platform team maintains tools around Tidewater, an open source machine "
        "learning infrastructure framework we started, for data scientists.",
        entities,
    )
    assert ("Harbor", "built", "Tidewater") in found
    found = _relations(
        "At Harbor, the platform team maintains tools around Tidewater, an open source machine "
        "learning infrastructure framework we started using last year.",
        entities,
    )
    assert ("Harbor", "built", "Tidewater") not in found


def test_their_after_another_plural_party_is_not_the_companys():
    entities = [("Harbor", "COMPANY"), ("Quiver", "TECHNOLOGY")]
    title = "Harbor launches a remote build cluster"
    found = _relations(
        "Teams connect their Quiver builds to the cluster in minutes.", entities, title=title
    )
    assert ("Harbor", "uses", "Quiver") not in found
    found = _relations(
        "They connect their Quiver builds to the cluster in minutes.", entities, title=title
    )
    assert ("Harbor", "uses", "Quiver") in found


def test_a_project_of_a_technology_moved_elsewhere_is_moved_by_the_company():
    entities = [("Lumio", "COMPANY"), ("Quiver", "TECHNOLOGY"), ("Tidewater", "TECHNOLOGY")]
    found = _relations("Lumio migrated its Quiver workloads to Tidewater.", entities)
    assert ("Lumio", "migrated_to", "Tidewater") in found
    assert ("Quiver", "migrated_to", "Tidewater") not in found


def test_a_titles_gerund_on_the_companys_own_system_takes_its_instrument():
    entities = [("Faire", "COMPANY"), ("Buildkite", "TECHNOLOGY"), ("Kubernetes", "TECHNOLOGY")]
    found = _relations(
        "The team pivoted to new tools.",
        entities,
        title="Scaling Faire's CI horizontally with Buildkite, Kubernetes, and multiple pipelines",
    )
    assert {("Faire", "uses", "Buildkite"), ("Faire", "uses", "Kubernetes")} <= found


def test_a_negated_phrase_after_a_possessive_states_no_use():
    found = _relations(
        "The team pivoted.",
        [("Faire", "COMPANY"), ("Jenkins", "TECHNOLOGY")],
        title="Scaling Faire's CI without Jenkins",
    )
    assert ("Faire", "uses", "Jenkins") not in found


def test_the_instrument_of_a_companys_verb_far_before_it_is_used():
    entities = [("Harbor", "COMPANY"), ("Quiver", "TECHNOLOGY"), ("Tidewater", "TECHNOLOGY")]
    found = _relations(
        "This keynote covers how Harbor manages scheduling and resource allocation for "
        "multi-tenant AI inference workloads on Quiver using Tidewater.",
        entities,
        methods=True,
    )
    assert ("Harbor", "uses", "Tidewater", "verb:using") in found
    # a relative clause between: the instrument is its subject's
    found = _relations(
        "Harbor describes a platform that schedules AI inference workloads on Quiver using "
        "Tidewater.",
        entities,
        methods=True,
    )
    assert ("Harbor", "uses", "Tidewater", "verb:using") not in found


def test_a_companys_alias_in_parentheses_is_no_subject():
    found = _relations(
        "Therefore, Petrel chose to migrate its legacy database service to Lumio Cloud (LC) "
        "and use Quiver for its tables.",
        [
            ("Petrel", "COMPANY"),
            ("Lumio Cloud", "COMPANY"),
            ("LC", "COMPANY"),
            ("Quiver", "TECHNOLOGY"),
        ],
    )
    assert ("LC", "uses", "Quiver") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Tidewater, a radical reimagining of job scheduler design, ships today.",
        "The map covers Tidewater: the difference between job scheduler and queue.",
        "Orla runs one use case on Tidewater: a metadata layer for their job scheduler.",
        "Tidewater is a fast engine built on job scheduler primitives.",
        "The system that fed work into Tidewater was a job scheduler.",
        "Tidewater is a building block for higher level job schedulers.",
    ],
)
def test_an_appositive_of_another_relation_says_not_what_the_technology_is(text):
    entities = [
        ("Orla", "COMPANY"),
        ("Tidewater", "TECHNOLOGY"),
        ("job schedulers", "CONCEPT"),
        ("job scheduler", "CONCEPT"),
    ]
    found = _relations(text, entities)
    assert (
        not {("Tidewater", "applies", "job scheduler"), ("Tidewater", "applies", "job schedulers")}
        & found
    )
    # the plain appositive still applies
    found = _relations("Tidewater, a distributed job scheduler, ships today.", entities)
    assert ("Tidewater", "applies", "job scheduler") in found


@pytest.mark.parametrize(
    "text",
    [
        "At the core of our infrastructure is Quiver, a version of Tidewater modified for search.",
        "Quiver is a wrapper around Tidewater.",
    ],
)
def test_a_derivative_uses_what_it_derives_from(text):
    found = _relations(text, [("Quiver", "TECHNOLOGY"), ("Tidewater", "TECHNOLOGY")])
    assert ("Quiver", "uses", "Tidewater") in found


def test_a_long_appositive_keeps_its_head_for_what_it_is_built_on():
    found = _relations(
        "We introduce Quiver, a fully open source, Valkey-native observability stack for "
        "every team built around Tidewater.",
        [("Quiver", "TECHNOLOGY"), ("Valkey", "TECHNOLOGY"), ("Tidewater", "TECHNOLOGY")],
    )
    assert ("Quiver", "uses", "Tidewater") in found


def test_a_long_appositive_applies_its_concept_but_not_past_a_purpose_clause():
    entities = [
        ("Tidewater", "TECHNOLOGY"),
        ("Quiver", "TECHNOLOGY"),
        ("job scheduling", "CONCEPT"),
    ]
    found = _relations(
        "Meet Tidewater, a small, strict and very carefully tested open source engine for "
        "job scheduling.",
        entities,
    )
    assert ("Tidewater", "applies", "job scheduling") in found
    found = _relations(
        "We moved from Quiver to Tidewater, a lightweight alternative, to reduce costs while "
        "keeping job scheduling.",
        entities,
    )
    assert ("Tidewater", "applies", "job scheduling") not in found


def test_a_built_object_apposed_to_its_owner_is_built_by_it():
    found = _relations(
        "We explain our path. Building Quiver, Lumio's own scalable game server framework.",
        [("Lumio", "COMPANY"), ("Quiver", "TECHNOLOGY")],
        title="Lumio engineering",
    )
    assert ("Lumio", "built", "Quiver") in found
    assert ("Lumio", "uses", "Quiver") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Petrel built a detection framework in Lumio's Quiver.",
        "The new platform is built on Lumio's Quiver and Valkey.",
    ],
)
def test_a_possessed_system_another_party_builds_on_is_no_use_of_its_vendor(text):
    found = _relations(
        text,
        [
            ("Petrel", "COMPANY"),
            ("Lumio", "COMPANY"),
            ("Quiver", "TECHNOLOGY"),
            ("Valkey", "TECHNOLOGY"),
        ],
        title="Petrel engineering notes",
    )
    assert ("Lumio", "uses", "Quiver") not in found


def test_a_short_aside_inside_a_dash_appositive_keeps_its_head():
    found = _relations(
        "Today, we announce Quiver - a new search experience for all (almost) Valkey-related "
        "content - powered by Tidewater, Marlin, and Zig.",
        [
            ("Quiver", "TECHNOLOGY"),
            ("Valkey", "TECHNOLOGY"),
            ("Tidewater", "TECHNOLOGY"),
            ("Marlin", "TECHNOLOGY"),
            ("Zig", "TECHNOLOGY"),
        ],
    )
    assert {("Quiver", "uses", "Tidewater"), ("Quiver", "uses", "Marlin")} <= found


def test_a_possessed_system_said_to_be_released_is_built_by_its_possessor():
    entities = [("Lumio", "COMPANY"), ("Quiver", "TECHNOLOGY")]
    found = _relations("Lumio's Quiver v1.0 Is Now Released", entities)
    assert ("Lumio", "built", "Quiver") in found
    assert ("Lumio", "uses", "Quiver") not in found
    found = _relations("Lumio's Quiver handles two million flag checks per second.", entities)
    assert ("Lumio", "built", "Quiver") not in found


def test_a_technology_with_another_as_its_backend_uses_it():
    entities = [("Quiver", "TECHNOLOGY"), ("Valkey", "TECHNOLOGY")]
    found = _relations(
        "Our DNS infrastructure was built on Quiver with a Valkey backend.", entities
    )
    assert ("Quiver", "uses", "Valkey") in found
    found = _relations("We compared Quiver with a Valkey cluster.", entities)
    assert ("Quiver", "uses", "Valkey") not in found


def _actor(title: str, text: str, entities: list[tuple[str, str]]) -> str | None:
    from kgraph.extract.relations_post import _Post

    post, mentions = post_with_mentions(title, text, [(s, t, s) for s, t in entities], 0.99)
    return _Post(post, mentions, None).actor


def test_a_title_platform_gives_way_to_the_company_the_summary_opens_with():
    ents = [("Lumio", "COMPANY"), ("Petrel", "COMPANY"), ("Quiver", "TECHNOLOGY")]
    text = "Petrel has moved its pipelines to Quiver."
    assert _actor("Quiver on Lumio for batch jobs", text, ents) == "Petrel"
    assert _actor("Slashing our Lumio bill", text, ents) == "Petrel"
    # a title company that is no platform stays the actor
    assert _actor("Lumio moves batch jobs to Quiver", text, ents) == "Lumio"


def test_a_phrase_after_like_does_not_hide_the_subject_company():
    found = _relations(
        "Like our clients, Petrel is a data-driven company. We run Quiver for reporting.",
        [("Petrel", "COMPANY"), ("Quiver", "TECHNOLOGY")],
    )
    assert ("Petrel", "uses", "Quiver") in found
    ents = [("Lumio", "COMPANY"), ("Orla", "COMPANY"), ("Petrel", "COMPANY")]
    assert _actor("", "A search engine like Lumio, Orla or Petrel.", ents) is None


def test_a_possessive_on_a_named_team_names_the_authors():
    ents = [("Lumio", "COMPANY"), ("Petrel", "COMPANY"), ("Quiver", "TECHNOLOGY")]
    text = "Petrel's Data Science and Engineering team adopted Quiver in 2016."
    assert _actor("Quiver at Lumio scale", text, ents) == "Petrel"


@pytest.mark.parametrize(
    "concept",
    ["consumer lag", "small files problem", "flaky tests", "data breach", "IAM misconfiguration"],
)
def test_a_breach_a_lag_or_a_named_problem_is_not_applied(concept):
    from kgraph.extract.relations_post import _not_applied

    assert _not_applied(concept)
    assert not _not_applied("feature flag")  # a flag is no lag


@pytest.mark.parametrize(
    "text",
    [
        "As organizations move from Quiver to Tidewater, many hit a wall.",
        "One popular approach is migrating from Quiver to Tidewater.",
        "We list what Quiver users experience when switching to Tidewater.",
    ],
)
def test_a_general_subject_s_move_is_not_the_company_s(text):
    found = _relations(
        text,
        [("Petrel", "COMPANY"), ("Quiver", "TECHNOLOGY"), ("Tidewater", "TECHNOLOGY")],
        title="Petrel engineering",
    )
    assert not {ty for _, ty, _ in found} & {"migrated_from", "migrated_to"}
    found = _relations(
        "Our teams moved from Quiver to Tidewater.",
        [("Petrel", "COMPANY"), ("Quiver", "TECHNOLOGY"), ("Tidewater", "TECHNOLOGY")],
        title="Petrel engineering",
    )
    assert ("Petrel", "migrated_to", "Tidewater") in found


def test_a_title_s_company_does_its_work_with_the_technology_named_after_it():
    found = _relations(
        "Lumio's engineering team tells the story.",
        [
            ("Lumio", "COMPANY"),
            ("Petrel", "COMPANY"),
            ("Quiver", "TECHNOLOGY"),
            ("Tidewater", "TECHNOLOGY"),
        ],
        title="Search at Petrel with Quiver and Tidewater",
    )
    assert ("Petrel", "uses", "Quiver") in found
    assert ("Petrel", "uses", "Tidewater") in found


def test_a_wrapper_uses_what_it_wraps():
    found = _relations(
        "Quiver wraps Tidewater's scheduler and adds retries.",
        [("Quiver", "TECHNOLOGY"), ("Tidewater", "TECHNOLOGY")],
    )
    assert ("Quiver", "uses", "Tidewater") in found


def test_a_parenthesis_naming_the_owner_s_part_says_the_owner_uses_it():
    found = _relations(
        "The root cause was Tidewater contention (Quiver's storage backend) under load.",
        [("Tidewater", "TECHNOLOGY"), ("Quiver", "TECHNOLOGY")],
    )
    assert ("Quiver", "uses", "Tidewater") in found
    plain = _relations(
        "Tidewater contention (Quiver's fault) slowed writes.",
        [("Tidewater", "TECHNOLOGY"), ("Quiver", "TECHNOLOGY")],
    )
    assert ("Quiver", "uses", "Tidewater") not in plain


def test_every_item_of_a_long_list_is_the_use_verb_s_object():
    names = ["Lumio Quiver", "LQ", "Tidewater", "Harbor Store", "HS", "Marlin Stream", "Orca"]
    found = _relations(
        "We dive deep into how Petrel leverages Lumio Quiver (LQ), Tidewater, Harbor Store (HS), "
        "Marlin Stream, and Orca to ingest, process and query data.",
        [("Petrel", "COMPANY"), *((n, "TECHNOLOGY") for n in names)],
    )
    assert {("Petrel", "uses", n) for n in names} <= found
    split = _relations(
        "Petrel leverages Quiver for ingestion and logging with retries, while Tidewater, Orca "
        "serve the reads.",
        [
            ("Petrel", "COMPANY"),
            ("Quiver", "TECHNOLOGY"),
            ("Tidewater", "TECHNOLOGY"),
            ("Orca", "TECHNOLOGY"),
        ],
    )
    assert ("Petrel", "uses", "Orca") not in split


def test_a_company_s_team_on_a_model_found_name_says_the_company_uses_it():
    def found(text):
        post, mentions = post_with_mentions(
            "", text, [("Petrel's", "COMPANY", "Petrel"), ("Quiver", "TECHNOLOGY", "Quiver")], 0.99
        )
        # a name only the statistical model found: alone, a possessive on it may be a product
        mentions = [
            dataclasses.replace(m, method="model") if m.type == "TECHNOLOGY" else m
            for m in mentions
        ]
        return {(r.head, r.type, r.tail) for r in find_relations(post, mentions, None, models={})}

    assert ("Petrel", "uses", "Quiver") in found("Petrel's Quiver team cut launch time in half.")
    assert ("Petrel", "uses", "Quiver") not in found("Petrel's Quiver sold well this year.")


def test_the_named_members_of_a_kind_in_parentheses_are_each_of_that_kind():
    found = _relations(
        "Quiver supports pluggable storage engines (Tidewater, Orca, Marlin) for durability.",
        [
            ("Quiver", "TECHNOLOGY"),
            ("storage engines", "CONCEPT"),
            ("Tidewater", "TECHNOLOGY"),
            ("Orca", "TECHNOLOGY"),
        ],
    )
    assert {
        ("Tidewater", "applies", "storage engines"),
        ("Orca", "applies", "storage engines"),
    } <= found
    # what the kind is to its head, each member is: the head uses them (rule 5)
    assert {("Quiver", "uses", "Tidewater"), ("Quiver", "uses", "Orca")} <= found
    platforms = _relations(
        "It covers platform auth (Tidewater, Orca) and ban systems.",
        [("auth", "CONCEPT"), ("Tidewater", "TECHNOLOGY"), ("Orca", "TECHNOLOGY")],
    )
    assert ("Orca", "applies", "auth") not in platforms


def test_a_system_uses_the_examples_of_the_place_it_stores_its_data_in():
    ents = [
        ("Orca", "TECHNOLOGY"),
        ("object storage", "CONCEPT"),
        ("Quiver", "TECHNOLOGY"),
        ("Tidewater", "TECHNOLOGY"),
    ]
    found = _relations(
        "Orca stores its base files directly in cloud object storage (like Quiver or Tidewater).",
        ents,
    )
    assert {("Orca", "uses", "Quiver"), ("Orca", "uses", "Tidewater")} <= found
    relative = _relations(
        "Orca is an embedded database that stores its files in object storage (e.g. Quiver or "
        "Tidewater) rather than on local disk.",
        ents,
    )
    assert {("Orca", "uses", "Quiver"), ("Orca", "uses", "Tidewater")} <= relative
    # a place that is only talked about: no keeper of data
    talk = _relations("Orca compares object storage (like Quiver or Tidewater) with disks.", ents)
    assert ("Orca", "uses", "Quiver") not in talk


def test_a_technology_s_named_part_is_what_it_uses():
    ents = [("Quiver", "TECHNOLOGY"), ("Tidewater", "TECHNOLOGY")]
    assert ("Quiver", "uses", "Tidewater") in _relations(
        "A deep dive into Quiver's Tidewater protocol.", ents
    )
    assert ("Quiver", "uses", "Tidewater") in _relations(
        "It stays compatible with Tidewater (Quiver's current bundler).", [ents[1], ents[0]]
    )
    # a possessed name and no part noun: not said to be a part
    assert ("Quiver", "uses", "Tidewater") not in _relations("Quiver's Tidewater fans met.", ents)
