"""Where a discovered name begins and ends.

A candidate span is trimmed to its name (no article, dash or trademark sign), widened over
hyphened modifiers (``Tofino-based``) and the rest of a known product's name, split at slashes,
and cut before a possessive or a version; headline runs of capitals end where the name does.
"""

from __future__ import annotations

import re

from spacy.attrs import IS_ALPHA, IS_STOP, IS_TITLE
from spacy.tokens import Doc, Span

from kgraph.extract.discovery_words import (
    FUNDING_VERBS,
    FUNDING_WORDS,
    GENERIC_ACRONYMS,
    GROUP_WORDS,
    NOT_NAMES,
    ORG_AFTER,
    RELEASE_WORDS,
    TEAM_FUNCTIONS,
    TEAM_NOUNS,
)
from kgraph.extract.english import is_english_word
from kgraph.extract.generic import is_generic, phrases
from kgraph.extract.resolver import VERSION
from kgraph.extract.spans import POSSESSIVE, TRADEMARKS, hyphen_joins, is_title_case
from kgraph.extract.variants import singular


def _plain_words(span: Span) -> bool:
    """Every word of the span, hyphen parts included, is a capitalised ordinary English word
    (``Best-Effort``, ``Quantum Future``), not an oddly cased or coined one."""
    parts = [p for t in span for p in t.text.split("-")]
    return all(p[:1].isupper() and p[1:].islower() and is_english_word(p) for p in parts)


# Words after a hyphen that make a name a modifier ("Tofino-based", "Llama-style"), with
# participles ("iPhone-produced"): the name stays itself.
MODIFIER_TAILS = phrases(
    """
    based like style native compatible compliant aware powered backed driven specific only first
    friendly ready enabled free centric heavy scale level grade class sized wide
    """
)


def _with_hyphened_noun(span: Span) -> Span:
    """A name glued by a hyphen to a lower-case noun is that compound (``Flash-attention``),
    not its first half; before a modifier tail or a participle it stays the name."""
    doc, end = span.doc, span.end
    if (
        hyphen_joins(doc, end)
        and doc[end + 1].is_alpha
        and doc[end + 1].is_lower
        and doc[end + 1].lower_ not in MODIFIER_TAILS
        and not doc[end + 1].lower_.endswith("ed")
    ):
        return doc[span.start : end + 2]
    return span


def _whole_hyphened_name(span: Span, taken: set[int]) -> Span:
    """A name is not cut at a hyphen inside it (spans never split a name): ``GO-JEK``, not
    ``JEK``; ``Wi-Fi``, not ``Wi``. A capitalised word glued by a hyphen on either side
    joins it, unless another name has it or it is a modifier tail (``Kafka-Based``)."""
    doc, start, end = span.doc, span.start, span.end
    while (
        start >= 2
        and hyphen_joins(doc, start - 1)
        and doc[start - 2].is_alpha
        and doc[start - 2].text[:1].isupper()
        and start - 2 not in taken
    ):
        start -= 2
    while (
        hyphen_joins(doc, end)
        and doc[end + 1].is_alpha
        and doc[end + 1].text[:1].isupper()
        and doc[end + 1].lower_ not in MODIFIER_TAILS
        and not (doc[end + 1].lower_.endswith("ed") and is_english_word(doc[end + 1].lower_))
        and end + 1 not in taken
    ):
        end += 2
    return span if (start, end) == (span.start, span.end) else doc[start:end]


def _after_known(span: Span, tech: set[int]) -> Span | None:
    """The rest of a name the model found that opens with a known technology's name
    (``Chrome DevTools``, ``Kafka Cruise Control``): it is proposed alone, then joined to
    that name as one product name (:func:`_join_product_parts`)."""
    doc, start = span.doc, span.start
    while start < span.end and start in tech:
        start += 1
    if start == span.end or doc[start - 1].text in POSSESSIVE:
        return None
    if span.end < len(doc) and doc[span.end].text in POSSESSIVE:
        return None  # "Felix Baumgartner's jump": an owner, a person more often than a part
    return span.doc[start : span.end]


def _slash_parts(ent: Span) -> list[Span]:
    """``TypoGard/Typomania``, ``OpenEBS/Mayastor``: names joined by a slash are two names;
    so are names the model read as one across a list's comma (``McAfee, Google``)."""
    doc = ent.doc
    cuts = [t.i for t in ent if t.text in ("/", ",")]
    if not cuts:
        return [ent]
    bounds = [ent.start, *[c for cut in cuts for c in (cut, cut + 1)], ent.end]
    return [
        Span(doc, a, b, label=ent.label_)
        for a, b in zip(bounds[::2], bounds[1::2], strict=True)
        if b > a
    ]


def _known_list_parts(ent: Span, taken: set[int]) -> list[Span]:
    """``Slack and Pipedrive`` read as one name by the model, where ``Slack`` is already a
    known name: a known name on one side of ``and``, ``or`` or ``&`` makes the word a list's
    separator (``Procter and Gamble``, with neither side known, stays one name)."""
    doc = ent.doc
    for tok in ent[1:-1]:
        if tok.lower_ not in ("and", "or", "&"):
            continue
        left, right = range(ent.start, tok.i), range(tok.i + 1, ent.end)
        if all(i in taken for i in left) or all(i in taken for i in right):
            return [
                Span(doc, a, b, label=ent.label_)
                for a, b in ((ent.start, tok.i), (tok.i + 1, ent.end))
                if not all(i in taken for i in range(a, b))
            ]
    return [ent]


def _gerund(word: str) -> bool:
    """A verb's ``-ing`` form (``building``, ``scaling``, ``running``), not a noun that ends
    so (``spring``, ``string``, ``ring``)."""
    if not word.endswith("ing") or len(word) < 6 or not is_english_word(word):
        return False
    stem = word[:-3]
    return any(is_english_word(s) for s in (stem, stem + "e", stem[:-1]) if len(s) > 2)


def _trim(ent: Span) -> Span | None:
    doc, start, end = ent.doc, ent.start, ent.end
    while start < end and (doc[start].is_stop or doc[start].is_punct):
        start += 1
    if (
        end - start > 1
        and start == doc[start].sent.start
        and _gerund(doc[start].lower_)
        and not _plain_words(doc[start + 1 : end])
    ):
        start += 1  # "Building Pitaya, Wildlife's own framework": the headline's verb opens it
    for i in range(start + 1, end - 1):
        if doc[i].text in POSSESSIVE:
            end = i + 1  # a possessive breaks a name (entity rules): the owner is the name
            break
    for i in range(start + 1, end):
        if doc[i].text in DASHES and doc[i - 1].whitespace_:
            end = i  # "Vinted - Europe's largest marketplace": a spaced dash ends the name
            break
    for i in range(start, end - 1):
        if _ends_sentence(doc[i]):
            end = i + 1  # "by W3C. Passkeys are": the tokenizer kept the full stop on "W3C."
            break
    # A name ends before its version ("Supavisor 1.0" is Supavisor, the version joining the
    # surface again later) and at its last capitalised word: "RegionServer metrics" is
    # RegionServer; the punctuation that leaves ("Kafka API-compatible" is not "Kafka API-")
    # goes with it.
    if (
        end - start > 1
        and VERSION.match(doc[end - 1].text)
        and doc[end - 2].whitespace_
        and not _plain_words(doc[start : end - 1])
    ):
        end -= 1  # "Part 2", "Phase 3": a plain word and a number stay no name
    if end - start > 1 and doc[end - 1].lower_ in FUNDING_VERBS and _funded_after(doc, end):
        end -= 1  # "Railway Secures $100 Million": the headline's verb is no part of it
    while end > start and (
        doc[end - 1].text in POSSESSIVE
        or doc[end - 1].is_punct
        or doc[end - 1].text in TRADEMARKS  # "Zestimates®": the sign is no part of the name
        or doc[end - 1].text in ("+", "&")  # "KubeCon + CloudNativeCon": a joiner ends none
        or (end > start + 1 and doc[end - 1].is_lower)
    ):
        end -= 1
    return doc[start:end] if end > start else None


def _team_owner(span: Span) -> Span:
    """The organisation's name of a team named after it and its work (``the Zorbly Search
    Team`` is Zorbly's, ``the Quillmark Logistics team`` Quillmark's; entity rules: a team
    is no organisation, the organisation is): the team and function words go."""
    doc, start, end = span.doc, span.start, span.end
    if end - start > 1 and doc[end - 1].text in ("Team", "Teams"):
        end -= 1
    elif not (end < len(doc) and doc[end].lower_ in TEAM_NOUNS):
        return span
    cut = end
    while cut - start > 1 and doc[cut - 1].lower_ in TEAM_FUNCTIONS and doc[cut - 1].is_title:
        cut -= 1
    if cut == end or doc[cut - 1].lower_ in TEAM_FUNCTIONS or _plain_words(doc[start:cut]):
        # no function named, or only ordinary words ("the Data Platform team", "our Core
        # Search team"): the team's own name
        return span
    return doc[start:cut]


def _ends_sentence(tok) -> bool:
    """A word the tokenizer left its sentence's full stop on (``W3C.``, ``OpenFaaS.``), before
    a space and a capital; not an abbreviation (``Inc.``) or initials (``U.S.``)."""
    text = tok.text
    return (
        len(text) > 2
        and text.endswith(".")
        and text.count(".") == 1
        and text[-2].isalnum()
        and tok.whitespace_ != ""
        and tok.i + 1 < len(tok.doc)
        and tok.doc[tok.i + 1].text[:1].isupper()
        and text not in ("Inc.", "Ltd.", "Co.", "Corp.", "Bros.", "Jr.", "Sr.", "St.", "Dr.", "Mr.")
    )


def _funded_after(doc: Doc, end: int) -> bool:
    return any(t.lower_ in FUNDING_WORDS for t in doc[end : end + 4])


DASHES = frozenset(["-", "\u2013", "\u2014"])


def _possessive_end(span: Span) -> int:
    doc = span.doc
    return span.end + 1 if span.end < len(doc) and doc[span.end].text in POSSESSIVE else span.end


def _headline_name_end(doc: Doc, start: int, end: int, concept_heads: frozenset[str]) -> int:
    """Where a known name's capitalised continuation ``doc[start:end]`` ends in a headline,
    where every word is capitalised and only a coined word marks a name: the words no
    dictionary has that are no acronym nor a kind of thing (``Introducing Pinterest Secor``,
    ``Netflix Tudum Architecture`` is ``Netflix Tudum``; not ``Raft Explained``, ``Pinterest
    HTTPS`` nor ``Firecracker MicroVMs``); ``start`` when there is none."""
    coined = start
    while (
        coined < end
        and not doc[coined].text.isupper()
        and not is_english_word(doc[coined].text)
        and singular(doc[coined].lower_) not in concept_heads
    ):
        coined += 1
    return coined


def _engineering_unit(doc: Doc, i: int) -> bool:
    """Token ``i`` is a capitalised ``Engineering`` ending a name: not ``Engineering Blog``
    or ``Engineering Manager`` (a publication or a role goes on with another capital)."""
    if i >= len(doc) or doc[i].text != "Engineering":
        return False
    nxt = i + 1
    if nxt < len(doc) and doc[nxt].text in POSSESSIVE:
        nxt += 1
    return nxt >= len(doc) or not doc[nxt].text[:1].isupper() or is_title_case(doc[i].sent)


def _capitalised_runs(doc: Doc, skip: set[int]) -> list[Span]:
    """Two or three capitalised dictionary words inside a sentence that is not a headline,
    that the NER left alone: a name (``the Internet Archive``, ``our Safe Mode``). Words no
    dictionary has are left to the NER: they are mostly people's names (``Micah Wylde``)."""
    # Every word of every text passes here: one array of flags, Tokens only for runs.
    flags = doc.to_array([IS_ALPHA, IS_TITLE, IS_STOP])
    caps = [
        i for i, (alpha, title, stop) in enumerate(flags.tolist()) if alpha and title and not stop
    ]
    caps = [i for i in caps if i not in skip]
    runs = []
    k = 0
    while k < len(caps):
        m = k + 1
        while m < len(caps) and caps[m] == caps[m - 1] + 1:
            m += 1
        start, end = caps[k], caps[k] + (m - k)
        k = m
        if not 2 <= end - start <= 3 or (end < len(doc) and end in skip):
            continue  # a longer run, or one that goes on into a known name
        words = doc[start:end]
        if (
            doc[start].is_sent_start
            or (start > 0 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_)
            or not all(is_english_word(t.text) for t in words)
            or is_title_case(doc[start].sent)
        ):
            continue  # "Half-Quadratic Quantization" is not "Quadratic Quantization"
        runs.append(words)
    return runs


def _hyphen_glued(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen joining the word before it to a capitalised word."""
    return (
        i + 1 < len(doc)
        and doc[i].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i + 1].text[:1].isupper()
        and doc[i + 1].is_alpha
    )


# A product word with its generation number glued on: "Graviton3" of "AWS Graviton3".
GENERATION = re.compile(r"[A-Z][a-z]{2,}\d{1,2}")


def _unversioned(name: Span) -> str:
    """A product name without the generation number glued to its last word (versions are
    dropped from canonical names): ``AWS Graviton3`` is ``AWS Graviton``."""
    if GENERATION.fullmatch(name[-1].text):
        return name.text.rstrip("0123456789")
    return name.text


def _continues_name(tok) -> bool:
    """A capitalised word that can end a product name: not a stop word, generic word or
    possessive (``Uber's``), not a word like ``Engineering`` or ``Engineers``, not a generic
    acronym (``a Postgres DB`` is Postgres)."""
    return (
        tok.text[:1].isupper()
        and (tok.is_alpha or GENERATION.fullmatch(tok.text) is not None)
        and not tok.is_stop
        and not is_generic(tok.text)
        and tok.lower_ not in NOT_NAMES
        and tok.lower_ not in ORG_AFTER
        and tok.lower_ not in GROUP_WORDS
        and tok.lower_ not in RELEASE_WORDS
        and not tok.is_sent_start
        and not _generic_acronym(tok.text)
    )


def _generic_acronym(word: str) -> bool:
    """``SRE``, ``CREs``, ``TVs``, ``OSes``: an acronym of a role or a generic thing, plural
    or not."""
    return (
        word in GENERIC_ACRONYMS
        or (word.endswith("s") and word[:-1] in GENERIC_ACRONYMS)
        or (word.endswith("es") and word[:-2] in GENERIC_ACRONYMS)
    )


def _covered_at(spans, i: int) -> bool:
    return any(s is not None and s.start <= i < s.end for s in spans)
