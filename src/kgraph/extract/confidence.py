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
# How sure each relation rule is: its precision alone, from ``kgraph eval GOLD -v`` (the
# per-method table) on data/gold/real-dev.jsonl and data/gold/real-dev2.jsonl pooled (140
# posts, 319 gold relations), rounded down to 0.05. A rule is named by its method up to the
# colon, except the actor rule, whose three ways of tying a post to its company differ. Rules
# with fewer than five relations there keep their earlier measure (on real-dev and 43 further
# real posts, not kept here).
RELATION_METHODS = {
    "verb": 0.85,  # "C uses/runs/adopted T", "T is used by C", "T powers our X": 12 of 14
    "built": 0.85,  # "C built/developed T", "T, built by C", "T, our in-house X": 7 of 8
    "modifier": 0.9,  # "T, written in/based on U", "C is powered by T", "X with T": 9 of 10
    "compound": 0.85,  # "U-based T": 2 of 3 here, 3 of 3 before; too few to say more
    "migration": 0.8,  # "from A to B", "replaced A with B", "moved to B": 33 of 40
    "apposition": 0.9,  # "T, a X", "X system, T", "T as a X", "X such as T": 16 of 17
    "possessive": 0.75,  # "C's T", "C's X", "T's X": 17 of 22
    "actor:named": 0.7,  # the post's company named in the sentence: 22 of 30
    "actor:anaphor": 0.7,  # the post's company as "we", "the team", "its": 27 of 38
    # Below the floor: measured, and kept from the output. The subject rule still keeps a
    # sentence about a named system from crediting its concepts to the company.
    "subject": 0.55,  # a concept of a sentence whose subject is T: 12 of 22 (earlier sets)
    "actor:title": 0.55,  # the post's company in the title: 9 of 16 (earlier sets, 112 posts)
}
RELATION_FLOOR = 0.65
"""Relations from a rule measured below this are not emitted: fewer, surer relations."""


def relation_confidence(method: str) -> float:
    """The confidence of a relation found by ``method`` (0.0 for an unknown rule).

    >>> relation_confidence("migration:from-to"), relation_confidence("actor:title")
    (0.8, 0.55)
    """
    if method in RELATION_METHODS:
        return RELATION_METHODS[method]
    return RELATION_METHODS.get(method.split(":")[0], 0.0)
