"""The component that mines engineering ideas the ontology lacks from noun chunks.

A chunk like ``the new tail-sampling pipelines`` is cut down to the idea it names: leading
determiners and vague adjectives go (``new``), generic heads go (``pipelines``, ``system``),
the last word is singularised, and the phrase is scored. It is kept above ``threshold``:
heads that name techniques (``-ing``, ``-tion``, known concept heads like ``queue``) and
modifiers from the concept vocabulary raise the score; one bare word lowers it.
"""

from __future__ import annotations

import re
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc

from kgraph.extract import confidence
from kgraph.extract.generic import (
    BUSINESS_SIGNALS,
    MONITORING_WORDS,
    PRACTICE_HEADS,
    PROXY_JUDGEMENTS,
    PROXY_WORDS,
    UMBRELLA,
    VAGUE,
    is_generic,
    org_unit,
    phrases,
    verb_use,
)
from kgraph.extract.generic import GENERIC_HEADS as GENERIC
from kgraph.extract.spans import (
    SPANS_KEY,
    Candidate,
    Words,
    _make_span,
    add_candidates,
    covered,
    doc_text,
    is_title_case,
    method_of,
    spans_in,
)
from kgraph.extract.spans import words as doc_words
from kgraph.extract.variants import singular

VAGUE_COMPOUNDS = phrases(
    """
    real-time large-scale high-performance next-generation open-source single-digit low-cost
    well-known long-running cloud-native state-of-the-art end-to-end world-class in-house
    production-grade enterprise-grade industrial-grade commercial-grade military-grade
    production-ready enterprise-ready record-breaking ground-breaking game-changing
    cutting-edge top-notch first-class top-tier high-quality
    """
)
# Second halves of a hyphenated modifier that states a property ("tier-aware shedding",
# "lock-free queue", "cloud-agnostic deployment"): a description, not a kind of the idea.
PROPERTY_TAILS = phrases(
    "aware free independent agnostic safe friendly sensitive intensive heavy centric specific"
)
TECHNICAL_SUFFIX = ("ing", "tion", "sion", "ancy", "ency", "ity", "ism", "ment")
# Heads that name an engineering technique, a system category or a failure mode: with a
# modifier from the concept vocabulary they make a term on their own ("trace propagation",
# "distributed scheduler", "lock contention", "index bloat", "log router", "data
# reconciliation", "dependency graph", "secret scanning", "amplification attack"); other
# heads need the post's support. "store", "query" and "topic" are left out: as heads they
# are mostly plain words ("online store", "long-range queries"); so are "ingestion" (what is
# taken in or when: "batch ingestion", "segment ingestion", the rules' generic data
# activities), "protocol" (one system's own: "consumer protocol", "wire protocol") and
# "leak" (one incident: "credential leak", "prefix leaks"), none of 11 such mined phrases
# annotated in the tuning sets.
DOMAIN_HEADS = phrases(
    """
    caching batching sharding hashing replication partitioning scheduling scheduler
    balancing balancer sampling propagation encryption authentication authorization
    compression serialization indexing queue cache consensus election commit
    backoff throttling shedding limiting limiter routing tracing profiling deduplication
    parallelism idempotency failover firewall mesh proxy gateway broker locking lock filter
    capture isolation tolerance quorum checkpointing compaction handoff
    contention amplification bloat starvation corruption exhaustion stampede storm
    thrashing fragmentation poisoning hijacking spoofing exfiltration escalation eviction
    invalidation warming pooling multiplexing pipelining quantization prefetching
    processor router registry feed ranking reconciliation matching
    graph scanning attack
    """
)
# Heads that make a known technique a kind of rule or machine for it: "scheduling policy",
# "consensus algorithm", "hashing algorithm", "eviction policy", "query engine". Bare they
# are generic words; after a technique noun they name the technique's established parts.
KIND_HEADS = phrases("policy policies algorithm algorithms engine engines")


# Metric heads: a phrase of two words or more before one ("Android app startup performance",
# "mobile app launch time") names what the metric measures, a moment or a part of a product,
# and the rules annotate no metric; a known idea before it is the ontology's to find.
MEASURES = phrases("performance latency speed throughput time cost costs efficiency")


def _technique_kind(words: list[str]) -> bool:
    """A technique noun plus a kind head: ``scheduling policy``, ``consensus algorithm``."""
    return len(words) == 2 and words[1] in KIND_HEADS and words[0] in DOMAIN_HEADS


# Verbs that start a headline's clause ("to Unify Streaming", "Scale Your Queues"): without a
# tagger they look like modifiers, and a phrase never starts with one. Nor with the
# participle of a name's modifier written without its hyphen ("a Rust based ingestion
# service", "Kafka backed queues"): the idea is what follows it. Nor with the verbs a talk's
# or post's summary opens its object with ("I'll share engineering strategies", "we explore
# caching trade-offs").
VERB_STARTS = phrases(
    """
    unify build scale improve reduce make use run speed boost cut enable power simplify
    accelerate bring keep move ship solve tame fix rethink rebuild rewrite replace avoid
    hit see saw get got face cause add handle prevent detect find hunt debug diagnose
    mitigate eliminate tackle address survive implement introduce create
    built made ran kept brought found took chose
    based driven powered backed
    share discuss explore explain describe present show cover examine learn
    """
)
# The same verbs as gerunds opening a clause ("by making continuous ingestion the default",
# "preventing address spoofing"), and the participles that open a list ("including model
# gateways"): the phrase is the gerund's object. Not the gerunds that name practices
# themselves ("scaling", "shipping", "caching").
VERB_GERUNDS = phrases(
    """
    making handling preventing breaking building using running keeping bringing moving
    solving fixing avoiding getting adding finding detecting diagnosing debugging mitigating
    eliminating tackling addressing improving reducing enabling simplifying accelerating
    replacing rewriting rethinking unifying implementing introducing creating designing
    supporting
    including involving featuring covering exploring comparing leveraging adopting
    executing consolidating sharing discussing explaining describing presenting showing
    examining managing maintaining operating deploying migrating optimizing optimising
    evaluating integrating
    """
)


# Heads that name a document, a group, a plan or one occurrence rather than an idea: "case
# study", "tech vision", "technical foundations", "engineering teams", "security procedures",
# "infrastructure changes", "service instances", "metrics formats", "communication
# channels", "AI product", "home computer", "dark mode", "topic suggestions". Terms with such heads ("stored procedure",
# "data product", "computer vision") are the ontology's entries; mined, they were annotated
# in none of 14 uses in the tuning sets.
NON_IDEA_HEADS = phrases(
    """
    study studies vision foundation foundations procedure procedures product products
    team teams change changes instance instances format formats channel channels computer
    computers mode modes suggestion suggestions
    """
)


# Gerunds used as prepositions ("including model gateways"): they open a list, no idea.
PREPOSITION_GERUNDS = phrases("including involving regarding concerning excluding")


@Language.factory(
    "kgraph_concepts",
    default_config={"threshold": 0.85, "support_threshold": 0.7, "max_words": 3},
)
def make_miner(
    nlp: Language, name: str, threshold: float, support_threshold: float, max_words: int
) -> ConceptMiner:
    return ConceptMiner(name, threshold, support_threshold, max_words)


class ConceptMiner:
    """Novel CONCEPT candidates from noun chunks; a no-op without a dependency parse."""

    def __init__(
        self, name: str, threshold: float = 0.85, support_threshold: float = 0.7, max_words: int = 3
    ):
        self.name = name
        self.threshold = threshold
        self.support_threshold = support_threshold
        self.max_words = max_words
        self.heads: set[str] = set()
        self.words: set[str] = set()

    def set_vocabulary(self, concept_names) -> None:
        """Learn concept heads and modifier words from the ontology's concept names."""
        names = [n.lower().replace("-", " ").split() for n in concept_names]
        self.heads = {w[-1] for w in names if w}
        self.words = {x for w in names for x in w}

    def __call__(self, doc: Doc) -> Doc:
        # Mining runs with the model only: rules-only mode stays rules-only.
        if not doc.has_annotation("SENT_START") or not doc.has_annotation("ENT_IOB"):
            return doc
        _drop_verb_gerunds(doc)
        _qualified_concepts(doc)
        _as_code(doc)
        taken, spans = covered(doc), []
        lower = doc.to_array("LOWER")
        spans += _percentile_latencies(doc, taken, lower)
        spans += _nines_availability(doc, taken, lower)
        heads = _one_word_concepts(doc)
        absorbed = []
        for sent in doc.sents:
            headline = is_title_case(sent)
            for run in _runs(sent, headline):
                phrase = self._core(run)
                if phrase is None:
                    continue
                # "log router", "state store": a known one-word concept as the head of a
                # modifier + head phrase; the phrase may take it over if it scores as a term.
                head = heads.get(phrase[-1].i)
                # "scheduling policies": a known technique before a kind head gives its span
                # to the phrase.
                technique = None
                if (
                    len(phrase) == 2
                    and phrase[0].i in taken
                    and phrase[1].i not in taken
                    and _technique_kind([phrase[0].lower_, phrase[1].lower_])
                ):
                    technique = _one_word_concept(doc, phrase[0].i)
                if (technique is None and any(t.i in taken for t in phrase[:-1])) or (
                    phrase[-1].i in taken and (head is None or len(phrase) != 2 or headline)
                ):
                    continue
                words = [t.lower_ for t in phrase]
                words[-1] = singular(words[-1])
                # A generic head ("tracing pipeline", "product analytics", "online storage")
                # names a thing, not an idea; ideas with such heads are ontology entries.
                if (
                    is_generic(" ".join(words))
                    or (is_generic(words[-1]) and not (_practice(words) or _technique_kind(words)))
                    or words[-1] in NON_IDEA_HEADS
                    or (words[-1] in PROXY_WORDS and words[0] in PROXY_JUDGEMENTS)  # "good proxy"
                ):
                    continue
                score = self.score(words)
                if score < self.support_threshold:
                    continue
                if technique is not None:
                    if score < self.threshold or headline:
                        continue  # the technique keeps its span unless the phrase is sure
                    absorbed.append(technique)
                if head is not None and phrase[-1].i in taken:
                    if score < self.threshold:
                        continue
                    absorbed.append(head)
                # Below the threshold, and in headlines, a phrase needs support: the post must
                # use it twice (title and summary), which the post-level assembly checks.
                needs_support = score < self.threshold or headline
                key = "CONCEPT:" + " ".join(words).replace(" - ", "-")
                spans.append(
                    Candidate(
                        phrase[0].i,
                        phrase[-1].i + 1,
                        "CONCEPT",
                        key,
                        "rule",
                        min(score, confidence.MINED_CONCEPT_MAX),
                        needs_support,
                    )
                )
        if absorbed:
            doc.spans[SPANS_KEY] = [s for s in doc.spans[SPANS_KEY] if s not in absorbed]
        add_candidates(doc, spans)
        return doc

    def _core(self, run):
        """The idea a run of words names: vague modifiers, generic heads and verbs cut.

        Without a tagger, the head is the run's last word and modifiers are kept back to the
        first word that looks like a verb (``uses``, ``adopted``) unless the ontology's concept
        names use it (``distributed``).
        """
        run = list(run)
        while run and (run[-1].lower_ in GENERIC or run[-1].text == "-"):
            if len(run) > 1 and _technique_kind([run[-2].lower_, run[-1].lower_]):
                break  # "scheduling engine" keeps its head; "scheduling system" drops it
            if run[-1].lower_ in MEASURES and len(run) > 2:
                return None  # "app startup performance": what a metric measures
            run.pop()
        if not run or (run[-1].lower_.endswith("ed") and run[-1].lower_ not in self.heads):
            return None
        cut = len(run) - 1
        while cut > 0:
            word = run[cut - 1].lower_
            if word != "-" and _verbish(word) and word not in self.words:
                break
            cut -= 1
        run = run[cut:]
        while run and (
            run[0].lower_ in VAGUE
            or run[0].lower_ in VERB_STARTS
            or (run[0].lower_ in VERB_GERUNDS and len(run) > 1)
            or run[0].lower_ in PREPOSITION_GERUNDS
            or run[0].text == "-"
            or run[0].lower_.endswith("ly")
        ):
            run.pop(0)
        while len(run) >= 3 and (
            f"{run[0].lower_}-{run[2].lower_}" in VAGUE_COMPOUNDS
            or (run[1].text == "-" and run[2].lower_ in PROPERTY_TAILS)
        ):
            run = run[3:]
        content = [t for t in run if t.text != "-"]
        if not content or len(content) > self.max_words:
            return None
        return run

    def score(self, words: list[str]) -> float:
        """How much ``words`` look like a named engineering idea (0 to 1)."""
        content = [w for w in words if w != "-"]
        head = content[-1]
        if all(w in GENERIC or w in VAGUE for w in content):
            return 0.0
        score = 0.4
        if head in DOMAIN_HEADS or _practice(content) or _technique_kind(content):
            score += 0.3
        elif head in self.heads or head.endswith(TECHNICAL_SUFFIX):
            score += 0.25
        if any(w in self.words for w in content[:-1]):
            score += 0.15
        if len(content) == 1:
            score -= 0.25
        return score

    def to_disk(self, path, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(
            path / "vocabulary.json", {"heads": sorted(self.heads), "words": sorted(self.words)}
        )

    def from_disk(self, path, exclude=()) -> ConceptMiner:
        data = srsly.read_json(Path(path) / "vocabulary.json")
        self.heads, self.words = set(data["heads"]), set(data["words"])
        return self


# Component nouns that a modifier makes a kind of component ("log router", "state store",
# "private registry"); a technique keeps its bare name ("smart batching" is batching).
COMPONENT_HEADS = phrases("router processor registry store feed")


def _one_word_concepts(doc: Doc) -> dict:
    """One-token CONCEPT spans from the ontology, by token index."""
    return {
        s.start: s
        for s in spans_in(doc)
        if s.label_ == "CONCEPT"
        and len(s) == 1
        and method_of(s) == "ontology"
        and singular(s[0].lower_) in COMPONENT_HEADS
    }


def _one_word_concept(doc: Doc, i: int):
    """The one-token ontology CONCEPT span at token ``i``, if any."""
    for s in spans_in(doc):
        if s.start == i and s.end == i + 1 and s.label_ == "CONCEPT" and method_of(s) == "ontology":
            return s
    return None


# "P95 latency", "p99.9 latencies": a percentile latency is a concept (the entity rules); its
# canonical is the lower-case percentile plus "latency". The runs below skip such tokens
# (a digit, maybe a capital), so they are matched here. The percentile also names the latency
# across a word or two that say which ("p99 read latency", "p99 end-to-end latency"), before
# "response time" or a serving latency's acronym ("P99 TTFT"), and on its own ("cut p99 by
# 70%", as the rules' "P999s"): not before a capitalised name word ("P99 CONF", an event),
# nor before a noun that names another measure ("p95 pause windows").
PERCENTILE = re.compile(r"^[pP]\d{2,4}(?:\.\d+)?s?$")
PERCENTILE_IN_TEXT = re.compile(r"\b[pP]\d{2,4}")
LATENCY_WORDS = frozenset(["latency", "latencies"])
RESPONSE_TIMES = frozenset(["time", "times"])
LATENCY_ACRONYMS = frozenset(["TTFT", "TPOT", "ITL", "RTT", "TTFB"])
MAX_BETWEEN = 2


def _percentile_latencies(doc: Doc, taken: set[int], lower) -> list[Candidate]:
    # Most texts write no percentile: a search of the text decides before any token is read.
    if PERCENTILE_IN_TEXT.search(doc_text(doc)) is None:
        return []
    found = []
    for tok in doc:
        if not PERCENTILE.match(tok.text) or tok.i in taken:
            continue
        end = _latency_end(doc, tok.i + 1)
        if end is None:
            continue
        if any(j in taken for j in range(tok.i, end)) and not _absorb(doc, tok.i + 1, end):
            continue
        key = f"CONCEPT:{tok.lower_.rstrip('s')} latency"
        found.append(Candidate(tok.i, end, "CONCEPT", key, "rule", confidence.MINED_CONCEPT_MAX))
    return found


def _absorb(doc: Doc, start: int, end: int) -> bool:
    """Give the tokens ``start:end`` to a percentile before them when the matches there are
    concepts inside that range (``response time`` and ``TTFT`` are the latency the percentile
    names); False, and nothing changed, when another match reaches outside it."""
    spans = spans_in(doc)
    inside = [s for s in spans if s.start < end and s.end > start]
    if any(s.label_ != "CONCEPT" or s.start < start or s.end > end for s in inside):
        return False
    doc.spans[SPANS_KEY] = [s for s in spans if s not in inside]
    return True


def _other_measure(doc: Doc, i: int) -> bool:
    """Whether a noun compound opens at token ``i`` (two lower-case content words, the
    first no verb form): what the percentile before it measures, when no latency word came."""
    if i + 1 >= len(doc):
        return False
    first, second = doc[i], doc[i + 1]
    return all(
        t.is_alpha and t.is_lower and not t.is_stop and t.lower_ not in LATENCY_WORDS
        for t in (first, second)
    ) and not _verbish(first.lower_)


def _latency_end(doc: Doc, i: int) -> int | None:
    """Where a percentile latency that starts before token ``i`` ends: after its latency word
    (a word or two may name which latency), after ``response time`` or a latency's acronym,
    or at ``i`` when the percentile stands alone; None before a capitalised name word."""
    words, j = 0, i
    while j < len(doc) and words <= MAX_BETWEEN:
        tok = doc[j]
        if tok.lower_ in LATENCY_WORDS:
            return j + 1
        if tok.text in LATENCY_ACRONYMS and j == i:
            return j + 1
        if tok.lower_ == "response" and j + 1 < len(doc) and doc[j + 1].lower_ in RESPONSE_TIMES:
            return j + 2
        if tok.text == "-" and not tok.whitespace_ and j > i and not doc[j - 1].whitespace_:
            j += 1
            continue
        if not (tok.is_alpha and tok.is_lower):
            break
        if j == i or doc[j - 1].text != "-":
            words += 1
        j += 1
    after = doc[i] if i < len(doc) else None
    if after is not None and after.is_alpha and not after.is_lower:
        return None
    if _other_measure(doc, i):
        # "p95 pause windows", "p99 request size": the percentile of another measure, which
        # the rules leave out with the other metric values ("cut p99 by 70%" and "the p99
        # fell" stay)
        return None
    return i


# "five nines", "four nines availability": N-nines availability is a concept (the entity
# rules), canonical "<N> nines availability"; "nines" alone is never matched. The nines are
# also written as digits: "five 9s", "five 9's", "five 9’s".
NINES = hash_string("nines")
NINE_DIGITS = hash_string("9s")
NINE = hash_string("9")
NINE_PLURALS = frozenset(["'s", "\u2019s"])
_NINES_WORDS = ("two", "three", "four", "five", "six", "seven")
NINES_COUNTS = {**{w: w for w in _NINES_WORDS}, **dict(zip("234567", _NINES_WORDS, strict=True))}


def _nines_availability(doc: Doc, taken: set[int], lower) -> list[Candidate]:
    # Found in the token array first, as for percentile latencies: most texts have no "nines".
    places = ((lower == NINES) | (lower == NINE_DIGITS) | (lower == NINE)).nonzero()[0]
    found = []
    for i in places.tolist():
        count = NINES_COUNTS.get(doc[i - 1].lower_) if i > 0 else None
        if count is None or i - 1 in taken or i in taken:
            continue
        end = i + 1
        if doc[i].text == "9":
            # a bare digit is a count ("five 9 ms") unless a plural ending is glued on
            if end >= len(doc) or doc[end].text not in NINE_PLURALS or doc[i].whitespace_:
                continue
            end += 1
        if end < len(doc) and doc[end].lower_ == "availability" and end not in taken:
            end += 1
        key = f"CONCEPT:{count} nines availability"
        found.append(Candidate(i - 1, end, "CONCEPT", key, "rule", confidence.MINED_CONCEPT_MAX))
    return found


def _drop_verb_gerunds(doc: Doc) -> None:
    """A one-word concept that is a gerund used as a verb (``Monitoring CPU usage``) names no
    idea: the entity rules exclude the verb and keep the noun. Nor does one company's team
    (``Zalando's platform team``), though the kind of team is a concept."""
    spans = spans_in(doc)
    drop = [
        s
        for s in spans
        if s.label_ == "CONCEPT" and ((len(s) == 1 and verb_use(doc, s.start)) or org_unit(s))
    ]
    if drop:
        doc.spans[SPANS_KEY] = [s for s in spans if s not in drop]


# The second halves of a hyphenated modifier that makes a known concept a narrower kind of
# it: "client-side caching", "tail-based sampling", "iteration-level scheduling",
# "carrier-grade NAT", "gradient-boosted trees" (the entity rules keep a technical modifier
# when modifier + head is an established term, and such kinds are written so). Modifiers
# that state a property instead ("state-aware", "hardware-independent", "lock-free") are
# left out: most such phrases are descriptions, and the head alone is the idea.
# Not "based": "token-based throttling", "engagement-based embeddings" say what one system's
# idea is built on (the rules drop such a modifier); the established "-based" terms
# ("property-based testing", "role-based access control") are the ontology's own entries.
QUALIFIER_TAILS = phrases("side level grade boosted driven bound oriented")


def _qualified_concepts(doc: Doc) -> None:
    """Grow a CONCEPT span over a hyphenated technical modifier glued before it.

    The ontology matches the head ("caching" in "client-side caching"); the compound is
    the idea the text names, so the span takes the modifier and the compound becomes the
    key (surface words, the last singularised). Only a one-word head makes such a kind: in
    the tuning sets' blocks A and C, the modifier grown over a head of two words or more
    ("broker-side schema validation", "risk-oriented threat detection",
    "acknowledgement-based DDoS attacks") was annotated in 0 of 5 uses, the head alone in 4.
    """
    spans = spans_in(doc)
    if not spans:
        return
    starts = {i for s in spans for i in range(s.start, s.end)}
    changed = False
    for n, span in enumerate(spans):
        i = span.start
        if span.label_ != "CONCEPT" or i < 3:
            continue
        first, dash, second = doc[i - 3], doc[i - 2], doc[i - 1]
        if (
            dash.text != "-"
            or first.whitespace_
            or dash.whitespace_
            or not second.whitespace_
            or not (first.is_alpha and second.is_alpha)
            or second.lower_ not in QUALIFIER_TAILS
            or f"{first.lower_}-{second.lower_}" in VAGUE_COMPOUNDS
            or f"{first.lower_}-{second.lower_}" in VAGUE
            or first.lower_ in VAGUE
            # a kind is named on a one-word technique ("client-side caching"); a term of two
            # words is specific already, and the modifier before it describes one use
            # ("broker-side schema validation", "token-based DDoS attacks")
            or len(span) > 1
            # "application-level retries" says where and names nothing, but the two sides of
            # a connection name kinds ("server-side batching" as "client-side caching")
            or (is_generic(first.lower_) and second.lower_ != "side")
            or any(j in starts for j in (i - 3, i - 2, i - 1))
            or (i >= 4 and doc[i - 4].text == "-" and not doc[i - 4].whitespace_)
        ):
            continue
        words = [_word(t.text) for t in span]
        words[-1] = singular(words[-1]) if words[-1].islower() else words[-1]
        key = f"CONCEPT:{first.lower_}-{second.lower_} " + " ".join(words)
        conf = min(span._.kg_conf, confidence.MINED_CONCEPT_MAX)
        spans[n] = _make_span(doc, Candidate(i - 3, span.end, "CONCEPT", key, "rule", conf))
        changed = True
    if changed:
        doc.spans[SPANS_KEY] = spans


def _word(text: str) -> str:
    """A key word: acronyms keep their case and lose a plural ``s`` (``NATs``)."""
    if len(text) > 1 and text.rstrip("s").isupper():
        return text.rstrip("s") if text.endswith("s") and text[:-1].isupper() else text
    return text.lower()


# Irregular participles that end a verb phrase before "as code" ("written as code").
PARTICIPLES = phrases("written kept built held done seen given run made known shown put set left")
CODE = hash_string("code")
AS = hash_string("as")
DASH = hash_string("-")


def _glued(doc: Doc, start: int, end: int) -> bool:
    """Whether the tokens ``start``..``end`` (inclusive) and the one before are written
    without a space between them (``detection-as-code``)."""
    return start > 0 and all(not doc[k].whitespace_ for k in range(start - 1, end))


def _as_code(doc: Doc) -> None:
    """``compliance as code``, ``policy as code``, ``docs as code``: the practice of keeping
    a kind of artefact as versioned, reviewed code is named by the artefact plus "as code".
    The artefact may be a concept of its own (``compliance``): the practice replaces it. A
    verb before "as" (``written as code``, ``treated as code``) names nothing."""
    lower = doc.to_array("LOWER")
    places = ((lower[1:] == CODE) & (lower[:-1] == AS)).nonzero()[0].tolist()
    # written hyphenated, "detection-as-code": word - as - code, glued
    glued = (
        (lower[3:] == CODE) & (lower[2:-1] == DASH) & (lower[1:-2] == AS) & (lower[:-3] == DASH)
    ).nonzero()[0]
    places += [int(k) + 1 for k in glued.tolist() if _glued(doc, int(k), int(k) + 3)]
    if not places:
        return
    spans = spans_in(doc)
    at = {i: span for span in spans for i in range(span.start, span.end)}
    for i in places:
        hyphened = doc[i + 1].text == "-"
        if hyphened:
            i -= 1  # the artefact word sits before the first hyphen
        if i == 0:
            continue
        word, before = doc[i - 1], at.get(i - 1)
        text = word.lower_
        end = i + 4 if hyphened else i + 2
        if (
            not word.is_alpha
            or word.is_stop
            or text.endswith(("ed", "ly"))
            or text in PARTICIPLES
            or text in VAGUE
            or text in VERB_STARTS
            or any(j in at for j in range(i, end))
            or (before is not None and (before.label_ != "CONCEPT" or len(before) > 1))
        ):
            continue
        if before is not None:
            spans.remove(before)
        key = f"CONCEPT:{text if text.endswith('s') and len(text) <= 4 else singular(text)} as code"
        conf = confidence.MINED_CONCEPT_MAX
        spans.append(_make_span(doc, Candidate(i - 1, end, "CONCEPT", key, "rule", conf)))
        at.update({j: spans[-1] for j in range(i - 1, end)})
    doc.spans[SPANS_KEY] = sorted(spans, key=lambda s: s.start)


def _practice(words: list[str]) -> bool:
    """A discipline named by its specific object: ``resilience engineering``, ``chaos
    testing``, ``synthetic monitoring`` (not the umbrella ``data engineering``)."""
    return (
        len(words) == 2
        and words[1] in PRACTICE_HEADS
        and words[0] not in UMBRELLA
        and words[0] not in VAGUE
        and not words[0].endswith(("ed", "ing", "ive"))  # "proactive monitoring" is monitoring
        and not (words[1] in MONITORING_WORDS and words[0] in BUSINESS_SIGNALS)  # "risk monitoring"
    )


def _verbish(word: str) -> bool:
    """Looks like a verb form (``uses``, ``adopted``); modifiers rarely end so."""
    return word.endswith("ed") or (word.endswith("s") and not word.endswith(("ss", "us", "is")))


def _runs(sent, headline: bool):
    """Maximal runs of lower-case content words (and glued hyphens) in ``sent``.

    A noun-chunk stand-in that needs no parser: stop words, punctuation, numbers and
    mid-sentence capitals (names, which discovery handles) end a run; in a headline, where
    every word has a capital, case says nothing.
    """
    # Every word of every sentence is looked at: by the shared word lists, and a spaCy Token
    # made only for the words of a run (a run is consecutive, so its last word is i - 1).
    doc, w = sent.doc, doc_words(sent.doc)
    text, space, alpha, stop = w.text, w.space, w.alpha, w.stop
    run: list[int] = []
    for i in range(sent.start, sent.end):
        glued = text[i] == "-" and not space[i] and run and not space[i - 1]
        word = alpha[i] and not stop[i] and (headline or not _capital_at(text[i], i, sent.start))
        if word and not run and _glued_to_previous(w, i):
            word = False  # "OS-style memory paging": not a phrase that starts with "style"
        if word or glued:
            run.append(i)
            continue
        if run:
            yield [doc[k] for k in run]
        run = []
    if run:
        yield [doc[k] for k in run]


def _capital(tok, sent) -> bool:
    return _capital_at(tok.text, tok.i, sent.start)


def _capital_at(text: str, i: int, sent_start: int) -> bool:
    """Whether the word ``text`` at ``i`` has a capital, not counting a sentence's first."""
    if i == sent_start:
        return False
    # asked of every word: an ASCII word has a capital when lower-casing changes it
    return text != text.lower() if text.isascii() else any(c.isupper() for c in text)


def _glued_to_previous(w: Words, i: int) -> bool:
    """The second half of a hyphenated word (``style`` in ``OS-style``)."""
    return i >= 2 and w.text[i - 1] == "-" and not w.space[i - 1] and not w.space[i - 2]
