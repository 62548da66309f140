"""The candidate spans the components exchange, and helpers every component shares.

Candidates live in ``doc.spans["kgraph"]``: ``label_`` is the type, ``id_`` the canonical
key (``TYPE:name``), and the ``kg_method`` / ``kg_conf`` / ``kg_ambiguous`` extensions say
how the span was found and how sure we are.
"""

from __future__ import annotations

import itertools
from typing import NamedTuple

from spacy.attrs import IDX, IS_ALPHA, IS_PUNCT, IS_STOP, LENGTH, SPACY
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

SPANS_KEY = "kgraph"
RULER_KEY = "kgraph_onto"
POSSESSIVE = {"'s", "'", "\u2019s", "\u2019"}
# Signs written after a product's name ("Zestimates®"); the name never includes them.
TRADEMARKS = frozenset("\u00ae\u2122\u2120\u00a9")

for _name, _default in (("kg_method", "ontology"), ("kg_conf", 1.0), ("kg_ambiguous", False)):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)


def _values_in_user_data() -> bool:
    """Whether spaCy keeps a span's extension value in ``doc.user_data`` under ``("._.",
    name, start_char, end_char)``, where :func:`method_of`, :func:`values_of` and
    :func:`_make_span` read and write it directly (``span._`` makes a new object, and each
    read or write of it runs spaCy's Python code: once per candidate in each component)."""
    doc = Doc(Vocab(), words=["a", "b"])
    span = doc[1:2]
    span._.kg_method = "probe"
    key = ("._.", "kg_method", span.start_char, span.end_char)
    return list(doc.user_data.items()) == [(key, "probe")]


_IN_USER_DATA = _values_in_user_data()


def method_of(span: Span) -> str:
    """``span._.kg_method``."""
    if _IN_USER_DATA:
        key = ("._.", "kg_method", span.start_char, span.end_char)
        return span.doc.user_data.get(key, "ontology")
    return span._.kg_method


def values_of(span: Span) -> tuple[str, float, bool]:
    """``span._.kg_method``, ``kg_conf`` and ``kg_ambiguous``."""
    if _IN_USER_DATA:
        data, start, end = span.doc.user_data, span.start_char, span.end_char
        return (
            data.get(("._.", "kg_method", start, end), "ontology"),
            data.get(("._.", "kg_conf", start, end), 1.0),
            data.get(("._.", "kg_ambiguous", start, end), False),
        )
    ext = span._  # a new object on each access: made once for the three values
    return ext.kg_method, ext.kg_conf, ext.kg_ambiguous


class Candidate(NamedTuple):
    """A span to propose; it becomes a :class:`Span` only if no earlier candidate overlaps.

    (Extension values live in ``doc.user_data`` keyed by offsets, label and id, so making a
    Span at the place of an existing one would overwrite that one's method and confidence.)
    """

    start: int
    end: int
    type: str
    key: str
    method: str
    conf: float
    ambiguous: bool = False

    def length(self) -> int:
        return self.end - self.start


def _make_span(doc: Doc, c: Candidate) -> Span:
    span = Span(doc, c.start, c.end, label=c.type, span_id=c.key)
    if _IN_USER_DATA:
        data, start, end = doc.user_data, span.start_char, span.end_char
        data[("._.", "kg_method", start, end)] = c.method
        data[("._.", "kg_conf", start, end)] = round(float(c.conf), 3)
        data[("._.", "kg_ambiguous", start, end)] = c.ambiguous
        return span
    ext = span._  # a new object on each access: made once for the three values
    ext.kg_method = c.method
    ext.kg_conf = round(float(c.conf), 3)
    ext.kg_ambiguous = c.ambiguous
    return span


def longest_first(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, preferring the longest, then the earliest (filter_spans)."""
    chosen, taken = [], set()
    for c in sorted(candidates, key=lambda c: (-c.length(), c.start)):
        if not any(i in taken for i in range(c.start, c.end)):
            chosen.append(c)
            taken.update(range(c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


def with_possessive(doc: Doc, start: int, end: int) -> int:
    """The end of the span including a following possessive (``Airbnb's``, ``Databricks’``)."""
    if end < len(doc) and doc[end].text in POSSESSIVE and not doc[end - 1].whitespace_:
        if doc[end].text in ("'", "\u2019") and not doc[end - 1].text.endswith("s"):
            return end
        return end + 1
    return end


# The last read of each span group: the group, its length then, and the Spans read from it.
_READ: dict[str, tuple[object, int, tuple[Span, ...]]] = {}


def spans_in(doc: Doc, key: str = SPANS_KEY) -> list[Span]:
    """``list(doc.spans.get(key, []))``, the group's spaCy Spans made once per group.

    A span group makes a new Span of each of its spans on every read, and the components
    read the same group again and again between its changes (a tenth of a text's Spans
    came from these reads). The components change a group by replacing it (``doc.spans[key]
    = spans``), which makes a new group object, and never edit a Span they read (a group's
    Spans are copies: an edit would not reach the group), so the Spans read last from the
    same group object with the same length are its spans. The list is new on each call.
    """
    group = doc.spans.get(key)
    if group is None:
        return []
    last = _READ.get(key)
    if last is not None and last[0] is group and last[1] == len(group):
        return list(last[2])
    spans = tuple(group)
    _READ[key] = (group, len(spans), spans)
    return list(spans)


def covered(doc: Doc) -> set[int]:
    """Token indices already inside a candidate span."""
    return {i for span in spans_in(doc) for i in range(span.start, span.end)}


def add_candidates(doc: Doc, candidates: list[Candidate]) -> None:
    """Add ``candidates`` to ``doc.spans["kgraph"]``; spans already there win overlaps."""
    # A span group makes a new spaCy Span of each of its spans on every read: they are read
    # once here, for the tokens they cover and for the new group.
    known = spans_in(doc)
    fresh = []
    if candidates:  # most calls bring none (a component that found nothing new)
        taken = {i for span in known for i in range(span.start, span.end)}
        fresh = [
            _make_span(doc, c)
            for c in longest_first(candidates)
            if not any(i in taken for i in range(c.start, c.end))
        ]
    if not fresh and SPANS_KEY in doc.spans and _in_order(known):
        return  # nothing new, and the group is already in order: it stays as it is
    doc.spans[SPANS_KEY] = sorted([*known, *fresh], key=lambda s: s.start)


def _in_order(spans: list[Span]) -> bool:
    return all(a.start <= b.start for a, b in itertools.pairwise(spans))


TEXT = "kgraph_text"
"""``doc.user_data`` key: the doc's text (see :func:`doc_text`)."""
WORDS = "kgraph_words"
"""``doc.user_data`` key: the doc's :class:`Words`."""


class Words(NamedTuple):
    """Per token of a doc, as plain lists: its text, whether a space follows it, its lower
    case, and spaCy's ``is_stop``, ``is_punct`` and ``is_alpha``."""

    text: list[str]
    space: list[bool]
    lower: list[str]
    stop: list[bool]
    punct: list[bool]
    alpha: list[bool]


def doc_text(doc: Doc) -> str:
    """The doc's text, built once per doc: ``Doc.text`` makes a spaCy Token of every word and
    joins their texts on each access. The extractor stores the text it tokenised here."""
    text = doc.user_data.get(TEXT)
    if text is None:
        text = doc.user_data[TEXT] = doc.text
    return text


def words(doc: Doc) -> Words:
    """The doc's :class:`Words`, built once per doc and shared through ``doc.user_data``.

    The components look at every word of every text; a spaCy Token per word per look was
    the largest cost of extraction. The lists come from one array spaCy fills (the texts
    cut from the doc's text by the tokens' offsets), with no Token made.
    """
    known = doc.user_data.get(WORDS)
    if known is None:
        text = doc_text(doc)
        attrs = [IDX, LENGTH, SPACY, IS_STOP, IS_PUNCT, IS_ALPHA]
        rows = doc.to_array(attrs).tolist() if len(doc) else []
        texts = [text[row[0] : row[0] + row[1]] for row in rows]
        space, stop, punct, alpha = ([bool(row[k]) for row in rows] for k in range(2, 6))
        known = Words(texts, space, [t.lower() for t in texts], stop, punct, alpha)
        doc.user_data[WORDS] = known
    return known


TITLE_CASE = "kgraph_title_case"


def hyphen_joins(doc: Doc, i: int) -> bool:
    """``doc[i]`` is a hyphen written closed between two words (``GO-JEK``, ``ML-KEM``,
    ``Flash-attention``), so the words around it may be one name."""
    return (
        0 < i < len(doc) - 1
        and doc[i].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
    )


def is_title_case(tokens) -> bool:
    """Whether most words are capitalised, so capitals say nothing (a headline)."""
    if isinstance(tokens, Span):
        # Asked of the same sentence by several components and for each name in it: the
        # answer is kept on the doc, by the sentence's bounds.
        known = tokens.doc.user_data.setdefault(TITLE_CASE, {})
        bounds = (tokens.start, tokens.end)
        if bounds not in known:
            w = words(tokens.doc)
            span = slice(tokens.start, tokens.end)
            known[bounds] = _headline(
                [t for t, alpha in zip(w.text[span], w.alpha[span], strict=True) if alpha]
            )
        return known[bounds]
    return _title_case(tokens)


def _title_case(tokens) -> bool:
    return _headline([t.text for t in tokens if t.is_alpha])


def _headline(texts: list[str]) -> bool:
    """Whether most of the longer of ``texts`` (the alphabetic words) are capitalised."""
    long = [t for t in texts if len(t) > 3]
    return len(long) >= 3 and sum(t[0].isupper() for t in long) >= 0.7 * len(long)


# What separates the items of a list of names: "Docker, Mesos, Marathon, and Chronos",
# "npm, pip, cargo", "Ray + DeepSpeed".
LIST_SEPARATORS = frozenset([",", "and", "or", "+", "&", "/", "vs", "vs.", "versus"])


def listed_with(doc: Doc, start: int, end: int, known: set[int], most: int = 4) -> tuple[int, int]:
    """(known names, items) listed next to ``doc[start:end]``, known names being token
    indices in ``known``: in "with BPF, perf, and Memcheck" perf is listed with two items,
    one of them a known technology. Items are single words or known names; the count stops
    at the first item that is neither, at the sentence's edge, or after ``most`` items on
    each side."""
    # No sentence bounds (costly to find): a list stops at the full stop, a punctuation mark.
    first, last = 0, len(doc)
    found = items = 0
    for step in (-1, 1):
        pos = start - 1 if step < 0 else end
        for _ in range(most):
            seps = 0
            while first <= pos < last and seps < 2 and doc[pos].lower_ in LIST_SEPARATORS:
                pos += step
                seps += 1
            if not seps or not first <= pos < last:
                break
            items += 1
            if pos in known:
                while first <= pos + step < last and pos + step in known:
                    pos += step
                owner = doc[pos].text in POSSESSIVE or (
                    pos + 1 < last and doc[pos + 1].text in POSSESSIVE
                )
                if step > 0 and owner:
                    items -= 1
                    break  # "uMetric, Uber's internal platform": an apposition, no list
                found += 1
            elif doc[pos].is_stop or doc[pos].is_punct or doc[pos].like_num:
                items -= 1
                break
            pos += step
    return found, items


def migrated_with(doc: Doc, start: int, end: int, known: set[int]) -> bool:
    """``doc[start:end]`` is one end of a move whose other end is a known name (token
    indices in ``known``): "from Java to Rust", "from Rust to Go"."""
    if start > 1 and doc[start - 1].lower_ == "to" and start - 2 in known:
        k = start - 2
        while k - 1 in known:
            k -= 1
        return k > 0 and doc[k - 1].lower_ == "from"
    return (
        start > 0
        and end + 1 < len(doc)
        and doc[end].lower_ == "to"
        and end + 1 in known
        and doc[start - 1].lower_ == "from"
    )
