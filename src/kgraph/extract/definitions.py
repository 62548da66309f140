"""What the sentence says a name is: ``X, a <kind of software>`` or ``X is a <kind>``.

Engineering writing introduces a name by saying what it is: ``TigerBeetle is a financial
transactions database``, ``Medusa, an open-source backup tool``, ``faux, a trait-less mocking
library``. When the head noun of that phrase is a kind of software (``database``, ``engine``,
``library``, ``framework``, ``tool``...), the name is the software, a TECHNOLOGY, whatever
else in the post treats the same word as an organisation (``MotherDuck founding engineer``
later on, the post published on its own blog). Heads that businesses share with software
(``platform``, ``service``, ``app``) decide nothing: ``Vinted, a major e-commerce platform``
is the company, ``Debezium is an open source platform`` the product.

On the annotated sets (``real-dev``, 2–19, 38–46), capitalised or oddly cased names defined
this way are TECHNOLOGY 49 times and COMPANY once (``Sourcegraph, a code search and
intelligence tool``).
"""

from __future__ import annotations

import re

from kgraph.extract.generic import phrases

# Kinds of software a definition's head noun names (lower case only: "Google Compute Engine"
# is a name, not a definition).
SOFTWARE_KINDS = phrases(
    """
    database databases datastore warehouse engine engines library libraries framework
    frameworks toolkit tool tools system systems crate crates runtime compiler protocol
    proxy driver plugin extension interpreter broker scheduler orchestrator balancer
    """
)
# Kinds of business: a definition that reaches one of these first is no software's.
BUSINESS_KINDS = phrases(
    """
    company companies startup start-up firm vendor provider marketplace retailer bank
    neobank agency consultancy publisher manufacturer airline fintech insurer business
    enterprise subsidiary site website
    """
)
# What may follow a head noun: the phrase ends there ("a Go library that uses eBPF",
# "a policy engine, ...", "a proxy written in Rust"). Another noun would make the kind word
# a modifier ("a database platform").
HEAD_FOLLOWERS = phrases(
    """
    that which who for to with written built designed used developed created powered made
    in of by from on at and or called named based originally currently providing enabling
    offering where we our it its than like ever
    """
)
PREPOSITIONS = phrases("between about into over under across within without")
_WORD = re.compile(r"[A-Za-z](?:[\w'’\-\u2010\u2011/+]|\.(?=\w))*|[^\sA-Za-z]")
_OPENING = re.compile(r"^\s*(?:,\s*|\s+(?:is|was)\s+)(?:a|an|the)\s", re.I)
_MAX_MODIFIERS = 7


def defined_as_software(after: str) -> bool:
    """``after`` (the text right after a name) defines the name as a kind of software:
    ``, a Rust-based HTTP proxy``, `` is a reliable and fast accounting database.``."""
    opening = _OPENING.match(after)
    if opening is None:
        return False
    tokens = _WORD.findall(after[opening.end() : opening.end() + 160])
    for i, tok in enumerate(tokens[: _MAX_MODIFIERS + 1]):
        low = tok.lower()
        if low in BUSINESS_KINDS:
            return False
        if low in SOFTWARE_KINDS:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if not nxt[:1].isalnum() or nxt.lower() in HEAD_FOLLOWERS:
                return True
            continue  # a modifier: "a database platform", "an engine room"
        if not tok[:1].isalnum() and tok not in "-/'’":
            return False  # the phrase ended without naming a kind
        if (low in HEAD_FOLLOWERS and low not in ("and", "or")) or low in PREPOSITIONS:
            return False  # "a great choice for any distributed system": no definition
    return False


def defined_in(text: str, name: str) -> bool:
    """Some mention of ``name`` in ``text`` is defined as a kind of software."""
    if not name or name not in text:
        return False
    for m in re.finditer(re.escape(name), text):
        end = m.end()
        if end < len(text) and (text[end].isalnum() or text[end] in "_"):
            continue  # part of a longer word
        if m.start() > 0 and (text[m.start() - 1].isalnum()):
            continue
        if defined_as_software(text[end:]):
            return True
    return False


# Plural nouns for kinds of software before a list of their names: "tools like Grype and
# Syft", "our mobile applications — including TurboTax, QuickBooks, and Mint". Not "apps",
# "services", "platforms" or "projects", which also list businesses ("services like Slack,
# Vercel, Zapier").
PRODUCT_NOUNS = phrases(
    "tools libraries frameworks databases solutions applications products systems"
)
_LIST_OPENERS = phrases("like including as e.g.")
_BETWEEN = frozenset([",", "and", "or", "&", "/"])
_DASHES = frozenset(["-", "\u2013", "\u2014", ","])


def listed_as_products(doc, start: int) -> bool:
    """The name at token ``start`` is in a list of names introduced by a plural kind of
    software and ``like``, ``such as`` or ``including``: each name there is a product. On the
    annotated sets (``real-dev``, 2–19, 38–46) such items are TECHNOLOGY 62 times and COMPANY
    three times, two of them possessives (the resolver leaves a possessive alone)."""
    return listed_after(doc, start, PRODUCT_NOUNS)


def listed_after(
    doc,
    start: int,
    nouns: frozenset[str],
    *,
    openers: frozenset[str] = _LIST_OPENERS,
    between: frozenset[str] = _BETWEEN,
    reach: int = 16,
) -> bool:
    """The name at token ``start`` is in a list of capitalised names (joined by ``between``
    signs) that one of ``nouns`` opens with ``like``, ``such as`` or ``including``:
    ``tools like Syft``, ``key metrics like Largest Contentful Paint (LCP)``."""
    for i in range(start - 1, max(-1, start - reach), -1):
        tok = doc[i]
        if tok.lower_ in openers and tok.is_lower and i > 0:
            j = i - 1
            if tok.lower_ == "as":
                if doc[j].lower_ != "such" or j == 0:
                    return False
                j -= 1
            if doc[j].text in _DASHES and j > 0:
                j -= 1  # "applications — including"
            return doc[j].lower_ in nouns
        if not (tok.lower_ in between or tok.text[:1].isupper()):
            return False
    return False
