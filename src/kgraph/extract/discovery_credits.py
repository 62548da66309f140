"""Sources credited in digests and news: ``(SecurityWeek, May 09 2021)`` after a headline,
``... Love Linux– The Verge``, ``The Wall Street Journal reported``. A publication is an
organisation, never a product.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kgraph.extract.discovery_organisations import _as_company, _marked
from kgraph.extract.discovery_words import MONTHS, NOT_NAMES, PUBLICATION_ENDINGS
from kgraph.extract.english import is_english_word
from kgraph.extract.events import is_event_name
from kgraph.extract.generic import phrases
from kgraph.extract.people import is_person
from kgraph.extract.spans import SPANS_KEY, Candidate, add_candidates, covered, doc_text, spans_in
from kgraph.model import entity_key

CREDIT_DASHES = frozenset(["-", "–", "—", "|"])
# Last words of the names of newspapers and magazines: "The National Law Review".
PRESS_NOUNS = phrases(
    "review times news post journal register gazette tribune herald wire magazine reporter"
)


def _source_credit(doc: Doc, conf: float) -> None:
    """A digest item ends with its source and date: ``... Restart After Ransomware Attack
    (SecurityWeek, May 09 2021)``, ``(Dark Reading:, Sep 06 2019)``. The source is a
    publication, an organisation (a COMPANY), unless it is a writer's name. So is a name
    after a closing dash of a headline: ``Microsoft Really Does Love Linux– The Verge``,
    ``Architecture of a Neobank - Revolut``."""
    n = len(doc)
    if n >= 3 and doc[n - 1].text != ")":
        _dash_credit(doc, conf)
        return
    if n < 6:
        return
    open_ = next((i for i in range(n - 2, max(-1, n - 12), -1) if doc[i].text == "("), -1)
    if open_ < 1:
        return
    comma = next((i for i in range(open_ + 1, n - 1) if doc[i].text == ","), -1)
    if comma < 0 or comma + 1 >= n - 1 or doc[comma + 1].lower_.rstrip(".") not in MONTHS:
        return
    end = comma - 1 if doc[comma - 1].text == ":" else comma
    if not open_ + 1 <= end - 1 < open_ + 5:
        return
    name = doc[open_ + 1 : end]
    if not all(t.text[:1].isupper() or t.text[:1].isdigit() for t in name):
        return
    if is_person([t.text for t in name]):
        return  # "(Graham Cluley, Dec 02 2020)": a writer's own blog
    _credit_company(doc, name, conf)


def _dash_credit(doc: Doc, conf: float) -> None:
    """The name after a headline's last dash (see :func:`_source_credit`): one to four
    capitalised words, none a function word but a leading ``The``; a lone word must not be
    an English word (``– Operations``); never a person (``— Bryan Cantrill``), an event or
    a known name (``– Concurrency``)."""
    n = len(doc)
    dash = next((i for i in range(n - 2, max(0, n - 6), -1) if doc[i].text in CREDIT_DASHES), 0)
    if dash < 2 or not doc[dash].whitespace_ or doc_text(doc).rstrip().endswith((".", "!", "?")):
        return
    name = doc[dash + 1 : n]
    texts = [t.text for t in name]
    if not all(
        t[:1].isupper() and t.replace("&", "").replace(".", "").replace("'", "").isalpha()
        for t in texts
    ):
        return
    if any(t.is_stop for t in name[1:]) or (name[0].is_stop and name[0].lower_ != "the"):
        return  # "– All In On Postgres", "- An Obituary": a phrase, not a name
    if len(name) == 1 and not _marked(texts[0]) and is_english_word(texts[0]):
        return
    if texts[-1] in PUBLICATION_ENDINGS or is_person(texts) or is_event_name(texts):
        return
    if any(t.lower_ in NOT_NAMES for t in name):
        return
    if len(name) == 2 and not any(_marked(t) or is_english_word(t) for t in texts):
        return  # "- Gergely Orosz": a speaker's or writer's byline
    plain = all(is_english_word(t) for t in texts if t != "The")
    if plain and doc[dash - 1].whitespace_ and name[-1].lower_ not in PRESS_NOUNS:
        return  # "Scaling Kafka – The Hard Way": a phrase; a digest glues its credit on
    if not any(i in covered(doc) for i in range(name.start, name.end)):
        _credit_company(doc, name, conf)


def _publication(span: Span) -> bool:
    """``The Wall Street Journal``, ``The National Law Review``: capitalised words ending
    in a newspaper's noun after a capitalised ``The``."""
    doc = span.doc
    return (
        len(span) > 1
        and span[-1].lower_ in PRESS_NOUNS
        and span[-1].text[:1].isupper()
        and span.start > 0
        and doc[span.start - 1].text == "The"
        and span.start - 1 not in covered(doc)
    )


def _credit_company(doc: Doc, name: Span, conf: float) -> None:
    """``name`` as a COMPANY: a new candidate, or a technology found with the same span."""
    spans = spans_in(doc)
    inside = [k for k, s in enumerate(spans) if s.start < name.end and name.start < s.end]
    if not inside:
        add_candidates(
            doc,
            [
                Candidate(
                    name.start, name.end, "COMPANY", entity_key("COMPANY", name.text), "model", conf
                )
            ],
        )
        return
    if len(inside) == 1:
        k = inside[0]
        if (spans[k].start, spans[k].end) == (name.start, name.end) and spans[
            k
        ].label_ == "TECHNOLOGY":
            spans[k] = _as_company(spans[k])
            doc.spans[SPANS_KEY] = spans
