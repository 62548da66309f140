"""The component that turns raw ruler matches into ontology candidates.

It extends matches over possessives, keeps the longest of overlapping matches, flags
ambiguous names (``Workers``, ``Go``) for the post-level check, and learns acronyms the text
defines: ``high availability (HA)`` makes ``HA`` a mention of high availability, and
``backend aggregation (BAG)`` proposes the concept itself when the ontology lacks it.
"""

from __future__ import annotations

import re
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from kgraph.extract import confidence
from kgraph.extract.definitions import defined_as_software, listed_as_products
from kgraph.extract.discovery_words import MONTH_NAMES, ROLE_TITLES, ROLES
from kgraph.extract.generic import (
    GENERIC_HEADS,
    UMBRELLA,
    VAGUE,
    all_generic,
    field_head,
    fold,
    in_group_name,
    is_generic,
    other_sense,
    phrases,
)
from kgraph.extract.patterns import own_alias
from kgraph.extract.people import after_speaker, opens_person_name
from kgraph.extract.spans import (
    LIST_SEPARATORS,
    POSSESSIVE,
    RULER_KEY,
    Candidate,
    add_candidates,
    doc_text,
    hyphen_joins,
    is_title_case,
    listed_with,
    longest_first,
    migrated_with,
    spans_in,
    with_possessive,
)
from kgraph.extract.spans import words as doc_words
from kgraph.extract.variants import is_acronym, singular
from kgraph.model import entity_key

ACRONYMS = "kgraph_acronyms"
_STOP_EXPANSION = {"per", "the", "a", "an", "of", "for", "and"}
# Heads of an expansion that name what people are by their work ("subject matter experts
# (SMEs)", "solutions architects (SAs)"): the rules annotate no people, so such an acronym
# defines a role, not a concept.
PERSON_HEADS = ROLE_TITLES | ROLES | {"developer", "analyst", "researcher", "administrator"}


@Language.factory("kgraph_resolver", default_config={"define_acronyms": True})
def make_resolver(nlp: Language, name: str, define_acronyms: bool) -> OntologyResolver:
    return OntologyResolver(name, define_acronyms)


class OntologyResolver:
    """Ontology matches in, non-overlapping typed candidates out (``doc.spans["kgraph"]``)."""

    def __init__(self, name: str, define_acronyms: bool = True):
        self.name = name
        self.define_acronyms = define_acronyms
        self.table: dict[str, dict] = {}

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        text = doc_text(doc)
        # newsletter titles are rare: look for their words once per text, not per match
        publication = "Week" in text or "Newsletter" in text or "Digest" in text
        matches = [
            m
            for m in spans_in(doc, RULER_KEY)
            if not _unwanted(m, text, self.table.get(m.id_, {}), publication)
        ]
        concepts = {(m.start, m.end): m.id_ for m in matches if m.label_ == "CONCEPT"}
        named_spans = {(m.start, m.end) for m in matches}
        starts = {m.start for m in matches}
        # a feature noun that is one known word of its own ("DAGs") still joins the name
        # before it; a longer match starting there ("consumer group") keeps its words
        longer_starts = {m.start for m in matches if m.end - m.start > 1}
        edges = starts | {m.end - 1 for m in matches}
        sure_techs: set[int] | None = None
        local_tools: set[int] | None = None
        concept_tokens: set[int] | None = None
        for match in matches:
            entry = self.table.get(match.id_, {})
            if match.label_ == "CONCEPT" and _has_shorter_core(match, concepts, entry, self.table):
                continue
            if entry.get("registry") and entry.get("ambiguous") and opens_person_name(match):
                continue  # "Felix Baumgartner", "Max Saltonstall": a person, not Apache Felix
            if entry.get("ambiguous") and _inside_longer_name(match, edges):
                if sure_techs is None:
                    sure_techs = self._sure_technologies(matches)
                if (
                    match.label_ != "TECHNOLOGY"
                    or not listed_with(doc, match.start, match.end, sure_techs)[0]
                ):
                    continue  # not "Uses Ray + DeepSpeed", where Ray is listed with a tool
            label, key = match.label_, match.id_
            js = self._js_short_form(match)
            if js is not None:
                label, key, entry = "TECHNOLOGY", js, self.table[js]
            if label == "COMPANY" and _released(match):
                # "Tailscale v1.10", "Zorbly 2.4 is out": organisations have no releases; a
                # company's name with a release number is its product
                label, key = "TECHNOLOGY", entity_key("TECHNOLOGY", entry["name"])
            end = _with_version(match, label)
            versioned = end > match.end
            if versioned and (match.start, end) in named_spans:
                # "Llama 3" is a product of its own: its name beats "Llama" plus a version
                continue
            package = match.end
            if match.label_ == "TECHNOLOGY" and not versioned:
                end = _with_feature(doc, end, longer_starts)
                package = _package_end(doc, match.start, end)
                # the package is the tool's part, as a feature noun is: the tool's canonical
                end = max(end, package)
            end = with_possessive(doc, match.start, end)
            # A registry concept needs support however long (the loader spares field-glossary
            # terms); a curated name only when it is one word used as a plain word. A version
            # after a curated name ("Go 1.17") says it is the product.
            named = versioned and not entry.get("registry")
            ambiguous = bool(entry.get("ambiguous")) and (
                (entry.get("registry") and match.label_ == "CONCEPT")
                or (
                    match.end - match.start == 1
                    and not named
                    and not _named_in_context(match)
                    and not own_alias(match.text, entry["name"], bool(entry.get("registry")))
                )
            )
            if package > match.end:
                ambiguous = False  # a package name of its own, not the tool's plain word
            if ambiguous and match.label_ == "TECHNOLOGY" and listed_as_products(doc, match.start):
                # "tools like Playwright or tmux": a list after a plural kind of software
                # names products, so its items are no plain words (registry names too)
                ambiguous = False
            if ambiguous and match.label_ == "TECHNOLOGY" and not entry.get("registry"):
                if sure_techs is None:
                    sure_techs = self._sure_technologies(matches)
                # "npm, pip, cargo", "Ray + DeepSpeed", "from Java to Rust": beside a known
                # technology
                beside = listed_with(doc, match.start, match.end, sure_techs)[0] or (
                    migrated_with(doc, match.start, match.end, sure_techs)
                )
                ambiguous = not beside
            elif (
                ambiguous
                and match.label_ == "CONCEPT"
                and entry.get("registry")
                and match.end - match.start > 1
            ):
                # "image classification, object detection, machine translation": a term of two
                # or more words listed with concepts names one too, as a list of tools names
                # tools (one plain word, "documentation", "semantics", still needs support)
                if concept_tokens is None:
                    concept_tokens = {
                        i for m in matches if m.label_ == "CONCEPT" for i in range(m.start, m.end)
                    }
                ambiguous = not listed_with(doc, match.start, match.end, concept_tokens)[0]
            if (
                (
                    entry.get("product")
                    and (_used_as_product(match) or self._listed_with_tools(match, matches))
                )
                or (match.label_ == "COMPANY" and _described_as_system(match))
                or (match.label_ == "COMPANY" and _defined_as_software(match, text))
                or (
                    match.label_ == "COMPANY"
                    and listed_as_products(doc, match.start)
                    and not (match.end < len(doc) and doc[match.end].text in POSSESSIVE)
                )
                or (match.label_ == "COMPANY" and _named_as_alternative(match))
                or (
                    match.label_ == "COMPANY"
                    and not _cloud_name(match.id_)
                    and _beside_move_word(match)
                    and _moved_or_compared(
                        match,
                        local_tools := (
                            self._local_tools(matches) if local_tools is None else local_tools
                        ),
                        entry,
                    )
                )
                or (
                    match.label_ == "COMPANY"
                    and _with_product_part(match)
                    and not _at_organisation(matches, match.id_)
                )
            ):
                label, key = "TECHNOLOGY", entity_key("TECHNOLOGY", entry["name"])
            spans.append(
                Candidate(
                    match.start,
                    end,
                    label,
                    key,
                    "ontology",
                    confidence.ONTOLOGY_AMBIGUOUS if ambiguous else confidence.ONTOLOGY,
                    ambiguous,
                )
            )
        spans += self._glued_versions(doc, text, spans)
        if SIGNAL_PLURAL.search(text) is not None:
            spans += self._telemetry_signals(doc, spans)
        spans = longest_first(_name_before_term(_sure_term_inside(spans, self.table)))
        doc.user_data[ACRONYMS] = {}
        if self.define_acronyms:
            found = self._acronyms(doc, spans, text)
            defined = doc.user_data[ACRONYMS]
            # The text's own definition beats the ontology: in "shingled magnetic recording
            # (SMR)", SMR is not state machine replication.
            if defined:
                spans = [s for s in spans if not _redefined(doc, s, defined)]
            spans += found
        add_candidates(doc, spans)
        return doc

    def _glued_versions(self, doc: Doc, text: str, spans: list[Candidate]) -> list[Candidate]:
        """``Netty4``, ``python3``, ``Java8``: a known technology's one-word name with its
        major version written on (the entity rules drop versions from the canonical)."""
        found = []
        taken: set[int] | None = None
        # one regular-expression pass over the text, not a Token per word (hot path)
        for m in GLUED_VERSION.finditer(text):
            # "Llama2" is "Llama 2" where that release has its own entry
            major = m[2].lstrip("-").split(".")[0]
            key = next(
                (
                    k
                    for name in (
                        f"{m[1]} {major}",
                        m[1],
                        m[1].capitalize(),
                        m[1] + ".js",
                        m[1].capitalize() + ".js",
                    )
                    if (k := entity_key("TECHNOLOGY", name)) in self.table
                    # a version written on says it is the product: "Llama2", "Claude3" name
                    # the curated model, whatever the plain word "llama" means
                    and (not self.table[k].get("ambiguous") or not self.table[k].get("registry"))
                ),
                None,
            )
            if key is None:
                continue
            # "Llama2 13B", "Llama-2-70B", "Llama3.1-8B": the model's size is its edition
            span = doc.char_span(m.start(), m.end(0)) or doc.char_span(m.start(), m.end(2))
            if span is None or (len(span) != 1 and not m[3]):
                continue
            if taken is None:
                taken = {i for s in spans for i in range(s.start, s.end)}
            if span.start not in taken:
                found.append(
                    Candidate(
                        span.start, span.end, "TECHNOLOGY", key, "ontology", confidence.ONTOLOGY
                    )
                )
        return found

    def _telemetry_signals(self, doc: Doc, spans: list[Candidate]) -> list[Candidate]:
        """``logs, metrics, and traces``: the plural signals of a list of observability's
        signals name the practices that produce them, logging and tracing (entity rules:
        inflectional variants merge, and ``tracing`` is a concept). Alone, ``logs`` and
        ``traces`` are records (``audit logs``, ``~330M traces per day``); ``metrics`` stays a
        metric word either way."""
        signals = {i for i, low in enumerate(doc_words(doc).lower) if low in SIGNAL_WORDS}
        taken = {i for s in spans for i in range(s.start, s.end)}
        found = []
        for i in sorted(signals - taken):
            key = entity_key("CONCEPT", SIGNAL_PRACTICES.get(doc[i].lower_, ""))
            if key in self.table and listed_with(doc, i, i + 1, signals - {i})[0]:
                found.append(Candidate(i, i + 1, "CONCEPT", key, "rule", confidence.LISTED_SIGNAL))
        return found

    def _js_short_form(self, match) -> str | None:
        """``Node v15``, ``Node 20``: a JavaScript runtime or framework written without its
        ``.js`` and followed by a version is that product (``Node.js``), not the plain word
        another entry makes of it (the concept ``node``)."""
        doc = match.doc
        if (
            match.label_ != "CONCEPT"
            or match.end - match.start != 1
            or match.end >= len(doc)
            or not VERSION.match(doc[match.end].text)
        ):
            return None
        word = doc[match.start].text
        if not word[:1].isupper():
            return None
        key = entity_key("TECHNOLOGY", word + ".js")
        return key if key in self.table else None

    def _listed_with_tools(self, match, matches) -> bool:
        """A vendor named for its product in a list of two or more known technologies and
        fewer organisations: ``(PagerDuty + Slack + Jira + Google Docs)``. A list is of one
        kind of thing (``adopters include ..., Monzo, PagerDuty, Splunk, Siemens`` stays a
        list of organisations)."""
        doc = match.doc
        before = match.start > 0 and doc[match.start - 1].lower_ in LIST_SEPARATORS
        after = match.end < len(doc) and doc[match.end].lower_ in LIST_SEPARATORS
        if not (before or after):
            return False  # no separator beside it: no list (most names, and cheap to tell)
        tools, organisations = set(), set()
        for m in matches:
            if m.label_ == "TECHNOLOGY":
                tools.update(range(m.start, m.end))
            elif m.label_ == "COMPANY" and m is not match:
                organisations.update(range(m.start, m.end))
        organisations -= tools  # "Google" inside "Google Docs" is the product's name
        named = listed_with(doc, match.start, match.end, tools)[0]
        # Two tools at least: one tool beside a vendor is as often a clause's end ("gRPC
        # microservices in Kotlin, DoorDash Engineering had") or a pair of rivals as a list.
        return named >= 2 and named > listed_with(doc, match.start, match.end, organisations)[0]

    def _local_tools(self, matches) -> set[int]:
        """Token indices of the sure technologies no cloud provider makes: a move between a
        vendor and a cloud's service (``from Heroku to AWS ECS``) is a move of providers."""
        # a cloud's name opening the service's name ("AWS ECS") or just before it
        clouds = {
            i
            for m in matches
            if m.label_ == "COMPANY" and _cloud_name(m.id_)
            for i in (m.start, m.end)
        }
        return {
            i
            for m in matches
            if m.label_ == "TECHNOLOGY"
            and m.start not in clouds
            and not self.table.get(m.id_, {}).get("ambiguous")
            and not _cloud_name(self.table.get(m.id_, {}).get("company", ""))
            for i in range(m.start, m.end)
        }

    def _sure_technologies(self, matches) -> set[int]:
        """Token indices of the technologies matched that need no support."""
        return {
            i
            for m in matches
            if m.label_ == "TECHNOLOGY" and not self.table.get(m.id_, {}).get("ambiguous")
            for i in range(m.start, m.end)
        }

    def _acronyms(self, doc: Doc, spans: list, text: str) -> list:
        """Spans for ``expansion (ACR)`` definitions and for later uses of ``ACR`` (``text``
        is ``doc.text``)."""
        found, defined = [], doc.user_data[ACRONYMS]
        ends = {s.end: s for s in spans}
        starts = {s.start: s for s in spans}
        # Only tokens right after "(" can be defined acronyms: look there, not at every token.
        opens = (
            [t.i + 1 for t in doc if t.text == "(" and 2 <= t.i + 1 < len(doc) - 1]
            if "(" in text
            else []
        )
        for tok in (doc[i] for i in opens):
            acr = tok.text[:-1] if tok.text.endswith("s") and len(tok) > 2 else tok.text
            if doc[tok.i + 1].text != ")" or not is_acronym(acr):
                continue
            target = ends.get(tok.i - 1)
            inner = starts.get(tok.i)
            if (
                target is not None
                and inner is not None
                and inner.end == tok.i + 1
                and inner.key != target.key
                and not _spells_tail(acr, doc[target.start : target.end])
            ):
                # "GCP (TPUs)", "AWS (Trainium)": a known name of its own in brackets after
                # another, whose words it does not spell, says what is used there; it does
                # not define an acronym of that name.
                continue
            if target is not None and _spells_more(doc, target.start, target.end, acr):
                # "Expert Parallelism Load Balancer (EPLB)", "Multi-Instance GPU (MIG)": the
                # known name is only the tail of the capitalised name the acronym spells;
                # that longer name is defined, not the known one
                continue
            expansion = self._expansion(doc, tok.i - 1, acr)
            if target is not None and (
                # "per-connection consistency (PCC)": the known concept is only the head of
                # the longer term the acronym spells, which is the term defined
                target.type != "CONCEPT" or expansion is None or expansion[0] >= target.start
            ):
                defined[acr] = (target.type, target.key)
            elif (
                expansion is not None
                and not self._longer_known(spans, tok.i, expansion[1])
                and expansion[1].rpartition(" ")[2] not in PERSON_HEADS
            ):
                start, canonical = expansion
                key = entity_key("CONCEPT", canonical)
                defined[acr] = ("CONCEPT", key)
                found.append(
                    Candidate(
                        start, tok.i - 1, "CONCEPT", key, "rule", confidence.ACRONYM_EXPANSION
                    )
                )
        for tok in doc if defined else ():
            acr = tok.text[:-1] if tok.text.endswith("s") and tok.text[:-1] in defined else tok.text
            if acr in defined:
                type_, key = defined[acr]
                found.append(
                    Candidate(tok.i, tok.i + 1, type_, key, "rule", confidence.ACRONYM_USE)
                )
        return found

    def _longer_known(self, spans: list, i: int, expansion: str) -> bool:
        """``just-in-time (JIT) compiler``: the acronym at ``i`` is the ontology's name of a
        longer term that starts with the expansion (``just-in-time compilation``), so the
        ontology's entry stands."""
        for s in spans:
            if s.start == i and s.end == i + 1:
                name = self.table.get(s.key, {}).get("name", "").lower().replace("-", " ")
                return name.startswith(expansion.replace("-", " "))
        return False

    @staticmethod
    def _expansion(doc: Doc, end: int, acr: str) -> tuple[int, str] | None:
        """(start, canonical) of the lower-case words before ``end`` that spell ``acr``.

        A hyphenated word is one word of the expansion (``per-connection consistency``,
        ``time-to-live``)."""
        words: list[tuple[int, str]] = []  # (start token, word), nearest first
        i = end - 1
        while i >= 0 and len(words) < len(acr):
            tok = doc[i]
            if not tok.is_alpha or not tok.is_lower or tok.lower_ in _STOP_EXPANSION:
                break
            start, text = i, tok.lower_
            while (
                start >= 2
                and hyphen_joins(doc, start - 1)
                and doc[start - 2].is_alpha
                and doc[start - 2].is_lower
            ):
                start -= 2
                text = f"{doc[start].lower_}-{text}"
            words.append((start, text))
            i = start - 1
        for size in range(len(words), 0, -1):
            chosen = [w for _, w in reversed(words[:size])]
            if size == 1 and "-" not in chosen[0]:
                break
            if _spells(acr.lower(), chosen):
                return words[size - 1][0], " ".join([*chosen[:-1], singular(chosen[-1])])
        return None

    def to_disk(self, path, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "entities.json", self.table)

    def from_disk(self, path, exclude=()) -> OntologyResolver:
        self.table = srsly.read_json(Path(path) / "entities.json")
        return self


def _spells_more(doc: Doc, start: int, end: int, acr: str) -> bool:
    """Whether ``acr`` does not spell the words of ``doc[start:end]`` but does spell them
    with the capitalised words right before (hyphened parts as words)."""
    if not acr.isalpha() or start == 0:
        return False
    own = [t.lower_ for t in doc[start:end] if t.is_alpha]
    if _spells(acr.lower(), own):
        return False
    before: list[str] = []
    i = start - 1
    while i >= 0 and len(before) < len(acr):
        tok = doc[i]
        if tok.text == "-" and not tok.whitespace_ and i > 0 and not doc[i - 1].whitespace_:
            i -= 1
            continue
        if not (tok.is_alpha and tok.text[:1].isupper()):
            break
        before.insert(0, tok.lower_)
        if _spells(acr.lower(), before + own):
            return True
        i -= 1
    return False


def _spells_tail(acr: str, name) -> bool:
    """Whether ``acr`` spells the words of ``name`` or of a tail of it (``IAM`` of ``AWS
    Identity and Access Management``: the maker's name in front is not spelled)."""
    words = [t.lower_ for t in name if t.is_alpha and t.lower_ not in _STOP_EXPANSION]
    return any(_spells(acr.lower(), words[i:]) for i in range(len(words) - 1))


def _spells(acr: str, words: list[str]) -> bool:
    """Whether ``acr`` takes each word's first letter, plus maybe later letters of it, in order.

    ``bag`` spells ``backend aggregation``; ``ha`` spells ``high availability``.
    """
    if not words:
        return not acr
    if not acr or acr[0] != words[0][0]:
        return False
    rest, tail = acr[1:], words[0][1:]
    for take in range(len(rest) + 1):
        if _subsequence(rest[:take], tail) and _spells(rest[take:], words[1:]):
            return True
    return False


def _subsequence(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(c in it for c in needle)


def _named_in_context(span) -> bool:
    """A capitalised word mid-sentence, in a sentence that is not a headline: used as a name.

    In a headline every word is capitalised, but its small words are not: a capitalised word
    right after a lower-case ``at``, ``by``, ``with``, ``using`` or ``in`` is a name there too
    ("Stream Pipelines at Grab", "Scaling Queues with Go").
    """
    sent = span.sent
    if not span.text[:1].isupper():
        return False
    if span.label_ == "COMPANY" and after_speaker(span.doc, span.start, span.end):
        return True  # "Cilium Service Mesh - Thomas Graf, Isovalent": the speaker's company
    if span.start == sent.start:
        return span.label_ == "COMPANY" and _acts_first(span)
    if not is_title_case(sent):
        return True
    before = span.doc[span.start - 1]
    return before.is_lower and before.text in HEADLINE_CUES


HEADLINE_CUES = frozenset(["at", "by", "with", "using", "in"])

# What an organisation opening a sentence does next ("Grab has seen", "Box shares how"): a
# plain word opening a sentence is rarely followed by these.
ACTS_FIRST = (
    "has",
    "have",
    "had",
    "shares",
    "shared",
    "built",
    "rebuil",
    "migrat",
    "moved",
    "adopt",
    "launch",
    "announc",
    "releas",
    "open-sourc",
    "describes",
    "explains",
    "writes",
    "wrote",
)


def _acts_first(span) -> bool:
    """A one-word company name opening a sentence and acting: ``Grab has seen``,
    ``Grab's engineers``; not in a headline, where every word is capitalised."""
    doc, end = span.doc, span.end
    if end >= len(doc):
        return False
    after = doc[end]
    if after.text in POSSESSIVE and after.text.endswith("s"):
        return True
    return after.is_lower and after.lower_.startswith(ACTS_FIRST) and not is_title_case(span.sent)


def _inside_longer_name(span, matched: set[int]) -> bool:
    """An ambiguous one-word name that is only part of a longer, unknown name: glued to a
    capitalised word by a hyphen (``Kafka Self-Serve``, ``Edge-Side-Includes``) or after a
    capitalised word outside a headline (``The Last Pickle``, ``Iron Vector``). A maker's
    name before it is matched on its own (``Datadog Vector``) and does not count."""
    doc, start, end = span.doc, span.start, span.end
    if end - start != 1:
        return False
    if hyphen_joins(doc, end) and doc[end + 1].text[:1].isupper():
        return True
    if start == 0 or not span.text[:1].isupper():
        return False
    before = doc[start - 1]
    return (
        before.text[:1].isupper()
        and before.is_alpha
        and (not before.is_stop or (before.i != span.sent.start and before.text != "I"))
        and before.i not in matched
        and not before.lower_.endswith(("ing", "ed", "ly"))
        and not is_title_case(span.sent)
    )


# Words before a name that make it the system being used ("SSO with Okta", "alerts in
# PagerDuty"); "at Okta", "Okta's" and "Okta built" keep the organisation.
USE_CUES = frozenset(["with", "using", "via", "into", "through", "in", "on", "to", "like"])


def _used_as_product(span) -> bool:
    """A vendor named as the tool being used rather than as the organisation acting."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text in ("'s", "'", "\u2019s", "\u2019"):
        return False
    if span.end < len(doc) and doc[span.end].lower_ in PEOPLE_AFTER:
        return False  # "a talk with Pinterest engineers": the organisation's people
    if span.end < len(doc) and doc[span.end].lower_ in PRODUCT_PARTS | DEPLOYED_AS:
        # "Fly.io's Twitter account", "a Slack channel": a part of the service
        return not _cloud_account(span)
    i = span.start - 1
    # "into Slack and PagerDuty": a list of names shares the cue before its first name.
    while i > 1 and doc[i].lower_ in ("and", "or", ",") and doc[i - 1].text[:1].isupper():
        i -= 2
        while i > 0 and doc[i].text[:1].isupper() and doc[i - 1].text[:1].isupper():
            i -= 1
    if i > 0 and doc[i].lower_ == "like" and doc[i - 1].lower_ in ORG_KINDS:
        return False  # "companies like Okta": organisations, not tools
    if i > 1 and doc[i].lower_ == "as" and doc[i - 1].lower_ == "such":
        # "services (such as Twilio)": the tools named; "companies such as Okta": not
        return (
            doc[i - 2].lower_ not in ORG_KINDS and doc[i - 3 : i - 2].text.lower() not in ORG_KINDS
        )
    return i >= 0 and doc[i].lower_ in USE_CUES


# What a vendor's own product is deployed or run as: "a locally hosted GitLab instance". Only
# for a vendor named for its product (a cloud provider's "AWS instances" stay the company).
DEPLOYED_AS = phrases("instance instances")
PEOPLE_AFTER = phrases("engineers engineering team teams employees staff researchers")
# What a service's users have in it: "Twitter account", "Slack channel", "Dropbox folder",
# "a GitHub issue", "the GitHub repository", "a GitHub org", "Github pull requests", "a
# Slack message", "a Facebook page".
PRODUCT_PARTS = phrases(
    """
    account accounts channel channels workspace workspaces folder folders issue issues
    repository repositories repo repos org orgs pull pr prs message messages page pages
    thread threads session sessions
    """
)
# A cloud provider's name, by the words such names are made of ("Amazon Web Services",
# "Google Cloud", "Microsoft Azure").
CLOUD_NAME_WORDS = ("Web Services", "Cloud", "Azure")


def _cloud_name(name: str) -> bool:
    return any(word in name for word in CLOUD_NAME_WORDS)


# Words that set two products side by side: "Okta vs Keycloak".
VERSUS = phrases("vs vs. versus")
# Verbs of leaving a system: "Migrating from Algolia", "we moved away from X".
LEAVING = ("migrat", "mov", "switch", "transition")


def _beside_move_word(span) -> bool:
    """A word of a move or comparison beside the name: a cheap test before the full one."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    return before == "from" or before in VERSUS or after == "to" or after in VERSUS


def _moved_or_compared(span, tools: set[int], entry: dict) -> bool:
    """A vendor's name weighed against a known technology or named as the system a move
    leaves names its product (entity rules: a product used as a product): ``Okta vs
    Keycloak``, ``Oracle to PostgreSQL Migration``, ``Migrating from Algolia``. A move in a
    sentence between two providers (``from Heroku to Render``, ``from Datadog to Grafana``)
    keeps the organisation: the business is what a team leaves there."""
    doc, start, end = span.doc, span.start, span.end
    if end < len(doc) and doc[end].text in POSSESSIVE:
        return False
    if end + 1 < len(doc) and doc[end].lower_ in VERSUS and end + 1 in tools:
        return True
    if start > 1 and doc[start - 1].lower_ in VERSUS and start - 2 in tools:
        return True
    if end + 1 < len(doc) and doc[end].lower_ == "to" and end + 1 in tools:
        k = end + 1
        while k in tools:
            k += 1
        # "Oracle to PostgreSQL Migration": the pair names the systems of a migration
        return k < len(doc) and doc[k].lower_.startswith("migrat")
    # "Migrating from Algolia", a vendor named for its product and no new provider named
    return bool(
        entry.get("product")
        and start > 1
        and doc[start - 1].lower_ == "from"
        and doc[start - 2].lower_.startswith(LEAVING)
        and not (end < len(doc) and doc[end].lower_ == "to")
    )


def _cloud_account(span) -> bool:
    """``thousands of AWS accounts``: an account with a cloud provider is held with the
    provider, which stays the organisation (entity rules: a cloud provider named on its own
    is a COMPANY); a service's accounts (``a Twitter account``) are the service's."""
    doc = span.doc
    return (
        span.end < len(doc)
        and doc[span.end].lower_ in ("account", "accounts")
        and _cloud_name(span.id_)
    )


def _at_organisation(matches, key: str) -> bool:
    """The text also names the company as a workplace (``code at Dropbox``): then ``the
    Dropbox folder`` is its own product, mentioned by the organisation writing."""
    return any(m.id_ == key and m.start > 0 and m.doc[m.start - 1].lower_ == "at" for m in matches)


def _with_product_part(span) -> bool:
    """``Fly.io's Twitter account``, ``this GitHub issue``: any company's name before what
    its users have in the service names the service (a product used as a product)."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in PRODUCT_PARTS:
        return False
    if _cloud_account(span):
        return False
    # "FBI, NSA & NCSC Issue Joint Advisory": in a headline the capitalised word is a verb
    return doc[span.end].is_lower or not is_title_case(span.sent)


# Nouns for organisations before a list of their names: "browser vendors Chrome, Firefox",
# "companies like Cursor, Notion, and Linear", "clients including Joinable".
ORG_NOUNS = phrases(
    """
    vendors companies organizations organisations firms startups enterprises businesses
    customers clients employers brands partners retailers banks manufacturers
    automakers carmakers
    """
)
# Nouns that make "<noun> like X" a list of organisations ("places like Zorbly", "industry
# leaders like X"): the list nouns, and words that name organisations only before "like".
ORG_KINDS = ORG_NOUNS | phrases("leaders places giants")
# What a product is offered as against another's: "an open-source Slack/Discord alternative".
ALTERNATIVE_WORDS = phrases("alternative alternatives clone clones")


def _named_as_alternative(span) -> bool:
    """A company's name before ``alternative`` or ``clone`` names its product, the thing
    replaced (``a Slack alternative``, ``Slack/Discord alternative``, ``a Firebase clone``);
    not ``X's alternative``."""
    doc, i = span.doc, span.end
    while i + 1 < len(doc) and doc[i].text == "/" and doc[i + 1].text[:1].isupper():
        i += 2  # "Slack/Discord alternative": the names share the noun after the last
    return i < len(doc) and doc[i].lower_ in ALTERNATIVE_WORDS


def _defined_as_software(span, text: str) -> bool:
    """A company's name the sentence defines as a kind of software: ``PlanetDB is a
    distributed SQL database`` (:mod:`kgraph.extract.definitions`): its product."""
    return defined_as_software(text[span.end_char : span.end_char + 200])


# Nouns that say what kind of system a name is: "Robinhood, our in-house load balancing
# service", "Atlas is the internal platform".
SYSTEM_KINDS = phrases("""
    service tool system platform library framework database engine proxy balancer
    scheduler pipeline queue cache store app application component api sdk cli
""")


def _described_as_system(span) -> bool:
    """A company's name that the sentence says is a system: ``X, our in-house <kind>``,
    ``X is the internal <kind>`` (a product or internal system sharing the name)."""
    doc, i = span.doc, span.end
    if i >= len(doc) or doc[i].lower_ not in (",", "is"):
        return False
    if (
        span.start > 1
        and doc[span.start - 1].lower_ == "of"
        and doc[span.start - 2].lower_ in LEADS
    ):
        return False  # "the CEO of Vercel, a platform for ...": the organisation he leads
    if span.start > 0 and doc[span.start - 1].lower_ == "by" and doc[i].text == ",":
        return False  # "Developed by X, the tool codifies": the phrase's agent, the maker
    i += 1
    if i >= len(doc) or doc[i].lower_ not in ("a", "an", "our", "the", "their", "its"):
        return False
    # "Twitter is a global communications platform": a business describing what it runs;
    # "a" or "an" names a system only with an in-house word ("an internal tool").
    owned = doc[i].lower_ not in ("a", "an")
    for tok in doc[i + 1 : i + 7]:
        if tok.is_punct and tok.text != "-":
            return False
        owned = owned or tok.lower_ in IN_HOUSE
        if tok.lower_ in SYSTEM_KINDS:
            return owned
    return False


# The people who lead an organisation, before "of" and its name.
LEADS = phrases("ceo cto cio coo cfo founder co-founder cofounder president")
IN_HOUSE = phrases("internal in-house homegrown home-grown proprietary bespoke custom")


# Observability's signals as a list names them ("logs, metrics, and traces"), and the
# practice each plural record stands for there.
SIGNAL_PRACTICES = {"logs": "logging", "traces": "tracing"}
SIGNAL_WORDS = frozenset([*SIGNAL_PRACTICES, "metrics", "logging", "tracing"])
SIGNAL_PLURAL = re.compile(r"\b(?:[Ll]ogs|LOGS|[Tt]races|TRACES)\b")

# A one-word name with a major version glued on: "Netty4", "python3", "Java8", "Llama-2",
# "Llama3.1"; a model's size may follow ("Llama2 13B", "Llama-2-70B").
GLUED_VERSION = re.compile(
    r"\b([A-Za-z][a-z]{2,})(-?\d{1,2}(?:\.\d{1,2})?)((?:[- ]\d{1,3}(?:\.\d)?[bB])?)\b"
)
# A release number ("2.7", "v4", "V2"), a release series ("2.x", "v1.x") or a model's
# parameter count ("70B", "8x7B", "1.5B"): each names an edition of the product, dropped from
# the canonical.
VERSION = re.compile(
    r"^(?:[vV]?\d{1,3}(?:\.\d{1,3}){0,2}(?:\.x)?|(?:\d{1,2}x)?\d{1,4}(?:\.\d)?[bB])$"
)


# What makes the number after a name no release: a share ("5%"), a factor ("5x"), a span
# of time ("bought Linode 2 years ago") or, glued on, a range ("5-10x cheaper"; "v1.20 -
# coming in July" is a release).
NOT_RELEASES = frozenset(
    {"%", "x", "times", "year", "years", "month", "months", "week", "weeks", "day", "days"}
    | {"hours", "minutes"}
)
RANGES = frozenset(["-", "\u2013"])
# A release number proper: "v0.100", "1.10", "V2" (not "2", which counts or ranks things).
RELEASE = re.compile(r"^(?:[vV]\d{1,3}(?:\.\d{1,3}){0,2}|\d{1,3}(?:\.\d{1,3}){1,2})$")


def _counts_after(doc: Doc, i: int) -> bool:
    """The number at ``i`` is a share, a factor or a range's start, no release."""
    if i + 1 >= len(doc):
        return False
    after = doc[i + 1].lower_
    return after in NOT_RELEASES or (after in RANGES and doc[i].whitespace_ == "")


def _released(span) -> bool:
    """A name written with a release number after it: ``Tailscale v0.100``."""
    doc, end = span.doc, span.end
    return (
        end < len(doc)
        and doc[end - 1].whitespace_ != ""
        and RELEASE.match(doc[end].text) is not None
        and not _counts_after(doc, end)
    )


def _with_version(span, label: str | None = None) -> int:
    """The end of a technology's name with a version after it (``Python 2.7``, ``Mussel V2``):
    the surface includes the version, the canonical does not."""
    doc, end = span.doc, span.end
    if (
        (label or span.label_) == "TECHNOLOGY"
        and end < len(doc)
        and doc[end - 1].whitespace_
        and VERSION.match(doc[end].text)
        and not _counts_after(doc, end)
    ):
        return end + 1
    return end


# A product's parts and interfaces, named after it: "Airflow DAGs", "the Kafka broker",
# "the Kubernetes Gateway API" are the product (entity rules: a product's API or feature ->
# the product). A closed list: words that name another product ("Kafka Streams") are not in
# it, nor are "API", "SDK" and "client" alone, which as often name code built with a
# language or framework ("their Ruby on Rails API", "gRPC clients"). Plurals count
# instances, as "Kafka clusters" does ("160 brokers", "standard Kafka consumers"): only the
# singular names the component, except for the rulebook's own "Airflow DAGs".
FEATURE_NOUNS = phrases("""
    broker consumer producer protocol operator controller connector plugin plug-in dag dags
""")
_APIS = frozenset(["API", "APIs"])


def _with_feature(doc: Doc, end: int, starts: set[int]) -> int:
    """The end of a technology's name with a feature noun after it (``Kafka consumer``,
    ``Airflow DAGs``, ``Kubernetes Gateway API``); ``end`` when none follows. A word that
    starts a longer ontology match (``consumer group``) is left to that match; a one-word
    match of the feature noun itself (``DAGs``) gives way to the name it belongs to."""
    if end >= len(doc) or not doc[end - 1].whitespace_ or end in starts:
        return end
    word = doc[end]
    cased = word.is_lower or word.is_upper or word.is_title or word.text[:-1].isupper()
    if word.lower_ in FEATURE_NOUNS and cased:  # "DAGs": an acronym's plural
        return end + 1
    # "Gateway API": one capitalised word naming the API, then "API".
    if (
        end + 1 < len(doc)
        and word.is_title
        and word.is_alpha
        and word.whitespace_
        and doc[end + 1].text in _APIS
        and end + 1 not in starts
    ):
        return end + 2
    return end


def _package_end(doc: Doc, start: int, end: int) -> int:
    """The end of a package or tool name written in lower case with a known tool's name
    before its hyphens (``logstash-gelf``, ``systemd-sysv-generator``, ``kafka-python``): one
    span, not the tool plus a word (spans never split a name), with the tool's canonical. A modifier tail or a participle after the hyphen
    (``redis-backed``, ``kafka-compatible``) keeps the tool alone."""
    from kgraph.extract.discovery_spans import MODIFIER_TAILS  # imports this module

    if end - start != 1 or not doc[start].is_lower:
        return end
    stop = end
    while (
        hyphen_joins(doc, stop)
        and doc[stop + 1].is_lower
        and doc[stop + 1].text.isalnum()
        and not doc[stop + 1].is_stop
        and doc[stop + 1].lower_ not in MODIFIER_TAILS
        and not doc[stop + 1].lower_.endswith(("ed", "ing", "able", "ible"))
    ):
        stop += 2
    return stop


def _glued_left(span) -> bool:
    """``Gigawatt-Scale AI`` is not ``Scale AI``: the match starts inside a hyphenated word;
    ``Java-to-Kotlin`` is a move between two names, each a name of its own."""
    doc = span.doc
    return (
        span.start >= 2
        and hyphen_joins(doc, span.start - 1)
        and not (_move_between(doc, span.start - 2) and span.text[:1].isupper())
    )


def _move_between(doc, i: int) -> bool:
    """``doc[i]`` is the ``to`` of ``X-to-Y`` between two capitalised names (``Java-to-Kotlin``,
    ``Scala-to-Java``); ``end-to-end`` and ``peer-to-peer`` are words."""
    return (
        i >= 2
        and doc[i].text == "to"
        and hyphen_joins(doc, i - 1)
        and doc[i - 2].text[:1].isupper()
    )


def _glued_right(span) -> bool:
    """``ML-KEM`` is not ``ML``: the match is the first half of a name joined to an acronym
    by a hyphen (``Kafka-based`` keeps Kafka: a lower-case word after the hyphen is a
    modifier, not part of a name)."""
    doc, end = span.doc, span.end
    return (
        hyphen_joins(doc, end)
        and doc[end + 1].is_upper
        and doc[end + 1].is_alpha
        and len(doc[end + 1]) > 1
    )


def _in_team_name(span) -> bool:
    """``the Jira Migrations team``: a product inside a team's name is not a mention of it.

    A concept right before the word names the team's discipline, which is still the idea
    (``the SRE team``, ``GitHub's platform engineering team``, ``MLOps teams``); only a
    concept inside a longer team name (``the Search Quality Platform team``) is dropped."""
    doc, end = span.doc, span.end
    while end < len(doc) and end - span.end < 3 and doc[end].is_title:
        end += 1
    if span.label_ == "CONCEPT" and end == span.end:
        return _capitalised_team(span)
    return end < len(doc) and doc[end].lower_ in ("team", "teams") and span.label_ != "COMPANY"


def _capitalised_team(span) -> bool:
    """``Glovo's Routing team``, ``Netflix's Big Data Platform team``: a concept written
    capitalised between its company's possessive and a lower-case ``team`` is the team's own
    name, an organisation inside a company, which the rules never annotate. An acronym
    (``Glovo's SRE team``), a lower-case discipline (``GitHub's platform engineering team``)
    or a team named without its owner in front (``the Data Platform team at Zorbly``, whose
    words the annotated posts keep as the idea) still names the idea."""
    doc, start, end = span.doc, span.start, span.end
    if not (end < len(doc) and doc[end].text in ("team", "teams") and span[0].is_title):
        return False
    return start > 0 and doc[start - 1].text in POSSESSIVE and not is_title_case(span.sent)


# What follows a name in an event's name: "AWS re:Invent", "Google I/O", "Snowflake Summit".
# An event's name after its host: "AWS re:Invent", "Google I/O", and a host's yearly
# edition ("Microsoft Build 2022", "Microsoft Ignite 2023", "Google Cloud Next 2024").
EVENT_AFTER = re.compile(
    r"\s*(?:re[:-][Ii]nvent|I/O|Summit|Conference|Dev Days|DevDays"
    r"|(?:Build|Ignite|Next|Connect|World|Live)\s+(?:19|20)\d\d)\b"
)


# An event's name after a capitalised concept ("Workload Identity Day", "Data & AI 2024
# Summit", "CloudNative/OpenStack Days"): up to three name words or a year, then the event word.
CONCEPT_EVENT_AFTER = re.compile(
    r"(?:[ \t]*(?:[&/+][ \t]*)?(?:[A-Z][\w.+-]*|(?:19|20)\d\d)){0,3}[ \t]+"
    r"(?:Summit|Conference|Conf|CONF|Days?|Fest|Forum|Expo|Symposium|Meetup)\b"
)


def _in_concept_event(span, text: str) -> bool:
    """``Workload Identity Day``, ``Data & AI 2024 Summit``: a capitalised concept that starts
    an event's name is no mention (the rules never annotate events); the idea written in the
    post's own words elsewhere still is."""
    return span.text[:1].isupper() and CONCEPT_EVENT_AFTER.match(text, span.end_char) is not None


def _in_event_name(span, text: str) -> bool:
    """``AWS re:Invent``: a name inside an event's name is not a mention (events are never
    annotated). ``text`` is the span's ``doc.text``."""
    if span.label_ == "CONCEPT":
        return False
    if EVENT_AFTER.match(text, span.end_char) is not None:
        return True
    # "Databricks Data & AI 2024 Summit": the host's name opens an event named by its words
    return span.label_ == "COMPANY" and CONCEPT_EVENT_AFTER.match(text, span.end_char) is not None


def event_follows(doc, end: int) -> bool:
    """Whether an event word follows token ``end`` (only the next few tokens are joined:
    ``doc.text`` rebuilds the whole text on every call)."""
    if end >= len(doc):
        return False
    return EVENT_AFTER.match(doc[end : end + 4].text) is not None


# A newsletter named after its subject ("This Week in Rust 419", "Last Week in AWS"): a
# publication, never annotated; its issue number is no version.
WEEK_IN = re.compile(r"\b(?:This|Last|Next) Week in\s*$")
NEWSLETTER_AFTER = re.compile(r"\s+(?:Weekly|Newsletter|Digest)\b")


def _in_publication_title(span, text: str) -> bool:
    """``This Week in Rust``, ``Golang Weekly``: the subject of a newsletter's title is not a
    mention (a company before a blog's name still is: ``the Netflix Tech Blog``)."""
    if span.label_ == "CONCEPT":
        return False
    if WEEK_IN.search(text, max(0, span.start_char - 20), span.start_char) is not None:
        return True
    return span.label_ == "TECHNOLOGY" and NEWSLETTER_AFTER.match(text, span.end_char) is not None


# A dated issue's title ("Checkpoint Chronicle - June 2024"): two or three capitalised words
# before a dash and a month with its year name a newsletter or digest, not the issue's
# subject (a longer headline with a date, "How We Scaled Caching - June 2024", is a post's).
DATED_ISSUE = re.compile(
    r"((?:[A-Z][\w&'.]*[ \t]+){2,3})[-\u2013\u2014][ \t]+"
    rf"(?:{'|'.join(sorted(m.capitalize() for m in MONTH_NAMES))})[ \t]+(?:19|20)\d\d\s*$"
)


def _in_dated_issue_name(span, text: str) -> bool:
    """``Checkpoint Chronicle - June 2024``: a concept word inside the name of a dated issue is
    the publication's name, never annotated (as ``This Week in Rust`` is not)."""
    found = DATED_ISSUE.match(text)
    return found is not None and span.end_char <= found.end(1)


def _unwanted(match, text: str, entry: dict | None = None, publication: bool = True) -> bool:
    """Generic words, glued halves of hyphenated words, products inside team, event or
    newsletter names."""
    concept = match.label_ == "CONCEPT"
    surface = match.text  # made anew on each read: read once
    head = concept and field_head(
        surface,
        text[match.end_char : match.end_char + 24],
        text[max(0, match.start_char - 32) : match.start_char],
    )
    if concept and (
        (all_generic(surface) and not _curated_name(match, entry) and not head)
        or _inside_proper_name(match)
        or _metric_start(match)
        or _in_dated_issue_name(match, text)
        or _in_concept_event(match, text)
        or in_group_name(
            text[max(0, match.start_char - 24) : match.start_char],
            text[match.end_char : match.end_char + 16],
        )
        or other_sense(surface, text[max(0, match.start_char - 24) : match.start_char])
    ):
        return True
    return (
        (is_generic(surface) and not head)
        or _glued_left(match)
        or _glued_right(match)
        or _in_team_name(match)
        or _in_event_name(match, text)
        or (publication and _in_publication_title(match, text))
    )


HIT_WORDS = frozenset(["hit", "hits", "miss", "misses"])
RATE_WORDS = frozenset(["rate", "rates", "ratio", "ratios"])


def _metric_start(match) -> bool:
    """``cache hit`` in ``cache hit rate``: the start of a metric's name, which the entity
    rules do not annotate (the whole name is dropped as generic)."""
    doc, end = match.doc, match.end
    return match[-1].lower_ in HIT_WORDS and end < len(doc) and doc[end].lower_ in RATE_WORDS


# "cloud" in front names the delivery model, not an umbrella field: ``cloud storage`` and
# ``cloud security`` are established terms of their own, as the rules keep for the
# qualified forms of excluded words.
SERVICE_MODELS = frozenset(["cloud"])


def _curated_name(match, entry: dict | None) -> bool:
    """``API design``, ``testing framework``: a curated concept written as its own name of two
    words or more is an established term, though each word alone is generic (the entity
    rules exclude the bare words only). An umbrella field in front (``data engineering``,
    ``software engineering``, ``AI workload``) still leaves a generic phrase."""
    return (
        bool(entry)
        and not entry.get("registry")
        and len(match) > 1
        and (match[0].lower_ not in UMBRELLA or match[0].lower_ in SERVICE_MODELS)
        and _closed(fold(match.text)) == _closed(fold(str(entry.get("name", ""))))
    )


def _closed(name: str) -> str:
    """A name with its compound written closed and its British ``-ise`` spellings in ``-ize``:
    ``real-time``, ``real time`` and ``realtime`` are one spelling of the word, as are ``cost
    optimisation`` and ``cost optimization``."""
    return _BRITISH_ISE.sub(r"iz\1", name).replace("-", "").replace(" ", "")


# "optimisation", "containerised", "normalising": the British verb ending of an "-ize" word.
_BRITISH_ISE = re.compile(r"is(ations?|e[sdr]?|ing)(?=$|[^a-z])")


def _name_before_term(spans: list[Candidate]) -> list[Candidate]:
    """A technology's longer name whose last words start a concept term gives way to its short
    name and the term: in ``the Raft consensus algorithm`` the alias ``Raft consensus`` of Raft
    would swallow the start of ``consensus algorithm``; the entity rules annotate the
    technology and the concept separately (``Vitess resharding``). Only when the short name
    before the term is itself a match of the same technology."""
    techs = [c for c in spans if c.type == "TECHNOLOGY" and c.end - c.start > 1]
    if not techs:
        return spans
    concepts = [c for c in spans if c.type == "CONCEPT"]
    short = {(c.start, c.end, c.key) for c in spans if c.type == "TECHNOLOGY"}
    drop = {
        id(t)
        for t in techs
        for c in concepts
        if t.start < c.start < t.end < c.end and (t.start, c.start, t.key) in short
    }
    return [c for c in spans if id(c) not in drop] if drop else spans


def _sure_term_inside(spans: list[Candidate], table: dict) -> list[Candidate]:
    """A generated registry concept that asks for support gives way to a sure concept inside
    it: ``open-source software``, ``open-source models`` and ``scheduling algorithms`` are
    registry names the post rarely supports, and when the longer name is dropped for want of
    support the sure term it covered (``open source``, ``scheduling``) was lost with it. On
    the tuning sets no such registry name was ever kept."""
    inner = [c for c in spans if c.type == "CONCEPT" and not c.ambiguous]
    if not inner:
        return spans
    drop = {
        id(c)
        for c in spans
        if c.type == "CONCEPT"
        and c.ambiguous
        and table.get(c.key, {}).get("registry")
        and any(
            c.start <= d.start and d.end <= c.end and d.end - d.start < c.end - c.start
            for d in inner
        )
    }
    return [c for c in spans if id(c) not in drop] if drop else spans


def _has_shorter_core(
    match, concepts: dict[tuple[int, int], str], entry: dict, table: dict | None = None
) -> bool:
    """The shortest span that names the idea wins: ``durable execution engines`` is
    ``durable execution``, ``intelligent load balancing`` is ``load balancing``.

    Except for curated terms whose own name keeps the word: a platform named for its
    function is a system category under the entity rules (``data streaming platform``,
    ``ML platform``), as is an architecture style (``cloud-native architecture``), an
    established term can start with a size or age word (``large language model``,
    ``modern data stack``, ``automatic failover``), and a shorter form
    that is the same entry's alias does not cut its full name (``staging environment``,
    not ``staging``), nor does a generated registry term cut a curated one (``cache hit
    rate`` stays the curated ``cache hit ratio``, not the glossary's ``cache hit``)."""
    first, last = match[0].lower_, match[-1].lower_
    name = str(entry.get("name", "")).lower().split()
    own = bool(name) and not entry.get("registry")
    shorter = concepts.get((match.start, match.end - 1))
    if (
        shorter is not None
        and last == "pattern"
        and entry.get("registry")
        and table is not None
        and not table.get(shorter, {}).get("registry")
    ):
        # "the CQRS pattern": a catalogue's pattern named after a curated idea is that idea
        # (the rules' minimal head phrase); "outbox pattern", with no idea before it, stays.
        return True
    if shorter is not None and (last in GENERIC_HEADS or singular(last) in GENERIC_HEADS):
        if own and shorter == match.id_ and singular(last) == name[-1]:
            return False
        # A curated alias with its own head ("agentic systems" beside "agentic", both the
        # entry "AI agent") was listed as a name: the whole phrase stays, unless the bare word
        # is the entry's own name ("monitoring system" is "monitoring").
        if own and shorter == match.id_ and fold(match[:-1].text) != fold(" ".join(name)):
            return False
        if own and table is not None and table.get(shorter, {}).get("registry"):
            return False
        # A platform named for its function and an architecture style keep their head
        # (entity rules): "data streaming platform", "cloud-native architecture" beside the
        # concept "cloud-native"; so does the practice of securing a thing ("software supply
        # chain security" beside "software supply chain").
        if (
            own
            and singular(last) in ("platform", "architecture", "security")
            and singular(last) == name[-1]
        ):
            return False
        # A curated name written out whose head settles what a loose word means: "messaging"
        # alone is read as asynchronous messaging and "inference" as model inference, while a
        # "messaging system" and an "inference engine" are system categories. When the bare
        # word is itself the concept's name ("monitoring system"), the minimal head wins.
        core = table.get(shorter, {}).get("name", "") if table is not None else ""
        if own and core and " " not in core and singular(last) == "engine" == name[-1]:
            # An engine is a system category (entity rules: "search engine"); after one loose
            # word it is the curated category, singular or plural ("inference engines"),
            # while an idea of its own keeps the shortest span ("durable execution engine").
            return fold(match[:-1].text) != fold(" ".join(name[:-1]))
        return not (
            own
            and core
            and fold(match.text) == fold(" ".join(name))
            and fold(match[:-1].text) != fold(core)
        )
    if first in VAGUE and (match.start + 1, match.end) in concepts:
        # "full text search" is the curated "full-text search", not "text search"
        return not (own and name[0].split("-")[0] == first)
    return False


def _inside_proper_name(span) -> bool:
    """``the Horizontal Pod Autoscaler``: a capitalised concept word inside a longer name.

    Only outside headlines, where capitals mark names; the discovery then sees the whole name.
    A neighbour that ends or starts another concept of two words or more is no part of a
    name: ``Multi-Tenancy Vector Search`` is two terms. A term opening with an acronym and
    ending capitalised is the category word of a product named before it (``Tyk API
    Gateway``); a lone acronym after a product is its part (``Kafka DLQ``) and stays.
    """
    if not (span[0].is_title or (len(span) > 1 and span[0].is_upper and span[-1].is_title)):
        return False  # checked first: finding the sentence walks the doc
    doc, sent = span.doc, span.sent
    if span.start == sent.start or is_title_case(sent):
        return False
    before = span.start - 1 > sent.start and doc[span.start - 1].is_title
    after = span.end < sent.end and doc[span.end].is_title
    if not (before or after):
        return False
    if _defined_here(span):
        return False  # "Large-Scale Expert Parallelism (EP)": the acronym names the term
    # rare: only now look for the neighbouring concepts among the ruler's matches
    for m in spans_in(doc, RULER_KEY):
        if m.label_ == "CONCEPT" and len(m) > 1:
            before = before and m.end != span.start
            after = after and m.start != span.end
    return before or after


def _defined_here(span) -> bool:
    """Whether ``(ACR)`` follows ``span`` and spells its words, and not with the capitalised
    words before: the bracket defines the span's own term, which is no part of a longer name."""
    doc, end = span.doc, span.end
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return False
    acr = doc[end + 1].text
    acr = acr[:-1] if acr.endswith("s") and len(acr) > 2 else acr
    words = [t.lower_ for t in span if t.is_alpha]
    return (
        acr.isalpha()
        and acr.isupper()
        and _spells(acr.lower(), words)
        and not _spells_more(doc, span.start, end, acr)
    )


def _redefined(doc: Doc, span: Candidate, defined: dict) -> bool:
    text = doc[span.start : span.end].text
    acr = text[:-1] if text.endswith("s") and text[:-1] in defined else text
    return acr in defined and defined[acr][1] != span.key
