"""Compound concepts: a hyphenated kind modifier joins a known concept, and established field
terms the ontology holds, in text unlike any gold post."""

from __future__ import annotations

import pytest

from tests.integration.mentions import found

pytestmark = pytest.mark.model


def test_a_hyphenated_kind_modifier_joins_the_known_concept_after_it(ex):
    got = found(ex, "Notes", "Workers rely on client-side batching and request-driven sampling.")
    assert ("CONCEPT", "client-side batching") in got
    assert ("CONCEPT", "request-driven sampling") in got
    assert ("CONCEPT", "batching") not in got and ("CONCEPT", "sampling") not in got


def test_a_based_modifier_says_what_the_idea_is_built_on(ex):
    # the rules drop it: "token-based throttling" is throttling (established "-based" terms
    # are the ontology's entries)
    got = found(ex, "Notes", "The gateway applies token-based throttling to every tenant.")
    assert ("CONCEPT", "throttling") in got
    assert ("CONCEPT", "token-based throttling") not in got


def test_the_two_sides_of_a_connection_name_kinds(ex):
    got = found(ex, "Notes", "The edge tier runs server-side batching for uploads.")
    assert ("CONCEPT", "server-side batching") in got


def test_an_acronym_head_keeps_its_case_and_loses_its_plural(ex):
    got = found(ex, "Notes", "Phones sit behind tiered-grade NATs in most regions.")
    assert ("CONCEPT", "tiered-grade NAT") in got


def test_evaluative_and_placing_modifiers_leave_the_concept_alone(ex):
    got = found(ex, "Notes", "They added production-grade caching and application-level caching.")
    assert ("CONCEPT", "caching") in got
    assert not any(name.endswith("-grade caching") or "-level" in name for _, name in got)


def test_a_property_modifier_is_not_a_kind(ex):
    got = found(ex, "Notes", "The broker does lock-free batching of writes.")
    assert ("CONCEPT", "batching") in got
    assert ("CONCEPT", "lock-free batching") not in got


def test_established_networking_security_and_data_terms(ex):
    got = found(
        ex,
        "Notes",
        "Peers use NAT traversal. Supply chain attacks target lockfiles and transitive "
        "dependencies. A rule engine drives fraud detection, and services share state "
        "through event-carried state transfer.",
    )
    for name in (
        "NAT traversal",
        "supply chain attack",
        "lockfile",
        "transitive dependency",
        "rule engine",
        "fraud detection",
        "event-carried state transfer",
    ):
        assert ("CONCEPT", name) in got, name


def test_open_source_as_a_modifier_is_the_open_source_concept(ex):
    got = found(ex, "Notes", "Acme released an open-source query planner last year.")
    assert ("CONCEPT", "open source") in got


def test_basic_field_terms_need_no_second_mention(ex):
    got = found(ex, "Notes", "A firewall stopped the malware; the hash table lost no rows.")
    assert {("CONCEPT", "firewall"), ("CONCEPT", "malware"), ("CONCEPT", "hash table")} <= got


def test_network_monitoring_is_a_practice_though_both_words_are_generic(ex):
    assert ("CONCEPT", "network monitoring") in found(ex, "Notes", "Network monitoring found it.")


def test_an_artefact_as_code_is_a_practice_that_replaces_the_bare_concept(ex):
    got = found(ex, "Notes", "The team keeps compliance as code and diagrams as code in Git.")
    assert ("CONCEPT", "compliance as code") in got
    assert ("CONCEPT", "diagram as code") in got
    assert ("CONCEPT", "compliance") not in got


def test_a_verb_before_as_code_names_nothing(ex):
    got = found(ex, "Notes", "Every rule is written as code and stored as code.")
    assert not any(name.endswith("as code") for _, name in got)


def test_availability_zone_acronym_and_its_plural(ex):
    got = found(ex, "Notes", "The service spreads replicas over three AZs.")
    assert ("CONCEPT", "availability zone") in got


def test_a_list_of_observability_signals_names_logging_and_tracing(ex):
    got = found(ex, "Notes", "The collector ships traces, metrics and logs from every node.")
    assert ("CONCEPT", "logging") in got and ("CONCEPT", "tracing") in got
    assert not any(name == "metrics" for _, name in got)


def test_logs_and_traces_outside_a_signal_list_are_records(ex):
    got = found(ex, "Notes", "Audit logs, streams and queues grew; the agent keeps sampled traces.")
    assert ("CONCEPT", "logging") not in got and ("CONCEPT", "tracing") not in got


def test_a_verb_gerund_opening_a_clause_is_not_part_of_the_idea(ex):
    got = found(ex, "Notes", "It extends the warehouse by making continuous ingestion the default.")
    assert ("CONCEPT", "making continuous ingestion") not in got
    got = found(ex, "Notes", "Best practices: preventing address spoofing at the edge.")
    assert not any(name.startswith("preventing ") for _, name in got)


def test_engineering_words_that_are_also_english_need_no_support(ex):
    # concurrency, indexing and backdoor name one idea each in engineering writing
    got = found(ex, "Notes", "The talk covers concurrency, indexing and a backdoor in a library.")
    for name in ("concurrency", "indexing", "backdoor"):
        assert ("CONCEPT", name) in got, name


def test_a_field_acronym_heads_its_phrase_or_modifies_the_next_noun(ex):
    got = found(ex, "Notes", "Teams use AI to review code for trustworthy AI.")
    assert ("CONCEPT", "artificial intelligence") in got
    got = found(ex, "Notes", "They schedule AI workloads on shared GPUs.")
    assert ("CONCEPT", "artificial intelligence") not in got


def test_cloud_in_front_of_a_curated_term_is_no_umbrella_field(ex):
    got = found(ex, "Notes", "They moved backups to cloud storage and reviewed cloud security.")
    assert ("CONCEPT", "cloud storage") in got and ("CONCEPT", "cloud security") in got
    got = found(ex, "Notes", "They rebuilt their data infrastructure.")
    assert ("CONCEPT", "data infrastructure") not in got


def test_a_curated_name_written_closed_or_open_is_still_its_own_name(ex):
    got = found(ex, "Realtime Analytics at scale", "They serve real time analytics.")
    assert ("CONCEPT", "real-time analytics") in got


def test_the_security_of_a_thing_keeps_its_head(ex):
    got = found(
        ex, "Notes", "Teams secure the software supply-chain with software supply chain security."
    )
    assert {
        ("CONCEPT", "software supply chain"),
        ("CONCEPT", "software supply chain security"),
    } <= got


def test_established_security_and_concurrency_terms(ex):
    got = found(ex, "Notes", "A trojan horse hid after a cyberattack; thread safety matters.")
    for name in ("trojan horse", "cyberattack", "thread safety"):
        assert ("CONCEPT", name) in got, name


def test_a_kind_of_technology_is_no_concept(ex):
    got = found(ex, "Notes", "The survey compares storage technologies for user-facing apps.")
    assert not any(t == "CONCEPT" and "technolog" in name for t, name in got), got


def test_architecture_styles_keep_their_head(ex):
    got = found(
        ex, "Notes", "They moved to a serverless architecture and a thread-per-core design."
    )
    assert ("CONCEPT", "serverless architecture") in got
    assert ("CONCEPT", "thread-per-core architecture") in got


def test_a_verb_before_a_mined_idea_is_no_part_of_it(ex):
    got = found(ex, "How we built network isolation", "Teams built network isolation for tenants.")
    assert not any(name.startswith("built ") for _, name in got), got


def test_security_news_terms(ex):
    got = found(
        ex,
        "Notes",
        "A DoS and a ransomware attack hit; a zero-click exploit beat antivirus software.",
    )
    for name in (
        "denial-of-service attack",
        "ransomware attack",
        "zero-click exploit",
        "antivirus software",
    ):
        assert ("CONCEPT", name) in got, name
    got = found(ex, "Notes", "They absorbed DDoS attacks.")
    assert ("CONCEPT", "distributed denial-of-service attack") in got


def test_curated_architecture_styles_and_container_images(ex):
    got = found(ex, "Clean Architecture in iOS", "They push container images nightly.")
    assert {("CONCEPT", "clean architecture"), ("CONCEPT", "container image")} <= got


def test_experimentation_and_data_model_terms(ex):
    got = found(
        ex,
        "Notes",
        "Monte Carlo simulation backs hypothesis testing; the relational model beats a "
        "non-relational database here.",
    )
    for name in ("Monte Carlo simulation", "hypothesis testing", "relational model"):
        assert ("CONCEPT", name) in got, name
    assert ("CONCEPT", "NoSQL database") in got


def test_shuffle_sharding_is_its_own_technique(ex):
    got = found(ex, "Notes", "Tenants are isolated with shuffle sharding.")
    assert ("CONCEPT", "shuffle sharding") in got and ("CONCEPT", "sharding") not in got


def test_a_related_established_term_keeps_its_own_canonical(ex):
    # entity rules: only inflections, spellings, acronyms and synonyms fold into a neighbour
    got = found(
        ex,
        "Notes",
        "Log aggregation feeds query planning; a linter runs beside the circuit breaker.",
    )
    for name in ("log aggregation", "query planning", "linter", "circuit breaker"):
        assert ("CONCEPT", name) in got, name
    for name in ("logging", "query optimization", "static analysis"):
        assert ("CONCEPT", name) not in got, name


def test_a_thing_and_its_practice_are_two_concepts(ex):
    got = found(ex, "Notes", "Circuit breaking needs a circuit breaker per dependency.")
    assert {("CONCEPT", "circuit breaking"), ("CONCEPT", "circuit breaker")} <= got


def test_an_acronym_is_spelled_out_not_folded_into_its_category(ex):
    got = found(ex, "Notes", "An LRU policy in the IDE plugin.")
    for name in ("least recently used", "integrated development environment"):
        assert ("CONCEPT", name) in got, name


def test_a_size_word_that_opens_the_curated_name_stays(ex):
    # "full" is a vague modifier, but "full text search" is the curated full-text search,
    # not the shorter "text search" concept
    got = found(ex, "Notes", "They replaced full text search with text search on tags.")
    assert {("CONCEPT", "full-text search"), ("CONCEPT", "text search")} <= got


def test_opposites_and_kinds_are_not_folded_into_each_other(ex):
    got = found(
        ex,
        "Notes",
        "Read amplification beats write amplification; a hash join over a star schema.",
    )
    for name in ("read amplification", "write amplification", "hash join", "star schema"):
        assert ("CONCEPT", name) in got, name
    assert ("CONCEPT", "join algorithm") not in got


def test_system_categories_named_by_their_function(ex):
    got = found(
        ex,
        "Notes",
        "The Big Data platform team moved; stores run a point of sale (POS) fleet.",
    )
    for name in ("big data platform", "point-of-sale system"):
        assert ("CONCEPT", name) in got, name
    assert ("CONCEPT", "big data") not in got


def test_publishing_code_as_open_source_is_the_practice_in_any_form(ex):
    # entity rules: participle forms of an established concept are annotated
    got = found(ex, "Open-sourcing Quillbox", "Petrel built and open-sourced Quillbox in 2021.")
    assert ("CONCEPT", "open source") in got


def test_established_delivery_media_and_ml_data_terms(ex):
    got = found(
        ex,
        "Notes",
        "A proof of concept moved live streaming to a KV store; the feature platform does "
        "feature serving, and tail sampling feeds log analysis. Personalized feeds rank "
        "PRs by consumer lag.",
    )
    for name in (
        "proof of concept",
        "live streaming",
        "key-value store",
        "feature platform",
        "feature serving",
        "tail-based sampling",
        "log analysis",
        "personalization",
        "pull request",
        "consumer lag",
    ):
        assert ("CONCEPT", name) in got, name


def test_a_practice_written_as_its_verb_and_object_or_an_ordinal_percentile(ex):
    got = found(
        ex,
        "Notes",
        "We are horizontally scaling the fleet, inject faults and shed load; the "
        "99th-percentile latency fell while the non-human identities were rotated.",
    )
    for name in (
        "horizontal scaling",
        "fault injection",
        "load shedding",
        "p99 latency",
        "non-human identity",
    ):
        assert ("CONCEPT", name) in got, name


def test_a_mobile_apps_size_is_a_metric(ex):
    got = found(ex, "Keeping app size small", "The app size grew by a third this year.")
    assert not any(kind == "CONCEPT" and "size" in name for kind, name in got), got


def test_established_data_ml_and_engineering_practice_terms(ex):
    got = found(
        ex,
        "Notes",
        "Analytics engineering keeps master data; fuzzy matches and feature crosses feed "
        "multi-stage ranking with point-in-time accuracy, behind adaptive concurrency limits, "
        "long-lived branches, a declarative UI and user-space threads.",
    )
    for name in (
        "analytics engineering",
        "master data",
        "fuzzy matching",
        "feature crossing",
        "multi-stage ranking",
        "point-in-time correctness",
        "adaptive concurrency",
        "long-lived branch",
        "declarative UI",
        "user-space thread",
    ):
        assert ("CONCEPT", name) in got, name


def test_other_spellings_of_curated_terms(ex):
    got = found(
        ex,
        "Notes",
        "An auth provider fronts a distributed commit log; a loadbalancer guards against "
        "typo-squatting, and single-flight stops duplicate reads in the lakehouse architecture.",
    )
    for name in (
        "identity provider",
        "distributed log",
        "load balancer",
        "typosquatting",
        "request coalescing",
        "data lakehouse",
    ):
        assert ("CONCEPT", name) in got, name


def test_textbook_build_runtime_and_release_terms(ex):
    got = found(
        ex,
        "Notes",
        "We split the site into micro-frontends, built with PGO, fixed false sharing, ran "
        "mutation testing, shipped a hotfix and chose to roll forward.",
    )
    for name in (
        "micro-frontends",
        "profile-guided optimization",
        "false sharing",
        "mutation testing",
        "hotfix",
        "roll forward",
    ):
        assert ("CONCEPT", name) in got, name
