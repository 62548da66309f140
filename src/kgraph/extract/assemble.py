"""Post-level assembly: candidates from the title and summary docs become :class:`Mention` s.

Here the two fields meet: an ambiguous name (``Workers``) is kept only when its company or
an unambiguous mention of it is in the post, an acronym defined in the summary is found in
the title too, and discovered names that the ontology knows get their canonical form.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from itertools import pairwise
from typing import NamedTuple

from spacy.attrs import IDX
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from kgraph.extract import confidence, name_model
from kgraph.extract.definitions import defined_in
from kgraph.extract.discovery_spans import _generic_acronym
from kgraph.extract.english import is_english_word
from kgraph.extract.generic import (
    PERCENTILE_LATENCY,
    field_head,
    in_group_name,
    is_generic,
    processed_data,
)
from kgraph.extract.people import named_in_full
from kgraph.extract.publisher import customer_keys, publisher_keys, squeezed
from kgraph.extract.resolver import ACRONYMS
from kgraph.extract.short_forms import (
    glued_versions,
    names_shortened,
    one_line_names,
    product_features,
    run_together_names,
    singular_acronyms,
    site_names,
    spelled_out_acronyms,
)
from kgraph.extract.spans import TRADEMARKS, doc_text, spans_in, values_of
from kgraph.extract.variants import singular
from kgraph.model import FIELDS, Mention, Post, entity_key
from kgraph.ontology import Ontology


class Piece(NamedTuple):
    """One processed piece of a field: which field, where it starts in it, its doc, and
    where each character of the doc's text is in the field's piece (``None``: the same)."""

    field: str
    offset: int
    doc: Doc
    has_sents: bool
    starts: list[int]
    index: list[int] | None = None
    sents: tuple[list[int], list[tuple[int, int]]] | None = None
    """Each sentence's first token, and its start and end characters (when ``has_sents``)."""

    @classmethod
    def of(cls, field: str, offset: int, doc: Doc, index: list[int] | None = None) -> Piece:
        # has_annotation scans every token: ask once per doc, not once per mention.
        starts = doc.to_array(IDX).tolist() if len(doc) else []  # no Token per word
        has_sents = doc.has_annotation("SENT_START")
        # The sentences once per doc: a token's ``sent`` walks its sentence on each mention.
        sents = list(doc.sents) if has_sents else []
        bounds = ([s.start for s in sents], [(s.start_char, s.end_char) for s in sents])
        return cls(field, offset, doc, has_sents, starts, index, bounds if has_sents else None)

    def field_start(self, char: int) -> int:
        """The offset in the field of the doc's character ``char``."""
        return self.offset + (self.index[char] if self.index else char)

    def field_end(self, char: int) -> int:
        """The offset in the field just after the doc's characters before ``char``."""
        if not self.index or char == 0:
            return self.offset + char
        return self.offset + self.index[char - 1] + 1


def assemble(post: Post, pieces: list[Piece], onto: Ontology) -> list[Mention]:
    """The post's mentions, one per candidate span, sorted by field then offset."""
    found: list[tuple[Mention, bool, str]] = []
    for piece in pieces:
        for span in spans_in(piece.doc):
            method, conf, ambiguous = values_of(span)
            mention = _mention(
                post,
                piece,
                span.start_char,
                span.end_char,
                span.label_,
                span.id_,
                method,
                conf,
                onto,
            )
            if mention is not None:
                found.append((mention, ambiguous, span.id_))
    if _title_is_feed_label(post):
        # "Squarespace Engineering" over every post of that blog: the feed's name, not the
        # post's words; the summary speaks for itself
        found = [f for f in found if f[0].field != "title"]
    found += _acronym_uses(post, pieces, found, onto)
    found = _defined_elsewhere(pieces, found)
    found = _people_elsewhere(pieces, found)
    found = _completed_elsewhere(post, found)
    found = _concept_acronyms(post, pieces, found, onto)
    found = _one_type_per_name(found, onto, post)
    found = _short_product_names(found)
    found = _product_tails(post, found, onto)
    found = _lower_names_listed(post, found, onto)
    sure_keys = {m.entity_key for m, ambiguous, _ in found if not ambiguous}
    # A concept is also supported by a sure mention of a kind of it named after it: "search
    # index" (search indexing) in the summary supports "Indexing" in the title.
    for m, ambiguous, _ in found:
        entry = onto.entries.get(m.entity_key) if not ambiguous and m.type == "CONCEPT" else None
        for parent in entry.parents if entry else ():
            if parent in entry.name:
                sure_keys.add(entity_key("CONCEPT", parent))
    uses = Counter(m.entity_key for m, _, _ in found)
    companies = {m.canonical for m, _, _ in found if m.type == "COMPANY"}
    mentions = []
    for mention, ambiguous, _ in found:
        if ambiguous:
            entry = onto.entries.get(mention.entity_key)
            maker = entry.company if entry else ""
            # A registry name (generated, not curated) is not supported by repeating itself.
            repeats = not (entry and entry.registry)
            supported = (
                mention.entity_key in sure_keys
                or (repeats and uses[mention.entity_key] > 1)
                or (mention.method == "rule" and _repeated(mention, post))
                # "Segment" on the Segment blog: the publisher is no plain word there
                or (
                    mention.type == "COMPANY"
                    and (
                        _names_the_source(mention.text, post)
                        or _names_the_customer(mention.text, post)
                    )
                )
            )
            if not supported and maker not in companies:
                continue
        mentions.append(mention)
    mentions = _named_activity(mentions, onto)
    mentions = _company_common_names(mentions, onto)
    mentions = _company_short_forms(mentions, onto)
    mentions = _product_full_names(mentions, onto)
    mentions = name_model.judge(post, mentions, lambda: _entities(pieces), onto)
    mentions = spelled_out_acronyms(post, singular_acronyms(mentions))
    mentions = glued_versions(product_features(one_line_names(mentions), onto), onto)
    mentions = run_together_names(site_names(mentions), onto)
    mentions = names_shortened(mentions, onto)
    return sorted(mentions, key=lambda m: (FIELDS.index(m.field), m.start, m.end))


def _entities(pieces: list[Piece]) -> list[tuple[str, int, int, str]]:
    """The NER's entities of the post's pieces as (field, start, end, label) in field offsets."""
    return [
        (p.field, p.field_start(e.start_char), p.field_end(e.end_char), e.label_)
        for p in pieces
        for e in p.doc.ents
    ]


def _one_type_per_name(found: list, onto: Ontology, post: Post) -> list:
    """A discovered name is one thing in a post: if any sentence treats it as an
    organisation (``at Faire``), its other mentions (``how Faire upgraded``) are too; unless
    a sentence defines it as a kind of software (``MotherDuck, a modern cloud data
    warehouse, ...``, then ``MotherDuck founding engineer``): the definition says what the
    name is, the other cue only who makes it."""
    found = _first_type_per_surface(found, onto)
    orgs = {m.canonical for m, _, _ in found if m.method == "model" and m.type == "COMPANY"}
    if orgs:
        defined = {
            m.canonical
            for m, _, _ in found
            if m.method == "model"
            and m.type == "TECHNOLOGY"
            and m.canonical in orgs
            and _defined_in_post(m.text, post)
        }
        orgs -= defined
        if defined:
            # the definition says what the name is in all its mentions: "WarpStream was the
            # first data streaming system ever built" makes "WarpStream's stateless
            # architecture" and the title's "WarpStream" the product too
            found = [
                (replace(m, type="TECHNOLOGY"), amb, entity_key("TECHNOLOGY", m.canonical))
                if m.method == "model" and m.type == "COMPANY" and m.canonical in defined
                else (m, amb, key)
                for m, amb, key in found
            ]
    if not orgs:
        return found
    # A name written with a release number ("Koin 4.1") is a product's in all its mentions:
    # organisations have no versions, so its possessive ("Koin's native API") is the product's.
    products = {m.canonical for m, _, _ in found if m.method == "model" and _released(m)}
    if products & orgs:
        found = [
            (replace(m, type="TECHNOLOGY"), amb, entity_key("TECHNOLOGY", m.canonical))
            if m.method == "model" and m.type == "COMPANY" and m.canonical in products
            else (m, amb, key)
            for m, amb, key in found
        ]
        orgs -= products
    return [
        (replace(m, type="COMPANY"), amb, entity_key("COMPANY", m.canonical))
        if m.method == "model" and m.type == "TECHNOLOGY" and m.canonical in orgs
        else (m, amb, key)
        for m, amb, key in found
    ]


_RELEASE_TAIL = re.compile(r"[ -]?[vV]?\d+(?:\.\d+)+$")


def _released(m: Mention) -> bool:
    """The surface is the canonical name and a release number: ``Koin 4.1``, ``GLM-4.7``."""
    tail = m.text[len(m.canonical) :]
    return (
        bool(tail) and m.text.startswith(m.canonical) and _RELEASE_TAIL.fullmatch(tail) is not None
    )


def _short_product_names(found: list) -> list:
    """A discovered word that ends a known product's longer name in the same post
    (``Studio's AI features`` after ``Android Studio``) is that product's short form: the
    product, with its canonical (entity rules: short forms take the full name)."""
    tails = {}
    for m, _, key in found:
        if m.method == "ontology" and m.type == "TECHNOLOGY" and " " in m.text:
            tails.setdefault(_bare(m.text).rsplit(" ", 1)[1], (m.canonical, key))
    if not tails:
        return found
    out = []
    for m, amb, key in found:
        product = tails.get(_bare(m.text)) if m.method == "model" else None
        if product is not None and m.type != "CONCEPT":
            m, key = replace(m, type="TECHNOLOGY", canonical=product[0]), product[1]
        out.append((m, amb, key))
    return out


# A word before or after a tail that makes it part of another name, or a sentence's start.
_TAIL_WORD = re.compile(r"[A-Za-z][\w:.-]*[A-Za-z0-9]|[A-Za-z]")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


def _product_tails(post: Post, found: list, onto: Ontology) -> list:
    """The last word of a known product's longer name, written alone elsewhere in the post
    (``NATS JetStream`` ... ``in JetStream``, ``Project Loom`` ... ``Is Loom really``,
    ``Jetpack Compose`` ... ``Compose``), is that product's short form (entity rules: short
    forms take the full name). Only a capitalised word inside a sentence, with no capitalised
    word joined on either side (``Docker Compose`` is another name), that the ontology does
    not know as a name of its own and no other mention covers."""
    tails: dict[str, tuple[str, str, float]] = {}
    for m, _, key in found:
        if m.method != "ontology" or m.type != "TECHNOLOGY":
            continue
        words = _bare(m.text).split(" ")
        tail = words[-1]
        if len(words) < 2 or len(tail) < 3 or not tail[:1].isupper() or not tail[1:2].isalpha():
            continue
        if tail.isupper() or onto.lookup(tail) is not None or tail.lower() in STOP_WORDS:
            continue  # "AWS IAM": an acronym names itself; "Apache Kafka": "Kafka" is known
        tails.setdefault(tail, (m.canonical, key, m.confidence))
    if not tails:
        return found
    taken = {(m.field, i) for m, _, _ in found for i in range(m.start, m.end)}
    out = list(found)
    for field in FIELDS:
        raw = getattr(post, field)
        for tail, (canonical, key, conf) in tails.items():
            for hit in re.finditer(rf"(?<![\w.:/-]){re.escape(tail)}(?![\w:/-]|\.\w)", raw):
                start, end = hit.start(), hit.end()
                if any((field, i) in taken for i in range(start, end)):
                    continue
                before = raw[max(0, start - 200) : start].rstrip()
                prev = _TAIL_WORD.findall(before[-40:])
                nxt = _TAIL_WORD.match(raw[end:].lstrip()) if raw[end : end + 1] == " " else None
                if not before or before[-1:] in ".!?:\n\u2014\u2013" or not prev:
                    continue  # a sentence's first word says nothing by its capital
                if (
                    raw[start - 1 : start] == " "
                    and prev[-1][:1].isupper()
                    and prev[-1].lower() not in STOP_WORDS
                ):
                    continue  # "Docker Compose": joined to a capitalised word ("In X" is not)
                if nxt is not None and nxt.group(0)[:1].isupper():
                    continue  # "Compose Multiplatform": a longer name
                cut = max(before.rfind(". "), before.rfind("\n")) + 1
                stop = _SENTENCE_END.search(raw, end)
                sentence = raw[cut : stop.start() + 1 if stop else len(raw)].strip()
                out.append(
                    (
                        Mention(
                            post.id,
                            tail,
                            "TECHNOLOGY",
                            canonical,
                            field,
                            start,
                            end,
                            sentence,
                            "rule",
                            float(conf),
                        ),
                        False,
                        key,
                    )
                )
                taken.update((field, i) for i in range(start, end))
    return out


# A list's separator between two items: ", ", ", and ", " and ", " or ", " & ", "/".
_LIST_SEP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|\s*/\s*)"
_LOWER_AFTER = re.compile(_LIST_SEP + r"([a-z][\w.+-]*[a-z0-9])(?![\w-])")
_LOWER_BEFORE = re.compile(r"(?<![\w.-])([a-z][\w.+-]*[a-z0-9])" + _LIST_SEP + r"$")


def _lower_names_listed(post: Post, found: list, onto: Ontology) -> list:
    """A known tool's one-word name written in lower case in a list that names two
    technologies or more (``package managers (e.g., npm, pip, cargo)``, ``projects such as
    chubby, ZooKeeper, etcd, and consul``) is that tool: engineers write tool names in lower
    case, and a list is of one kind of thing. Alone, such a word is the English word
    (``cargo``, ``consul``), so the ruler matches it only in its own case. Curated names
    only; the registry's plain words ask for more."""
    techs = [(m.field, m.start, m.end) for m, amb, _ in found if m.type == "TECHNOLOGY" and not amb]
    if not techs:
        return found
    # Two named technologies in the list at least: one beside a lower-case word is as often
    # a clause's end as a list (measured: with one, B lost three false positives).
    sep = re.compile(_LIST_SEP)
    # neighbours in text order only: a long text names many technologies (linear, not square)
    ordered = sorted(set(techs))
    listed = set()
    for t, u in pairwise(ordered):
        if t[0] == u[0] and t[2] <= u[1] and sep.fullmatch(getattr(post, t[0])[t[2] : u[1]]):
            listed.update((t, u))
    listed = sorted(listed)
    if not listed:
        return found
    taken = {(m.field, i) for m, _, _ in found for i in range(m.start, m.end)}
    out = list(found)
    queue = listed
    while queue:
        field, start, end = queue.pop()
        raw = getattr(post, field)
        hits = []
        if (a := _LOWER_AFTER.match(raw, end)) is not None:
            hits.append((a.start(1), a.end(1)))
        if (b := _LOWER_BEFORE.search(raw[max(0, start - 60) : start])) is not None:
            off = max(0, start - 60)
            hits.append((off + b.start(1), off + b.end(1)))
        for a0, a1 in hits:
            if any((field, i) in taken for i in range(a0, a1)):
                continue
            word = raw[a0:a1]
            entry = onto.lookup(word)
            if entry is None or entry.type != "TECHNOLOGY" or entry.registry:
                continue
            cut = max(raw.rfind(". ", 0, a0), raw.rfind("\n", 0, a0)) + 1
            stop = _SENTENCE_END.search(raw, a1)
            sentence = raw[cut : stop.start() + 1 if stop else len(raw)].strip()
            mention = Mention(
                post.id,
                word,
                "TECHNOLOGY",
                entry.name,
                field,
                a0,
                a1,
                sentence,
                "rule",
                confidence.ONTOLOGY_AMBIGUOUS,
            )
            out.append((mention, False, entity_key("TECHNOLOGY", entry.name)))
            taken.update((field, i) for i in range(a0, a1))
            queue.append((field, a0, a1))  # "chubby, ZooKeeper, etcd, and consul": the list goes on
    return out


def _first_type_per_surface(found: list, onto: Ontology) -> list:
    """A known name written the same way twice in a post, once as the organisation and once
    as its product (``Snowflake ships ...``, ``... storage in Snowflake``), is listed once
    (entity rules): with the type of its first mention, unless a sentence made a known
    product the organisation (``the Player Accounts team at Riot``): that evidence beats the
    ontology's guess in a name's other mentions."""
    seen: dict[tuple[str, str], str] = {}
    mixed = False
    order = sorted(found, key=lambda f: (FIELDS.index(f[0].field), f[0].start))
    for m, _, _ in order:
        if m.method == "ontology" and m.type in ("COMPANY", "TECHNOLOGY"):
            first = seen.setdefault((m.canonical, _bare(m.text)), m.type)
            mixed = mixed or first != m.type
    if not mixed:
        return found
    for m, _, _ in order:
        if m.method == "ontology" and m.type == "COMPANY":
            entry = onto.entries.get(entity_key("TECHNOLOGY", m.canonical))
            if entry is not None and entity_key("COMPANY", m.canonical) not in onto.entries:
                seen[(m.canonical, _bare(m.text))] = "COMPANY"
    out = []
    for m, amb, key in found:
        want = seen.get((m.canonical, _bare(m.text)), m.type)
        if m.method == "ontology" and m.type in ("COMPANY", "TECHNOLOGY") and want != m.type:
            m, key = replace(m, type=want), entity_key(want, m.canonical)
        out.append((m, amb, key))
    return out


def _bare(text: str) -> str:
    return re.sub(r"(?:['\u2019]s|['\u2019])$", "", text)


def _company_short_forms(mentions: list[Mention], onto: Ontology) -> list[Mention]:
    """A one-word company name that is the first word of the one longer company the post
    names (``Riot`` beside ``Riot Games``) is that company's short form (entity rules: the
    canonical is the current common name), unless the ontology knows it as a company of
    its own (``Google`` beside ``Google Cloud``)."""
    names = {m.canonical for m in mentions if m.type == "COMPANY"}
    if len(names) < 2:
        return mentions
    longer: dict[str, set[str]] = {}
    for name in names:
        head, _, rest = name.partition(" ")
        if rest:
            longer.setdefault(head, set()).add(name)
    if not longer:
        return mentions
    out = []
    for m in mentions:
        full = longer.get(m.canonical) if m.type == "COMPANY" else None
        if full and len(full) == 1 and entity_key("COMPANY", m.canonical) not in onto.entries:
            m = replace(m, canonical=next(iter(full)))
        out.append(m)
    return out


def _maker_prefix(name: str, companies: set[str], onto: Ontology) -> str:
    """The rest of ``name`` after its maker's name (``AirTag`` of ``Apple AirTag``), or ``""``
    when ``name`` does not start with a company the post or the curated ontology knows."""
    words = name.split(" ")
    for cut in (1, 2):
        if len(words) <= cut:
            break
        head = " ".join(words[:cut])
        entry = onto.lookup(head) if head not in companies else None
        if head in companies or (
            entry is not None and entry.type == "COMPANY" and not entry.registry
        ):
            return " ".join(words[cut:])
    return ""


def _product_full_names(mentions: list[Mention], onto: Ontology) -> list[Mention]:
    """A product written without its maker's name is the full name the post also writes
    (entity rules: short forms take the full name): ``AirTag`` beside ``Apple AirTag``,
    ``Redis`` beside ``Heroku Redis``. Only one full name per short form counts. A maker's
    possessive is not read as the full name: ``Netflix's Titus`` is often an internal
    system, which keeps its own name."""
    techs = [m for m in mentions if m.type == "TECHNOLOGY"]
    if not techs:
        return mentions
    companies = {m.canonical for m in mentions if m.type == "COMPANY"}
    full: dict[str, set[str]] = {}
    for m in techs:
        rest = _maker_prefix(m.canonical, companies, onto)
        if rest:
            full.setdefault(rest, set()).add(m.canonical)
    if not full:
        return mentions
    out = []
    for m in mentions:
        if m.type == "TECHNOLOGY":
            names = full.get(m.canonical)
            if not names and m.method != "ontology":
                names = full.get(_bare(m.text))  # a discovered "Postgres" beside "Heroku Postgres"
            if names and len(names) == 1 and m.canonical not in names:
                m = replace(m, canonical=next(iter(names)))
        out.append(m)
    return out


def _company_common_names(mentions: list[Mention], onto: Ontology) -> list[Mention]:
    """A product's name acting as the organisation is its maker under the maker's common
    name when that is the product's name plus ``Labs`` (entity rules: ``Tessellate`` →
    ``Tessellate Labs``): "Grafana announces Tempo" is Grafana Labs. A legal suffix is not
    part of the common name (``Snowflake Inc.`` stays ``Snowflake``)."""
    out = []
    for m in mentions:
        if m.type == "COMPANY":
            entry = onto.entries.get(entity_key("TECHNOLOGY", m.canonical))
            if entry is not None and entry.company == m.canonical + " Labs":
                m = replace(m, canonical=entry.company)
        out.append(m)
    return out


_ACTIVITY_KINDS: dict[int, dict[str, list[tuple[str, re.Pattern]]]] = {}


def _activity_kinds(onto: Ontology) -> dict[str, list[tuple[str, re.Pattern]]]:
    """For each concept, its kinds named by its own modifier and an action noun, each with a
    pattern for that action in any form: ``zero-downtime operation`` has
    ``zero-downtime migration`` (``migrat...``) and ``zero-downtime deployment``."""
    index = _ACTIVITY_KINDS.get(id(onto))
    if index is None:
        index = {}
        for entry in onto.by_type("CONCEPT"):
            for parent in entry.parents:
                modifier, _, head = entry.name.rpartition(" ")
                stem = re.sub(r"(?:ation|ion|ment|ing)$", "", head)
                if (
                    modifier
                    and stem != head
                    and len(stem) >= 4
                    and parent.startswith(modifier + " ")
                    and " " not in parent[len(modifier) + 1 :]
                ):
                    pattern = re.compile(rf"\b{re.escape(stem)}\w*", re.IGNORECASE)
                    index.setdefault(parent, []).append((entry.name, pattern))
        _ACTIVITY_KINDS.clear()  # one ontology at a time
        _ACTIVITY_KINDS[id(onto)] = index
    return index


def _named_activity(mentions: list[Mention], onto: Ontology) -> list[Mention]:
    """A quality phrase said of an action its sentence names is that action's established
    term (entity rules: synonyms fold into the established term): "migrated to Postgres
    with zero downtime" is ``zero-downtime migration``, not the umbrella
    ``zero-downtime operation``. Only the bare modifier (``zero downtime``) folds; a sentence
    that names two such actions leaves it alone."""
    index = _activity_kinds(onto)
    out = []
    for m in mentions:
        kinds = index.get(m.canonical) if m.type == "CONCEPT" else None
        if kinds and m.canonical.rpartition(" ")[0].replace("-", " ") == (
            m.text.lower().replace("-", " ")
        ):
            named = [name for name, pattern in kinds if pattern.search(m.sentence)]
            if len(named) == 1:
                m = replace(m, canonical=named[0])
        out.append(m)
    return out


def _mention(post, piece, start, end, type_, key, method, conf, onto) -> Mention | None:
    raw = getattr(post, piece.field)
    sentence = _sentence(piece, start, raw)
    start, end = piece.field_start(start), piece.field_end(end)
    canonical = key.split(":", 1)[1]
    if raw[end - 1 : end] in TRADEMARKS and end - start > 1:
        # "Zestimates®": a trademark sign is not part of the name (gold spans never hold it)
        end -= 1
        canonical = canonical.rstrip("".join(TRADEMARKS))
    if method == "model" and _sentence_stop(raw, start, end):
        # "with OpenFaaS. Almost all": the tokenizer keeps a full stop on a word ending in
        # a capital after a lower-case letter; the stop ends the sentence, not the name
        end -= 1
        canonical = canonical[:-1]
        if _generic_acronym(canonical) or is_generic(canonical):
            return None  # "She holds a PhD.": discovery judged the word with its stop
    text = raw[start:end]
    if (
        type_ == "CONCEPT"
        and (
            is_generic(text)
            or is_generic(canonical)
            or processed_data(text)
            or processed_data(canonical)
        )
        and not field_head(text, raw[end : end + 24], raw[max(0, start - 32) : start])
        and not PERCENTILE_LATENCY.match(canonical)
    ):
        return None
    if method != "ontology":
        entry = _known(canonical, onto)
        if entry is None and method == "model":
            entry = _product_named(canonical, onto)
        if entry is not None and not _acts_as_maker(type_, entry):
            type_, canonical = entry.type, entry.name
        elif entry is not None:
            canonical = entry.name
        elif method == "model":
            type_ = _typed_by_post(canonical, type_, post, onto)
            if type_ == "TECHNOLOGY" and "-" in canonical:
                canonical = _HYPHENED_RELEASE.sub("", canonical)
        if type_ == "CONCEPT" and in_group_name(
            raw[max(0, start - 24) : start], raw[end : end + 16]
        ):
            return None  # "the Profiling SIG", "VP of field engineering": a group's or job's name
    return Mention(
        post.id, text, type_, canonical, piece.field, start, end, sentence, method, float(conf)
    )


# Abbreviations whose full stop belongs to the name ("Acme Inc.").
_ABBREVIATION_ENDS = ("Inc.", "Ltd.", "Co.", "Corp.", "Bros.", "Jr.", "Sr.", "St.")


def _sentence_stop(raw: str, start: int, end: int) -> bool:
    """``raw[start:end]`` ends in a full stop closing its sentence, not in an abbreviation
    or a dotted name's last dot (``Node.js``, ``U.S.``): one dot, after a letter or digit,
    at the text's end or before a space."""
    text = raw[start:end]
    return (
        end - start > 2
        and text.endswith(".")
        and text.count(".") == 1
        and text[-2].isalnum()
        and not text.endswith(_ABBREVIATION_ENDS)
        and (end == len(raw) or raw[end].isspace())
    )


# A release number hyphened onto a discovered name ("GLM-4.7", "Qwen-2.5"): the entity
# rules drop versions from the canonical; a bare generation number ("GPT-4") stays.
_HYPHENED_RELEASE = re.compile(r"(?<=[A-Za-z])-[vV]?\d{1,3}\.\d{1,3}(?:\.\d{1,3})?$")


def _typed_by_post(name: str, type_: str, post: Post, onto: Ontology) -> str:
    """The type of a discovered name from what the post says about it.

    The post's own source is an organisation (``Codiga`` on Codiga's blog, ``Zorbly`` on the
    ``Zorbly Tech Blog`` or at ``blog.zorbly.com``); one word that starts with a known
    company's name is that company's system (``LyftLearn``).
    """
    if (
        type_ == "TECHNOLOGY"
        and (_names_the_source(name, post) or _names_the_customer(name, post))
        and not _defined_in_post(name, post)
    ):
        # the publisher, or the customer of a vendor's case study (``Zorbly`` on
        # ``vendor.com/customers/zorbly/``); not "TigerBeetle is a financial transactions
        # database" on its own blog
        return "COMPANY"
    if type_ == "COMPANY" and " " not in name:
        for cut in range(3, len(name) - 1):
            if name[cut].isupper() and name[:cut][-1].islower():
                maker = onto.lookup(name[:cut])
                # not a generated name that is also a plain word ("Cloud" of "CloudAmp")
                if maker is not None and maker.type == "COMPANY" and not maker.ambiguous:
                    return "TECHNOLOGY"
    return type_


def _names_the_customer(name: str, post: Post) -> bool:
    """``name`` is the customer a case-study address names (:func:`customer_keys`)."""
    return squeezed(name) in customer_keys(post.url)


def _defined_in_post(name: str, post: Post) -> bool:
    """The title or summary defines ``name`` as a kind of software
    (:mod:`kgraph.extract.definitions`)."""
    return defined_in(post.title, name) or defined_in(post.summary, name)


def _title_is_feed_label(post: Post) -> bool:
    """The title is the name of the blog or newsletter the post came from, as some feeds
    and archives give it (``Zorbly Engineering`` from the ``Zorbly Engineering blog``): its
    source's name, or its first words."""
    source = post.source.split("(")[0].split()
    title = post.title.split()
    return bool(title) and [squeezed(w) for w in source[: len(title)]] == [
        squeezed(w) for w in title
    ]


def _names_the_source(name: str, post: Post) -> bool:
    """``name`` is the post's publisher (:func:`publisher_keys`)."""
    return squeezed(name) in publisher_keys(post)


def _acts_as_maker(type_: str, entry) -> bool:
    """A known product with no other maker that the sentence treats as an organisation
    (``the DeepSeek team``): the name is its own maker, a COMPANY (entity rules: a brand
    acting as the organisation)."""
    return type_ == "COMPANY" and entry.type == "TECHNOLOGY" and not entry.company


def _known(name: str, onto: Ontology):
    for form in (name, name.replace(" ", "-"), name.replace("-", " "), singular(name)):
        entry = onto.lookup(form)
        if entry is not None:
            return entry
    return None


_PRODUCT_NAMES: dict[int, dict[str, list]] = {}


def _product_named(name: str, onto: Ontology):
    """The one product called ``<Maker> <name>``: ``Workflows`` is ``Cloudflare Workflows``.

    Products are often written without their maker's name; only a unique match counts.
    """
    index = _PRODUCT_NAMES.get(id(onto))
    if index is None:
        index = {}
        for entry in onto.by_type("TECHNOLOGY"):
            maker, _, rest = entry.name.partition(" ")
            if rest and entry.company and maker == entry.company:
                index.setdefault(rest.lower(), []).append(entry)
        _PRODUCT_NAMES.clear()  # one ontology at a time; keeps the cache from growing
        _PRODUCT_NAMES[id(onto)] = index
    found = index.get(name.lower(), [])
    return found[0] if len(found) == 1 else None


def _sentence(piece: Piece, char: int, raw: str) -> str:
    doc = piece.doc
    # Binary search over token offsets (doc.text would rebuild the whole string each time).
    i = max(0, bisect_right(piece.starts, char) - 1)
    if piece.has_sents and piece.sents is not None:
        first, chars = piece.sents
        start, end = chars[bisect_right(first, i) - 1]  # the sentence token ``i`` is in
    else:
        sent = doc[i].sent if piece.has_sents else doc[:]
        start, end = sent.start_char, sent.end_char
    return raw[piece.field_start(start) : piece.field_end(end)].strip()


def _acronym_uses(post, pieces, found, onto) -> list:
    """Uses of an acronym that one field defines in the other field (``BAG`` in a title)."""
    defined = {acr: v for p in pieces for acr, v in p.doc.user_data.get(ACRONYMS, {}).items()}
    if not defined:
        return []
    taken = {(m.field, i) for m, _, _ in found for i in range(m.start, m.end)}
    extra = []
    for piece in pieces:
        text = doc_text(piece.doc)
        for acr, (type_, key) in defined.items():
            if acr in piece.doc.user_data.get(ACRONYMS, {}):
                continue  # the resolver already marked uses inside the defining doc
            for match in re.finditer(rf"\b{re.escape(acr)}s?\b", text):
                if (piece.field, piece.field_start(match.start())) in taken:
                    continue
                mention = _mention(
                    post,
                    piece,
                    match.start(),
                    match.end(),
                    type_,
                    key,
                    "rule",
                    confidence.ACRONYM_ELSEWHERE,
                    onto,
                )
                if mention is not None:
                    extra.append((mention, False, key))
    return extra


def _defined_elsewhere(pieces, found: list) -> list:
    """An acronym the model found alone in one field (``CSET`` in a title) takes the
    canonical the other field's definition gives it (``Cyber Security Evaluation Tool
    (CSET)``): one entity, named by its long form (entity rules)."""
    defined = {acr: v for p in pieces for acr, v in p.doc.user_data.get(ACRONYMS, {}).items()}
    if not defined:
        return found
    out = []
    for m, amb, key in found:
        known = defined.get(m.text) if m.method == "model" and m.canonical == m.text else None
        if known is not None and known[1] != key:
            type_, key = known
            m = replace(m, type=type_, canonical=key.split(":", 1)[1])
        out.append((m, amb, key))
    return out


def _completed_elsewhere(post: Post, found: list) -> list:
    """A discovered name cut short where the model saw less of it (``Faster`` before
    ``Payments`` in a title) that another mention writes in full (``Faster Payments``) and
    whose text goes on with the rest of that name is the full name: a span never splits a
    name (entity rules)."""
    full = {
        m.text: (m, key)
        for m, _, key in found
        if m.method == "model" and m.type != "CONCEPT" and " " in m.text
    }
    if not full:
        return found
    out = []
    for m, amb, key in found:
        if m.method == "model" and m.type != "CONCEPT":
            raw = getattr(post, m.field)
            for name, (longer, long_key) in full.items():
                rest = name[len(m.text) :]
                if (
                    len(name) > len(m.text)
                    and name.startswith(m.text + " ")
                    and raw.startswith(rest, m.end)
                    and not raw[m.end + len(rest) : m.end + len(rest) + 1].isalnum()
                    and not any(
                        o is not m
                        and o.field == m.field
                        and m.end < o.end
                        and o.start < m.end + len(rest)
                        for o, _, _ in found
                    )
                ):
                    m = replace(
                        m,
                        text=name,
                        end=m.end + len(rest),
                        type=longer.type,
                        canonical=longer.canonical,
                    )
                    key = long_key
                    break
        out.append((m, amb, key))
    return out


def _people_elsewhere(pieces, found: list) -> list:
    """A word the model found alone (``Torvalds Knows Why`` in a title) that is part of a
    person's full name in another field (``Linus Torvalds`` in the summary) is that person,
    never annotated (discovery drops such words inside one field already)."""
    alone = [m.text for m, _, _ in found if m.method == "model" and " " not in m.text]
    if not alone:
        return found
    people = {word for p in pieces for word in named_in_full(p.doc)}
    if not people.intersection(alone):
        return found
    return [f for f in found if not (f[0].method == "model" and f[0].text in people)]


# An acronym as written: capitals (two to six), maybe a plural "s" ("SLOs", "ACLs").
_ACRONYM_WORD = re.compile(r"\b([A-Z]{2,6})s?\b")


def _initials(name: str) -> str:
    """``silent data corruption`` → ``SDC``; ``zero-downtime migration`` → ``ZDM``."""
    words = name.replace("-", " ").split()
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


def _concept_acronyms(post, pieces, found, onto) -> list:
    """An acronym whose letters are the initials of a concept the post names is that
    concept (entity rules: acronym and expansion share a canonical): ``DR`` beside
    ``disaster recovery``, ``SDC`` beside ``Silent Data Corruption``. The post's own use of
    the expansion is the definition, so an unknown acronym (or one discovery took for a
    name) is not guessed from initials alone. A curated name of another type is kept."""
    concepts = {}
    for m, _, _ in found:
        if m.type == "CONCEPT":
            acr = _initials(m.text)
            if acr:
                concepts.setdefault(acr, set()).add(m.canonical)
    # Most posts have no such acronym: look in the raw fields before building any doc text.
    raw = f"{post.title or ''} {post.summary or ''}"
    if not concepts or not any(m.group(1) in concepts for m in _ACRONYM_WORD.finditer(raw)):
        return found
    by_start = {(m.field, m.start): k for k, (m, _, _) in enumerate(found)}
    out = list(found)
    dropped = set()
    taken = {(m.field, i) for m, _, _ in found for i in range(m.start, m.end)}
    for piece in pieces:
        raw = doc_text(piece.doc)
        for match in _ACRONYM_WORD.finditer(raw):
            names = concepts.get(match.group(1))
            if not names or len(names) != 1 or _name_tail(raw, match.start()):
                continue
            start = piece.field_start(match.start())
            k = by_start.get((piece.field, start))
            if k is not None:
                old = found[k][0]
                entry = onto.entries.get(old.entity_key)
                if old.type == "CONCEPT" or (entry is not None and not entry.registry):
                    continue
                dropped.add(k)
            elif (piece.field, start) in taken:
                continue
            (name,) = names
            key = "CONCEPT:" + name
            mention = _mention(
                post, piece, match.start(), match.end(), "CONCEPT", key, "rule",
                confidence.ACRONYM_ELSEWHERE, onto,
            )  # fmt: skip
            if mention is not None:
                out.append((mention, False, key))
    return [x for k, x in enumerate(out) if k not in dropped]


# The word before a capitalised word, and what came before that word.
_WORD_BEFORE = re.compile(r"(?:^|(?<=\s))(\S+) $")


def _name_tail(raw: str, start: int) -> bool:
    """Whether the capitals at ``start`` end a name begun by the capitalised word before
    them (``Pokémon GO``, ``GeForce NOW``, ``Google CRE``): a word in capitals after a name
    is that name's part, not an acronym defined by a concept's initials. The first word of a
    sentence is a name only when it is no English word (``Use GO`` is a verb and a word)."""
    before = _WORD_BEFORE.search(raw, 0, start)
    if before is None or not before.group(1)[:1].isupper():
        return False
    word = before.group(1)
    if not word.isalpha() or word.lower() in STOP_WORDS:
        return False  # "Kafka," ends a clause; "The SDC rate"
    head = raw[: before.start(1)].rstrip()
    opener = not head or head.endswith((".", "!", "?", ":", "\n"))
    return not opener or not is_english_word(word)


def _repeated(mention: Mention, post: Post) -> bool:
    """Whether a mined concept's phrase also occurs in the post's other field."""
    other = post.summary if mention.field == "title" else post.title
    words = mention.canonical.replace("-", " ").split()
    if not words or not other:
        return False
    head = re.escape(words[-1]) + r"(?:s|es)?"
    pattern = r"\b" + r"[\s-]+".join([*map(re.escape, words[:-1]), head]) + r"\b"
    return re.search(pattern, other.lower().replace("\u2019", "'")) is not None
