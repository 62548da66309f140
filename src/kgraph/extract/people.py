"""People's names, which discovery must not take for tools or companies.

Talk abstracts, podcast blurbs and newsletter items name their speakers ("Kevin and Doug
explain…", "Gunnar Morling shows…"), and the entity rules never annotate people. The small
model tags many of them PERSON, but it tags tools PERSON too (``Flyte``), so the label alone
cannot drop them. A list of given names can: a name the ontology lacks that is a given name,
alone or followed by capitalised words (a surname), is a person.

``data/people/given_names.txt`` is generated from the first-name lists of Faker's person
providers (MIT licence; every locale written in Latin letters), without any name that is
also an ontology entry's name or alias or the first word of one (``Ray``, ``Julia``,
``Cassandra``, ``Delta Lake``), so a technology the ontology knows is never a person here.
A registry entry's one-word name or alias that needs support (``Felix`` of Apache Felix,
``Max`` the language) stays a given name: generated lists are not curated, and the person
(``Felix Baumgartner``) is the likelier reading.
Regenerate it after growing the ontology or to take a newer Faker::

    python -m kgraph.extract.people path/to/faker-*.whl
"""

from __future__ import annotations

import ast
import re
import sys
import zipfile
from functools import cache

from kgraph import config
from kgraph.extract.discovery_words import MONTH_NAMES, WEEKDAYS
from kgraph.extract.english import is_english_word
from kgraph.extract.generic import phrases

_GIVEN = re.compile(r"[A-Z][a-z]{2,}")


@cache
def given_names() -> frozenset[str]:
    """The shipped given names (empty when the file is missing: discovery then keeps them)."""
    try:
        text = config.GIVEN_NAMES_FILE.read_text(encoding="utf-8")
    except FileNotFoundError:
        return frozenset()
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def is_person(words: list[str]) -> bool:
    """``Kevin``, ``Gunnar Morling``: a given name, alone or before capitalised words; or
    such names joined by ``&`` or ``and`` (``Justin & Autumn``)."""
    if len(words) > 2 and any(w in ("&", "and") for w in words[1:-1]):
        # "Justin & Autumn", "Kevin and Doug": hosts named together, each a person
        parts, part = [], []
        for w in words:
            if w in ("&", "and"):
                parts.append(part)
                part = []
            else:
                part.append(w)
        return all(p and is_person(p) for p in [*parts, part])
    if not words or words[0] not in given_names():
        return False
    return all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words[1:])


def opens_person_name(span) -> bool:
    """``Felix Baumgartner``: the one word ``span`` is a given name before a capitalised word
    that is no English word (a surname), so together they name a person. ``Knox Gateway``
    and ``Odin 2`` name products."""
    doc, end = span.doc, span.end
    return (
        len(span) == 1
        and span.text in given_names()
        and end < len(doc)
        and doc[end].is_title
        and doc[end].is_alpha
        and not is_english_word(doc[end].text)
    )


def named_in_full(doc) -> set[str]:
    """The words of the people ``doc`` names in full (``Atita Arora walks through…``): the
    model's PERSON of two or three capitalised words, or any of its names of such words
    that opens with a given name (it tags ``Linus Torvalds`` ORG as often). The same word
    alone elsewhere (``Atita brings``, ``Torvalds suspects``) is that person. A PERSON that
    ends with an ordinary English word and opens with no given name is a capitalised
    headline's phrase (``Contentsquare Migration``), no person."""
    return {
        t.text
        for e in doc.ents
        if 2 <= len(e) <= 3
        and all(t.is_title for t in e)
        and (
            is_person([t.text for t in e])
            or (e.label_ == "PERSON" and not is_english_word(e[-1].lower_))
        )
        for t in e
    }


# A Gaelic surname ("McCaffrey", "McKenna"): its inner capital is no product's odd case.
_MC_SURNAME = re.compile(r"Mc[A-Z][a-z]{2,}")


def surname_after_name(doc, start: int, end: int) -> bool:
    """``doc[start:end]`` is a ``Mc`` surname right after a capitalised word: the second half
    of a person's name (``Caitie McCaffrey``), whatever the given name."""
    return (
        end - start == 1
        and start > 0
        and _MC_SURNAME.fullmatch(doc[start].text) is not None
        and doc[start - 1].is_alpha
        and doc[start - 1].is_title
    )


def after_speaker(doc, start: int, end: int) -> bool:
    """The words ``doc[start:end]`` follow a speaker's name as talk listings and bylines write
    their organisation: ``Thomas Graf, Isovalent``, ``Dana Okafor (Quillmark)``."""
    if start < 3 or doc[start - 1].text not in (",", "("):
        return False
    if doc[start - 1].text == "(" and (end >= len(doc) or doc[end].text != ")"):
        return False
    if doc[start - 1].text == "," and end < len(doc) and doc[end].is_lower and doc[end].is_alpha:
        return False  # "by Dana Okafor, Zorbix reimagines queues": the sentence goes on
    first = doc[start - 3].text
    if start > 3 and len(first) == 2 and first[0].isupper() and first[1] == ".":
        first = doc[start - 4].text  # "Christopher M. Luciano, Isovalent": a middle initial
    return is_person([first, doc[start - 2].text])


def _faker_first_names(wheel: str) -> set[str]:
    names: set[str] = set()
    with zipfile.ZipFile(wheel) as zf:
        for path in zf.namelist():
            if not re.fullmatch(r"faker/providers/person/[^/]+/__init__\.py", path):
                continue
            for node in ast.walk(ast.parse(zf.read(path))):
                if not (
                    isinstance(node, ast.Assign)
                    and isinstance(node.targets[0], ast.Name)
                    and node.targets[0].id.startswith("first_names")
                ):
                    continue
                value = node.value
                arg = value.args[0] if isinstance(value, ast.Call) and value.args else value
                try:
                    items = ast.literal_eval(arg)
                except ValueError:
                    continue  # a copy of another list ("first_names_male.copy()")
                for item in items:
                    name = item[0] if isinstance(item, tuple) else item
                    if isinstance(name, str) and _GIVEN.fullmatch(name):
                        names.add(name)
    return names


def ontology_words() -> set[str]:
    """Every ontology name and alias, and the first word of each, as written."""
    from kgraph.ontology import load_ontology

    words = set()
    for entry in load_ontology().entries.values():
        for surface in (entry.name, *entry.aliases):
            if entry.registry and entry.ambiguous and " " not in surface:
                continue  # a plain registry word gives way to the given name
            words |= {surface, surface.split()[0] if surface.split() else surface}
    return words


def main(argv: list[str]) -> int:
    (wheel,) = argv
    names = sorted(_faker_first_names(wheel) - ontology_words())
    header = (
        "# Given names from Faker's person providers (MIT licence), every Latin-script locale,\n"
        f"# {wheel.rsplit('/', 1)[-1]}; ontology names and aliases removed. "
        "Generated by python -m kgraph.extract.people.\n"
    )
    config.GIVEN_NAMES_FILE.parent.mkdir(parents=True, exist_ok=True)
    config.GIVEN_NAMES_FILE.write_text(header + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} given names written to {config.GIVEN_NAMES_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))


# Pronouns after "and" that make the name before it a person's: "Zandré and his team".
_PERSONAL = frozenset(["his", "her"])


def beside_person(doc, start: int, end: int) -> bool:
    """One capitalised word named with people as one of them: joined by ``and`` or a comma
    to a given name (``Francesc and Mark are joined by``, ``Eyvonne, William, and our
    guest``) or before ``and his`` / ``and her`` (``Zandré and his team``). Hosts and
    guests are listed so; products and companies are not listed with a person's given name."""
    if end - start != 1 or not doc[start].is_title or not doc[start].is_alpha:
        return False
    after = [t.text for t in doc[end : end + 3]]
    if after[:1] == [","] and after[1:2] == ["and"]:
        after = after[1:]
    if (
        after[:1] in (["and"], [","])
        and len(after) > 1
        and (after[1] in _PERSONAL or _given(after[1]))
    ):
        return True
    before = [t.text for t in doc[max(0, start - 2) : start]]
    return len(before) == 2 and before[1] in ("and", ",") and _given(before[0])


# A person's pronouns, subject and possessive.
_PRONOUNS = frozenset(["he", "she", "his", "her", "him", "himself", "herself"])


def referred_to_as_person(doc, start: int, end: int) -> bool:
    """One capitalised word that the clause after it calls ``he`` or ``she``: ``Wojtek will
    share his experience``, ``the journey Dana embarked on when he raised``. A product or a
    company is never ``his``; the look stops at punctuation or another capitalised word,
    where the pronoun may be someone else's."""
    if end - start != 1 or not doc[start].is_title or not doc[start].is_alpha:
        return False
    for tok in doc[end : end + 5]:
        if tok.lower_ in _PRONOUNS:
            return True
        if tok.is_punct or tok.text[:1].isupper():
            return False
    return False


# Given names that are also calendar words: "In January, Zorbly analysts observed".
_CALENDAR = MONTH_NAMES | WEEKDAYS


def _given(word: str) -> bool:
    return (
        _GIVEN.fullmatch(word) is not None
        and word in given_names()
        and word.lower() not in _CALENDAR
    )


# What people are called by their work, as a sentence introduces them: "Netflix engineers
# Ashwin Kayyoor and Rakesh Veeramacheneni", "CEO Simon Eskildsen", "Anit, a Senior Software
# Engineer at Uber", "Preeti (SVP Engineering)". A product or a company is never so titled.
PERSON_TITLES = phrases(
    """
    engineer engineers developer developers ceo cto cio ciso cfo coo cpo svp vp evp founder
    founders co-founder co-founders cofounder cofounders president director directors manager
    managers architect architects scientist scientists researcher researchers maintainer
    maintainers contributor contributors author authors advocate advocates evangelist
    evangelists head lead speaker speakers host hosts chair analyst analysts specialist
    specialists
    """
)
# Words that may stand between the article and the title in an apposition, or inside a
# parenthesised title: "a Senior Software Engineer", "(SVP Engineering)", "(CTO and founder)".
_TITLE_WORDS = phrases(
    """
    senior junior staff principal lead chief software site reliability data platform security
    infrastructure backend frontend front-end back-end full-stack mobile machine learning ml
    product program project engineering technical general distinguished founding former
    and & of the
    """
) | frozenset([","])
# Where an apposition's title ends: "Anit, a Senior Software Engineer at Uber, discussing".
_TITLE_ENDS = frozenset(["at", "of", "from", "with", "in", "for", "on", "and", ",", ".", ")"])


def _full_name(doc, start: int, end: int) -> bool:
    """Two or three capitalised words of letters with no inner capital (``Ashwin Kayyoor``;
    not ``GitHub Actions``)."""
    return 2 <= end - start <= 3 and all(
        t.is_title and t.is_alpha and len(t.text) > 1 for t in doc[start:end]
    )


def titled(doc, start: int, end: int) -> bool:
    """``doc[start:end]`` is a person the sentence introduces by title: a full name right
    after a title (``Netflix engineers Ashwin Kayyoor``, ``CEO Simon Eskildsen``) or joined
    by ``and`` to such a name (``... and Rakesh Veeramacheneni``); any name followed by an
    apposition that is a title (``Anit, a Senior Software Engineer at Uber``) or by a title in
    brackets (``Preeti (SVP Engineering)``)."""
    if end - start > 3 or not all(t.is_title and t.is_alpha for t in doc[start:end]):
        return False
    return _after_title(doc, start, end) or _title_follows(doc, end)


def _after_title(doc, start: int, end: int) -> bool:
    if not _full_name(doc, start, end):
        return False
    i = start - 1
    if i > 2 and doc[i].lower_ in ("and", "&", ","):
        # "engineers Ashwin Kayyoor and Rakesh Veeramacheneni": the title before the first
        j = i - 1
        while j > 0 and doc[j].is_title and doc[j].is_alpha and i - j <= 3:
            j -= 1
        if i - 1 - j < 2:
            return False
        i = j
    if i < 0:
        return False
    word = doc[i]
    return word.lower_ in PERSON_TITLES and (word.is_lower or word.is_upper)


def _title_follows(doc, end: int) -> bool:
    n = len(doc)
    if end + 1 >= n:
        return False
    if doc[end].text == "(":
        inner = []
        for tok in doc[end + 1 : end + 8]:
            if tok.text == ")":
                break
            inner.append(tok)
        else:
            return False
        return any(t.lower_ in PERSON_TITLES for t in inner) and all(
            t.lower_ in PERSON_TITLES or t.lower_ in _TITLE_WORDS for t in inner
        )
    if doc[end].text != ",":
        return False
    i = end + 1
    if doc[i].lower_ in ("a", "an", "the", "our", "their", "its"):
        i += 1
    for j in range(i, min(i + 5, n)):
        low = doc[j].lower_
        if low in PERSON_TITLES:
            if j + 1 < n and doc[j + 1].lower_ in PERSON_TITLES:
                continue  # "a lead maintainer", "the head engineer"
            return j + 1 == n or doc[j + 1].lower_ in _TITLE_ENDS
        if low not in _TITLE_WORDS or low in ("and", "&", ",", "of", "the"):
            return False
    return False
