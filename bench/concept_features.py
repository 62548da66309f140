"""Features of the learned concept decisions measured by ``bench/concept_learning.py``.

* **keep**: whether a concept entity the rules propose in a post matches the gold, from
  general features read at its first mention: its words, head word and the head's suffix,
  length, shape, where it came from (curated, registry, glossary term, mined; the ontology
  file), whether the ontology's concept names use its head and modifiers, the words before
  and after it and whether it sits inside a longer run of lower-case words, the fields it is
  in and how often the post uses it. Never the term's own identity.
* **open**: lower-case noun phrases the rules did not propose (one to four content words
  ending a run of them, cut by punctuation, capitals, digits and function words), from the
  same word features plus the run, repetition in the post and whether the ontology knows
  the phrase under another type.

Features are plain strings for :mod:`kgraph.extract.learned`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kgraph.extract.generic import SHARED_IDEAS, is_generic
from kgraph.extract.variants import singular
from kgraph.model import FIELDS, Mention, Post
from kgraph.ontology import Ontology

# A word, with inner hyphens, slashes and apostrophes; anything else is one character.
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['\u2019][a-z]+)?(?:[-/][A-Za-z0-9]+)*|\S")
_LOWER_WORD = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
SUFFIXES = ("ing", "tion", "sion", "ity", "ency", "ancy", "ment", "ness", "ism", "ure", "er", "s")
MAX_WORDS = 4


@cache
def stop_words() -> frozenset[str]:
    """Function words: a noun phrase never crosses one."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {"via", "vs", "like", "per"}


@dataclass(frozen=True)
class Token:
    text: str
    lower: str
    start: int
    end: int
    word: bool
    """A lower-case content word: part of a noun-phrase run."""


def tokens(text: str) -> list[Token]:
    stops = stop_words()
    out = []
    for m in _TOKEN.finditer(text):
        t = m.group()
        low = t.lower()
        word = bool(_LOWER_WORD.fullmatch(t)) and low not in stops and not t[0].isdigit()
        out.append(Token(t, low, m.start(), m.end(), word))
    return out


def _suffix(word: str) -> str:
    return next((s for s in SUFFIXES if word.endswith(s) and len(word) > len(s) + 2), "")


def _shape(text: str) -> str:
    if text.islower():
        return "lower"
    if text.isupper():
        return "upper"
    if all(w[:1].isupper() for w in text.split()):
        return "title"
    return "mixed"


def _neighbour(toks: list[Token], i: int) -> str:
    if i < 0:
        return "^"
    if i >= len(toks):
        return "$"
    t = toks[i]
    if t.word or t.lower in stop_words():
        return t.lower
    if not t.text[0].isalnum():
        return "punct" if t.text not in ".!?:;" else "stop"
    return "Cap" if t.text[0].isupper() else "other"


def _context(toks: list[Token], first: int, last: int) -> list[str]:
    """Features of the words around tokens ``first`` to ``last``."""
    before, after = _neighbour(toks, first - 1), _neighbour(toks, last + 1)
    feats = [f"prev={before}", f"next={after}"]
    if first > 0 and toks[first - 1].word:
        feats.append("prev_in_run")
    if last + 1 < len(toks) and toks[last + 1].word:
        feats.append("next_in_run")
    return feats


_VOCABULARIES: dict[int, tuple] = {}


def _vocabulary(onto: Ontology) -> tuple[frozenset[str], frozenset[str]]:
    """The heads and the words of the ontology's concept names (read once per ontology)."""
    known = _VOCABULARIES.get(id(onto))
    if known is not None and known[0] is onto:
        return known[1]
    names = [
        n.lower().replace("-", " ").split()
        for e in onto.by_type("CONCEPT")
        for n in (e.name, *e.aliases)
    ]
    vocabulary = frozenset(w[-1] for w in names if w), frozenset(x for w in names for x in w)
    _VOCABULARIES[id(onto)] = (onto, vocabulary)
    return vocabulary


def _words(words: list[str], english, onto: Ontology) -> list[str]:
    """Features of a phrase's own words."""
    from kgraph.extract.miner import DOMAIN_HEADS

    heads, vocabulary = _vocabulary(onto)
    head = words[-1]
    one = singular(head)
    feats = [
        f"head_known={one in heads or head in heads}",
        f"domain_head={one in DOMAIN_HEADS or head in DOMAIN_HEADS}",
        f"mods_known={sum(w in vocabulary for w in words[:-1])}/{len(words) - 1}",
        f"words={min(len(words), MAX_WORDS)}",
        f"head={singular(head)}",
        f"suffix={_suffix(head)}",
        f"english={sum(map(english, words)) == len(words)}",
    ]
    if len(words) > 1:
        feats += [f"first={words[0]}", f"mod_suffix={_suffix(words[0])}"]
        feats += [f"mod={w}" for w in words[:-1]]
    if "-" in "".join(words):
        feats.append("hyphen")
    return feats


def keep_features(m: Mention, post: Post, onto: Ontology, uses: int, fields: set) -> list[str]:
    """Features of a proposed concept entity, read at its first mention in the post."""
    from kgraph.extract.english import is_english_word

    text = getattr(post, m.field) or ""
    toks = tokens(text)
    inside = [i for i, t in enumerate(toks) if t.start >= m.start and t.end <= m.end]
    first, last = (inside[0], inside[-1]) if inside else (0, -1)
    words = [t.lower for t in toks[first : last + 1] if t.text[0].isalnum()] or [m.text.lower()]
    entry = onto.entries.get(m.entity_key)
    if entry is None:
        source = "mined"
    elif entry.registry:
        source = "term" if entry.term else "registry"
    else:
        source = "curated"
    feats = [
        f"method={m.method}",
        f"source={source}",
        f"shape={_shape(m.text)}",
        f"field={'both' if len(fields) > 1 else m.field}",
        f"uses={min(uses, 3)}",
        f"as_canonical={m.text.lower() == m.canonical.lower()}",
        f"conf={round(m.confidence, 1)}",
        *_words(words, is_english_word, onto),
        *_context(toks, first, last),
    ]
    if entry is not None:
        feats.append(f"origin={Path(entry.origin).stem}")
        if entry.ambiguous:
            feats.append("ambiguous")
        if entry.parents:
            feats.append("has_parent")
    if is_generic(m.text):
        feats.append("generic")
    return [f"{source}:{f}" for f in feats] + feats


def concept_entities(mentions: list[Mention]) -> dict[str, list[Mention]]:
    """The post's CONCEPT mentions grouped by entity, in order."""
    out: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.type == "CONCEPT":
            out.setdefault(m.entity_key, []).append(m)
    return out


def keep_rows(
    post: Post, mentions: list[Mention], onto: Ontology, shared: bool = False
) -> dict[str, list[str]]:
    """Each proposed concept entity's keep features, by entity key.

    ``low latency`` and ``high throughput`` are asked only with ``shared``: the gold leaves
    them out, but the extractor keeps them on purpose (often the only idea two posts of a
    small corpus share; see ``generic.SHARED_IDEAS``).
    """
    return {
        key: keep_features(ms[0], post, onto, len(ms), {m.field for m in ms})
        for key, ms in concept_entities(mentions).items()
        if shared or ms[0].canonical.lower().replace("-", " ") not in SHARED_IDEAS
    }


def keep_concepts(
    post: Post, mentions: list[Mention], onto: Ontology, model, shared: bool = False
) -> list[Mention]:
    """The post's mentions without the concept entities ``model`` does not keep."""
    rows = keep_rows(post, mentions, onto, shared)
    drop = {key for key, feats in rows.items() if not model.accepts(feats)}
    return [m for m in mentions if m.entity_key not in drop] if drop else mentions


@dataclass(frozen=True)
class Candidate:
    """A lower-case noun phrase the rules did not propose."""

    field: str
    start: int
    end: int
    text: str
    canonical: str
    sentence: str
    features: tuple[str, ...]
    covers: frozenset[str]
    """Entity keys of the concept mentions inside it (it would replace them)."""


def open_candidates(post: Post, mentions: list[Mention], onto: Ontology) -> Iterator[Candidate]:
    """Phrases of one to four lower-case content words ending a run, outside the names found.

    A run is cut by punctuation, capitals, digits and function words; the phrase ends at
    its run's last word (the head, without a tagger) and starts at any word before it.
    """
    from kgraph.extract.english import is_english_word

    for field in FIELDS:
        text = getattr(post, field) or ""
        if not text:
            continue
        spans = [(m.start, m.end, m) for m in mentions if m.field == field]
        toks = tokens(text)
        lowered = f"{post.title} {post.summary}".lower()
        i = 0
        while i < len(toks):
            if not toks[i].word:
                i += 1
                continue
            j = i
            while j + 1 < len(toks) and toks[j + 1].word:
                j += 1
            for first in range(max(i, j - MAX_WORDS + 1), j + 1):
                start, end = toks[first].start, toks[j].end
                inside, clash = set(), False
                for s, e, m in spans:
                    if e <= start or s >= end:
                        continue
                    if m.type == "CONCEPT" and start <= s and e <= end and (s, e) != (start, end):
                        inside.add(m.entity_key)
                    else:
                        clash = True
                if clash:
                    continue
                words = [t.lower for t in toks[first : j + 1]]
                feats = _words(words, is_english_word, onto) + _context(toks, first, j)
                phrase = " ".join(words)
                if lowered.count(phrase) > 1:
                    feats.append("repeated")
                known = onto.lookup(phrase)
                if known is not None:
                    feats.append(f"known={known.type}")
                feats += [f"run_len={min(j - i + 1, 5)}", f"field={field}"]
                if first > i:
                    feats.append("run_cut")
                if inside:
                    feats.append("covers_concept")
                if is_generic(" ".join(words)):
                    feats.append("generic")
                canonical = " ".join([*words[:-1], singular(words[-1])])
                yield Candidate(
                    field,
                    start,
                    end,
                    text[start:end],
                    canonical,
                    _sentence(text, start, end),
                    tuple(feats),
                    frozenset(inside),
                )
            i = j + 1


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("? ", 0, start), text.rfind("! ", 0, start))
    right = min((k for k in (text.find(". ", end), text.find("? ", end)) if k >= 0), default=-1)
    return text[left + 2 if left >= 0 else 0 : right + 1 if right >= 0 else len(text)].strip()


def add_open(post: Post, mentions: list[Mention], onto: Ontology, model) -> list[Mention]:
    """Mentions plus the best non-overlapping open candidates the model accepts."""
    scored = []
    for c in open_candidates(post, mentions, onto):
        p = model.probability(c.features)
        if p >= model.threshold:
            scored.append((-p, c.field, c.start, c))
    if not scored:
        return mentions
    scored.sort(key=lambda s: s[:3])
    taken: list[Candidate] = []
    for _, _, _, c in scored:
        if any(t.field == c.field and t.start < c.end and c.start < t.end for t in taken):
            continue
        taken.append(c)
    replaced = {(c.field, k) for c in taken for k in c.covers}
    kept = [
        m
        for m in mentions
        if not any(
            (m.field, m.entity_key) in replaced
            and c.field == m.field
            and c.start <= m.start
            and m.end <= c.end
            for c in taken
        )
    ]
    for c in taken:
        entry = onto.lookup(c.canonical)
        canonical = entry.name if entry is not None and entry.type == "CONCEPT" else c.canonical
        kept.append(
            Mention(
                post.id,
                c.text,
                "CONCEPT",
                canonical,
                c.field,
                c.start,
                c.end,
                c.sentence,
                "rule",
                round(model.probability(c.features), 2),
            )
        )
    return sorted(kept, key=lambda m: (FIELDS.index(m.field), m.start, m.end))
