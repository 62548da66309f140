"""Extraction units on a blank spaCy pipeline and a small fixture ontology (no big model)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.extract import extractor_from_ontology
from kgraph.extract.patterns import compile_patterns
from kgraph.extract.textclean import chunks, clean
from kgraph.extract.variants import (
    adjective_forms,
    headline_forms,
    language_forms,
    participle_forms,
    plural,
    singular,
    spellings,
    split_form,
)
from kgraph.model import Post
from kgraph.ontology import OntologyEntry, load_ontology
from tests import support

FIXTURE = support.FIXTURES_DIR / "extract_ontology.yaml"


@pytest.fixture(scope="module")
def onto():
    return load_ontology([FIXTURE], include_default=False)


@pytest.fixture(scope="module")
def ex(onto):
    return extractor_from_ontology(onto, rules_only=True)


def found(ex, title, summary=""):
    return [(m.text, m.type, m.canonical) for m in ex.extract_text(title, summary)]


def test_rules_only_announces_itself(ex):
    assert any("RULES-ONLY" in w for w in ex.warnings)


def test_patterns_carry_the_canonical_key_as_id(onto):
    exact, lower = compile_patterns(onto)
    ids = {p["id"] for p in exact + lower}
    assert "TECHNOLOGY:Kubernetes" in ids and "CONCEPT:cold restart" in ids
    assert {"label": "CONCEPT", "pattern": "cold restarts", "id": "CONCEPT:cold restart"} in lower
    assert all(p["pattern"] != "spark" for p in exact + lower)  # "Spark" keeps its case


def test_an_own_alias_of_a_plain_word_name_needs_no_support():
    from kgraph.extract.patterns import own_alias

    assert own_alias("Golang", "Go", False) and own_alias("DragonflyDB", "Dragonfly", False)
    assert not own_alias("Bundler", "Bundler", False)  # the name itself stays ambiguous
    assert not own_alias("Golang", "Go", True)  # registry entries keep asking for support
    assert not own_alias("Gopher", "Go", False)  # an English word says nothing


def test_possessives_keep_their_surface_and_fold_to_the_company(ex):
    mentions = ex.extract_text(
        "Open Sourcing Dicer: Databricks’ Auto-Sharder", "The article details Airbnb's development."
    )
    by_text = {m.text: m for m in mentions}
    assert by_text["Databricks’"].canonical == "Databricks"
    airbnb = by_text["Airbnb's"]
    assert (airbnb.field, airbnb.start, airbnb.end) == ("summary", 20, 28)
    assert airbnb.sentence == "The article details Airbnb's development."
    assert airbnb.method == "ontology" and airbnb.confidence > 0.9


def test_case_plurals_hyphens_and_aliases(ex):
    got = found(
        ex,
        "Intelligent Load Balancing with K8s",
        "Avoiding cold restarts with auto sharding on GPUs.",
    )
    assert ("Load Balancing", "CONCEPT", "load balancing") in got
    assert ("K8s", "TECHNOLOGY", "Kubernetes") in got
    assert ("cold restarts", "CONCEPT", "cold restart") in got
    assert ("auto sharding", "CONCEPT", "auto-sharding") in got
    assert ("GPUs", "TECHNOLOGY", "GPU") in got


def test_longest_match_wins(ex):
    got = found(ex, "", "We moved from Jira Cloud to Apache Spark.")
    assert ("Jira Cloud", "TECHNOLOGY", "Jira Cloud") in got
    assert ("Apache Spark", "TECHNOLOGY", "Apache Spark") in got
    assert all(text not in ("Jira", "Spark") for text, _, _ in got)


def test_ambiguous_names_need_support(ex):
    # Capitalised mid-sentence (not a headline): a name.
    assert found(ex, "How Workers powers our internal maintenance pipeline")[0][2] == (
        "Cloudflare Workers"
    )
    # Headline capitals say nothing; the company elsewhere in the post does.
    assert found(ex, "Workers For Every Team And Every Budget") == []
    got = found(ex, "Workers For Every Team And Every Budget", "A system at Cloudflare.")
    assert ("Workers", "TECHNOLOGY", "Cloudflare Workers") in got
    assert found(ex, "", "The build workers were slow.") == []


def test_acronyms_defined_in_text_become_aliases(ex):
    got = found(
        ex,
        "How BAG Enables Big Clusters",
        "The article discusses backend aggregation (BAG) and high availability (HA).",
    )
    assert ("BAG", "CONCEPT", "backend aggregation") in got
    assert ("backend aggregation", "CONCEPT", "backend aggregation") in got
    assert ("HA", "CONCEPT", "high availability") in got
    assert not any(
        c == "monthly paid enabled user"
        for *_, c in found(ex, "", "from 20,000 to 50,000 Monthly Paid Enabled Users (PEUs).")
    )


def test_the_texts_own_acronym_beats_the_ontology():
    extra = load_ontology([FIXTURE], include_default=False)
    extra.add(OntologyEntry("state machine replication", "CONCEPT", aliases=["SMR"]))
    local = extractor_from_ontology(extra)
    got = found(local, "", "Drives use shingled magnetic recording (SMR). SMR is dense.")
    assert {c for *_, c in got} == {"shingled magnetic recording"}
    assert found(local, "", "We use SMR.") == [("SMR", "CONCEPT", "state machine replication")]


def test_adjective_forms_of_properties():
    assert adjective_forms("eventual consistency") == ["eventually consistent"]
    assert adjective_forms("multi-tenancy") == ["multi-tenant"]
    assert adjective_forms("high availability") == ["highly available"]
    assert "fault-tolerant" in adjective_forms("fault tolerance")
    assert adjective_forms("consistency") == [] and adjective_forms("low latency") == []


def test_an_acronym_spelling_a_longer_term_than_the_known_head_defines_that_term():
    extra = load_ontology([FIXTURE], include_default=False)
    extra.add(OntologyEntry("consistency", "CONCEPT"))
    extra.add(OntologyEntry("just-in-time compilation", "CONCEPT", aliases=["JIT"]))
    local = extractor_from_ontology(extra)
    got = found(local, "", "It keeps per-connection consistency (PCC); PCC holds.")
    # the hyphenated word is one word of the expansion, and the term beats its known head
    assert {c for *_, c in got} == {"per-connection consistency"}
    assert ("PCC", "CONCEPT", "per-connection consistency") in got
    # an acronym the ontology names a longer term that starts with the expansion keeps it
    got = found(local, "", "A just-in-time (JIT) compiler.")
    assert ("JIT", "CONCEPT", "just-in-time compilation") in got
    assert all(c != "just-in-time" for *_, c in got)


def test_participle_forms_of_process_terms():
    assert participle_forms("self-hosting") == ["self-hosted"]
    assert participle_forms("event sourcing") == ["event-sourced"]
    assert participle_forms("geo-replication") == ["geo-replicated"]
    assert participle_forms("reference counting") == ["reference-counted"]
    assert "event-sourced" in spellings("event sourcing", "CONCEPT")
    # one plain word is a verb ("we replicated it"); irregular verbs have no "-ed" form
    assert participle_forms("replication") == [] and participle_forms("sharding") == []
    assert participle_forms("image building") == []
    assert participle_forms("Event Sourcing") == [] and participle_forms("a b c") == []
    # "-ion" nouns whose verb drops the ending; after a hyphened modifier, a space
    assert participle_forms("end-to-end encryption")[0] == "end-to-end encrypted"
    assert participle_forms("fault injection") == ["fault-injected"]
    assert participle_forms("log compression") == ["log-compressed"]
    assert participle_forms("encryption") == []


def test_end_to_end_encrypted_is_a_spelling_of_end_to_end_encryption():
    assert "end-to-end encrypted" in spellings("end-to-end encryption", "CONCEPT")


def test_generic_words_and_team_names_are_not_mentions(ex):
    assert found(ex, "", "It improves reliability.") == []
    assert found(ex, "", "The Jira Migrations team grew.") == []
    assert found(ex, "Gigawatt-Scale Clusters", "") == []
    # The first half of a name joined to an acronym ("K8s-KEM") is no mention of K8s;
    # a lower-case word after the hyphen is a modifier ("K8s-based").
    assert found(ex, "", "It uses K8s-KEM keys.") == []
    assert found(ex, "", "It uses K8s-based keys.") == [("K8s", "TECHNOLOGY", "Kubernetes")]


def test_a_capitalised_concept_before_team_is_the_team_name(tmp_path):
    onto_file = tmp_path / "o.yaml"
    onto_file.write_text(
        "entities:\n  - {name: routing, type: CONCEPT}\n"
        "  - {name: site reliability engineering, type: CONCEPT, aliases: [SRE]}\n",
        encoding="utf-8",
    )
    ex = extractor_from_ontology(load_ontology([onto_file], include_default=False))
    texts = lambda summary: [m.text for m in ex.extract_text("Notes", summary)]  # noqa: E731
    # The team's own name: an organisation inside a company, never annotated.
    assert texts("In Zorbly's Routing team, we build models.") == []
    # The discipline: lower case, an acronym, no owner in front, or a headline's capitals.
    assert texts("In Zorbly's routing team, we build models.") == ["routing"]
    assert texts("In the Routing team at Zorbly, we build models.") == ["Routing"]
    assert texts("In Zorbly's SRE team, we build models.") == ["SRE"]
    assert [m.text for m in ex.extract_text("Scaling the Routing Team", "")] == ["Routing"]


def test_a_phrase_before_a_metric_head_is_what_the_metric_measures():
    import spacy

    from kgraph.extract.miner import ConceptMiner

    miner, nlp = ConceptMiner("m"), spacy.blank("en")
    core = lambda text: miner._core(nlp(text))  # noqa: E731
    # "app startup performance", "mobile app launch time": no idea, the metric's subject.
    assert core("app startup performance") is None
    assert core("mobile app launch time") is None
    # A generic head that measures nothing is cut as before; so is a metric after one word.
    assert [t.text for t in core("trace propagation system")] == ["trace", "propagation"]
    assert [t.text for t in core("replication latency")] == ["replication"]


def test_a_dated_issue_name_is_a_publication(tmp_path):
    onto_file = tmp_path / "o.yaml"
    onto_file.write_text(
        "entities:\n  - {name: checkpointing, type: CONCEPT, aliases: [checkpoint]}\n"
        "  - {name: caching, type: CONCEPT}\n",
        encoding="utf-8",
    )
    ex = extractor_from_ontology(load_ontology([onto_file], include_default=False))
    texts = lambda title: [m.text for m in ex.extract_text(title, "")]  # noqa: E731
    assert texts("Checkpoint Chronicle - June 2024") == []
    # A post's headline with a date, or the word outside the name, is still the idea.
    assert texts("How We Scaled Caching - June 2024") == ["Caching"]
    assert texts("Checkpoint Tuning") == ["Checkpoint"]


def test_a_concept_starting_an_event_name_is_no_mention(tmp_path):
    onto_file = tmp_path / "o.yaml"
    onto_file.write_text(
        "entities:\n  - {name: workload identity, type: CONCEPT}\n"
        "  - {name: artificial intelligence, type: CONCEPT, aliases: [AI]}\n",
        encoding="utf-8",
    )
    ex = extractor_from_ontology(load_ontology([onto_file], include_default=False))
    texts = lambda title: [m.text for m in ex.extract_text(title, "")]  # noqa: E731
    assert texts("Workload Identity Day Zero Atlanta") == []
    assert texts("Zorbly Data & AI 2024 Summit: Highlights") == []
    # The idea outside an event's name, or in lower case before a day, still counts.
    assert texts("Workload Identity for Zorbly Jobs") == ["Workload Identity"]
    assert texts("Notes on workload identity day by day") == ["workload identity"]


def test_offsets_point_into_the_original_fields(ex):
    post = Post(
        id="p1",
        title="From SSH to K8s\x00 <b>at</b> Airbnb’s &amp; Meta",
        summary="Facebook\u200b uses SSH. 🚀 Kubernetes runs Spark jobs.",
    )
    mentions = next(ex.extract([post]))
    assert mentions, "expected mentions"
    for m in mentions:
        assert getattr(post, m.field)[m.start : m.end] == m.text
        assert m.text in m.sentence
        assert m.post_id == "p1"
    keys = [(m.field, m.start) for m in mentions]
    assert keys == sorted(keys, key=lambda k: (("title", "summary").index(k[0]), k[1]))
    assert ("Facebook", "Meta") in {(m.text, m.canonical) for m in mentions}


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "🚀🔥💥",
        "\x00\x01\x1f",
        "<div></div>&nbsp;",
        "Das ist ein deutscher Satz über Datenbanken.",
        "((((",
        "-" * 50,
    ],
)
def test_bad_input_never_crashes(ex, text):
    assert isinstance(ex.extract_text(text, text), list)


def test_one_megabyte_is_fine_and_linear(ex):
    unit = "Airbnb runs Kubernetes with sharding and load balancing. "
    small = unit * 2_000
    big = unit * 18_000  # ~1 MB
    t0 = time.perf_counter()
    n_small = len(ex.extract_text("", small))
    t1 = time.perf_counter()
    n_big = len(ex.extract_text("", big))
    t2 = time.perf_counter()
    assert n_big == 9 * n_small
    assert (t2 - t1) < 20 * max(t1 - t0, 0.05)  # ~9x the text, never quadratic


def test_extract_keeps_order_and_one_list_per_post(ex):
    posts = [Post(id=str(i), title=t) for i, t in enumerate(["Airbnb", "", "Meta and K8s"])]
    out = list(ex.extract(posts, batch_size=2))
    assert [len(m) for m in out] == [1, 0, 2]
    assert [m[0].post_id for m in out if m] == ["0", "2"]


def test_version_changes_with_the_ontology(onto, tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("entities:\n  - {name: Zanzibar, type: TECHNOLOGY}\n", encoding="utf-8")
    other = extractor_from_ontology(load_ontology([FIXTURE, extra], include_default=False))
    assert other.version != extractor_from_ontology(onto).version
    assert found(other, "", "We use Zanzibar.") == [("Zanzibar", "TECHNOLOGY", "Zanzibar")]


def test_variants():
    assert plural("policy") == "policies" and plural("cache") == "caches"
    assert singular("restarts") == "restart" and singular("status") == "status"
    assert singular("proxies") == "proxy"
    assert {"auto-sharding", "auto sharding", "autosharding", "auto shardings"} <= set(
        spellings("auto-sharding", "CONCEPT")
    )
    assert "GPUs" in spellings("GPU", "TECHNOLOGY")
    assert {"key/value store", "key/value stores"} <= set(spellings("key-value store", "CONCEPT"))
    assert "micro-VMs" in spellings("micro-VM", "CONCEPT")
    assert {"NoSQL datastore", "NoSQL data stores"} <= set(spellings("NoSQL database", "CONCEPT"))
    assert not any("/" in s for s in spellings("x-ray", "CONCEPT"))
    # A category's head as it is often written: "stateful apps", "key-value storage".
    assert {"stateful app", "stateful apps"} <= set(spellings("stateful application", "CONCEPT"))
    # A practice's gerund written as the record it makes, after a modifier only.
    assert "end-to-end tests" in spellings("end-to-end testing", "CONCEPT")
    assert "distributed traces" in spellings("distributed tracing", "CONCEPT")
    assert "traces" not in spellings("tracing", "CONCEPT")
    assert "key-value storage" in spellings("key-value store", "CONCEPT")
    assert "prefix cache" in spellings("prefix caching", "CONCEPT")
    assert "cache" not in spellings("caching", "CONCEPT")
    assert "web app" not in spellings("web application", "TECHNOLOGY")


def test_a_prefixed_concept_word_is_also_written_with_a_hyphen():
    assert {"micro-service", "micro-services"} <= set(spellings("microservice", "CONCEPT"))
    assert "re-indexing" in spellings("reindexing", "CONCEPT")
    assert "anti-virus software" in spellings("antivirus software", "CONCEPT")
    # the rest must be a word of five letters or more, and other types are left alone
    assert not any("-" in s for s in spellings("recall", "CONCEPT"))
    assert "micro-service" not in spellings("Microservice", "TECHNOLOGY")


def test_written_forms_of_known_terms():
    # A term with a small word inside, hyphenated through; not a two-word term.
    assert "infrastructure-as-code" in spellings("infrastructure as code", "CONCEPT")
    assert "single-point-of-failure" in spellings("single point of failure", "CONCEPT")
    assert "load-balancer" in spellings("load balancer", "CONCEPT")
    assert not any(s.count("-") > 1 for s in spellings("time series database", "CONCEPT"))
    # A database category with its head abbreviated.
    assert {"in-memory DB", "in-memory DBs"} <= set(spellings("in-memory database", "CONCEPT"))
    assert "DB" not in spellings("database", "CONCEPT")
    # A hyphenated term with an acronym, unhyphenated; a "metrics" modifier in the singular.
    assert "API first" in spellings("API-first", "CONCEPT")
    assert "metric layer" in spellings("metrics layer", "CONCEPT")
    assert "metric layer" not in spellings("metrics layer", "TECHNOLOGY")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_clean_preserves_length(text):
    assert len(clean(text)) == len(text)


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="ab .\n", max_size=3000), st.integers(10, 500))
def test_chunks_cover_the_text(text, size):
    pieces = chunks(text, size)
    assert "".join(p for _, p in pieces) == text
    assert all(text[o : o + len(p)] == p for o, p in pieces)


def test_a_name_joined_at_one_inner_capital_is_also_written_as_two_words():
    assert split_form("OpenTelemetry") == "Open Telemetry"
    assert split_form("CockroachDB") == "Cockroach DB"
    assert split_form("PyTorch") is None  # "Py" is no word
    assert split_form("Kafka") is None and split_form("gRPC") is None


def test_a_language_name_has_its_lang_spellings():
    assert {"Rustlang", "rustlang", "Rust-lang", "rust-lang"} == set(language_forms("Rust"))
    assert language_forms("Visual Basic") == []


def test_two_word_and_capitalised_spellings_of_names_match(tmp_path):
    onto_file = tmp_path / "o.yaml"
    onto_file.write_text(
        "entities:\n"
        "  - {name: TideLog, type: TECHNOLOGY}\n"
        "  - {name: HarborWorks, type: COMPANY}\n"
        "  - {name: Zest, type: TECHNOLOGY, parent: programming language}\n"
        "  - {name: programming language, type: CONCEPT}\n",
        encoding="utf-8",
    )
    from kgraph.ontology import load_ontology

    ex = extractor_from_ontology(load_ontology([onto_file], include_default=False))
    got = {
        (m.type, m.text, m.canonical)
        for m in ex.extract_text("Notes", "Tide Log at Harborworks, in zestlang.")
    }
    assert ("TECHNOLOGY", "Tide Log", "TideLog") in got
    assert ("COMPANY", "Harborworks", "HarborWorks") in got
    assert ("TECHNOLOGY", "zestlang", "Zest") in got


def test_a_longer_name_matches_with_its_last_words_other_spelling(tmp_path):
    onto_file = tmp_path / "o.yaml"
    onto_file.write_text(
        "entities:\n"
        "  - {name: Quorabase, type: TECHNOLOGY, aliases: [Qbase]}\n"
        "  - {name: Nimbus Aurora, type: TECHNOLOGY, aliases: [Aurora Quorabase]}\n",
        encoding="utf-8",
    )
    from kgraph.ontology import load_ontology

    ex = extractor_from_ontology(load_ontology([onto_file], include_default=False))
    got = {
        (m.text, m.canonical)
        for m in ex.extract_text("Notes", "We left Aurora Qbase for Quorabase.")
    }
    assert ("Aurora Qbase", "Nimbus Aurora") in got


def test_a_gerund_opening_a_verb_phrase_is_a_verb_use():
    import spacy

    from kgraph.extract.generic import verb_use

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Monitoring CPU usage needs better monitoring, and GPU monitoring tools.")
    at = [t.i for t in doc if t.lower_ == "monitoring"]
    assert [verb_use(doc, i) for i in at] == [True, False, False]
    # A determined object after it: the verb, even after "and".
    doc = nlp("We are identifying and monitoring each instance.")
    assert verb_use(doc, next(t.i for t in doc if t.lower_ == "monitoring"))


def test_metric_names_and_bare_apis_are_generic():
    from kgraph.extract.generic import is_generic

    for text in ("APIs", "cache hit rates", "token throughput", "GPU utilization"):
        assert is_generic(text), text
    # Reliability metrics, a generic activity, instances of an excluded word, and the
    # umbrella for architecture styles (a named style such as "clean architecture" stays).
    for text in ("MTTR", "mean time to recovery", "resource allocation", "GPU clusters"):
        assert is_generic(text), text
    assert is_generic("Architectural Patterns") and not is_generic("clean architecture")
    assert is_generic("user-facing") and is_generic("customer facing")
    # A metric word under an evaluative modifier is still the metric, in any hyphen.
    for text in ("low latency", "Low\u2011Latency", "high-throughput"):
        assert is_generic(text), text
    assert not is_generic("burn rate")
    # A size is a metric (app size, batch size); right-sizing is a practice.
    for text in ("app size", "App Sizes", "binary size"):
        assert is_generic(text), text
    for text in ("right size", "right-size", "sizing"):
        assert not is_generic(text), text
    for text in ("p99 latency", "low latency streaming", "rate limiting"):
        assert not is_generic(text), text


def test_moving_data_and_running_infrastructure_are_generic_activities():
    from kgraph.extract.generic import is_generic

    for text in ("data transfer", "Data Sharing", "Infrastructure Management"):
        assert is_generic(text), text
    # Named techniques for them, and the systems built for them, stay ideas.
    for text in ("change data capture", "infrastructure as code", "metrics storage"):
        assert not is_generic(text), text


def test_a_field_acronym_is_a_concept_only_as_a_head_noun():
    from kgraph.extract.generic import field_head

    # The head of its phrase: the end, punctuation, a slash pair or a function word after it.
    for after in ("", ".", " (Help Net Security)", "/ML, has", " to support", " is the key"):
        assert field_head("AI", after), after
    # A modifier of the noun after it, hyphened or not; other generic words never.
    for after in (" agents", " inference workloads", "-generated photos", "-based"):
        assert not field_head("AI", after), after
    assert not field_head("cloud", ".") and not field_head("AIR", ".")
    # After a capitalised word it ends a name; after a function word it is still the field.
    for before in ("We use Notion ", "Fireworks "):
        assert not field_head("AI", " and", before), before
    for before in ("", "We use ", "The future of ", "How "):
        assert field_head("AI", ".", before), before


def test_data_a_system_processes_is_no_concept():
    from kgraph.extract.generic import processed_data

    for text in ("streaming data", "real-time data", "time series"):
        assert processed_data(text), text
    for text in ("data streaming", "big data", "time-series database", "metadata"):
        assert not processed_data(text), text
    # A data model is a concept: the kinds of data the rules' database categories store.
    for text in ("Time-Series Data", "semi-structured data", "unstructured data"):
        assert not processed_data(text), text


def test_the_start_of_a_metric_name_is_no_concept(tmp_path):
    onto_file = tmp_path / "o.yaml"
    onto_file.write_text(
        "entities:\n  - {name: cache hit, type: CONCEPT}\n  - {name: prefix cache, type: CONCEPT}\n",
        encoding="utf-8",
    )
    ex = extractor_from_ontology(load_ontology([onto_file], include_default=False))
    assert [m.text for m in ex.extract_text("Notes", "It keeps a high cache hit rate.")] == []
    assert [m.text for m in ex.extract_text("Notes", "Every cache hit is cheap.")] == ["cache hit"]


def test_a_concept_with_an_acronym_matches_in_headline_case(tmp_path):
    assert headline_forms("server-driven UI") == ["Server-driven UI", "Server-Driven UI"]
    assert headline_forms("ML platform") == ["ML Platform"]
    # a hyphenated word with an acronym capitalises its lower-case part
    assert headline_forms("multi-GPU training") == ["Multi-GPU training", "Multi-GPU Training"]
    assert headline_forms("GraphQL") == []
    onto_file = tmp_path / "o.yaml"
    onto_file.write_text(
        "entities:\n  - {name: server-driven UI, type: CONCEPT}\n", encoding="utf-8"
    )
    ex = extractor_from_ontology(load_ontology([onto_file], include_default=False))
    got = {(m.text, m.canonical) for m in ex.extract_text("Generic, Server-Driven UI Components")}
    assert got == {("Server-Driven UI", "server-driven UI")}


def test_a_products_component_or_api_is_the_product(tmp_path):
    onto_file = tmp_path / "o.yaml"
    onto_file.write_text(
        "entities:\n"
        "  - {name: Apache Quill, type: TECHNOLOGY, aliases: [Quill]}\n"
        "  - {name: consumer group, type: CONCEPT}\n",
        encoding="utf-8",
    )
    ex = extractor_from_ontology(load_ontology([onto_file], include_default=False))

    def got(text):
        return [(m.text, m.canonical) for m in ex.extract_text("Notes", text)]

    assert got("It needs only a Quill broker.") == [("Quill broker", "Apache Quill")]
    assert got("We extend the Quill Gateway API.") == [("Quill Gateway API", "Apache Quill")]
    # Another match's first word stays with it; plurals count instances, not the component.
    assert got("Each Quill consumer group lags.") == [
        ("Quill", "Apache Quill"),
        ("consumer group", "consumer group"),
    ]
    assert got("We run 160 Quill brokers.") == [("Quill", "Apache Quill")]


def test_established_terms_of_generic_words_are_not_generic():
    from kgraph.extract.generic import all_generic

    assert not all_generic("data migrations") and not all_generic("Web Performance")
    assert all_generic("migration") and all_generic("database systems")


def test_an_ambiguous_concept_is_supported_by_a_kind_of_it_named_after_it(tmp_path):
    onto_file = tmp_path / "o.yaml"
    onto_file.write_text(
        "entities:\n"
        "  - {name: indexing, type: CONCEPT, ambiguous: true}\n"
        "  - {name: search indexing, type: CONCEPT, parent: indexing, aliases: [search index]}\n"
        "  - {name: routing, type: CONCEPT, ambiguous: true}\n"
        "  - {name: route leak, type: CONCEPT, parent: routing}\n",
        encoding="utf-8",
    )
    ex = extractor_from_ontology(load_ontology([onto_file], include_default=False))

    def got(title, summary):
        return {m.text for m in ex.extract_text(title, summary)}

    title = "Building Faster Indexing with Quill"
    assert got(title, "They built a faster search index.") == {"Indexing", "search index"}
    assert got(title, "They built it.") == set()
    assert got("Core routing", "They stopped a route leak.") == {"route leak"}


def test_a_version_after_an_ambiguous_name_makes_it_the_product(tmp_path):
    onto_file = tmp_path / "o.yaml"
    onto_file.write_text(
        "entities:\n  - {name: Go, type: TECHNOLOGY, ambiguous: true}\n", encoding="utf-8"
    )
    ex = extractor_from_ontology(load_ontology([onto_file], include_default=False))
    got = [(m.text, m.canonical) for m in ex.extract_text("Go 1.17 to Provide Better Speed")]
    assert got == [("Go 1.17", "Go")]
    assert ex.extract_text("Go Big With Caching Today") == []


def test_only_adjectives_with_ly_are_adverbs_not_nouns_ending_in_ly():
    from kgraph.extract.discovery_organisations import _adverb

    assert _adverb("quickly") and _adverb("basically") and _adverb("happily")
    assert not _adverb("firefly") and not _adverb("family")


def test_a_noun_made_from_an_organisations_verb_names_no_actor():
    import spacy

    from kgraph.extract.discovery_organisations import _acts, _nominal

    assert _nominal("migration") and _nominal("transitions") and _nominal("announcements")
    assert not _nominal("migrated") and not _nominal("partnered")
    nlp = spacy.blank("en")
    assert not _acts(nlp("a Very Big Migration of data"), 3)
    assert _acts(nlp("Klarvio migrated its data"), 1)


def test_a_listed_alias_with_its_own_head_is_not_cut_to_the_bare_word(tmp_path):
    onto_file = tmp_path / "o.yaml"
    onto_file.write_text(
        "entities:\n"
        "  - {name: tidal agent, type: CONCEPT, aliases: [tidal, tidal system]}\n"
        "  - {name: monitoring, type: CONCEPT, aliases: [monitoring system]}\n",
        encoding="utf-8",
    )
    from kgraph.ontology import load_ontology

    ex = extractor_from_ontology(load_ontology([onto_file], include_default=False))
    got = {
        m.text
        for m in ex.extract_text("Notes", "Teams build tidal systems with a monitoring system.")
    }
    assert "tidal systems" in got
    assert "monitoring system" not in got


def test_a_longer_concept_matches_with_its_last_words_hyphen_spelling(tmp_path):
    onto_file = tmp_path / "o.yaml"
    onto_file.write_text(
        "entities:\n"
        "  - {name: postmortem, type: CONCEPT, aliases: [post-mortem, blameless postmortem]}\n",
        encoding="utf-8",
    )
    from kgraph.ontology import load_ontology

    ex = extractor_from_ontology(load_ontology([onto_file], include_default=False))
    got = {m.text for m in ex.extract_text("Notes", "We wrote a blameless post-mortem.")}
    assert got == {"blameless post-mortem"}


def test_a_product_of_plain_words_has_no_repository_spelling():
    from kgraph.extract.variants import kebab_form

    assert kebab_form("Cluster Autoscaler") == "cluster-autoscaler"
    assert kebab_form("Ingress NGINX") == "ingress-nginx"
    assert kebab_form("Cloud Storage") is None  # "cloud-storage costs": a modifier
    assert kebab_form("Kafka") is None and kebab_form("A B C D") is None


def test_a_product_named_by_its_things_in_plural_has_singular_spellings():
    from kgraph.extract.variants import singular_product_forms

    assert singular_product_forms("GitHub Actions") == ["GitHub Action", "GitHub action"]
    assert singular_product_forms("Amazon Bedrock Agents")[1] == "Amazon Bedrock agent"
    assert singular_product_forms("Microsoft Teams") == []  # the plural names the product
    assert singular_product_forms("Actions") == []


def test_two_short_words_closed_up_and_a_modifier_gerund_are_spellings_of_a_concept(tmp_path):
    from kgraph.extract.variants import closed_forms, modifier_forms

    assert closed_forms("health check") == ["healthcheck", "healthchecks"]
    assert closed_forms("load balancer") == []  # a long word keeps the space
    assert closed_forms("KV cache") == [] and closed_forms("edge") == []
    assert modifier_forms(["message", "broker"]) == ["messaging broker"]
    assert "messaging broker" in spellings("message broker", "CONCEPT")
    onto_file = tmp_path / "o.yaml"
    onto_file.write_text(
        "entities:\n  - {name: web server, type: CONCEPT}\n  - {name: dev tool, type: CONCEPT}\n",
        encoding="utf-8",
    )
    ex = extractor_from_ontology(load_ontology([onto_file], include_default=False))
    got = {
        (m.text, m.canonical)
        for m in ex.extract_text("Notes", "A webserver beside two webservers; Chrome DevTools.")
    }
    # closed up in lower case only: a closed-up word with capitals is a product's name
    assert got == {("webserver", "web server"), ("webservers", "web server")}


def test_a_known_products_last_word_alone_is_its_short_form(tmp_path):
    onto_file = tmp_path / "o.yaml"
    onto_file.write_text(
        "entities:\n  - {name: Zorbly JetQueue, type: TECHNOLOGY}\n"
        "  - {name: Docker, type: TECHNOLOGY}\n",
        encoding="utf-8",
    )
    ex = extractor_from_ontology(load_ontology([onto_file], include_default=False))
    got = {
        (m.text, m.canonical)
        for m in ex.extract_text(
            "Routing in Zorbly JetQueue",
            "In JetQueue, a stream keeps messages once. JetQueue starts fast. Docker JetQueue.",
        )
    }
    # inside a sentence only, and not joined to another capitalised word
    assert ("JetQueue", "Zorbly JetQueue") in got
    assert (
        sum(
            1
            for m in ex.extract_text(
                "Routing in Zorbly JetQueue", "In JetQueue, x. JetQueue starts. Docker JetQueue."
            )
            if m.text == "JetQueue"
        )
        == 1
    )


def test_a_lower_case_tool_name_in_a_list_of_two_technologies_is_the_tool(tmp_path):
    onto_file = tmp_path / "o.yaml"
    onto_file.write_text(
        "entities:\n  - {name: Consul, type: TECHNOLOGY}\n  - {name: npm, type: TECHNOLOGY}\n"
        "  - {name: pip, type: TECHNOLOGY}\n  - {name: Webpack, type: TECHNOLOGY}\n",
        encoding="utf-8",
    )
    ex = extractor_from_ontology(load_ontology([onto_file], include_default=False))
    listed = ex.extract_text("Notes", "Tools (e.g., npm, pip, consul) are trusted.")
    assert ("consul", "Consul") in {(m.text, m.canonical) for m in listed}
    # one technology beside it is as often a clause's end as a list
    alone = ex.extract_text("Notes", "We ship it with Webpack and consul.")
    assert "consul" not in {m.text for m in alone}


def test_concept_words_beside_group_names_and_in_other_senses():
    from kgraph.extract.generic import in_group_name, other_sense

    assert in_group_name("the ", " SIG announced")
    assert in_group_name("Kubernetes SIG ", ", joins")
    assert in_group_name("Okafor, VP of ", " at Zorbly")
    assert not in_group_name("improve ", " for all")
    assert other_sense("logs", "reads the transaction ")
    assert other_sense("monitoring", "trade surveillance and risk ")
    assert not other_sense("logs", "ships ")
    assert not other_sense("monitoring", "proactive ")


def test_a_proxy_judged_good_or_rough_is_an_indicator():
    from kgraph.extract.generic import other_sense

    assert other_sense("proxy", "queue depth is a good ")
    assert other_sense("proxy", "became a direct ")
    assert not other_sense("proxy", "a Rust-based HTTP ")
    assert not other_sense("proxy", "added a sidecar ")
