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
