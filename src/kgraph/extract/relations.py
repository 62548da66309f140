"""Typed relations the text states between the entities of one post (see RELATION-RULES).

``built``, ``uses``, ``migrated_from``, ``migrated_to`` and ``applies``, each with the sentence
that states it, the rule that found it (``method``) and a confidence. The rules read the
sentence around the post's mentions: only sentences with at least two entities (or one
entity and the post's actor, for anaphora such as "we", "the team", "its") are examined, so
the cost stays a small fraction of the NER's.

Two kinds of rule:

* lexical patterns between two mentions ("X-based", "written in X", "from A to B",
  "replaced A with B", "C built T", "T, a … concept"), precise and specific;
* attachment of the post's remaining technologies and concepts to its actor (the one
  company the post is about), which the rules call anaphora and title support: in a post
  by or about one company, what it runs and practises is stated of it. It is the least
  precise rule, so it stays out of sentences that are not about the company (a possessive
  alone, another subject's activity, an aside) and leaves what the company moved away from
  and concepts a named technology realises (rules 5 and 6) alone.

>>> from kgraph.model import Mention, Post
>>> post = Post("p", "Harbor built Tidewater, a Zig-based job scheduler")
>>> ms = [Mention("p", t, ty, t, "title", s, s + len(t), post.title, "ontology", 0.99)
...       for t, ty, s in [("Harbor", "COMPANY", 0), ("Tidewater", "TECHNOLOGY", 13),
...                        ("Zig", "TECHNOLOGY", 26), ("job scheduler", "CONCEPT", 36)]]
>>> sorted((r.head, r.type, r.tail) for r in find_relations(post, ms))
[('Harbor', 'built', 'Tidewater'), ('Tidewater', 'applies', 'job scheduler'), ('Tidewater', 'uses', 'Zig')]
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter

from kgraph.extract import relations_applies
from kgraph.extract.confidence import RELATION_FLOOR, relation_confidence
from kgraph.extract.generic import INSTITUTIONS
from kgraph.model import RELATION_TYPES, Mention, Post, Relation, entity_key
from kgraph.ontology import Ontology

# Concepts that are metrics, failure modes or problems: never applied (rule 7).
NOT_APPLIED = re.compile(
    r"latenc|downtime|outage|failure|data loss|lock-in|technical debt|bottleneck|"
    r"incident|throughput|cost|tail at scale|thundering herd|hot spot|hotspot|"
    r"request rate|error rate|per second|bug|vulnerab|attack|exploit|end of life|end-of-life|"
    # the data a system processes ("TSAR, a TimeSeries AggregatoR" is no practice of
    # time-series data; rule 7): no gold relation of the eleven sets ends in "data"
    r"(?:^|\s)data$"
)
# Architecture styles and deployment models: the only concepts a migration may name.
MIGRATION_CONCEPTS = re.compile(
    r"monolith|microservice|shard|distributed system|single-tenan|multi-tenan|on-prem|"
    r"service-oriented|serverless|cloud|local development|mainframe|data center"
)

BUILD_VERB = (
    r"(?:built|build|building|builds|developed|develop|develops|developing|created|create|"
    r"creates|creating|engineered|open[- ]?sourced|open[- ]?sources|open[- ]?sourcing|"
    r"designed|launched|launches|introduced|introduces|introducing|announced|announces|"
    r"re-?architected|rebuilt|rebuilding|rewrote|wrote(?!\s+(?:about|up)\b)|shipped|released|releases|unveiled|"
    r"invented|made)"
)
# A negated, rejected or contrasted statement states no relation (rule 7). "isn't",
# "doesn't": no word boundary stands before a contraction's "n't".
NEGATED = r"n['\u2019]t\b|\b(?:not|never|no longer|without|rather than|instead of|unlike)\b"
USE_VERB = (
    r"(?:uses|used|using|use|runs|ran|running|run|adopted|adopts|adopting|adopt|chose|choose|"
    r"picked|picks|"
    r"leverag\w*|relies on|rely on|relied on|relying on|deploy\w*|employ\w*|utili[sz]\w*|"
    r"operat\w*|embraced|integrat\w* with|incorporat\w*|retain\w*|opt(?:ed|s)? for|"
    r"standardi[sz]\w* on|bet(?:s|ting)? on)"
)
APPLY_VERB = (
    r"(?:implement\w*|appl(?:y|ies|ied|ying)|adopt\w*|perform\w*|uses|used|using|"
    r"introduc\w*|enabl\w*|provid\w*|support\w*|leverag\w*|embrac\w*|achiev\w*)"
)
ON_TECH = re.compile(
    r"\b(?:(?:written|implemented|built|rewritten|developed|compiled) "
    r"(?:entirely |primarily |mostly )?(?:in|on|on top of|atop|around|with|using)|"
    r"based on|backed by|powered by|running on|runs on|run on|runs over|running inside|"
    r"on top of|built atop|(?:that|which) (?:uses|runs (?:on|over|atop)|relies on|is built on))"
    r"\s+(?:the |a |an |its |their )?$",
    re.I,
)
# "built on top of open source tools including Docker, …": the phrase's examples (rule 4's
# "such as" list, the phrase's object).
ON_TECH_EXAMPLES = re.compile(
    ON_TECH.pattern[:-1] + r"(?:[\w-]+\s+){0,4}(?:including|such as|like)\s+$", re.I
)
# A technology's use verb right before another technology: "Kafka uses ZooKeeper".
TECH_USES = re.compile(
    # "Trello has been using RabbitMQ": the verb with its auxiliaries
    r"\s+(?:\w+ly\s+)?(?:(?:has|have|had) been using|(?:is|was|are|were) using|has used|"
    # "Cilium has leveraged eBPF": the perfect of the same verbs
    r"(?:has|have|had) (?:leveraged|relied on|adopted|employed)|adopts|adopted|employed|"
    r"uses|used|relies on|relied on|runs on|ran on|leverages|leveraged|"
    r"employs|is built on(?: top of)?|was built on(?: top of)?|builds on|sits on top of|"
    r"is powered by|is backed by|depends on|stores (?:\w+\s+){0,2}?in)\s+(?:the |a |an )?",
    re.I,
)
# What one technology adds to another: "its Iceberg extension", "an NGINX module".
PLUGIN = re.compile(
    r"\s+(?:plugin|plug-in|extension|module|connector|driver|adapter|integration)s?\b(?!-)",
    re.I,
)
COMPOUND = re.compile(r"^-(?:based|backed|powered|native|driven|fronted|hosted|only)\b", re.I)
FROM_TO_VERB = re.compile(
    r"\b(?:migrat\w*|mov\w*|switch\w*|transition\w*|shift\w*|upgrad\w*|port\w*|"
    r"rewr\w*|convert\w*|evolv\w*|evolution|transformation|journey|went|go|going|replac\w*)\b",
    re.I,
)
# A move that is planned, hoped for or possible is not annotated (rule 7).
PLANNED = re.compile(
    r"\b(?:will|would|could|might|plans? to|planning to|aims? to|intends? to|hopes? to|"
    r"wants? to|wanted to|going to|paved? the way|paving the way|considering|next step|"
    # advice on a move, not a move made: "the considerations for moving X to Y"
    r"considerations? for|how to|when to|whether to|should)\b",
    re.I,
)
# A compound of likeness, not use: "a Kafka-compatible queue", "Airflow-like DAGs" (rule 7).
LIKENESS = re.compile(r"-(?:compatible|like|inspired|style|esque)\b", re.I)
# Other parties as the subject of a use verb: "merchants who use WordPress", "Shopify's
# customers often run Kafka": their use, not the company's (rule 2).
OTHERS_USE = re.compile(
    r"\b(?:customers|users|merchants|clients|partners|sellers|shoppers|buyers|businesses|"
    r"companies|organi[sz]ations|enterprises|people|developers everywhere)\s+"
    r"(?:who\s+|that\s+)?(?:(?:often|also|now|still|already|typically|\w+ly)\s+)?$",
    re.I,
)
# What right before a use verb makes it no statement of use (rule 7): a negation ("does not
# use", "never adopted"), a plan or a possibility ("will adopt", "hopes to use").
UNSTATED_USE = re.compile(
    r"(?:n['\u2019]t|\bnot|\bnever|\bno longer|\b(?:will|would|could|might|may|plans? to|"
    r"planning to|aims? to|intends? to|hopes? to|wants? to|wanted to|going to))"
    r"\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
# A sentence about the system named before, saying what it uses or provides: "The service
# uses …", "The platform implements …" (rule 1).
SYSTEM_ANAPHOR = re.compile(
    r"\s*the (?:service|system|tool|proxy|engine|platform|library|framework|server|database)\s+"
    r"(?:\w+ly\s+)?(?:uses|relies on|runs on|is built on|leverages|combines|implements|provides|"
    r"supports|employs)\b",
    re.I,
)
# The generic noun a named system is apposed to: "our internal code review system, Phabricator".
SYSTEM_NOUN = (
    r"(?:system|service|tool|platform|engine|framework|library|database|store|layer|server|"
    r"cluster|solution|product|infrastructure|pipeline)s?"
)
# What a team writes or rewrites in a language or on a framework: "their Ruby on Rails API".
CODE_NOUN = (
    r"(?:APIs?|apps?|applications?|backends?|front-?ends?|services?|microservices?|codebases?|"
    r"monoliths?|clients?|servers?|stack|code|implementation)"
)
# A deployment of a technology: "our Kafka clusters", "a Cassandra fleet" (rule 3).
DEPLOYMENT = re.compile(
    r"(?:\([^()]{1,10}\)|[^\w\s]{1,3})?\s+(?:clusters?|fleets?|deployments?|instances?|nodes?|servers?|"
    r"platforms?|infrastructure|installations?|setups?|databases?)\b",
    re.I,
)
# Ontology parents of the kinds of hardware the actor rule does not give a company.
HARDWARE_KINDS = frozenset({"hardware", "hardware accelerator", "instruction set architecture"})
# Typeset hyphens (non-breaking, en dash) → "-", one character for one. An en dash between
# spaces sets off an apposition as a hyphen does ("Azure Cosmos DB – Microsoft's … service").
HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2013": "-"})
ANAPHOR = re.compile(r"\b(?:we|our|us|the team|engineers|they|their|the company)\b", re.I)
# A sentence addressed to the reader ("if you run Kafka", "your cluster"): what it names is
# the reader's, not the company's.
# "walk you through our setup" has the reader as object, which says nothing of whose it is.
READER = re.compile(
    r"\byour\b|(?:^|[,;:]\s*|\b(?:if|when|once|unless|and|so)\s+)you(?:['\u2019](?:re|ll|ve|d))?\b",
    re.I,
)
# What speakers will cover ("they will discuss ongoing initiatives in Ray …", "this talk
# will explore …"): the subject of a coming talk, not a use or practice the text states
# (rules 1, 7). A first-person talk ("we'll walk you through our Flink setup") still states
# the company's own systems.
TALK_PLAN = re.compile(
    r"\b(?:they|he|she|speakers?|presenters?|attendees|(?:the|this|our)\s+(?:talk|session|"
    r"presentation|keynote|panel|workshop))\s+(?:will|['\u2019]ll)\s+(?:also\s+|then\s+|"
    r"first\s+)?(?:discuss|cover|present|share|"
    r"explore|demo\w*|show|walk|talk|describe|explain|dive|look|review|introduce|highlight|"
    r"outline|learn|hear|see|examine|delve)\b",
    re.I,
)
# A technology the company sells as a managed service (rule 3: a product C sells is no
# use of C's): "the company offering managed Airflow instances", "provides hosted Kafka".
SOLD = re.compile(
    r"\b(?:offer\w*|sell\w*|provid\w*)\s+(?:a\s+|an\s+)?(?:fully[- ])?(?:managed|hosted)\s+$", re.I
)
# What a head reduces, avoids or works around is a problem, not a practice (rule 7): "reduce
# toil", "sidesteps Python's Global Interpreter Lock". The pattern ends where the phrase of
# the concept (or of its possessor) begins.
AVOIDED = re.compile(
    r"\b(?:reduc\w*|avoid\w*|prevent\w*|mitigat\w*|minimi[sz]\w*|combat\w*|fight\w*|"
    r"sidestep\w*|bypass\w*|circumvent\w*|overc[oa]m\w*|work(?:s|ed|ing)? around|suffer\w*|"
    r"plagued by|hit by)\s+(?:(?:the|its|their|our|any)\s+)?(?:[\w-]+\s+)?$",
    re.I,
)


def find_relations(
    post: Post, mentions: list[Mention], onto: Ontology | None = None
) -> list[Relation]:
    """The relations the post's title and summary state between its mentioned entities.

    ``onto`` tells which technologies are curated, well-known ones and who makes them: a
    company does not build a well-known technology another maker (or no one company) makes.
    """
    if len(mentions) < 2 and not mentions:
        return []
    state = _Post(post, mentions, onto)
    for unit in state.units:
        if len(unit.ents) >= 2 or (unit.ents and state.actor is not None):
            _sentence_rules(state, unit)
    _actor_rules(state)
    relations_applies.post_rules(state)
    _parenthesised_synonyms(state)
    return state.result()


def _parenthesised_synonyms(state: _Post) -> None:
    """ "introduces assisted generation (speculative decoding)": a concept glossed by another
    in parentheses names the same practice (an apposition, rule 4), so what applies the
    first applies the second."""
    pairs = []
    for unit in state.units:
        ents, text = unit.ents, unit.text
        for a, b in itertools.pairwise(ents):
            if (
                a.type == "CONCEPT"
                and b.type == "CONCEPT"
                and re.fullmatch(r"\s*\(\s*", text[a.e : b.s])
                and re.match(r"\s*\)", text[b.e :])
            ):
                pairs.append((a.name, b.name))
    for a, b in pairs:
        for rel in [r for (_, t, tail), r in state.found.items() if t == "applies" and tail == a]:
            state.add(rel.head, "applies", b, rel.sentence, rel.method)


class _Ent:
    __slots__ = ("e", "m", "s")

    def __init__(self, m: Mention, s: int, e: int):
        self.m, self.s, self.e = m, s, e

    @property
    def type(self) -> str:
        return self.m.type

    @property
    def name(self) -> str:
        return self.m.canonical


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
            for line in re.finditer(r"[^\n]+", text):
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
            e.name == self.actor
            and re.search(
                r"\b(?:team|teams|engineers|engineering|developers)\s+(?:at|from)\s+$",
                u.text[: e.s],
                re.I,
            )
            for u in self.units
            for e in u.ents
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

    def add(self, head: str, type_: str, tail: str, sentence: str, method: str) -> None:
        if head == tail or type_ not in RELATION_TYPES:
            return
        h, t = self.types.get(head), self.types.get(tail)
        if t == "COMPANY" or h is None or t is None or h == "CONCEPT":
            return
        if h == "COMPANY" and _institution(head):
            return  # a foundation, agency or fund stewards or regulates; it does not use
        if type_ == "built" and (h != "COMPANY" or t != "TECHNOLOGY"):
            return
        if type_ == "uses" and t != "TECHNOLOGY":
            if t == "CONCEPT" and not method.startswith("actor"):
                type_ = "applies"
            else:
                return
        if type_ == "applies" and (t != "CONCEPT" or NOT_APPLIED.search(tail.lower())):
            return
        if (
            type_.startswith("migrated")
            and t == "CONCEPT"
            and not MIGRATION_CONCEPTS.search(tail.lower())
        ):
            if type_ != "migrated_to":
                return
            type_ = "applies"  # another replaced concept: the new one is applied (rule 6)
        key = (head, type_, tail)
        conf = relation_confidence(method, type_)
        if conf < RELATION_FLOOR and h == "TECHNOLOGY" and not method.startswith("subject"):
            self.claimed.add(tail)
        if key not in self.found and conf >= RELATION_FLOOR:
            sentence = self.raw.get(sentence, sentence)  # as written, typeset hyphens and all
            self.found[key] = Relation(
                self.post.id, head, h, type_, tail, t, sentence, method, conf
            )

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
            out.append(rel)
        return sorted(out, key=lambda r: (r.head, r.type, r.tail))


def _for_tech(unit: _Unit) -> list[_Ent]:
    """The concepts of ``unit`` followed by "for" and a named technology (after an
    article or possessive, and the company that owns it): "Data Residency for Atlassian
    Cloud", "monitoring for the Pinterest EC2 fleet"."""
    text, ents, out = unit.text, unit.ents, []
    for i, e in enumerate(ents[:-1]):
        if e.type != "CONCEPT":
            continue
        if not re.fullmatch(r"\s+for\s+(?:(?:the|our|its|their)\s+)?", text[e.e : ents[i + 1].s]):
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


def _institution(name: str) -> bool:
    """``Apache Software Foundation``, ``National Institute of Standards and Technology``,
    ``Unusual Ventures``: a steward, regulator or investor, not a builder or user."""
    return any(w.lower() in INSTITUTION_WORDS for w in name.split()[1:])


def _actor(units: list[_Unit]) -> str | None:
    """The company the post is about: the title's first company, else the summary's most
    named one, when no other company is named as often. In the summary, a company named
    only as a place to run on ("a database running on Azure") is a provider, not the actor;
    in the title ("Model Serving on Databricks") it is what the post is about."""
    title, counts, authors = [], Counter(), []
    for unit in units:
        for e in unit.ents:
            if e.type != "COMPANY":
                continue
            # "From the engineering team at Instacart", "engineers at Lyft": the authors'
            if re.search(
                r"\b(?:team|teams|engineers|engineering|developers)\s+(?:at|from)\s+$",
                unit.text[: e.s],
                re.I,
            ):
                authors.append(e.name)
            # "an infrastructure in AWS", "to the new Salesforce platform": a host or a
            # destination, not the company the post is about
            if unit.field != "title" and re.search(
                r"\b(?:on|onto|atop|via|to|from|in)\s+(?:the\s+)?(?:new\s+)?$",
                unit.text[: e.s],
                re.I,
            ):
                continue
            # "a search engine akin to Elasticsearch or Algolia": a comparison, not the actor
            if re.search(
                r"\b(?:akin to|like|unlike|than|such as|similar to|versus|vs\.?|alternative to)\s+"
                r"(?:[\w.-]+,?\s+){0,3}?(?:(?:or|and)\s+)?$",
                unit.text[: e.s],
                re.I,
            ):
                continue
            if unit.field == "title":
                if re.search(r"\bfrom\b.{1,60}\b(?:to|into|onto)\s+$", unit.text[: e.s], re.I):
                    continue  # "Data Streaming from Mainframe to Salesforce": a destination
                if re.match(r"\s*(?:#\s*\d+|issue\s+\d+)\b", unit.text[e.e :], re.I):
                    continue  # "Data Eng Weekly #356": an issue of a publication, no actor
                title.append((e.s, e.name))
            counts[e.name] += 1
    if title:
        return min(title)[1]
    if len(set(authors)) == 1:
        return authors[0]
    if not counts:
        return None
    (first, n), *rest = [*counts.most_common(2), (None, 0)]
    if not rest or rest[0][1] < n or len(counts) == 1:
        return first
    # A tie: the company the summary opens with, as its subject ("Lago, an open-source
    # billing platform, faced …"), is what the post is about; one named later is an example.
    summary = [u for u in units if u.field != "title"]
    if summary and summary[0].ents:
        lead = summary[0].ents[0]
        opens = lead.type == "COMPANY" and not summary[0].text[: lead.s].strip()
        if opens and counts[lead.name] == n:
            return lead.name
    return None


def _sentence_rules(state: _Post, unit: _Unit) -> None:
    text, ents = unit.text, unit.ents
    low = text.lower()
    add = state.add
    on_heads: dict[int, str] = {}  # technologies a "written in / built on" phrase gave a head
    for i, e in enumerate(ents):
        after = text[e.e :]
        before = text[: e.s]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        gap = text[e.e : nxt.s] if nxt else ""
        # "Zig-based X" / "a Rust-based proxy": the compound's noun uses the tech.
        if (
            e.type == "TECHNOLOGY"
            and COMPOUND.match(after)
            # "the Mountain View-based company Confluent": where it is, not what it uses
            and not re.match(
                r"-based\s+(?:[\w-]+\s+)?(?:company|companies|startup|firm|vendor|team)\b",
                after,
                re.I,
            )
        ):
            owner = _next_of(ents, i, ("TECHNOLOGY", "CONCEPT"), text, within=40)
            if owner is not None and not re.fullmatch(
                # "a Preact-based web framework called Fresh": the name of the noun
                r"-[\w]+\s+(?:[\w-]+\s+)?|-[\w]+\s+(?:[a-z][\w-]*\s+){1,3}(?:called|named)\s+",
                text[e.e : owner.s],
            ):
                owner = None  # "SSH-based architecture to a modern REST…": not its noun
            # "Pingora, a Rust-based HTTP proxy": the appositive's head comes first.
            tech_owner = _appositive_head(ents, i, text)
            if (
                tech_owner is None
                and owner is not None
                and owner.type == "TECHNOLOGY"
                # "Python-based Kafka Apps": the compound's noun is the apps, not Kafka
                and not _qualifies_next(text, owner.e)
            ):
                tech_owner = owner
            if tech_owner is not None:
                add(tech_owner.name, "uses", e.name, text, "compound")
                if owner is not None and owner.type == "CONCEPT":
                    add(tech_owner.name, "applies", owner.name, text, "compound")
            else:
                actor = _subject(state, ents, i, text)
                # "Previously, FFmpeg-based transcoding systems discarded …": a system the
                # sentence does not tie to a company (by its name, "we", "its") is not the
                # post's company's (rule 1).
                if (
                    actor
                    and (any(f.type == "COMPANY" for f in ents) or ANAPHOR.search(text) is not None)
                    and not TALK_PLAN.search(text)
                ):
                    # "a new Rust-based proxy": the proxy is a system of the company's, not
                    # its practice, so the company gets only the technology.
                    add(actor, "uses", e.name, text, "compound")
        # "OOMProf, a Go library": the apposed noun is made in or with the technology
        if e.type == "TECHNOLOGY" and _MADE_NOUN.match(after) and not LIKENESS.match(after):
            made = _appositive_head(ents, i, text)
            # "REST: A Modernization of Slack's EMR Data Pipelines": a noun in a phrase of
            # the apposed noun ("of", a possessive) is not the apposed noun
            if made is not None and not re.search(
                r"\bof\b|['\u2019]s?\s", text[made.e : e.s], re.I
            ):
                add(made.name, "uses", e.name, text, "compound")
        # "Envoy, a home-grown … proxy", "Robinhood, our in-house load balancing service":
        # an appositive that says the company made it (rule 3: more than a possessive).
        if (
            e.type == "TECHNOLOGY"
            and state.actor
            and re.match(
                r",\s+(?:a|an|our|its|their)\s+(?:[\w-]+,?\s+){0,2}?(?:home-?grown|in-house|"
                r"built in-house|internally (?:built|developed))\b",
                after,
                re.I,
            )
        ):
            add(state.actor, "built", e.name, text, "built:own")
        # "dbt is a fundamental piece of Monzo's data platform", "Kafka is the backbone of
        # our stack": a part of the company's own system is one it uses (rule 3)
        if e.type == "TECHNOLOGY":
            part = re.match(
                r"\s+(?:is|are|was|has been|became|remains)\s+(?:now\s+)?(?:a|an|the)\s+"
                r"(?:[\w-]+\s+){0,2}?(?:part|piece|component|backbone|foundation|cornerstone|"
                r"core|pillar|heart)\s+of\s+(?:(?P<our>our)\s+|(?:the\s+)?)",
                after,
                re.I,
            )
            if part is not None:
                owner = next((f for f in ents[i + 1 :] if f.s >= e.e + part.end()), None)
                if part.group("our") and state.actor:
                    add(state.actor, "uses", e.name, text, "possessive")
                elif (
                    owner is not None
                    and owner.type == "COMPANY"
                    and owner.s == e.e + part.end()
                    and _possessive_mark(owner, text[owner.e :]) is not None
                ):
                    add(owner.name, "uses", e.name, text, "possessive")
        # "Maestro is a library we have developed to handle all playback": the noun the
        # technology is, made by "we" (rule 1's anaphora: the post's company)
        if (
            e.type == "TECHNOLOGY"
            and state.actor
            and re.match(
                r"(?:,|\s+(?:is|was))\s+(?:an?|the)\s+(?:[\w-]+\s+){1,4}?(?:that\s+|which\s+)?"
                r"we(?:['\u2019]ve|\s+have)?\s+(?:\w+ly\s+)?(?:built|developed|created|designed|"
                r"engineered|wrote|written)\b",
                after,
                re.I,
            )
        ):
            add(state.actor, "built", e.name, text, "built:own")
        # "Kafka uses ZooKeeper", "Vitess relies on MySQL": a technology as the subject of
        # a use verb (rule 2: the fact is the technology's, not its owner's).
        if (
            e.type == "TECHNOLOGY"
            and i
            and ents[i - 1].type == "TECHNOLOGY"
            and TECH_USES.fullmatch(text[ents[i - 1].e : e.s])
            and _opens_clause(text, ents[i - 1].s)
        ):
            add(ents[i - 1].name, "uses", e.name, text, "verb:tech")
        listed = i - 1 in on_heads and _continues_list(text[ents[i - 1].e : e.s])
        if e.type == "TECHNOLOGY" and listed:
            # "built on Kafka, Flink and Iceberg": a list after the phrase shares its head
            add(on_heads[i - 1], "uses", e.name, text, "modifier")
            on_heads[i] = on_heads[i - 1]
        elif (
            e.type == "TECHNOLOGY"
            and i
            and ents[i - 1].type == "TECHNOLOGY"
            and re.fullmatch(r"\s+on\s+", text[ents[i - 1].e : e.s])
            and text[e.e : e.e + 1] != "-"  # "Kafka on Kubernetes-based …": a compound
        ):
            # "Kafka on Kubernetes", "KServe or Knative on Kubernetes": one technology
            # deployed on another (the short form of "running on")
            add(ents[i - 1].name, "uses", e.name, text, "modifier:on")
            j = i - 1
            while (
                j
                and ents[j - 1].type == "TECHNOLOGY"
                and _continues_list(text[ents[j - 1].e : ents[j].s])
            ):
                j -= 1
                add(ents[j].name, "uses", e.name, text, "modifier:on")
        elif e.type == "TECHNOLOGY" and (
            ON_TECH.search(before[-60:]) or ON_TECH_EXAMPLES.search(before[-90:])
        ):
            prev = (
                _apposed_modifier(ents, i, text)
                or _appositive_head(ents, i, text)
                or _right_before(ents, i, text)
            )
            focus = _focus(state, unit) if prev is None else None
            owner = ents[i - 1] if i else None
            if prev is not None:
                add(prev.name, "uses", e.name, text, "modifier")
                on_heads[i] = prev.name
            elif (
                owner is not None
                and owner.type == "COMPANY"
                and re.fullmatch(
                    # "Duolingo's backend was written in Python", "Shopify's search was
                    # built around Apache Solr": the company's own unnamed system (rule 3's
                    # possessive)
                    r"(?:['\u2019]s?\s+(?:[\w-]+\s+){0,2}?[\w-]+)?"
                    r"\s+(?:is|are|was|were|has been)\s+(?:\w+ly\s+)?" + ON_TECH.pattern[2:],
                    # a mention may hold its possessive ("Duolingo's")
                    ("'s" if re.search(r"['\u2019]s?$", text[owner.s : owner.e]) else "")
                    + text[owner.e : e.s],
                    re.I,
                )
            ):
                add(owner.name, "uses", e.name, text, "modifier")  # "GitHub is powered by MySQL"
                on_heads[i] = owner.name  # "… are written in Scala, Clojure, or JRuby"
            elif focus is not None:
                add(focus, "uses", e.name, text, "modifier:anaphora")
                on_heads[i] = focus
            elif (
                (
                    re.search(
                        r"\b(?:uses|using|relies on|leverag\w*)\s+(?:the |a |an |its |their )?$",
                        before[-40:],
                        re.I,
                    )
                    # "a blob storage service that uses AWS S3": the relative's subject is the
                    # unnamed system before it, not the company
                    and not re.search(
                        r"\b(?:that|which)\s+(?:uses|relies on)\s+\S*\s*$", before[-40:]
                    )
                )
                or re.search(
                    # "Airbnb built a new service mesh based on Envoy": the phrase is stated of
                    # the system the company's verb built, its own unnamed system
                    rf"\b{BUILD_VERB}\s+(?:a|an|its|their|our)\s+(?:[\w-]+\s+){{0,4}}?"
                    + ON_TECH.pattern[2:],
                    before[-100:],
                    re.I,
                )
            ):
                # "written in Go" of an unnamed system is not the company's; "uses Go" is.
                actor = _subject(state, ents, i, text)
                if actor:
                    add(actor, "uses", e.name, text, "modifier")
                    on_heads[i] = actor
        # "T, a multi-tenant feature-flag service" / "T is a X" / "T (a X)".
        if e.type == "TECHNOLOGY" and nxt is not None and nxt.type == "CONCEPT":
            method = None
            if re.match(
                r"^(?:(?:,|:| is| was| are|,? which is| —| -)\s*(?:a|an|the|its|our|their)\b|"
                r" \(\s*(?:a|an|the)?\b)(?:[^,.;()]|,(?!\s*(?:and|or|but|which|while|who)\b)){0,60}$",
                gap,
                re.I,
            ) and not re.match(r"^[,:(\s—-]*\w+ing\b", gap):  # "Go, building a …": a verb
                # "Envoy, a home-grown, self-contained proxy server": commas between the
                # adjectives are still one appositive. But "Kafka is the lifeblood of X" does
                # not say what Kafka is, unless the noun is a kind ("a form of X").
                if (
                    not re.search(
                        r"\b(?:a|an|the)\s+(?!(?:kind|type|form|sort|variant|implementation|"
                        r"family|class)\b)[\w-]+\s+of\b",
                        gap,
                        re.I,
                    )
                    and not _relative_object(gap)
                    # "Kubernetes is a great choice for any distributed system": the
                    # concept is what it suits, the user's, not what it is
                    and not re.search(
                        r"\b(?:choices?|fits?|options?|alternatives?|replacements?)\s+for\b",
                        gap,
                        re.I,
                    )
                ):
                    method = "apposition"
            elif re.match(
                r"^(?:\s+(?:has\s+|have\s+)?(?:established (?:itself|themselves)|serves?|served|"
                r"acts?|acted|functions?|functioned))?\s+as\s+(?:a|an|the|its|their|our)\b"
                # "as a backbone for asynchronous communication between microservices": a
                # concept after "between", "of", "to" … is what the role links, not the role
                r"(?:(?!\s(?:between|of|with|to|across|among)\s)[^,.;()]){0,50}$",
                gap,
                re.I,
            ):
                # "introduced Couchbase as a centralized storage tier cache", "OpenTelemetry
                # has established itself as the instrumentation standard": the role it has.
                method = "apposition:as"
            elif re.match(
                r"^,?\s*(?:(?:is|are|was|were)\s+(?:\w+ly\s+)?used\s+(?:\w+ly\s+)?)?(?:for|to)\s+"
                r"[^,.;]{0,20}$",
                gap,
            ) and not (
                gap.lstrip().startswith("to")
                and (re.search(rf"\b{USE_VERB}\s+$", before, re.I) or ON_TECH.search(before[-40:]))
            ):
                # a purpose: "Mussel, to unify streaming …"; but in "used Envoy to rethink …",
                # "written in Python to …" the purpose is the user's, not the technology's.
                method = "modifier"
            if method == "modifier" and _modifies_noun(text, nxt.e):
                # "Hubble for event-driven certification": the purpose is the noun the
                # concept qualifies; the phrase is still Hubble's, not the company's.
                state.claimed.add(nxt.name)
                method = None
            if method:
                add(e.name, "applies", nxt.name, text, method)
                # the phrase's further concepts: "a Rust-based HTTP proxy", "X and Y"
                last = ents[i + 1]
                purpose = False
                for f in ents[i + 2 :]:
                    if f.type != "CONCEPT":
                        break
                    if re.fullmatch(
                        r"\s*,?\s*(?:and\s+|or\s+)?(?:[\w-]+\s+){0,2}", text[last.e : f.s]
                    ):
                        add(e.name, "applies", f.name, text, f"{method}:for" if purpose else method)
                    elif (
                        method == "apposition"
                        and not purpose
                        and re.fullmatch(
                            r"(?:\s+[\w-]+){0,2}\s+"
                            + SYSTEM_NOUN
                            + r"\s+for\s+(?:[a-z][\w-]*\s+)?",
                            text[last.e : f.s],
                        )
                    ):
                        # "Debezium is an open source platform for reliable change data
                        # capture": the purpose of what T is, T's own activity (rules 4, 7)
                        purpose = True
                        add(e.name, "applies", f.name, text, "apposition:for")
                    elif (
                        method == "apposition"
                        and (
                            # "Cheetah, a load balancer that supports advanced load balancing":
                            # what the apposed noun does is the technology's (rule 4)
                            re.fullmatch(
                                r"(?:\s+[\w-]+){0,2}?,?\s+(?:that|which)\s+(?:supports?|provides?|"
                                r"implements?|offers?|performs?|enables?)\s+(?:[\w-]+\s+){0,2}",
                                text[last.e : f.s],
                            )
                            # "… service that's popular for use cases like X, Y and Z": each
                            or re.fullmatch(
                                r"(?:\s+[\w'\u2019-]+){0,4}?\s+(?:for\s+)?use cases,?\s+"
                                r"(?:like|such as|including)\s+(?:[\w-]+\s+){0,1}",
                                text[last.e : f.s],
                            )
                        )
                    ):
                        add(e.name, "applies", f.name, text, "apposition")
                    else:
                        break
                    last = f
        # "Espresso, LinkedIn's distributed data store": the company's own system (rule 3),
        # of the concept's kind (rule 4).
        if (
            e.type == "TECHNOLOGY"
            and nxt is not None
            and nxt.type == "COMPANY"
            and re.fullmatch(r"\s*(?:,|\s-|\s—|\()\s*", gap)  # "Espresso (LinkedIn's …)"
            and i + 2 < len(ents)
            and ents[i + 2].type == "CONCEPT"
        ):
            owned = text[nxt.e : ents[i + 2].s]
            mark = _possessive_mark(nxt, owned)
            # "Microsoft's globally distributed, multi-model database service": adjectives
            # between commas still qualify the one noun
            if mark is not None and re.fullmatch(r"\s+(?:[\w-]+,?\s+){0,3}", owned[mark:]):
                add(e.name, "applies", ents[i + 2].name, text, "apposition")
                # each concept of such a comma chain qualifies it too ("globally
                # distributed, multi-model database")
                k = i + 2
                while (
                    k + 1 < len(ents)
                    and ents[k + 1].type == "CONCEPT"
                    and re.fullmatch(r",\s+", text[ents[k].e : ents[k + 1].s])
                ):
                    k += 1
                    add(e.name, "applies", ents[k].name, text, "apposition")
                add(nxt.name, "uses", e.name, text, "possessive")
        # "uMetric, Uber's internal unified metric platform": the company's own system
        # (rule 3), with no concept named.
        elif (
            e.type == "TECHNOLOGY"
            and nxt is not None
            and nxt.type == "COMPANY"
            and re.fullmatch(r"\s*(?:,|\s-|\s—|\()\s*", gap)  # "Espresso (LinkedIn's …)"
            and not _named_after(e.name, nxt.name)
        ):
            mark = _possessive_mark(nxt, text[nxt.e :])
            if mark is not None and re.match(
                r"\s+(?:[\w-]+\s+){0,4}?" + SYSTEM_NOUN + r"\b", text[nxt.e + mark :], re.I
            ):
                add(nxt.name, "uses", e.name, text, "possessive")
        # "X called T" / "X, T" (concept then tech apposition): T applies X.
        if e.type == "CONCEPT" and nxt is not None and nxt.type == "TECHNOLOGY":
            if (
                re.match(
                    r"^(?:\s*\([^()]{1,15}\))?(?:\s+" + SYSTEM_NOUN + r")?"
                    r"(?:,|\s+called|\s+named|,\s+called|\s*\(|\s*,?\s*codenamed)"
                    r"\s*\"?$",
                    gap,
                    re.I,
                )
                and not _in_list(unit, i, i + 1)
                and not _qualifies_next(text, nxt.e)
                # "… consumer protocol, Streams applications are …": T qualifies a plural
                and not re.match(r"\s+[a-z]+s\s+(?:are|were|have|can|will|do)\b", text[nxt.e :])
                # "Instead of creating files for every micro-batch, DuckLake stores …": the
                # comma closes an opening clause, it does not appose
                and not re.match(_OPENING_CLAUSE, text[: e.s], re.I)
                # "unpatched firewalls (ZDNet, Sep 09 2019)": a digest's source and date
                and not re.match(r"\s*,\s*(?:[A-Z][a-z]{2,8}\.?\s+)?\d", text[nxt.e :])
            ):
                add(nxt.name, "applies", e.name, text, "apposition")
                # "a multi-tenant key-value store (Mussel)": the concepts that qualify the
                # apposed noun are the named technology's too (rule 5)
                j = i
                while (
                    j > 0
                    and ents[j - 1].type == "CONCEPT"
                    and re.fullmatch(r"\s+", text[ents[j - 1].e : ents[j].s])
                ):
                    j -= 1
                    add(nxt.name, "applies", ents[j].name, text, "apposition")
                # "Airbnb's … store (Mussel)": the company's own system (rule 3)
                if j > 0 and ents[j - 1].type == "COMPANY":
                    mark = _possessive_mark(ents[j - 1], text[ents[j - 1].e : ents[j].s])
                    # "Datadog's third-generation event store, Husky": adjectives between
                    if mark is not None and re.fullmatch(
                        r"\s*(?:[\w-]+\s+){0,2}", text[ents[j - 1].e + mark : ents[j].s]
                    ):
                        add(ents[j - 1].name, "uses", nxt.name, text, "possessive")
            # "builds inverted indexes with Tantivy": the concept is realised by the
            # technology (rule 5).
            elif re.fullmatch(r"\s+(?:with|using|via)\s+", gap, re.I):
                add(nxt.name, "applies", e.name, text, "modifier")
            if re.match(r"^,? ?(?:such as|like|including)\s*$", gap, re.I):
                # "data warehouses such as Apache Hive and Snowflake": examples count as "is
                # a" (rule 4), every one of the list. Not when the concept only qualifies the
                # class noun before the list ("open source tools including Docker, Mesos",
                # "open-source projects like PostHog"): on sets the rule was not written for
                # those were wrong each time (0 of 6), the class is not the concept.
                for f in _list_at(unit, nxt.s, len(text)):
                    if f.type == "TECHNOLOGY":
                        add(f.name, "applies", e.name, text, "apposition")
    _named_concept(state, unit)
    _in_production(state, unit)
    if unit.field == "title":
        _title_gerund(state, unit)
        _title_at(state, unit)
        _title_colon(state, unit)
        relations_applies.title_with(state, unit)
    _migrations(state, unit, low)
    _verbs(state, unit)
    _powers(state, unit)
    _builds_concept(state, unit)
    _applies_verb(state, unit)


def _named_concept(state: _Post, unit: _Unit) -> None:
    """ "the Vespa search engine", "Cilium service mesh", "Docker containers": a technology's
    name right before a concept noun names the thing of that kind it is or realises (rules
    4 and 5), as "Paxos consensus" does."""
    text, ents = unit.text, unit.ents
    for e, nxt in itertools.pairwise(ents):
        if (
            e.type != "TECHNOLOGY"
            or nxt.type != "CONCEPT"
            or text[e.e : nxt.s] != " "
            or _modifies_noun(text, nxt.e)
            or re.search(r"['\u2019]s?$|-$", text[e.s : e.e])
            or not state.kind_of(e, nxt.name)
        ):
            continue
        state.add(e.name, "applies", nxt.name, text, "compound:named")


def _title_gerund(state: _Post, unit: _Unit) -> None:
    """A title that says what was done to a named system: "Applying CircuitBreaker to
    Channel Gateway" (the system applies the concept), "Speeding T with Message Queuing",
    "Scaling T with U" (the system applies the concept, or uses the technology)."""
    text, ents = unit.text, unit.ents
    for a, b in itertools.pairwise(ents):
        lead = text[: a.s]
        gap = text[a.e : b.s]
        if (
            a.type == "CONCEPT"
            and b.type == "TECHNOLOGY"
            and re.fullmatch(
                r"\s*(?:How\s+(?:we|to)\s+)?(?:Apply|Implement|Add|Bring|Introduc)\w*\s+"
                r"(?:the\s+|a\s+|an\s+)?",
                lead,
                re.I,
            )
            and re.fullmatch(r"\s+(?:to|in|into|on)\s+(?:the\s+|our\s+)?", gap, re.I)
        ):
            state.add(b.name, "applies", a.name, text, "title:gerund")
        elif (
            a.type == "TECHNOLOGY"
            and re.fullmatch(r"\s*(?:How\s+(?:we|to)\s+)?[A-Z][a-z]+ing\s+(?:the\s+|our\s+)?", lead)
            and re.fullmatch(r"\s+with\s+(?:the\s+|a\s+|an\s+)?", gap, re.I)
            and not COMPOUND.match(text[b.e :])
        ):
            typ = "applies" if b.type == "CONCEPT" else "uses"
            state.add(a.name, typ, b.name, text, "title:gerund")


def _in_production(state: _Post, unit: _Unit) -> None:
    """ "Rust in Production at Figma", "Brooklin - a … service - has been running in
    production at LinkedIn": the company runs the technology the phrase is said of, the one
    right before it or the sentence's subject."""
    text, ents = unit.text, unit.ents
    if "production" not in text.lower():
        return
    for i, c in enumerate(ents):
        if c.type != "COMPANY" or not re.search(
            r"\bin production (?:at|by)\s+$", text[: c.s], re.I
        ):
            continue
        phrase = re.search(
            r"(?:\s+(?:running|deployed|used))?\s+in production (?:at|by)\s+$", text[: c.s], re.I
        )
        before = [e for e in ents[:i] if e.e <= phrase.start()]
        tech = None
        if before and before[-1].type == "TECHNOLOGY" and before[-1].e == phrase.start():
            tech = before[-1]
        elif re.search(r"\b(?:has been|have been|is|are|was|were)\s*$", text[: phrase.start()]):
            tech = _subject_tech(unit)
            if tech is None and ents[0].type == "TECHNOLOGY" and not text[: ents[0].s].strip():
                tech = ents[0]  # "Brooklin - a … service - has been running …"
        if tech is not None:
            state.add(c.name, "uses", tech.name, text, "verb:passive")


def _title_at(state: _Post, unit: _Unit) -> None:
    """ "Kafka at Yelp", "Scaling Elasticsearch Clusters at Shopify", "Kafka and Flink at
    Uber": a title that names a technology at a company says the company runs it (the
    title names what the summary describes, rule 1; "T, deployed at C" in a title's words)."""
    text, ents = unit.text, unit.ents
    for k, c in enumerate(ents):
        if c.type != "COMPANY" or not re.search(r"\bat\s+$", text[: c.s], re.I):
            continue
        at = text[: c.s].rstrip()[:-2].rstrip()
        techs = [f for f in ents[:k] if f.type == "TECHNOLOGY" and f.e <= len(at)]
        if not techs or any(
            f.type == "COMPANY" or (f.type == "CONCEPT" and f.s > techs[-1].e) for f in ents[:k]
        ):
            continue
        last = techs[-1]
        # the technology, or a noun or two of its ("Kafka clusters", "Elasticsearch indexes",
        # in headline case "ZooKeeper Resilience")
        if not re.fullmatch(r"(?:\s+[A-Za-z][\w-]*){0,2}", at[last.e :]):
            continue
        group = [last]
        for f in reversed(techs[:-1]):
            if not re.fullmatch(r"\s*(?:,|and|&|\+)\s*(?:and\s+)?", text[f.e : group[-1].s]):
                break
            group.append(f)
        # "… with Apache Pinot at LinkedIn and Uber": each company of the list
        for company in _companies_at(unit, c.s) or [c]:
            for f in group:
                state.add(company.name, "uses", f.name, text, "title:at")


def _title_colon(state: _Post, unit: _Unit) -> None:
    """ "Raft: In Search of an Understandable Consensus Algorithm", "SPIFFE: Zero Trust
    Workload Identification": a title that opens with a technology and a colon describes it
    in the subtitle (rule 4, "T: A X"), so T applies the subtitle's first concepts."""
    text, ents = unit.text, unit.ents
    if len(ents) < 2 or ents[0].type != "TECHNOLOGY":
        return
    tech = ents[0]
    colon = re.match(r"(?:['\u2019]s)?(?:\s+[\w.-]+)?\s*:\s+", text[tech.e :])
    if text[: tech.s].strip() or colon is None:
        return
    start = tech.e + colon.end()
    for f in ents[1:]:
        if f.type != "CONCEPT":
            return
        if len(re.findall(r"[\w'-]+", text[start : f.s])) > 5:
            return
        if _relative_object(" " + text[tech.e + colon.end() : f.s]):
            return  # "The Tricks That Broke the Memory Wall": what the tricks act on
        nxt = ents[ents.index(f) + 1] if f is not ents[-1] else None
        if not (nxt is not None and nxt.type == "CONCEPT" and not text[f.e : nxt.s].strip()):
            # not "Distributed Systems Consensus": a concept that qualifies the next one
            state.add(tech.name, "applies", f.name, text, "apposition:title")
        start = f.e


def _relative_object(gap: str) -> bool:
    """Whether the concept after ``gap`` is the object of a relative clause inside the
    appositive whose verb does not say the technology realises it: "FlashInfer, the libraries
    that actually make LLM inference fast", "The Tricks That Broke the Memory Wall" (what
    the system acts on, not what it is). "…, a store that implements X" still applies."""
    m = re.search(r"\b(?:that|which|who)\s+(?:\w+ly\s+)?([\w-]+)", gap[1:], re.I)
    if m is None:
        return False
    return not re.fullmatch(
        rf"{APPLY_VERB}|is|are|was|were|has|have|offers?|brings?|adds?", m.group(1), re.I
    )


# A clause that opens a sentence before its subject ("Instead of …, T stores"); "As a
# distributed system, Kafka …" is left out: that one does say what T is.
_OPENING_CLAUSE = (
    r"\s*(?:instead of|after|before|when|while|if|by|unlike|although|because|since|once|"
    r"to|for|with|in order to)\b[^,;]*$"
)


def _qualifies_next(text: str, end: int) -> bool:
    """Whether the technology ending at ``end`` only qualifies the noun after it: in
    "continuous verification, SPIFFE workload identity" or "consumer protocol, Streams
    applications are …" the phrase is about the noun, so it is no apposition (rule 4)."""
    return (
        re.match(
            r"\s+(?!(?:and|or|is|are|was|were|has|have|had|which|that|who|to|for|in|on|at|with|"
            r"as|by|from|of|via|into|the|a|an|its|their|our|it|now|also|since|can|will|"
            r"[a-z]+ly|[a-z]+ed|[a-z]+s)\b)[A-Za-z][\w-]*",
            text[end:],
        )
        is not None
    )


def _modifies_noun(text: str, end: int) -> bool:
    """Whether the concept ending at ``end`` only qualifies the noun after it ("event-driven
    certification", "storage layer"): the phrase is about that noun, not the concept."""
    return (
        re.match(
            r"\s+(?!(?:and|or|in|on|at|for|to|with|of|by|via|from|across|while|that|which|is|are|"
            r"was|were|as|using|through|into|without|within)\b)[a-z][\w-]*",
            text[end:],
        )
        is not None
    )


def _possessive_mark(ent: _Ent, gap: str) -> int | None:
    """How many characters of ``gap`` (the text after ``ent``) mark it as a possessive: 2 for
    "C's", 1 for "Databricks' Dicer", 0 when the mention holds the mark itself; None if it
    is no possessive."""
    if ent.m.text.endswith(("'s", "\u2019s", "s'", "s\u2019")):
        return 0
    if gap[:2] in ("'s", "\u2019s"):
        return 2
    if ent.m.text.endswith("s") and re.match(r"['\u2019]\s", gap):
        return 1
    return None


def _in_list(unit: _Unit, i: int, j: int) -> bool:
    """Whether "X, T" (``ents[i]``, ``ents[j]``) is two items of a list ("memtable, WAL,
    SSTables, compaction") rather than an apposition: a comma before X, or one after T
    that goes on to a further item, or "and"/"or" right after T."""
    text, ents = unit.text, unit.ents
    if not re.match(r"^\s*,", text[ents[i].e : ents[j].s]):
        return False  # "X called T", "X (T)": no list
    if re.search(r"(?:,|&)\s*(?:and\s+|or\s+)?(?:[\w-]+\s+){0,2}$", text[: ents[i].s]):
        return True  # "…, X, T", "pruning & X, T"
    # "Datadog's event store, Husky, is designed …": a comma before the predicate closes the
    # apposition, it does not go on to a further item
    return (
        re.match(
            r"\s*(?:,\s*(?:and\s+|or\s+)?(?!(?:is|are|was|were|has|have|had|can|will|now|"
            r"also|which|that|who)\b)[\w-]|(?:and|or)\b)",
            text[ents[j].e :],
        )
        is not None
    )


def _appositive_head(ents, i, text):
    """The technology whose appositive ``ents[i]`` opens: "T, a …", "T (an …", "T is a …"."""
    for j in range(i - 1, -1, -1):
        f = ents[j]
        if f.type == "TECHNOLOGY" and text[f.e : f.e + 1] == "-":
            continue  # "Cassandra-compatible": a modifier inside the appositive
        if f.type == "TECHNOLOGY":
            gap = text[f.e : ents[i].s]
            # "ClickStack, a fully open source, OpenTelemetry-native stack": commas between
            # the adjectives still make one appositive
            if re.fullmatch(
                r"\s*(?:,|\(|:|\s—|\s-|\s+is|\s+was)\s*(?:a|an|the|its|their|our)\b"
                r"(?:[^,;.()]|,(?!\s*(?:and|or|but|which|while|who|that)\b)){0,60}",
                gap,
                re.I,
            ):
                return f
            return None
    return None


# The noun a technology's name qualifies in "a Go library", "a Rust service".
# "an open-source eBPF auto-instrumentation tool": a word or two may name what the noun does
_MADE_NOUN = re.compile(
    r"\s+(?:[a-z][a-z-]*\s+){0,2}(?:librar(?:y|ies)|SDKs?|toolkits?|tools?|"
    + SYSTEM_NOUN
    + "|"
    + CODE_NOUN
    + r")\b",
    re.I,
)


def _apposed_modifier(ents, i, text):
    """ "OOMProf, a Go library that uses eBPF": the technology right before ``ents[i]`` only
    qualifies the apposed noun, whose head is the technology the appositive follows (rule
    2); that head, or None."""
    if i < 2 or ents[i - 1].type != "TECHNOLOGY" or not _MADE_NOUN.match(text[ents[i - 1].e :]):
        return None
    return _appositive_head(ents, i - 1, text)


def _opens_clause(text: str, start: int) -> bool:
    """Whether the mention at ``start`` opens its clause (after at most an article or "the
    open source"), as a subject does: "Behind the scenes, Kafka uses …", "The Vitess …"."""
    lead = re.split(r"[;:,(]|\.\s|\s[-\u2013\u2014]\s", text[:start])[-1]
    return (
        re.fullmatch(r"\s*(?:(?:the|a|an|its|their|our)\s+)?(?:[\w-]+\s+)?", lead, re.I) is not None
    )


def _continues_list(gap: str) -> bool:
    """Whether ``gap`` joins two items of one list: ", ", " and ", ", or "."""
    return re.fullmatch(r"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)(?:the\s+)?", gap) is not None


def _right_before(ents, i, text):
    """The technology a phrase like "written in X" follows directly ("Tidewater written in",
    "Workers runs on"): at most two words and no punctuation between them."""
    j = i - 1
    # "their Metaserver monolith written in Python": a concept noun may name its kind
    if (
        j > 0
        and ents[j].type == "CONCEPT"
        and re.fullmatch(r"\s+", text[ents[j - 1].e : ents[j].s])
    ):
        j -= 1
    if i == 0 or ents[j].type != "TECHNOLOGY":
        return None
    gap = text[ents[j].e : ents[i].s]
    phrase = ON_TECH.search(gap)
    if phrase is None:
        return None
    lead = gap[: phrase.start()]
    if ents[j].m.method == "ontology" and re.search(r"\b" + CODE_NOUN + r"\b", lead, re.I):
        # "a Ruby on Rails application running on the MRI": a well-known framework or
        # language only qualifies the code noun, whose owner's the phrase is (rule 2)
        return None
    return ents[j] if re.fullmatch(r",?(?:\s+[\w-]+){0,2}\s*", lead) else None


def _focus(state: _Post, unit: _Unit) -> str | None:
    """The system "it" / "the system" refers to, for a sentence opening with one: the
    technology the post says its company built (rule 1, anaphora)."""
    if not re.match(
        r"\s*(?:it\b|it['\u2019]s\b|the (?:system|service|tool|proxy|engine|"
        r"platform|library|framework)\b)",
        unit.text,
        re.I,
    ):
        return None
    built = [t for (_h, typ, t) in state.found if typ == "built"]
    return built[0] if len(built) == 1 else None


def _prev_of(ents, i, types, text, within, apposition=False):
    for j in range(i - 1, -1, -1):
        f = ents[j]
        if ents[i].s - f.e > within:
            return None
        if f.type in types:
            gap = text[f.e : ents[i].s]
            if ";" in gap or ". " in gap:
                return None
            return f
        if not apposition:
            return None
    return None


def _next_of(ents, i, types, text, within):
    if i + 1 < len(ents):
        f = ents[i + 1]
        gap = text[ents[i].e : f.s]
        if f.s - ents[i].e <= within and f.type in types and not re.search(r"[,;.()]|\band\b", gap):
            return f
    return None


def _subject(state: _Post, ents, i, text) -> str | None:
    """The company the clause before ``ents[i]`` is about: a named one, else the actor."""
    for j in range(i - 1, -1, -1):
        if ents[j].type == "COMPANY":
            return ents[j].name
    if state.actor:
        return state.actor
    return None


def _clause_heads(state: _Post, unit: _Unit, i: int) -> str | None:
    """The head for a verb phrase ending before ``ents[i]``: the nearest company before it in
    the clause, or the post's actor when the sentence speaks of "we", "the team", "its"."""
    ents = unit.ents
    for j in range(i - 1, -1, -1):
        f = ents[j]
        if f.type == "COMPANY":
            return f.name
    if state.actor:
        return state.actor
    return None


def _migrations(state: _Post, unit: _Unit, low: str) -> None:
    text, ents = unit.text, unit.ents
    if not FROM_TO_VERB.search(text) and not re.search(
        r" from |replac|pivot|eliminat|retir|dropp|decommission|sunset|deprecat|ditch|abandon|phas\w* out|"
        r"split|decompos|break|broke",
        low,
    ):
        return
    add = state.add
    # "from A (and B) to C (and D)"
    # "with" closes the source only when no "to" follows: in "from CQRS with Kafka to CQRS
    # with RAW Hollow" Kafka is what was left, not where the move went.
    for match in re.finditer(
        r"\bfrom\b(.{1,120}?)\b(?:to|onto|into|with(?!.{1,120}?\b(?:to|onto|into)\b))\b(.{1,120})",
        text,
        re.I,
    ):
        fa, fb = match.start(1), match.end(1)
        ta, tb = match.start(2), match.end(2)
        # "from Oracle to Amazon DynamoDB" with Oracle the company: a vendor left is no
        # tail, nor the mover (a company is never a tail)
        left = [e for e in ents if fa <= e.s and e.e <= fb]
        src = [e for e in left if e.type != "COMPANY"]
        vendors = {e.name for e in left if e.type == "COMPANY"}
        # "from Cloud-native Amazon SQS", "from a Python Monolith": a name that only
        # modifies the next one is not what was left.
        src = [
            e
            for j, e in enumerate(src)
            if j + 1 == len(src) or not re.fullmatch(r"\s+", text[e.e : src[j + 1].s])
        ]
        dst = []
        for e in ents:
            if e.s >= ta and e.e <= tb:
                if dst and re.search(
                    r"[;.]|, (?!and)|\b(?:with|using|for|by|while|which)\b", text[dst[-1].e : e.s]
                ):
                    # "to CQRS with RAW Hollow": the pattern is kept, the technology that
                    # carries it is the one moved to.
                    if not (
                        e.type == "TECHNOLOGY"
                        and all(d.type == "CONCEPT" for d in dst)
                        and re.fullmatch(r"\s+with\s+", text[dst[-1].e : e.s])
                    ):
                        break
                elif not dst and len(text[ta : e.s]) > 40:
                    break
                dst.append(e)
        if not dst:
            continue
        if not src:
            # "migrating from an existing, legacy system to a Kafka Streams application":
            # the mover left something unnamed; where it went is still stated (rule 6).
            moved = re.search(
                FROM_TO_VERB.pattern + r"\s+(?:away\s+)?$", text[: match.start()], re.I
            ) or (vendors and FROM_TO_VERB.search(text[: match.start()]))
            if moved and dst[0].type != "COMPANY":
                head = _mover(state, unit, left[0] if left else dst[0])
                if head and head not in vendors:
                    add(head, "migrated_to", dst[0].name, text, "migration:to")
            continue
        opens_title = unit.field == "title" and re.fullmatch(
            r"\s*(?:[\w.&'\u2019-]+(?:\s+[\w.&'\u2019-]+){0,3}\s*:\s*)?", text[: match.start()]
        )  # "From Postgres To Amazon DynamoDB", "Atlas: From a Monolith to …": a move
        if (
            not FROM_TO_VERB.search(text[: match.start()])
            and not re.search(r"replac", text[: match.start()], re.I)
            and not opens_title
        ):
            continue
        head = _mover(state, unit, src[0])
        if not head:
            continue
        same = {e.name for e in src} & {e.name for e in dst}
        for e in src:
            if e.name not in same:
                add(head, "migrated_from", e.name, text, "migration:from-to")
        for e in dst:
            add(head, "migrated_to", e.name, text, "migration:from-to")
    # "replaced A with B", "dropped A in favour of B"
    for match in re.finditer(
        r"\breplac(?:ed|ing|e)\b(.{1,80}?)\bwith\b(.{1,80})|"
        r"\b(?:dropp\w*|abandon\w*|ditch\w*|retir\w*|deprecat\w*|phas\w* out)\b(.{1,80}?)"
        r"\bin favou?r of\b(.{1,80})",
        text,
        re.I,
    ):
        old, new = (1, 2) if match.group(1) is not None else (3, 4)
        src = [
            e
            for e in ents
            if match.start(old) <= e.s and e.e <= match.end(old) and e.type != "COMPANY"
        ]
        src = [
            e
            for j, e in enumerate(src)
            if j + 1 == len(src) or not re.fullmatch(r"\s+", text[e.e : src[j + 1].s])
        ]
        dst = _list_at(unit, match.start(new), match.end(new))
        head = _mover(state, unit, src[0]) if src else None
        if head:
            for e in src:
                add(head, "migrated_from", e.name, text, "migration:replace")
            for e in dst:
                add(head, "migrated_to", e.name, text, "migration:replace")
    # "B, replacing A" / "B replaces A"
    for match in re.finditer(
        r"\b(?:replacing|replaces|replaced)\s+(?:the |its |our |their )?", text, re.I
    ):
        if re.match(r".{0,80}\bwith\b", text[match.end() :]):
            continue
        # what is replaced is the verb's object, not a name past "and" or a comma
        src = [
            e
            for e in ents
            if e.s >= match.end()
            and e.s - match.end() < 30
            and not re.search(r",|;|\band\b|\bor\b", text[match.end() : e.s])
        ][:1]
        if not src:
            continue
        head = _mover(state, unit, src[0])
        if head:
            add(head, "migrated_from", src[0].name, text, "migration:replacing")
    # "migration to B", "moved to B", "switched to B", "pivot to B" without a from
    for match in re.finditer(
        r"\b(?:migrat\w*|mov\w*|switch\w*|transition\w*|pivot\w*|upgrad\w*)\s+"
        r"(?:[\w'\u2019.-]+\s+){0,4}?(?:to|onto)\s+(?:a |an |the )?",
        text,
        re.I,
    ):
        if re.search(r"\bfrom\b", match.group(0), re.I):
            continue
        # "moves Snapshot Queries to GA, joining Tableflow Iceberg …": the move's target
        # is in its own phrase, not past a comma
        dst = [
            e
            for e in ents
            if 0 <= e.s - match.end() < 25 and not re.search(r"[,;.]", text[match.end() : e.s])
        ][:1]
        if dst and dst[0].type != "COMPANY":
            # "Migrates a Massive Cassandra Cluster to ScyllaDB": a deployment of one product
            # moved to another of the same kind replaces it (rule 6, two products give
            # both); a platform it moves onto ("moved our Kafka clusters to Kubernetes")
            # is of another kind and leaves it in use.
            src = [
                e
                for e in ents
                if match.start() < e.s
                and e.e <= match.end()
                and e.type == "TECHNOLOGY"
                and state.same_kind(e, dst[0])
            ][:1]
            head = _mover(state, unit, src[0] if src else dst[0])
            if head:
                add(head, "migrated_to", dst[0].name, text, "migration:to")
                if src:
                    add(head, "migrated_from", src[0].name, text, "migration:to")
    for match in re.finditer(
        r"\b(?:migrat\w*|mov\w*|switch\w*|pivot\w*|transition\w*)\s+(?:away\s+)?(?:from|off)\s+"
        r"(?:of\s+)?(?:a |an |the |its |our |their )?",
        text,
        re.I,
    ):
        # "migrating from a legacy system to Kafka Streams": a name past "to" is where the
        # move went, not what it left
        src = [
            e
            for e in ents
            if 0 <= e.s - match.end() < 40
            and not re.search(r"\b(?:to|onto|into)\b", text[match.end() : e.s], re.I)
        ]
        # "away from Aurora Postgres": the first name may only modify the next one.
        while len(src) > 1 and re.fullmatch(r"\s+", text[src[0].e : src[1].s]):
            src = src[1:]
        src = src[:1]
        if src and src[0].type != "COMPANY":
            head = _mover(state, unit, src[0])
            if head:
                add(head, "migrated_from", src[0].name, text, "migration:away")
    # "Ingress-Nginx to Envoy Gateway Migration": a noun of moving after "A to B"
    for a, b in itertools.pairwise(ents):
        if (
            re.fullmatch(r"\s+to\s+", text[a.e : b.s], re.I)
            and re.match(r"\s+(?:migrations?|moves?|switch|transition)\b", text[b.e :], re.I)
            and a.type != "COMPANY"
            and b.type != "COMPANY"
        ):
            head = _mover(state, unit, a)
            if head:
                add(head, "migrated_from", a.name, text, "migration:from-to")
                add(head, "migrated_to", b.name, text, "migration:from-to")
    # "automated the JUnit 5 migration": a move to a new version of one product (rule 6,
    # an upgrade gives migrated_to only); without a version "the Kafka migration" may go
    # either way.
    for e in ents if ("migration" in low or "upgrade" in low) else ():
        versioned = re.search(r"\sv?\d+(?:\.\d+)*$", e.m.text)  # the mention "JUnit 5"
        if e.type == "TECHNOLOGY" and re.match(
            r"\s*(?:v?\d+(?:\.\d+)*\s+)" + ("?" if versioned else "") + r"(?:migration|upgrade)\b",
            text[e.e :],
            re.I,
        ):
            head = _mover(state, unit, e)
            if head and head != e.name:
                add(head, "migrated_to", e.name, text, "migration:upgrade")
    # "rewriting it in Rust", "rewrote the service in Go": the same system in a new language
    # ("rewriting an NGINX module in Rust" makes a new module: no move).
    # "rewrote their Ruby on Rails API in Go": the language or framework of their own code
    # is what they moved from.
    for match in re.finditer(
        r"\brewr(?:ote|ite|ites|iting)\s+(?:it|(?:the|its|our|their)\s+(?:[\w.-]+\s+){1,5}?)\s*in\s+",
        text,
        re.I,
    ):
        dst = [e for e in ents if e.s == match.end() and e.type == "TECHNOLOGY"]
        if dst and not COMPOUND.match(text[dst[0].e :]):
            head = _mover(state, unit, dst[0])
            if head:
                add(head, "migrated_to", dst[0].name, text, "migration:rewrite")
                for e in ents:
                    if (
                        e.type == "TECHNOLOGY"
                        and match.start() < e.s < dst[0].s
                        and e.name != dst[0].name
                        and re.match(r"\s+" + CODE_NOUN + r"\s+in\s+$", text[e.e : dst[0].s], re.I)
                        and re.search(r"\b(?:its|our|their)\s+$", text[match.start() : e.s], re.I)
                    ):
                        add(head, "migrated_from", e.name, text, "migration:rewrite")
    # "we have written a replacement in Rust for cf-html": what is replaced is moved from
    for match in re.finditer(r"\breplacement\s+(?:in\s+[\w+#.-]+\s+)?for\s+", text, re.I):
        if not _actor_before(unit, match.start()):
            continue
        src = [
            e
            for e in ents
            if e.type == "TECHNOLOGY"
            and 0 <= e.s - match.end() < 90
            and not re.search(r"[;.]\s", text[match.end() : e.s])
        ][:1]
        head = _mover(state, unit, src[0]) if src else None
        if head:
            add(head, "migrated_from", src[0].name, text, "migration:replace")
    # "tried A before pivoting to B": what was tried and left is moved away from
    for match in re.finditer(
        r"\b(?:tried|trialled|tested|used)\s+(?:the |a |an )?(.{1,60}?)\s+before\s+"
        r"(?:[\w-]+\s+)?(?:mov|switch|pivot|migrat|transition)\w*",
        text,
        re.I,
    ):
        src = _list_at(unit, match.start(1), match.end(1))
        head = _mover(state, unit, src[0]) if src else None
        if head:
            for e in src:
                add(head, "migrated_from", e.name, text, "migration:before")
    # "eliminating the need for A", "retired A", "decommissioned A", "by ditching TCP"
    for match in re.finditer(
        r"\b(?:eliminat\w* the need for|remov\w* the need for|retir\w*|decommission\w*|"
        r"sunset\w*|deprecat\w*|ditch\w*|abandon\w*|phas\w* out)\s+(?:the |its |our |their )?",
        text,
        re.I,
    ):
        src = [e for e in ents if 0 <= e.s - match.end() < 20 and e.type != "COMPANY"][:1]
        if src:
            head = _mover(state, unit, src[0])
            lead = ents[0]
            if (
                lead.type == "TECHNOLOGY"
                and not PLANNED.search(text[: match.start()])
                and lead.s < match.start()
                and _opens_clause(text, lead.s)
                and re.match(r"(?:\s+v?[\d.]+)?\s+(?:\w+ly\s+)?[a-z]+s\b", text[lead.e :])
            ):
                # "Apache Kafka 4.0 marks … by adopting KRaft mode, eliminating the need for
                # Apache ZooKeeper": the technology that is the sentence's subject evolves
                head = lead.name
            if head:
                add(head, "migrated_from", src[0].name, text, "migration:eliminate")
    # "split/decomposed the monolith into microservices"
    if re.search(r"\b(?:split|decompos\w*|break\w*|broke)\b.{0,40}\bmonolith", text, re.I):
        for e in ents:
            if "microservice" in e.name.lower() or "service-oriented" in e.name.lower():
                head = _mover(state, unit, e)
                if head:
                    add(head, "migrated_to", e.name, text, "migration:decompose")
                    if "monolithic architecture" in state.types:
                        add(
                            head,
                            "migrated_from",
                            "monolithic architecture",
                            text,
                            "migration:decompose",
                        )


def _list_at(unit: _Unit, start: int, end: int) -> list[_Ent]:
    """The entities of a list ("A, B and C") that opens within a few words of ``start``."""
    out: list[_Ent] = []
    for e in unit.ents:
        if e.s < start or e.e > end or e.type == "COMPANY":
            continue
        gap = unit.text[out[-1].e if out else start : e.s]
        if (not out and len(gap) > 30) or (out and not re.fullmatch(r",?\s*(?:and|or|,)?\s*", gap)):
            break
        if COMPOUND.match(unit.text[e.e :]):
            break  # "a Rust-based proxy": the new thing is the proxy, not Rust
        out.append(e)
    return out


def _companies_at(unit: _Unit, start: int) -> list[_Ent]:
    """The companies of a list that opens right at ``start`` ("Slack, HubSpot, Etsy, and
    more"): each item joined by a comma, "and" or "or", nothing else between."""
    out: list[_Ent] = []
    for e in unit.ents:
        if e.s < start:
            continue
        gap = unit.text[out[-1].e if out else start : e.s]
        if e.type != "COMPANY" or not re.fullmatch(r",?\s*(?:and|or)?\s*" if out else r"\s*", gap):
            break
        out.append(e)
    return out


def _mover(state: _Post, unit: _Unit, first: _Ent) -> str | None:
    """Who moved: the technology the verb moves ("migrated Espresso … to"), or the one that
    is its subject ("Khan Academy's Goliath project migrated …"), else the company. None
    for a planned or possible move ("paved the way to move away from …"): rule 7."""
    clause = re.split(r"[;.]", unit.text[: first.s])[-1]
    if PLANNED.search(clause[-80:]):
        return None
    # "You've already made the plunge to move to Kubernetes": the reader's move, not the
    # company's (rule 2)
    if READER.search(clause.lstrip()):
        return None
    verbs = [m for m in FROM_TO_VERB.finditer(unit.text) if m.end() <= first.s]
    if verbs:
        v = verbs[-1]
        for e in unit.ents:
            if e.type == "TECHNOLOGY" and v.end() <= e.s < first.s:
                if re.fullmatch(
                    r"\s*(?:the |its |our |their )?", unit.text[v.end() : e.s]
                ) and not re.match(r"\s+" + CODE_NOUN + r"\b", unit.text[e.e :], re.I):
                    return e.name  # not "rewrote their Rails API": the API's owner moves
                break
        before = [e for e in unit.ents if e.e <= v.start()]
        if before and before[-1].type == "TECHNOLOGY":
            gap = unit.text[before[-1].e : v.start()]
            if re.fullmatch(r"\s*(?:[\w-]+\s+)?(?:has |have |was |were |is )?", gap):
                return before[-1].name
    for e in reversed(unit.ents):
        if e.s < first.s and e.type == "COMPANY":
            return e.name
    return state.actor


def _verbs(state: _Post, unit: _Unit) -> None:
    """ "C built T", "C uses T, U and V", "C implements X": a company's verb and its objects."""
    text, ents = unit.text, unit.ents
    add = state.add
    for i, e in enumerate(ents):
        if e.type != "TECHNOLOGY" or LIKENESS.match(text[e.e :]):
            continue  # "a Kafka-compatible queue" uses no Kafka (rule 7)
        head = None
        window = text[max(0, e.s - 70) : e.s]
        # a full stop ends a clause, not the one inside "2.0" or "Node.js"
        clause = re.split(r"[;:]|\.(?!\w)|, (?:while|but|and then|which)\b", window)[-1]
        # "T, built by C", "T is used by C": the company follows, no subject is needed
        if re.match(
            # "Roshi—a CRDT system built at SoundCloud", "Deno Deploy, the hosting service
            # made by Deno", "StatsD, the open source software we built at Etsy"
            # "Elasticsearch, a wildly successful open source search engine developed by
            # Elastic": the appositive may be a long noun phrase
            r"^(?:,|\s*[\u2014\u2013-])?\s*(?:(?:is|was)\s+)?(?:(?:an?|the)\s+[^,;]{0,60}?)?"
            r"(?:originally\s+)?(?:(?:we|they)\s+)?(?:built|developed|created|"
            r"open-sourced|designed|made)\s+(?:by|at)\s+$",
            text[e.e : e.e + 90].split("COMPANY")[0][: _next_company_gap(unit, i)],
            re.I,
        ):
            company = next(f for f in ents[i + 1 :] if f.type == "COMPANY")
            add(company.name, "built", e.name, text, "built:passive")
            used = re.match(
                r"\s+and\s+(?:(?:is|was|are|were)\s+)?(?:(?:\w+ly|also)\s+)?(?:used|adopted|"
                r"deployed|run)\s+(?:(?:\w+ly|also)\s+)?(?:by|at)\s+",
                text[company.e :],
            )
            if used:
                # "designed by LinkedIn and used also at Twitter and Square": each user of
                # the list (rule 8)
                for user in _companies_at(unit, company.e + used.end()):
                    add(user.name, "uses", e.name, text, "verb:passive")
            continue
        passive = re.match(
            r"^,?\s*(?:(?:is|was|are|were|has been|have been)\s+)?(?:\w+ly\s+)?(?:used|adopted|"
            r"deployed|run|relied on|leveraged|employed|operated)\s+(?:(?:\w+ly|also)\s+)?"
            r"(?:by|at)\s+$",
            text[e.e : e.e + _next_company_gap(unit, i)],
            re.I,
        )
        if passive:
            # "used also at Twitter and Square": every company of the list (rule 8)
            for company in _companies_at(unit, e.e + passive.end()):
                add(company.name, "uses", e.name, text, "verb:passive")
            continue
        subject = _clause_heads(state, unit, i)
        if not subject:
            continue
        clause2 = text[max(0, e.s - 120) : e.s]
        if re.search(
            rf"\b{BUILD_VERB}\b[^.;]{{0,80}}\b(?:called|named|codenamed)\s*[\"“(]*$", clause2, re.I
        ) and _has_subject(unit, i):
            add(subject, "built", e.name, text, "built:called")
            continue
        verb = re.search(
            rf"\b{BUILD_VERB}\s+(?:\([^()]{{1,30}}\)\s+)?"  # "open-sourced (Apache 2.0) their"
            r"(?:(?:its|their|our|a|an|the|new|own|internal|in-house)\s+)*"
            r"(?:[\w-]+[\s,]+){0,4}?(?:called\s+|named\s+|codenamed\s+)?[\"“]?$",
            clause,
            re.I,
        )
        if (
            (
                verb
                and _actor_before(unit, e.s - len(clause) + verb.start())
                and not re.search(
                    r"\b(?:built|developed|designed) (?:on|atop|around|with|in|using|for|to)\b",
                    clause,
                    re.I,
                )
            )
            and not re.search(r"\b(?:designed|made|built) (?:for|to)\b", clause, re.I)
            and not re.search(
                r"\b(?:on|atop|around|with|in|using|by)\s+(?:the |a |an )?$", clause, re.I
            )
        ):
            # "launched GPU inference", "a Zig-based scheduler": the tech only qualifies
            # what was built; and the object is the first technology after the verb.
            # "rewrote their Ruby on Rails API": the tech names the kind of thing built
            qualifies = (
                COMPOUND.match(text[e.e :])
                or (
                    i + 1 < len(ents)
                    and ents[i + 1].type == "CONCEPT"
                    and re.fullmatch(r"\s*(?:\d+(?:\.\d+)?\s*)?", text[e.e : ents[i + 1].s])
                )
                or re.match(r"\s+" + CODE_NOUN + r"\b", text[e.e :], re.I)
            )
            verb_at = e.s - len(clause) + verb.start()
            earlier = any(f.type == "TECHNOLOGY" and verb_at <= f.s < e.s for f in ents)
            # "developed an approach using Streaming SQL": the tech is not the object;
            # "building JSON APIs": it names the kind of thing built, not the thing.
            indirect = re.search(
                r"\b(?:using|with|in|on|atop|around|for|via|by|from|into|to|through)\s+",
                verb.group(0),
                re.I,
            ) or re.match(
                r"\s+(?!(?:and|or|as|its|was|has|is)\b)(?:[a-z]\w*s|[A-Z]{2,}s)\b", text[e.e :]
            )
            # "we introduced HBase into Pinterest": adopted, not built
            adopted = re.match(r"\s+(?:(?:in)?to|as)\b", text[e.e :]) and re.search(
                r"introduc", verb.group(0), re.I
            )
            if adopted and not qualifies and not earlier:
                add(subject, "uses", e.name, text, "verb:use")
            if not qualifies and not earlier and not indirect and not adopted:
                # "Lyft open-sourced Envoy": only a system's owner can open-source it, and
                # "LinkedIn developed Apache Kafka" names its author, so a curated name no
                # other company makes is the company's own (rule 1's list). "launched our
                # first Kafka cluster" still builds a deployment.
                opened = (
                    re.match(r"open[- ]?sourc", verb.group(0), re.I)
                    or re.fullmatch(
                        r"(?:developed|created|invented|co-?created)\s+", verb.group(0), re.I
                    )
                ) and (state.maker(e) == "" or _same_company(state.maker(e), subject))
                if not opened and (
                    state.known_elsewhere(subject, e) or DEPLOYMENT.match(text[e.e :])
                ):
                    # "launched our first Kafka cluster", "building the Flink platform at
                    # OpenAI": what was built is a deployment of it, which the company runs.
                    add(subject, "uses", e.name, text, "built:deployment")
                else:
                    add(subject, "built", e.name, text, "built:verb")
                continue
        if (
            re.search(
                r"\b(?:home-?grown|in-house|internal|its own|their own|our own)\b[^,;]{0,30}$",
                clause,
                re.I,
            )
            # the building is said in the same clause: "integrating with Kafka and internal
            # KVstore" does not say who built the store (rule 3)
            and re.search(BUILD_VERB, clause, re.I)
            # "an In-House Kubernetes Canary Controller": a well-known technology only
            # names the kind of thing built in-house
            and not state.known_elsewhere(subject, e)
            # "their own datastores using PostgreSQL": built with it, not it
            and not re.search(
                r"\b(?:using|with|on|atop|in|around|via)\s+(?:the |a |an )?$", clause, re.I
            )
        ):
            add(subject, "built", e.name, text, "built:own")
            continue
        head = subject
        if re.search(r"\bupgrad\w*\s+(?:[\w,-]+\s+){0,4}$", clause, re.I) and not re.match(
            r"\s+(?:to|onto)\s", text[e.e :], re.I
        ):
            add(subject, "migrated_to", e.name, text, "migration:upgrade")
            add(subject, "uses", e.name, text, "migration:upgrade")  # rule 6: an upgrade
        use = re.search(
            rf"\b{USE_VERB}\b(?:\s+(?:its|their|our|a|an|the)\b)?[^;]{{0,60}}$",
            clause,
            re.I,
        )
        if (
            use
            # "does not use Kubernetes", "will adopt Rust", "hopes to use WebAssembly": a
            # negated, planned or possible use is not stated (rule 7)
            and not UNSTATED_USE.search(clause[max(0, use.start() - 40) : use.start()])
            and not OTHERS_USE.search(clause[max(0, use.start() - 40) : use.start()])
            # "chose PostgreSQL over MongoDB": the alternative turned down (rule 7)
            and not re.search(
                r"\b(?:chose|choose|chooses|choosing|picked|prefer\w*|selected|opted for)\b"
                r"[^;]*\bover\s+(?:the |a |an )?$",
                clause[use.start() :],
                re.I,
            )
            and _few_words_between(unit, e.s - len(clause) + _verb_end(clause, use.start()), i)
            and _actor_before(unit, e.s - len(clause) + use.start())
            and not COMPOUND.match(text[e.e :])  # "runs Envoy, a Go-based proxy": the proxy's
            and not re.search(
                r"\b(?:without|rather than|instead of|unlike|inspired by|compatible)\b",
                clause,
                re.I,
            )
            and not _another_verb(clause[_verb_end(clause, use.start()) :])
        ):
            verb_at = e.s - len(clause) + use.start()
            who = _clause_subject(state, unit, verb_at)
            if who is None and _clause_subject(None, unit, verb_at) == "?":
                continue  # "we built out an infrastructure in AWS using …": "we", no actor
            add(who or head, "uses", e.name, text, "verb:use")
    # possessives: "C's T" → C uses T; "C's X" concept → applies
    for i, e in enumerate(ents[:-1]):
        nxt = ents[i + 1]
        gap = text[e.e : nxt.s]
        mark = _possessive_mark(e, gap)
        owns = mark is not None
        rest = gap[mark or 0 :]
        if (
            e.type == "TECHNOLOGY"
            and nxt.type == "TECHNOLOGY"
            and (owns or re.fullmatch(r",\s+(?:which|that)\s+is\s+an?\s+", gap))
            and re.fullmatch(r"\s*(?:[\w-]+\s+)?", rest if owns else "")
            and (PLUGIN.match(text[nxt.e :]) or PLUGIN.search(" " + text[nxt.s : nxt.e]))
        ):
            # "Litestream's SQLite plugin", "cf-html, which is an NGINX module": a part of T
            # made for U, so T uses U
            add(e.name, "uses", nxt.name, text, "possessive:plugin")
            continue
        if e.type == "TECHNOLOGY" and owns:
            # "T's X" with X a concept: what T implements (rule 2: the noun it attaches to);
            # "T's features, such as X, Y and Z": each of the list.
            # "TensorRT-LLM's \"Speculative Decoding\" trick": quotes set off the same noun
            if nxt.type == "CONCEPT" and re.fullmatch(r"\s*[\"\u201c]?(?:[\w-]+\s+){0,1}", rest):
                if not AVOIDED.search(text[: e.s]):
                    add(e.name, "applies", nxt.name, text, "possessive:tech")
            elif re.fullmatch(
                r"\s*(?:key\s+|main\s+)?(?:features|capabilities|techniques|mechanisms),?\s+"
                r"(?:such as|like|including)\s+(?:[\w-]+\s+){0,2}",
                rest,
                re.I,
            ) or re.fullmatch(
                # "Apache Flink's approach to high performance stream processing with state,
                # strong consistency, …": the concepts of its own approach
                r"\s*(?:approach|support)\s+(?:to|for)\s+(?:[\w-]+\s+){0,2}",
                rest,
                re.I,
            ):
                for f in _list_at(unit, nxt.s, len(text)):
                    if f.type == "CONCEPT":
                        add(e.name, "applies", f.name, text, "possessive:tech")
            continue
        if e.type != "COMPANY":
            continue
        if (
            owns
            and re.match(r"^\s*(?:[\w-]+\s+){0,2}$", rest)
            and not re.search(r"[,;.]", rest)
            # "Google's work in open source": the concept is in a phrase of another noun
            # the company owns, not the possessed noun (rule 3); "Criteo's Prediction on
            # Hadoop" still runs on the technology
            and not (nxt.type == "CONCEPT" and re.search(rf"\b(?:{_LINKS})\b", rest, re.I))
            # "Shopify's engineers compared Redis …": the possessed noun is its people, and
            # the next word is their verb (the verb rule reads what they do)
            and not re.match(
                r"\s*(?:engineers?|engineering|teams?|developers?|staff|researchers?|"
                r"architects?|CTO|CEO|founders?|SREs?)\s+\S",
                rest,
                re.I,
            )
        ):
            if nxt.type == "CONCEPT" and _apposed_tech(unit, i + 1):
                continue  # "Espresso, LinkedIn's data store": the technology's (rule 5)
            if nxt.type == "TECHNOLOGY" and _named_after(nxt.name, e.name):
                continue  # "NVIDIA's H100 architecture": a product it sells (rule 3)
            if nxt.type == "TECHNOLOGY" and _used_by_another(unit, i):
                continue  # "Orla adopted Lumio's Quiver": Lumio is only its vendor (rule 3)
            if nxt.type == "CONCEPT" and AVOIDED.search(text[: e.s]):
                continue  # "avoided Lumio's cascading failures": a problem (rule 7)
            if (
                nxt.type == "TECHNOLOGY"
                and re.match(
                    r"\s+(?!(?:"
                    + _LINKS
                    + r"|"
                    + SYSTEM_NOUN
                    + r"|"
                    + CODE_NOUN
                    + r")\b)[a-z][\w-]*s"
                    r"(?=\s*(?:[,;.)]|and\b|or\b|of\b|for\b|to\b))",
                    text[nxt.e :],
                )
                and not DEPLOYMENT.match(text[nxt.e :])
            ):
                continue  # "MotherDuck's instant SQL previews": a feature, not its system
            owned = nxt
            if nxt.type == "CONCEPT" and i + 2 < len(ents):
                # "Picnic's self-service Business Intelligence": the possessed noun is the
                # last of the run, the concepts before it qualify it
                later = ents[i + 2]
                if later.type == "CONCEPT" and re.fullmatch(r"\s+", text[nxt.e : later.s]):
                    owned = later
            typ = "uses" if owned.type == "TECHNOLOGY" else "applies"
            add(e.name, typ, owned.name, text, "possessive")


def _used_by_another(unit: _Unit, i: int) -> bool:
    """Whether the possessor ``ents[i]`` in "C's T" is the object phrase of another subject's
    use verb: "Uber automated the migration using OpenRewrite's Lossless Semantic Trees",
    "Orla adopted Lumio's Quiver". C is then only T's vendor (rule 3)."""
    e = unit.ents[i]
    clause = re.split(r"[;.:]", unit.text[: e.s])[-1]
    # "Orange First to Test AT&T's ECOMP": trying another's product is no less its use
    verb = re.search(
        rf"\b(?:{USE_VERB}|test\w*|trial\w*|evaluat\w*|pilot\w*)\s+(?:(?:the|a|an)\s+)?$",
        clause,
        re.I,
    )
    if verb is None:
        return False
    who = _clause_subject(None, unit, e.s - len(clause) + verb.start())
    return who is not None and who != e.name


def _builds_concept(state: _Post, unit: _Unit) -> None:
    """ "Building a fault-tolerant metrics storage system at Airbnb", "we implemented
    request hedging": the company builds or implements a thing of the concept's kind, so it
    applies the concept (it provides it). The concepts are the verb's object phrase, before
    any punctuation or preposition."""
    text = unit.text
    for verb in re.finditer(
        r"\b(?:built|build|building|builds|implemented|implementing|implements|designed|"
        r"designing|engineered|engineering|created|creating|developed|developing)\s+"
        r"(?:(?:a|an|the|its|our|their|new|own)\s+)*",
        text,
        re.I,
    ):
        if unit.field != "title" and not _actor_before(unit, verb.start()):
            continue
        if unit.field == "title" and not re.match(
            r"\s*(?:how\s+\S+\s+)?$", text[: verb.start()], re.I
        ):
            continue  # a title's verb counts only as its opening ("Building …", "How C built …")
        head = _clause_heads(state, unit, len(unit.ents))
        if unit.field != "title":
            head = next(
                (
                    f.name
                    for f in reversed(unit.ents)
                    if f.type == "COMPANY" and f.e <= verb.start()
                ),
                state.actor
                if ANAPHOR.search(text[max(0, verb.start() - 40) : verb.start()])
                else None,
            )
        # "designed a consistent, flexible data modeling framework": adjectives between commas
        # still open the object phrase.
        phrase = re.match(
            r"(?:[a-z][\w-]*,\s+)*"
            r"[^,;:.()]*?(?=\s+(?:at|for|to|with|on|in|by|from|that|which|and)\b|[,;:.()]|$)",
            text[verb.end() :],
        )
        end = verb.end() + (phrase.end() if phrase else 0)
        inside = [f for f in unit.ents if verb.end() <= f.s and f.e <= end]
        if re.search(r"\b(?:called|named|codenamed)\b", text[end : end + 60], re.I):
            continue  # "built their own search engine …, called Blackbird": Blackbird's (rule 5)
        if re.match(r"your\b", text[verb.end() :], re.I):
            continue  # "How to build your own VPN": the reader's, not the company's
        if any(
            f.type == "TECHNOLOGY" and re.fullmatch(r"\s+(?:with|using|and|on)\s+", text[end : f.s])
            for f in unit.ents
            if f.s >= end
        ):
            # "Building Faster Indexing with Apache Kafka and Elasticsearch": the concept is
            # realised by the named technologies (rule 5), not the company's own practice
            continue
        if head and inside and all(f.type == "CONCEPT" for f in inside):
            for f in inside:
                state.add(head, "applies", f.name, text, "verb:build")


# What a head does with a concept it practises or provides (RELATION-RULES' applies: "the
# head implements, provides, uses, adopts, performs"): the verb of "Netflix employs the
# Write-Audit-Publish pattern", "Apache Kafka implements exactly-once semantics".
PRACTISE_VERB = (
    r"(?:implement(?:s|ed|ing)?|employ(?:s|ed|ing)?|adopt(?:s|ed|ing)?|appl(?:y|ies|ied|ying)|"
    r"uses|used|using|leverag(?:es|ed|ing)|embrac(?:es|ed|ing)|perform(?:s|ed|ing)?|"
    r"introduc(?:es|ed|ing)|provid(?:es|ed|ing)|support(?:s|ed|ing)?|offer(?:s|ed|ing)?|"
    r"enabl(?:es|ed|ing)|utili[sz](?:es|ed|ing)|"
    # "we follow best practices around continuous delivery" (not "following", a preposition)
    r"follow(?:s|ed)?)"
)
# Words that may stand between the verb and its concept object: determiners, adjectives.
_OBJECT_LEAD = r"(?:(?:a|an|the|its|their|our|new|custom|several|multiple|both)\s+|[\w-]+\s+){0,3}?"
_PRACTISE = re.compile(rf"\b(?P<verb>{PRACTISE_VERB})\s+{_OBJECT_LEAD}$", re.I)


def _applies_verb(state: _Post, unit: _Unit) -> None:
    """ "Netflix employs the Write-Audit-Publish pattern", "we implemented request hedging
    and admission control", "Apache Kafka supports tiered storage", "Redis, which provides
    caching": the verb's subject (a company, "we" → the post's company, or the technology
    right before the verb) applies the concepts that are the verb's direct object. A concept
    after a technology object ("uses HAProxy for load balancing") is not the object: it goes
    to the technology (rule 5), and this rule leaves it."""
    text, ents = unit.text, unit.ents
    if not any(e.type == "CONCEPT" for e in ents):
        return
    for k, first in enumerate(ents):
        if first.type != "CONCEPT":
            continue
        # the verb a few words before the concept, with no other mention between
        start = max(0, first.s - 60, ents[k - 1].e if k else 0)
        verb = _PRACTISE.search(text, start, first.s)
        if verb is None:
            continue
        lead = text[verb.end("verb") : first.s]
        if re.search(r"\b(?:and|or|of|for|to)\b", lead):
            continue
        if re.search(r"\b(?:called|calling|named|codenamed)\b", text[first.e : first.e + 60], re.I):
            continue  # "implemented a join algorithm …, which we're calling Joinery": Joinery's
        if re.match(r"\s+(?:[a-z][\w-]*\s+){1,2}(?:such as|including)\b", text[first.e :]):
            continue  # "uses open source storage systems such as Redis": the class's qualifier
        before = text[: verb.start()]
        clause = re.split(r"[;.:]|,\s+(?:but|while)\b", before)[-1]
        if re.search(
            NEGATED + r"|\b(?:will|would|could|might|plans? to|planning to|aims? to|hopes? to|"
            r"going to|allowing|letting|helping|you)\b",
            clause,
            re.I,
        ):
            continue
        head = None
        prev = [f for f in ents if f.e <= verb.start()]
        tech = prev[-1] if prev and prev[-1].type == "TECHNOLOGY" else None
        if tech is not None and re.fullmatch(
            r"\s*(?:,\s*(?:which|that)\s+|(?:which|that)\s+)?(?:(?:also|now|already|natively|\w+ly)\s+)?",
            text[tech.e : verb.start()],
            re.I,
        ):
            if verb.group("verb").lower().endswith("ing"):
                continue  # "to PostgreSQL 16 using logical replication": no verb of T's
            head, method = tech.name, "verb:practise-tech"
        elif re.match(r"(?:provid|support|offer|enabl)", verb.group("verb"), re.I):
            continue  # a company provides to others: "Cloudflare provides DDoS protection"
        else:
            who = _clause_subject(state, unit, verb.start())
            if who is None or re.search(r"\b(?:which|that|who)\b", clause):
                continue
            head, method = who, "verb:practise"
        for f in relations_applies.concept_run(ents, k, text):
            if AVOIDED.search(text[: f.s]):
                continue
            state.add(head, "applies", f.name, text, method)


def _powers(state: _Post, unit: _Unit) -> None:
    """Rule 8: "Workers powers our pipeline", "T supporting C's services" → C uses T."""
    text, ents = unit.text, unit.ents
    for i, e in enumerate(ents):
        if e.type != "TECHNOLOGY":
            continue
        m = re.match(
            r"\s+(?:now\s+)?(?:powers|powering|supports|supporting|serves|serving|underpins)\s+"
            r"(?:(?:[\w%.,-]+\s+){0,4}?(our|its|their)\b|(?=\S))",
            text[e.e :],
            re.I,
        )
        # "our database needs were served primarily by MongoDB": the same, in the passive
        passive = re.search(
            r"(?:\b(our|its|their)|['\u2019]s)\s+(?:[\w-]+\s+){0,3}?"
            r"(?:(?:was|were|is|are|being|been|originally|initially|primarily|mostly)\s+)+"
            r"(?:served|powered|backed|supported|handled)\s+"
            r"(?:primarily\s+|mostly\s+|entirely\s+)?by\s+$",
            text[max(0, e.s - 120) : e.s],
            re.I,
        )
        if passive is not None:
            owner = [f for f in ents[:i] if f.type == "COMPANY" and f.e <= e.s]
            company = state.actor if passive.group(1) else (owner[-1].name if owner else None)
            if company:
                state.add(company, "uses", e.name, text, "verb:powers")
            continue
        # "Vitess also powers Slack, Square and GitHub", "T powers the databases of the web's
        # largest properties: Slack, HubSpot, …": the companies it serves use it (rule 8)
        listed = re.match(
            r"\s+(?:now\s+|also\s+)?(?:powers|powering|underpins)\s+(?:[^.;:]{0,70}:\s*)?",
            text[e.e :],
            re.I,
        )
        served = _companies_at(unit, e.e + listed.end()) if listed else []
        if len(served) > 1 or (served and not m):
            for company in served:
                state.add(company.name, "uses", e.name, text, "verb:powers")
            continue
        if m is None:
            continue
        if m.group(1):
            company = state.actor
        else:
            nxt = ents[i + 1] if i + 1 < len(ents) else None
            owns = nxt is not None and nxt.type == "COMPANY" and nxt.s == e.e + m.end()
            possessive = nxt is not None and (
                nxt.m.text.endswith(("'s", "\u2019s")) or re.match(r"['\u2019]s\b", text[nxt.e :])
            )
            company = nxt.name if owns and possessive else None
        if company:
            state.add(company, "uses", e.name, text, "verb:powers")


def _speaks_of_actor(unit: _Unit, actor: str, ent: _Ent) -> bool:
    """The sentence names the actor or speaks of it ("we", "our", "the team"), and ``ent``
    is not an example in a list ("such as …", "e.g. …")."""
    if re.search(r"\b(?:such as|e\.g\.|for example|like)\b[^.;:]*$", unit.text[: ent.s], re.I):
        return False
    anaphor = ANAPHOR.search(unit.text)
    if anaphor is not None:
        # "ScyllaDB joined the party with their vector search engine": "they" and "their"
        # after another named subject that opens the sentence are that subject's (rule 1).
        lead = unit.ents[0] if unit.ents else None
        return not (
            anaphor.group(0).lower() in ("they", "their")
            and lead is not None
            and lead.name != actor
            and lead.e <= anaphor.start()
            and not unit.text[: lead.s].strip()
            and re.match(r"\s+(?:\w+ly\s+)?[a-z]+(?:ed|s)\b", unit.text[lead.e :]) is not None
        )
    # "Fly.io's platform transforms Docker containers …": a possessive alone makes its noun,
    # not the company, the sentence's subject, unless the noun is the company's own people
    # or deployment ("Airbnb's media team", "LinkedIn's deployment").
    for f in unit.ents:
        if f.name != actor:
            continue
        before = unit.text[: f.s]
        if before.rfind("(") > before.rfind(")"):
            continue  # "(e.g., AWS Graviton3: …)": an example in an aside is no subject
        after = unit.text[f.e : f.e + 40]
        # "Pinterest rule engine platform … allows", "Twitter services' scalability": the
        # company names the kind of its system, which is the sentence's subject (rule 2).
        attributive = re.match(
            r"\s+(?:[a-z][\w-]*\s+){0,3}?" + SYSTEM_NOUN + r"(?:['\u2019]|\b)", after
        )
        if attributive is None and not (
            f.m.text.endswith(("'s", "\u2019s")) or after[:2] in ("'s", "\u2019s")
        ):
            return True
        if re.match(
            r"^(?:['\u2019]s)?\s+(?:[\w-]+\s+){0,2}?(?:team|engineers|engineering|"
            r"deployment|infrastructure|fleet|stack|transition|migration|move|journey|effort)\b",
            after,
            re.I,
        ):
            return True
    return False


def _next_company_gap(unit: _Unit, i: int) -> int:
    """Characters from the end of ``ents[i]`` to the next company mention (0 if none)."""
    for f in unit.ents[i + 1 :]:
        if f.type == "COMPANY":
            return f.s - unit.ents[i].e
    return 0


def _another_verb(gap: str) -> bool:
    """Whether a second verb governs what follows ``gap`` (the words between a use verb and
    a technology): "methodologies we deploy … for detecting SDC" detects SDC, it does not
    deploy it. A use verb again ("chose to use") keeps the object the user's."""
    # (after a coordinator, a new object of the same verb: "uses Redis for caching and Kafka")
    tail = re.split(r",|\band\b|\bor\b", gap)[-1]
    other = re.search(r"\b(?:for|by|in|when|while|after|before)\s+([a-z]+ing)\b", tail)
    if other is not None and not re.fullmatch(USE_VERB, other.group(1), re.I):
        return True
    # "runs Kafka because Pulsar lacked features", "ran Kafka on EC2 before its migration
    # to Kubernetes": a subordinate clause has its own verb and subject, so what it names is
    # not the use verb's object (unless a use verb of its own takes it: "until the team
    # adopted Kubernetes").
    subs = re.findall(
        r"\b(?:because|since|although|though|until|unless|whereas|before|after|while|when|"
        r"whenever|once|if)\b.*",
        gap,
        re.I,
    )
    if subs and not re.search(rf"\b{USE_VERB}\b", subs[-1], re.I):
        return True
    # "adopted RDS's blue/green feature to make MySQL upgrades painless": the purpose's verb
    # governs what follows it.
    purpose = re.search(r"\bto\s+([a-z]+)\s+(?:[\w-]+\s+){0,2}$", gap)
    return purpose is not None and not re.fullmatch(
        rf"{USE_VERB}|{BUILD_VERB}|the|a|an|its|their|our|production|be|\w+ly",
        purpose.group(1),
        re.I,
    )


def _verb_end(clause: str, start: int) -> int:
    """Where the use verb that starts at ``start`` ends."""
    m = re.compile(rf"\b{USE_VERB}\b", re.I).match(clause, start)
    return m.end() if m else start


def _few_words_between(unit: _Unit, pos: int, i: int, most: int = 5) -> bool:
    """At most ``most`` words, not counting other mentions, between ``pos`` and ``ents[i]``:
    the technology is the verb's object, or one of a list of objects."""
    gap = unit.text[pos : unit.ents[i].s]
    for f in unit.ents[:i]:
        if f.s >= pos:
            gap = gap.replace(unit.text[f.s : f.e], " ")
    examples = re.search(r"\b(?:such as|including)\b", gap)
    if examples is not None and not re.search(r"[;:.()]", gap):
        # "uses various open source storage systems such as Redis, HBase, and Kafka": the
        # examples of the object are objects too (rule 4's "such as" list)
        return (
            len(re.findall(r"[\w'-]+", gap[: examples.start()])) <= most
            and len(re.findall(r"[\w'-]+", gap[examples.end() :])) <= most
        )
    return len(re.findall(r"[\w'-]+", gap)) <= most


def _actor_before(unit: _Unit, pos: int) -> bool:
    """A company, or "we", "they", "the team", "engineers", is the subject of the verb at
    ``pos``: it stands a few words before it in the same clause."""
    return _clause_subject(None, unit, pos) is not None


def _clause_subject(state: _Post | None, unit: _Unit, pos: int) -> str | None:
    """Who does the verb at ``pos``: the company named a few words before it in the same
    clause, or, for "we", "they", "the team", "engineers", the post's actor (with no
    ``state``, any non-empty name: the question is only whether there is a subject). An
    aside between dashes ("- but once … AWS offers - they chose …") is a clause of its own.
    """
    before = unit.text[max(0, pos - 60) : pos]
    before = re.split(r"[;.:,(]|\s[-\u2013\u2014]\s|\b(?:that|which|who)\b", before)[-1]
    start = pos - len(before)
    # "an infrastructure in AWS using …": a company after a preposition is a host or a
    # place, not who does the verb
    named = [
        e
        for e in unit.ents
        if e.type == "COMPANY"
        and e.s >= start
        and e.e <= pos
        and not re.search(
            r"\b(?:in|on|onto|into|to|from|via|of|for)\s+(?:the\s+)?$", unit.text[: e.s], re.I
        )
    ]
    if named:
        return named[-1].name
    if re.search(r"\b(?:we|they|the team|engineers|the company)\b", before, re.I) is None and (
        # "Our messaging service uses …": the company's own system, its use (rule 3)
        re.fullmatch(r"\s*our\s+(?:[a-z][\w-]*\s+){1,3}", before, re.I) is None
    ):
        return None
    return "?" if state is None else state.actor


def _has_subject(unit: _Unit, i: int) -> bool:
    """Whether a company or a first-person/anaphoric subject stands before ``ents[i]``."""
    before = unit.text[: unit.ents[i].s]
    if any(e.type == "COMPANY" for e in unit.ents[:i]):
        return True
    return ANAPHOR.search(before) is not None


def _actor_rules(state: _Post) -> None:
    """The post's remaining technologies and concepts, attached to the technology a sentence
    is about (its subject, or "the service" / "it" after one), else to the post's actor."""
    actor = state.actor
    heads_of = {}
    for head, type_, tail in state.found:
        heads_of.setdefault(tail, set()).add((head, type_))
    # (a technology's kind, "Caffeine cache", says what it is, not that the post describes it)
    techs_as_heads = {
        h
        for (h, _, _), r in state.found.items()
        if state.types.get(h) == "TECHNOLOGY" and r.method != "compound:named"
    }
    focal = None  # the technology the previous sentences were about
    for unit in state.units:
        subject = _subject_tech(unit)
        about = subject.name if subject is not None else None
        if about is None and focal is not None and SYSTEM_ANAPHOR.match(unit.text):
            about = focal  # "GitHub Copilot is … The service uses HTTP/2 …" (rule 1)
        # "… it enables advanced functionality in other Netflix tools": the sentence is
        # about a system ("it"), not the company it names in passing.
        about_it = re.search(
            r"\bit\s+(?:enables|provides|supports|allows|handles|offers|lets|acts as)\b",
            unit.text,
            re.I,
        )
        # "If you use AWS, you're probably making use of IAM": the reader's use, not the
        # company's (rule 2)
        to_reader = READER.search(unit.text) is not None or TALK_PLAN.search(unit.text) is not None
        for i, e in enumerate(unit.ents):
            if e.name == actor or e.type == "COMPANY":
                continue
            if e.name in heads_of or e.name in state.claimed:
                continue
            if about is not None and e.name != about:
                # "ShardStore is the service we run …": the sentence is about the system,
                # but not an example in parentheses ("services like Zen (graph database)").
                before = unit.text[: e.s]
                if e.type == "CONCEPT" and before.rfind("(") <= before.rfind(")"):
                    state.add(about, "applies", e.name, unit.text, "subject")
                elif (
                    e.type == "TECHNOLOGY"
                    and subject is None
                    and re.search(rf"\b{USE_VERB}\b", before, re.I)
                ):
                    state.add(about, "uses", e.name, unit.text, "subject:anaphora")
                continue
            if actor is None or to_reader:
                continue
            if (
                about_it
                or not _speaks_of_actor(unit, actor, e)
                or _another_subject(unit, actor, e)
                or _not_the_actors(unit, i)
            ):
                continue
            how = _actor_evidence(unit)
            if (
                state.passing
                and (how == "named" or state.mentioned[actor] > 1)
                and not (state.sole and _opens_as_subject(unit, actor))
            ):
                how = "passing"
            if e.type == "TECHNOLOGY":
                # A system the post describes is not one it says the company runs, unless
                # the sentence says so: "Apache Spark is our primary compute engine".
                ours = (
                    re.match(
                        r"\s+(?:is|are|was|has been)\s+(?:\w+\s+)?(?:our|its|their)\b",
                        unit.text[e.e :],
                    )
                    or re.search(  # "our internal code review system, Phabricator", "their Atlas"
                        r"\b(?:our|its|their)\s+(?:(?:own|internal)\s+)?"
                        r"(?:(?:[\w-]+\s+){0,4}?" + SYSTEM_NOUN + r"\s*,\s*)?$",
                        unit.text[: e.s],
                        re.I,
                    )
                )
                if (e.name in techs_as_heads and not ours) or _vendor(unit, i):
                    continue
                if re.match(
                    r"\s+(?:integrations?|support|compatibility)\b", unit.text[e.e :], re.I
                ):
                    continue  # "their offer with OpenLineage integration": compatibility (rule 7)
                if SOLD.search(unit.text[: e.s][-60:]):
                    continue  # "the company offering managed Airflow": a product it sells
                if _named_after(e.name, actor) or state.hardware_kind(e):
                    continue
                # A name only the statistical model found ("Nathan will describe how Yelp
                # …", "Senior Architect at Mirantis") is as often no technology at all: unless
                # the sentence says "we" or "our", the actor rule keeps it apart (rule 2).
                if e.m.method != "ontology" and how != "anaphor" and not ours:
                    how = "discovered"
                elif how == "anaphor" and not (ours or _held(unit, i)):
                    how = "anaphor-near"
                elif how == "named" and not (ours or _held(unit, i)):
                    how = "named-near"
                elif how == "title" and relations_applies.title_subject(unit, actor):
                    how = "title-subject"
                state.add(actor, "uses", e.name, unit.text, f"actor:{how}")
            elif e.type == "CONCEPT":
                if how == "title" and _topic_at(unit, i, actor):
                    how = "title-at"
                elif how == "title" and relations_applies.title_subject(unit, actor):
                    how = "title-subject"
                elif how == "anaphor" and _HELD_POSSESSIVE_SHORT.search(unit.text[: e.s]):
                    # "our multi-region architecture": the first-person possessive of
                    # rule 3 ("C's X" gives C applies X), after anaphora (rule 1)
                    how = "our"
                elif how == "named" and not _practised(unit, i):
                    # "Grab has seen concurrent cache writes …", "a talk about Google
                    # BeyondCorp … user authentication": naming the company in the sentence
                    # does not state that it practises the concept (rule 1), as a
                    # technology only near it is not one it uses.
                    how = "named-near"
                state.add(actor, "applies", e.name, unit.text, f"actor:{how}")
        if subject is not None:
            focal = subject.name


# Words that end a noun phrase: what follows them is no longer the possessive's noun.
_LINKS = r"and|or|but|via|of|for|in|on|with|to|from|by|at|into|than|as|is|are|was|were"


_HELD_POSSESSIVE = re.compile(
    r"\b(?:our|its|their)\s+(?:(?!(?:" + _LINKS + r")\b)[\w-]+\s+){0,3}$", re.I
)
# "our multi-region architecture", but not "our needs of autoscaling", "its reliance on X"
# (X is in a phrase of the possessed noun) nor "their Maestro workflow orchestrator" (a
# named system between: the concept is the system's, rule 5).
_HELD_POSSESSIVE_SHORT = re.compile(
    r"\b(?:[Oo]ur|[Ii]ts|[Tt]heir)\s+(?:(?!(?:" + _LINKS + r")\b)[a-z0-9][\w-]*\s+){0,2}$"
)
_HELD_LIST = re.compile(
    # "Kafka, RocksDB, Caffeine cache, Galene": an item may keep its kind noun
    r"(?:\s+[a-z][\w-]*(?=\s*,))?(?:\s*,\s*(?:(?:and|or)\s+)?[\w.+#-]+(?:\s+[\w.+#-]+)?)*\s*(?:,\s*)?(?:(?:and|or)\s+)?"
    r"(?:(?:a|an|the)\s+)?"
)
_HELD_CODE = re.compile(r"\s+(?:[\w-]+\s+)?" + CODE_NOUN + r"\b")
_HELD_PREPOSITION = re.compile(
    r"\b(?:in|on|with|using|atop|onto|through)\s+(?:the\s+|a\s+|an\s+)?(?:new\s+)?$",
    re.I,
)
_HELD_VERB = re.compile(
    rf"\b(?:{USE_VERB}|{BUILD_VERB}|kept|keeps|keep|keeping|mix(?:es|ed|ing)|combin(?:es|ed|ing))"
    r"\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
_HELD_PAST = re.compile(r"\b[a-z]+ed\s+(?:(?:the|a|an|its|their|our)\s+)?$")
_HELD_HOW = re.compile(rf"[^.;]{{0,40}}?\bhow\b[^.;]{{1,40}}?\b{USE_VERB}\s+(?:it|them)\b", re.I)
_HELD_RELATIVE = re.compile(
    rf"\s+(?:is|are|was)\s+(?:[\w-]+\s+){{1,3}}(?:we|they)\s+{USE_VERB}\b", re.I
)


def _held(unit: _Unit, i: int) -> bool:
    """Whether the sentence ties ``ents[i]`` itself to the company it speaks of: "our
    Cassandra cluster", "their Python 2 monolith", "Kafka clusters", "a new Kotlin service",
    "in Go", "integration with Kafka", "by deploying Trino Gateway", "the service we run"."""
    text, e = unit.text, unit.ents[i]
    before, after = text[: e.s], text[e.e :]
    if _HELD_POSSESSIVE.search(before[-60:]):
        return True
    # "our tech stack includes Kafka, Espresso and Lucene": a list shares its first item's tie
    prev = unit.ents[i - 1] if i else None
    if (
        prev is not None
        and prev.type != "COMPANY"
        and _HELD_LIST.fullmatch(text[prev.e : e.s])
        and re.search(r",|\b(?:and|or)\b", text[prev.e : e.s])
        and _held(unit, i - 1)
    ):
        return True
    if DEPLOYMENT.match(after) or _HELD_CODE.match(after):
        return True
    if _HELD_PREPOSITION.search(before[-30:]) or ON_TECH.search(before[-60:]):
        return True  # "through Alertmanager", "a rate limiter backed by Redis"
    # a subordinate clause ("because Pulsar lacked …") is not the verb's object
    clause = re.split(
        r"[;.:,(]|\s[-\u2013\u2014]\s|\b(?:because|although|though|unless|whereas|until|"
        r"before|after)\b",
        before,
    )[-1]
    if _HELD_VERB.search(clause[-80:]):
        return True
    # "the team at Salesforce optimized Kubernetes scheduling": the object of the verb whose
    # subject is the company (or "we", "they")
    verb = _HELD_PAST.search(clause)
    if verb is not None and _actor_before(unit, e.s - len(clause) + verb.start()):
        return True
    # "an overview of Apache Kafka and how Canva uses it"
    return _HELD_HOW.match(after) is not None or _HELD_RELATIVE.match(after) is not None


_PRACTISE_BEFORE = re.compile(
    rf"\b(?:{APPLY_VERB}|{USE_VERB}|{BUILD_VERB}|champion\w*\s+of)\s+(?:[\w-]+\s+){{0,3}}$", re.I
)


def _practised(unit: _Unit, i: int) -> bool:
    """Whether the sentence ties the concept ``ents[i]`` to the company it names as a
    practice: held as a technology is ("its global edge network", "using phased rollouts"),
    or the object of a verb of applying, using or building ("implementing copy-on-write")."""
    if _held(unit, i):
        return True
    clause = re.split(r"[;.:(]|\s[-\u2013\u2014]\s", unit.text[: unit.ents[i].s])[-1]
    return _PRACTISE_BEFORE.search(clause[-80:]) is not None


def _opens_as_subject(unit: _Unit, actor: str) -> bool:
    """Whether the sentence opens with the actor as the subject of its verb: "Slack
    implements a custom k8s operator", "Uber has long been a champion of microservices". A
    company named once is still what such a sentence is about."""
    lead = unit.ents[0] if unit.ents else None
    return (
        lead is not None
        and lead.name == actor
        and re.fullmatch(r"[\s\-\u2022*]*", unit.text[: lead.s]) is not None
        and re.match(
            r"\s+(?:\w+ly\s+)?(?:has|have|had|is|was|uses|used|runs|ran|[a-z]+(?:ed|es|s))\b",
            unit.text[lead.e :],
        )
        is not None
    )


def _another_subject(unit: _Unit, actor: str, ent: _Ent) -> bool:
    """Whether the sentence is about another company than the actor: it names one before
    ``ent`` as a subject ("Spotify writes about their analysis …", in a newsletter whose title
    names another), and does not name the actor. A company after a preposition is a
    provider or a comparison ("running on Azure", "from Heroku to AWS"), not a subject."""
    if unit.field == "title" or any(f.name == actor for f in unit.ents):
        return False
    return any(
        f.type == "COMPANY"
        and f.e <= ent.s
        and not re.search(
            r"\b(?:on|onto|atop|via|to|from|at|of|by|with|like|than|for|and|or)\s+(?:the\s+)?$",
            unit.text[: f.s],
            re.I,
        )
        for f in unit.ents
    )


def _not_the_actors(unit: _Unit, i: int) -> bool:
    """Whether the sentence says ``ents[i]`` is something other than what the actor runs or
    practises, though it names the actor: the thing it moved away from, another subject's
    activity, or (for a concept) what a named technology realises."""
    text, e = unit.text, unit.ents[i]
    before, after = text[: e.s], text[e.e :]
    # Rule 6: what the head moved away from gets only migrated_from, never uses/applies.
    if re.search(
        r"\b(?:from|off|away from|eliminat\w* the need for|replac\w*|dropp\w*|abandon\w*|"
        r"ditch\w*|retir\w*|deprecat\w*|sunset\w*|phas\w* out)\s+"
        r"(?:(?:a|an|the|its|our|their|legacy|old|existing)\s+){0,3}$",
        before,
        re.I,
    ):
        return True
    # Rule 7: what the clause negates or rejects, what a failure was caused by, what was
    # only tried, compared or contributed to: "were not viable", "the outage was caused by",
    # "tried X before …", "after we compared X, Y and Z", "contributes to Hadoop".
    clause = re.split(r"[;.:]|,\s+(?:but|while|and|which)\b", before)[-1]
    if re.search(
        NEGATED
        + r"|\b(?:caused by|due to|tried|trialled|evaluat(?:ed|ing|es?)|consider(?:ed|ing|s)?|"
        r"compar(?:ed|ing|es?)|benchmark(?:ed|ing|s)|shortlist(?:ed|ing)|assess(?:ed|ing|es)?|"
        r"contribut\w* to|sponsor\w*|too \w+ to|(?:difficult|hard|impossible) to)\b",
        clause + re.split(r"[;.,]", after)[0],
        re.I,
    ):
        return True
    # "Shopify hopes to use WebAssembly", "does not run Kubernetes": the verb that ties the
    # technology to the actor is negated or only planned (rule 7).
    # "AWS will provide credits to open-source projects": a plan, not a practice (rule 7)
    if re.search(r"\b(?:will|plans? to|planning to|intends? to)\s+(?:\w+ly\s+)?\w+\s", clause):
        return True
    verbs = [v.start() for v in re.finditer(rf"\b{USE_VERB}\b", clause, re.I)]
    if verbs and (
        UNSTATED_USE.search(clause[max(0, verbs[-1] - 40) : verbs[-1]])
        or OTHERS_USE.search(clause[max(0, verbs[-1] - 40) : verbs[-1]])
    ):
        return True
    if LIKENESS.match(after):
        return True  # "a Kafka-compatible queue" (rule 7)
    # A comparison: "a foundation model similar to LLMs" (rule 7).
    if re.search(
        r"\b(?:similar to|akin to|modell?ed (?:on|after)|alternatives? to|versus|vs\.?)\s+"
        r"(?:[\w-]+\s+){0,3}$",
        clause,
        re.I,
    ):
        return True
    # A topic, not a practice: "we learned a lot about how NGINX works", "We'll talk about
    # Snowflake" (rule 7: a statement about the head is needed).
    if re.search(
        r"\b(?:talk\w*|learn\w*|read|writ\w*|know\w*)\s+(?:[\w-]+\s+){0,3}?about\s+"
        r"(?:how\s+|why\s+|what\s+)?(?:the\s+)?$",
        clause,
        re.I,
    ):
        return True
    # The object of a reporting verb is the text's topic, not the actor's practice: "Uber
    # wrote a blog discussing the consequence of data democratization", "has details of
    # some neat Kubernetes tricks". A clause that goes on to say what the actor did ("how
    # they …", "its migration", "an overview of Kinesis and how Canva uses it") is a
    # statement again.
    if _reported(clause, unit, len(before) - len(clause)) and not re.match(
        r"[^.;]{0,40}?\bhow\b", after, re.I
    ):
        return True
    # "… on top of MongoDB, which supports horizontal scalability": the relative clause is
    # stated of the technology before it, not of the company (rule 2).
    rel = re.search(r"\b(?:which|that)\b[^,;.]*$", before)
    if rel and any(
        f.type == "TECHNOLOGY"
        and f.e <= rel.start()
        and not re.search(r"[;.]", text[f.e : rel.start()])
        for f in unit.ents
    ):
        return True
    # Platforms served and audiences, not what the actor runs: "images across iOS, Android".
    # … but "for managing a multi-cluster Trino deployment" is the actor's own purpose: a
    # gerund of running or operating after "for" makes its object what the actor runs.
    if re.search(
        r"\b(?:across|for)\s+(?!(?:using|running|operating|managing|hosting|deploying)\b)"
        # … "Scales for Rapid Growth with New Relic": a preposition of use after the
        # purpose opens a phrase of its own
        r"(?:(?!(?:with|using|via|on|atop)\b)[\w.+#-]+,?\s+(?:and\s+|or\s+)?){0,4}$",
        before,
        re.I,
    ) and (e.type == "TECHNOLOGY"):
        return True
    # Another subject's activity or a topic of the text, not the actor's practice:
    # "…, allowing developers to run ML models", "while also discussing the challenges of …".
    if re.search(
        r"\b(?:allowing|letting|enabling|helping)\s+(?:\w+\s+){1,2}to\b|\b(?:while|also) discussing\b",
        before,
        re.I,
    ):
        return True
    # "methodologies … for detecting SDC": the object of another verb than a use or build
    # verb is what the company acts on, not what it runs.
    # … and so is the object of a purpose: "adopted RDS to make MySQL upgrades painless".
    if e.type == "TECHNOLOGY" and re.search(
        r"\bto\s+(?:help\s+)?(?:make|ensure|improve|keep|protect|monitor|detect|debug|test|"
        r"benchmark|evaluate|simplify|speed up|secure)\s+(?:[\w-]+\s+){0,3}$",
        clause,
        re.I,
    ):
        return True
    gerund = re.search(r"\b(?:for|by)\s+([a-z]+ing)\s+(?:[\w()\[\]/-]+\s*){0,2}$", before)
    if (
        e.type == "TECHNOLOGY"
        and gerund is not None
        and not re.fullmatch(rf"{USE_VERB}|{BUILD_VERB}", gerund.group(1), re.I)
    ):
        return True
    # A concept that names a kind of problem is a problem suffered (rule 7): "background
    # job issues", "caching bugs".
    # … and so are "MySQL server crashes" and a metric ("decreased model training time").
    if re.match(
        r"\s+(?:[\w-]+\s+)?(?:issues|problems|challenges|bugs|errors|failures|outages|incidents|"
        r"bottlenecks|pitfalls|headaches|crash(?:es)?)\b",
        after,
        re.I,
    ) or (
        e.type == "CONCEPT"
        and re.match(
            r"\s+(?:times?|latency|costs?|performance|throughput|speed|efficiency)\b", after, re.I
        )
    ):
        return True
    # … and so is one reduced, avoided or fought: "find and reduce toil" (rule 7).
    if e.type == "CONCEPT" and AVOIDED.search(before):
        return True
    if e.type != "CONCEPT":
        # "Pingora, a Rust-based HTTP proxy": the appositive describes Pingora.
        return _apposed_tech(unit, i, after=False)
    # An example in parentheses: "(WebAuthn, FIDO2, public key cryptography)".
    if before.rfind("(") > before.rfind(")"):
        return True
    # "moved its monolithic applications to", "rebuilt their Python 2 monolith into".
    if re.match(r"^(?:\s+[\w-]+){0,2}\s+(?:in)?to\b", after) and (
        FROM_TO_VERB.search(before[-60:]) or re.search(r"\brebuil\w*\b", before[-60:], re.I)
    ):
        return True
    # Rule 5: the concept goes to the technology that realises it, in the same phrase:
    # "GPU inference", "a Rust-based HTTP proxy", "Docker containers" …
    prev = unit.ents[i - 1] if i else None
    if (
        prev is not None
        and prev.type == "TECHNOLOGY"
        and (
            re.fullmatch(r"[\u2122\u00ae]?(?:-[\w]+)?\s+(?:[\w-]+\s+)?", text[prev.e : e.s])
            or ON_TECH.fullmatch(text[prev.e : e.s])  # "Kubernetes running on bare metal"
        )
    ):
        return True
    # "their monolithic Postgres", "a monolithic Chef cookbook": the concept qualifies the
    # technology right after it, and is said of it, not of the company (rule 5).
    nxt = unit.ents[i + 1] if i + 1 < len(unit.ents) else None
    if (
        nxt is not None
        and nxt.type == "TECHNOLOGY"
        and re.fullmatch(r"\s+", text[e.e : nxt.s])
        and re.search(r"\b(?:its|their|our|the|a|an)\s+$", before, re.I)
    ):
        return True
    # … "Envoy, a home-grown proxy server", "our search engine …, called Blackbird",
    # "the Service Mesh, Envoy": an apposition of a named technology.
    if _apposed_tech(unit, i):
        return True
    # "the origin server", "the closest replica": a particular thing named in passing.
    return re.search(r"\bthe\s+(?:[\w-]+\s+)?$", before, re.I) is not None


REPORTING = re.compile(
    r"\b(?:discuss\w*|describ\w*|detail(?:s|ed|ing)?|explain\w*|explor\w*|overview of|"
    r"look(?:s|ed)? at|deep dive into|introduction to|writes? about|wrote about|"
    r"blog(?:s|ged)? about)\b"
)


def _reported(clause: str, unit: _Unit | None = None, offset: int = 0) -> bool:
    """Whether ``clause`` ends inside the object of a reporting verb ("describes an
    evaluation-first blueprint for"), with no word between that restates the actor as the
    doer ("describes how they …", "its", "their", "we")."""
    verbs = list(REPORTING.finditer(clause.lower()))
    if not verbs:
        return False
    rest = clause[verbs[-1].end() :]
    doer = re.search(
        r"\b(?:how|why|what|when|that|which|its|their|our|we|they|the team)\b", rest, re.I
    )
    if doer is None:
        return True
    # "we explore how eBPF, using the Cilium project, allows you …", "we will look at how
    # moving X into the kernel …": a question whose subject is a technology or an activity,
    # not the company, is the talk's topic (rule 7: no statement about the head). "how they
    # …", "how Canva uses it" still state what the company does.
    if unit is not None and doer.group(0).lower() in ("how", "why", "what", "when"):
        # the question's words up to the mention: "how the Compute Fabric team at Salesforce
        # optimized …" names the company, "how eBPF, using …" does not
        start = offset + verbs[-1].end() + doer.end()
        end = offset + len(clause)
        if re.search(
            r"\b(?:we|they|our|their|its|the team|the company|engineers|i)\b",
            unit.text[start:end],
            re.I,
        ):
            return False
        return not any(f.type == "COMPANY" and start <= f.s < end for f in unit.ents)
    return False


def _apposed_tech(unit: _Unit, i: int, after: bool = True) -> bool:
    """Whether ``ents[i]`` stands in (or inside) an apposition to a named technology: one
    before it ("T, a … X"), or, with ``after``, one it names ("X, called T", "X, T")."""
    text, ents = unit.text, unit.ents
    for f in reversed(ents[:i]):
        if f.type == "TECHNOLOGY" and text[f.e : f.e + 1] != "-":  # not "Rust-based"
            if re.fullmatch(
                r"\s*(?:,|\(|:|\s—|\s-|\s+is|\s+was)\s*(?:a|an|the|its|their|our|"
                r"[\w.&-]+(?:['\u2019]s|s['\u2019]))(?!\w)[^;.()]{0,50}",
                text[f.e : ents[i].s],
                re.I,
            ):
                return True
            break
    for f in ents[i + 1 :] if after else ():
        if f.type == "TECHNOLOGY":
            gap = text[ents[i].e : f.s]
            # "a multi-tenant key-value store (Mussel)": the name in parentheses
            if re.fullmatch(r"(?:\s+[\w-]+){0,3}\s*\(\s*", gap) and re.match(r"\s*\)", text[f.e :]):
                return True
            return re.fullmatch(
                r"(?:\s+[\w-]+){0,5}?\s*,?\s*(?:called|named|codenamed)?\s*[\"“]?",
                gap,
                re.I,
            ) is not None and (
                re.search(r"\b(?:called|named|codenamed)\b", gap, re.I)
                or re.fullmatch(r"(?:\s+" + SYSTEM_NOUN + r")?\s*,\s*", gap, re.I)
            )
    return False


def _subject_tech(unit: _Unit) -> _Ent | None:
    """The technology that is the sentence's subject: "Envoy is …", "At LinkedIn, Apache
    Spark is …", "Airbnb's internal Impulse framework combines …" (rule 2: what is stated of
    a named system is not copied to its owner)."""
    if not unit.ents:
        return None
    techs = [e for e in unit.ents if e.type == "TECHNOLOGY"]
    if not techs:
        return None
    first = techs[0]
    lead = unit.text[: first.s]
    if any(e.type == "CONCEPT" and e.s < first.s for e in unit.ents):
        return None
    if not re.fullmatch(
        r"\s*(?:(?:the|our|its|their)\s+|at [^,]{1,40},\s*|(?:[^,]{0,60}\s)?[\w.&-]+['\u2019]s?\s+"
        r"(?:internal\s+|new\s+|own\s+)?)?",
        lead,
        re.I,
    ):
        return None
    rest = unit.text[first.e : first.e + 80]
    if unit.field == "title" and re.match(r"^(?:\s+[\w.-]+)?\s*:", rest):
        return first  # "Airbnb's Mussel V2: Next-Gen Key Value Storage …"
    if re.match(
        r"^(?:['\u2019]s\s+)?(?:\s*\([^()]{1,20}\))?(?:\s*[\w-]+){0,4}?\s+(?:is|was|are|has|runs|handles|provides|"
        r"serves|uses|relies|stores|powers|combines|supports|enables|processes|implements)\b",
        rest,
        re.I,
    ):
        return first
    # "Vitess, a database clustering system built by YouTube, shards MySQL": the appositive
    # between commas, then the verb of the named system.
    if re.match(
        r"^,\s*(?:a|an|the|its|our|their)\b[^;.()]{0,80}?,\s+(?:\w+ly\s+)?"
        r"(?:is|was|are|has|[a-z]+(?<!s)s)\b",
        unit.text[first.e : first.e + 120],
    ):
        return first
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


def _vendor(unit: _Unit, i: int) -> bool:
    """ "Elixir's GenStage": the possessor is the vendor of the next technology."""
    ents = unit.ents
    if i + 1 >= len(ents) or ents[i + 1].type != "TECHNOLOGY":
        return False
    gap = unit.text[ents[i].e : ents[i + 1].s]
    return gap in ("'s ", "\u2019s ") or ents[i].m.text.endswith(("'s", "\u2019s"))


def _topic_at(unit: _Unit, i: int, actor: str) -> bool:
    """Whether the title states the concept ``ents[i]`` as its topic at the post's company:
    "Event Sourcing and Stream Processing Pipelines at Grab", "Supercharging A/B Testing At
    Uber", "Selecting a model for semantic search at Dropbox scale" (rule 1: a title that
    names what the summary describes). No technology stands between them: in "Replicating
    Kafka clusters at LinkedIn" the practice is the technology's."""
    ents = unit.ents
    for f in ents[i + 1 :]:
        if f.type == "TECHNOLOGY":
            return False
        if f.type == "COMPANY":
            return f.name == actor and re.search(r"\bat\s+$", unit.text[: f.s], re.I) is not None
    return False


def _actor_evidence(unit: _Unit) -> str:
    """How a sentence ties what it names to the post's company: the title, an anaphor ("we",
    "the team", "its"), or the company's name; the three differ in precision."""
    if unit.field == "title":
        return "title"
    return "anaphor" if ANAPHOR.search(unit.text) else "named"
