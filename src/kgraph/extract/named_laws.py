"""Named principles are concepts, possessive and all: ``Conway's Law``, ``Little's law``.

A possessive breaks a name (entity rules), so ``Wright's`` alone would be an owner, and a
person, never annotated. But a person's name, a possessive and ``Law``, ``Principle``,
``Theorem`` or ``Razor`` name one engineering idea, which the rules list among concepts
(``Conway's Law``): the whole phrase is one CONCEPT span, its canonical the name with a
straight possessive and the kind in lower case (``Conway's law``), as the ontology writes
``Little's law``.
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc

from kgraph.extract.spans import Candidate, add_candidates, doc_text
from kgraph.model import entity_key

LAW_WORDS = frozenset(["law", "principle", "theorem", "razor", "paradox", "conjecture"])


def named_laws(doc: Doc, conf: float) -> None:
    """Add ``<Name>'s Law`` and its kin as CONCEPT spans."""
    text = doc_text(doc)
    if "'s" not in text and "\u2019s" not in text:
        return  # no possessive word: a token's text is a piece of the doc's text
    # One look at an array of the tokens' ids for a possessive: most texts have none.
    orth = doc.to_array(ORTH)
    strings = doc.vocab.strings
    marks = (orth == strings["'s"]) | (orth == strings["\u2019s"])
    found = []
    for i in (marks.nonzero()[0] + 1).tolist():
        if i >= len(doc) or doc[i].lower_ not in LAW_WORDS or doc[i - 2].whitespace_:
            continue
        owner = doc[i - 2]
        if not (owner.is_alpha and owner.text[:1].isupper() and not owner.is_stop):
            continue
        text = f"{owner.text}'s {doc[i].lower_}"  # as the ontology writes "Little's law"
        found.append(Candidate(i - 2, i + 1, "CONCEPT", entity_key("CONCEPT", text), "rule", conf))
    if found:
        add_candidates(doc, found)
