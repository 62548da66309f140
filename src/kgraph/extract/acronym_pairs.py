"""An acronym and its expansion are two entries with one canonical (entity rules).

The resolver pairs a definition ``expansion (ACR)`` when it knows the expansion from the
ontology or the expansion is a lower-case idea. Names it does not know are found later, by
discovery: ``Media Research Council (MRC)``, ``Coordinated Universal Time (UTC)``. Once
one half of such a definition is a name, the other half is the same entity:

* a name right before ``(ACR)`` whose words ACR spells gives ACR, and its later uses, the
  name's type and canonical;
* a known ACR in the brackets makes the capitalised words before it that it spells its
  expansion (``ANother Tool for Language Recognition (ANTLR)``). The expansion is one name:
  a known idea inside it (``Cyber Security`` in ``Cyber Security Evaluation Tool (CSET)``)
  gives way. An ACR only discovered, not known, takes the expansion as its canonical, as
  its later uses do (entity rules: abbreviations become the long name).
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from kgraph.extract import confidence
from kgraph.extract.resolver import _STOP_EXPANSION, ACRONYMS, _spells
from kgraph.extract.spans import SPANS_KEY, Candidate, add_candidates, covered, spans_in, values_of
from kgraph.extract.variants import is_acronym
from kgraph.model import entity_key


def _words(doc: Doc, start: int, end: int) -> list[str] | None:
    """The lower-case words of ``doc[start:end]`` an acronym spells (small words and hyphens
    left out), or None when a word is neither capitalised nor small."""
    words = []
    for tok in doc[start:end]:
        if tok.text == "-" or tok.lower_ in _STOP_EXPANSION:
            continue
        if not (tok.is_alpha and tok.text[:1].isupper()):
            return None
        words.append(tok.lower_)
    return words


def expansion_start(doc: Doc, end: int, acr: str, taken: set[int]) -> int | None:
    """Where the capitalised words before ``end`` that ``acr`` spells begin."""
    for size in range(min(2 * len(acr), end), 1, -1):
        start = end - size
        if any(i in taken for i in range(start, end)) or doc[start].lower_ in _STOP_EXPANSION:
            continue
        words = _words(doc, start, end)
        if words and len(words) >= 2 and _spells(acr.lower(), words):
            return start
    return None


def pair_acronyms(doc: Doc, conf: float) -> None:
    """Add the missing half of each ``name (ACR)`` definition whose other half is a name."""
    # Brackets are rare: find them in one array of the tokens' ids, not token by token.
    orth = doc.to_array(ORTH)
    opens = (orth == doc.vocab.strings["("]).nonzero()[0].tolist()
    if not opens:
        return
    every = spans_in(doc)
    spans = [s for s in every if s.label_ != "CONCEPT"]
    by_end = {s.end: s for s in spans}
    by_start = {s.start: s for s in spans}
    ideas = {s.start: s for s in every if s.label_ == "CONCEPT" and s.end == s.start + 1}
    taken = covered(doc)
    named = {i for s in spans for i in range(s.start, s.end)}
    found, defined, rekeyed, dropped, swallowed = [], {}, {}, set(), set()
    for i in opens:
        _expansion_after(doc, i, every, found, dropped)
        if i + 2 >= len(doc) or doc[i + 2].text != ")":
            continue
        acr = doc[i + 1].text
        if (
            i + 1 in ideas
            and i + 1 not in by_start
            and i not in taken
            and values_of(ideas[i + 1])[0] == "ontology"
        ):
            _idea_expansion(doc, i, acr, ideas[i + 1], spans, found, dropped)
            continue
        if not is_acronym(acr):
            continue
        name, inner = by_end.get(i), by_start.get(i + 1)
        if (
            name is None
            and (inner is None or (inner.end == i + 2 and _weak(inner)))
            and not any(s.start <= i + 1 < s.end for s in every if s.label_ == "CONCEPT")
        ):
            made = _maker_expansion(doc, i, acr, every, conf)
            if made is not None:
                span, inside = made
                dropped.update(range(span.start, i))
                swallowed.update(s.start for s in inside)
                found.append(Candidate(span.start, i, span.label_, span.id_, "model", conf))
                if inner is not None:
                    rekeyed[inner.id_] = span.id_
                defined[acr] = span
                continue
        if name is not None and inner is None and i + 1 not in taken:
            words = _words(doc, name.start, name.end)
            if words and len(words) >= 2 and _spells(acr.lower(), words):
                defined[acr] = name
            elif (
                words is not None
                and name.label_ == "TECHNOLOGY"
                and not _spells(acr.lower(), words)
            ):
                # "Multi-Instance GPU (MIG)": the acronym spells the known name only with
                # the capitalised words before it, one product named after it
                blocked = {
                    k
                    for s in spans
                    if s.end <= name.start and not _weak(s)
                    for k in range(s.start, s.end)
                }
                start = expansion_start(doc, i, acr, blocked)
                if start is None or start >= name.start:
                    continue
                dropped.update(range(start, i))
                swallowed.add(name.start)
                key = entity_key("TECHNOLOGY", doc[start:i].text)
                found.append(Candidate(start, i, "TECHNOLOGY", key, "model", conf))
                defined[acr] = Span(doc, start, i, label="TECHNOLOGY", span_id=key)
        elif inner is not None and inner.end == i + 2:
            # concepts inside the capitalised words give way to the name they are part of;
            # so does a known technology the acronym spells only with the words before it
            # ("Multi-Instance GPU (MIG)": one product named after the GPU)
            blocked = named
            if name is not None:
                own = _words(doc, name.start, name.end)
                if name.label_ != "TECHNOLOGY" or own is None or _spells(acr.lower(), own):
                    continue
                blocked = {
                    k
                    for s in spans
                    if s.end <= name.start and not _weak(s)
                    for k in range(s.start, s.end)
                }
            start = expansion_start(doc, i, acr, blocked)
            if start is None or (name is not None and start >= name.start):
                continue
            dropped.update(range(start, i))
            if name is not None:
                swallowed.add(name.start)
            key = inner.id_
            if inner._.kg_method == "model" and key == entity_key(inner.label_, acr):
                key = entity_key(inner.label_, doc[start:i].text)
                rekeyed[inner.id_] = key
                acronyms = doc.user_data.setdefault(ACRONYMS, {})
                acronyms.setdefault(acr, (inner.label_, key))
            found.append(Candidate(start, i, inner.label_, key, "model", conf))
    if dropped or rekeyed:
        _replace(doc, dropped, rekeyed, swallowed)
        taken = covered(doc)
    # The other field's uses ("MRC" in the title) are found from the definition too.
    acronyms = doc.user_data.setdefault(ACRONYMS, {})
    for acr, name in defined.items():
        acronyms.setdefault(acr, (name.label_, name.id_))
    for acr, name in defined.items():
        for i in (orth == doc.vocab.strings[acr]).nonzero()[0].tolist():
            if i not in taken:
                found.append(Candidate(i, i + 1, name.label_, name.id_, "model", conf))
    if found:
        add_candidates(doc, found)


def _idea_expansion(doc: Doc, i: int, acr: str, idea: Span, spans, found, dropped) -> None:
    """``Common Vulnerabilities and Exposures (CVEs)``, ``Hybrid Transactional and Analytical
    Processing (HTAP)``: an acronym the ontology knows as an idea in brackets makes the capitalised words before
    it that it spells its expansion, one concept with the acronym's canonical (entity rules:
    acronym and expansion are two entries, one canonical). Names only discovered inside those
    words (``Common Vulnerabilities``) or known only as an ambiguous name (``Processing``, a
    language) give way; a sure name does not."""
    known = {k for s in spans if not _weak(s) for k in range(s.start, s.end)}
    letters = _singular(acr)
    if not is_acronym(letters):
        return
    start = expansion_start(doc, i, letters, known)
    if start is None:
        return
    dropped.update(range(start, i))
    found.append(Candidate(start, i, "CONCEPT", idea.id_, "rule", confidence.ACRONYM_EXPANSION))


# The most words a bracketed expansion after its acronym holds ("ACID (Atomicity,
# Consistency, Isolation, and Durability)": eight tokens with the commas).
_MOST_EXPANSION_TOKENS = 12


def _expansion_after(doc: Doc, i: int, every: list[Span], found, dropped) -> None:
    """``ACID (Atomicity, Consistency, Isolation, and Durability)``, ``KRaft (Kafka Raft)``,
    ``ZNS (Zoned NameSpace)``: a known acronym followed by brackets holding only capitalised
    words that it spells (small words, commas and hyphens left out) is defined by them: the
    bracketed words are one entry of the acronym's type and canonical (entity rules: acronym
    and expansion are two entries, one canonical), not the ideas or names inside them."""
    if i == 0 or doc[i - 1].whitespace_ != " ":
        return
    before = [s for s in every if s.start == i - 1 and s.end == i]
    if len(before) != 1 or _weak(before[0]) or not is_acronym(doc[i - 1].text):
        return
    close = next(
        (
            j
            for j in range(i + 2, min(len(doc), i + 2 + _MOST_EXPANSION_TOKENS))
            if doc[j].text == ")"
        ),
        None,
    )
    if close is None or close - i < 3:
        return
    words = []
    for tok in doc[i + 1 : close]:
        if tok.text in (",", "-") or tok.lower_ in _STOP_EXPANSION:
            continue
        if not (tok.is_alpha and tok.text[:1].isupper()):
            return
        words.append(tok.lower_)
    acr = doc[i - 1].text
    letters = _singular(acr)
    if len(words) < 2 or not _spells(letters.lower(), words):
        return
    inside = [s for s in every if i < s.start and s.end <= close]
    if any(not _weak(s) and s.label_ != "CONCEPT" for s in inside):
        return  # a sure name inside: "SDK (Zorbly Beacon Kit)" is not spelled out
    if any((s.start < close < s.end) or s.start <= i < s.end for s in every):
        return
    span = before[0]
    dropped.update(range(i + 1, close))
    found.append(
        Candidate(i + 1, close, span.label_, span.id_, "rule", confidence.ACRONYM_EXPANSION)
    )


def _maker_expansion(doc: Doc, i: int, acr: str, every: list[Span], conf: float):
    """``Hugging Face Inference API (HFIA)``, ``React Testing Library (RTL)``, ``Baseten
    Delivery Network (BDN)``: capitalised words opening with a company's or a technology's
    name, that the bracketed acronym after them spells as a whole, are one product named
    after its maker (entity rules: a product whose name contains its maker's name is one
    TECHNOLOGY span; acronym and expansion share a canonical). The span and the names
    inside it, or None."""
    letters = _singular(acr)
    if not is_acronym(letters):
        return None
    start = expansion_start(doc, i, letters, set())
    if start is None:
        return None
    inside = [s for s in every if s.start < i and s.end > start]
    if any(s.start < start or s.end > i for s in inside):
        return None  # a name crosses the words' edge
    maker = [s for s in inside if s.start == start and s.label_ != "CONCEPT" and s.end < i]
    if not maker or any(s.label_ != "CONCEPT" and s is not maker[0] for s in inside):
        return None  # no maker's name opens the words, or a second name is inside them
    key = entity_key("TECHNOLOGY", doc[start:i].text)
    span = Span(doc, start, i, label="TECHNOLOGY", span_id=key)
    return span, inside


def _singular(acr: str) -> str:
    """The letters an acronym spells: ``SDKs`` spells ``SDK``."""
    return acr[:-1] if acr.endswith("s") and is_acronym(acr[:-1]) else acr


def _weak(span: Span) -> bool:
    """A name only discovered, or known but ambiguous: it gives way to a definition."""
    method, _, ambiguous = values_of(span)
    return method == "model" or ambiguous


def _replace(
    doc: Doc, dropped: set[int], rekeyed: dict[str, str], swallowed: set[int] = frozenset()
) -> None:
    """Leave out the concepts and the discovered names on token indices ``dropped`` and give
    the spans keyed by a discovered acronym (``rekeyed``'s keys) their expansion's key."""
    out = []
    for span in spans_in(doc):
        if span.start in swallowed:
            continue  # a known name now the tail of a longer one
        if (span.label_ == "CONCEPT" or _weak(span)) and any(
            i in dropped for i in range(span.start, span.end)
        ):
            continue
        if span.id_ in rekeyed:
            fresh = Span(doc, span.start, span.end, label=span.label_, span_id=rekeyed[span.id_])
            fresh._.kg_method = span._.kg_method
            fresh._.kg_conf = span._.kg_conf
            fresh._.kg_ambiguous = span._.kg_ambiguous
            span = fresh
        out.append(span)
    doc.spans[SPANS_KEY] = out
