"""Extraction on text written by others: spelling variants, names typed by context, the
shared entity rules for cloud providers and system categories, and registry names."""

from __future__ import annotations

import json

import pytest

from kgraph.extract import evaluate
from tests.integration.mentions import found

pytestmark = pytest.mark.model


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


def test_established_field_terms_and_their_spellings_are_concepts(ex):
    got = found(
        ex,
        "Notes",
        "Security champions stopped secret leaks; the transaction log moved to hot storage, "
        "and last-mile delivery ETAs improved after lifting and shifting the RecSys.",
    )
    for name in (
        "security champion",
        "secret leak",
        "transaction log",
        "hot storage",
        "last-mile delivery",
        "estimated time of arrival",
        "lift and shift",
        "recommender system",
    ):
        assert ("CONCEPT", name) in got, name


def test_a_british_spelling_of_a_curated_term_made_of_generic_words_is_kept(ex):
    got = found(ex, "Cost Optimisation in Practice", "We did cost optimisation on Kafka.")
    assert ("CONCEPT", "cost optimization") in got


def test_system_categories_are_concepts(ex):
    got = found(ex, "Notes", "A data platform feeds the data pipeline through a proxy and a cache.")
    assert {("CONCEPT", "data platform"), ("CONCEPT", "data pipeline")} <= got
    # A bare "proxy" is the established term's synonym (entity rules): proxy server.
    assert ("CONCEPT", "proxy server") in got and ("CONCEPT", "cache") in got


def test_a_company_described_as_a_system_is_a_technology(ex):
    got = found(ex, "Load balancing", "We run Robinhood, our in-house load balancing service.")
    assert ("TECHNOLOGY", "Robinhood") in got and ("COMPANY", "Robinhood") not in got
    assert ("COMPANY", "Robinhood") in found(ex, "Notes", "Engineers at Robinhood use Kafka.")
    # A business saying what it runs, or the organisation a CEO leads, stays the company.
    text = "Twitter is a global real-time communications platform that processes events."
    assert ("COMPANY", "Twitter") in found(ex, "Notes", text)
    text = "I speak with Dana Okafor, CEO of Vercel, a platform for distributed applications."
    assert ("COMPANY", "Vercel") in found(ex, "Notes", text)


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


def test_named_algorithms_are_technologies_and_techniques_concepts(ex):
    got = found(ex, "Consensus notes", "Raft and Paxos order the log; an HNSW index serves search.")
    assert {("TECHNOLOGY", "Raft"), ("TECHNOLOGY", "Paxos"), ("TECHNOLOGY", "HNSW")} <= got
    assert ("CONCEPT", "Raft") not in got


def test_spellings_of_concepts_with_capitals(ex):
    got = found(ex, "Notes", "Paged KV-cache, B-trees, bloom filters and distributed-systems work.")
    assert {("CONCEPT", "KV cache"), ("CONCEPT", "B-tree"), ("CONCEPT", "Bloom filter")} <= got
    assert ("CONCEPT", "distributed system") in got


def test_a_percentile_names_its_latency_across_words_and_on_its_own(ex):
    # The rules annotate "P999s" as p999 latency; a word or two may say which latency, and
    # "response time" or a serving latency's acronym is the latency too.
    mentions = ex.extract_text(
        "Notes",
        "70% lower P99 latency. The p99 fell, as did the p95 read latency, the p90 "
        "end-to-end latency, the P50 response time and the P99 TTFT.",
    )
    assert [(m.text, m.canonical) for m in mentions] == [
        ("P99 latency", "p99 latency"),
        ("p99", "p99 latency"),
        ("p95 read latency", "p95 latency"),
        ("p90 end-to-end latency", "p90 latency"),
        ("P50 response time", "p50 latency"),
        ("P99 TTFT", "p99 latency"),
    ]


def test_a_percentile_before_a_capitalised_name_word_is_no_latency(ex):
    got = found(ex, "Notes", "Talks at P99 CONF covered the p99 latency of queues.")
    assert {c for t, c in got if t == "CONCEPT"} == {"p99 latency"}


def test_n_nines_availability_is_a_concept_but_bare_nines_is_not(ex):
    mentions = ex.extract_text(
        "Notes", "Five nines is extreme; four nines availability is not. The nines."
    )
    assert [(m.text, m.canonical) for m in mentions] == [
        ("Five nines", "five nines availability"),
        ("four nines availability", "four nines availability"),
    ]


def test_n_nines_written_with_digits(ex):
    mentions = ex.extract_text(
        "Notes", "We reached five 9\u2019s, then four 9s availability; it took five 9 ms."
    )
    assert [(m.text, m.canonical) for m in mentions] == [
        ("five 9\u2019s", "five nines availability"),
        ("four 9s availability", "four nines availability"),
    ]


def test_a_concept_naming_a_team_s_discipline_is_kept(ex):
    got = found(ex, "Notes", "GitHub\u2019s platform engineering team and the SRE team met.")
    assert {("CONCEPT", "platform engineering"), ("CONCEPT", "site reliability engineering")} <= got


def test_a_mined_phrase_does_not_open_with_a_list_participle_or_based(ex):
    mentions = ex.extract_text(
        "Notes", "A Rust based ingestion service, including model gateways and prompt caches."
    )
    texts = [m.text for m in mentions if m.type == "CONCEPT"]
    assert "model gateways" in texts
    assert not any(t.startswith(("including", "based")) for t in texts)


def test_variants_and_adjectives_that_name_no_concept(ex):
    got = found(ex, "Notes", "A stateful, copy-on-write filesystem on two filesystems.")
    assert ("CONCEPT", "file system") in got
    assert ("CONCEPT", "stateful service") not in got


def test_a_known_company_with_capitalised_words_after_it_is_one_product_name(ex):
    got = found(ex, "Notes", "The Uber Eats system serves images; they reached Google Suite.")
    assert {("TECHNOLOGY", "Uber Eats"), ("TECHNOLOGY", "Google Suite")} <= got
    assert ("COMPANY", "Uber") not in got
    # A possessive breaks the name; a headline's capitals say nothing.
    assert ("COMPANY", "Amazon") in found(ex, "Notes", "It is Amazon's Prime Video team.")
    assert ("COMPANY", "Uber") in found(ex, "Deduping And Storing Images At Uber Eats")


def test_headline_capitals_and_generic_acronyms_are_not_names(ex):
    got = found(ex, "How Uber Executed a JUnit Migration at Massive Scale", "")
    assert ("COMPANY", "Massive") not in got and ("COMPANY", "Uber") in got
    assert not any(c == "Time" for _, c in found(ex, "Uber Halved Go Monorepo CI Build Time"))
    got = found(ex, "Notes", "Clients fetch the URL from their ISPs.")
    assert not any(c in ("URL", "ISPs") for _, c in got)
    # A rate, a degree, building equipment and a country's short form name no product.
    got = found(
        ex,
        "Notes",
        "The editor keeps 60 FPS. She holds a PhD. The HVAC vendor was breached. "
        "Driven by the U.S. chip embargo, the team built Xatastor during the COVID-19 pandemic.",
    )
    names = {c for t, c in got if t == "TECHNOLOGY"}
    assert not names & {"FPS", "PhD", "HVAC", "U.S.", "COVID-19"}


def test_a_trademark_sign_is_not_part_of_a_name(ex):
    got = ex.extract_text("Notes", "The team computes Xatastores® nightly with Kafka®.")
    assert {m.text for m in got} >= {"Xatastores", "Kafka"}
    assert not any(m.canonical.endswith("®") for m in got)


def test_lower_case_and_odd_names_from_shape_and_context(ex):
    got = found(
        ex,
        "Open sourcing h3i: a command line tool",
        "It is part of Cloudflare's quiche project. We rewrote cf-html, which is an NGINX "
        "module, and ran pg_repack. Nautilus is our search engine.",
    )
    for name in ("h3i", "quiche", "cf-html", "pg_repack", "Nautilus"):
        assert ("TECHNOLOGY", name) in got, name
    # Measures, percentiles, lists and a business domain are not names.
    got = found(
        ex,
        "Notes",
        "Reads take sub-25ms at p99. It places keys, a proxy that hides shards. "
        "Walmart's inventory system grew.",
    )
    assert not {c for t, c in got if t == "TECHNOLOGY"} & {"sub-25ms", "p99", "keys", "inventory"}


def test_the_concept_miner_needs_a_domain_head_or_support(ex):
    got = found(ex, "Notes", "We added trace propagation to every distributed scheduler.")
    assert {("CONCEPT", "trace propagation"), ("CONCEPT", "distributed scheduler")} <= got
    got = found(ex, "Notes", "The team improved code examples and operational complexity.")
    assert not any(
        t == "CONCEPT" and c in ("code example", "operational complexity") for t, c in got
    )


def test_component_and_practice_heads_make_mined_concepts(ex):
    # A system component (processor, router, registry, feed) or a practice (ranking,
    # reconciliation, matching) after a modifier from the concept vocabulary names an idea.
    got = found(ex, "Notes", "Logs go from the log processor to a private registry.")
    assert {("CONCEPT", "log processor"), ("CONCEPT", "private registry")} <= got
    # A known component word takes its modifier ("router" is an entry of its own); a
    # technique keeps its bare name, and a property modifier is no kind.
    got = found(ex, "Notes", "It began as a high-performance log router with smart batching.")
    assert {("CONCEPT", "log router"), ("CONCEPT", "batching")} <= got
    got = found(ex, "Notes", "Priority tiers drive tier-aware shedding in the proxy.")
    assert not any("tier-aware" in c for _, c in got)


def test_graph_scanning_and_attack_heads_make_mined_concepts(ex):
    # A dependency graph, a kind of scanning or of attack is an idea when its modifier comes
    # from the concept vocabulary, on its first mention.
    got = found(ex, "Notes", "The build reads the dependency graph and runs code scanning.")
    assert {("CONCEPT", "dependency graph"), ("CONCEPT", "code scanning")} <= got
    got = found(ex, "Notes", "The gateway blocks the amplification attack.")
    assert ("CONCEPT", "amplification attack") in got


def test_jargon_field_terms_of_one_word_need_no_support(ex):
    # A one-word field term that is no English word names its term on its own; its one-word
    # form no longer makes the longer term ask for support.
    got = found(ex, "Notes", "The campaign used spearphishing and dropped a rootkit.")
    assert {("CONCEPT", "spear phishing"), ("CONCEPT", "rootkit")} <= got


def test_field_terms_from_glossaries_and_the_curated_files(ex):
    # A field-glossary term (registry) is reported on its first mention.
    got = found(ex, "Notes", "Attackers tried credential stuffing against the login page.")
    assert ("CONCEPT", "credential stuffing") in got
    # Curated field terms, with their short forms, plurals and the rules' canonical names.
    got = found(
        ex, "Notes", "Writes land in memtables and are flushed to SSTables; the GIL limits us."
    )
    assert {
        ("CONCEPT", "memtable"),
        ("CONCEPT", "SSTable"),
        ("CONCEPT", "global interpreter lock"),
    } <= got
    got = found(ex, "Notes", "They split the monolith into microservices.")
    assert {("CONCEPT", "monolithic architecture"), ("CONCEPT", "microservices")} <= got


def test_established_terms_keep_their_size_word_and_platform_head(ex):
    got = found(ex, "Notes", "The team serves large language models from its new ML platform.")
    assert {("CONCEPT", "large language model"), ("CONCEPT", "machine learning platform")} <= got
    assert ("CONCEPT", "machine learning") not in got
    # A vague word in front of a term the ontology lists without it is still dropped.
    got = found(ex, "Notes", "It adds intelligent load balancing across zones.")
    assert ("CONCEPT", "load balancing") in got


def test_a_role_after_an_unknown_name_makes_it_an_organisation(ex):
    got = found(
        ex, "Notes", "Tidewell software engineer Dana Okafor explores how to run Apache Flink."
    )
    assert ("COMPANY", "Tidewell") in got and ("TECHNOLOGY", "Tidewell") not in got


def test_a_leader_partner_business_or_company_list_makes_an_unknown_name_a_company(ex):
    got = found(ex, "Notes", "Dana Okafor, CTO of Quorvix.io, explains why they run Kafka.")
    assert ("COMPANY", "Quorvix.io") in got and ("TECHNOLOGY", "Quorvix.io") not in got
    got = found(ex, "Notes", "The travel site partnered with Blue Lemon Digital on its pipelines.")
    assert ("COMPANY", "Blue Lemon Digital") in got
    got = found(
        ex, "Notes", "Last year Zorblet, the largest online pet marketplace, moved to PostgreSQL."
    )
    assert ("COMPANY", "Zorblet") in got
    got = found(ex, "Notes", "We summarised talks by Airbnb, Bloomberg, Quorvix, and Slack.")
    assert ("COMPANY", "Quorvix") in got
    got = found(ex, "Notes", "In January, Quorvix analysts observed a drop in Telnet traffic.")
    assert ("COMPANY", "Quorvix") in got
    # A speaker's employer ends the byline; a name the sentence goes on from is its subject.
    got = found(ex, "Notes", "A talk by Maria Lopez (Zorbex) on Kafka.")
    assert ("COMPANY", "Zorbex") in got
    got = found(ex, "Notes", "Presented by Peter Morgan, Quorvix.io reimagines event streaming.")
    assert ("COMPANY", "Quorvix.io") not in got


def test_a_sentence_starting_with_an_organisation_verb_names_a_company(ex):
    got = found(ex, "Notes", "Quorvant adopted blue/green deployments for its MySQL upgrades.")
    assert ("COMPANY", "Quorvant") in got
    got = found(ex, "Notes", "How the now-defunct Tessari rewrote their API in Go.")
    assert ("COMPANY", "Tessari") in got
    # An author's verb alone does not make an unknown word a name (a person writes too).
    got = found(ex, "Notes", "tl;dr: Suman describes the architecture of the tracing system.")
    assert not {name for kind, name in got if kind in ("COMPANY", "TECHNOLOGY")}


def test_percentile_latencies_in_any_case_are_concepts(ex):
    got = found(ex, "Notes", "Divide short-term P95 latency by the p50 latencies of the week.")
    assert {("CONCEPT", "p95 latency"), ("CONCEPT", "p50 latency")} <= got
    assert ("CONCEPT", "p95") not in got


def test_a_newsletter_issue_name_as_title_gives_no_mentions(ex):
    mentions = ex.extract_text("SRE Weekly Issue #485", "Dropbox shares its fleet rollout.")
    assert {m.field for m in mentions} == {"summary"}
    assert ("COMPANY", "Dropbox") in {(m.type, m.canonical) for m in mentions}
    # A title that says what the item is about is read as usual.
    got = found(ex, "Real-World Engineering Challenges #6: Kafka Migrations")
    assert ("TECHNOLOGY", "Apache Kafka") in got


def test_a_headline_names_an_ambiguous_word_after_a_small_lower_case_cue(ex):
    got = found(ex, "Event Sourcing and Stream Processing Pipelines at Grab")
    assert ("COMPANY", "Grab") in got
    got = found(ex, "Building a Distributed Rate Limiter in Go")
    assert ("TECHNOLOGY", "Go") in got
    # Capitalised alone, as every headline word is, it is still a plain word.
    assert ("TECHNOLOGY", "Go") not in found(ex, "Go Big On Caching")


def test_database_glossary_terms_are_concepts(ex):
    got = found(ex, "Notes", "A window function over a partitioned table, keyed by a primary key.")
    assert {
        ("CONCEPT", "window function"),
        ("CONCEPT", "partitioned table"),
        ("CONCEPT", "primary key"),
    } <= got


def test_names_with_a_lower_case_prefix_or_in_brackets_after_their_kind(ex):
    got = found(ex, "Notes", "Uber open-sourced their uForwarder consumer proxy for Kafka.")
    assert ("TECHNOLOGY", "uForwarder") in got
    # The "electronic" e of ordinary words is not such a prefix.
    got = found(ex, "Notes", "The eCommerce checkout runs on Kafka.")
    assert not {name for kind, name in got if name == "eCommerce"}
    got = found(ex, "Notes", "They built a versioned evaluation platform (Braintrust) for runs.")
    assert ("TECHNOLOGY", "Braintrust") in got


class _CountingNER:
    """Stands between discovery and the real NER, recording the sentences it is given."""

    def __init__(self, nlp):
        self.nlp, self.sentences = nlp, []

    @property
    def component_names(self):
        return self.nlp.component_names

    def get_pipe(self, name):
        real = self.nlp.get_pipe(name)
        counter = self

        class Recording:
            def pipe(self, docs, **kwargs):
                docs = list(docs)
                counter.sentences += [d.text for d in docs]
                return real.pipe(docs, **kwargs)

        return Recording()


@pytest.fixture
def counting(ex, monkeypatch):
    """What the NER is given, recorded while the test runs."""
    discovery = ex.nlp.get_pipe("kgraph_discovery")
    recorder = _CountingNER(discovery.nlp)
    monkeypatch.setattr(discovery, "nlp", recorder)
    return recorder


def test_the_ner_reads_only_sentences_that_can_hold_a_new_name(ex, counting):
    summary = (
        "Scaling the cache layer took a year. Engineers moved the queue to Kafka. "
        "Brooklin mirrors data between clusters."
    )
    got = found(ex, "Lessons from sharding", summary)
    # Openers that are ordinary English words ("Scaling", "Engineers", "Lessons") and known
    # names do not call the NER; an unknown name opening a sentence still does.
    assert counting.sentences == ["Brooklin mirrors data between clusters."]
    assert ("TECHNOLOGY", "Brooklin") in got and ("TECHNOLOGY", "Apache Kafka") in got


def test_a_headline_of_ordinary_words_is_not_read_by_the_ner(ex, counting):
    found(ex, "Lessons From Scaling Our Search Platform To Millions", "")
    assert counting.sentences == []  # in a headline every word is capitalised
    found(ex, "Lessons From Scaling Brooklin Across Regions", "")
    assert counting.sentences == ["Lessons From Scaling Brooklin Across Regions"]


def test_the_ner_reads_a_window_around_an_unknown_name_not_the_whole_sentence(ex, counting):
    summary = (
        "Over the last two quarters the platform group slowly moved every nightly batch job "
        "and most of the streaming work over to Brooklin, which then ran for months without "
        "a single page to the people on call."
    )
    got = found(ex, "Notes", summary)
    (window,) = counting.sentences
    # eight tokens on each side of the name ("," is one)
    assert (
        window.strip()
        == "and most of the streaming work over to Brooklin, which then ran for months without a"
    )
    assert ("TECHNOLOGY", "Brooklin") in got


def test_english_words_come_from_the_base_models_lemma_lists():
    from kgraph.extract.english import english_words, is_english_word

    assert len(english_words()) > 50_000
    for word in ("Scaling", "Engineers", "Lessons", "Rethinking", "Shipped", "Deploys"):
        assert is_english_word(word), word
    for name in ("Brooklin", "Kubernetes", "Grafana", "Datadog", "Vercel"):
        assert not is_english_word(name), name


def test_a_sentence_opening_with_a_name_and_its_people_names_a_company(ex):
    got = found(ex, "Notes", "Decodable software engineer Dana Okafor explores the build.")
    assert ("COMPANY", "Decodable") in got


def test_a_short_alias_does_not_cut_its_own_entrys_full_name(ex):
    got = found(ex, "Notes", "They run a sophisticated staging environment for new code.")
    assert ("CONCEPT", "staging environment") in got
    # A shorter core that is another idea still wins (the shortest idea rule).
    got = found(ex, "Notes", "We moved durable execution engines to Temporal.")
    assert ("CONCEPT", "durable execution") in got


def test_a_system_category_keeps_the_head_that_settles_a_loose_word(ex):
    # "messaging" alone is read as asynchronous messaging: the curated "messaging system"
    # is a system category of its own.
    got = found(ex, "Notes", "They built a messaging system and a faster inference engine.")
    assert ("CONCEPT", "messaging system") in got
    assert ("CONCEPT", "asynchronous messaging") not in got
    # A bare word that is itself the concept keeps the minimal head (alerting); an engine is
    # a system category (entity rules: "search engine"), so after one loose word the curated
    # category stays, singular or plural.
    got = found(ex, "Notes", "They rebuilt the alerting system around SLOs.")
    assert ("CONCEPT", "alerting") in got
    assert ("CONCEPT", "alerting system") not in got
    got = found(ex, "Notes", "They built a faster inference engine.")
    assert ("CONCEPT", "inference engine") in got and ("CONCEPT", "inference") not in got
    got = found(ex, "Notes", "Kernels, compute capacity and inference engines all matter.")
    assert ("CONCEPT", "inference engine") in got
    # An architecture style keeps its head, like a platform named for its function.
    got = found(ex, "Notes", "Teams moved to cloud-native architectures; cloud native wins.")
    assert {("CONCEPT", "cloud-native architecture"), ("CONCEPT", "cloud-native")} <= got


def test_a_curated_name_made_of_generic_words_is_kept(ex):
    got = found(ex, "Practical API Design at Netflix", "Notes on testing frameworks.")
    assert ("CONCEPT", "API design") in got
    # An umbrella field in front stays generic ("software engineering"), except the terms the
    # annotated summaries name as concepts in most of their uses ("data engineering").
    got = found(ex, "Notes", "Their software engineering group grew.")
    assert ("CONCEPT", "software engineering") not in got
    got = found(ex, "Notes", "Their data engineering group grew; system design matters.")
    assert {("CONCEPT", "data engineering"), ("CONCEPT", "system design")} <= got


def test_speakers_are_people_not_tools(ex):
    got = found(
        ex,
        "Streaming changes at scale",
        "In this episode, Kevin and Doug explain how Stripe shards its ledger. "
        "Gunnar Morling shows how Debezium streams changes from Postgres.",
    )
    names = {c for _, c in got}
    assert not names & {"Kevin", "Doug", "Gunnar Morling", "Gunnar", "Morling"}
    assert {("COMPANY", "Stripe"), ("TECHNOLOGY", "Debezium")} <= got


def test_generic_data_activities_are_not_concepts(ex):
    got = found(
        ex, "Notes", "Teams moved data processing and data management onto a data pipeline."
    )
    assert ("CONCEPT", "data pipeline") in got
    assert not {c for _, c in got} & {"data processing", "data management"}
    # Umbrella words beside "algorithm", and phrases that only say a change needed no outage.
    got = found(
        ex,
        "Notes",
        "A data structure for data ingestion, upgraded without downtime on a fully managed stack.",
    )
    banned = {"data structure", "data ingestion", "zero-downtime operation"}
    assert not {c for _, c in got} & (banned | {"managed service"})


def test_established_systems_and_data_terms_are_concepts(ex):
    got = found(
        ex,
        "Notes",
        "Each syscall leaves user space; the metastore keeps deletion vectors and column "
        "statistics, and state stores back the build pipelines our platform teams run on-prem.",
    )
    assert {
        ("CONCEPT", "system call"),
        ("CONCEPT", "user space"),
        ("CONCEPT", "metastore"),
        ("CONCEPT", "deletion vector"),
        ("CONCEPT", "column statistics"),
        ("CONCEPT", "state store"),
        ("CONCEPT", "build pipeline"),
        ("CONCEPT", "platform team"),
        ("CONCEPT", "on-premises"),
    } <= got


def test_monitoring_is_a_concept_as_a_noun_not_as_a_verb(ex):
    got = found(ex, "Notes", "The rollout needed careful planning and proactive monitoring.")
    assert ("CONCEPT", "monitoring") in got
    got = found(ex, "Monitoring big data pipelines", "Exploring and monitoring microservices.")
    assert ("CONCEPT", "monitoring") not in got
    got = found(ex, "Notes", "Canva built a monitoring system around its warehouse.")
    assert ("CONCEPT", "monitoring") not in got


def test_the_kind_of_team_is_a_concept_but_one_companys_team_is_not(ex):
    got = found(ex, "Notes", "Failures alert the platform team; platform teams own the paved road.")
    assert ("CONCEPT", "platform team") in got
    for text in ("Zalando's platform team runs it.", "The platform team at Zalando runs it."):
        assert ("CONCEPT", "platform team") not in found(ex, "Notes", text)


def test_an_acronym_of_a_concept_the_post_names_is_that_concept(ex):
    summary = "DR is the safety net for large disasters; this covers disaster recovery."
    got = {(m.text, m.type, m.canonical) for m in ex.extract_text("Notes", summary)}
    assert ("DR", "CONCEPT", "disaster recovery") in got
    # Initials come from the words the post writes: one word ("staging") spells nothing.
    summary = "Operational fit: staging, purge rules. SE coverage matters."
    assert not [m for m in ex.extract_text("Notes", summary) if m.text == "SE"]


def test_plural_acronyms_of_concepts_are_the_spelled_out_concept(ex):
    got = {(m.text, m.type, m.canonical) for m in ex.extract_text("Notes", "We audited ACLs.")}
    assert ("ACLs", "CONCEPT", "access control list") in got


def test_failure_modes_and_disciplines_are_mined(ex):
    got = found(ex, "Notes", "After the upgrade we hit index bloat and thread starvation.")
    assert {("CONCEPT", "index bloat"), ("CONCEPT", "thread starvation")} <= got
    got = found(ex, "Notes", "They adopted resilience engineering and proactive monitoring.")
    assert ("CONCEPT", "resilience engineering") in got
    assert ("CONCEPT", "proactive monitoring") not in got


def test_a_registry_term_does_not_cut_a_curated_concept(ex):
    # A metric's name is no concept (entity rules), and the glossary's shorter registry term
    # does not stand in for it; the cache itself is still named.
    got = found(ex, "Notes", "The team reached a high cache hit rate after the change.")
    assert ("CONCEPT", "cache hit ratio") not in got and ("CONCEPT", "cache hit") not in got
    assert ("CONCEPT", "cache") in got


def test_an_alert_is_a_message_and_alerting_the_practice(ex):
    got = {
        (m.text, m.canonical)
        for m in ex.extract_text("Notes", "Alerts go to Slack; alerting pages on-call.")
    }
    assert ("alerting", "alerting") in got
    assert not [t for t, _ in got if t.lower().startswith("alert") and t != "alerting"]


def test_established_reliability_terms(ex):
    summary = (
        "A status page and checksums caught silent data corruption; the incident report followed."
    )
    got = found(ex, "Notes", summary)
    assert {
        ("CONCEPT", "status page"),
        ("CONCEPT", "checksum"),
        ("CONCEPT", "silent data corruption"),
        ("CONCEPT", "postmortem"),
    } <= got


def test_category_acronyms_are_spelled_out_concepts(ex):
    got = found(ex, "Notes", "Staff reach the SIEM; TTLs expire cache keys.")
    assert {
        ("CONCEPT", "security information and event management"),
        ("CONCEPT", "time to live"),
        ("CONCEPT", "cache key"),
    } <= got
    assert ("CONCEPT", "distributed denial-of-service attack") in found(
        ex, "Notes", "A DDoS hit the edge."
    )
    # Generic hardware and protocols are spelled out too; a language keeps its acronym.
    got = found(ex, "Notes", "GPUs and SSDs serve HTTP and DNS traffic; TCP and SQL stay.")
    assert {
        ("TECHNOLOGY", "graphics processing unit"),
        ("TECHNOLOGY", "solid-state drive"),
        ("TECHNOLOGY", "Hypertext Transfer Protocol"),
        ("TECHNOLOGY", "Domain Name System"),
        ("TECHNOLOGY", "TCP"),
        ("TECHNOLOGY", "SQL"),
    } <= got


def test_chat_role_and_period_abbreviations_are_not_names(ex):
    got = found(ex, "Notes", "A DIY approach let each DBA cut costs 20% YoY, LOL, across VMs.")
    names = {name for type_, name in got if type_ != "CONCEPT"}
    assert not names & {"DIY", "DBA", "YoY", "LOL", "VMs", "VM"}


def test_a_nationality_is_not_a_name(ex):
    got = found(ex, "Notes", "Eventual consistency may sound different to German speakers.")
    assert not any(name == "German" for _, name in got)


def test_a_plain_word_name_inside_a_longer_capitalised_name_is_not_that_name(ex):
    # Self (a language) and Pickle (a format) are registry names that are English words.
    got = found(ex, "Notes", "Read more on The Last Pickle blog about Kafka Self-Serve.")
    assert ("TECHNOLOGY", "Pickle") not in got and ("TECHNOLOGY", "Self") not in got


def test_a_known_product_followed_by_capitalised_words_is_one_product(ex):
    got = found(ex, "Notes", "To fix this, we developed Kafka Self-Serve, our storage platform.")
    assert ("TECHNOLOGY", "Kafka Self-Serve") in got


def test_an_ambiguous_company_opening_a_sentence_and_acting_is_the_company(ex):
    got = found(ex, "Weekly notes", "Grab has seen cache writes race. This explains the fix.")
    assert ("COMPANY", "Grab") in got
    got = found(ex, "Weekly notes", "Grab the handle and turn it. Then it opens.")
    assert ("COMPANY", "Grab") not in got


def test_releasing_and_sharing_work_makes_an_unknown_name_a_company(ex):
    got = found(ex, "Notes", "Zorvane has released the core of its branching engine.")
    assert ("COMPANY", "Zorvane") in got


def test_capitalised_dictionary_words_inside_a_sentence_are_a_name(ex):
    summary = "Pulled from the Quiet Harbor Archive, here is a story of how a team rewrote its API."
    got = found(ex, "Notes", summary)
    assert any(name == "Quiet Harbor Archive" for _, name in got)
    # half of a hyphenated name is not a name; nor is an event
    got = found(ex, "Notes", "It uses Semi-Quiet Harbor ideas and streamed the World Cup to users.")
    names = {name for _, name in got}
    assert "Quiet Harbor" not in names and "World Cup" not in names


def test_an_institution_word_ends_an_organisation_name(ex):
    got = found(ex, "Notes", "The Lumen Foundation report covers Kafka tuning.")
    assert ("COMPANY", "Lumen Foundation") in got


def test_a_setting_or_field_in_snake_case_plain_words_is_not_a_name(ex):
    got = found(ex, "Notes", "Raise max_connections and shared_buffers, then run pg_dump nightly.")
    names = {name for _, name in got}
    assert "max_connections" not in names and "shared_buffers" not in names
    assert ("TECHNOLOGY", "pg_dump") in got


def test_foundations_and_standards_bodies_are_organisations(ex):
    got = found(ex, "Notes", "They donated it to the Apache Software Foundation Incubator.")
    assert ("COMPANY", "Apache Software Foundation") in got
    got = found(ex, "Notes", "Teams follow updated NIST guidance on passwords.")
    assert ("COMPANY", "National Institute of Standards and Technology") in got


def test_a_service_company_used_as_a_tool_is_a_technology_its_people_keep_the_company(ex):
    got = found(ex, "Notes", "Incident alerts go straight to Slack.")
    assert ("TECHNOLOGY", "Slack") in got
    got = found(ex, "Notes", "We compared notes with Slack engineers.")
    assert ("COMPANY", "Slack") in got and ("TECHNOLOGY", "Slack") not in got


def test_metrics_are_not_names(ex):
    got = found(
        ex,
        "Improving LCP and INP at Shopify",
        "We cut TTFB by 40% and improved Core Web Vitals; TPOT fell.",
    )
    assert {name for t, name in got if t != "CONCEPT"} == {"Shopify"}
    # The named web-performance metrics are established concepts, as the annotated posts
    # name them; an unknown metric acronym is nothing.
    assert {name for t, name in got if t == "CONCEPT"} == {
        "Largest Contentful Paint",
        "Interaction to Next Paint",
        "time to first byte",
        "Core Web Vitals",
    }


def test_job_titles_and_proposal_ids_are_not_names(ex):
    got = found(
        ex,
        "Notes",
        "Mira Tanaka, Principal Architect at Shopify, walks through KEP-1287 and the KEP "
        "process. Ravi Osei, Chief Technology Officer at Shopify, lets Domain Experts "
        "(DEs) write the rules.",
    )
    names = {name for _, name in got}
    assert not names & {"Principal Architect", "KEP-1287", "KEP", "Chief Technology Officer"}
    assert not names & {"Domain Experts"}


def test_bracket_fragments_places_and_edition_codes_are_not_names(ex):
    got = found(
        ex,
        "Velocon SEA 2025 - Stateful Apps Go with the (Data)Flow",
        "We rebuilt our Cassandra(C*) ring. As one of Asia's largest brokers we serve "
        "many traders.",
    )
    names = {name for _, name in got}
    assert not any("(" in n or ")" in n for n in names)
    assert not names & {"SEA", "Asia"}


def test_an_ordinary_word_opening_a_sentence_or_bullet_is_no_name(ex):
    got = found(
        ex,
        "Notes",
        "• Notable outages: the cache stampede of 2023.\n"
        "• Supply chain attacks target package registries.\n"
        'A talk titled "Graceful Regret" closed the day.',
    )
    names = {name for _, name in got}
    assert not names & {"Notable", "Supply", "Graceful Regret"}


def test_sql_statements_devices_and_zone_acronyms(ex):
    got = found(
        ex,
        "Notes",
        "A nightly MERGE and an ALTER TABLE ran on Smart TVs and PCs. Replicas span three AZs.",
    )
    names = {name for _, name in got}
    assert not names & {"MERGE", "ALTER TABLE", "TVs", "PCs", "AZs"}
    assert ("CONCEPT", "availability zone") in got


def test_roles_events_and_plain_phrases_do_not_extend_or_make_names(ex):
    got = found(
        ex,
        "Notes",
        "We asked the Shopify CREs on call, then ran the Spotify Wrapped Campaign again. "
        "Stale Reads, slow scans and hot keys hurt the metadata store. Gaming PCs ran it.",
    )
    names = {name for _, name in got}
    assert not names & {"Shopify CREs", "Spotify Wrapped Campaign", "Stale Reads", "Gaming"}
    assert ("COMPANY", "Shopify") in got


def test_the_organisation_after_a_speakers_name_is_a_company(ex):
    got = found(ex, "Cilium Service Mesh - Thomas Graf, Isovalent")
    assert ("COMPANY", "Isovalent") in got
    got = found(ex, "Scaling Search Indexes - Kevin Moreau, Zorblify")
    assert ("COMPANY", "Zorblify") in got


def test_a_product_named_like_its_maker_is_the_company_when_it_acts(ex):
    got = found(ex, "Iceberg news", "Snowflake ships Iceberg v3 with new catalog writes.")
    assert ("COMPANY", "Snowflake") in got and ("TECHNOLOGY", "Snowflake") not in got
    got = found(ex, "Keynote", "The co-founder of ScyllaDB opened the show.")
    assert ("COMPANY", "ScyllaDB") in got
    got = found(ex, "Notes", "When ClickHouse was released, we migrated our analytics to it.")
    assert ("TECHNOLOGY", "ClickHouse") in got and ("COMPANY", "ClickHouse") not in got
    # one entry per surface: the first mention's type
    got = found(ex, "Snowflake announced Polaris", "Teams store their tables in Snowflake.")
    assert ("COMPANY", "Snowflake") in got and ("TECHNOLOGY", "Snowflake") not in got


def test_a_word_listed_with_known_technologies_is_one(ex):
    got = found(ex, "Notes", "The stack runs on Docker, Mesos, Frobnitz, and Kafka.")
    assert ("TECHNOLOGY", "Frobnitz") in got
    got = found(ex, "Debugging", "We profiled it with BPF, zorbtrace, and Valgrind.")
    assert ("TECHNOLOGY", "zorbtrace") in got
    # a longer name after the list's last comma is not cut to its first word
    got = found(ex, "Notes", "Zero trust with SPIFFE, SPIRE, mTLS, and Continuous Verification.")
    assert ("TECHNOLOGY", "Continuous") not in got
    # an ambiguous known name listed with a technology is a name
    got = found(ex, "Stack", "Uses Ray + DeepSpeed for distributed fine-tuning.")
    assert ("TECHNOLOGY", "Ray") in got


def test_developer_tools_and_client_platforms_are_known(ex):
    got = found(
        ex,
        "Notes",
        "We scaled a Python service with gevent, packaged it with Homebrew and shipped an "
        "Electron app beside Jetpack Compose screens; keys use ML-KEM and X.509 certificates.",
    )
    for name in ("gevent", "Homebrew", "Electron", "Jetpack Compose", "ML-KEM", "X.509"):
        assert ("TECHNOLOGY", name) in got, name


def test_vendors_named_as_tools_or_as_organisations(ex):
    got = found(ex, "Notes", "External services (such as Twilio) add latency.")
    assert ("TECHNOLOGY", "Twilio") in got
    got = found(ex, "Notes", "Industry leaders like Apple, Datadog and Slack tested it.")
    assert ("COMPANY", "Datadog") in got and ("COMPANY", "Slack") in got
    got = found(ex, "Notes", "Prime Video delivers content to millions of customers.")
    assert ("COMPANY", "Prime Video") in got


def test_an_organisation_acting_after_an_apposition(ex):
    got = found(
        ex,
        "Search",
        "Zorbinted, a major e-commerce platform, successfully migrated their search to Vespa.",
    )
    assert ("COMPANY", "Zorbinted") in got


def test_a_name_listed_with_known_companies_is_one_an_apposition_is_not_a_list(ex):
    got = found(ex, "Recap", "This time PayPal and Zorbeetle both took the stage.")
    assert ("COMPANY", "Zorbeetle") in got
    got = found(ex, "Metrics", "Zmetric, Uber's internal metric platform, powers dashboards.")
    assert ("COMPANY", "Zmetric") not in got


def test_google_cloud_services_and_a_service_part_used_as_a_product(ex):
    got = found(ex, "Keynote", "New features for Google Cloud Shell and Google Cloud KMS.")
    assert ("TECHNOLOGY", "Google Cloud Shell") in got
    assert ("TECHNOLOGY", "Cloud Key Management Service") in got
    assert ("TECHNOLOGY", "Slack") in found(ex, "Alerts", "We post alerts to a Slack channel.")


def test_a_plain_word_name_moved_to_or_from_a_known_technology_is_one(ex):
    got = found(ex, "Moving a Billing Service From Java To Rust")
    assert ("TECHNOLOGY", "Rust") in got


def test_products_listed_as_organisations_are_their_makers_units(ex):
    got = found(ex, "Benchmarks", "Browser vendors Chrome, Firefox, and Safari agreed on a test.")
    assert {("COMPANY", "Google Chrome"), ("COMPANY", "Mozilla Firefox")} <= got
    got = found(ex, "Benchmarks", "Most companies use Chrome for testing.")
    assert ("TECHNOLOGY", "Google Chrome") in got


def test_a_registry_term_listed_with_concepts_is_supported(ex):
    listed = "Labels come from active learning, semi-supervised learning, and transfer learning."
    got = found(ex, "Labelling", listed)
    assert {("CONCEPT", "active learning"), ("CONCEPT", "semi-supervised learning")} <= got
    # alone, once, it still needs the post's support
    alone = found(ex, "Labelling", "The demo shows active learning running on TPUs.")
    assert ("CONCEPT", "active learning") not in alone


def test_a_technique_before_a_kind_head_names_the_kind(ex):
    # policy, algorithm and engine are generic alone; after a technique they name its part,
    # and the phrase takes the technique's span
    got = found(ex, "Notes", "Operators tune the routing policies and a new caching engine.")
    assert {("CONCEPT", "routing policy"), ("CONCEPT", "caching engine")} <= got
    assert ("CONCEPT", "routing") not in got
    # other modifiers keep the generic head out
    got = found(ex, "Notes", "Operators tune the pricing algorithm.")
    assert not any(c.endswith("algorithm") for _, c in got)


def test_established_practice_and_task_names_are_concepts(ex):
    got = found(
        ex, "Notes", "We took thread dumps, then did some refactoring for image classification."
    )
    assert {
        ("CONCEPT", "thread dump"),
        ("CONCEPT", "refactoring"),
        ("CONCEPT", "image classification"),
    } <= got
    # a verb and a plural written for the curated term
    got = found(ex, "Notes", "We fine-tune the model and run A/B experiments.")
    assert {("CONCEPT", "fine-tuning"), ("CONCEPT", "A/B testing")} <= got


def test_ordinary_words_titles_and_codes_are_not_names(ex):
    # A run-together list of summary lines: the capitalised verb opens an item.
    got = found(
        ex,
        "Notes",
        "Describes how the compiler caused performance issues in a Java application "
        "Explores the impact of the compiler on CPU spikes",
    )
    assert not any(c == "Explores" for _, c in got)
    got = found(ex, "Mistakes engineers make in large established codebases")
    assert not any(c == "Mistakes" for _, c in got)
    # A noun made from an organisation's verb is no actor: "Key announcements include".
    got = found(
        ex,
        "Notes",
        "The service scales well. Key announcements include dynamic data masking. "
        "Future developments aim to extend these capabilities.",
    )
    assert not any(c in ("Key", "Future") for _, c in got)
    got = found(ex, "Notes", "Tim, a Senior Principal Engineer at Aurora, presents DAT441 today.")
    assert not any(c in ("Senior", "DAT441") for _, c in got)
    got = found(ex, "Notes", "TL;DR: the Netflix Tech Blog describes Kafka.")
    assert not any(c in ("TL;DR", "Netflix Tech Blog") for _, c in got)
    # A plural that ends a known product's name may stand for it.
    got = found(ex, "Rearchitecting the Workflows control plane for the agentic era")
    assert ("TECHNOLOGY", "Workflows") in got
    # The verb "ships" still makes a product named like its maker the maker.
    assert ("COMPANY", "Snowflake") in found(ex, "Snowflake ships Iceberg v3 GA")


def test_a_host_inside_its_yearly_event_is_not_a_mention(ex):
    got = found(ex, "100 Days of Cloud: Microsoft Build 2022", "Notes from the keynote.")
    assert ("COMPANY", "Microsoft") not in got
    assert ("COMPANY", "Microsoft") in found(ex, "Microsoft ships a new release of .NET")


def test_host_names_and_lower_case_git_and_bash_are_names(ex):
    got = found(ex, "Notes", "What does the backend for gitea.com look like?")
    assert ("TECHNOLOGY", "gitea.com") in got
    assert ("COMPANY", "fast.ai") in found(ex, "Notes", "Jeremy Howard from fast.ai explains it.")
    assert not any("example" in c for _, c in found(ex, "Notes", "See example.com for details."))
    got = found(ex, "Notes", "Run your own git server, starting with bash scripts.")
    assert ("TECHNOLOGY", "Git") in got and ("TECHNOLOGY", "Bash") in got


def test_a_person_named_in_full_is_not_a_name_alone_later(ex):
    got = found(
        ex,
        "Notes",
        "In this episode Atita Arora walks through that question from both historical and "
        "practical angles. A long-time contributor to Apache Solr, Atita brings hands-on "
        "experience plus ongoing research into evaluating search.",
    )
    assert not any(c == "Atita" for _, c in got) and ("TECHNOLOGY", "Apache Solr") in got


def test_institutions_are_organisations_among_capitals(ex):
    got = found(
        ex,
        "Notes",
        "Sam Procter a researcher at the Software Engineering Institute of Carnegie Mellon "
        "University discusses Security in Software design.",
    )
    assert ("COMPANY", "Software Engineering Institute") in got
    got = found(
        ex,
        "Notes",
        "He spent 15 years running Google's Open Source Programs Office, and is one of the "
        "directors of the new Open Usage Commons. It launched last week.",
    )
    assert ("COMPANY", "Open Usage Commons") in got


def test_short_versions_and_model_sizes_belong_to_the_surface(ex):
    mentions = ex.extract_text("Upgrades", "We moved to Vite v4 and serve Llama 70B on vLLM.")
    got = {(m.text, m.canonical) for m in mentions}
    assert ("Vite v4", "Vite") in got and ("Llama 70B", "Llama") in got


def test_a_newsletter_named_after_its_subject_is_no_mention(ex):
    mentions = ex.extract_text("This Week in Rust 419", "Rust, Tokio and Serde news.")
    assert not any(m.field == "title" for m in mentions)


def test_countries_and_status_acronyms_are_not_discovered(ex):
    got = found(ex, "Notes", "Norway's agency moved NAV systems. The USA team left it WIP.")
    names = {c for _, c in got}
    assert not names & {"Norway", "USA", "WIP", "USA OSes"}


def test_coined_words_said_to_be_packages_are_technologies(ex):
    got = found(
        ex,
        "Dependency solving",
        "The pubgrub crate solves versions; we also tried static-rc, a crate for shared "
        "ownership. Roshi\u2014a CRDT system built at SoundCloud\u2014serves timelines.",
    )
    assert {("TECHNOLOGY", "pubgrub"), ("TECHNOLOGY", "static-rc"), ("TECHNOLOGY", "Roshi")} <= got
    assert ("TECHNOLOGY", "logging") not in found(ex, "Notes", "The logging crate helps.")


def test_a_coined_word_heading_a_title_names_its_subject(ex):
    got = found(ex, "Pinnability: Machine learning in the home feed")
    assert ("TECHNOLOGY", "Pinnability") in got
    assert not any(c == "Update" for _, c in found(ex, "Update: what we changed"))


def test_a_js_runtime_without_its_suffix_before_a_version_is_the_product(ex):
    mentions = ex.extract_text("Upgrades", "We moved from Node v15 to Node 20. Each node restarts.")
    got = {(m.text, m.type, m.canonical) for m in mentions}
    assert ("Node v15", "TECHNOLOGY", "Node.js") in got
    assert ("Node 20", "TECHNOLOGY", "Node.js") in got
    assert ("JS", "JavaScript") in {(m.text, m.canonical) for m in ex.extract_text("JS notes")}


def test_a_company_before_a_publication_word_keeps_its_own_mention(ex):
    got = found(ex, "Notes", "Read more on the Netflix Tech Blog about it.")
    assert ("COMPANY", "Netflix") in got
    assert not any("Blog" in c for _, c in got)


def test_a_company_before_what_users_have_in_its_service_is_the_service(ex):
    got = found(ex, "Notes", "Fly.io's Twitter account was taken over; see this GitHub issue.")
    assert ("TECHNOLOGY", "Twitter") in got and ("TECHNOLOGY", "GitHub") in got
    got = found(ex, "Sync", "The Dropbox folder is the oldest code at Dropbox.")
    assert ("COMPANY", "Dropbox") in got


def test_computing_words_said_to_be_modules_are_not_names(ex):
    got = found(
        ex,
        "Notes",
        "We rewrote the config module and the frontend project. The backend, a service in "
        "Go, crashed. The old Rust 1.70 toolchain and Python 3 remain.",
    )
    names = {c for t, c in got if t == "TECHNOLOGY"}
    assert not names & {"config", "frontend", "backend", "toolchain"}


def test_a_newsletter_named_weekly_after_a_technology_is_no_mention(ex):
    got = found(ex, "Notes", "Also issue 42 of Golang Weekly and Rust Weekly 12.")
    assert ("TECHNOLOGY", "Go") not in got and ("TECHNOLOGY", "Rust") not in got


def test_names_joined_by_a_slash_are_two_names(ex):
    got = found(ex, "Notes", "New defenses include TypoGard/Typomania (typosquatting detection).")
    assert ("TECHNOLOGY", "TypoGard") in got and ("TECHNOLOGY", "Typomania") in got


def test_a_major_version_glued_to_a_known_name_is_that_technology(ex):
    mentions = ex.extract_text("Upgrades", "We moved from Netty3 to Netty4 and to python3.")
    got = {(m.text, m.canonical) for m in mentions}
    assert {("Netty4", "Netty"), ("python3", "Python")} <= got


def test_a_coined_lower_case_name_after_a_copula_and_before_its_kind(ex):
    got = found(ex, "Notes", "This week's crate is zorbgrub, a Rust implementation of a solver.")
    assert ("TECHNOLOGY", "zorbgrub") in got
    got = found(ex, "Notes", "The answer is caching, a technique that helps.")
    assert not {name for kind, name in got if kind == "TECHNOLOGY"}


def test_holidays_and_a_headline_adjective_before_a_plural_are_not_names(ex):
    text = "Zorbix kept its uptime during peak periods, such as Diwali and New Year\u2019s Eve."
    got = found(ex, "Notes", text)
    assert not {name for kind, name in got if kind == "TECHNOLOGY"}
    assert not found(ex, "Fast builds, secure builds. Choose two.")


def test_a_technology_before_db_is_the_technology(ex):
    got = found(ex, "Notes", "The event store is a Postgres DB and the cache a MySQL DB.")
    assert ("TECHNOLOGY", "PostgreSQL") in got and ("TECHNOLOGY", "MySQL") in got
    assert not {name for _, name in got if name.endswith(" DB")}


def test_a_headline_launching_a_name_names_it(ex):
    got = found(ex, "Open-sourcing Pinball", "We built a workflow manager for Hadoop jobs.")
    assert ("TECHNOLOGY", "Pinball") in got
    got = found(ex, "Introducing Pinterest Zorbex", "A service that persists Kafka logs.")
    assert ("TECHNOLOGY", "Pinterest Zorbex") in got and ("COMPANY", "Pinterest") not in got
    assert not found(ex, "Introducing Faster Builds for Everyone")


def test_a_word_after_a_known_companys_possessive_is_its_product(ex):
    text = "We describe Uber's Zorbex platform and Netflix's Maestro scheduler."
    got = found(ex, "Notes", text)
    assert {("TECHNOLOGY", "Zorbex"), ("TECHNOLOGY", "Maestro")} <= got
    assert {("COMPANY", "Uber"), ("COMPANY", "Netflix")} <= got
    got = found(ex, "Notes", "Netflix's Chief Architect spoke with Uber's CEO about Kafka.")
    assert {name for kind, name in got if kind == "TECHNOLOGY"} == {"Apache Kafka"}


def test_a_product_and_its_edition_or_hosted_service_stay_two_products(ex):
    got = found(
        ex,
        "Jira front-end performance",
        "Jira Cloud pages load faster; the Jira team also moved builds to Bitbucket Pipelines "
        "and its data to MongoDB Atlas.",
    )
    assert ("TECHNOLOGY", "Jira") in got and ("TECHNOLOGY", "Jira Cloud") in got
    assert ("TECHNOLOGY", "Bitbucket Pipelines") in got
    assert ("TECHNOLOGY", "MongoDB Atlas") in got


def test_a_vendor_product_known_by_its_vendor_prefix_keeps_it(ex):
    got = found(ex, "Service discovery", "We run Consul for discovery and Workers KV at the edge.")
    assert ("TECHNOLOGY", "HashiCorp Consul") in got
    assert ("TECHNOLOGY", "Cloudflare Workers KV") in got


def test_zero_downtime_said_of_a_migration_is_a_zero_downtime_migration(ex):
    got = found(
        ex, "Moving sessions", "We migrated the session store to Postgres with zero downtime."
    )
    assert ("CONCEPT", "zero-downtime migration") in got
    got = found(ex, "Notes", "The service kept running with zero downtime.")
    assert ("CONCEPT", "zero-downtime migration") not in got


def test_a_product_name_acting_as_its_labs_maker_is_the_labs_company(ex):
    got = found(ex, "Grafana Announces Grafana Tempo, a Distributed Tracing System")
    assert ("COMPANY", "Grafana Labs") in got
    assert ("COMPANY", "Grafana") not in got


def test_a_thing_and_the_activity_around_it_are_two_concepts(ex):
    got = found(ex, "Notes", "The search index feeds search indexing; a workflow engine runs it.")
    assert ("CONCEPT", "search index") in got and ("CONCEPT", "search indexing") in got
    assert ("CONCEPT", "workflow engine") in got
    assert ("CONCEPT", "workflow orchestration") not in got


def test_a_database_category_written_like_a_name_is_the_category(ex):
    got = found(ex, "Notes", "They moved the catalogue to a NoSQL store.")
    assert ("CONCEPT", "NoSQL database") in got


def test_google_cloud_products_known_by_their_bare_names_keep_them(ex):
    got = found(
        ex, "Warehouses", "Wayfair runs BigQuery; Google Spanner and Memorystore hold state."
    )
    assert {("TECHNOLOGY", "BigQuery"), ("TECHNOLOGY", "Spanner")} <= got
    assert ("TECHNOLOGY", "Memorystore") in got


def test_model_generations_and_64_bit_architectures_are_their_own_products(ex):
    got = found(ex, "Serving", "We serve Llama 3 on ARM64 servers and sign in with FIDO2 keys.")
    assert {("TECHNOLOGY", "Llama 3"), ("TECHNOLOGY", "ARM64"), ("TECHNOLOGY", "FIDO2")} <= got


def test_hardware_acronyms_take_their_spelled_out_names(ex):
    got = found(ex, "Storage", "SmartNIC offload and NVMe drives on PCIe sped up the nodes.")
    assert ("TECHNOLOGY", "smart network interface card") in got
    assert {("TECHNOLOGY", "NVM Express"), ("TECHNOLOGY", "PCI Express")} <= got


def test_a_brand_or_business_unit_acting_as_an_organisation_keeps_its_name(ex):
    got = found(ex, "Payments", "Square moved payments to Kafka; Square and Tinder wrote about it.")
    assert {("COMPANY", "Square"), ("COMPANY", "Tinder")} <= got
    assert ("COMPANY", "Block") not in got


def test_a_release_number_hyphened_onto_a_discovered_model_name_is_dropped(ex):
    summary = "We explain why GLM-4.7's native multi-token prediction marks a shift."
    got = {(m.text, m.canonical) for m in ex.extract_text("Decoding", summary)}
    assert ("GLM-4.7's", "GLM") in got


def test_an_alias_that_is_no_word_names_a_plain_word_product_alone(ex):
    got = found(ex, "Notes", "We worked with other communities (e.g. golang) on the release.")
    assert ("TECHNOLOGY", "Go") in got, got
    assert ("TECHNOLOGY", "Dragonfly") in found(ex, "Notes", "The cache now runs on DragonflyDB.")


def test_a_product_by_its_repository_name_and_windows_mid_sentence(ex):
    got = found(
        ex, "Notes", "We replaced ingress-nginx and cluster-autoscaler on our Windows hosts."
    )
    assert ("TECHNOLOGY", "Ingress NGINX") in got, got
    assert ("TECHNOLOGY", "Kubernetes Cluster Autoscaler") in got, got
    assert ("TECHNOLOGY", "Microsoft Windows") in got, got


def test_a_known_name_in_brackets_after_another_defines_no_acronym(ex):
    got = found(ex, "Notes", "Anthropic runs on AWS (Trainium) and GCP (TPUs), and adds more.")
    assert ("TECHNOLOGY", "Tensor Processing Unit") in got
    assert ("TECHNOLOGY", "AWS Trainium") in got
    # An acronym of the name's words after its maker's name still defines it.
    got = found(ex, "Notes", "We use AWS Identity and Access Management (IAM). IAM is hard.")
    assert ("CONCEPT", "identity and access management") not in got


def test_a_maker_before_its_known_product_is_one_product_span(ex):
    got = [
        (m.text, m.type, m.canonical)
        for m in ex.extract_text("4 Things You Can Do with Alibaba Cloud PolarDB", "")
    ]
    assert ("Alibaba Cloud PolarDB", "TECHNOLOGY", "PolarDB") in got
    assert not any(t == "COMPANY" for _, t, _ in got)
    # a possessive breaks the name
    got = found(ex, "Notes", "They compared Google's Gemini with others.")
    assert ("COMPANY", "Google") in got and ("TECHNOLOGY", "Gemini") in got


def test_a_client_a_member_body_or_a_business_sited_in_a_country_is_a_company(ex):
    got = found(ex, "Notes", "We helped our client Quorvix, whose app now streams video.")
    assert ("COMPANY", "Quorvix") in got
    got = found(ex, "Notes", "Netflix is a founding member of Zorblium and uses its codec.")
    assert ("COMPANY", "Zorblium") in got
    got = found(ex, "Notes", "India-based streaming service Quorvix, which has 9 million fans.")
    assert ("COMPANY", "Quorvix") in got
    got = found(ex, "Notes", "Our Kafka-based streaming service Quorvix, which has 9 million fans.")
    assert ("COMPANY", "Quorvix") not in got
    got = found(ex, "Notes", "It serves companies like Microsoft, Atlassian, Ten-X, and CircleCI.")
    assert ("COMPANY", "CircleCI") in got


def test_job_titles_and_listed_metrics_are_no_products(ex):
    got = found(ex, "Notes", "Dana Okafor, Engineering Manager at Stripe, explains Airflow.")
    assert not any(name == "Engineering Manager" for _, name in got)
    got = found(
        ex,
        "Notes",
        "We improved key metrics like Largest Contentful Paint (LCP) and Zorbly Delay (ZD).",
    )
    assert not {name for t, name in got if t != "CONCEPT"}


def test_a_coined_name_put_to_use_or_named_after_its_kind_is_a_technology(ex):
    summary = (
        "We moved from 5 million metrics/min with Graphite, to 60 million metrics/min using "
        "Metrictank, and then to a framework that lets us grow, with Prometheus."
    )
    assert ("TECHNOLOGY", "Metrictank") in found(ex, "Notes", summary)
    got = found(ex, "Notes", "They built a testing tool. The tool, Fillibuster, injects faults.")
    assert ("TECHNOLOGY", "Fillibuster") in got
    got = found(ex, "Scaling iOS Application Development with Tuist", "Builds got faster.")
    assert ("TECHNOLOGY", "Tuist") in got
    got = found(ex, "Notes", "Last year we moved our metrics from Metrictank to Prometheus.")
    assert ("TECHNOLOGY", "Metrictank") in got
    got = found(ex, "Assessing workloads, with Oleksii Kolodiazhnyi", "A talk on Kubernetes.")
    assert not any(name.startswith("Oleksii") for _, name in got)


def test_a_name_said_to_be_a_business_is_a_company(ex):
    got = found(ex, "Notes", "Zorblet is a leading online travel marketplace. We serve millions.")
    assert ("COMPANY", "Zorblet") in got
    got = found(ex, "Notes", "Zorblet is the world's leading content discovery platform.")
    assert ("COMPANY", "Zorblet") in got
    got = found(ex, "Notes", "Zorblet is a reliable database for teams.")
    assert ("COMPANY", "Zorblet") not in got
    got = found(ex, "Notes", "Quorvane hit a performance cliff with their database last year.")
    assert ("COMPANY", "Quorvane") in got


def test_a_lower_case_host_under_the_me_domain_is_a_name(ex):
    got = found(
        ex, "Notes", "When we first launched quorvix.me, our news API, Postgres was enough."
    )
    assert ("TECHNOLOGY", "quorvix.me") in got
