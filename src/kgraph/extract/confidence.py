"""How sure each way of finding an entity is: the ``confidence`` every mention carries.

One table, so a reader can compare the methods and a change to one is seen beside the rest.
"""

ONTOLOGY = 0.98
"""A curated name matched in its own case."""
ONTOLOGY_AMBIGUOUS = 0.75
"""A curated name that is also a common word, matched with supporting context."""
ACRONYM_EXPANSION = 0.8
"""An expansion the text defines, as in ``dead-letter queue (DLQ)``."""
ACRONYM_USE = 0.85
"""A later use of an acronym the post defined."""
ACRONYM_ELSEWHERE = 0.8
"""An acronym the post defined, found in its other field."""
LISTED_SIGNAL = 0.85
"""An observability signal's plural read as its practice from a list of signals (``logs,
metrics, and traces``)."""
MINED_CONCEPT_MAX = 0.9
"""The ceiling of a concept the miner found (its score below that)."""

# -- stated relations (extract/relations*.py) -----------------------------------------------
# How sure each relation rule is: its precision alone on the eighteen tuning sets pooled
# (data/gold/real-dev, real-dev2 … real-dev7, real-dev9 … real-dev19; counted with every
# rule emitted, as ``kgraph eval GOLD -v`` lists them per method at a floor of 0), shrunk
# toward the rule's measure before the sixth pass with a weight of four relations
# ((tp + 4 * earlier) / (n + 4)), then rounded down to 0.05. A rule is named by its method
# up to the colon, except the actor rule, whose ways of tying a post to its company differ.
# The counts in the comments are those of the sets each line was first measured on; the
# eighteen-set counts are printed by the bench. Checked leave-one-set-out: with the table
# made from the other seventeen sets each time, the eighteen sets score a mean micro
# precision of 0.77 (recall 0.34; pooled 0.82 / 0.36) at the floor below. The three newest
# sets, scored before any rule was fitted to them, are the harder test: 0.48 precision then,
# most of their wrong relations from an entity the extractor named or typed wrongly.
# ``bench/relation_calibration.py`` prints the counts, the floor curve and that check;
# docs/extraction.md has them per set.
RELATION_METHODS = {
    "verb": 0.9,  # "C uses/runs/adopted T", "T is used by C", "T powers our X": 35 of 37
    # "Kafka at Yelp", "Scaling Elasticsearch Clusters at Shopify": a title's technology at
    # the company (C uses T); "Coinbase Scales … with MongoDB", "Building Faster Indexing
    # with Apache Kafka": the instrument of the title's (or the post's) company: 26 of 29 on
    # the fifteen sets, with every rule emitted
    "title": 0.8,
    # "Wayve manages scheduling … on Kubernetes using Kueue": the instrument of a verb whose
    # subject, a company, opens the clause far before it
    "verb:using": 0.7,
    "built": 0.85,  # "C built/developed T", "T, built by C", "T, our in-house X": 14 of 15
    # "launched our first Kafka cluster", "building the Flink platform at OpenAI": a build
    # verb before a well-known technology builds a deployment of it (uses): 2 of 3,
    # shrunk toward the build rule it was split from
    "built:deployment": 0.6,
    "modifier": 0.8,  # "T, written in/based on U", "C is powered by T": 8 of 10
    # "U-based T": 7 of 10; RELATION-RULES' own example ("a Zig-based job scheduler")
    "compound": 0.75,
    "migration": 0.85,  # "from A to B", "replaced A with B", "moved to B": 56 of 63
    # "T, a X", "X system, T", "T as a X", "X such as T", "T is a X platform for Y",
    # "T: A X" (a title), "X (T)", "T, a X that supports Y": 57 of 74
    "apposition": 0.8,
    "possessive": 0.7,  # "C's T", "T, C's internal X platform": 14 of 17
    # … but a name only the statistical model found, which the sentence does not call the
    # company's system ("Shopify's Help Center", "Verizon's DBIR", "AMD's MI355X"): a product
    # it sells or a report it publishes more often than its own system: 0 of 13 on the
    # twenty-six tuning sets with every rule emitted
    "possessive:product": 0.3,
    # The actor rule's technologies, when the sentence ties the technology to the company:
    # its possessive ("our Cassandra cluster"), a deployment or code noun ("Kafka clusters",
    # "a Kotlin service"), an implementation preposition ("in Go", "backed by Redis"), a
    # verb of the company's ("by deploying T", "optimized T", "kept T"), or a list with such
    # an item. The company named in the sentence, and elsewhere or as its opening subject:
    # 15 of 17
    "actor:named": 0.85,
    "actor:anaphor": 0.7,  # … as "we", "the team", "its": 27 of 34
    # "Our infrastructure is made up of … Luna and Kraken", "our tech stack was a monolith of
    # PHP": what the company's own stack is made of: 3 of 3 on the twenty-four sets, shrunk
    # toward actor:anaphor ((3 + 4 * 0.7) / 7)
    "actor:stack": 0.8,
    # "RadixArk, a startup building on … SGLang": a company's appositive built on T: 1 of 1,
    # the modifier's line
    "modifier:apposed": 0.8,
    # Below the floor: measured, and kept from the output. The subject rule still keeps a
    # sentence about a named system from crediting its concepts to the company.
    # A technology only near the company's name or "we" ("They got into the VPN", "we
    # explore how eBPF …", "TigerBeetle engineered …"): 5 of 11 and 10 of 21, shrunk toward
    # the rule they were split from
    "actor:named-near": 0.5,
    "actor:anaphor-near": 0.4,
    "subject": 0.45,  # a concept of a sentence whose subject is T: 13 of 30
    # "Falco … detects anomalies in the application using eBPF": a technology the subject
    # technology's verb is done with (rule 2), the modifier's line
    "subject:using": 0.8,
    "actor:title": 0.3,  # the post's company in the title: 6 of 9
    # … whose company (or "we") is the subject of its verb ("Uber Halved Go Monorepo CI Build
    # Time", "How Discord achieves native iOS performance with React Native"): its
    # technology, as its concepts (applies line): 3 of 4 on the eleven sets it was not
    # written for, shrunk toward actor:title ((3 + 4 * 0.6) / 8)
    "actor:title-subject": 0.65,
    # the company named once outside the title (not as a sentence's opening subject), or
    # beside other companies: 7 of 23
    "actor:passing": 0.2,
    # a name only the statistical model found, without "we"/"our": 5 of 16; with them, but
    # not called the company's own system: 8 of 22 on blocks A and C
    "actor:discovered": 0.2,
}
# ``applies`` (a concept tail) is the least precise type, and a rule's concepts are not as
# sure as its technologies: "our desktop client's sync engine", "the reliability of AI
# training workloads" name a concept without saying the head practises it. Those rules have
# their own line, by the same measure.
RELATION_METHOD_APPLIES = {
    "verb": 0.65,  # "we implemented request hedging", "building a X system": 10 of 13
    # … but the concepts in a build verb's object phrase alone ("developed a generative AI
    # chat assistant", "built a supercomputer", "implementing RAG systems") name what was
    # built more often than a practice: 23 of 42 on the thirty-three sets of blocks A and C
    "verb:build": 0.55,
    # "Netflix employs the Write-Audit-Publish pattern", "Apache Kafka implements
    # exactly-once semantics": the concept as a practise verb's direct object, 6 of 7 (the
    # technology's form never fired on the nine sets), shrunk toward the verb line
    "verb:practise": 0.85,
    "verb:practise-tech": 0.7,
    # "Apache Kafka ships with diverse authentication options", "Michelangelo now sports an
    # LLM gateway": the opening technology's verb of having, its concept object: 3 of 4
    "verb:tech": 0.95,
    # "Shopify's teams are utilizing Kubernetes and microservices": a concept after a
    # technology in the company's object list: 1 of 1, the practise verb's line
    "verb:practise-list": 0.9,
    # "FFmpeg-based transcoding systems": the concept a "T-based" compound qualifies, with no
    # named system as its noun (rule 5): 1 of 1, the compound's line
    "compound:concept": 0.7,
    # "the Vespa search engine", "Caffeine cache": a technology's name before the concept
    # its curated entry is filed under (rules 4 and 5), "the ZFS and Btrfs file systems": 9
    # of 13 on the eighteen sets, shrunk toward the compound line ((9 + 4 * 0.65) / 17)
    "compound:named": 0.65,
    # "package managers (e.g., npm, pip)": examples in parentheses (rule 4): 2 of 2
    "apposition:examples": 0.9,
    # "open-source file formats: Apache Hudi, …", "the open-source inference engine SGLang":
    # an adjectival concept on the class noun of examples or of a name (rule 4): 10 of 10 on
    # real-dev20 … real-dev25 (none on the eighteen calibration sets), kept at the
    # apposition's line
    "apposition:class": 0.8,
    # "language models such as Anthropic's Claude, Amazon Nova …": examples named with their
    # vendor (rule 4): 0 of 1 on the twenty-four sets (the one wrong is the entity stage's
    # "Claude" for the gold's "Claude Opus"), shrunk toward apposition: below the floor
    "apposition:vendor": 0.6,
    # "Apache Iceberg addresses these pain points by providing ACID transactions, …": the
    # means of a technology's own verb: 1 of 2 (the wrong one is "ACID transactions" resolved
    # to database transaction), shrunk toward verb:practise-tech: below the floor
    "verb:practise-means": 0.6,
    # "the most widely used CMS is WordPress": the copula read backwards (rule 4); it does
    # not fire on the twenty-four sets, kept at the apposition's line
    "apposition:copula": 0.8,
    # "Airbnb's Impulse framework combines … to provide containerized performance testing":
    # the object of a practise verb in the clause of a subject technology: 2 of 2, shrunk
    # toward the practise verb's line
    "subject:verb": 0.75,
    # "Load-balanced Brooklin Mirror Maker", "the open source BoltDB system": an adjectival
    # concept before a technology's name says what it is (rule 4): 7 of 7
    "modifier:concept": 0.8,
    # "T for X", "X with T": 10 of 31; RELATION-RULES' own example ("HAProxy for load
    # balancing"), but on text it was not written for its purpose is as often the user's.
    "modifier": 0.35,
    # … but the purpose of a technology a use verb takes ("Kafka uses ZooKeeper for
    # distributed coordination", "Uses Ray + DeepSpeed for fine-tuning") is the technology's
    # own activity (rule 5): 2 of 2, shrunk toward the modifier line before the sixth pass
    "used-for": 0.65,
    "migration": 0.65,  # the new concept of a replaced one: 3 of 5
    "possessive": 0.75,  # "C's X", "T's X", "T's approach to X": 22 of 31
    # the company named in the sentence, which ties the concept to it (its possessive, a
    # preposition of use, a verb of applying, using or building): 12 of 14; a concept only
    # near the name falls to actor:named-near (below the floor). Run on each set before the
    # rules were tuned on it, the actor rule's concepts were right on 34 of 99 (the ones
    # this tie keeps: 19 of 39).
    "actor:named": 0.9,
    "actor:anaphor": 0.35,  # 22 of 52
    # "our multi-region architecture": the first-person possessive (rule 3 after anaphora):
    # 9 of 12, shrunk toward the possessive rule's line
    "actor:our": 0.7,
    "actor:title": 0.3,  # 10 of 18
    "actor:title-at": 0.75,  # "X at C" titles: 7 of 9
    # … whose company (or "we") is the subject of its verb ("How Lyft Used Envoy to Rethink
    # Microservice Development", "How We Applied Client-Side Caching"): 8 of 8, shrunk toward
    # actor:title
    "actor:title-subject": 0.75,
}
RELATION_FLOOR = 0.65
"""Relations from a rule measured below this are not emitted: fewer, surer relations."""


def relation_confidence(method: str, type_: str = "") -> float:
    """The confidence of a relation of ``type_`` found by ``method`` (0.0 for an unknown rule).

    >>> relation_confidence("migration:from-to"), relation_confidence("actor:title")
    (0.85, 0.3)
    >>> relation_confidence("actor:anaphor", "uses"), relation_confidence("actor:anaphor", "applies")
    (0.7, 0.35)
    """
    table = RELATION_METHODS
    if type_ == "applies":
        table = {**RELATION_METHODS, **RELATION_METHOD_APPLIES}
    if method in table:
        return table[method]
    return table.get(method.split(":")[0], 0.0)
