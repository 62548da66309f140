"""Learned keeping of the names discovery gives COMPANY or TECHNOLOGY.

The rules that keep a discovered name were written from the errors of a few sets and carry
poorly to text nobody tuned on. Here a small logistic model (:mod:`kgraph.extract.learned`)
over general features of the name and its context judges each discovered company or
technology of a post once, after the rules: whether it is a name at all (people, events,
places and capitalised plain words are not). The rules' own decision (the type they gave)
is one of the features. A second model, of the type (the organisation or its product), was
fitted on the same features and did no better than the rules on held-out sets, so it is
not used (docs/extraction.md).

Features are strings: the words just before and after each mention (``prev=at``,
``next=engineers``, ``next2='s team``), the name's shape and its last word's ending
(``shape=Xx``, ``suffix=ops``), the NER's label, whether the name is the post's publisher, what the ontology
knows of it (its types, curated or generated), where it stands (title, sentence start) and
how often the post names it. An entity's mentions in a post are judged together, on the
union of their features.

The weights are ``data/learned/name-keep.json``, refitted by
``python bench/fit_name_model.py`` (see docs/extraction.md); they are read once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from kgraph import config
from kgraph.extract.english import is_english_word
from kgraph.extract.learned import LinearModel
from kgraph.extract.publisher import publisher_keys, squeezed
from kgraph.model import Mention, Post, entity_key
from kgraph.ontology import Ontology

KEEP_FILE = config.LEARNED_DIR / "name-keep.json"
JUDGED = ("COMPANY", "TECHNOLOGY")
"""The types whose entities are judged."""
KEEP_METHODS = ("model",)
"""The methods whose entities may be dropped: names discovered outside the ontology (the
ontology's own names are kept: a keep filter over them gained nothing, docs/extraction.md)."""

_WORD = re.compile(r"[A-Za-z0-9][\w.+#-]*[\w+#]|[A-Za-z0-9]|['\u2019]s\b|[^\w\s]")
_CONTEXT_WORDS = 2
_UPPER, _LOWER, _DIGITS, _SPACES = (re.compile(p) for p in ("[A-Z]+", "[a-z]+", "[0-9]+", r"\s+"))
_INNER_CAPITAL = re.compile("[a-z][A-Z]")


@lru_cache(maxsize=1)
def keep_model() -> LinearModel | None:
    """The keep model, read once; ``None`` when its file is missing."""
    return LinearModel.load(KEEP_FILE) if KEEP_FILE.exists() else None


_recorder: list | None = None


@contextmanager
def recording() -> Iterator[list]:
    """Record every company's and technology's (post, mentions, features) in the posts
    extracted meanwhile, judging none: the rows the models are fitted on
    (``bench/fit_name_model.py``)."""
    global _recorder
    _recorder = rows = []
    try:
        yield rows
    finally:
        _recorder = None


def judge(post: Post, mentions: list[Mention], ner, onto: Ontology) -> list[Mention]:
    """``mentions`` without the discovered names the keep model rejects.

    ``ner()`` gives the NER's entities as (field, start, end, label) in field offsets; it is
    called only for a post with a name to judge.
    """
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.type in JUDGED:
            groups.setdefault(m.canonical, []).append(m)
    if _recorder is None:
        groups = {c: g for c, g in groups.items() if all(m.method in KEEP_METHODS for m in g)}
    keep = keep_model() if _recorder is None else None
    if not groups or (keep is None and _recorder is None):
        return mentions
    publisher = publisher_keys(post)
    ents = ner()
    dropped: set[str] = set()
    for canonical, group in groups.items():
        features = entity_features(post, group, mentions, ents, onto, publisher)
        if _recorder is not None:
            _recorder.append((post, group, features))
        elif not keep.accepts(features):
            dropped.add(canonical)
    if not dropped:
        return mentions
    return [m for m in mentions if not (m.type in JUDGED and m.canonical in dropped)]


def entity_features(
    post: Post,
    group: list[Mention],
    mentions: list[Mention],
    ents: list[tuple],
    onto: Ontology,
    publisher: frozenset[str],
) -> list[str]:
    """The features of one entity of a post: the union over its mentions, and the entity's."""
    first = group[0]
    name = first.canonical
    out = {f"rule={first.type}", f"method={first.method}", f"conf={round(first.confidence, 2)}"}
    out |= _name_features(name)
    if any(m.method == "ontology" for m in group):
        out.add("ontology_match")
    lower = name.lower()
    if name != lower and _written_in_lower(lower, post.summary):
        out.add("lower_elsewhere")
    if any(m.field == "title" for m in group) and _title_case(post.title):
        out.add("title_case_title")
    out.add(f"count={min(len(group), 3)}")
    if len({m.field for m in group}) > 1:
        out.add("both_fields")
    key = squeezed(name)
    if key and (key in publisher or any(squeezed(m.text) in publisher for m in group)):
        out.add("publisher")
    for type_ in (*JUDGED, "CONCEPT"):
        entry = onto.entries.get(entity_key(type_, name))
        if entry is not None:
            out.add(f"onto={type_}:{'registry' if entry.registry else 'curated'}")
    entry = onto.lookup(name)
    if entry is not None:
        out.add(f"alias_of={entry.type}")
    head = name.split(" ")[0]
    if " " in name:
        entry = onto.lookup(head)
        if entry is not None:
            out.add(f"head_known={entry.type}")
    others = {m.canonical for m in mentions if m.type == "COMPANY" and m.canonical != name}
    if any(name.startswith(o + " ") for o in others):
        out.add("after_company_name")
    for m in group:
        out |= _mention_features(post, m, ents)
    return sorted(out)


def _name_features(name: str) -> set[str]:
    words = name.split()
    last = words[-1] if words else ""
    # No feature is the name's own words: weights for particular names would be rules for
    # the names seen in the tuning sets (and held out, they did worse).
    out = {f"words={min(len(words), 4)}", f"shape={_shape(name)}"}
    english = [is_english_word(w) for w in words if w[:1].isalpha()]
    if english and all(english):
        out.add("all_english")
    elif any(english):
        out.add("some_english")
    if len(last) > 4:
        out.add(f"suffix={last[-3:].lower()}")
    if any(c.isdigit() for c in name):
        out.add("digit")
    if "-" in name:
        out.add("hyphen")
    if "." in name:
        out.add("dot")
    if _INNER_CAPITAL.search(name):
        out.add("inner_capital")
    if name.isupper() and len(name) > 1:
        out.add("all_capitals")
    return out


def _written_in_lower(lower: str, text: str) -> bool:
    """``lower`` occurs in ``text`` as a whole word or words (the name as a plain word)."""
    at = text.find(lower)
    while at >= 0:
        end = at + len(lower)
        before, after = text[at - 1 : at] if at else "", text[end : end + 1]
        if not _joined(before) and not _joined(after):
            return True
        at = text.find(lower, at + 1)
    return False


def _joined(char: str) -> bool:
    """A character that joins the letters beside it into one word."""
    return char.isalnum() or (char != "" and char in "-_")


def _title_case(title: str) -> bool:
    """Every longer word of the title capitalised: a headline, whose capitals name nothing."""
    long = [w for w in title.split() if len(w) > 3 and w[:1].isalpha()]
    return len(long) >= 3 and all(w[:1].isupper() for w in long)


def _shape(text: str) -> str:
    """``Xx`` of ``Airbnb``, ``XxXx`` of ``GitHub``, ``X`` of ``AWS``: case runs, digits ``d``."""
    shape = _UPPER.sub("X", _LOWER.sub("x", _DIGITS.sub("d", text)))
    return _SPACES.sub(" ", shape)[:8]


def _mention_features(post: Post, m: Mention, ents: list[tuple]) -> set[str]:
    out = {f"field={m.field}"} | _context_features(getattr(post, m.field), m.start, m.end, m.text)
    for field, start, end, label in ents:
        if field == m.field and start < m.end and m.start < end:
            out.add(f"ner={label}")
            if start == m.start and end == m.end:
                out.add(f"ner_exact={label}")
    return out


def _side(out: set[str], key: str, words: list[str], nearest: str, edge: str) -> None:
    """One side's features: the nearest word and its shape, and both words in reading order
    (``edge`` when the side is empty)."""
    if not words:
        out.add(f"{key}={edge}")
        return
    out.add(f"{key}={_word(nearest)}")
    out.add(f"{key}_shape={_shape(nearest)[:3]}")
    if len(words) > 1:
        out.add(f"{key}2={_word(words[0])}_{_word(words[1])}")


def _context_features(raw: str, start: int, end: int, text: str) -> set[str]:
    """The words around ``raw[start:end]``: the two before and after, and sentence start."""
    before = _WORD.findall(raw[max(0, start - 60) : start])[-_CONTEXT_WORDS:]
    after = _WORD.findall(raw[end : end + 60])[:_CONTEXT_WORDS]
    out = set()
    if text.endswith(("'s", "\u2019s")):
        after = ["'s", *after][:_CONTEXT_WORDS]
    _side(out, "prev", before, before[-1] if before else "", "^")
    _side(out, "next", after, after[0] if after else "", "$")
    sentence_start = not before or before[-1] in ".!?:"
    if sentence_start:
        out.add("sentence_start")
    return out


def _word(token: str) -> str:
    """A context word as a feature: lower case, a number as ``num``."""
    if token in ("'s", "\u2019s"):
        return "'s"
    if token[:1].isdigit():
        return "num"
    return token.lower()
