"""Stated relations end to end: the real pipeline finds them, the store keeps them with their
evidence, the graph holds them as typed edges, and the CLI answers from them."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kgraph import analysis
from kgraph.api import build, load_graph, load_snapshot
from kgraph.cli import main
from kgraph.extract import load_extractor
from kgraph.extract.relations import find_relations
from kgraph.model import Post


@pytest.fixture(scope="module")
def extractor():
    return load_extractor()


def triples(extractor, title, summary=""):
    """The hand rules' triples and relations (RELATION-RULES' examples and exclusions); the
    learned layer over them is tested in test_relations_learned.py."""
    post = Post("p", title, summary)
    mentions = next(extractor.extract([post]))
    found = find_relations(post, mentions, extractor.ontology, models={})
    return {(r.head, r.type, r.tail) for r in found}, found


@pytest.mark.parametrize(
    ("title", "summary", "expected", "absent"),
    [
        (
            "Why Cloudflare Replaced Nginx with Pingora",
            "Cloudflare built Pingora, a Rust-based HTTP proxy.",
            {
                ("Cloudflare", "migrated_from", "Nginx"),
                ("Cloudflare", "migrated_to", "Pingora"),
                ("Cloudflare", "built", "Pingora"),
                ("Pingora", "uses", "Rust"),
            },
            {("Cloudflare", "built", "Rust"), ("Cloudflare", "uses", "Pingora")},
        ),
        (
            "How DoorDash migrated from Amazon SQS to Apache Kafka",
            "",
            {
                ("DoorDash", "migrated_from", "Amazon SQS"),
                ("DoorDash", "migrated_to", "Apache Kafka"),
            },
            {("DoorDash", "uses", "Amazon SQS")},
        ),
        (
            "Lyft uses Redis and Elasticsearch to serve feature data",
            "",
            {("Lyft", "uses", "Redis"), ("Lyft", "uses", "Elasticsearch")},
            {("Lyft", "built", "Redis")},
        ),
        (  # a parenthesis between the verb and its object; a title's topic "at C"
            "Lyft have open-sourced (Apache 2.0) their Flyte orchestrator",
            "",
            {("Lyft", "built", "Flyte")},
            set(),
        ),
        (
            "Event Sourcing and Stream Processing at Grab",
            "The pipelines serve every team.",
            {("Grab", "applies", "event sourcing"), ("Grab", "applies", "stream processing")},
            set(),
        ),
    ],
)
def test_rules_on_real_pipeline(extractor, title, summary, expected, absent):
    found, relations = triples(extractor, title, summary)
    assert expected <= found, found
    assert not (absent & found), found
    for r in relations:
        assert r.sentence and (r.sentence in title or r.sentence in summary)
        assert 0.0 < r.confidence <= 1.0 and r.method


def test_a_negated_or_future_move_states_nothing_from_nothing(extractor):
    found, _ = triples(extractor, "Apache Kafka and Redis are popular")
    assert not any(t in ("built", "migrated_from", "migrated_to") for _, t, _ in found)


def test_store_graph_and_cli(tmp_path, write):
    corpus = write(
        "posts.jsonl",
        "\n".join(
            json.dumps(r)
            for r in [
                {
                    "id": "a",
                    "title": "How DoorDash migrated from Amazon SQS to Apache Kafka",
                    "summary": "DoorDash replaced Amazon SQS with Apache Kafka.",
                },
                {
                    "id": "b",
                    "title": "Why Cloudflare Replaced Nginx with Pingora",
                    "summary": "Cloudflare built Pingora, a Rust-based HTTP proxy.",
                },
            ]
        ),
    )
    db = tmp_path / "k.db"
    build([corpus], db=db)
    snap = load_snapshot(db)
    stored = {(r.head, r.type, r.tail, r.post_id) for r in snap.relations}
    assert ("DoorDash", "migrated_to", "Apache Kafka", "a") in stored
    assert all(r.sentence for r in snap.relations)

    G = load_graph(db)
    d = G.get_edge_data("COMPANY:Cloudflare", "TECHNOLOGY:Pingora", "says_built")
    assert d["posts"] == ["b"] and "Pingora" in d["evidence"][0]["sentence"]

    card = analysis.entity_relations(G, "Pingora")
    assert [r["other"] for r in card["groups"]["built by"]] == ["Cloudflare"]
    assert "Rust" in [r["other"] for r in card["groups"]["uses"]]

    moves = analysis.migrations(G)
    row = next(r for r in moves if r["mover"] == "DoorDash")
    assert row["from"] == ["Amazon SQS"] and row["to"] == ["Apache Kafka"]

    runner = CliRunner()
    out = runner.invoke(main, ["migrations", "--db", str(db)])
    assert out.exit_code == 0 and "DoorDash: Amazon SQS → Apache Kafka" in out.output
    # Each line of evidence names its post once, also when the sentence is the title.
    assert out.output.count("Why Cloudflare Replaced Nginx with Pingora") == 1
    assert out.output.count("How DoorDash migrated from Amazon SQS") == 1
    out = runner.invoke(main, ["relations", "Pingora", "--type", "uses", "--json", "--db", str(db)])
    assert out.exit_code == 0
    assert set(json.loads(out.output)["groups"]) == {"uses"}
    out = runner.invoke(main, ["relations", "Nonexistent Thing", "--db", str(db)])
    assert out.exit_code == 1 and "Traceback" not in out.output

    # A rebuild from the cache gives the same relations.
    build([corpus], db=tmp_path / "again.db")
    assert {(r.head, r.type, r.tail) for r in load_snapshot(tmp_path / "again.db").relations} == {
        (h, t, x) for h, t, x, _ in stored
    }


@pytest.mark.parametrize(
    ("title", "summary", "expected", "absent"),
    [
        (  # a planned move is not a migration (rule 7)
            "Lyft and Nginx",
            "Lyft learned a lot about Nginx, and paved the way to move away from Nginx entirely.",
            set(),
            {("Lyft", "migrated_from", "Nginx")},
        ),
        (  # tried, then left: moved away from, never used (rule 6)
            "Lyft streaming",
            "Lyft tried Google Cloud Dataflow before pivoting completely to Apache Flink.",
            {
                ("Lyft", "migrated_from", "Google Cloud Dataflow"),
                ("Lyft", "migrated_to", "Apache Flink"),
            },
            {("Lyft", "uses", "Google Cloud Dataflow")},
        ),
        (  # examples count as "is a", for each of the list, not for the company
            "Lyft streaming",
            "At Lyft, we use data processing systems such as Apache Flink and Apache Spark.",
            {
                ("Apache Flink", "applies", "data processing system"),
                ("Apache Spark", "applies", "data processing system"),
                ("Lyft", "uses", "Apache Flink"),
            },
            {("Lyft", "applies", "data processing system")},
        ),
        (  # a concept apposed to a named technology is the technology's (rule 5)
            "Airbnb storage",
            "Airbnb’s engineering team re-architected its internal key-value storage system, "
            "Mussel, to unify streaming and bulk ingestion.",
            {("Mussel", "applies", "key-value store")},
            {("Airbnb", "applies", "key-value store")},
        ),
        (  # a concept made for a named technology is not the company's practice (rule 5)
            "Pinterest networking",
            "We developed network performance monitoring for the Pinterest EC2 fleet.",
            set(),
            {("Pinterest", "applies", "monitoring")},
        ),
        (  # the data a system processes is not a practice it applies (rule 7)
            "TSAR, a TimeSeries AggregatoR",
            "",
            set(),
            {("TSAR", "applies", "time-series data")},
        ),
        (  # a concept that only qualifies the class noun of the list is not the examples'
            "Yelp platform",
            "Yelp runs PaaSTA, built on open source tools including Docker and Apache Mesos.",
            set(),
            {("Docker", "applies", "open source"), ("Apache Mesos", "applies", "open source")},
        ),
        (  # "T is used for X": the concept is the technology's (rule 5), though the rule
            # measures below the floor for concepts; the company does not take it instead
            "Lyft caching",
            "At Lyft, Redis is used for caching and rate limiting.",
            set(),
            {("Lyft", "applies", "caching"), ("Lyft", "applies", "rate limiting")},
        ),
        (  # a technology the verb's object is built with, or qualifies, was not built
            "Lyft engineering",
            "Lyft developed an approach using Apache Kafka. The team is building JSON APIs.",
            set(),
            {("Lyft", "built", "Apache Kafka"), ("Lyft", "built", "JSON")},
        ),
        (  # a host is not the post's company; a comparison is not either
            "Moving off CockroachDB",
            "We were migrating from CockroachDB to a PostgreSQL database running on Azure. "
            "lnx is a search engine written in Rust akin to Elasticsearch or Algolia.",
            set(),
            {
                ("Microsoft Azure", "migrated_from", "CockroachDB"),
                ("Algolia", "uses", "Rust"),
                ("Algolia", "applies", "search engine"),
            },
        ),
        (  # building a thing of the concept's kind applies it; a named one takes it instead
            "Building a fault-tolerant metrics storage system at Airbnb",
            "Airbnb built its own search engine from scratch, called Blackbird.",
            {("Airbnb", "applies", "metrics storage"), ("Airbnb", "applies", "fault tolerance")},
            {("Airbnb", "applies", "search engine")},
        ),
        (  # compared or contributed to is not used; what the sentence's "it" does is not
            # the company's
            "Netflix storage",
            "After we compared Apache Cassandra and Redis, Netflix chose Redis. Netflix "
            "contributes to Apache Spark. Other than load balancing it enables other Netflix "
            "tools.",
            {("Netflix", "uses", "Redis")},
            {
                ("Netflix", "uses", "Apache Cassandra"),
                ("Netflix", "uses", "Apache Spark"),
                ("Netflix", "applies", "load balancing"),
            },
        ),
        (  # "the service" is the system just named, not the company (its own relations are
            # below the floor); an in-house appositive says who built it
            "Lyft routing",
            "Envoy is a proxy server. The service uses HTTP/2 and authentication. Lyft wrote "
            "about Robinhood, our in-house load balancing service. We decided to fix this by "
            "rewriting it in Rust.",
            {("Lyft", "built", "Robinhood"), ("Lyft", "migrated_to", "Rust")},
            {("Lyft", "uses", "HTTP/2"), ("Lyft", "applies", "authentication")},
        ),
        (  # adopted, not built; rule 8 in the passive and with words before "our"
            "Pinterest storage",
            "In 2013, we introduced Apache HBase into Pinterest. Pinterest's database needs "
            "were originally served primarily by MongoDB. Vitess now serves 99% of our load.",
            {
                ("Pinterest", "uses", "MongoDB"),
                ("Pinterest", "uses", "Vitess"),
            },
            {("Pinterest", "built", "Apache HBase")},
        ),
        (  # rule 8: "T supporting C's services", "T powers our X" → C uses T
            "How Redis powers our feed at Lyft",
            "Apache Kafka supporting Lyft's services handles a trillion events.",
            {("Lyft", "uses", "Redis"), ("Lyft", "uses", "Apache Kafka")},
            set(),
        ),
        (  # a product named after the company is its own, not one the post says it runs
            "Cloudflare inference",
            "Cloudflare has launched serverless inference through its Cloudflare Workers platform.",
            set(),
            {
                ("Cloudflare", "uses", "Cloudflare Workers"),
                ("Cloudflare", "built", "Cloudflare Workers"),
            },
        ),
        (  # the object of a reporting verb is a topic, unless the clause says how the
            # company uses it; a problem is suffered, not applied; a vendor's product is sold
            "Lyft engineering",
            "Lyft wrote a blog discussing the consequence of data democratization. Lyft has "
            "details of some neat Kubernetes tricks. An overview of Apache Kafka and how Lyft "
            "uses it. They tackled complex background job issues. Lyft wrote about upgrading "
            "Apache Airflow. A look at NVIDIA's NVIDIA H100 architecture.",
            {("Lyft", "uses", "Apache Kafka")},
            {
                ("Lyft", "applies", "data democratization"),
                ("Lyft", "uses", "Kubernetes"),
                ("Lyft", "applies", "background job"),
                ("Lyft", "built", "Apache Airflow"),
                ("Nvidia", "uses", "NVIDIA H100"),
            },
        ),
        (  # an actor named only in an aside is no subject; a difficulty is no practice; a
            # problem reduced is not applied; a concept qualifying a technology is the
            # technology's; an issue of a newsletter has no actor
            "Data Eng Weekly #12",
            "Modern data stacks are shifting towards SaaS components (e.g., Aurora at Amazon "
            "Web Services). At Facebook, it is simply too difficult to rewrite caching policies "
            "by hand. The team at VMware undertook a project to find and reduce toil.",
            set(),
            {
                ("Amazon Web Services", "applies", "software as a service"),
                ("Meta", "applies", "caching"),
                ("VMware", "applies", "toil"),
                ("Data Eng Weekly", "applies", "caching"),
            },
        ),
        (
            "Notion's sharding",
            "Notion sharded their monolithic Postgres.",
            {("Notion", "uses", "PostgreSQL")},
            {("Notion", "applies", "monolithic architecture")},
        ),
        (  # what another verb acts on is not what the use verb's subject runs
            "Lyft reliability",
            "We use tools for detecting bugs in Redis clusters. We deploy checks at every "
            "scale for profiling Apache Kafka. We built tooling for running Apache Cassandra.",
            {("Lyft", "uses", "Apache Cassandra")},
            {("Lyft", "uses", "Redis"), ("Lyft", "uses", "Apache Kafka")},
        ),
        (
            "Meta reliability",
            "We deploy methodologies at various scales for detecting SDC [Silent Data "
            "Corruption] across our infrastructure.",
            set(),
            {("Meta", "uses", "Silent Data Corruption"), ("Meta", "uses", "SDC")},
        ),
        (  # a version's migration is an upgrade: migrated_to only (rule 6)
            "How Uber Executed a JUnit Migration",
            "Uber automated the JUnit 5 migration using OpenRewrite.",
            {("Uber", "migrated_to", "JUnit")},
            {("Uber", "uses", "JUnit")},
        ),
        (  # what a relative clause inside an appositive acts on is not what the system is
            "FlashAttention: The Tricks That Broke the Memory Wall",
            "Envoy, a proxy that implements load balancing. FlashInfer, the libraries that "
            "make LLM inference fast.",
            {("Envoy", "applies", "load balancing")},
            {
                ("FlashInfer", "applies", "LLM inference"),
                ("FlashAttention", "applies", "memory wall"),
            },
        ),
        (  # rule 3: the possessor of a product another subject adopts is only its vendor
            "Shopify build tooling",
            "Shopify adopted Google's Bazel for its monorepo.",
            {("Shopify", "uses", "Bazel")},
            {("Google", "uses", "Bazel")},
        ),
        (  # rule 7: a problem worked around is not applied, by a possessor either
            "vLLM internals",
            "vLLM sidesteps Python's global interpreter lock and scales predictably.",
            set(),
            {("Python", "applies", "global interpreter lock")},
        ),
        (  # rewriting their own code on one framework in another language is a move
            "Shopify engineering",
            "Shopify rewrote their Ruby on Rails API in Go, improving reliability.",
            {("Shopify", "migrated_from", "Ruby on Rails"), ("Shopify", "migrated_to", "Go")},
            {("Shopify", "built", "Ruby on Rails"), ("Shopify", "uses", "Go")},
        ),
        (  # the object of a purpose's verb is not what the use verb's subject runs
            "Klaviyo databases",
            "Klaviyo adopted Amazon RDS to make MySQL upgrades painless.",
            {("Klaviyo", "uses", "Amazon RDS")},
            {("Klaviyo", "uses", "MySQL")},
        ),
        (  # "our X": the first-person possessive gives the company the concept (rules 1
            # and 3); a concept only near "we" does not
            "Stream processing at OpenAI",
            "We'll walk you through our multi-region architecture. We rely on caching.",
            {("OpenAI", "applies", "multi-region")},
            {("OpenAI", "applies", "caching")},
        ),
        (  # a concept near "we"/"they" alone is too unsure to attach to the company
            "Netflix data",
            "They return a full denormalized record and we rely on caching.",
            set(),
            {("Netflix", "applies", "denormalization"), ("Netflix", "applies", "caching")},
        ),
        (  # a build verb before a well-known technology another maker (or no one company)
            # makes builds a deployment of it, not the technology (rule 1)
            "Yelp streaming",
            "We launched our very first Kafka cluster at Yelp. In this session we dive into "
            "building the Apache Flink platform at Yelp.",
            set(),
            {("Yelp", "built", "Apache Kafka"), ("Yelp", "built", "Apache Flink")},
        ),
        (  # a comparison is not applied; what the company's system does is still its own
            "Netflix recommendations",
            "Netflix has given its recommender system a makeover with a foundation model "
            "similar to LLMs.",
            {("Netflix", "applies", "foundation model")},
            {("Netflix", "applies", "large language model")},
        ),
        (  # a company named once in passing is not the post's subject
            "Engineering notes",
            "Oleksii, Senior Architect at Mirantis, shares his approach to Kubernetes "
            "workload assessment.",
            set(),
            {("Mirantis", "uses", "Kubernetes")},
        ),
        (  # named once, but as the authors ("the … team at C"): the post is the company's
            "How Data 360 Optimized Scheduling",
            "The Compute Fabric team at Salesforce optimized Kubernetes scheduling.",
            {("Salesforce", "uses", "Kubernetes")},
            set(),
        ),
        (  # "their" after another opening subject is that subject's; a sponsored patch is
            # a contribution; the company naming its platform's kind is not the subject
            "PayPal payments",
            "ScyllaDB joined the party with their vector search engine. PayPal has sponsored "
            "a FreeBSD patch. PayPal rule engine platform allows experts to analyze event "
            "streams.",
            set(),
            {
                ("PayPal", "uses", "ScyllaDB"),
                ("PayPal", "uses", "FreeBSD"),
                ("PayPal", "applies", "event streaming"),
            },
        ),
        (  # a host after a preposition is no verb's subject; a title's destination is not
            # the post's company
            "Real-Time Data Streaming from Mainframe to Salesforce",
            "We built out an infrastructure in AWS using Packer and Terraform. We leveraged "
            "Apache Kafka to stream data.",
            set(),
            {
                ("Amazon Web Services", "uses", "Terraform"),
                ("Salesforce", "uses", "Apache Kafka"),
            },
        ),
        (  # a crash suffered is no use; a time is a metric; a move's target is not past
            # a comma; a concept right after a technology ("WireGuard™ encryption") is its
            "GitHub availability",
            "GitHub experienced incidents, including MySQL server crashes. GitHub reported "
            "decreased model training time. GitHub moves its query feature to GA, joining "
            "Apache Iceberg tables. GitHub uses connections with WireGuard™ encryption.",
            set(),
            {
                ("GitHub", "uses", "MySQL"),
                ("GitHub", "applies", "model training"),
                ("GitHub", "migrated_to", "Apache Iceberg"),
                ("GitHub", "applies", "encryption"),
            },
        ),
        (  # a comma closing an opening clause is no apposition; "As a X, T" is one
            "Lakehouse notes",
            "Instead of writing files for every micro-batch, DuckDB stores rows in a catalog. "
            "As a distributed system, Apache Kafka needs metadata.",
            {("Apache Kafka", "applies", "distributed system")},
            {("DuckDB", "applies", "micro-batch")},
        ),
        (  # a technology that qualifies the next noun is no apposition of the concept
            "Zero trust explained",
            "Zero trust explained: continuous verification, SPIFFE workload identity and mTLS.",
            set(),
            {("SPIFFE", "applies", "continuous verification")},
        ),
    ],
)
def test_what_the_text_does_not_state(extractor, title, summary, expected, absent):
    found, relations = triples(extractor, title, summary)
    assert expected <= found, found
    assert not (absent & found), found
    for r in relations:
        assert r.confidence >= 0.65, r  # RELATION_FLOOR: nothing less sure is emitted


@pytest.mark.parametrize(
    ("summary", "expected", "absent"),
    [
        (  # the passive and a company subject of "powered by"
            "Apache Kafka is used by LinkedIn for activity streams. GitHub is powered by MySQL.",
            {("LinkedIn", "uses", "Apache Kafka"), ("GitHub", "uses", "MySQL")},
            set(),
        ),
        (  # "introduced T as a X" adopts T in that role; it does not build it
            "LinkedIn introduced Couchbase as a centralized cache to absorb reads.",
            {("LinkedIn", "uses", "Couchbase"), ("Couchbase", "applies", "cache")},
            {("LinkedIn", "built", "Couchbase"), ("LinkedIn", "applies", "cache")},
        ),
        (  # "our X system, T": T realises X, the company uses T (rules 3 and 5)
            "At Uber we put every change through our internal code review system, Phabricator.",
            {("Phabricator", "applies", "code review"), ("Uber", "uses", "Phabricator")},
            {("Uber", "applies", "code review")},
        ),
        (  # "T, C's internal X platform": the company's own system, with no concept named
            "Espresso, LinkedIn's internal storage platform, serves member profiles.",
            {("LinkedIn", "uses", "Espresso")},
            set(),
        ),
        (  # "T, C's X": the company's own system, of the concept's kind
            "Espresso, LinkedIn's distributed data store, serves member profiles.",
            {("Espresso", "applies", "distributed data store"), ("LinkedIn", "uses", "Espresso")},
            {("LinkedIn", "applies", "distributed data store")},
        ),
        (  # a technology that only qualifies the appositive's noun is not the verb's object
            "Lyft runs Envoy, a Go-based proxy, in front of every service.",
            {("Lyft", "uses", "Envoy"), ("Envoy", "uses", "Go")},
            {("Lyft", "uses", "Go")},
        ),
        (  # a list is no apposition; a contraction negates
            "The post covers memtable, WAL, SSTables, compaction and Bloom filters in RocksDB. "
            "Shopify's mobile team shares lessons about when JavaScript isn't enough.",
            set(),
            {("SSTables", "applies", "write-ahead log"), ("Shopify", "uses", "JavaScript")},
        ),
        (  # in production at C; a long appositive before "written in"; "as its X"
            "Brooklin - a stateless service for streaming data - has been running in "
            "production at LinkedIn since 2016. ScyllaDB, a Cassandra-compatible database "
            "written in C++. Discord adopted CockroachDB as its new storage engine.",
            {
                ("LinkedIn", "uses", "Brooklin"),
                ("ScyllaDB", "uses", "C++"),
                ("CockroachDB", "applies", "storage engine"),
            },
            {("ScyllaDB", "uses", "Apache Cassandra")},
        ),
        (  # ditching a technology is moving away from it
            "Uber sped up the mobile app by ditching TCP.",
            {("Uber", "migrated_from", "TCP")},
            {("Uber", "uses", "TCP")},
        ),
    ],
)
def test_grammatical_constructions(extractor, summary, expected, absent):
    found, _ = triples(extractor, "Engineering notes", summary)
    assert expected <= found, found
    assert not (absent & found), found


def test_a_foundation_or_agency_is_not_the_actor_of_a_post(extractor):
    found, _ = triples(
        extractor,
        "Notes",
        "The Lumen Foundation moved from RethinkDB to PostgreSQL and uses Kafka.",
    )
    assert not any(head == "Lumen Foundation" for head, _, _ in found)


@pytest.mark.parametrize(
    ("title", "summary", "expected", "absent"),
    [
        (  # a title's technology at the company; not a technology that names a concept
            "Kafka and Flink at Yelp",
            "Yelp engineers describe the platform.",
            {("Yelp", "uses", "Apache Kafka"), ("Yelp", "uses", "Apache Flink")},
            set(),
        ),
        (
            "Cilium Service Mesh at Isovalent",
            "In this talk, we explore how eBPF, using the Cilium project, allows you to build "
            "a service mesh. Our Cassandra cluster stores the state. The article discusses how "
            "the platform team at Isovalent optimized Kubernetes scheduling.",
            {("Isovalent", "uses", "Apache Cassandra"), ("Isovalent", "uses", "Kubernetes")},
            {("Isovalent", "uses", "Cilium"), ("Isovalent", "uses", "eBPF")},
        ),
        (  # a practise verb's concept object, of a technology or a company; a participle
            # after a technology is no verb of it
            "Notes",
            "Apache Kafka implements exactly-once semantics and supports tiered storage. "
            "Netflix employs the Write-Audit-Publish pattern to keep tables clean. Chime moved "
            "its ledger from PostgreSQL 12 to PostgreSQL 16 using logical replication.",
            {
                ("Apache Kafka", "applies", "exactly-once semantics"),
                ("Apache Kafka", "applies", "tiered storage"),
                ("Netflix", "applies", "write-audit-publish"),
            },
            {("PostgreSQL", "applies", "logical replication")},
        ),
        (  # "T: a X" in a title; an appositive's purpose
            "Raft: In Search of an Understandable Consensus Algorithm",
            "Debezium is an open source platform for reliable change data capture.",
            {
                ("Raft", "applies", "consensus algorithm"),
                ("Debezium", "applies", "change data capture"),
            },
            set(),
        ),
        (  # "they" of an intruder is near the company, not tied to it; "our tech stack
            # includes A, B and C" ties every item of the list
            "Uber security incident",
            "Uber was breached last week. They got into the VPN and scanned for servers. "
            "Uber engineers run Kafka clusters and our tech stack includes Redis, Memcached "
            "and MySQL.",
            {("Uber", "uses", "Redis"), ("Uber", "uses", "Memcached"), ("Uber", "uses", "MySQL")},
            {("Uber", "uses", "VPN")},
        ),
        (  # what backs the company's system, and what it kept, are its own
            "PayPal rate limiting",
            "The article explains how PayPal protects its payment APIs with a distributed rate "
            "limiter backed by Redis, and why the team kept PostgreSQL for the ledger.",
            {("PayPal", "uses", "Redis"), ("PayPal", "uses", "PostgreSQL")},
            set(),
        ),
    ],
)
def test_what_the_sentence_ties_to_its_head(extractor, title, summary, expected, absent):
    found, _ = triples(extractor, title, summary)
    assert expected <= found, found
    assert not (absent & found), found


@pytest.mark.parametrize(
    ("title", "summary", "expected", "absent"),
    [
        (  # "from A with T to A with U": the technologies are what moved, not the pattern
            "Shopify Checkout Architecture: from CQRS with RabbitMQ to CQRS with Apache Pulsar",
            "",
            {("Shopify", "migrated_from", "RabbitMQ"), ("Shopify", "migrated_to", "Apache Pulsar")},
            {("Shopify", "migrated_to", "RabbitMQ")},
        ),
        (  # a headline-case noun of the technology's before "at C"
            "ZooKeeper Resilience at Pinterest",
            "Pinterest engineers describe the coordination layer.",
            {("Pinterest", "uses", "Apache ZooKeeper")},
            set(),
        ),
        (  # a name in parentheses after the company's concept-qualified system
            "Notes",
            "Airbnb's multi-tenant key-value store (Mussel) throttles bursts.",
            {
                ("Airbnb", "uses", "Mussel"),
                ("Mussel", "applies", "multi-tenancy"),
                ("Mussel", "applies", "key-value store"),
            },
            {("Airbnb", "applies", "multi-tenancy")},
        ),
        (  # what the apposed noun does, and its use cases
            "Notes",
            "Apache ZooKeeper is an open source coordination service that's popular for use "
            "cases like service discovery and distributed locking. Cheetah, a load balancer "
            "that supports consistent hashing, runs on switches.",
            {
                ("Apache ZooKeeper", "applies", "service discovery"),
                ("Cheetah", "applies", "consistent hashing"),
            },
            set(),
        ),
        (  # a technology's approach to concepts; a concept glossed in parentheses
            "Notes",
            "We discuss Apache Flink's approach to stream processing with state. Shopify "
            "implements load shedding (admission control) at the edge.",
            {
                ("Apache Flink", "applies", "stream processing"),
                ("Shopify", "applies", "load shedding"),
                ("Shopify", "applies", "admission control"),
            },
            set(),
        ),
        (  # an apposition set off by an en dash, its adjectives between commas
            "Notes",
            "Today marks a year since the launch of Espresso \u2013 LinkedIn's globally "
            "distributed, multi-model database service.",
            {("Espresso", "applies", "multi-model database"), ("LinkedIn", "uses", "Espresso")},
            set(),
        ),
    ],
)
def test_title_moves_and_title_topics(extractor, title, summary, expected, absent):
    found, _ = triples(extractor, title, summary)
    assert expected <= found, found
    assert not (absent & found), found


def test_a_kind_of_hardware_near_the_company_is_not_used(extractor):
    found, _ = triples(
        extractor,
        "Container start-up at Netflix",
        "Netflix needed to spin up hundreds of containers in seconds, but after modernizing "
        "their container runtime, they hit an unexpected CPU bottleneck in our Titus fleet.",
    )
    assert ("Netflix", "uses", "CPU") not in found, found


@pytest.mark.parametrize(
    ("title", "absent"),
    [
        (  # the concept is realised by the named technologies (rule 5)
            "Building Faster Indexing with Apache Kafka and Elasticsearch",
            ("DoorDash", "applies", "indexing"),
        ),
        (
            "How to build your own VPN, or: the history of WARP",
            ("Cloudflare", "applies", "virtual private network"),
        ),
    ],
)
def test_a_title_build_that_is_not_the_companys_practice(extractor, title, absent):
    company = absent[0]
    found, _ = triples(extractor, title, f"{company} engineers describe the system.")
    assert absent not in found, found


@pytest.mark.parametrize(
    ("title", "summary", "expected", "absent"),
    [
        (  # the title's company is its verb's subject: the title's concepts are its practice
            "How Shopify Scaled Its Feature Store",
            "Engineers describe the rollout.",
            {("Shopify", "applies", "feature store")},
            set(),
        ),
        (  # "we learned" is no practice
            "What We Learned at AWS re:Invent About Serverless Cold Starts",
            "Zapier engineers went to a conference.",
            set(),
            {("Zapier", "applies", "serverless computing")},
        ),
        (  # a company later in the title is an object, not the subject
            "Bringing Vector Search to Etsy Listings",
            "Etsy engineers describe the work.",
            set(),
            {("Etsy", "applies", "vector search")},
        ),
        (  # a company named before a concept is no subject: nothing is stated of it
            "Datadog distributed tracing guide",
            "A guide.",
            set(),
            {("Datadog", "applies", "distributed tracing")},
        ),
        (  # the purpose of the technology a use verb takes is the technology's (rule 5)
            "Load balancing at Yelp",
            "Yelp uses HAProxy for load balancing across its services.",
            {("HAProxy", "applies", "load balancing"), ("Yelp", "uses", "HAProxy")},
            set(),
        ),
        (  # … but a purpose of hardware is the user's
            "Cloud TPU talk",
            "You can use a Cloud TPU for image classification and machine translation.",
            set(),
            {("TPU", "applies", "image classification")},
        ),
        (  # examples in parentheses count as "is a" (rule 4)
            "Supply chain attacks",
            "Attackers target package managers (e.g., npm, pip) with typosquatting.",
            {("npm", "applies", "package manager"), ("pip", "applies", "package manager")},
            set(),
        ),
        (  # the opening technology's verb of having: its object is its concept
            "Kafka security",
            "Apache Kafka ships with several authentication options.",
            {("Apache Kafka", "applies", "authentication")},
            set(),
        ),
        (  # a concept after a technology in the company's object list
            "Shopify backends",
            "Shopify's engineering teams are utilizing Kubernetes and microservices.",
            {("Shopify", "applies", "microservices")},
            set(),
        ),
        (  # the subject technology's verb of providing, later in its clause (rule 2)
            "Service mesh notes",
            "Envoy runs beside each service in the cluster to provide load balancing.",
            {("Envoy", "applies", "load balancing")},
            set(),
        ),
        (  # an adjectival concept before a technology's name says what it is (rule 4)
            "Monitoring primer",
            "A good primer for thinking about highly available Prometheus and Grafana.",
            {
                ("Prometheus", "applies", "high availability"),
                ("Grafana", "applies", "high availability"),
            },
            set(),
        ),
        (  # … but not a noun or verb that opens a phrase of its own
            "Autoscaling Mesos Clusters with Clusterman",
            "Yelp engineers describe the autoscaler.",
            set(),
            {("Apache Mesos", "applies", "autoscaling")},
        ),
        (  # … but a system built on T is not T's practice
            "Nrtsearch: Yelp's Lucene-Based Search Engine",
            "Yelp engineers describe it.",
            set(),
            {("Apache Lucene", "applies", "search engine")},
        ),
        (  # "T-based X" with no named system as the noun: X is realised by T (rule 5)
            "Video at Netflix",
            "Previously, FFmpeg-based transcoding systems discarded this metadata.",
            {("FFmpeg", "applies", "transcoding")},
            set(),
        ),
    ],
)
def test_more_stated_concepts(extractor, title, summary, expected, absent):
    found, _ = triples(extractor, title, summary)
    assert expected <= found, found
    assert not (absent & found), found


def test_an_engineering_organisation_states_what_its_company_does(extractor):
    got, _ = triples(
        extractor, "Notes", "In the recent past at Wix Engineering we migrated our builds to Bazel."
    )
    assert ("Wix", "migrated_to", "Bazel") in got
    assert not any(h == "Wix Engineering" for h, _, _ in got)
