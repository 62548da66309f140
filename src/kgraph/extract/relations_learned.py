"""Learned relation decisions: weights over general features decide which candidate triples
of a post are stated (RELATION-RULES), beside the hand rules.

The hand rules are precise on the text they were written from and carry poorly to text
nobody here has read. So every pair of a post's mentions that could hold a relation is a
candidate, and one logistic model per relation type (:mod:`kgraph.extract.learned`) scores it
from what lies around the pair: the words between the two names, the word before the first
and after the second, their order and distance, the punctuation between, the types of head
and tail, and whether the head is the post's company or the sentence's first name (which rule,
if any, proposed the triple is no feature: see :func:`candidates`). The weights are fitted on the labelled tuning sets by
``python -m kgraph.extract.relation_fit``, and a triple is kept when its probability reaches
its type's threshold; the probability is the relation's confidence. What the rules find is kept.

Candidates: each (head, tail) of a sentence or the title, head a COMPANY or TECHNOLOGY and
tail a TECHNOLOGY or CONCEPT; the post's company (its actor) with each mention of the post;
the technology the title names first with each concept of a sentence that does not name it;
and every triple a rule put forward.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import operator
import re
import sys
from pathlib import Path

from kgraph import config
from kgraph.extract.learned import LinearModel
from kgraph.extract.relations_post import _Ent, _named_after, _Post, _Unit, unstated
from kgraph.extract.relations_words import HARDWARE_KINDS
from kgraph.model import Relation, entity_key

HEADS = ("COMPANY", "TECHNOLOGY")
TAILS = ("TECHNOLOGY", "CONCEPT")
LEARNED_TYPES = ("applies", "uses", "built")
"""The types a model decides. Migrations stay with the rules: on sets left out of the fit,
models for them added nothing the migration rules did not find."""
LEARNED = "learned"
"""The method of a triple only the model found; a rule's kept triple is ``<rule>+learned``."""

# A summary sentence whose subject refers back to a technology named before it (RELATION-
# RULES rule 1, anaphora): "It is written in Rust", "The service uses HTTP/2".
_PRONOUN_SUBJECT = re.compile(
    r"\s*(?:it|its|it['\u2019]s|the\s+(?:service|system|platform|tool|library|framework|engine|"
    r"database|project|proxy|extension|operator|runtime|server|api|sdk|feature|release|"
    r"new\s+version|implementation|architecture))\b",
    re.I,
)
_SUFFIX = re.compile(r"-([a-z]+)\b", re.I)  # "Zig-based", "Pulsar-backed"
_WORD = re.compile(r"[a-z0-9]+(?:['\u2019.-][a-z0-9]+)*|[(),:;/&+\"\u201c\u201d]")
# Words that refer back to the post's company (RELATION-RULES rule 1, anaphora).
_ANAPHORS = frozenset(
    {"we", "our", "us", "ours", "they", "their", "them", "its", "it"}
    | {"team", "company", "engineers", "engineering"}
)


@functools.cache
def load_models(directory: Path = config.LEARNED_DIR) -> dict[str, LinearModel]:
    """The shipped model of each relation type, ``relation-<type>.json`` ({} when none is
    shipped). Their bytes are in the pipeline version (``model_build.learned_digest``), so a
    refit invalidates the extraction cache."""
    models = {}
    for type_ in LEARNED_TYPES:
        path = weights_path(type_, directory)
        if path.exists():
            models[type_] = LinearModel.load(path)
    return models


def weights_path(type_: str, directory: Path = config.LEARNED_DIR) -> Path:
    return directory / f"relation-{type_}.json"


class _Scorer:
    """Several models read once for every candidate of every post; each probability is the
    one ``LinearModel.probability`` gives. A candidate's features are looked up in each
    allowed type's weights once (``dict.get``), not tested and then read: the lookups miss
    the CPU's caches, and most candidates have one allowed type."""

    def __init__(self, models: dict[str, LinearModel]):
        self.models = models  # kept, so the cache's key (their ids) stays theirs
        self.types = tuple(models)
        # The features are interned, as the strings made once for many pairs are
        # (:func:`_pair_head`): a look-up that finds the very string compares no characters.
        weights = {t: {sys.intern(f): w for f, w in m.weights.items()} for t, m in models.items()}
        self.lookups = {t: (weights[t].get, m.bias) for t, m in models.items()}
        # For a candidate several types allow: each feature's weights in every model (0.0
        # where one has none), so its features are looked up once, not once per type.
        rows: dict[str, list[float]] = {}
        for k, t in enumerate(models):
            for feature, weight in weights[t].items():
                rows.setdefault(feature, [0.0] * len(models))[k] = weight
        self.rows = {feature: tuple(row) for feature, row in rows.items()}
        self.columns = {t: operator.itemgetter(k) for k, t in enumerate(self.types)}

    def probabilities(self, features: set[str], types: list[str]) -> list[tuple[str, float]]:
        if len(types) > 1:
            # The same nonzero weights as the per-type look-ups below, and fsum's sum is
            # exact whatever the order: the same probabilities.
            hits = list(filter(None, map(self.rows.get, features)))
            return [
                (t, self._sigmoid(self.lookups[t][1], filter(None, map(self.columns[t], hits))))
                for t in types
            ]
        out = []
        for type_ in types:
            get, bias = self.lookups[type_]
            # A zero weight and a missing one add nothing to the exact (fsum) sum alike, so
            # filter() drops both, and the weights are looked up and summed without a
            # Python step per feature.
            out.append((type_, self._sigmoid(bias, filter(None, map(get, features)))))
        return out

    @staticmethod
    def _sigmoid(bias: float, weights) -> float:
        z = bias + math.fsum(weights)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


_SCORERS: dict[tuple, _Scorer] = {}


def _scorer(models: dict[str, LinearModel]) -> _Scorer:
    key = tuple((t, id(m)) for t, m in models.items())
    scorer = _SCORERS.get(key)
    if scorer is None:
        if len(_SCORERS) > 16:
            _SCORERS.clear()
        scorer = _SCORERS[key] = _Scorer(models)
    return scorer


class Candidate:
    """One (head, tail) of a post: the learned types its ends allow, the features that hold
    for it anywhere in the post, and the sentence that states it best (a rule's, else the
    first one naming both)."""

    __slots__ = ("features", "sentence", "types")

    def __init__(self, sentence: str, types: tuple[str, ...]):
        self.features: set[str] = set()
        self.sentence = sentence
        self.types = types


def candidates(state: _Post, emitted: list[Relation]) -> dict[tuple[str, str], Candidate]:
    """Every candidate (head, tail) of the post with its features. A pair whose ends allow no
    learned type (a metric as tail, an institution as head) is no candidate, so its
    features are never built."""
    out: dict[tuple[str, str], Candidate] = {}
    barred: set[tuple[str, str]] = set()

    def candidate(head: str, tail: str, sentence: str) -> Candidate | None:
        key = (head, tail)
        c = out.get(key)
        if c is None and key not in barred:  # the ends' types are read once per pair
            types = tuple(t for t in LEARNED_TYPES if state.allowed(head, t, tail, LEARNED) == t)
            if types:
                c = out[key] = Candidate(sentence, types)
            else:
                barred.add(key)
        return c

    def far_candidates(head: str, k: int, unit: _Unit, tails, *extra: str) -> None:
        """``head``, which ``unit`` does not name, to each name of ``unit`` whose type is in
        ``tails``, with the features of a far pair (what ties the sentence to ``head``)."""
        words = None
        for j, e in enumerate(unit.ents):
            if e.type not in tails or e.name == head:
                continue
            c = candidate(head, e.name, state.raw.get(unit.text, unit.text))
            if c is None:
                continue
            if words is None:
                words = _ANAPHORS.intersection(_words(unit.text))
            where = "s0" if k == first_summary else "s"
            c.features.update("t" + f for f in _far(unit, unit.ents, j, where, words))
            c.features.update(extra)

    actor = state.actor
    title_names = {e.name for u in state.units if u.field == "title" for e in u.ents}
    title_first = next((u.ents[0].name for u in state.units if u.field == "title" and u.ents), None)
    first_summary = next((i for i, u in enumerate(state.units) if u.field != "title"), None)
    far_actor = actor is not None and state.types.get(actor) in HEADS
    # The technology a title names first is what the summary describes (rule 1): its
    # concepts in sentences that do not name it are candidates too.
    subject = title_first if title_first and state.types.get(title_first) == "TECHNOLOGY" else None
    referent = subject  # what "it" / "the service" of a summary sentence refers back to
    for k, unit in enumerate(state.units):
        ents = unit.ents
        names = [e.name for e in ents]
        kinds = [e.type for e in ents]
        pairs = len(ents) >= 2
        if unit.field != "title":
            pronoun_subject = _PRONOUN_SUBJECT.match(unit.text)
            if referent is not None and referent not in names and pronoun_subject:
                far_candidates(referent, k, unit, TAILS, "pronoun_subject")
            elif ents and ents[0].type == "TECHNOLOGY" and ents[0].s < 40:
                referent = names[0]
            elif not pronoun_subject:
                referent = subject
        far = far_actor and actor not in names and any(x in TAILS for x in kinds)
        if subject is not None and unit.field != "title" and subject not in names:
            far_candidates(subject, k, unit, ("CONCEPT",))
        if not (pairs or far):
            continue
        where = "title" if unit.field == "title" else ("s0" if k == first_summary else "s")
        sentence = state.raw.get(unit.text, unit.text)
        if pairs:
            ctx = _unit_context(unit, where)
            for i, head_kind in enumerate(kinds):
                if head_kind not in HEADS:
                    continue
                head = names[i]
                for j, tail_kind in enumerate(kinds):
                    if i == j or tail_kind not in TAILS or names[j] == head:
                        continue
                    c = out.get((head, names[j])) or candidate(head, names[j], sentence)
                    if c is None:
                        continue
                    c.features.update(ctx)
                    c.features.update(_pair(unit, ents, kinds, i, j))
                    if head == actor:
                        c.features.add("head_actor")
                    if head == title_first:
                        c.features.add("head_title_first")
        if not far:
            continue
        anaphors = _ANAPHORS.intersection(_words(unit.text))
        for j, tail_kind in enumerate(kinds):
            if tail_kind not in TAILS:
                continue
            c = candidate(actor, names[j], sentence)
            if c is None:
                continue
            c.features.update(_far(unit, ents, j, where, anaphors))
    # A pair only a rule joined (across sentences) is a candidate too. Which rule fired is
    # no feature: the rules were written from these sets' errors, so on them a rule is
    # right far more often than on text nobody tuned on, and weights that trust it carry
    # that optimism (measured: see docs/extraction.md).
    for (head, _, tail), proposals in state.proposed.items():
        candidate(head, tail, proposals[0][1])
    for rel in emitted:
        c = out.get((rel.head, rel.tail))
        if c is not None:
            c.sentence = rel.sentence
    for (head, tail), c in out.items():
        c.features.add("bias")
        c.features.add(f"types={state.types[head][0]}{state.types[tail][0]}")
        if head in title_names:
            c.features.add("head_in_title")
        if tail in title_names:
            c.features.add("tail_in_title")
        n = state.mentioned[tail]
        c.features.add(f"tail_named={min(n, 3)}")
        c.features.add(f"tail={tail.lower()}")
        if head == actor:
            c.features.add("actor")
            c.features.add("actor_passing" if state.passing else "actor_named")
    return out


def decide(state: _Post, models: dict[str, LinearModel]) -> list[Relation]:
    """The post's relations: the rules' triples, and each candidate the models accept.

    A rule's triple the model also accepts is ``<rule>+learned``, as sure as the surer of the
    two; one it does not is kept as the rule found it (on sets left out of the fit, the
    triples the model would drop were still right more often than not); a triple only the
    model accepts is ``learned``, its probability its confidence, unless RELATION-RULES
    rules it out in a way the words around one pair do not show (:func:`_ruled_out`).
    """
    emitted = state.result()
    found = {(r.head, r.type, r.tail): r for r in emitted}
    learned: dict[tuple[str, str, str], Relation] = {}
    scorer = _scorer(models)
    for (head, tail), c in candidates(state, emitted).items():
        types = [t for t in c.types if t in scorer.lookups]
        if not types:
            continue
        for type_, p in scorer.probabilities(c.features, types):
            if p < models[type_].threshold:
                continue
            key = (head, type_, tail)
            by_rule = found.get(key)
            if by_rule is not None:
                found[key] = dataclasses.replace(
                    by_rule,
                    method=f"{by_rule.method}+{LEARNED}",
                    confidence=max(by_rule.confidence, round(p, 2)),
                )
                continue
            learned[key] = Relation(
                state.post.id,
                head,
                state.types[head],
                type_,
                tail,
                state.types[tail],
                c.sentence,
                LEARNED,
                round(p, 2),
            )
    state.found = found
    for key, rel in learned.items():
        if not _ruled_out(state, rel, found, learned):
            state.found[key] = rel
    return state.result()


# RELATION-RULES rule 7: a negated, rejected, compared or merely compatible tail is not
# stated ("chose PostgreSQL over MongoDB", "unlike Apache Pulsar", "a Kubernetes-like API"),
# nor is a negated one ("DuckDB is not a data warehouse", "isn't a monolithic system").
_CONTRAST_BEFORE = re.compile(
    r"(?:\b(?:over|than|unlike|vs\.?|versus|instead\s+of|without|compared\s+(?:to|with)|"
    r"inspired\s+by|rather\s+than|similar\s+to|akin\s+to|not|no\s+longer)|n['\u2019]t)\s+"
    r"(?:the\s+|a\s+|an\s+)?$",
    re.I,
)
_CONTRAST_AFTER = re.compile(
    # "a Kubernetes-like API", "an open-source Slack/Discord alternative": a likeness
    r"-(?:like|compatible|inspired|style)\b"
    r"|(?:\s*/\s*[\w.-]+)*\s+(?:alternatives?|competitors?|rivals?|clones?)\b",
    re.I,
)


def _ruled_out(
    state: _Post,
    rel: Relation,
    found: dict[tuple[str, str, str], Relation],
    learned: dict[tuple[str, str, str], Relation],
) -> bool:
    """Whether RELATION-RULES rules out a triple only the model found: a concept some named
    technology of the post applies goes to it, not the company (rule 5); a company's move
    to or from a technology is no use of it (rule 6); a product named after the company is
    one it sells; a tail named only in contrast or as a likeness is not stated (rule 7)."""
    if (
        rel.type == "applies"
        and rel.head_type == "COMPANY"
        and any(
            k[1] == "applies" and k[2] == rel.tail and r.head_type == "TECHNOLOGY"
            for table in (found, learned)
            for k, r in table.items()
        )
    ):
        return True
    if unstated(state, rel):
        return True
    if (
        rel.type == "applies"
        and rel.head_type == "TECHNOLOGY"
        and any(
            k[1] == "applies"
            and k[2] == rel.tail
            and k[0] != rel.head
            and r.head_type == "TECHNOLOGY"
            and r.sentence == rel.sentence
            and not r.method.startswith(LEARNED)
            for k, r in found.items()
        )
    ):
        # "storage engines such as RocksDB", "data warehousing tool Snowflake", "Redis
        # (caching)": the sentence pins the concept to another named technology (rule 5)
        return True
    if rel.head_type == "COMPANY" and _named_after(rel.tail, rel.head):
        return True  # "Cloudflare Workers" of Cloudflare: a product it sells (rule 3)
    if rel.type == "applies" and rel.head_type == "TECHNOLOGY" and _host(state, rel.head):
        # "an LSM-tree storage engine in Go", "a virtual machine with GPU cores": a language
        # the system is written in, or the hardware it runs on, hosts the concept; the
        # concept is the system's (rule 5). A rule that says so in words still may.
        return True
    if rel.type == "uses" and (
        (rel.head, "migrated_to", rel.tail) in found
        or (rel.head, "migrated_from", rel.tail) in found
    ):
        return True
    for unit in state.units:
        for e in unit.ents:
            if e.name == rel.tail and (
                _CONTRAST_BEFORE.search(unit.text[: e.s]) or _CONTRAST_AFTER.match(unit.text[e.e :])
            ):
                return True
    return False


# The kinds of technology that host what is built with them: the code is written in a
# language, the software runs on hardware (rule 5's "the technology only hosts the concept").
_HOST_KINDS = HARDWARE_KINDS | {"programming language"}


def _host(state: _Post, name: str) -> bool:
    """Whether ``name`` is filed under a kind that hosts other systems (:data:`_HOST_KINDS`)."""
    if state.onto is None:
        return False
    entry = state.onto.entries.get(entity_key("TECHNOLOGY", name))
    return entry is not None and not _HOST_KINDS.isdisjoint(entry.parents)


def _unit_context(unit: _Unit, where: str) -> set[str]:
    n = len(unit.ents)
    return {f"unit={where}", f"unit_ents={min(n, 6)}"}


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


# Cached: each pair of a sentence asks for the words around the same names again. The lists
# are shared between callers, which only read them.
@functools.lru_cache(maxsize=4096)
def _before(text: str, end: int, n: int) -> list[str]:
    """The last ``n`` words before ``end`` (read from a window: a sentence can be long)."""
    start = max(0, end - 16 * n)
    words = _words(text[start:end])
    return (words[1:] if start else words)[-n:]  # the window may cut its first word


@functools.lru_cache(maxsize=4096)
def _after(text: str, start: int, n: int) -> list[str]:
    end = start + 16 * n
    words = _words(text[start:end])
    return (words[:-1] if end < len(text) else words)[:n]


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A crude stem, so "uses", "used" and "using" count as one cue."""
    for end in ("ing", "ed", "es", "s"):
        if word.endswith(end) and len(word) > len(end) + 2:
            return word[: -len(end)]
    return word


MAX_BETWEEN = 8
"""Each word between two names is a feature only when at most this many words part them:
farther apart, the words between belong to other clauses, and on sets left out of the fit
their weights cost precision (docs/extraction.md); the distance, the first and the last
word between still count."""


PAIR_FEATURES = None
"""An experiment's hook, off by default: a callable ``(unit, head, tail, types, order)`` whose
features are added to each pair of one sentence (``bench/relation_parse.py`` sets it to
dependency-parse features to measure them on left-out sets; the pipeline runs no parser)."""


def _bucket(n: int) -> str:
    return str(n) if n < 4 else ("4-5" if n < 6 else ("6-9" if n < 10 else "10+"))


# A pair's features are strings made anew for each pair of each sentence, most of them from
# a few parts (the two types, the order, a word between): those are made once per parts.
@functools.lru_cache(maxsize=4096)
def _pair_head(types: str, order: str, bucket: str, names: int, field: str) -> tuple[str, ...]:
    return tuple(
        map(
            sys.intern,
            (
                f"order={types}{order}",
                f"dist={order}{bucket}",
                f"dist={types}{order}{bucket}",
                f"names_between={names}",
                f"field={field}",
            ),
        )
    )


@functools.lru_cache(maxsize=65536)
def _between_word(types: str, order: str, w: str) -> tuple[str, str, str]:
    return (
        sys.intern(f"w={order}:{w}"),
        sys.intern(f"w={types}{order}:{w}"),
        sys.intern(f"stem={types}{order}:{_stem(w)}"),
    )


@functools.lru_cache(maxsize=65536)
def _first_last(order: str, first: str, last: str) -> tuple[str, str]:
    return sys.intern(f"first={order}:{first}"), sys.intern(f"last={order}:{last}")


@functools.lru_cache(maxsize=65536)
def _around(types: str, order: str, before: str, after: str) -> tuple[str, str, str]:
    return (
        sys.intern(f"before={order}:{before}"),
        sys.intern(f"after={order}:{after}"),
        sys.intern(f"before={types}{order}:{before}"),
    )


@functools.lru_cache(maxsize=65536)
def _ends(types: str, head_before: str, tail_after: str) -> tuple[str, str]:
    return sys.intern(f"head_before={types}:{head_before}"), sys.intern(
        f"tail_after={types}:{tail_after}"
    )


@functools.lru_cache(maxsize=256)
def _method(role: str, method: str) -> str:
    return sys.intern(f"{role}_method={method}")


def _pair(unit: _Unit, ents: list[_Ent], kinds: list[str], i: int, j: int) -> list[str]:
    """The features of head ``ents[i]`` and tail ``ents[j]`` in one sentence."""
    h, t = ents[i], ents[j]
    text = unit.text
    types = h.type[0] + t.type[0]
    order = "ht" if i < j else "th"
    a, b = (h, t) if i < j else (t, h)
    between = _words(text[a.e : b.s]) if a.e <= b.s else []
    feats = [*_pair_head(types, order, _bucket(len(between)), min(abs(i - j) - 1, 2), unit.field)]
    for w in set(between) if len(between) <= MAX_BETWEEN else ():
        feats.extend(_between_word(types, order, w))
    if len(between) <= 4:
        bag = " ".join(between)
        feats.append(f"bag={order}:{bag}")
        feats.append(f"bag={types}{order}:{bag}")
    if between:
        feats.extend(_first_last(order, between[0], between[-1]))
    before = _before(text, a.s, 1)
    after = _after(text, b.e, 1)
    feats.extend(_around(types, order, before[0] if before else "^", after[0] if after else "$"))
    for role, e in (("head", h), ("tail", t)):
        suffix = _SUFFIX.match(text, e.e)
        if suffix:
            feats.append(f"{role}_suffix={suffix.group(1).lower()}")
        feats.append(_method(role, e.m.method))
    if i == 0:
        feats.append("head_first")
    lo, hi = min(i, j), max(i, j)
    inside = kinds[lo + 1 : hi]
    if t.type not in inside:
        feats.append(f"nearest_tail={types}{order}")
    if h.type not in inside:
        feats.append(f"nearest_head={types}{order}")
    previous = ents[j - 1] if j else None
    if (
        h.type == "COMPANY"
        and previous is not None
        and previous.type == "TECHNOLOGY"
        and j - 1 != i
        and not text[previous.e : t.s].strip(" -")
    ):
        feats.append(f"tail_after_technology={types}")
    if i < j:  # the head opens the pair: the words around it are the pair's
        head_before, tail_after = before, after
    else:
        head_before, tail_after = _before(text, h.s, 1), _after(text, t.e, 1)
    feats.extend(
        _ends(types, head_before[0] if head_before else "^", tail_after[0] if tail_after else "$")
    )
    feats.extend(_coordinated(unit, ents, i, j, types, order))
    if t.type == "CONCEPT" and kinds.count("CONCEPT") == 1:
        feats.append("tail_only_concept")
    if t.type == "CONCEPT" and "TECHNOLOGY" not in kinds:
        feats.append("no_technology")
    if PAIR_FEATURES is not None:
        feats.extend(PAIR_FEATURES(unit, h, t, types, order))
    return feats


_CONJUNCTION = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+|&\s*)?|and\s+|or\s+|&\s*|/\s*)", re.I)


def _conjuncts(text: str, ents: list[_Ent], k: int) -> tuple[int, int]:
    """The first and last index of the list of names of one type that ``ents[k]`` is in
    ("Kafka, Flink and Iceberg"): names joined only by commas, "and", "or", "&" or "/"."""
    lo = hi = k
    while (
        lo
        and ents[lo - 1].type == ents[k].type
        and _CONJUNCTION.fullmatch(text, ents[lo - 1].e, ents[lo].s)
    ):
        lo -= 1
    while (
        hi + 1 < len(ents)
        and ents[hi + 1].type == ents[k].type
        and _CONJUNCTION.fullmatch(text, ents[hi].e, ents[hi + 1].s)
    ):
        hi += 1
    return lo, hi


def _coordinated(
    unit: _Unit, ents: list[_Ent], i: int, j: int, types: str, order: str
) -> list[str]:
    """A coordinated name shares what governs its list, as a parser's coordination would:
    "with Apache Kafka and Elasticsearch" states of Elasticsearch what "with" states of
    Kafka. When the head or the tail stands in a list, the words between the two lists (the
    other names of the list left out) are features too, prefixed ``co``."""
    text = unit.text
    lo_i, hi_i = _conjuncts(text, ents, i)
    lo_j, hi_j = _conjuncts(text, ents, j)
    if lo_i == hi_i and lo_j == hi_j:
        return []
    if i < j:
        if hi_i >= lo_j:
            return ["co_same_list"]
        a, b = ents[hi_i], ents[lo_j]
    else:
        if hi_j >= lo_i:
            return ["co_same_list"]
        a, b = ents[hi_j], ents[lo_i]
    between = _words(text[a.e : b.s]) if a.e <= b.s else []
    if between == _words(text[ents[min(i, j)].e : ents[max(i, j)].s]):
        return []
    feats = [f"co_dist={types}{order}{_bucket(len(between))}", f"co_list={types}{order}"]
    if len(between) <= 4:
        feats.append(f"co_bag={types}{order}:{' '.join(between)}")
    if between:
        feats.append(f"co_first={order}:{between[0]}")
        feats.append(f"co_last={order}:{between[-1]}")
    for w in set(between) if len(between) <= MAX_BETWEEN else ():
        feats.append(f"co_w={types}{order}:{w}")
    return feats


@functools.lru_cache(maxsize=1024)
def _far_head(kind: str, where: str, n: int, method: str) -> tuple[str, ...]:
    return tuple(
        map(
            sys.intern,
            (
                "far",
                f"far={kind}",
                f"far_unit={where}",
                f"far_unit={kind}{where}",
                f"far_ents={n}",
                f"far_method={method}",
            ),
        )
    )


@functools.lru_cache(maxsize=65536)
def _far_word(kind: str, w: str) -> tuple[str, str]:
    return sys.intern(f"far_w={kind}:{w}"), sys.intern(f"far_stem={kind}:{_stem(w)}")


@functools.lru_cache(maxsize=256)
def _far_anaphor(kind: str, w: str) -> tuple[str, str]:
    return sys.intern(f"far_anaphor={w}"), sys.intern(f"far_anaphor={kind}{w}")


def _far(unit: _Unit, ents: list[_Ent], j: int, where: str, anaphors: set[str]) -> list[str]:
    """The features of the post's company and ``ents[j]`` in a sentence that does not name
    the company: what ties the sentence to it (an anaphor, its place in the post)."""
    t = ents[j]
    text = unit.text
    kind = t.type[0]
    words = _before(text, t.s, 6)
    feats = [*_far_head(kind, where, min(len(ents), 6), t.m.method)]
    feats.append(f"far_before={kind}:{words[-1] if words else '^'}")
    if len(words) >= 2:
        feats.append(f"far_before2={kind}:{words[-2]} {words[-1]}")
    for w in set(words[-6:]):
        feats.extend(_far_word(kind, w))
    for w in anaphors:
        feats.extend(_far_anaphor(kind, w))
    if j == 0:
        feats.append(f"far_first={kind}")
    if any(e.type == "TECHNOLOGY" for e in ents[:j]):
        feats.append(f"far_tech_before={kind}")
    if j and ents[j - 1].type == "TECHNOLOGY" and not text[ents[j - 1].e : t.s].strip(" -"):
        feats.append(f"far_tech_adjacent={kind}")
    following = ents[j + 1] if j + 1 < len(ents) else None
    if (
        following is not None
        and following.type == "TECHNOLOGY"
        and len(_words(text[t.e : following.s])) <= 2
    ):
        feats.append(f"far_tech_next={kind}")
    suffix = _SUFFIX.match(text, t.e)
    if suffix:
        feats.append(f"far_suffix={suffix.group(1).lower()}")
    after = _after(text, t.e, 1)
    feats.append(f"far_after={kind}:{after[0] if after else '$'}")
    return feats
