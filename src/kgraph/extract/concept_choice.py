"""A learned decision on the concepts the rules propose: which ones a post keeps.

The ontology's rulers and the miner propose CONCEPT mentions; some name a generic idea the
post only brushes ("scale", "performance" in passing), which no word list decides well on
text nobody has read. A small logistic model (:mod:`kgraph.extract.learned`) decides per
entity and post, from general features read at its first mention: its words, head word and
the head's suffix, length, shape, where it came from (curated, registry, glossary term,
mined; the ontology file), whether the ontology's concept names use its head and modifiers,
the words before and after it and whether it sits inside a longer run of lower-case words,
the fields it is in and how often the post uses it. Never the term's own identity: that
learns the tuning sets' annotators, not the field.

The weights are fitted on the annotated sets (``python -m kgraph.extract.concept_fit``,
docs/extraction.md) and read once from ``data/learned/concept_keep.json``; a decision costs a
tokenisation of the field and a few dictionary lookups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kgraph import config
from kgraph.extract.generic import is_generic
from kgraph.extract.learned import LinearModel
from kgraph.extract.variants import singular
from kgraph.model import Mention, Post
from kgraph.ontology import Ontology

LEARNED_DIR = config.DATA_DIR / "learned"
KEEP_MODEL = LEARNED_DIR / "concept_keep.json"

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


def keep_rows(post: Post, mentions: list[Mention], onto: Ontology) -> dict[str, list[str]]:
    """Each proposed concept entity's keep features, by entity key."""
    return {
        key: keep_features(ms[0], post, onto, len(ms), {m.field for m in ms})
        for key, ms in concept_entities(mentions).items()
    }


def keep_concepts(post: Post, mentions: list[Mention], onto: Ontology, model) -> list[Mention]:
    """The post's mentions without the concept entities ``model`` does not keep."""
    drop = {
        key for key, feats in keep_rows(post, mentions, onto).items() if not model.accepts(feats)
    }
    return [m for m in mentions if m.entity_key not in drop] if drop else mentions


@cache
def keep_model(path: Path = KEEP_MODEL) -> LinearModel | None:
    """The shipped keep model, read once (None when the file is missing)."""
    return LinearModel.load(path) if path.exists() else None
