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
MINED_CONCEPT_MAX = 0.9
"""The ceiling of a concept the miner found (its score below that)."""

# -- stated relations (extract/relations.py) ------------------------------------------------
# How sure each relation rule is: its precision alone on the seven tuning sets pooled
# (data/gold/real-dev, real-dev2 … real-dev7: 434 posts, 723 gold relations; counted with
# every rule emitted, as ``kgraph eval GOLD -v`` lists them per method at a floor of 0), shrunk
# toward the rule's earlier measure with a weight of four relations ((tp + 4 * earlier) /
# (n + 4)), then rounded down to 0.05. A rule is named by its method up to the colon, except
# the actor rule, whose ways of tying a post to its company differ. Checked
# leave-one-set-out: with the table made from the other six sets each time, the seven sets
# score a mean micro precision of 0.796 (recall 0.358) at the floor below.
# ``bench/relation_calibration.py`` prints the counts, the floor curve and that check;
# docs/extraction.md has them per set.
RELATION_METHODS = {
    "verb": 0.95,  # "C uses/runs/adopted T", "T is used by C", "T powers our X": 29 of 30
    # "Kafka at Yelp", "Scaling Elasticsearch Clusters at Shopify": a title's technology at
    # the company (C uses T): 3 of 4 (the fourth the gold's "Cruise" for "GM Cruise"), shrunk
    # toward the title's "X at C" concepts (actor:title-at)
    "title": 0.7,
    "built": 0.95,  # "C built/developed T", "T, built by C", "T, our in-house X": 12 of 12
    # "launched our first Kafka cluster", "building the Flink platform at OpenAI": a build
    # verb before a well-known technology builds a deployment of it (uses): 1 of 2,
    # shrunk toward the build rule it was split from
    "built:deployment": 0.7,
    "modifier": 0.75,  # "T, written in/based on U", "C is powered by T": 7 of 9
    # "U-based T": 6 of 7, its miss a misnamed entity; RELATION-RULES' own example ("a
    # Zig-based job scheduler")
    "compound": 0.75,
    "migration": 0.8,  # "from A to B", "replaced A with B", "moved to B": 47 of 56
    # "T, a X", "X system, T", "T as a X", "X such as T", "T is a X platform for Y",
    # "T: A X" (a title): 41 of 52
    "apposition": 0.75,
    "possessive": 0.85,  # "C's T", "T, C's internal X platform": 12 of 14
    # The actor rule's technologies, when the sentence ties the technology to the company:
    # its possessive ("our Cassandra cluster"), a deployment or code noun ("Kafka clusters",
    # "a Kotlin service"), an implementation preposition ("in Go", "backed by Redis"), a
    # verb of the company's ("by deploying T", "optimized T", "kept T"), or a list with such
    # an item. The company named in the sentence, and elsewhere or as its opening subject:
    # 14 of 15
    "actor:named": 0.9,
    "actor:anaphor": 0.8,  # … as "we", "the team", "its": 27 of 32
    # Below the floor: measured, and kept from the output. The subject rule still keeps a
    # sentence about a named system from crediting its concepts to the company.
    # A technology only near the company's name or "we" ("They got into the VPN", "we
    # explore how eBPF …", "TigerBeetle engineered …"): 5 of 12 and 6 of 16, shrunk toward
    # the rule they were split from
    "actor:named-near": 0.5,
    "actor:anaphor-near": 0.4,
    "subject": 0.4,  # a concept of a sentence whose subject is T: 13 of 30
    "actor:title": 0.5,  # the post's company in the title: 4 of 8
    # the company named once outside the title (not as a sentence's opening subject), or
    # beside other companies: 6 of 11
    "actor:passing": 0.6,
    # a name only the statistical model found, without "we"/"our": 4 of 10
    "actor:discovered": 0.5,
}
# ``applies`` (a concept tail) is the least precise type, and a rule's concepts are not as
# sure as its technologies: "our desktop client's sync engine", "the reliability of AI
# training workloads" name a concept without saying the head practises it. Those rules have
# their own line, by the same measure.
RELATION_METHOD_APPLIES = {
    "verb": 0.75,  # "we implemented request hedging", "building a X system": 7 of 9
    # "Netflix employs the Write-Audit-Publish pattern", "Apache Kafka implements
    # exactly-once semantics": the concept as a practise verb's direct object, 3 of 4 (the
    # technology's form never fired on the seven sets), shrunk toward the verb line
    "verb:practise": 0.7,
    "verb:practise-tech": 0.7,
    # "T for X", "X with T": 9 of 23; RELATION-RULES' own example ("HAProxy for load
    # balancing"), but on text it was not written for its purpose is as often the user's.
    "modifier": 0.4,
    "migration": 0.5,  # the new concept of a replaced one: 2 of 5
    "possessive": 0.75,  # "C's X", "T's X": 18 of 24
    "actor:named": 0.75,  # 20 of 26
    "actor:anaphor": 0.5,  # 20 of 39
    # "our multi-region architecture": the first-person possessive (rule 3 after anaphora):
    # 6 of 9, shrunk toward the possessive rule's line
    "actor:our": 0.65,
    "actor:title": 0.55,  # 10 of 17
    "actor:title-at": 0.75,  # "X at C" titles: 5 of 6
}
RELATION_FLOOR = 0.65
"""Relations from a rule measured below this are not emitted: fewer, surer relations."""


def relation_confidence(method: str, type_: str = "") -> float:
    """The confidence of a relation of ``type_`` found by ``method`` (0.0 for an unknown rule).

    >>> relation_confidence("migration:from-to"), relation_confidence("actor:title")
    (0.8, 0.5)
    >>> relation_confidence("actor:anaphor", "uses"), relation_confidence("actor:anaphor", "applies")
    (0.8, 0.5)
    """
    table = RELATION_METHODS
    if type_ == "applies":
        table = {**RELATION_METHODS, **RELATION_METHOD_APPLIES}
    if method in table:
        return table[method]
    return table.get(method.split(":")[0], 0.0)
