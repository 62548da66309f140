"""Canonical names a post settles with its own words (entity rules: abbreviations and short
forms take the long name).

A discovered name has no ontology entry to give it a canonical, but the post often writes
its long form too: ``Bring Your Own IP (BYOIP)`` spells the acronym out, ``Git LFS`` comes
before the bare ``LFS``. These run over one post's assembled mentions, after the names are
kept or dropped, and only change canonicals.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kgraph.extract.generic import VAGUE
from kgraph.extract.publisher import squeezed
from kgraph.extract.resolver import _STOP_EXPANSION, _spells
from kgraph.extract.variants import is_acronym
from kgraph.model import Mention, Post
from kgraph.ontology import Ontology, OntologyEntry

# The most words an expansion before its acronym is looked for in ("Hugging Face Inference
# API (HFIA)"); an acronym spells at most two letters of one word in practice.
_MOST_WORDS = 12
_WORD = re.compile(r"[^\s()]+")


def _bare(text: str) -> str:
    return re.sub(r"(?:['\u2019]s|['\u2019])$", "", text)


def _spelling(acr: str, words: list[str]) -> bool:
    """Whether the capitalised ``words`` (small words allowed inside) spell ``acr``."""
    parts = []
    for word in words:
        for part in word.split("-"):
            if not part or part.lower() in _STOP_EXPANSION:
                continue
            if not part[:1].isupper():
                return False
            parts.append(part.lower())
    return len(parts) >= 2 and _spells(acr.lower(), parts)


def _expansion(acr: str, text: str) -> str | None:
    """The capitalised words ``text`` defines ``acr`` by: ``Words (ACR)`` or ``ACR (Words)``."""
    for m in re.finditer(rf"\({re.escape(acr)}s?\)", text):
        words = _WORD.findall(text[max(0, m.start() - 160) : m.start()])[-_MOST_WORDS:]
        words[-1:] = [w.rstrip(",") for w in words[-1:]]
        # the longest run that spells the acronym and opens with a capitalised word
        for start in range(len(words) - 1):
            if words[start][:1].isupper() and _spelling(acr, words[start:]):
                return " ".join(words[start:])
    for m in re.finditer(rf"\b{re.escape(acr)}s? \(([^()]{{3,120}})\)", text):
        words = m.group(1).split()
        if words[0][:1].isupper() and _spelling(acr, words):
            return " ".join(words)
    return None


def one_line_names(mentions: list[Mention]) -> list[Mention]:
    """A discovered name broken over a line (``React Server\\nComponents``) is one name with
    single spaces: the canonical is the node's label, the surface keeps the text."""
    return [
        replace(m, canonical=" ".join(m.canonical.split()))
        if m.method != "ontology" and not _ONE_LINE.fullmatch(m.canonical)
        else m
        for m in mentions
    ]


_ONE_LINE = re.compile(r"\S+(?: \S+)*")


def singular_acronyms(mentions: list[Mention]) -> list[Mention]:
    """A discovered acronym in the plural names one thing (entity rules: plurals take the
    singular): ``RPMs`` is ``RPM``, as the post's ``RPM`` is."""
    return [
        replace(m, canonical=m.canonical[:-1])
        if m.method != "ontology"
        and m.canonical.endswith("s")
        and is_acronym(m.canonical[:-1])
        and not m.canonical[:-1].isdigit()
        else m
        for m in mentions
    ]


def spelled_out_acronyms(post: Post, mentions: list[Mention]) -> list[Mention]:
    """A discovered acronym the post spells out in capitalised words takes them as its
    canonical, as its other uses do: ``BYOIP`` beside ``Bring Your Own IP (BYOIP)``,
    ``DDL`` beside ``DDL (Data Definition Language)``. A mention of the expansion itself
    lends its own canonical. Known acronyms keep the ontology's reading."""
    acronyms = {
        m.canonical
        for m in mentions
        if m.method != "ontology"
        and _bare(m.text).startswith(m.canonical)
        and is_acronym(m.canonical)
    }
    if not acronyms:
        return mentions
    text = f"{post.title}\n{post.summary}"
    named = {m.text.lower(): m.canonical for m in mentions}
    long: dict[str, str] = {}
    for acr in acronyms:
        words = _expansion(acr, text)
        if words:
            long[acr] = named.get(words.lower(), words)
    if not long:
        return mentions
    return [
        replace(m, canonical=long[m.canonical])
        if m.canonical in long and m.method != "ontology"
        else m
        for m in mentions
    ]


def names_shortened(mentions: list[Mention], onto: Ontology) -> list[Mention]:
    """A discovered product name that closes the one longer product name the post writes is
    its short form and takes that name: ``LFS`` beside ``Git LFS``, ``DevTools`` beside
    ``Chrome DevTools``. One that opens a longer name does only when the ontology knows
    that name (``Unreal`` beside ``Unreal Engine``): a discovered ``Dagger Reflect`` is
    another product than ``Dagger``. A vague word in front (``New Twitter.com``) makes no
    new name, and a name the ontology knows keeps its own entry."""
    longer = {
        m.canonical: m.method == "ontology"
        for m in mentions
        if m.type == "TECHNOLOGY" and " " in m.canonical
    }
    if not longer:
        return mentions
    out = []
    for m in mentions:
        if m.type == "TECHNOLOGY" and m.method == "model" and onto.lookup(m.canonical) is None:
            short = m.canonical
            full = {
                name
                for name, known in longer.items()
                if (name.startswith(short + " ") and known)
                or (
                    name.endswith(" " + short)
                    and name[: -len(short) - 1].split()[0].lower() not in VAGUE
                )
            }
            if len(full) == 1:
                m = replace(m, canonical=full.pop())
        out.append(m)
    return out


# A product's editions and packagings ("Vault Enterprise", "Grafana Stack"): the product.
_EDITIONS = frozenset({"Enterprise", "Premium", "Stack", "Platform", "Edition", "Project"})
_SQL_ON = re.compile(r"(?<=[a-z])-?(?=SQL$)")


def product_features(mentions: list[Mention], onto: Ontology) -> list[Mention]:
    """A discovered name made of a known product's name and a plural noun or an acronym
    names the product's parts or API, not a product of its own (entity rules: a product's
    API or feature is the product): ``Temporal Workflows`` is Temporal, ``Kubernetes Device
    Plugins`` and ``Kubernetes DRA`` are Kubernetes, ``Vault Enterprise`` (an edition) is
    Vault; ``FlinkSQL`` and ``Presto-SQL``, its
    query language written on, are the product too. A coined word (``Chrome DevTools``)
    is a product's name."""
    out = []
    for m in mentions:
        words = _SQL_ON.sub(" ", m.canonical).split(" ")
        last = words[-1]
        if (
            m.type == "TECHNOLOGY"
            and m.method == "model"
            and len(words) >= 2
            and (
                is_acronym(last)
                or (len(words) == 2 and last in _EDITIONS)
                or (
                    len(last) > 3
                    and last.endswith("s")
                    and not last.endswith(("ss", "us", "is"))
                    # a plural noun or acronym, not a coined name of its own ("Chrome DevTools")
                    and (last[1:-1].islower() or is_acronym(last[:-1]))
                )
            )
            and onto.lookup(m.canonical) is None
        ):
            for cut in range(len(words) - 1, 0, -1):
                entry = onto.lookup(" ".join(words[:cut]))
                if entry is not None and entry.type == "TECHNOLOGY" and not entry.registry:
                    m = replace(m, canonical=entry.name)
                    break
        out.append(m)
    return out


_GLUED = re.compile(r"^([A-Za-z][\w.+-]*[A-Za-z])(\d{1,2})(?:\.\d{1,2})?$")


def glued_versions(mentions: list[Mention], onto: Ontology) -> list[Mention]:
    """A discovered name that is a known product's name with its major version written on
    (``PHP7``) is that product, or its release where the ontology has one (``GPT4`` as
    ``GPT-4``): the entity rules drop versions from the canonical. The resolver finds
    the lower-case ones (``python3``); names in capitals come through discovery."""
    out = []
    for m in mentions:
        found = (
            _GLUED.match(m.canonical) if m.type == "TECHNOLOGY" and m.method == "model" else None
        )
        if found and onto.lookup(m.canonical) is None:
            base, major = found.groups()
            for name in (f"{base} {major}", f"{base}-{major}", base):
                entry = onto.lookup(name)
                if entry is not None and entry.type == "TECHNOLOGY" and not entry.registry:
                    m = replace(m, canonical=entry.name)
                    break
        out.append(m)
    return out


# The last ontology indexed and its index: one ontology at a time. The ontology itself is
# kept, not its id, so a new ontology at a freed address is never taken for it.
_SQUEEZED: list[tuple[Ontology, dict[str, OntologyEntry | None]]] = []


def _squeezed_names(onto: Ontology) -> dict[str, OntologyEntry | None]:
    """Curated companies and technologies by their canonical name in letters and digits
    only (``newrelic``); None where two entries share one."""
    if _SQUEEZED and _SQUEEZED[0][0] is onto:
        return _SQUEEZED[0][1]
    index: dict[str, OntologyEntry | None] = {}
    for entry in onto.entries.values():
        if entry.type != "CONCEPT" and not entry.registry and " " in entry.name:
            key = squeezed(entry.name)
            index[key] = None if key in index and index[key] is not entry else entry
    _SQUEEZED[:] = [(onto, index)]
    return index


def run_together_names(mentions: list[Mention], onto: Ontology) -> list[Mention]:
    """A discovered name that is a known name of several words written as one
    (``NewRelic``, ``RiotGames``) is that name, or one the post writes apart; the sentence
    keeps saying whether it is the company or its product."""
    index = _squeezed_names(onto)
    spaced = {squeezed(m.canonical): m.canonical for m in mentions if " " in m.canonical}
    out = []
    for m in mentions:
        if m.method == "model" and " " not in m.canonical and m.type != "CONCEPT":
            key = squeezed(m.canonical)
            entry = index.get(key)
            if entry is not None:
                m = replace(m, canonical=entry.name)
            elif key in spaced:
                m = replace(m, canonical=spaced[key])
        out.append(m)
    return out


# A project's site under a developer domain ("Vector.dev") or a company's under its country's
# domain ("Marktplaats.nl"): the name is the part before it. Brand domains (.io for a
# company, .ai, .co, .com) are often part of the name itself (Fly.io, Booking.com).
_SITE_DOMAIN = {
    "TECHNOLOGY": re.compile(r"^([A-Z][\w-]*)\.(?:io|dev)$"),
    "COMPANY": re.compile(r"^([A-Z][\w-]*)\.(?!ai$|co$|io$)[a-z]{2}$"),
}


def site_names(mentions: list[Mention]) -> list[Mention]:
    """A discovered name written as its web site is the name: ``Vector.dev`` is Vector,
    ``Marktplaats.nl`` is Marktplaats, ``www.skyscanner.com`` is skyscanner.com."""
    out = []
    for m in mentions:
        if m.method == "model" and m.type in _SITE_DOMAIN:
            name = m.canonical.removeprefix("www.")
            found = _SITE_DOMAIN[m.type].match(name)
            name = found[1] if found else name
            if name != m.canonical:
                m = replace(m, canonical=name)
        out.append(m)
    return out
