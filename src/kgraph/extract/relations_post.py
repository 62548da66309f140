"""One post as the relation rules read it: its sentences with their mentions at
sentence-local offsets, the company it is by or about (its actor), and the relations found
so far, each kept only if the type and confidence allow (RELATION-RULES)."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter

from kgraph.extract import rx
from kgraph.extract.confidence import RELATION_FLOOR, relation_confidence
from kgraph.extract.generic import INSTITUTIONS
from kgraph.extract.relations_words import (
    HARDWARE_KINDS,
    HYPHENS,
    LIKENESS,
    MIGRATION_CONCEPTS,
    NOT_APPLIED,
)
from kgraph.model import RELATION_TYPES, Mention, Post, Relation, entity_key
from kgraph.ontology import Ontology


class _Ent:
    """A mention at sentence-local offsets. Its type and name are the mention's, copied once:
    the rules read them hundreds of times a post, and a property is a Python call each time
    (the mentions are not changed while relations are found)."""

    __slots__ = ("e", "m", "name", "s", "type")

    def __init__(self, m: Mention, s: int, e: int):
        self.m, self.s, self.e = m, s, e
        self.type, self.name = m.type, m.canonical


def _as_parent(m: Mention) -> Mention:
    """``Wix Engineering``, a company's engineering organisation, states what the company
    does: its relations are the company's (the entity keeps its own name)."""
    if m.type == "COMPANY" and m.canonical.endswith(" Engineering") and " " in m.canonical:
        return dataclasses.replace(m, canonical=m.canonical[: -len(" Engineering")])
    return m


class _Unit:
    """One sentence (or the title) with its mentions at sentence-local offsets."""

    __slots__ = ("ents", "field", "text")

    def __init__(self, text: str, ents: list[_Ent], field: str):
        self.text, self.ents, self.field = text, ents, field


class _Post:
    def __init__(self, post: Post, mentions: list[Mention], onto: Ontology | None = None):
        self.post = post
        self.onto = onto
        mentions = [_as_parent(m) for m in mentions]
        self.found: dict[tuple[str, str, str], Relation] = {}
        # Every triple a rule put forward, emitted or not, with the rules that did: what
        # the learned layer (relations_learned) weighs beside the words around the pair.
        self.proposed: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
        groups: dict[tuple[str, str], list[Mention]] = {}
        for m in mentions:
            groups.setdefault((m.field, m.sentence), []).append(m)
        self.units = []
        self.raw: dict[str, str] = {}
        for (field, sentence), ms in groups.items():
            raw = getattr(post, field) or ""
            base = raw.find(sentence) if sentence else 0
            base = max(base, 0)
            ents = [_Ent(m, m.start - base, m.end - base) for m in ms]
            ents = [e for e in ents if 0 <= e.s <= e.e <= len(sentence)]
            ents.sort(key=lambda e: (e.s, e.e))
            # The rules match ASCII hyphens; typeset ones ("Rust\u2011based") are read alike.
            # The replacement keeps offsets, and ``add`` reports the sentence as written.
            text = sentence.translate(HYPHENS)
            if "\n" not in text:
                self.raw[text] = sentence
                self.units.append(_Unit(text, _outermost(ents), field))
                continue
            # A line break ends a clause: a digest's byline ("Allegro ⸱ 6 min read") and
            # each of its bullet lines state their own relations (rule 1).
            for line in rx.finditer(r"[^\n]+", text):
                a, b = line.span()
                inside = [_Ent(x.m, x.s - a, x.e - a) for x in ents if a <= x.s and x.e <= b]
                self.raw[line.group()] = sentence[a:b]
                self.units.append(_Unit(line.group(), _outermost(inside), field))
        self.types = {m.canonical: m.type for m in mentions}
        self.actor = _actor(self.units)
        self.mentioned = Counter(m.canonical for m in mentions)
        # A company named once, outside the title, or beside other companies, is named in
        # passing: the post may not be by or about it ("Senior Architect at Mirantis
        # shares …", a newsletter), so what its sentences name is less surely its own.
        in_title = any(
            e.name == self.actor for u in self.units if u.field == "title" for e in u.ents
        )
        companies = {m.canonical for m in mentions if m.type == "COMPANY"}
        # … unless the post says it is by the company: its team or engineers write it ("the
        # Data 360 team at Salesforce"). (A title's "our" is no such sign: "Supply chain
        # attacks are exploiting our assumptions".)
        authored = any(
            e.name == self.actor and _names_authors(u, e) for u in self.units for e in u.ents
        )
        self.passing = not (in_title or authored) and (
            self.mentioned[self.actor] < 2 or len(companies) > 1
        )
        self.sole = len(companies) == 1
        # Tails a rule gave to a named technology with too little confidence to emit: still
        # the technology's, not the company's (rules 2 and 5), so the actor rule leaves them.
        self.claimed: set[str] = set()
        # (sentence, concept) where the concept is made for a named technology ("How we
        # build Data Residency for Atlassian Cloud", "network performance monitoring for the
        # Pinterest EC2 fleet"): the technology's practice, not the company's (rule 5).
        self.for_tech = {
            (self.raw.get(u.text, u.text), e.name) for u in self.units for e in _for_tech(u)
        }
        _resolve_subject_pronouns(self.units)

    def add(self, head: str, type_: str, tail: str, sentence: str, method: str) -> None:
        type_ = self.allowed(head, type_, tail, method)
        if type_ is None:
            return
        h, t = self.types[head], self.types[tail]
        key = (head, type_, tail)
        self.proposed.setdefault(key, []).append((method, self.raw.get(sentence, sentence)))
        conf = relation_confidence(method, type_)
        if conf < RELATION_FLOOR and h == "TECHNOLOGY" and not method.startswith("subject"):
            self.claimed.add(tail)
        if key not in self.found and conf >= RELATION_FLOOR:
            sentence = self.raw.get(sentence, sentence)  # as written, typeset hyphens and all
            self.found[key] = Relation(
                self.post.id, head, h, type_, tail, t, sentence, method, conf
            )

    def allowed(self, head: str, type_: str, tail: str, method: str = "") -> str | None:
        """The type a triple is kept as (RELATION-RULES' heads and tails), or None."""
        if head == tail or type_ not in RELATION_TYPES:
            return None
        h, t = self.types.get(head), self.types.get(tail)
        if t == "COMPANY" or h is None or t is None or h == "CONCEPT":
            return None
        if h == "COMPANY" and _institution(head):
            return None  # a foundation, agency or fund stewards or regulates; it does not use
        if type_ == "built" and (h != "COMPANY" or t != "TECHNOLOGY"):
            return None
        if type_ == "uses" and t != "TECHNOLOGY":
            if t == "CONCEPT" and not method.startswith("actor"):
                type_ = "applies"
            else:
                return None
        if type_ == "applies" and (t != "CONCEPT" or _not_applied(tail)):
            return None
        if type_.startswith("migrated") and h == "COMPANY" and _named_after(tail, head):
            # "Moving to the Fastly CDN" in a post read as Fastly's: a maker sells the product
            # named after it, and a move to or from it is its customers' (rule 2)
            return None
        if type_.startswith("migrated") and t == "CONCEPT" and not _migration_concept(tail):
            if type_ != "migrated_to":
                return None
            if _not_applied(tail):
                return None  # "rewrote it in Rust to solve its p99 latency": a measure (rule 7)
            type_ = "applies"  # another replaced concept: the new one is applied (rule 6)
        return type_

    def known_elsewhere(self, company: str, ent: _Ent) -> bool:
        """Whether ``ent`` is a well-known technology ``company`` did not make: a curated
        ontology entry whose maker (product_of) is another company or none at all ("Yelp
        launched its first Kafka cluster", "building the Flink platform at OpenAI"). A verb
        of building before it then builds a deployment of it, not the technology."""
        if self.onto is None or ent.m.method != "ontology":
            return False
        entry = self.onto.entries.get(entity_key("TECHNOLOGY", ent.name))
        if entry is None or entry.registry:
            return False
        return not _same_company(entry.company, company) and not _named_after(ent.name, company)

    def maker(self, ent: _Ent) -> str | None:
        """The company the ontology names as ``ent``'s maker ("" for none), or None when
        ``ent`` is no curated entry."""
        if self.onto is None or ent.m.method != "ontology":
            return None
        entry = self.onto.entries.get(entity_key("TECHNOLOGY", ent.name))
        return None if entry is None else (entry.company or "")

    def kind_of(self, ent: _Ent, concept: str) -> bool:
        """Whether ``concept`` names the kind the curated entry of ``ent`` is filed under
        ("search engine" of Vespa, "container" of a container runtime): a noun that says
        what the named thing is, not an activity done on it ("the Kubernetes release
        cycle", "a SQLite query optimisation")."""
        if self.onto is None:
            return False
        entry = self.onto.entries.get(entity_key("TECHNOLOGY", ent.name))
        low = concept.lower()
        return entry is not None and any(p == low or p.startswith(low + " ") for p in entry.parents)

    def same_kind(self, a: _Ent, b: _Ent) -> bool:
        """Whether two different curated technologies are filed under a common kind
        (Apache Cassandra and ScyllaDB, both wide-column stores)."""
        if self.onto is None or a.name == b.name:
            return False
        one = self.onto.entries.get(entity_key("TECHNOLOGY", a.name))
        two = self.onto.entries.get(entity_key("TECHNOLOGY", b.name))
        return one is not None and two is not None and bool(set(one.parents) & set(two.parents))

    def hardware_kind(self, ent: _Ent) -> bool:
        """Whether ``ent`` is a kind of hardware no one company makes (CPU, GPU, x86): the
        machines a post's work runs on, which a sentence that only names them near the
        company ("they hit an unexpected CPU bottleneck") does not say the company uses."""
        if self.onto is None or ent.m.method != "ontology":
            return False
        entry = self.onto.entries.get(entity_key("TECHNOLOGY", ent.name))
        return (
            entry is not None
            and not entry.company
            and bool(HARDWARE_KINDS.intersection(entry.parents))
        )

    def result(self) -> list[Relation]:
        found = self.found
        built = {(k[0], k[2]) for k in found if k[1] == "built"}
        moved_from = {(k[0], k[2]) for k in found if k[1] == "migrated_from"}
        moved_to = {(k[0], k[2]) for k in found if k[1] == "migrated_to"}
        # "re-architected its internal key-value storage system, Mussel": a concept apposed
        # to a named technology is that technology's, and the company gets only its use
        # (rule 5), whichever company rule also found the concept in the sentence.
        realised = {
            (r.sentence, r.tail)
            for r in found.values()
            if r.type == "applies"
            and r.head_type == "TECHNOLOGY"
            and r.method.startswith("apposition")
        }
        out = []
        for (head, type_, tail), rel in found.items():
            if (
                type_ == "applies"
                and rel.head_type == "COMPANY"
                and ((rel.sentence, tail) in realised or (rel.sentence, tail) in self.for_tech)
            ):
                continue
            if type_ == "uses" and ((head, tail) in built or (head, tail) in moved_from):
                continue
            if type_ == "applies" and (head, tail) in moved_from:
                continue  # what the head moved away from it no longer practises (rule 6)
            if type_ == "uses" and (head, tail) in moved_to and rel.method.startswith("actor"):
                continue
            if type_ == "migrated_from" and (head, tail) in moved_to:
                continue  # "from 5.7 to 8.0" of one product: an upgrade, migrated_to only
            if unstated(self, rel):
                continue
            out.append(rel)
        return sorted(out, key=lambda r: (r.head, r.type, r.tail))


# A summary sentence whose subject refers back to a technology (RELATION-RULES rule 1,
# anaphora): "It is designed to provide …", "It's used by companies like …", "The project
# supports …". Not the "it" of "It is hard to tell whether …", "It's time to …", "It turns
# out …", which stands for no thing.
_SUBJECT_PRONOUN = re.compile(
    r"\s*(?P<p>it(?=['\u2019]s\b|\s)|the\s+(?:project|library|framework|engine|database|tool|"
    r"system|service|platform|runtime|proxy|server))\b"
    r"(?!['\u2019]s\s+(?:time|now|been\s+a)\b)"
    r"(?!(?:['\u2019]s|\s+(?:is|was|has\s+been|will\s+be|would\s+be|can\s+be|might\s+be))\s+"
    r"(?:\w+\s+)?(?:hard|easy|difficult|important|possible|impossible|worth|clear|likely|"
    r"unlikely|necessary|common|tempting|true|interesting|surprising|crucial|essential|critical|"
    r"vital|key|unclear|obvious|time|no\s+(?:secret|surprise|wonder)|not\s+(?:easy|hard|clear|"
    r"possible|enough))\b)"
    r"(?!\s+(?:seems|seemed|appears|appeared|turns|turned|took|takes|makes\s+sense|remains\s+to|"
    r"goes|went|follows|depends)\b)",
    re.I,
)


def _resolve_subject_pronouns(units: list[_Unit]) -> None:
    """Give a summary sentence that opens with "It" or "The project / system / …" the
    technology it refers back to, as a mention over the pronoun (rule 1's anaphora), so the
    sentence's rules read "It is a distributed key-value store" as they read "FoundationDB
    is a distributed key-value store". The referent is the technology the previous sentence
    with mentions opens with (its subject), else the title's first technology; a sentence
    that opens with a company or names the referent itself is left as it is."""
    title_first = next((u.ents[0] for u in units if u.field == "title" and u.ents), None)
    subject = title_first if title_first is not None and title_first.type == "TECHNOLOGY" else None
    referent = subject
    for unit in units:
        if unit.field == "title":
            continue
        ents = unit.ents
        m = _SUBJECT_PRONOUN.match(unit.text)
        if m is not None and referent is not None:
            if (not ents or ents[0].s >= m.end()) and all(e.name != referent.name for e in ents):
                s, e = m.span("p")
                pseudo = dataclasses.replace(referent.m, text=unit.text[s:e])
                unit.ents = [_Ent(pseudo, s, e), *ents]
            continue
        opens = ents and ents[0].type == "TECHNOLOGY" and ents[0].s < 40
        referent = ents[0] if opens else subject


# RELATION-RULES rule 7 in the triple's own sentence: "Kafka is a distributed commit log,
# not a message queue", "isn't a monolith"; a likeness ("SQL-ish syntax", "a Kafka-compatible
# API") is ``relations_words.LIKENESS``.
_NEGATED_BEFORE = re.compile(r"(?:\b(?:not|no\s+longer)|n['\u2019]t)\s+(?:(?:a|an|the)\s+)?$", re.I)
# "using NVIDIA's TensorRT-LLM", "we run Google's Spanner": whoever uses the product names
# its maker by the possessive, so the possessor is its vendor, not its user (rule 3).
_USE_BEFORE = re.compile(
    r"\b(?:us(?:e|es|ed|ing)|run(?:s|ning)?|ran|adopt(?:s|ed|ing)?|leverag(?:e|es|ed|ing)|"
    r"deploy(?:s|ed|ing)?|cho(?:o?se|sen|osing)|with|via|(?:migrat\w*|mov\w*|switch\w*)\s+to)"
    r"\s+$",
    re.I,
)
# A person's job title: "VP Developer Experience at Okta", "Director of Platform
# Engineering": the concept names the person's role, not a practice of the company.
_JOB_TITLE_BEFORE = re.compile(
    r"\b(?:S?VP|EVP|Vice\s+President|Director|Head|Chief|Manager|Lead)\s+(?:of\s+|for\s+)?"
    r"(?:[A-Z][\w&-]*\s+){0,2}$"
)


def unstated(state: _Post, rel: Relation) -> bool:
    """Whether the triple's own sentence, read where its ends are named, does not state it
    (RELATION-RULES rules 3 and 7): the tail negated or a likeness, a possessor that sells
    what another uses, a concept in a job title."""
    for unit in state.units:
        if state.raw.get(unit.text, unit.text) != rel.sentence:
            continue
        text = unit.text
        for i, e in enumerate(unit.ents):
            if e.name != rel.tail:
                continue
            if rel.type in ("applies", "uses") and (
                _NEGATED_BEFORE.search(text, 0, e.s) or LIKENESS.match(text, e.e)
            ):
                return True
            if rel.head_type != "COMPANY":
                continue
            following = unit.ents[i + 1] if i + 1 < len(unit.ents) else None
            if (
                rel.type == "applies"
                and (
                    _JOB_TITLE_BEFORE.search(text, max(0, e.s - 60), e.s)
                    # "NVIDIA's open-source Dynamo framework": the concept qualifies the
                    # company's named technology, whose practice it is (rule 5)
                    or (
                        following is not None
                        and following.type == "TECHNOLOGY"
                        and rx.fullmatch(r"[\s-]*", text[e.e : following.s])
                        and i > 0
                        and unit.ents[i - 1].name == rel.head
                        and rx.fullmatch(r"(?:['\u2019]s?)?\s+", text[unit.ents[i - 1].e : e.s])
                    )
                )
            ):
                return True
            previous = unit.ents[i - 1] if i else None
            if (
                rel.type == "uses"
                and previous is not None
                and previous.name == rel.head
                and (
                    previous.m.text.endswith(("'s", "\u2019s"))
                    or text[previous.e : previous.e + 1] in ("'", "\u2019")
                )
                and rx.fullmatch(r"(?:['\u2019]s?)?\s+(?:[\w-]+\s+){0,2}", text[previous.e : e.s])
                and _USE_BEFORE.search(text, max(0, previous.s - 40), previous.s)
            ):
                return True
        for e in unit.ents:
            if e.name == rel.head and LIKENESS.match(text, e.e):
                return True  # "tools promising horizontal scaling, SQL-ish syntax"
    return False


def _for_tech(unit: _Unit) -> list[_Ent]:
    """The concepts of ``unit`` followed by "for" and a named technology (after an
    article or possessive, and the company that owns it): "Data Residency for Atlassian
    Cloud", "monitoring for the Pinterest EC2 fleet"."""
    text, ents, out = unit.text, unit.ents, []
    for i, e in enumerate(ents[:-1]):
        if e.type != "CONCEPT":
            continue
        if not rx.fullmatch(r"\s+for\s+(?:(?:the|our|its|their)\s+)?", text[e.e : ents[i + 1].s]):
            continue
        nxt = ents[i + 1]
        if nxt.type == "COMPANY" and i + 2 < len(ents) and not text[nxt.e : ents[i + 2].s].strip():
            nxt = ents[i + 2]
        if nxt.type == "TECHNOLOGY":
            out.append(e)
    return out


def _outermost(ents: list[_Ent]) -> list[_Ent]:
    out: list[_Ent] = []
    for e in ents:
        if out and e.s < out[-1].e:
            if e.e - e.s > out[-1].e - out[-1].s:
                out[-1] = e
            continue
        out.append(e)
    return out


# Investors head no relation either ("Unusual Ventures").
INSTITUTION_WORDS = INSTITUTIONS | {"ventures", "capital", "force"}


# The tests below read only a name, and every candidate pair of a post asks them again
# (``_Post.allowed``): each name's answer is kept.
@functools.lru_cache(maxsize=8192)
def _not_applied(concept: str) -> bool:
    """A measure or a failure, not a practice (``NOT_APPLIED``): nothing applies it."""
    return NOT_APPLIED.search(concept.lower()) is not None


@functools.lru_cache(maxsize=8192)
def _migration_concept(concept: str) -> bool:
    """An architecture a system moves to or from (``MIGRATION_CONCEPTS``)."""
    return MIGRATION_CONCEPTS.search(concept.lower()) is not None


@functools.lru_cache(maxsize=8192)
def _institution(name: str) -> bool:
    """``Apache Software Foundation``, ``National Institute of Standards and Technology``,
    ``Unusual Ventures``: a steward, regulator or investor, not a builder or user."""
    return any(w.lower() in INSTITUTION_WORDS for w in name.split()[1:])


def _names_authors(unit: _Unit, e: _Ent) -> bool:
    """Whether ``e`` names the post's authors' company: "From the engineering team at
    Instacart", "engineers at Lyft", "HubSpot's engineering team", "At Mixpanel, we"."""
    if rx.search(
        r"\b(?:team|teams|engineers|engineering|developers)\s+(?:at|from)\s+$",
        unit.text[: e.s],
        rx.I,
    ):
        return True
    team = _NAMED_TEAM_AFTER.match(unit.text, e.e)
    return unit.field != "title" and bool(
        _AUTHORS_AFTER.match(unit.text[e.e :])
        or (team is not None and (team.group(1) or e.m.text.endswith(("'s", "\u2019s"))))
        or (
            rx.search(r"(?:^|[.;]\s+|\bwe,\s+)at\s+$", unit.text[: e.s], rx.I)
            and rx.match(r"\s*,\s*(?:we\b|$)", unit.text[e.e :])
        )
    )


# "HubSpot's engineering team", "Mixpanel's engineers": the authors named by their company
_AUTHORS_AFTER = re.compile(
    r"(?:['\u2019]s?)?\s+(?:engineering|data|platform|infrastructure|data science)\s+"
    r"(?:team|teams|engineers|developers)\b|(?:['\u2019]s?)?\s+(?:engineers|developers)\b",
    rx.I,
)
# "Zillow's Data Science and Engineering team", "Lyft's Payments Platform team": a possessive
# on a named team of the company (the possessive may be part of the mention)
_NAMED_TEAM_AFTER = re.compile(
    r"(['\u2019]s?)?\s+(?:[A-Z][\w&/-]*\s+(?:and\s+|&\s+)?){1,4}(?i:team|teams)\b"
)


# "an open-source Slack/Discord alternative", "a Heroku competitor": the name is what the
# thing is likened to (RELATION-RULES rule 7), not the company the post is about.
_ALTERNATIVE_AFTER = re.compile(
    r"(?:\s*/\s*[\w.-]+)*\s+(?:alternatives?|competitors?|rivals?|clones?)\b", re.I
)


def _actor(units: list[_Unit]) -> str | None:
    """The company the post is about: the authors' company ("HubSpot's engineering team", "At
    Mixpanel, we"), else the title's first company, else the summary's most
    named one, when no other company is named as often. In the summary, a company named
    only as a place to run on ("a database running on Azure") is a provider, not the actor;
    in the title ("Model Serving on Databricks") it is what the post is about."""
    title, counts, authors = [], Counter(), []
    # "From Heroku to AWS ECS", "we migrated from Datadog to Prometheus": what the post's
    # company moves away from is a provider it left, not the company, wherever it is named
    left = {
        e.name
        for unit in units
        for e in unit.ents
        if e.type == "COMPANY"
        and rx.search(
            r"(?:^\s*|\b(?:migrat\w*|mov\w*|switch\w*|shift\w*|transition\w*)\s+(?:\w+\s+){0,4}?)"
            r"(?:away\s+)?from\s+$",
            unit.text[: e.s],
            rx.I,
        )
        and rx.match(r".{0,60}?\b(?:to|into|onto)\b", unit.text[e.e :], rx.I)
    }
    for unit in units:
        for e in unit.ents:
            if e.type != "COMPANY" or e.name in left:
                continue
            # "help from our edge provider Fastly", "offered by AWS as a managed service": a
            # provider or vendor of the authors, not the authors' company
            if rx.search(
                r"\b(?:(?:our|their|its)\s+(?:[\w-]+\s+){0,2}(?:providers?|vendors?|partners?|"
                r"suppliers?)|(?:offered|provided|sold|supplied)\s+by)\s+$",
                unit.text[: e.s],
                rx.I,
            ):
                continue
            if _names_authors(unit, e):
                authors.append(e.name)
            # "an infrastructure in AWS", "to the new Salesforce platform": a host or a
            # destination, not the company the post is about; but "variability in Plaid's
            # internal services" names the company's own (rule 3)
            if (
                unit.field != "title"
                and rx.search(
                    r"\b(?:on|onto|atop|via|to|from|in)\s+(?:the\s+)?(?:new\s+)?$",
                    unit.text[: e.s],
                    rx.I,
                )
                and not (
                    rx.search(r"\bin\s+$", unit.text[: e.s])
                    and (
                        rx.search(r"['\u2019]s?$", e.m.text)
                        or unit.text[e.e : e.e + 1] in ("'", "\u2019")
                    )
                )
            ):
                continue
            # "My AWS bill", "your GCP account": what a user pays for or runs on, a
            # provider, not the company the post is about ("our LinkedIn members" may be
            # the authors' own company)
            if rx.search(r"\b(?:my|your)\s+$", unit.text[: e.s], rx.I):
                continue
            # "AWS to GCP migration": the two ends of a move, neither of them the mover
            if rx.match(
                r"\s+(?:to|->|\u2192)\s+(?:[\w.-]+\s+){1,3}?(?:migrations?|moves?|switch)\b",
                unit.text[e.e :],
                rx.I,
            ) or (
                rx.search(r"\b(?:to|->|\u2192)\s+$", unit.text[: e.s])
                and rx.match(r"\s+(?:migrations?|moves?|switch)\b", unit.text[e.e :], rx.I)
            ):
                continue
            # "a search engine akin to Elasticsearch or Algolia": a comparison, not the actor
            # The words between are other names of the list ("like Elasticsearch, Algolia or"),
            # not a phrase of its own: "Like our clients, Stitch is …" names Stitch as subject.
            if rx.search(
                r"\b(?i:akin to|like|unlike|than|such as|similar to|versus|vs\.?|alternative to)\s+"
                r"(?:[A-Z0-9][\w.-]*,?\s+){0,3}?(?:(?i:or|and)\s+)?$",
                unit.text[: e.s],
            ):
                continue
            # "an open-source Slack/Discord alternative": a likeness, not the actor (rule 7)
            if _ALTERNATIVE_AFTER.match(unit.text[e.e :]):
                continue
            if unit.field == "title":
                if rx.search(r"\bfrom\b.{1,60}\b(?:to|into|onto)\s+$", unit.text[: e.s], rx.I):
                    continue  # "Data Streaming from Mainframe to Salesforce": a destination
                if rx.match(r"\s*(?:#\s*\d+|issue\s+\d+)\b", unit.text[e.e :], rx.I):
                    continue  # "Data Eng Weekly #356": an issue of a publication, no actor
                hosted = rx.search(
                    r"\b(?:on|with|using|via|atop)\s+(?:the\s+)?$", unit.text[: e.s], rx.I
                ) or rx.match(
                    r"\s+(?:bills?|invoices?|costs?|spend(?:ing)?)\b", unit.text[e.e :], rx.I
                )
                title.append((e.s, e.name, bool(hosted)))
            counts[e.name] += 1
    if title:
        # "Infrastructure as Code: … with AWS and Google Cloud Platform" over "HubSpot's
        # engineering team …", "Live Downsizing Google Cloud Persistent Disks" over "At
        # Mixpanel, we …": the authors' company over a title's tool or provider.
        if len(set(authors)) == 1:
            return authors[0]
        _, first, hosted = min(title)
        # "Apache Airflow on AWS", "… engineering with AWS", "Our AWS Bill": a title company
        # named as the platform or the bill gives way to the company the summary opens with
        # as its subject ("Trustpilot has embarked …", "FamApp is a fin-tech application").
        lead = _opening_company(units) if hosted else None
        return lead if lead is not None and not _same_company(lead, first) else first
    if len(set(authors)) == 1:
        return authors[0]
    if not counts:
        return None
    (first, n), *rest = [*counts.most_common(2), (None, 0)]
    if not rest or rest[0][1] < n or len(counts) == 1:
        return first
    # A tie: the company the summary opens with, as its subject ("Lago, an open-source
    # billing platform, faced …"), is what the post is about; one named later is an example.
    lead = _opening_company(units)
    return lead if lead is not None and counts[lead] == n else None


def _opening_company(units: list[_Unit]) -> str | None:
    """The company the summary's first sentence opens with, as its subject."""
    summary = [u for u in units if u.field != "title"]
    if summary and summary[0].ents:
        lead = summary[0].ents[0]
        if lead.type == "COMPANY" and not summary[0].text[: lead.s].strip():
            return lead.name
    return None


def _named_after(tech: str, company: str) -> bool:
    """ "Cloudflare Workers" of Cloudflare, "Amazon S3" of Amazon Web Services: a product
    named after the company is one it makes or sells, not one the post says it runs."""
    first = company.split()[0].lower()
    return tech.lower().startswith((company.lower() + " ", first + " "))


def _same_company(a: str | None, b: str | None) -> bool:
    """Whether two company names name one maker: "Amazon" and "Amazon Web Services",
    "Grafana" and "Grafana Labs" (a unit or a legal name beside the short one)."""
    if not a or not b:
        return False
    return a == b or a.split()[0].lower() == b.split()[0].lower()
