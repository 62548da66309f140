"""Leave-sets-out validation of the learned concept decisions.

    python bench/concept_learning.py harvest     # run the rules on the tuning sets once
    python bench/concept_learning.py cv          # 5 folds of whole sets: rules vs learned

The harvest runs the extractor with the learned layer off and keeps each post's mentions.
Each fold fits on four fifths of the tuning sets, chooses thresholds by a leave-sets-out
inside those, and scores the held-out fifth with the scorer's own matching.

Two decisions are measured: **keep** (``kgraph.extract.concept_choice``, shipped: whether a
concept the rules propose stays) and **open** (below, not shipped: lower-case noun phrases
the ontology lacks, accepted above the lowest threshold whose out-of-fold candidates are
right ``OPEN_PRECISION`` of the time).
"""

from __future__ import annotations

import pickle
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kgraph.extract import concept_fit, learned  # noqa: E402
from kgraph.extract.concept_choice import (  # noqa: E402
    _context,
    _words,
    keep_concepts,
    tokens,
)
from kgraph.extract.generic import is_generic  # noqa: E402
from kgraph.extract.scoring import fold  # noqa: E402
from kgraph.extract.variants import singular  # noqa: E402
from kgraph.model import FIELDS, Mention, Post  # noqa: E402
from kgraph.ontology import Ontology  # noqa: E402

CACHE = Path("/tmp/kgraph-concept-harvest.pkl")
MAX_WORDS = 4
OPEN_PRECISION = 0.75
OPEN_GRID = [round(0.05 * i, 2) for i in range(8, 20)]


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


def open_rows(records, onto) -> list[tuple[list[str], int]]:
    """(features, the post's gold names a concept so) of each open candidate."""
    rows = []
    for post, gold, mentions in records:
        names = {
            fold(n) for g in gold if g.get("type") == "CONCEPT" for n in (g["text"], g["canonical"])
        }
        for c in open_candidates(post, mentions, onto):
            rows.append((list(c.features), int(fold(c.text) in names or c.canonical in names)))
    return rows


def open_threshold(scored) -> float:
    """The lowest threshold whose accepted candidates are right OPEN_PRECISION of the time."""
    for t in OPEN_GRID:
        taken = [y for p, y in scored if p >= t]
        if len(taken) >= 5 and sum(taken) / len(taken) >= OPEN_PRECISION:
            return t
    return 1.01


def fit_open(data: dict, onto) -> learned.LinearModel:
    rows = {name: open_rows(records, onto) for name, records in data.items()}
    scored = concept_fit.out_of_fold(rows)
    top = sorted(scored, key=lambda s: -s[0])
    for n in (10, 20, 40, 80):
        print(f"  open out-of-fold: best {n} right {sum(y for _, y in top[:n]) / n:.2f}")
    model = learned.fit([r for name in sorted(rows) for r in rows[name]], l2=concept_fit.L2)
    return learned.LinearModel(model.weights, model.bias, open_threshold(scored))


def harvest() -> None:
    from kgraph.extract import load_extractor

    ex = load_extractor()
    ex.keep = None
    data = concept_fit.harvest(ex)
    CACHE.write_bytes(pickle.dumps(data))
    print(f"{sum(len(v) for v in data.values())} posts from {len(data)} sets")


def counts(data, onto=None, keep=None, opened=None):
    """Pooled per-type (tp, fp, fn), main and by canonical, after the decisions."""
    main, canon = {}, {}
    for records in data.values():
        for post, gold, mentions in records:
            if keep is not None:
                mentions = keep_concepts(post, mentions, onto, keep)
            if opened is not None:
                mentions = add_open(post, mentions, onto, opened)
            concept_fit.score_post(gold, mentions, main, canon)
    return main, canon


def prf(c):
    tp, fp, fn = c
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    return f"{p:.3f}/{r:.3f}/{2 * p * r / (p + r) if p + r else 0:.3f} (tp{tp} fp{fp} fn{fn})"


def show(label, main, canon):
    total = [sum(c[i] for c in main.values()) for i in range(3)]
    ctotal = [sum(c[i] for c in canon.values()) for i in range(3)]
    print(f"{label:24s} micro {prf(total)}  canon {prf(ctotal)}")
    print(f"{'':24s} CONCEPT {prf(main['CONCEPT'])}  canon {prf(canon['CONCEPT'])}")


def cv(which: str = "keep,open") -> None:
    from kgraph.ontology import load_ontology

    onto = load_ontology()
    data = pickle.loads(CACHE.read_bytes())
    if which == "insample":
        keep = concept_fit.fit_keep(data, onto)
        show("rules (in sample)", *counts(data))
        show("keep (in sample)", *counts(data, onto, keep))
        return
    base = ({}, {})
    runs = {name: ({}, {}) for name in which.split(",")}
    for k, held in enumerate(concept_fit.folds(sorted(data))):
        train = {s: data[s] for s in data if s not in held}
        test = {s: data[s] for s in held}
        models = {}
        if "keep" in runs:
            models["keep"] = {"keep": concept_fit.fit_keep(train, onto)}
        if "open" in runs:
            models["open"] = {"opened": fit_open(train, onto)}
        m, c = counts(test)
        _add(base, m, c)
        for name, kw in models.items():
            m2, c2 = counts(test, onto, **kw)
            _add(runs[name], m2, c2)
            model = next(iter(kw.values()))
            print(f"fold {k} {name} (threshold {model.threshold}) held {','.join(held)}")
            print(f"  CONCEPT {prf(m['CONCEPT'])} -> {prf(m2['CONCEPT'])}")
    show("rules (held-out folds)", *base)
    for name, (m, c) in runs.items():
        show(f"learned {name}", m, c)


def _add(acc, main, canon):
    for target, source in zip(acc, (main, canon), strict=True):
        for t, c in source.items():
            row = target.setdefault(t, [0, 0, 0])
            for i in range(3):
                row[i] += c[i]


if __name__ == "__main__":
    {"harvest": harvest, "cv": cv}[sys.argv[1]](*sys.argv[2:])
