"""A product's name that ends in the kind of component it is: ``Astro Runtime``, ``Charles
Proxy``, ``Harbor Operator``, ``Plaid Link SDK``.

Spans never split a name (entity rules), and in running text a capitalised kind word right
after a name is part of that name: the writer capitalised it because it is the product's
name, where the generic word is written in lower case (``a Kafka cluster``, ``the Rust
library``: the technology alone). A headline capitalises every word, so there the capital
says nothing and the name stays as found.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kgraph.extract.spans import POSSESSIVE, SPANS_KEY, is_title_case, values_of
from kgraph.model import entity_key

# Kinds of software component a product is named after ("Envoy Proxy", "Depot CLI").
PART_WORDS = frozenset(
    [
        "Runtime",
        "Proxy",
        "Operator",
        "SDK",
        "CLI",
        "Driver",
        "Library",
        "Client",
        "Plugin",
        "Agent",
        "Controller",
        "Toolkit",
        "Gateway",
        "Scheduler",
        "Compiler",
        "Profiler",
        "Debugger",
        "Emulator",
        "Interpreter",
        "Orchestrator",
        "Daemon",
    ]
)


def join_part_words(doc: Doc, conf: float) -> None:
    """Join a capitalised kind word to the technology or maker name right before it, in a
    sentence that is not a headline: one TECHNOLOGY span (a product named after its maker is
    one product name). The kind word may have been read alone as an idea (``Proxy``); a
    possessive between the two, another capitalised word after it, or a name read only
    ambiguously before it leaves the spans as they are."""
    spans = list(doc.spans.get(SPANS_KEY, []))
    by_start = {s.start: s for s in spans}
    joined: dict[int, Span] = {}
    gone: set[int] = set()
    for span in spans:
        j = span.end
        if (
            span.label_ not in ("TECHNOLOGY", "COMPANY")
            or j >= len(doc)
            or doc[j].text not in PART_WORDS
            or doc[j - 1].whitespace_ != " "
            or doc[j - 1].text in POSSESSIVE
            or (j + 1 < len(doc) and doc[j + 1].is_alpha and doc[j + 1].text[:1].isupper())
            or (j + 1 < len(doc) and doc[j + 1].text in POSSESSIVE and span.label_ == "COMPANY")
        ):
            continue
        after = by_start.get(j)
        if after is not None and (after.end != j + 1 or after.label_ == "COMPANY"):
            continue
        if values_of(span)[2] or is_title_case(doc[j].sent):
            continue
        name = doc[span.start : j + 1]
        fresh = Span(doc, span.start, j + 1, label="TECHNOLOGY")
        fresh.id_ = entity_key("TECHNOLOGY", name.text)
        fresh._.kg_method = "model"
        fresh._.kg_conf = conf
        joined[span.start] = fresh
        if after is not None:
            gone.add(after.start)
    if not joined:
        return
    doc.spans[SPANS_KEY] = [joined.get(s.start, s) for s in spans if s.start not in gone]
