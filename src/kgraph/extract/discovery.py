"""The component that keeps the statistical NER's useful ORG/PRODUCT spans and types them.

Out of the box the small model calls whole headlines ORG, so spans are trimmed and
filtered hard: no headline fragments, generic words, numbers, short acronyms or people,
nothing the ontology already matched. What survives is typed COMPANY when the sentence
treats it as an organisation (``at X``, ``X's``, ``X Inc``), else TECHNOLOGY.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kgraph.extract.spans import POSSESSIVE, add_candidates, is_title_case, make_span

GENERIC = frozenset(
    """article team teams company engineering engineers platform platforms system systems
    service services cloud data ai ml llm llms api apis app apps infrastructure architecture
    framework tool tools blog post paper part series journey customers users user research
    compute network security cluster clusters model models agent agents pipeline pipelines
    database databases server servers workflow workflows migration migrations monthly
    daily enterprise open source edge global internal new""".split()
)
ORG_SUFFIX = frozenset("inc inc. corp corporation labs technologies ltd llc gmbh foundation".split())
ORG_CUES = frozenset("at by from acquired acquires acquisition joined joins joining founded".split())


@Language.factory(
    "kgraph_discovery",
    default_config={"labels": ["ORG", "PRODUCT"], "company_conf": 0.6, "technology_conf": 0.55},
)
def make_discovery(
    nlp: Language, name: str, labels: list[str], company_conf: float, technology_conf: float
) -> ModelDiscovery:
    return ModelDiscovery(name, labels, company_conf, technology_conf)


class ModelDiscovery:
    """Statistical NER spans the ontology lacks, filtered and typed, added as candidates."""

    def __init__(self, name: str, labels: list[str], company_conf: float, technology_conf: float):
        self.name = name
        self.labels = set(labels)
        self.company_conf = company_conf
        self.technology_conf = technology_conf

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("ENT_IOB"):
            return doc
        spans = []
        for ent in doc.ents:
            if ent.label_ not in self.labels:
                continue
            span = _trim(ent)
            if span is None or not _plausible(span):
                continue
            type_ = "COMPANY" if _organisation(span) else "TECHNOLOGY"
            conf = self.company_conf if type_ == "COMPANY" else self.technology_conf
            end = _possessive_end(span)
            spans.append(make_span(doc, span.start, end, type_, f"{type_}:{span.text}", "model", conf))
        add_candidates(doc, spans)
        return doc


def _trim(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    while start < end and (ent.doc[start].is_stop or ent.doc[start].is_punct):
        start += 1
    while end > start and (ent.doc[end - 1].text in POSSESSIVE or ent.doc[end - 1].is_punct):
        end -= 1
    return ent.doc[start:end] if end > start else None


def _plausible(span: Span) -> bool:
    """A short proper name, not a headline fragment, number, generic word or acronym soup."""
    if not 1 <= len(span) <= 3 or not span.text[0].isupper():
        return False
    if any(t.like_num or t.is_stop or (t.is_punct and t.text not in "-.&") for t in span):
        return False
    if all(t.lower_ in GENERIC for t in span) or span[-1].lower_ in GENERIC:
        return False
    if len(span) == 1 and span.text.isupper() and len(span.text) <= 4:
        return False
    if span.start == span.sent.start and len(span) == 1 and not _marked(span[0].text):
        return False
    # In a headline every word is capitalised: only oddly cased names are evidence.
    return not is_title_case(span.sent) or any(_marked(t.text) for t in span)


def _marked(word: str) -> bool:
    """Mixed case like ``GitHub`` or ``eBPF``: a name, whatever the sentence's style."""
    return any(c.isupper() for c in word[1:]) and not word.isupper()


def _organisation(span: Span) -> bool:
    doc = span.doc
    if span[-1].lower_ in ORG_SUFFIX:
        return True
    if span.end < len(doc) and doc[span.end].text in POSSESSIVE:
        return True
    return span.start > 0 and doc[span.start - 1].lower_ in ORG_CUES


def _possessive_end(span: Span) -> int:
    doc = span.doc
    return span.end + 1 if span.end < len(doc) and doc[span.end].text in POSSESSIVE else span.end
