"""The candidate spans the components exchange, and helpers every component shares.

Candidates live in ``doc.spans["kgraph"]``: ``label_`` is the type, ``id_`` the canonical
key (``TYPE:name``), and the ``kg_method`` / ``kg_conf`` / ``kg_ambiguous`` extensions say
how the span was found and how sure we are.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

SPANS_KEY = "kgraph"
RULER_KEY = "kgraph_onto"
POSSESSIVE = {"'s", "'", "\u2019s", "\u2019"}

for _name, _default in (("kg_method", "ontology"), ("kg_conf", 1.0), ("kg_ambiguous", False)):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)


def make_span(
    doc: Doc, start: int, end: int, type_: str, key: str, method: str, conf: float,
    ambiguous: bool = False,
) -> Span:
    span = Span(doc, start, end, label=type_, span_id=key)
    span._.kg_method = method
    span._.kg_conf = round(float(conf), 3)
    span._.kg_ambiguous = ambiguous
    return span


def with_possessive(doc: Doc, start: int, end: int) -> int:
    """The end of the span including a following possessive (``Airbnb's``, ``Databricks’``)."""
    if end < len(doc) and doc[end].text in POSSESSIVE and not doc[end - 1].whitespace_:
        if doc[end].text in ("'", "\u2019") and not doc[end - 1].text.endswith("s"):
            return end
        return end + 1
    return end


def covered(doc: Doc) -> set[int]:
    """Token indices already inside a candidate span."""
    return {i for span in doc.spans.get(SPANS_KEY, []) for i in range(span.start, span.end)}


def add_candidates(doc: Doc, spans: list[Span]) -> None:
    """Append ``spans`` to the candidates; earlier candidates win overlaps."""
    taken = covered(doc)
    fresh = [s for s in filter_spans(spans) if not any(i in taken for i in range(s.start, s.end))]
    doc.spans[SPANS_KEY] = sorted([*doc.spans.get(SPANS_KEY, []), *fresh], key=lambda s: s.start)


def is_title_case(tokens) -> bool:
    """Whether most words are capitalised, so capitals say nothing (a headline)."""
    words = [t for t in tokens if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.7 * len(words)
